"""Found on a keyboard walk (H15): an mLSTM drill's empty fields say how many numbers each answer
has (one for a gate, n·n for the matrix memory), and a formula too large to check says so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_fixtures import Started, _shared_formula_cache, formula_cache, started  # noqa: F401 - fixtures
from pytestqt.qtbot import QtBot

from questions.load import load_bank
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.views.answers.typed import TypedAnswer
from quizapp.gui.views.question import QuestionView


def test_mlstm_fields_hint_the_size_of_each_answer(started: Started) -> None:  # noqa: F811
    window = started.window
    plan = DrillPlan(cells=("mlstm",), quantities=("all",), difficulty="standard")
    assert window.open_drills(plan, seed=838886)
    drill = window.drill_controller.drill
    assert drill is not None
    fields = window.drill.sheet.fields
    n = drill.n
    assert fields["i"].edit.placeholderText().startswith("1 number")
    assert fields["den"].edit.placeholderText().startswith("1 number")
    assert fields["C"].edit.placeholderText().startswith(f"{n * n} numbers")
    assert fields["h"].edit.placeholderText().startswith(f"{n} number")


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[QuestionView]:
    widget = QuestionView()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    yield widget


def test_a_formula_too_large_to_check_says_why(view: QuestionView, qtbot: QtBot) -> None:
    bank = {q.id: q for q in load_bank(include_user_packs=False).questions}
    question = bank["lstm-backward-001"]  # symbols dC, f_t, i_t, g_t, o_t, C_prev
    view.set_questions([question], "en")
    assert isinstance(view.answer, TypedAnswer)
    view.answer.edit.setText("exp(exp(exp(99*f_t)))*dC")
    view.check()
    qtbot.waitUntil(lambda: "Not counted" in view.verdict.text(), timeout=10000)
    assert "too large to check" in view.verdict.text()
    assert view.grade is None  # nothing graded
