"""Each message is shown once, and the bank's inline math and code are rendered, in the question
view: why an option is wrong, how a number was read, why an answer could not be read."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_fixtures import _shared_formula_cache, formula_cache  # noqa: F401 - fixtures
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from questions.schema import Option, Question, Text
from quizapp.gui.views.answers.choices import ChoiceAnswer
from quizapp.gui.views.answers.typed import TypedAnswer
from quizapp.gui.views.question import QuestionView


def _q(kind: str, prompt: str = "Prompt", **fields: object) -> Question:
    return Question(
        id=f"once-{kind}", topic="lstm-gates", difficulty="easy", type=kind,
        prompt=Text(prompt, prompt), answer=Text("Model answer with C_{t-1}", "参考答案 C_{t-1}"),
        explanation=Text("Uses `h_n` and W_f", "用到 `h_n` 和 W_f"), references=(), tags=(),
        answer_type=kind, **fields,  # type: ignore[arg-type]
    )  # fmt: skip


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[QuestionView]:
    widget = QuestionView()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    yield widget


def _shown(view: QuestionView) -> list[str]:
    QApplication.processEvents()  # children added to a shown view appear on the next pass
    return [label.text() for label in view.findChildren(QLabel) if label.isVisibleTo(view)]


def test_why_an_option_is_wrong_is_said_beside_it_only(view: QuestionView) -> None:
    options = (
        Option("a", Text("σ for the candidate", "候选用 σ"), Text("it must reach −1", "需取负")),
        Option("b", Text("tanh", "tanh"), None),
    )
    view.set_questions([_q("single_choice", options=options, correct=("b",))], "en")
    view.choose_number(1)
    view.check()
    assert isinstance(view.answer, ChoiceAnswer)
    assert sum("it must reach −1" in text for text in _shown(view)) == 1
    assert "it must reach −1" in view.answer.notes[0].text()


def test_how_a_number_was_read_is_said_once(view: QuestionView) -> None:
    view.set_questions([_q("numeric", value=56.0, tolerance=0.0)], "en")
    assert isinstance(view.answer, TypedAnswer)
    view.answer.edit.setText("1376")
    view.check()
    assert view.grade is not None and not view.grade.correct
    assert sum("1376" in text for text in _shown(view)) == 1, _shown(view)


def test_why_an_answer_could_not_be_read_is_said_once(view: QuestionView) -> None:
    view.set_questions([_q("numeric", value=3.0, tolerance=0.0)], "en")
    assert isinstance(view.answer, TypedAnswer)
    view.answer.edit.setText("3 apples")
    view.check()
    assert view.grade is None and view.verdict.text().startswith("Not counted")
    message = view.answer.reading.text()
    assert "apples" in message
    assert sum(message in text for text in _shown(view)) == 1, _shown(view)


def test_prompt_options_answer_and_explanation_render_math_and_code(view: QuestionView) -> None:
    options = (
        Option("a", Text("h_{t-1} < 0", "h_{t-1} < 0"), Text("uses `x_t`", "用 `x_t`")),
        Option("b", Text("C̃_t", "C̃_t"), None),
    )
    question = _q("single_choice", "From `h_n` and h_{t-1}?", options=options, correct=("b",))
    view.set_questions([question], "en")
    assert view.prompt.textFormat() == Qt.TextFormat.RichText
    assert view.prompt.text() == "From <code>h_n</code> and h<sub>t−1</sub>?"
    assert isinstance(view.answer, ChoiceAnswer)
    assert view.answer.labels[0].text() == "h<sub>t−1</sub> &lt; 0"  # escaped, never markup
    view.choose_number(1)
    view.check()
    assert "<code>x_t</code>" in view.answer.notes[0].text()
    assert view.model_answer.text() == "Model answer with C<sub>t−1</sub>"
    assert view.explanation.text() == "Uses <code>h_n</code> and W<sub>f</sub>"
