"""Home shows what the chosen cells need: the GRU convention only with GRU, and quantity labels in
readable notation (Unicode subscripts, the one-bias form unless two biases are set)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from quizapp.gui.app import Started, start
from quizapp.settings import Settings


@pytest.fixture
def home_of(qtbot: QtBot) -> Iterator[Started]:
    result = start(Settings(theme="light", drill_cells=("gru",)), persist=False, study=False)
    qtbot.addWidget(result.window)
    result.window.resize(1280, 860)
    result.window.show()
    qtbot.waitExposed(result.window)
    yield result


def _tick_cells(started: Started, cells: set[str]) -> None:
    widget = started.window.home.cell_list
    for row in range(widget.count()):
        item = widget.item(row)
        wanted = item.data(Qt.ItemDataRole.UserRole) in cells
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)


def _quantity_texts(started: Started) -> dict[str, str]:
    widget = started.window.home.quantity_list
    return {
        str(widget.item(row).data(Qt.ItemDataRole.UserRole)): widget.item(row).text()
        for row in range(widget.count())
    }


def test_the_gru_convention_shows_only_with_gru_among_the_cells(home_of: Started) -> None:
    home = home_of.window.home
    assert home.convention_box.isVisible() and home.convention_label.isVisible()
    _tick_cells(home_of, {"mlstm"})
    assert not home.convention_box.isVisible() and not home.convention_label.isVisible()
    _tick_cells(home_of, {"mlstm", "gru"})
    assert home.convention_box.isVisible()


def test_quantity_labels_are_unicode_and_one_bias(home_of: Started) -> None:
    texts = _quantity_texts(home_of)
    assert texts["s"] == "s: hidden-side product sₜ = Uₙ hₜ₋₁"
    assert texts["n"].endswith("h̃ₜ")
    assert not any("_" in text and "{" in text for text in texts.values())


def test_two_biases_show_the_hidden_side_bias(qtbot: QtBot) -> None:
    settings = Settings(theme="light", drill_cells=("gru",), bias_convention="two")
    started = start(settings, persist=False, study=False)
    qtbot.addWidget(started.window)
    started.window.show()
    assert "+ bhₙ" in _quantity_texts(started)["s"]


def test_quantities_without_a_unicode_subscript_are_drawn_as_rich_text(home_of: Started) -> None:
    from PySide6.QtWidgets import QStyleOptionViewItem

    from quizapp.gui.widgets.rich_items import RICH_ROLE, RichItemDelegate

    _tick_cells(home_of, {"lstm"})
    widget = home_of.window.home.quantity_list
    delegate = widget.itemDelegate()
    assert isinstance(delegate, RichItemDelegate)
    rows = {str(widget.item(r).data(Qt.ItemDataRole.UserRole)): r for r in range(widget.count())}
    item = widget.item(rows["a_f"])
    # Unicode has no subscript f: the plain text keeps a_f, the drawn text lowers it.
    assert item.data(RICH_ROLE) == "a_f: pre-activation a_f" and "a_f" in item.text()
    option = QStyleOptionViewItem()
    option.font = widget.font()
    index = widget.model().index(rows["a_f"], 0)
    html = delegate.document(option, index, 400).toHtml()
    assert "a_f" not in html and "vertical-align:sub" in html
    # The row is tall enough for the drawn text.
    option.rect = widget.visualItemRect(item)
    assert delegate.sizeHint(option, index).height() >= widget.fontMetrics().height()
