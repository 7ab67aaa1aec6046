"""Interface language: installs the compiled Qt translation (``i18n/quizapp_zh_CN.qm``).

English is the source language, but its file (``i18n/quizapp_en.qm``) holds the singular and
plural of the messages with a count (``tr("%n problems …", "", n)`` reads "1 problem …").

Qt sends every widget a ``LanguageChange`` event when a translator is installed or removed; views
react by calling their ``retranslate`` method, so switching language needs no restart.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).parent / "i18n"
QM_FILES = {"en": I18N_DIR / "quizapp_en.qm", "zh": I18N_DIR / "quizapp_zh_CN.qm"}
_installed: list[QTranslator] = []
_language: list[str] = ["en"]  # the interface language installed last


def interface_language() -> str:
    """The interface language now in use: "en" or "zh" (for texts made without Qt's tr)."""
    return _language[0]


def set_language(language: str) -> bool:
    """Use ``language`` ("en" or "zh") for the interface; returns False if its file is missing."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    _language[0] = "en"  # the source language, until a translation is installed
    path = QM_FILES.get(language)
    ours = QTranslator(app)
    if path is None or not ours.load(str(path)):
        log.warning("no interface translation for %r at %s", language, path)
        return False
    _language[0] = "zh" if language == "zh" else "en"
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    # Qt's own strings (standard buttons of dialogs), when the Qt installation ships them.
    qt_base = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load("qtbase_zh_CN", qt_folder):
        QCoreApplication.installTranslator(qt_base)
        _installed.append(qt_base)
    QCoreApplication.installTranslator(ours)
    _installed.append(ours)
    return True
