"""Free practice in the app is remembered: drills from "Start drills" and checked questions from
"Start questions" are attempts in the history; a free-text score follows the learner's ticks;
with recording turned off nothing is kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from questions.load import load_paths
from quizapp.gui.app import start
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.sample_answers import typed
from quizapp.gui.study import StudyPages, install_study_pages
from quizapp.gui.views.answers.free_text import FreeTextAnswer
from quizapp.settings import Settings
from quizapp.study.practice import SHOWN
from quizapp.study.store import StudyMode

NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
PACK = Path(__file__).parent.parent / "data" / "packs" / "good"
QUESTIONS = {q.id: q for q in load_paths([PACK]).questions}


def _app(qtbot: Any, record: bool) -> Iterator[tuple[Any, StudyPages]]:
    settings = Settings(interface_language="en", record_practice=record)
    window = start(settings, persist=False, study=False).window
    qtbot.addWidget(window)
    pages = install_study_pages(window, now=lambda: NOW, seed=5)
    window.resize(1200, 800)
    window.show()
    yield window, pages
    pages.controller.close()


@pytest.fixture
def app(qtbot: Any) -> Iterator[tuple[Any, StudyPages]]:
    yield from _app(qtbot, record=True)


@pytest.fixture
def app_not_recording(qtbot: Any) -> Iterator[tuple[Any, StudyPages]]:
    yield from _app(qtbot, record=False)


def test_a_practice_drill_is_recorded_and_reviewed(app: tuple[Any, StudyPages]) -> None:
    window, pages = app
    assert window.open_drills(DrillPlan(("gru",), ("h",), "standard"), seed=4)
    drill = window.drill_controller.drill
    window.drill.sheet.fields["h"].set_text(typed(drill.expected["h"], 6))
    window.drill.submit()
    (attempt,) = pages.controller.store().attempts()
    assert attempt.mode is StudyMode.PRACTICE
    assert (attempt.item_key, attempt.seed, attempt.score) == ("d:gru:pytorch:h:standard", 4, 1.0)
    assert pages.controller.scheduler().card("d:gru:pytorch:h:standard") is not None


def test_an_unreadable_drill_answer_is_not_recorded(app: tuple[Any, StudyPages]) -> None:
    window, pages = app
    assert window.open_drills(DrillPlan(("gru",), ("h",), "standard"), seed=4)
    window.drill.sheet.fields["h"].set_text("0.1, banana")
    window.drill.submit()
    assert pages.controller.store().attempts() == []


def test_a_checked_question_is_recorded_and_free_text_follows_the_ticks(
    app: tuple[Any, StudyPages],
) -> None:
    window, pages = app
    view = window.question
    view.set_questions([QUESTIONS["pack-free-001"]], "en")
    answer = view.answer
    assert isinstance(answer, FreeTextAnswer)
    answer.edit.setPlainText("BatchNorm is a poor fit across time.")
    view.check()
    (attempt,) = pages.controller.store().attempts()
    assert attempt.mode is StudyMode.PRACTICE and attempt.item_key == "q:pack-free-001"
    assert (attempt.score, attempt.auto_score) == (0.5, 0.5)
    view.choose_number(2)  # the learner ticks the second point too
    (attempt,) = pages.controller.store().attempts()
    assert attempt.score == 1.0 and attempt.auto_score == 0.5


def test_nothing_is_kept_when_recording_is_off(app_not_recording: tuple[Any, StudyPages]) -> None:
    window, pages = app_not_recording
    assert window.open_drills(DrillPlan(("gru",), ("h",), "standard"), seed=4)
    window.drill.submit()
    view = window.question
    view.set_questions([QUESTIONS["pack-numeric-001"]], "en")
    assert view.answer is not None
    view.check()
    assert not pages.is_built() or pages.controller.store().attempts() == []


def test_show_the_answer_of_a_drill_shows_the_solution_and_records_a_miss(
    app: tuple[Any, StudyPages], qtbot: Any
) -> None:
    window, pages = app
    assert window.open_drills(DrillPlan(("gru",), ("h",), "standard"), seed=4)
    view = window.drill
    assert view.sheet.reveal_button.isEnabled()
    qtbot.keyClick(view.sheet.fields["h"], Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not view.sheet.reveal_button.isEnabled() and not view.sheet.submit_button.isEnabled()
    assert window.drill_controller.grade is not None  # the worked solution is on screen
    assert view.feedback.isVisible()
    (attempt,) = pages.controller.store().attempts()
    assert (attempt.mode, attempt.score, attempt.answer) == (StudyMode.PRACTICE, 0.0, SHOWN)
    review = pages.controller.store().last_review()
    assert review is not None and review.rating == 1  # Again


def test_show_the_answer_of_a_question(app: tuple[Any, StudyPages]) -> None:
    window, pages = app
    view = window.question
    view.set_questions([QUESTIONS["pack-numeric-001"]], "en")
    view.reveal_button.click()
    assert view.verdict.text() == "Answer shown: counted as a miss"
    assert view.model_answer.text() == QUESTIONS["pack-numeric-001"].answer.en
    assert not view.check_button.isEnabled() and not view.reveal_button.isEnabled()
    (attempt,) = pages.controller.store().attempts()
    assert (attempt.item_key, attempt.score, attempt.answer) == ("q:pack-numeric-001", 0.0, SHOWN)
    view.reveal()  # a second request changes nothing
    assert len(pages.controller.store().attempts()) == 1


def test_home_says_practice_is_saved_and_the_setting_turns_it_off(
    app: tuple[Any, StudyPages],
) -> None:
    window, pages = app
    assert window.home.practice_note.text().startswith("Every answer you give here is saved")
    window.settings_page.record_practice.setChecked(False)
    assert window.state.settings.record_practice is False
    assert window.home.practice_note.text().startswith("Practice is not saved")
    assert window.open_drills(DrillPlan(("gru",), ("h",), "standard"), seed=4)
    drill = window.drill_controller.drill
    window.drill.sheet.fields["h"].set_text(typed(drill.expected["h"], 6))
    window.drill.submit()
    assert pages.controller.store().attempts() == []
