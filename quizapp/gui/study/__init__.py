"""The study modes in the app: drill session, review due, mock interview, mistakes, statistics.

``install_study_pages(window)`` registers the pages ("study", "study_summary", "stats"), adds the
home-screen entries and loads this package's own Chinese translation (``i18n/study_zh_CN.qm``),
switched with the interface language. Nothing heavy happens here: the history database is opened
on first use and matplotlib is imported when the statistics page is first shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTranslator

if TYPE_CHECKING:
    from quizapp.gui.main_window import MainWindow
    from quizapp.gui.study.controller import StudyController
    from quizapp.gui.study.session_page import StudyPage
    from quizapp.gui.study.stats_page import StatsPage
    from quizapp.gui.study.summary_page import SummaryPage
    from quizapp.settings import Settings
    from quizapp.study.store import Store

log = logging.getLogger(__name__)

QM_FILE = Path(__file__).resolve().parent.parent / "i18n" / "study_zh_CN.qm"
_translator: list[QTranslator] = []


def set_study_language(language: str) -> bool:
    """Install (``zh``) or remove (``en``) the study pages' translation; False if it is missing."""
    for translator in _translator:
        QCoreApplication.removeTranslator(translator)
    _translator.clear()
    if language != "zh":
        return True
    app = QCoreApplication.instance()
    translator = QTranslator(app)
    if not translator.load(str(QM_FILE)):
        log.warning("no study-pages translation at %s", QM_FILE)
        return False
    QCoreApplication.installTranslator(translator)
    _translator.append(translator)
    return True


@dataclass
class StudyPages:
    """What ``install_study_pages`` made (tests and screenshots use it)."""

    controller: StudyController
    page: StudyPage
    summary: SummaryPage
    stats: StatsPage


def install_study_pages(
    window: MainWindow,
    *,
    now: Callable[[], datetime] | None = None,
    store: Store | None = None,
    seed: int | None = None,
) -> StudyPages:
    """Register the study pages and home entries on ``window``."""
    from quizapp.gui.study.controller import StudyController
    from quizapp.gui.study.session_page import StudyPage
    from quizapp.gui.study.stats_page import StatsPage
    from quizapp.gui.study.summary_page import SummaryPage
    from quizapp.gui.views.home import HomeEntry

    state = window.state
    set_study_language(state.settings.interface_language)
    page = StudyPage()
    summary = SummaryPage()
    controller = StudyController(window, page, summary, now=now, store=store, seed=seed)
    stats = StatsPage(controller.store, controller.now, controller.lang)
    stats.set_streak_shown(state.settings.show_streak)
    window.register_page("study", page)
    window.register_page("study_summary", summary)
    window.register_page("stats", stats)
    applied = {"language": state.settings.interface_language, "theme": state.settings.theme}

    def on_settings(settings: Settings) -> None:
        # Only on a real switch: reinstalling a translator makes every widget retranslate.
        if settings.interface_language != applied["language"]:
            applied["language"] = settings.interface_language
            set_study_language(settings.interface_language)
        if settings.theme != applied["theme"]:
            applied["theme"] = settings.theme
            stats.redraw()
        stats.set_streak_shown(settings.show_streak)
        page.set_language("zh" if settings.content_language == "zh" else "en")

    state.settings_changed.connect(on_settings)
    stats.streak_toggled.connect(lambda shown: state.update(show_streak=bool(shown)))
    # Not window.destroyed: a Python slot run while the interpreter shuts down can crash it.
    window.closing.connect(controller.close)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(controller.close)

    # The texts are literal translate() calls in this list so that pyside6-lupdate finds them.
    entries = (
        (
            "review",
            lambda: QCoreApplication.translate("StudyEntries", "Review due"),
            lambda: QCoreApplication.translate(
                "StudyEntries", "questions and drills due today, interleaved"
            ),
            controller.start_review,
        ),
        (
            "drill-session",
            lambda: QCoreApplication.translate("StudyEntries", "Drill session"),
            lambda: QCoreApplication.translate(
                "StudyEntries",
                "10 drills from the cells and quantities chosen above, then a summary",
            ),
            controller.start_drills,
        ),
        (
            "mock",
            lambda: QCoreApplication.translate("StudyEntries", "Mock interview"),
            lambda: QCoreApplication.translate(
                "StudyEntries", "25 minutes, questions and computations, a report at the end"
            ),
            controller.start_mock,
        ),
        (
            "mistakes",
            lambda: QCoreApplication.translate("StudyEntries", "Mistakes"),
            lambda: QCoreApplication.translate(
                "StudyEntries", "retry what went wrong, newest first"
            ),
            controller.start_mistakes,
        ),
        (
            "stats",
            lambda: QCoreApplication.translate("StudyEntries", "Statistics"),
            lambda: QCoreApplication.translate(
                "StudyEntries", "accuracy, frequent mistakes, reviews to come; export"
            ),
            lambda: window.show_page("stats"),
        ),
    )
    for key, title, description, activate in entries:
        window.home.add_entry(HomeEntry(key, title, description, _activator(activate)))
    return StudyPages(controller, page, summary, stats)


def _activator(start: Callable[[], object]) -> Callable[[], None]:
    def activate() -> None:
        start()

    return activate


__all__ = ["StudyPages", "install_study_pages", "set_study_language"]
