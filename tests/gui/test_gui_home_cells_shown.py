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
