"""Which questions an Anki export holds: the bank (and packs) filtered by topic, or the questions
the learner got wrong, newest first, as the review's "My mistakes" finds them in the history."""

from __future__ import annotations

from collections.abc import Sequence

from questions.schema import Question
from questions.topics import TOPICS_BY_ID
from quizapp.study.items import QuestionItem, parse_item_key
from quizapp.study.store import Store

# Every wrong item of any realistic history (the store reads them newest first, one per item).
ALL_MISTAKES = 100_000


def check_topics(topics: Sequence[str]) -> None:
    """``ValueError`` naming the first unknown topic id and where the ids are listed."""
    for topic in topics:
        if topic not in TOPICS_BY_ID:
            raise ValueError(
                f"--topic: unknown topic {topic!r}; the ids are listed in questions/FORMAT.md "
                f"(e.g. {', '.join(list(TOPICS_BY_ID)[:3])})"
            )


def by_topic(questions: Sequence[Question], topics: Sequence[str]) -> list[Question]:
    """The questions in ``topics`` (all of them for none), in the bank's order."""
    check_topics(topics)
    wanted = set(topics)
    return [q for q in questions if not wanted or q.topic in wanted]


def wrong_question_ids(store: Store) -> list[str]:
    """Ids of the questions whose latest wrong or partial answer is in the history, newest first
    (drills left out: their numbers change with every seed)."""
    ids: list[str] = []
    for attempt in store.recent_mistakes(ALL_MISTAKES):
        item = parse_item_key(attempt.item_key)
        if isinstance(item, QuestionItem):
            ids.append(item.question_id)
    return ids


def mistaken(
    questions: Sequence[Question], wrong_ids: Sequence[str], topics: Sequence[str]
) -> list[Question]:
    """The questions of ``wrong_ids`` in that order (newest mistake first), within ``topics``; ids
    no longer in the bank are skipped."""
    bank = {q.id: q for q in by_topic(questions, topics)}
    return [bank[qid] for qid in wrong_ids if qid in bank]
