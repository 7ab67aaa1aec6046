"""A study run over simulated days: answers recorded, cards scheduled, due items on the right days."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from questions.load import load_bank
from questions.schema import Question
from quizapp.grading.answers import grade_choice
from quizapp.gui.sample_answers import typed
from quizapp.study.items import DrillTemplate
from quizapp.study.modes import drill_session_items, end_of_day, interleave, review_items
from quizapp.study.schedule import ReviewScheduler
from quizapp.study.session import Phase, StudyItem, StudySession
from quizapp.study.store import Store, StudyMode

DAY0 = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)


def _choice_questions(n: int) -> list[Question]:
    bank = load_bank(include_user_packs=False).questions
    return [q for q in bank if q.type in ("true_false", "single_choice")][:n]


def _answer_everything(session: StudySession, clock: list[datetime], rating: int) -> None:
    while session.phase is not Phase.SUMMARY:
        item = session.current
        assert item is not None
        clock[0] += timedelta(seconds=20)
        if session.drill is not None:
            drill = session.drill
            session.submit_drill({k: typed(drill.expected[k], 6) for k in drill.asked})
        else:
            assert item.question is not None
            session.submit_question(grade_choice(item.question, item.question.correct), "")
        session.rate(rating)
        session.next()


def test_interleave_alternates_then_appends() -> None:
    assert interleave([1, 2, 3], ["a"]) == [1, "a", 2, 3]


def test_end_of_day_is_in_the_clock_zone() -> None:
    assert end_of_day(DAY0) == datetime(2025, 3, 3, 23, 59, 59, 999999, tzinfo=UTC)


def test_review_over_simulated_days(tmp_path: Path) -> None:
    questions = _choice_questions(4)
    clock = [DAY0]
    store = Store.open(tmp_path / "h.db", now=DAY0, backup=False)
    scheduler = ReviewScheduler(store, enable_fuzzing=False)

    # Day 0: nothing is due; review offers new questions only (2 of them, in a fair order).
    items = review_items(store, questions, clock[0], new_limit=2)
    assert len(items) == 2 and {i.key for i in items} <= {f"q:{q.id}" for q in questions}
    first_two = [item.question for item in items]
    # Plus a drill template practised in a drill session.
    template = DrillTemplate("gru", "pytorch", ("h",), "standard")
    drill_items = [StudyItem.of_template(template)]
    session = StudySession(
        store, [*items, *drill_items], StudyMode.REVIEW, scheduler=scheduler,
        now=lambda: clock[0], seed=1,
    )  # fmt: skip
    _answer_everything(session, clock, rating=4)  # Easy: out of today's queue
    assert store.attempt_count() == 3
    assert len(store.attempts(session_id=session.session_id)) == 3
    keys = {f"q:{q.id}" for q in first_two if q is not None} | {template.key}
    assert store.card_item_keys() == keys

    dues = {key: scheduler.card(key).due for key in keys}  # type: ignore[union-attr]
    assert all(due.date() > DAY0.date() for due in dues.values())
    first_due_day = min(due.date() for due in dues.values())

    # Every day until the first due day: no due cards, only new questions are offered.
    day = DAY0
    while day.date() < first_due_day:
        offered = review_items(store, questions, day, new_limit=0)
        assert offered == []
        day += timedelta(days=1)

    # On the due day the due cards come back, questions and drills interleaved.
    offered = review_items(store, questions, day, new_limit=0)
    expected = {key for key, due in dues.items() if due.date() == first_due_day}
    assert {item.key for item in offered} == expected
    assert offered  # something is due that day

    # Review them on that day, rating Again: they are due again the same day.
    clock[0] = day
    session = StudySession(
        store, offered, StudyMode.REVIEW, scheduler=scheduler, now=lambda: clock[0], seed=2
    )
    _answer_everything(session, clock, rating=1)
    again = review_items(store, questions, clock[0], new_limit=0)
    assert {item.key for item in again} == expected
    assert store.attempt_count() == 3 + len(expected)
    store.close()


def test_drill_session_items_follow_the_plan() -> None:
    from quizapp.drills import DrillSpec

    def spec_for(seed: int) -> DrillSpec:
        cell = ("lstm", "gru")[seed % 2]
        return DrillSpec(cell, "standard" if cell == "lstm" else "pytorch", ("h",), "hard", seed)

    items = drill_session_items(spec_for, 6, random.Random(4))
    assert len(items) == 6
    for item in items:
        assert item.template is not None and item.seed is not None
        assert item.template.cell == ("lstm", "gru")[item.seed % 2]
        assert item.template.difficulty == "hard"
