"""Long answer options wrap inside the page, and reading errors follow the content language.

The options checked are the longest of the shipped bank (found by loading it), in English and
Chinese, in the question view of a 1024×700 window and in the study page at the same size.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_fixtures import _shared_formula_cache, formula_cache, started  # noqa: F401 - fixtures
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from questions.load import load_bank
from questions.schema import Lang, Option, Question, Text
from quizapp.gui.app import Started
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.study.session_page import StudyPage
from quizapp.gui.views.answers.choices import ChoiceAnswer
from quizapp.gui.views.answers.matching import MatchingAnswer
from quizapp.gui.views.answers.typed import TypedAnswer
from quizapp.gui.views.question import QuestionView
from quizapp.study.session import StudyItem, StudySession
from quizapp.study.store import Store, StudyMode

LANGS: tuple[Lang, ...] = ("en", "zh")


def _bank() -> tuple[Question, ...]:
    result = load_bank(include_user_packs=False)
    assert not result.problems
    return tuple(result.questions)


def _longest_text(question: Question, lang: Lang) -> int:
    texts = [o.text.get(lang) for o in question.options]
    texts += [p.left.get(lang) + p.right.get(lang) for p in question.pairs]
    return max((len(t) for t in texts), default=0)


def _longest(lang: Lang, answer_types: tuple[str, ...], count: int) -> list[str]:
    """Ids of the ``count`` questions of ``answer_types`` with the longest option texts."""
    chosen = [q for q in _bank() if q.answer_type in answer_types]
    chosen.sort(key=lambda q: _longest_text(q, lang), reverse=True)
    return [q.id for q in chosen[:count]]


CHOICE_TYPES = ("single_choice", "multi_choice", "true_false")
# The longest choice questions in either language, plus the longest matching question.
CASES = sorted(
    {
        (lang, qid)
        for lang in LANGS
        for qid in _longest(lang, CHOICE_TYPES, 3)
        + _longest(lang, ("multi_choice",), 1)
        + _longest(lang, ("matching",), 1)
    }
)


def test_the_cases_include_options_that_cannot_fit_on_one_line() -> None:
    bank = {q.id: q for q in _bank()}
    assert "tbptt-002" in {qid for _, qid in CASES}
    # At 1024 px an option line holds roughly 100 Latin characters: the test must need wrapping.
    assert max(_longest_text(bank[qid], "en") for _, qid in CASES) > 120


def _right_edge_in(widget: QWidget, viewport: QWidget) -> int:
    return widget.mapTo(viewport, QPoint(widget.width(), 0)).x()


def _texts_of(answer: QWidget) -> list[QLabel]:
    if isinstance(answer, ChoiceAnswer):
        return list(answer.labels)
    return [label for label in answer.findChildren(QLabel) if label.buddy() is not None]


def _assert_fits(scroll_area: QScrollArea, answer: QWidget, check_button: QWidget) -> None:
    QApplication.processEvents()
    viewport = scroll_area.viewport()
    assert not scroll_area.horizontalScrollBar().isVisible()
    content = scroll_area.widget()
    assert content is not None and content.width() <= viewport.width()
    labels = _texts_of(answer)
    assert labels
    for label in labels:
        assert _right_edge_in(label, viewport) <= viewport.width(), label.text()
        # Tall enough for all its wrapped lines (a form layout used to clip them).
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    assert _right_edge_in(check_button, viewport) <= viewport.width()


@pytest.mark.parametrize(("lang", "question_id"), CASES)
def test_long_options_wrap_in_the_question_view(
    started: Started,  # noqa: F811
    lang: Lang,
    question_id: str,
) -> None:
    window = started.window
    started.state.update(content_language=lang)
    window.resize(1024, 700)
    assert window.open_question_id(question_id)
    view = window.question
    assert view.answer is not None
    _assert_fits(view.scroll_area, view.answer, view.check_button)
    view.answer.fill_plausible()
    view.check()  # the marks and the explanation must wrap too
    _assert_fits(view.scroll_area, view.answer, view.check_button)
    for note in getattr(view.answer, "notes", []):
        assert _right_edge_in(note, view.scroll_area.viewport()) <= view.scroll_area.width()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "history.sqlite3", backup=False) as opened:
        yield opened


@pytest.fixture
def study_page(qtbot: QtBot) -> StudyPage:
    page = StudyPage()
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.mark.parametrize("lang", LANGS)
def test_long_options_wrap_in_the_study_page(
    study_page: StudyPage, store: Store, lang: Lang
) -> None:
    bank = {q.id: q for q in _bank()}
    ids = _longest(lang, CHOICE_TYPES, 2)
    items = [StudyItem.of_question(bank[qid]) for qid in ids]
    session = StudySession(store, items, StudyMode.QUESTIONS)
    study_page.start(session, lang)
    assert study_page.answer is not None
    _assert_fits(study_page.scroll_area, study_page.answer, study_page.check_button)


def _long_choice(kind: str) -> Question:
    long = "a long option that says a great deal about gates, " * 4
    options = tuple(
        Option(key, Text(f"{key}: {long}", f"{key}：{'很长的选项说明门控的作用，' * 12}"), None)
        for key in "abc"
    )
    return Question(
        id="long",
        topic="lstm-gates",
        difficulty="easy",
        type=kind,
        prompt=Text("Pick", "选择"),
        answer=Text("b", "b"),
        explanation=Text("because", "因为"),
        references=(),
        tags=(),
        answer_type=kind,
        options=options,
        correct=("b",),
    )


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[QuestionView]:
    widget = QuestionView()
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def test_option_label_is_a_click_target_and_names_its_button(view: QuestionView) -> None:
    view.set_questions([_long_choice("single_choice")], "en")
    answer = view.answer
    assert isinstance(answer, ChoiceAnswer)
    label = answer.labels[1]
    assert label.buddy() is answer.buttons[1]
    assert answer.buttons[1].accessibleName() == _long_choice("x").options[1].text.en
    assert label.text().startswith("b: a long option")
    assert label.height() > 2 * label.fontMetrics().height()  # it really wrapped
    QTest.mouseClick(label, Qt.MouseButton.LeftButton)
    assert answer.chosen() == ["b"]
    assert answer.buttons[1].hasFocus()
    QTest.keyClick(view, Qt.Key.Key_3)
    assert answer.chosen() == ["c"]
    view.check()
    assert view.grade is not None and not view.grade.correct
    QTest.mouseClick(answer.labels[0], Qt.MouseButton.LeftButton)  # locked after checking
    assert answer.chosen() == ["c"]


def test_check_boxes_toggle_by_label_and_keep_the_tab_order(view: QuestionView) -> None:
    view.set_questions([_long_choice("multi_choice")], "zh")
    answer = view.answer
    assert isinstance(answer, ChoiceAnswer)
    QTest.mouseClick(answer.labels[0], Qt.MouseButton.LeftButton)
    QTest.mouseClick(answer.labels[2], Qt.MouseButton.LeftButton)
    QTest.mouseClick(answer.labels[0], Qt.MouseButton.LeftButton)
    assert answer.chosen() == ["c"]
    QTest.keyClick(view, Qt.Key.Key_1)
    assert answer.chosen() == ["a", "c"]
    # Tab order: the next focusable widgets after the first button are the other buttons, in
    # order (the offscreen platform leaves check boxes out of Tab itself, so walk the chain).
    focusable: list[QWidget] = []
    widget = answer.buttons[0].nextInFocusChain()
    while widget is not None and len(focusable) < 2:
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            focusable.append(widget)
        widget = widget.nextInFocusChain()
    assert focusable == answer.buttons[1:]
    answer.buttons[2].setFocus()
    QTest.keyClick(answer.buttons[2], Qt.Key.Key_Space)
    assert answer.chosen() == ["a"]


def test_matching_labels_are_not_clipped(view: QuestionView) -> None:
    bank = {q.id: q for q in _bank()}
    view.resize(700, 700)  # narrow, so that the left texts need two or more lines
    view.set_questions([bank[_longest("en", ("matching",), 1)[0]]], "en")
    assert isinstance(view.answer, MatchingAnswer)
    _assert_fits(view.scroll_area, view.answer, view.check_button)


# ----- reading errors in the content language ---------------------------------------------------

NUMERIC = Question(
    id="num",
    topic="lstm-gates",
    difficulty="easy",
    type="numeric",
    prompt=Text("How many?", "多少？"),
    answer=Text("4", "4"),
    explanation=Text("four gates", "四个门"),
    references=(),
    tags=(),
    answer_type="numeric",
    value=4.0,
)


def test_typed_reading_error_in_chinese(view: QuestionView) -> None:
    view.set_questions([NUMERIC], "zh")
    answer = view.answer
    assert isinstance(answer, TypedAnswer)
    answer.edit.setText("4 4 4")
    answer.update_reading()
    assert answer.reading.text() == "应输入 1 个数，实际读到 3 个"
    view.check()
    assert view.grade is None
    # Said once, in Chinese, by the answer's own line; the verdict only says it did not count.
    assert answer.reading.text() == "应输入 1 个数，实际读到 3 个"
    assert view.verdict.text().startswith("Not counted")
    assert "应输入" not in view.verdict.text()


def test_typed_reading_error_stays_english_in_english(view: QuestionView) -> None:
    view.set_questions([NUMERIC], "en")
    answer = view.answer
    assert isinstance(answer, TypedAnswer)
    answer.edit.setText("4 4 4")
    answer.update_reading()
    assert answer.reading.text() == "expected 1 number, got 3"


def test_drill_reading_error_in_chinese(started: Started) -> None:  # noqa: F811
    window = started.window
    started.state.update(content_language="zh")
    # This standard GRU drill (seed 2) has hidden size 3: h_t is three numbers.
    plan = DrillPlan(cells=("gru",), quantities=("h",), difficulty="standard")
    assert window.open_drills(plan, seed=2)
    drill = window.drill_controller.drill
    assert drill is not None
    length = len(drill.expected["h"])
    assert length == 3
    field = window.drill.sheet.fields["h"]
    field.set_text(" ".join(["0.5"] * (length - 1)))
    assert field.reading.text().startswith("应输入 3 个数，实际读到 2 个")
    assert field.reading.property("role") == "warn"
    started.state.update(content_language="en")
    field = window.drill.sheet.fields["h"]
    field.refresh_reading()
    assert field.reading.text().startswith(f"expected {length} numbers, got {length - 1}")


def test_study_page_reading_errors_in_chinese(study_page: StudyPage, store: Store) -> None:
    session = StudySession(store, [StudyItem.of_question(NUMERIC)], StudyMode.QUESTIONS)
    study_page.start(session, "zh")
    assert isinstance(study_page.answer, TypedAnswer)
    study_page.answer.edit.setText("4 4 4")
    study_page.submit()
    # Said once, in Chinese, by the answer's own line; the hint only says it did not count.
    assert study_page.answer.reading.text() == "应输入 1 个数，实际读到 3 个"
    assert "应输入" not in study_page.hint.text() and study_page.hint.text()
    assert session.results == []  # not counted
