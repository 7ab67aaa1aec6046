"""Each study mode driven end to end on a virtual screen, with the clock moved over days."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from quizapp.gui.app import start
from quizapp.gui.sample_answers import typed
from quizapp.gui.study import StudyPages, install_study_pages
from quizapp.settings import Settings
from quizapp.study.session import Phase
from quizapp.study.store import Store, StudyMode

DAY0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.moment = DAY0

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app_pages(qtbot: Any, clock: Clock, tmp_path: Path) -> Iterator[tuple[Any, StudyPages]]:
    settings = Settings(drill_cells=("gru",), drill_quantities=("h",), interface_language="en")
    started = start(settings, persist=False, study=False)
    window = started.window
    qtbot.addWidget(window)
    pages = install_study_pages(window, now=clock, seed=11)
    window.resize(1200, 800)
    window.show()
    yield window, pages
    pages.controller.close()


def _answer_drill_right(pages: StudyPages) -> None:
    session = pages.controller.session
    assert session is not None and session.drill is not None
    for key in session.drill.asked:
        pages.page.sheet.fields[key].set_text(typed(session.drill.expected[key], 6))


def test_drill_session_rate_undo_summary_export(
    app_pages: tuple[Any, StudyPages],
    clock: Clock,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window, pages = app_pages
    assert pages.controller.start_drills(2)
    assert window.current_page() == "study"
    session = pages.controller.session
    assert session is not None and session.mode is StudyMode.DRILL
    assert session.current.template.cell == "gru"  # type: ignore[union-attr]
    store = pages.controller.store()

    clock.advance(seconds=20)
    _answer_drill_right(pages)
    pages.page.submit()
    assert store.attempt_count() == 1
    assert not pages.page.rating_bar.isHidden()
    assert pages.page.rating_buttons[4].isChecked()  # perfect in 20 s: Easy proposed

    pages.page.number_key(2)  # the learner says Hard
    assert store.last_review().rating == 2  # type: ignore[union-attr]
    qtbot.keyClick(pages.page.next_button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    if store.last_review() is not None:  # shortcut not delivered offscreen: use the button
        pages.page.undo_button.click()
    assert store.last_review() is None
    assert session.phase is Phase.ANSWERED
    pages.page.next_button.click()  # accepts the proposed Easy
    assert store.last_review().rating == 4  # type: ignore[union-attr]

    # Second drill: an unreadable answer records nothing, then a wrong one.
    assert session.drill is not None
    pages.page.sheet.fields[session.drill.asked[0]].set_text("no idea")
    pages.page.submit()
    assert store.attempt_count() == 1 and session.phase is Phase.QUESTION
    pages.page.sheet.fields[session.drill.asked[0]].set_text(", ".join(["9"] * session.drill.n))
    clock.advance(seconds=30)
    pages.page.submit()
    assert store.attempt_count() == 2
    assert pages.page.rating_buttons[1].isChecked()
    pages.page.go_next()
    assert window.current_page() == "study_summary"
    assert "2 answered" in pages.summary.overview.text()

    target = tmp_path / "report.md"
    monkeypatch.setattr("quizapp.gui.study.files.ask_save_path", lambda *a: target)
    assert pages.summary.export("md")
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Drill session") and "d:gru:" not in text
    assert "GRU · new hidden state hₜ · Standard" in text  # the app's name, not the key
    html_target = tmp_path / "report.html"
    monkeypatch.setattr("quizapp.gui.study.files.ask_save_path", lambda *a: html_target)
    assert pages.summary.export("html")
    assert "<table>" in html_target.read_text(encoding="utf-8")


def test_mock_interview_hides_feedback_and_ends_on_time(
    app_pages: tuple[Any, StudyPages], clock: Clock
) -> None:
    window, pages = app_pages
    assert pages.controller.start_mock(minutes=2)
    session = pages.controller.session
    assert session is not None and session.scheduler is None
    assert pages.page.timer.text() == "2:00 left"
    answered = 0
    while session.drill is None:
        pages.page.skip()
    clock.advance(seconds=40)
    _answer_drill_right(pages)
    pages.page.submit()
    answered += 1
    # No feedback: the next item is on screen at once, nothing graded shown.
    assert session.phase is Phase.QUESTION
    assert pages.page.rating_bar.isHidden()
    assert pages.page.drill_feedback.isHidden() and pages.page.question_feedback.isHidden()
    clock.advance(seconds=90)
    pages.page.tick()
    assert window.current_page() == "study_summary"
    report = pages.summary.report
    assert report is not None and report.summary.answered == answered
    assert pages.summary.heading.text() == "Mock interview: report"
    assert pages.controller.store().last_review() is None


def test_review_and_mistakes_over_simulated_days(
    app_pages: tuple[Any, StudyPages], clock: Clock
) -> None:
    window, pages = app_pages
    controller = pages.controller
    # Day 0: one drill, answered wrongly and rated Easy by the learner (so it leaves today).
    controller.start_drills(1)
    session = controller.session
    assert session is not None and session.drill is not None
    key = session.current.key  # type: ignore[union-attr]
    first_seed = session.drill.spec.seed
    pages.page.sheet.fields["h"].set_text(", ".join(["9"] * session.drill.n))
    pages.page.submit()
    pages.page.choose_rating(4)
    pages.page.go_next()
    due = controller.scheduler().card(key).due  # type: ignore[union-attr]
    assert due.date() > DAY0.date()

    # Mistakes mode offers the wrong drill, with fresh numbers.
    assert controller.start_mistakes()
    mistakes = controller.session
    assert mistakes is not None and [i.key for i in mistakes.items] == [key]
    assert mistakes.drill is not None and mistakes.drill.spec.seed != first_seed
    pages.page.finish()

    # Review on day 0: the template is not due; only new questions are offered.
    assert controller.start_review()
    review = controller.session
    assert review is not None and all(i.question is not None for i in review.items)
    pages.page.finish()

    # On the due day the drill template comes first, before any new question.
    clock.moment = due
    assert controller.start_review()
    review = controller.session
    assert review is not None and review.items[0].key == key
    assert not pages.page.sheet.isHidden()
    assert window.current_page() == "study"


def test_statistics_page_charts_and_csv(
    app_pages: tuple[Any, StudyPages],
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window, pages = app_pages
    pages.controller.start_drills(1)
    _answer_drill_right(pages)
    pages.page.submit()
    pages.page.go_next()
    assert pages.stats.canvas is None  # matplotlib waits for the page
    window.show_page("stats")
    assert pages.stats.canvas is not None
    assert pages.stats.headline.text().startswith("1 answer recorded · ")
    pages.stats.streak_box.setChecked(True)
    assert pages.stats.streak.text() == "Streak: 1 day in a row"
    target = tmp_path / "history.csv"
    monkeypatch.setattr("quizapp.gui.study.files.ask_save_path", lambda *a: target)
    assert pages.stats.export_csv()
    assert pages.stats.status.text() == f"Wrote 1 answer to {target}"
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,answered_at,mode") and len(lines) == 2


def test_study_pages_in_chinese(app_pages: tuple[Any, StudyPages], qtbot: Any) -> None:
    window, pages = app_pages
    window.state.update(interface_language="zh")
    qtbot.wait(10)  # LanguageChange events are posted
    assert pages.page.skip_button.text() == "跳过"
    assert pages.summary.home_button.text() == "返回首页"
    window.state.update(interface_language="en")
    qtbot.wait(10)
    assert pages.page.skip_button.text() == "Skip"


def test_mock_report_asks_to_confirm_free_text_scores_before_they_are_final(
    app_pages: tuple[Any, StudyPages], clock: Clock, qtbot: Any
) -> None:
    from quizapp.gui.views.answers.free_text import FreeTextAnswer

    window, pages = app_pages
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
    answer.edit.setPlainText(question.answer.en)  # the model answer: every point proposed
    pages.page.submit()
    session.finish()
    pages.controller._on_finished(session)
    assert window.current_page() == "study_summary"
    summary = pages.summary
    assert "Not final: confirm the key points" in summary.overview.text()
    ((_result, widget),) = summary.pending_answers
    assert [c.isChecked() for c in widget.checks] == [True] * len(question.key_points)
    (attempt,) = pages.controller.store().attempts()
    assert (attempt.confirmed, attempt.auto_score, attempt.score) == (False, 1.0, 1.0)

    widget.checks[0].setChecked(False)  # the learner disagrees with one tick
    summary.confirm_button.click()
    (attempt,) = pages.controller.store().attempts()
    expected = (len(question.key_points) - 1) / len(question.key_points)
    assert attempt.confirmed and attempt.auto_score == 1.0
    assert attempt.score == pytest.approx(expected)
    assert "Not final" not in summary.overview.text()
    assert summary.pending_answers == []
    report = summary.report
    assert report is not None and report.summary.mean_score == pytest.approx(expected)


def test_show_the_answer_in_a_drill_session_records_a_miss_and_is_hidden_in_a_mock(
    app_pages: tuple[Any, StudyPages], clock: Clock
) -> None:
    from quizapp.study.session import SHOWN

    _window, pages = app_pages
    assert pages.controller.start_drills(2)
    page = pages.page
    assert page.sheet.reveal_button.isVisible()
    page.sheet.reveal_button.click()
    session = pages.controller.session
    assert session is not None and session.phase is Phase.ANSWERED
    assert session.proposed_rating == 1  # Again
    assert page.drill_feedback.isVisible()  # the worked solution
    (attempt,) = pages.controller.store().attempts()
    assert (attempt.answer, attempt.score, attempt.mode) == (SHOWN, 0.0, StudyMode.DRILL)
    page.finish()
    assert pages.controller.start_mock(minutes=5)
    assert not page.sheet.reveal_button.isVisible() and not page.reveal_button.isVisible()
    page.reveal()  # the key does nothing in an interview
    assert len(pages.controller.store().attempts()) == 1


def _answer_current_wrong(pages: StudyPages) -> None:
    session = pages.controller.session
    assert session is not None
    if session.drill is not None:
        for key in session.drill.asked:
            pages.page.sheet.fields[key].set_text(typed(session.drill.expected[key], 6))
        pages.page.submit()
    else:
        pages.page.skip()


def test_no_submitted_answer_is_lost_whatever_way_a_session_is_left(
    app_pages: tuple[Any, StudyPages], clock: Clock
) -> None:
    window, pages = app_pages
    store = pages.controller.store()
    submitted = 0

    # Drill session: answer one, Esc: the session ends and home is shown.
    assert pages.controller.start_drills(3)
    _answer_drill_right(pages)
    pages.page.submit()
    submitted += 1
    window.go_back()
    assert window.current_page() == "home" and not pages.session_running()
    assert store.attempt_count() == submitted

    # Review due, two answers, Finish now, Esc: never back on the finished session's page.
    clock.advance(days=40)
    assert pages.controller.start_review()
    for _ in range(2):
        if pages.controller.session is None or pages.controller.session.current is None:
            break
        before = store.attempt_count()
        _answer_current_wrong(pages)
        submitted += store.attempt_count() - before
        pages.page.go_next()
    pages.page.finish()
    assert window.current_page() == "study_summary"
    window.go_back()
    assert window.current_page() == "home"
    window.show_page("settings")
    window.go_back()
    assert window.current_page() == "home"  # not the ended session

    # Mock interview: Home in the middle ends it with its answers kept.
    assert pages.controller.start_mock(minutes=5)
    session = pages.controller.session
    while session is not None and session.drill is None:
        pages.page.skip()
    _answer_drill_right(pages)
    pages.page.submit()
    submitted += 1
    window.show_page("settings")  # a look at the settings keeps the interview running
    assert pages.session_running()
    window.go_back()
    assert window.current_page() == "study"
    window.show_page("home")
    assert not pages.session_running()

    # Closing the window keeps everything.
    pages.controller.close()
    with Store.open(store.path, backup=False) as reopened:
        assert reopened.attempt_count() == submitted


def test_exports_never_write_into_the_data_folder(
    app_pages: tuple[Any, StudyPages], monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizapp import paths

    window, pages = app_pages
    pages.controller.start_drills(1)
    _answer_drill_right(pages)
    pages.page.submit()
    pages.page.go_next()
    history = paths.database_path()
    before = history.read_bytes()
    monkeypatch.setattr("quizapp.gui.study.files.ask_save_path", lambda *a: history)
    window.show_page("stats")
    assert not pages.stats.export_csv()
    assert pages.stats.status.text().startswith("Not saved:")
    assert not pages.summary.export("md")
    assert pages.summary.status.text().startswith("Not saved:")
    assert history.read_bytes() == before


def test_a_history_that_cannot_be_written_is_said_and_the_answer_stays(
    app_pages: tuple[Any, StudyPages], monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizapp.study.store import StoreError

    _window, pages = app_pages
    assert pages.controller.start_drills(2)
    store = pages.controller.store()

    def full_disk(attempt: object) -> int:
        raise StoreError("the answer was NOT saved: the disk is full")

    monkeypatch.setattr(store, "record_attempt", full_disk)
    _answer_drill_right(pages)
    pages.page.submit()  # no crash dialog: the banner says it, the answer stays to retry
    assert "NOT saved" in pages.page.banner.label.text()
    session = pages.controller.session
    assert session is not None and session.phase is Phase.QUESTION
    monkeypatch.undo()
    pages.page.submit()
    assert session.phase is Phase.ANSWERED and store.attempt_count() == 1
