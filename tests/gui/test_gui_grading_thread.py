"""A slow symbolic grader runs off the GUI thread: the window keeps processing events, the view says
"checking…", and the result lands only on the item it was computed for."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

import quizapp.drills
from questions.schema import Question, Text
from quizapp.gui.app import start
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.study import install_study_pages
from quizapp.gui.views.answers import typed as typed_module
from quizapp.gui.views.question import QuestionView
from quizapp.settings import Settings
from quizapp.study.session import Phase

SLOW = 1.0  # seconds the patched grader sleeps


def _symbolic(qid: str) -> Question:
    return Question(
        id=qid,
        topic="lstm-gates",
        difficulty="easy",
        type="symbolic",
        prompt=Text(f"Prompt of {qid}", f"{qid} 的题目"),
        answer=Text("4n(n + d)", "4n(n + d)"),
        explanation=Text("Four gates.", "四个门。"),
        references=(),
        tags=(),
        answer_type="symbolic",
        expression="4*n*(n + d)",
        symbols=("n", "d"),
    )


def _slowed(function: Callable[..., Any]) -> Callable[..., Any]:
    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(SLOW)
        return function(*args, **kwargs)

    return slow


class Ticks:
    """A 20 ms timer on the GUI thread: how often it fired shows whether events were processed."""

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.count += 1


@pytest.fixture
def view(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[QuestionView]:
    monkeypatch.setattr(typed_module, "grade_text_answer", _slowed(typed_module.grade_text_answer))
    widget = QuestionView()
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.grading.wait_idle(10.0)


def test_a_slow_check_does_not_block_the_event_loop(view: QuestionView, qtbot: QtBot) -> None:
    view.set_questions([_symbolic("a")], "en")
    assert view.answer is not None
    view.answer.edit.setText("4n^2 + 4nd")  # type: ignore[attr-defined]
    answered: list[object] = []
    view.answered.connect(lambda question, grade: answered.append(grade))
    ticks = Ticks()
    began = time.monotonic()
    view.check()
    assert time.monotonic() - began < SLOW / 2  # check() returned before the grader finished
    assert view.verdict.text() == "Checking…" and not view.feedback.isHidden()
    assert view.grade is None
    qtbot.waitUntil(lambda: view.grade is not None, timeout=10_000)
    ticks.timer.stop()
    # The timer kept firing while the grader slept (a blocked loop gives 0 or 1 tick; 50 when the
    # machine is idle, fewer when it is loaded).
    assert ticks.count >= 5
    assert view.grade is not None and view.grade.correct
    assert view.verdict.text() == "✓ Right"
    assert len(answered) == 1


def test_a_late_grade_is_dropped_when_the_question_changed(
    view: QuestionView, qtbot: QtBot
) -> None:
    view.set_questions([_symbolic("a"), _symbolic("b")], "en")
    assert view.answer is not None
    view.answer.edit.setText("4n^2 + 4nd")  # type: ignore[attr-defined]
    answered: list[object] = []
    view.answered.connect(lambda question, grade: answered.append(grade))
    view.check()
    view.next_question()  # the keyboard is live: Alt+Right during the check
    assert view.current() is not None and view.current().id == "b"  # type: ignore[union-attr]
    assert view.grading.wait_idle(10.0)
    qtbot.wait(50)
    assert view.grade is None and answered == []
    assert view.feedback.isHidden()


def test_editing_during_the_check_drops_its_result(view: QuestionView, qtbot: QtBot) -> None:
    view.set_questions([_symbolic("a")], "en")
    assert view.answer is not None
    view.answer.edit.setText("4n^2 + 4nd")  # type: ignore[attr-defined]
    view.check()
    view.answer.edit.setText("4n^2")  # type: ignore[attr-defined]
    qtbot.wait(int(SLOW * 1000) + 300)
    assert view.grade is None and view.feedback.isHidden()
    view.check()  # checking again grades what is on screen now
    qtbot.waitUntil(lambda: view.grade is not None, timeout=10_000)
    assert view.grade is not None and not view.grade.correct


def test_a_formula_drill_is_graded_off_the_gui_thread(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quizapp.drills, "grade_drill", _slowed(quizapp.drills.grade_drill))
    started = start(Settings(interface_language="en"), persist=False, study=False)
    window = started.window
    qtbot.addWidget(window)
    window.show()
    plan = DrillPlan(cells=("lstm",), quantities=("formula_count",), difficulty="standard")
    assert window.open_drills(plan, seed=5)
    controller = window.drill_controller
    drill = controller.drill
    assert drill is not None and drill.formula is not None
    key = drill.asked[0]
    field = window.drill.sheet.fields[key]
    field.set_text(drill.formula.expected)
    ticks = Ticks()
    window.drill.submit()
    assert field.mark.text() == "Checking…"
    assert controller.grade is None
    qtbot.waitUntil(lambda: controller.grade is not None, timeout=10_000)
    ticks.timer.stop()
    assert ticks.count >= 5
    assert controller.grade is not None and controller.grade.score == 1.0
    assert field.mark.text().startswith("✓")


def test_a_study_session_records_a_formula_when_its_grade_arrives(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(quizapp.drills, "grade_drill", _slowed(quizapp.drills.grade_drill))
    settings = Settings(
        drill_cells=("lstm",), drill_quantities=("formula_count",), interface_language="en"
    )
    started = start(settings, persist=False, study=False)
    window = started.window
    qtbot.addWidget(window)
    pages = install_study_pages(window, seed=3)
    window.show()
    try:
        assert pages.controller.start_drills(2)
        session = pages.controller.session
        assert session is not None and session.drill is not None
        drill = session.drill
        assert drill.formula is not None
        store = pages.controller.store()
        pages.page.sheet.fields[drill.asked[0]].set_text(drill.formula.expected)
        ticks = Ticks()
        pages.page.submit()
        assert session.phase is Phase.QUESTION and store.attempt_count() == 0
        qtbot.waitUntil(lambda: store.attempt_count() == 1, timeout=10_000)
        ticks.timer.stop()
        assert ticks.count >= 5
        assert session.phase is not Phase.QUESTION
        # Skipping while the next item is checked drops that grade: nothing is recorded for it.
        pages.page.go_next()
        assert session.drill is not None and session.drill.formula is not None
        pages.page.sheet.fields[session.drill.asked[0]].set_text(session.drill.formula.expected)
        pages.page.submit()
        pages.page.skip()
        assert pages.page.grading.wait_idle(10.0)
        qtbot.wait(50)
        assert store.attempt_count() == 1
    finally:
        pages.page.grading.wait_idle(10.0)
        pages.controller.close()
