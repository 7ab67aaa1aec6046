"""Every mode, left at every step by Esc, Home, a look at the settings, or closing the window:
no page is left that takes input and drops it, and every submitted answer is in the history.

Steps: before answering, after answering (before rating or Next), and after moving on. Modes:
drill session, review, mistakes, mock interview, free drills and free questions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from quizapp.gui.app import start
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.sample_answers import typed
from quizapp.gui.study import StudyPages, install_study_pages
from quizapp.settings import Settings
from quizapp.study.store import Store

DAY0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
MODES = ("drills", "review", "mistakes", "mock", "free-drills", "free-questions")
STEPS = ("before", "answered", "next")
LEAVES = ("esc", "home", "settings", "close")


class Clock:
    def __init__(self) -> None:
        self.moment = DAY0

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def app(qtbot: Any) -> Iterator[tuple[Any, StudyPages, Clock]]:
    clock = Clock()
    settings = Settings(drill_cells=("gru",), drill_quantities=("h",), interface_language="en")
    window = start(settings, persist=False, study=False).window
    qtbot.addWidget(window)
    pages = install_study_pages(window, now=clock, seed=7)
    window.resize(1200, 800)
    window.show()
    yield window, pages, clock
    pages.controller.close()


def _answer_study_item(pages: StudyPages) -> bool:
    """Answer the session's current item (a drill right, a question by showing its answer)."""
    session = pages.controller.session
    assert session is not None and session.current is not None
    if session.drill is not None:
        for key in session.drill.asked:
            pages.page.sheet.fields[key].set_text(typed(session.drill.expected[key], 6))
        pages.page.submit()
    else:
        pages.page.reveal() if not pages.page.mock else pages.page.skip()
    return True


def _start(window: Any, pages: StudyPages, clock: Clock, mode: str) -> Callable[[], None]:
    """Start ``mode``; return the action that answers its current item."""
    controller = pages.controller
    if mode in ("review", "mistakes"):
        # Something to review or retry: a wrong practice drill, then time passes.
        assert window.open_drills(DrillPlan(("gru",), ("h",), "standard"), seed=3)
        wrong = tuple(v + 1.0 for v in window.drill_controller.drill.expected["h"])
        window.drill.sheet.fields["h"].set_text(typed(wrong, 6))
        window.drill.submit()
        assert pages.controller.store().attempt_count() == 1
        clock.moment += timedelta(days=3)
        window.show_page("home")
    if mode == "drills":
        assert controller.start_drills(3)
    elif mode == "review":
        assert controller.start_review()
    elif mode == "mistakes":
        assert controller.start_mistakes()
    elif mode == "mock":
        assert controller.start_mock(minutes=10)
        while controller.session is not None and controller.session.drill is None:
            pages.page.skip()
    elif mode == "free-drills":
        assert window.open_drills(DrillPlan(("gru",), ("h",), "standard"), seed=4)

        def answer_drill() -> None:
            drill = window.drill_controller.drill
            window.drill.sheet.fields["h"].set_text(typed(drill.expected["h"], 6))
            window.drill.submit()

        return answer_drill
    else:
        window.home.questions_requested.emit(window.home.current_filter())

        def answer_question() -> None:
            window.question.reveal()

        return answer_question
    return lambda: _answer_study_item(pages)


def _leave(window: Any, pages: StudyPages, how: str) -> None:
    if how == "esc":
        window.go_back()
    elif how == "home":
        window.show_page("home")
    elif how == "settings":
        window.show_page("settings")
        window.go_back()
    else:
        window.close()
        pages.close()


@pytest.mark.parametrize("leave", LEAVES)
@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("mode", MODES)
def test_leaving_never_drops_an_answer(
    app: tuple[Any, StudyPages, Clock], mode: str, step: str, leave: str
) -> None:
    window, pages, clock = app
    answer = _start(window, pages, clock, mode)
    store_path = pages.controller.store().path
    before = pages.controller.store().attempt_count()
    submitted = 0
    if step in ("answered", "next"):
        answer()
        submitted += 1
    if step == "next":
        if mode in ("free-drills",):
            window.another_drill()
        elif mode == "free-questions":
            window.question.next_question()
        elif pages.controller.session is not None and pages.controller.session.summary is None:
            pages.page.go_next()
    page_before = window.current_page()
    _leave(window, pages, leave)
    if leave == "settings":
        assert window.current_page() == page_before  # a look at the settings loses nothing
    elif leave != "close":
        assert window.current_page() != "study" or pages.session_running()
        window.go_back()  # and Esc again never lands on an ended session's page
        assert window.current_page() != "study" or pages.session_running()
    with Store.open(store_path, backup=False) as reopened:
        assert reopened.attempt_count() == before + submitted


def _type_and_leave(window: Any, pages: StudyPages, leave: str, text: str) -> str:
    """Type ``text`` in the current drill's field, leave without checking; the item's key."""
    session = pages.controller.session
    assert session is not None and session.drill is not None and session.current is not None
    key = session.current.key
    pages.page.sheet.fields["h"].set_text(text)
    before = pages.controller.store().attempt_count()
    _leave(window, pages, leave)
    assert window.current_page() == "home" and not pages.session_running()
    assert pages.controller.store().attempt_count() == before  # a draft is no attempt
    return key


@pytest.mark.parametrize("leave", ["esc", "home"])
def test_an_unchecked_answer_to_a_review_question_comes_back_with_it(
    app: tuple[Any, StudyPages, Clock], leave: str
) -> None:
    window, pages, clock = app
    # A number question answered wrong in practice, due for review three days later.
    question = next(q for q in window.questions() if q.type == "numeric")
    window.question.set_questions([question], "en")
    window.question.answer.edit.setText("123456")
    window.question.check()
    assert pages.controller.store().attempt_count() == 1
    clock.moment += timedelta(days=3)
    window.show_page("home")
    assert pages.controller.start_review()
    session = pages.controller.session
    assert session is not None and session.current is not None
    assert session.current.question == question
    pages.page.answer.edit.setText("0.5")
    _leave(window, pages, leave)
    assert window.current_page() == "home" and not pages.session_running()
    message = window.statusBar().currentMessage()
    assert "kept" in message and "not kept" not in message  # the learner is told
    assert pages.controller.store().attempt_count() == 1  # a draft is no attempt
    # The same item again in this run: the typed answer is in its field.
    assert pages.controller.start_review()
    again = pages.controller.session
    assert again is not None and again.current is not None and again.current.question == question
    assert pages.page.answer.edit.text() == "0.5"
    assert "is back" in window.statusBar().currentMessage()


def test_an_unchecked_answer_to_a_drill_drawn_anew_is_said_to_be_dropped(
    app: tuple[Any, StudyPages, Clock],
) -> None:
    window, pages, clock = app
    _start(window, pages, clock, "review")
    _type_and_leave(window, pages, "esc", "0.1, 0.2, 0.3")
    assert "not kept" in window.statusBar().currentMessage()  # never silently
    assert pages.controller.start_review()
    assert pages.page.sheet.fields["h"].text() == ""  # other numbers: nothing misleading filled in


def test_a_language_change_keeps_what_is_typed(app: tuple[Any, StudyPages, Clock]) -> None:
    window, pages, clock = app
    _start(window, pages, clock, "review")
    pages.page.sheet.fields["h"].set_text("0.1, 0.2, 0.3")
    window.state.update(content_language="zh")
    assert pages.page.sheet.fields["h"].text() == "0.1, 0.2, 0.3"
