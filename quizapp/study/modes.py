"""Which items each study mode runs (no Qt): review due, mistakes, a drill session.

Each builder returns ``StudyItem``s for ``StudySession``; the mock interview's lives in ``mock``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

from questions.schema import Question
from quizapp.study.items import DrillTemplate, ItemKind, question_key
from quizapp.study.order import spread
from quizapp.study.session import StudyItem, item_for_key
from quizapp.study.stats import day_bounds
from quizapp.study.store import Store

if TYPE_CHECKING:
    from quizapp.drills import DrillSpec

T = TypeVar("T")

REVIEW_LIMIT = 20
NEW_PER_REVIEW = 5
MISTAKES_LIMIT = 20


def questions_by_id(questions: Iterable[Question]) -> dict[str, Question]:
    """The bank as {id: question}."""
    return {q.id: q for q in questions}


def interleave(first: Sequence[T], second: Sequence[T]) -> list[T]:
    """``a1 b1 a2 b2 …`` then the rest of the longer list."""
    merged: list[T] = []
    for index in range(max(len(first), len(second))):
        if index < len(first):
            merged.append(first[index])
        if index < len(second):
            merged.append(second[index])
    return merged


def end_of_day(now: datetime) -> datetime:
    """The last microsecond of ``now``'s calendar day in its own time zone."""
    zone = now.tzinfo
    if zone is None:
        raise ValueError(f"end_of_day needs an aware time, got {now!r}")
    return day_bounds(now.date(), zone)[1] - timedelta(microseconds=1)


def due_keys_today(store: Store, now: datetime, limit: int) -> list[str]:
    """Item keys whose card falls due by the end of ``now``'s day, most overdue first."""
    return store.due_item_keys(end_of_day(now), limit)


def review_items(
    store: Store,
    questions: Sequence[Question],
    now: datetime,
    *,
    limit: int = REVIEW_LIMIT,
    new_limit: int = NEW_PER_REVIEW,
    rng: random.Random | None = None,
) -> list[StudyItem]:
    """Questions and drill templates due today, interleaved, then up to ``new_limit`` bank
    questions never reviewed (so that a new learner has something to start with), topics and
    types taking turns (``order.spread``; ``rng`` seeds it)."""
    bank = questions_by_id(questions)
    due_questions: list[StudyItem] = []
    due_drills: list[StudyItem] = []
    for key in due_keys_today(store, now, limit):
        item = item_for_key(key, bank)
        if item is None:
            continue
        (due_questions if item.kind is ItemKind.QUESTION else due_drills).append(item)
    chosen = interleave(due_questions, due_drills)
    room = min(new_limit, limit - len(chosen))
    if room > 0:
        known = store.card_item_keys()
        fresh = [q for q in questions if question_key(q.id) not in known]
        # New questions in a fair order: topics and types take turns (not the bank's order).
        for question in spread(fresh, rng or random.Random())[:room]:
            chosen.append(StudyItem.of_question(question))
    return chosen


def mistake_items(
    store: Store, questions: Sequence[Question], limit: int = MISTAKES_LIMIT
) -> list[StudyItem]:
    """What went wrong (score below 1), newest first, each item once; drills get fresh numbers."""
    bank = questions_by_id(questions)
    items: list[StudyItem] = []
    for attempt in store.recent_mistakes(limit):
        item = item_for_key(attempt.item_key, bank)
        if item is not None:
            items.append(item)
    return items


def template_of(spec: DrillSpec) -> DrillTemplate:
    """The template (card) a drill spec belongs to."""
    return DrillTemplate(spec.cell, spec.convention, tuple(spec.quantities), spec.difficulty)


def drill_session_items(
    spec_for: Callable[[int], DrillSpec], count: int, rng: random.Random
) -> list[StudyItem]:
    """``count`` drills of a plan (``DrillPlan.spec_for``), each with its own seed."""
    if count < 1:
        raise ValueError(f"a drill session needs at least 1 drill, got count={count}")
    items = []
    for _ in range(count):
        seed = rng.randint(1, 999_999)
        spec = spec_for(seed)
        items.append(StudyItem.of_template(template_of(spec), seed, spec.two_biases))
    return items


def due_count_today(store: Store, now: datetime) -> int:
    """How many cards fall due by the end of today (the home screen's number)."""
    return len(due_keys_today(store, now, 10_000))
