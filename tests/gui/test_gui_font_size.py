"""The font size setting reaches the widgets built at start-up (not only those built later)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from quizapp.gui import theme, translations
from quizapp.gui.app import start
from quizapp.settings import Settings


def test_start_applies_the_font_size_to_the_home_screen(qtbot: QtBot) -> None:
    started = start(Settings(theme="light", font_size=14), persist=False)
    try:
        qtbot.addWidget(started.window)
        started.window.show()
        qtbot.waitExposed(started.window)
        assert started.app.font().pointSize() == 14
        assert started.window.home_button.font().pointSize() == 14
    finally:
        translations.set_language("en")
        theme.apply_theme(started.app, "light", Settings().font_size)
