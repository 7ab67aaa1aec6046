"""Home remembers every choice across a restart: saved at each change, restored on start, and a
saved name the app no longer offers is dropped with a log line."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest
from gui_fixtures import _shared_formula_cache, formula_cache  # noqa: F401 - fixtures
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QListWidget
from pytestqt.qtbot import QtBot

from quizapp import paths
from quizapp import settings as settings_module
from quizapp.gui import theme
from quizapp.gui.app import Started, start
from quizapp.gui.home_choices import HomeChoices
from quizapp.gui.views.home import HomeView


def _tick(widget: QListWidget, keys: set[str]) -> None:
    """Tick exactly ``keys``, one item at a time, as a learner would."""
    for row in range(widget.count()):
        item = widget.item(row)
        wanted = item.data(Qt.ItemDataRole.UserRole) in keys
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)


def _ticked(widget: QListWidget) -> list[str]:
    return [
        str(widget.item(row).data(Qt.ItemDataRole.UserRole))
        for row in range(widget.count())
        if widget.item(row).checkState() == Qt.CheckState.Checked
    ]


def _choose(box: QComboBox, key: str) -> None:
    index = box.findData(key)
    assert index >= 0, key
    box.setCurrentIndex(index)


def _saved() -> dict[str, object]:
    data = json.loads(paths.settings_path().read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _start(qtbot: QtBot) -> Started:
    started = start()
    qtbot.addWidget(started.window)
    started.window.resize(1280, 860)
    started.window.show()
    qtbot.waitExposed(started.window)
    return started


@pytest.fixture(autouse=True)
def _light_theme_after() -> Iterator[None]:
    yield
    app = QApplication.instance()
    if isinstance(app, QApplication):
        theme.apply_theme(app, "light", settings_module.DEFAULTS.font_size)


def test_every_home_choice_survives_a_restart(qtbot: QtBot) -> None:
    first = _start(qtbot)
    home = first.window.home
    assert home.current_choices() == HomeChoices(("lstm",), ("h",), "standard", "pytorch")

    _tick(home.cell_list, {"gru", "mgu"})
    # Saved at the change, before any close: a crash now keeps it.
    assert _saved()["drill_cells"] == ["gru", "mgu"]
    _tick(home.quantity_list, {"z", "h"})
    assert _saved()["drill_quantities"] == ["z", "h"]
    _choose(home.difficulty_box, "whiteboard")
    assert _saved()["difficulty"] == "whiteboard"
    _choose(home.convention_box, "d2l")
    assert _saved()["gru_convention"] == "d2l"
    _tick(home.topic_list, {"lstm-gates", "bptt"})
    assert _saved()["question_topics"] == ["bptt", "lstm-gates"]  # the list's order
    _tick(home.type_list, {"free_text", "numeric"})
    assert _saved()["question_types"] == ["numeric", "free_text"]
    _choose(home.question_difficulty_box, "hard")
    assert _saved()["question_difficulty"] == "hard"
    # The settings screen shares the drill difficulty and the convention: it follows.
    page = first.window.settings_page
    assert page.difficulty.currentData() == "whiteboard"
    assert page.gru_convention.currentData() == "d2l"
    chosen = home.current_choices()
    first.window.close()

    second = _start(qtbot)
    again = second.window.home
    assert again.current_choices() == chosen
    assert _ticked(again.cell_list) == ["gru", "mgu"]
    assert _ticked(again.quantity_list) == ["z", "h"]
    assert again.difficulty_box.currentData() == "whiteboard"
    assert again.convention_box.currentData() == "d2l"
    assert _ticked(again.topic_list) == ["bptt", "lstm-gates"]
    assert _ticked(again.type_list) == ["numeric", "free_text"]
    assert again.question_difficulty_box.currentData() == "hard"
    assert again.start_drills.isEnabled()

    # Unticking everything is a choice too ("all topics", no cell): it is kept as such.
    _tick(again.topic_list, set())
    _tick(again.cell_list, set())
    assert not again.start_drills.isEnabled()
    second.window.close()
    third = _start(qtbot)
    assert _ticked(third.window.home.topic_list) == []
    assert _ticked(third.window.home.cell_list) == []
    assert not third.window.home.start_drills.isEnabled()
    assert third.window.home.current_choices().types == ("numeric", "free_text")


def test_a_change_made_on_the_settings_screen_reaches_home_and_is_kept(qtbot: QtBot) -> None:
    started = _start(qtbot)
    home: HomeView = started.window.home
    _tick(home.cell_list, {"gru"})
    _tick(home.quantity_list, {"r", "z"})
    started.state.update(gru_convention="colah", difficulty="hard")
    assert home.convention_box.currentData() == "colah"
    assert home.difficulty_box.currentData() == "hard"
    # Following the settings did not write the half-updated screen back over them.
    assert started.state.settings.gru_convention == "colah"
    assert started.state.settings.difficulty == "hard"
    assert _ticked(home.quantity_list) == ["r", "z"]
    assert _saved()["drill_quantities"] == ["r", "z"]


def test_saved_names_no_longer_offered_are_dropped_with_a_log_line(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    paths.settings_path().write_text(
        json.dumps(
            {
                "drill_cells": ["transformer", "gru"],
                "drill_quantities": ["z", "q"],
                "question_topics": ["attention", "bptt"],
                "question_types": ["essay"],
                "question_difficulty": "impossible",
                "gru_convention": "d2l",
            }
        ),
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING, logger="quizapp.gui.app"):
        started = _start(qtbot)
    home = started.window.home
    assert home.current_choices() == HomeChoices(
        cells=("gru",),
        quantities=("z",),
        difficulty="standard",
        gru_convention="d2l",
        topics=("bptt",),
        types=(),
        question_difficulty="any",
    )
    logged = [record.getMessage() for record in caplog.records]
    for line in (
        "'drill_cells': 'transformer' is not offered any more; dropped",
        "'drill_quantities': 'q' is not offered any more; dropped",
        "'question_topics': 'attention' is not offered any more; dropped",
        "'question_types': 'essay' is not offered any more; dropped",
    ):
        assert f"settings: {line}" in logged
    # A value the settings refuse is reported as before, and the default used.
    assert any("'question_difficulty' is 'impossible'" in message for message in logged)
    assert "question_difficulty" in started.window.statusBar().currentMessage()
    # The file no longer holds the dropped names.
    saved = _saved()
    assert saved["drill_cells"] == ["gru"]
    assert saved["drill_quantities"] == ["z"]
    assert saved["question_topics"] == ["bptt"]
    assert saved["question_types"] == []
