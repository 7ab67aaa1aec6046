"""Free practice is remembered: attempts in mode practice, cards reviewed with the proposed rating,
a shown answer is a miss, an unreadable answer records nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fsrs import Rating

from questions.load import load_paths
from quizapp.drills import DrillSpec, generate_drill, grade_drill
from quizapp.grading.answers import QuestionGrade
from quizapp.gui.sample_answers import typed
from quizapp.study.modes import mistake_items
from quizapp.study.practice import SHOWN, PracticeLog
from quizapp.study.schedule import ReviewScheduler
from quizapp.study.stats import build_stats
from quizapp.study.store import Store, StudyMode

NOW = datetime(2025, 4, 2, 10, tzinfo=UTC)
PACK = Path(__file__).parent.parent / "data" / "packs" / "good"
QUESTIONS = {q.id: q for q in load_paths([PACK]).questions}


def _log(tmp_path: Path) -> PracticeLog:
    store = Store.open(tmp_path / "h.db", now=NOW, backup=False)
    return PracticeLog(store, ReviewScheduler(store, enable_fuzzing=False), lambda: NOW)


def test_a_right_drill_is_an_attempt_and_a_reviewed_card(tmp_path: Path) -> None:
    practice = _log(tmp_path)
    drill = generate_drill(DrillSpec("gru", "pytorch", ("h",), "standard", 7))
    answers = {"h": typed(drill.expected["h"], 6)}
    record = practice.record_drill(drill, grade_drill(drill, answers), answers, 20.0)
    assert record is not None and record.rating in (Rating.Good, Rating.Easy)
    (attempt,) = practice.store.attempts()
    assert attempt.mode is StudyMode.PRACTICE and attempt.session_id is None
    assert (attempt.item_key, attempt.seed, attempt.score) == ("d:gru:pytorch:h:standard", 7, 1.0)
    assert attempt.duration_seconds == 20.0
    assert practice.scheduler.card("d:gru:pytorch:h:standard") is not None
    assert build_stats(practice.store, NOW).total_attempts == 1


def test_a_wrong_answer_feeds_the_mistakes_mode_and_is_rated_again(tmp_path: Path) -> None:
    practice = _log(tmp_path)
    question = QUESTIONS["pack-numeric-001"]
    grade = QuestionGrade(0.0, False, "55", None)
    record = practice.record_question(question, grade, "55", 12.0)
    assert record is not None and record.rating is Rating.Again
    (item,) = mistake_items(practice.store, list(QUESTIONS.values()))
    assert item.key == "q:pack-numeric-001"


def test_a_shown_answer_is_a_miss(tmp_path: Path) -> None:
    practice = _log(tmp_path)
    drill = generate_drill(DrillSpec("lstm", "", ("c",), "standard", 3))
    record = practice.record_drill(drill, grade_drill(drill, {}), {}, 5.0, shown=True)
    assert record is not None and record.rating is Rating.Again
    question = QUESTIONS["pack-free-001"]
    assert practice.record_question(question, None, "", 4.0) is not None
    drill_attempt, question_attempt = practice.store.attempts()
    assert (drill_attempt.score, drill_attempt.answer) == (0.0, SHOWN)
    assert (question_attempt.score, question_attempt.answer) == (0.0, SHOWN)


def test_an_unreadable_answer_records_nothing(tmp_path: Path) -> None:
    practice = _log(tmp_path)
    drill = generate_drill(DrillSpec("lstm", "", ("c",), "standard", 3))
    answers = {"c": "0.1, banana"}
    assert practice.record_drill(drill, grade_drill(drill, answers), answers, 5.0) is None
    assert practice.record_drill(drill, grade_drill(drill, {}), {}, 5.0) is None
    bad = QuestionGrade(0.0, False, "", "not a number")
    assert practice.record_question(QUESTIONS["pack-numeric-001"], bad, "x", 3.0) is None
    assert practice.store.attempts() == []
    assert practice.scheduler.card("q:pack-numeric-001") is None


def test_free_text_keeps_the_proposal_beside_the_score(tmp_path: Path) -> None:
    practice = _log(tmp_path)
    grade = QuestionGrade(1.0, True, "", None, auto_score=0.5)
    record = practice.record_question(QUESTIONS["pack-free-001"], grade, "text", 60.0)
    assert record is not None
    (attempt,) = practice.store.attempts()
    assert (attempt.score, attempt.auto_score, attempt.confirmed) == (1.0, 0.5, True)


def test_a_session_item_shown_is_a_miss_proposed_again(tmp_path: Path) -> None:
    from quizapp.study.items import DrillTemplate
    from quizapp.study.session import Phase, StudyItem, StudySession

    store = Store.open(tmp_path / "h.db", now=NOW, backup=False)
    items = [
        StudyItem.of_template(DrillTemplate("gru", "pytorch", ("h",), "standard"), seed=3),
        StudyItem.of_question(QUESTIONS["pack-numeric-001"]),
    ]
    session = StudySession(
        store, items, StudyMode.REVIEW, scheduler=ReviewScheduler(store), now=lambda: NOW
    )
    grade = session.reveal()
    assert grade is not None and grade.submitted == 0  # the worked solution can be shown
    assert session.phase is Phase.ANSWERED and session.proposed_rating == 1
    session.next()
    assert session.reveal() is None  # a question: nothing to grade
    first, second = store.attempts()
    assert (first.score, first.answer, first.mode) == (0.0, SHOWN, StudyMode.REVIEW)
    assert (second.item_key, second.score) == ("q:pack-numeric-001", 0.0)
