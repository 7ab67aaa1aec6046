"""The crash tier: an unexpected exception is logged and shown with a copyable traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from quizapp.gui import crash
from quizapp.log import setup_logging


def test_excepthook_logs_and_shows_the_traceback(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[crash.CrashDialog] = []

    def fake_exec(dialog: crash.CrashDialog) -> int:
        shown.append(dialog)
        qtbot.addWidget(dialog)
        return 0

    monkeypatch.setattr(crash.CrashDialog, "exec", fake_exec)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    log_path = setup_logging()
    crash.install_excepthook(log_path)
    try:
        raise RuntimeError("boom in a drill")
    except RuntimeError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert len(shown) == 1
    details = shown[0].details.toPlainText()
    assert "RuntimeError: boom in a drill" in details and "Traceback" in details
    shown[0].copy_details()
    assert QGuiApplication.clipboard().text() == details
    assert "boom in a drill" in Path(log_path).read_text(encoding="utf-8")
