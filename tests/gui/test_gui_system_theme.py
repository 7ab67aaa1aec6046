"""With the theme "system", a switch of the platform's colour scheme is followed while the app runs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from quizapp.gui import theme
from quizapp.gui.app import start
from quizapp.settings import Settings


def _color(widget: QApplication | QWidget, role: QPalette.ColorRole) -> str:
    return str(widget.palette().color(role).name())


@pytest.mark.parametrize(("chosen", "follows"), [("system", True), ("light", False)])
def test_platform_scheme_switch(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, chosen: str, follows: bool
) -> None:
    started = start(Settings(theme=chosen), persist=False, study=False)
    qtbot.addWidget(started.window)
    app, intro = started.app, started.window.home.intro
    window_role, text_role = QPalette.ColorRole.Window, QPalette.ColorRole.WindowText
    try:
        assert _color(app, window_role) == theme.LIGHT.window
        assert _color(intro, text_role) == theme.LIGHT.muted
        monkeypatch.setattr(theme, "system_is_dark", lambda: True)
        switch = app.styleHints().colorSchemeChanged
        if follows:
            with qtbot.waitSignal(started.state.colors_changed, timeout=2000):
                switch.emit(Qt.ColorScheme.Dark)
            assert _color(app, window_role) == theme.DARK.window
            assert _color(intro, text_role) == theme.DARK.muted
        else:
            with qtbot.assertNotEmitted(started.state.colors_changed):
                switch.emit(Qt.ColorScheme.Dark)
            assert _color(app, window_role) == theme.LIGHT.window
            assert _color(intro, text_role) == theme.LIGHT.muted
    finally:
        monkeypatch.undo()
        theme.apply_theme(app, "light", Settings().font_size)
