"""The settings screen in Chinese at a large font: convention names show notation as Unicode
(Wₕ, not W_h) and each box has room for its longest choice before the arrow."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox
from pytestqt.qtbot import QtBot

from quizapp.gui import theme, translations
from quizapp.gui.app import Started, start
from quizapp.settings import Settings


@pytest.fixture
def zh_settings(qtbot: QtBot) -> Iterator[Started]:
    settings = Settings(theme="light", interface_language="zh", content_language="zh", font_size=18)
    result = start(settings, persist=False, study=False)
    qtbot.addWidget(result.window)
    result.window.resize(1024, 700)
    result.window.show()
    result.window.show_page("settings")
    qtbot.waitExposed(result.window)
    yield result
    translations.set_language("en")
    theme.apply_theme(result.app, "light", Settings().font_size)


def test_convention_names_show_unicode_notation(zh_settings: Started) -> None:
    view = zh_settings.window.page("settings")
    box = view.cell_conventions["minlstm"]
    texts = [box.itemText(i) for i in range(box.count())]
    assert any("Wₕ x + bₕ" in text for text in texts), texts
    for cell_box in view.cell_conventions.values():
        for i in range(cell_box.count()):
            assert "_" not in cell_box.itemText(i) and "{" not in cell_box.itemText(i)


def test_every_choice_fits_before_the_arrow(zh_settings: Started) -> None:
    view = zh_settings.window.page("settings")
    boxes = [view.gru_convention, *view.cell_conventions.values(), view.difficulty]
    for box in boxes:
        assert isinstance(box, QComboBox)
        option = QStyleOptionComboBox()
        box.initStyleOption(option)
        text_area = box.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            box,
        )
        for i in range(box.count()):
            needed = box.fontMetrics().horizontalAdvance(box.itemText(i))
            # At least a character's width to spare between the text and the arrow.
            spare = text_area.width() - needed
            assert spare >= box.fontMetrics().averageCharWidth(), (box.itemText(i), spare)
