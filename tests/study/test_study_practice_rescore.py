"""A free-text practice answer whose ticks the learner changes: the attempt keeps the confirmed
score and the card is reviewed again with the rating that score calls for (found on the H15 walk:
the card stayed on the grader's "Again" after the learner ticked every key point)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fsrs import Rating

from questions.load import load_paths
from quizapp.grading.answers import QuestionGrade
from quizapp.study.practice import PracticeLog
from quizapp.study.schedule import ReviewScheduler
from quizapp.study.store import Store

NOW = datetime(2025, 4, 2, 10, tzinfo=UTC)
PACK = Path(__file__).parent.parent / "data" / "packs" / "good"
QUESTIONS = {q.id: q for q in load_paths([PACK]).questions}


def _log(tmp_path: Path) -> PracticeLog:
    store = Store.open(tmp_path / "h.db", now=NOW, backup=False)
    return PracticeLog(store, ReviewScheduler(store, enable_fuzzing=False), lambda: NOW)


def test_ticking_every_key_point_rates_the_card_good_not_again(tmp_path: Path) -> None:
    practice = _log(tmp_path)
    question = QUESTIONS["pack-free-001"]
    grade = QuestionGrade(1 / 3, False, "", None, auto_score=1 / 3)
    record = practice.record_question(question, grade, "text", 30.0)
    assert record is not None and record.rating is Rating.Again
    again_due = practice.scheduler.card("q:pack-free-001").due  # type: ignore[union-attr]

    record = practice.rescore(record, 1.0)
    assert record.rating in (Rating.Good, Rating.Easy)
    (attempt,) = practice.store.attempts()
    assert (attempt.score, attempt.auto_score, attempt.confirmed) == (1.0, 1 / 3, True)
    card = practice.scheduler.card("q:pack-free-001")
    assert card is not None and card.due > again_due
    # one review of the item remains: the proposal's was taken back, not stacked under the new one
    rows = practice.store._conn.execute(
        "SELECT rating FROM reviews WHERE item_key = 'q:pack-free-001'"
    ).fetchall()
    assert [row[0] for row in rows] == [int(record.rating)]

    # unticking again goes back to "Again", still one review
    record = practice.rescore(record, 0.0)
    assert record.rating is Rating.Again
    rows = practice.store._conn.execute(
        "SELECT rating FROM reviews WHERE item_key = 'q:pack-free-001'"
    ).fetchall()
    assert [row[0] for row in rows] == [int(Rating.Again)]
    assert practice.scheduler.card("q:pack-free-001").due == again_due  # type: ignore[union-attr]


def test_a_score_change_within_the_same_rating_only_updates_the_attempt(tmp_path: Path) -> None:
    practice = _log(tmp_path)
    grade = QuestionGrade(0.0, False, "", None, auto_score=0.0)
    record = practice.record_question(QUESTIONS["pack-free-001"], grade, "text", 30.0)
    assert record is not None
    same = practice.rescore(record, 0.1)
    assert same == record
    (attempt,) = practice.store.attempts()
    assert attempt.score == 0.1
