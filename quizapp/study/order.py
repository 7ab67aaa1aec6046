"""A fair order for questions (no Qt): topics and types take turns instead of following the bank.

The bank lists questions topic by topic, so "the first forty" is forty questions of one topic.
``spread`` groups questions by topic, and within a topic by type, shuffles each group and the
order of the groups (seeded, so a test or a replayed session gets the same order), then takes
one question from each group in turn: ten new questions span about ten topics, and a topic's
questions alternate between its types.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import TypeVar

from questions.schema import Question

T = TypeVar("T")


def _round_robin(groups: Sequence[Sequence[T]]) -> list[T]:
    """One item from each group in turn until every group is used up."""
    order: list[T] = []
    depth = max((len(group) for group in groups), default=0)
    for index in range(depth):
        order.extend(group[index] for group in groups if index < len(group))
    return order


def _grouped(items: Sequence[T], key: Callable[[T], str], rng: random.Random) -> list[list[T]]:
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    names = sorted(groups)
    rng.shuffle(names)
    return [groups[name] for name in names]


def spread(questions: Sequence[Question], rng: random.Random) -> list[Question]:
    """Every question once, topics taking turns and, within a topic, types taking turns."""
    by_topic = []
    for group in _grouped(questions, lambda q: q.topic, rng):
        by_type = _grouped(group, lambda q: q.type, rng)
        for same_type in by_type:
            rng.shuffle(same_type)
        by_topic.append(_round_robin(by_type))
    return _round_robin(by_topic)
