"""The last tier of error handling: an unexpected exception opens a dialog instead of vanishing.

``install_excepthook`` replaces ``sys.excepthook``: the traceback is logged, and a dialog shows it in a
copyable box with the log file's location; the app keeps running.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quizapp.gui.theme import plain_buttons, set_role

log = logging.getLogger(__name__)


class CrashDialog(QDialog):
    """Shows a traceback (selectable, with a Copy button) and where the log file is."""

    def __init__(self, details: str, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.resize(720, 460)
        intro = QLabel(
            self.tr(
                "An unexpected error happened. Your work so far is kept and the app goes on "
                "running. The details below are also in the log file:"
            )
        )
        intro.setWordWrap(True)
        location = QLabel(str(log_path))
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details)
        set_role(self.details, "code")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Error details"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy details"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        plain_buttons(buttons)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(location)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        """Put the traceback on the clipboard."""
        QGuiApplication.clipboard().setText(self.details.toPlainText())


def install_excepthook(log_path: Path) -> None:
    """Log unexpected exceptions and show them in a ``CrashDialog``."""
    showing: list[bool] = []

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("unexpected error\n%s", details)
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if QApplication.instance() is None or showing:
            sys.__excepthook__(kind, error, tb)
            return
        showing.append(True)
        try:
            CrashDialog(details, log_path, QApplication.activeWindow()).exec()
        finally:
            showing.clear()

    sys.excepthook = hook
