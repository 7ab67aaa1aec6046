"""Every question type in the question view: answer, check, feedback with model answer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_fixtures import _shared_formula_cache, formula_cache  # noqa: F401 - fixtures
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from questions.claims import parse_claim
from questions.schema import KeyPoint, Option, OrderItem, Pair, Question, Text
from quizapp.gui.views.answers.choices import ChoiceAnswer
from quizapp.gui.views.answers.free_text import FreeTextAnswer
from quizapp.gui.views.answers.matching import MatchingAnswer
from quizapp.gui.views.answers.ordering import OrderingAnswer
from quizapp.gui.views.answers.typed import TypedAnswer
from quizapp.gui.views.question import QuestionView
from quizapp.gui.widgets.math_label import shared_renderer


def _q(qid: str, kind: str, **fields: object) -> Question:
    answer_type = str(fields.pop("answer_type", kind))
    return Question(
        id=qid,
        topic="lstm-gates",
        difficulty="easy",
        type=kind,
        prompt=Text(f"Prompt of {qid}", f"{qid} 的题目"),
        answer=Text(f"Model answer of {qid}", f"{qid} 的参考答案"),
        explanation=Text(f"Explanation of {qid}", f"{qid} 的解释"),
        references=("Hochreiter & Schmidhuber 1997",),
        tags=(),
        answer_type=answer_type,
        **fields,  # type: ignore[arg-type]
    )


OPTIONS = (
    Option("a", Text("sigmoid", "sigmoid"), Text("σ is for gates", "σ 用于门")),
    Option("b", Text("tanh", "tanh"), None),
    Option("c", Text("relu", "relu"), Text("unbounded", "无界")),
)


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[QuestionView]:
    widget = QuestionView()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    yield widget


def test_single_choice_with_number_keys(view: QuestionView) -> None:
    q = _q("sc", "single_choice", options=OPTIONS, correct=("b",))
    view.set_questions([q], "en")
    view.choose_number(1)  # as the key 1 does
    assert isinstance(view.answer, ChoiceAnswer) and view.answer.chosen() == ["a"]
    view.check()
    assert view.grade is not None and view.grade.score == 0.0
    assert view.verdict.property("role") == "bad"
    assert "σ is for gates" in view.answer.notes[0].text()
    assert view.answer.notes[1].text().startswith("✓")
    assert view.model_answer.text() == "Model answer of sc"
    assert view.explanation.text() == "Explanation of sc"


def test_single_choice_key_press(view: QuestionView, qtbot: QtBot) -> None:
    q = _q("sc2", "single_choice", options=OPTIONS, correct=("b",))
    view.set_questions([q], "en")
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert isinstance(view.answer, ChoiceAnswer) and view.answer.chosen() == ["b"]
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.grade is not None and view.grade.correct


def test_multi_choice_partial_credit(view: QuestionView) -> None:
    q = _q("mc", "multi_choice", options=OPTIONS, correct=("a", "b"))
    view.set_questions([q], "en")
    view.choose_number(1)
    view.check()
    assert view.grade is not None and view.grade.score == pytest.approx(0.5)
    assert view.verdict.property("role") == "warn"


def test_true_false_in_chinese(view: QuestionView) -> None:
    options = (Option("true", Text("True", "对"), None), Option("false", Text("False", "错"), None))
    q = _q("tf", "true_false", options=options, correct=("true",))
    view.set_questions([q], "zh")
    assert view.prompt.text() == "tf 的题目"
    view.choose_number(1)
    view.check()
    assert view.grade is not None and view.grade.correct
    assert view.model_answer.text() == "tf 的参考答案"


def test_numeric_reads_fractions(view: QuestionView) -> None:
    q = _q("num", "numeric", value=0.25, tolerance=0.001)
    view.set_questions([q], "en")
    assert isinstance(view.answer, TypedAnswer)
    view.answer.edit.setText("1/4")
    view.answer.update_reading()
    assert "0.25" in view.answer.reading.text()
    view.check()
    assert view.grade is not None and view.grade.correct
    # "read as 0.25" is said once, by the answer's own line, not again in the feedback.
    assert "0.25" in view.answer.reading.text() and view.read_as.isHidden()


def test_unreadable_answer_is_not_counted(view: QuestionView) -> None:
    q = _q("num2", "numeric", value=3.0, tolerance=0.0)
    view.set_questions([q], "en")
    assert isinstance(view.answer, TypedAnswer)
    view.answer.edit.setText("three")
    view.check()
    assert view.grade is None
    assert view.verdict.text().startswith("Not counted")
    view.answer.edit.setText("3")
    view.check()
    assert view.grade is not None and view.grade.correct


def test_shape(view: QuestionView) -> None:
    q = _q("shape", "shape", shape=(5, 3, 20))
    view.set_questions([q], "en")
    assert isinstance(view.answer, TypedAnswer)
    view.answer.edit.setText("(3, 5, 20)")
    view.check()
    assert view.grade is not None and not view.grade.correct


def test_symbolic_with_preview(view: QuestionView) -> None:
    q = _q("sym", "symbolic", expression="4*n*(n + d)", symbols=("n", "d"))
    view.set_questions([q], "en")
    assert isinstance(view.answer, TypedAnswer)
    view.answer.edit.setText("4n^2 + 4 n d")
    view.answer.update_reading()
    # Written from the answer as typed (sympy.latex could take seconds on nested calls).
    assert view.answer.preview.latex() == r"4 \cdot n^{2} + 4 \cdot n \cdot d"
    assert not view.answer.preview.isHidden()
    assert shared_renderer().wait_idle(60.0)
    assert view.answer.preview.is_rendered()  # drawn, not left as text after a failed render
    view.check()  # a formula is graded on the grading thread
    assert view.grading.wait_idle(30.0)
    assert view.grade is not None and view.grade.correct


def test_code_reading_shows_the_code(view: QuestionView) -> None:
    q = _q(
        "code",
        "code_reading",
        answer_type="numeric",
        value=8.0,
        code="x = torch.zeros(2, 4)\nprint(x.numel())",
        code_language="python",
    )
    view.set_questions([q], "en")
    assert not view.code.isHidden()
    assert "numel" in view.code.toPlainText()
    assert isinstance(view.answer, TypedAnswer)
    view.answer.edit.setText("8")
    view.check()
    assert view.grade is not None and view.grade.correct


ITEMS = tuple(OrderItem(k, Text(k.upper(), k.upper())) for k in ("a", "b", "c"))


def test_ordering_by_keys(view: QuestionView, qtbot: QtBot) -> None:
    q = _q("ord", "ordering", items=ITEMS)
    view.set_questions([q], "en")
    answer = view.answer
    assert isinstance(answer, OrderingAnswer)
    assert answer.order() != ["a", "b", "c"]  # never starts solved
    answer.set_order(["b", "a", "c"])
    answer.list.setCurrentRow(1)
    answer.list.setFocus()
    qtbot.keyClick(answer.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert answer.order() == ["a", "b", "c"]
    view.check()
    assert view.grade is not None and view.grade.correct


def test_ordering_partial(view: QuestionView) -> None:
    q = _q("ord2", "ordering", items=ITEMS)
    view.set_questions([q], "en")
    assert isinstance(view.answer, OrderingAnswer)
    view.answer.set_order(["b", "a", "c"])
    view.check()
    # pairs (b,a) wrong, (b,c) and (a,c) right
    assert view.grade is not None and view.grade.score == pytest.approx(2 / 3)


def test_matching(view: QuestionView) -> None:
    pairs = tuple(Pair(Text(f"L{k}", f"左{k}"), Text(f"R{k}", f"右{k}")) for k in range(3))
    q = _q("match", "matching", pairs=pairs)
    view.set_questions([q], "en")
    answer = view.answer
    assert isinstance(answer, MatchingAnswer)
    view.check()
    assert view.grade is None  # nothing matched yet: not counted
    answer.set_rights([1, 0, 2])
    view.check()
    assert view.grade is not None and view.grade.score == pytest.approx(1 / 3)
    assert answer.marks[0].text() == "✗ it goes with: R0"
    assert answer.marks[2].text() == "✓ right"


def _free_question() -> Question:
    points = (
        KeyPoint("p1", Text("gates are sigmoids", "门是 sigmoid"), (parse_claim("gate sigmoid"),)),
        KeyPoint("p2", Text("the cell state adds", "记忆元相加"), (parse_claim("cell-state sum"),)),
    )
    return _q("free", "free_text", key_points=points)


def test_free_text_checklist(view: QuestionView) -> None:
    view.set_questions([_free_question()], "en")
    answer = view.answer
    assert isinstance(answer, FreeTextAnswer)
    answer.edit.setPlainText("The gates use a sigmoid.")
    view.check()
    assert [c.isChecked() for c in answer.checks] == [True, False]
    assert view.grade is not None and view.grade.score == pytest.approx(0.5)
    assert view.model_answer.text() == "Model answer of free"
    view.choose_number(2)  # the learner ticks the second point after reading the model answer
    assert view.grade.score == pytest.approx(1.0)
    assert view.verdict.property("role") == "good"


def test_free_text_doubtful_point_is_left_unticked(view: QuestionView) -> None:
    view.set_questions([_free_question()], "en")
    answer = view.answer
    assert isinstance(answer, FreeTextAnswer)
    # one point stated, the other stated the other way round: the first is only proposed
    answer.edit.setPlainText("The gates use a sigmoid. The cell state is not a sum.")
    view.check()
    assert [c.isChecked() for c in answer.checks] == [False, False]
    assert view.grade is not None and view.grade.score == 0.0
    notes = [label.text() for label in answer.findChildren(QLabel)]
    doubtful = next(n for n in notes if n.startswith("said in: “The gates use a sigmoid”"))
    assert "tick it yourself if you meant it" in doubtful
    view.choose_number(1)  # the learner meant it
    assert view.grade.score == pytest.approx(0.5)


def test_previous_and_next(view: QuestionView, qtbot: QtBot) -> None:
    first = _q("one", "single_choice", options=OPTIONS, correct=("b",))
    second = _q("two", "numeric", value=1.0)
    view.set_questions([first, second], "en")
    assert view.progress.text() == "Question 1 of 2"
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.current() == second and view.progress.text() == "Question 2 of 2"
    view.previous_button.click()
    assert view.current() == first


def test_choice_options_are_shuffled_per_attempt_and_graded_by_id(
    view: QuestionView, monkeypatch: pytest.MonkeyPatch
) -> None:
    import random

    from quizapp.gui.views.answers import choices

    monkeypatch.setattr(choices, "OPTION_ORDER", random.Random(4))
    q = _q("one", "single_choice", options=OPTIONS, correct=("b",))
    orders = set()
    for _ in range(8):
        view.set_questions([q], "en")
        answer = view.answer
        assert isinstance(answer, choices.ChoiceAnswer)
        shown = tuple(o.id for o in answer.options)
        orders.add(shown)
        assert sorted(shown) == sorted(o.id for o in OPTIONS)
        view.choose_number(shown.index("b") + 1)  # the right option, wherever it is
        view.check()
        assert view.grade is not None and view.grade.correct
    assert len(orders) > 1
    tf_options = (
        Option("true", Text("True", "对"), None),
        Option("false", Text("False", "错"), None),
    )
    tf = _q("tf", "true_false", options=tf_options, correct=("true",))
    view.set_questions([tf], "en")
    assert isinstance(view.answer, choices.ChoiceAnswer)
    assert [o.id for o in view.answer.options] == ["true", "false"]
