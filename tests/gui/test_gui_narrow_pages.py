"""Home and settings fit a 1024×700 window at every font size (the home cards stack when needed,
a settings field moves under its label), so nothing is cut at the window's edge."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtWidgets import QBoxLayout, QPushButton, QScrollArea
from pytestqt.qtbot import QtBot

from quizapp.gui import theme, translations
from quizapp.gui.app import start
from quizapp.gui.main_window import MainWindow
from quizapp.gui.views.settings_view import SettingsView
from quizapp.settings import FONT_SIZES, Settings


@contextmanager
def _small_window(qtbot: QtBot, font_size: int, lang: str) -> Iterator[MainWindow]:
    """The app at 1024×700 with ``font_size`` and ``lang``; English and the default after."""
    settings = Settings(font_size=font_size, interface_language=lang, content_language=lang)
    started = start(settings, persist=False)
    qtbot.addWidget(started.window)
    try:
        started.window.resize(1024, 700)
        started.window.show()
        qtbot.waitExposed(started.window)
        yield started.window
    finally:
        translations.set_language("en")
        theme.apply_theme(started.app, "light", Settings().font_size)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("font_size", [min(FONT_SIZES), 11, max(FONT_SIZES)])
def test_home_has_no_horizontal_scroll(qtbot: QtBot, font_size: int, lang: str) -> None:
    with _small_window(qtbot, font_size, lang) as window:
        home = window.home
        area = home.findChild(QScrollArea)
        assert area is not None
        # English at the largest font needs the cards one under the other; small fonts do not.
        stacked = QBoxLayout.Direction.TopToBottom
        if font_size == max(FONT_SIZES) and lang == "en":
            qtbot.waitUntil(lambda: home._cards.direction() == stacked)
        if font_size <= 11:
            assert home._cards.direction() != stacked
        qtbot.wait(20)  # the layout settles
        assert area.horizontalScrollBar().maximum() == 0
        content = area.widget()
        assert content is not None and content.width() <= area.viewport().width()
        entry = home.findChild(QPushButton, "entry-review")
        assert entry is not None and entry.width() <= area.viewport().width()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_settings_fields_keep_their_size_at_the_largest_font(qtbot: QtBot, lang: str) -> None:
    with _small_window(qtbot, max(FONT_SIZES), lang) as window:
        window.show_page("settings")
        page = window.page("settings")
        assert isinstance(page, SettingsView)
        area = page.findChild(QScrollArea)
        assert area is not None
        qtbot.wait(20)
        assert area.horizontalScrollBar().maximum() == 0
        right_edge = area.viewport().width()
        content = area.widget()
        assert content is not None
        squeezed = [
            key
            for key, widget in page._rows
            if widget.width() < widget.minimumSizeHint().width()
            or widget.mapTo(content, widget.rect().topRight()).x() >= right_edge
        ]
        assert squeezed == []
