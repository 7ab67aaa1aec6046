"""Start-up problems said on the status line add up instead of replacing each other."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from quizapp.gui.status_line import SEPARATOR, tell


def test_messages_add_up_and_a_repeated_one_is_said_once(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    tell(window, "settings.json: not UTF-8; using defaults")
    tell(window, "the log file is not a regular file")
    tell(window, "the log file is not a regular file")
    assert window.statusBar().currentMessage() == (
        "settings.json: not UTF-8; using defaults"
        + SEPARATOR
        + "the log file is not a regular file"
    )


def test_a_message_after_the_last_one_went_away_stands_alone(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    tell(window, "first")
    window.statusBar().clearMessage()
    tell(window, "second")
    assert window.statusBar().currentMessage() == "second"
