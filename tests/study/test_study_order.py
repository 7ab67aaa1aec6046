"""New and practice questions come in a fair order: topics and types take turns."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from questions.load import load_bank
from quizapp.study.modes import review_items
from quizapp.study.order import spread
from quizapp.study.store import Store

BANK = load_bank(include_user_packs=False).questions
NOW = datetime(2025, 5, 1, 9, tzinfo=UTC)


def test_every_question_once() -> None:
    order = spread(BANK, random.Random(1))
    assert sorted(q.id for q in order) == sorted(q.id for q in BANK)


def test_the_first_questions_span_many_topics_and_types() -> None:
    for seed in range(20):
        first = spread(BANK, random.Random(seed))[:10]
        assert len({q.topic for q in first}) == 10  # more topics than ten: one each
        assert len({q.type for q in first}) >= 3


def test_within_a_topic_types_take_turns() -> None:
    topic = "lstm-gates"
    order = [q for q in spread(BANK, random.Random(3)) if q.topic == topic]
    types = Counter(q.type for q in order)
    # Before any type repeats, every type of the topic has had its turn.
    assert len(set(q.type for q in order[: len(types)])) == len(types)


def test_seeded_and_not_the_bank_order() -> None:
    assert spread(BANK, random.Random(5)) == spread(BANK, random.Random(5))
    assert spread(BANK, random.Random(5)) != spread(BANK, random.Random(6))
    assert [q.id for q in spread(BANK, random.Random(5))[:5]] != [q.id for q in BANK[:5]]


def test_a_new_learner_s_ten_review_questions_span_several_topics(tmp_path: Path) -> None:
    with Store.open(tmp_path / "h.db", now=NOW, backup=False) as store:
        items = review_items(store, BANK, NOW, new_limit=10, rng=random.Random(2))
    assert len(items) == 10
    assert len({item.topic for item in items}) >= 8
