"""The study-session state machine on a fixed clock: recording, proposed ratings, undo, skip."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.gui.sample_answers import typed
from quizapp.study.items import DrillTemplate
from quizapp.study.schedule import ReviewScheduler
from quizapp.study.session import Phase, SessionError, StudyItem, StudySession
from quizapp.study.store import Store, StudyMode

START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.moment = START

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "history.db", now=START, backup=False)
    yield opened  # type: ignore[misc]
    opened.close()


def _template(quantities: tuple[str, ...] = ("h",)) -> DrillTemplate:
    return DrillTemplate("lstm", "standard", quantities, "standard")


def _right_answers(session: StudySession) -> dict[str, str]:
    assert session.drill is not None
    return {key: typed(session.drill.expected[key], 6) for key in session.drill.asked}


def _session(store: Store, clock: Clock, n: int = 3) -> StudySession:
    items = [StudyItem.of_template(_template()) for _ in range(n)]
    scheduler = ReviewScheduler(store, enable_fuzzing=False)
    return StudySession(store, items, StudyMode.DRILL, scheduler=scheduler, now=clock, seed=5)


def test_each_answer_is_recorded_when_given(store: Store) -> None:
    clock = Clock()
    session = _session(store, clock)
    assert store.attempt_count() == 0
    clock.advance(30)
    session.submit_drill(_right_answers(session))
    # On disk before any rating or next(): a second connection sees it.
    other = Store.open(store.path, backup=False)
    try:
        attempts = other.attempts()
    finally:
        other.close()
    assert len(attempts) == 1
    attempt = attempts[0]
    assert attempt.item_key == "d:lstm:standard:h:standard"
    assert attempt.score == 1.0
    assert attempt.duration_seconds == pytest.approx(30.0)
    assert attempt.session_id == session.session_id
    assert attempt.seed == session.drill.spec.seed  # type: ignore[union-attr]


def test_fresh_numbers_for_each_showing_of_a_template(store: Store) -> None:
    clock = Clock()
    session = _session(store, clock, n=3)
    seeds = []
    for _ in range(3):
        assert session.drill is not None
        seeds.append(session.drill.spec.seed)
        session.submit_drill(_right_answers(session))
        session.next()
    assert len(set(seeds)) == 3
    assert session.phase is Phase.SUMMARY


def test_proposed_rating_follows_score_and_time(store: Store) -> None:
    clock = Clock()
    session = _session(store, clock)
    # Perfect within half the expected 60 s of a one-quantity standard drill: Easy.
    clock.advance(20)
    session.submit_drill(_right_answers(session))
    assert session.proposed_rating == 4
    session.next()
    # Perfect but slower than 1.5 x 60 s: Hard.
    clock.advance(100)
    session.submit_drill(_right_answers(session))
    assert session.proposed_rating == 2
    session.next()
    # All wrong: Again.
    assert session.drill is not None
    n = session.drill.n
    clock.advance(20)
    session.submit_drill({"h": ", ".join(["9"] * n)})
    assert session.proposed_rating == 1


def test_rating_schedules_the_template_card_and_undo_restores_it(store: Store) -> None:
    clock = Clock()
    session = _session(store, clock)
    key = session.current.key  # type: ignore[union-attr]
    session.submit_drill(_right_answers(session))
    assert store.card_json(key) is None
    outcome = session.rate(4)
    assert outcome is not None and outcome.rating == 4
    assert store.card_json(key) is not None
    # Easy on a new card leaves today: not due at the end of the day.
    assert key not in store.due_item_keys(START + timedelta(hours=12))
    assert session.undo()
    assert store.card_json(key) is None  # a new card again
    assert session.phase is Phase.ANSWERED
    session.rate(1)
    assert key in store.due_item_keys(START + timedelta(hours=1))  # Again: back within the hour


def test_undo_from_the_next_item_goes_back(store: Store) -> None:
    clock = Clock()
    session = _session(store, clock)
    session.submit_drill(_right_answers(session))
    session.next()  # takes the proposed rating
    assert session.index == 1 and session.phase is Phase.QUESTION
    assert session.can_undo()
    assert session.undo()
    assert session.index == 0 and session.phase is Phase.ANSWERED
    assert store.last_review() is None
    assert store.attempt_count() == 1  # the answer stays recorded


def test_unreadable_answers_and_skips_record_nothing(store: Store) -> None:
    clock = Clock()
    session = _session(store, clock, n=2)
    grade = session.submit_drill({"h": "what?"})
    assert grade.submitted == 0
    assert session.phase is Phase.QUESTION
    assert store.attempt_count() == 0
    session.skip()
    assert session.index == 1
    assert store.attempt_count() == 0
    with pytest.raises(SessionError):
        session.rate(3)


def test_one_unreadable_typed_answer_records_nothing(store: Store) -> None:
    clock = Clock()
    items = [StudyItem.of_template(_template(("c", "h")))]
    session = StudySession(store, items, StudyMode.DRILL, now=clock, seed=5)
    answers = _right_answers(session)
    assert session.drill is not None
    n = len(session.drill.expected["c"])
    answers["c"] = answers["c"] + ", 9"  # one number too many: a typo, sent back
    grade = session.submit_drill(answers)
    assert grade.submitted == 1
    assert grade.unread_typed(answers) == {"c": f"expected {n} numbers, got {n + 1}"}
    assert session.phase is Phase.QUESTION
    assert store.attempt_count() == 0
    answers["c"] = ""  # left empty on purpose: graded on what was given
    session.submit_drill(answers)
    assert session.phase is not Phase.QUESTION
    assert store.attempt_count() == 1


def test_rating_must_be_one_to_four(store: Store) -> None:
    session = _session(store, Clock())
    session.submit_drill(_right_answers(session))
    with pytest.raises(SessionError, match="1, 2, 3 or 4"):
        session.rate(5)


def test_finish_ends_the_stored_session_with_a_summary(store: Store) -> None:
    clock = Clock()
    session = _session(store, clock, n=3)
    clock.advance(10)
    session.submit_drill(_right_answers(session))
    session.next()
    clock.advance(10)
    assert session.drill is not None
    session.submit_drill({"h": ", ".join(["9"] * session.drill.n)})
    summary = session.finish()
    assert store.session(session.session_id).ended_at == clock.moment
    assert summary.answered == 2
    assert summary.mean_score == pytest.approx(0.5)
    assert len(summary.unanswered) == 1
    assert session.finish() is summary
    # The unrated second answer took its proposed rating (Again) at the end.
    assert store.last_review() is not None and store.last_review().rating == 1  # type: ignore[union-attr]
