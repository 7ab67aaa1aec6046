"""Keyboard focus on the study pages: where it lands on the summary, and that Enter works there."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollArea, QWidget

from quizapp.gui.app import start
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.sample_answers import typed
from quizapp.gui.study import StudyPages, install_study_pages
from quizapp.settings import Settings

DAY0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


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
    window.activateWindow()
    yield window, pages, clock
    pages.controller.close()


def _one_due_review(window: Any, pages: StudyPages, clock: Clock) -> None:
    """A wrong practice drill, three days later: one item due for review."""
    assert window.open_drills(DrillPlan(("gru",), ("h",), "standard"), seed=3)
    wrong = tuple(v + 1.0 for v in window.drill_controller.drill.expected["h"])
    window.drill.sheet.fields["h"].set_text(typed(wrong, 6))
    window.drill.submit()
    clock.moment += timedelta(days=3)
    window.show_page("home")


def test_the_summary_takes_focus_on_back_to_home_and_enter_goes_home(
    app: tuple[Any, StudyPages, Clock], qtbot: Any
) -> None:
    window, pages, clock = app
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    _one_due_review(window, pages, clock)
    assert pages.controller.start_review()
    session = pages.controller.session
    assert session is not None and session.drill is not None
    for key in session.drill.asked:
        pages.page.sheet.fields[key].set_text(typed(session.drill.expected[key], 6))
    pages.page.submit()
    pages.page.finish()
    assert window.current_page() == "study_summary"
    home = pages.summary.home_button
    # The window's focus child (the one that gets the keys once the window is active).
    qtbot.waitUntil(lambda: window.focusWidget() is home)
    qtbot.keyClick(home, Qt.Key.Key_Return)
    assert window.current_page() == "home"


def test_after_check_the_score_is_in_view_and_page_down_scrolls(
    app: tuple[Any, StudyPages, Clock], qtbot: Any
) -> None:
    window, _pages, _clock = app
    window.resize(1024, 700)
    plan = DrillPlan(("lstm",), ("i", "f", "g", "o", "c", "h"), "standard")
    assert window.open_drills(plan, seed=11)
    drill = window.drill_controller.drill
    view = window.drill
    for key in drill.asked:
        wrong = tuple(v + 1.0 for v in drill.expected[key])
        view.sheet.fields[key].set_text(typed(wrong, 6))
    view.submit()
    qtbot.waitUntil(lambda: window.drill_controller.grade is not None)
    bar = view.scroll_area.verticalScrollBar()
    qtbot.waitUntil(
        lambda: bar.maximum() > 0
    )  # the sheet and the diagnosis do not fit: the test means something
    viewport = view.scroll_area.viewport()

    def score_in_view() -> bool:
        top = view.feedback.score.mapTo(viewport, view.feedback.score.rect().topLeft()).y()
        return top >= 0 and top + view.feedback.score.height() <= viewport.height()

    qtbot.waitUntil(score_in_view)
    bar.setValue(0)
    before = bar.value()
    qtbot.keyClick(view.another_button, Qt.Key.Key_PageDown)
    assert bar.value() > before
    qtbot.keyClick(view.another_button, Qt.Key.Key_PageUp)
    assert bar.value() == before


def _tab_stops(qtbot: Any, start_at: QWidget, count: int) -> list[tuple[QWidget, QImage]]:
    """The widgets Tab visits from ``start_at``, in order, each with its look while focused."""
    start_at.setFocus(Qt.FocusReason.TabFocusReason)
    stops: list[tuple[QWidget, QImage]] = []
    for _ in range(count):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        stops.append((now, now.grab().toImage()))
    return stops


@pytest.mark.parametrize("mode", ["review", "mock"])
def test_every_tab_stop_on_the_study_page_shows_its_focus(
    app: tuple[Any, StudyPages, Clock], qtbot: Any, mode: str
) -> None:
    window, pages, clock = app
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    if mode == "review":
        _one_due_review(window, pages, clock)
        assert pages.controller.start_review()
    else:
        assert pages.controller.start_mock(minutes=10)
    answer = next(e for e in pages.page.findChildren(QLineEdit) if e.isVisible())
    stops = _tab_stops(qtbot, answer, 12)
    widgets = [widget for widget, _ in stops]
    assert pages.page.skip_button in widgets and pages.page.finish_button in widgets
    assert answer in widgets  # the round comes back to the answer
    last = widgets[-1]
    for widget, focused_look in stops:
        assert not isinstance(widget, QScrollArea), "a scroll area takes focus without a ring"
        if widget is not last:  # now unfocused: it must look different from when it had focus
            assert widget.grab().toImage() != focused_look, type(widget).__name__


def test_page_down_scrolls_the_study_page_from_its_buttons(
    app: tuple[Any, StudyPages, Clock], qtbot: Any
) -> None:
    window, pages, clock = app
    _one_due_review(window, pages, clock)
    assert pages.controller.start_review()
    session = pages.controller.session
    assert session is not None and session.drill is not None
    for key in session.drill.asked:  # wrong: the feedback and worked solution are long
        wrong = tuple(v + 1.0 for v in session.drill.expected[key])
        pages.page.sheet.fields[key].set_text(typed(wrong, 6))
    pages.page.submit()
    bar = pages.page.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(0)
    qtbot.keyClick(pages.page.finish_button, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(pages.page.finish_button, Qt.Key.Key_PageUp)
    assert bar.value() == 0


def test_the_mock_report_focuses_confirm_then_back_to_home(
    app: tuple[Any, StudyPages, Clock], qtbot: Any
) -> None:
    from quizapp.gui.views.answers.free_text import FreeTextAnswer

    window, pages, _clock = app
    assert pages.controller.start_mock(minutes=30)
    session = pages.controller.session
    assert session is not None
    while session.current is not None and (
        session.current.question is None or session.current.question.type != "free_text"
    ):
        pages.page.skip()
    question = session.current.question if session.current is not None else None
    assert question is not None, "the mock plan has a free-text question"
    answer = pages.page.answer
    assert isinstance(answer, FreeTextAnswer)
    answer.edit.setPlainText(question.answer.en)
    pages.page.submit()
    pages.page.finish()
    summary = pages.summary
    ((_result, widget),) = summary.pending_answers
    # The first useful control: Confirm (the ticks are the grader's proposal, already set).
    qtbot.waitUntil(lambda: window.focusWidget() is summary.confirm_button)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(summary.confirm_button, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is widget.checks[-1]  # Shift+Tab reaches the ticks
    qtbot.keyClick(widget.checks[-1], Qt.Key.Key_Tab)
    qtbot.keyClick(summary.confirm_button, Qt.Key.Key_Return)
    assert summary.pending_answers == []  # confirmed by Enter
    qtbot.waitUntil(lambda: window.focusWidget() is summary.home_button)
