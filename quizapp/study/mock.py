"""The mock interview (no Qt): a timed mix weighted by topic, and the report at the end.

Questions are drawn topic by topic with the starred (most asked) topics of topics.md weighted
double; computations are drill templates of the cells interviews ask about most. The report gives
the score by topic, mistakes by kind, time per item and the topics to study next; ``mock_export``
writes it as Markdown or HTML in either language.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from engine.params import default_convention
from questions.schema import Question, Text
from questions.topics import TOPICS
from quizapp.richtext import to_unicode
from quizapp.study.display_names import question_type_title
from quizapp.study.items import DrillTemplate
from quizapp.study.modes import interleave
from quizapp.study.session import ItemResult, SessionSummary, StudyItem

DEFAULT_QUESTIONS = 8
DEFAULT_DRILLS = 4
DEFAULT_MINUTES = 25
STARRED_WEIGHT = 2.0
WEAK_SCORE = 0.8  # a topic scored below this is one to study next
QUESTION_MISS = "question:"  # a missed question in older histories' mistakes: "question:<type>"
# Computations interviews ask for: (cell, quantities); drawn with fresh numbers each time.
MOCK_DRILLS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("lstm", ("c", "h")),
    ("gru", ("h",)),
    ("rnn", ("h",)),
    ("lstm", ("count",)),
    ("gru", ("shape_output",)),
    ("lstm", ("f", "i")),
)


def topic_weight(topic: str) -> float:
    """Starred topics count double."""
    for entry in TOPICS:
        if entry.id == topic:
            return STARRED_WEIGHT if entry.starred else 1.0
    return 1.0


def pick_questions(questions: Sequence[Question], count: int, rng: random.Random) -> list[Question]:
    """``count`` distinct questions: a topic drawn by weight, then a question of it at random."""
    by_topic: dict[str, list[Question]] = {}
    for question in questions:
        by_topic.setdefault(question.topic, []).append(question)
    chosen: list[Question] = []
    while len(chosen) < count and by_topic:
        topics = sorted(by_topic)
        topic = rng.choices(topics, weights=[topic_weight(t) for t in topics])[0]
        pool = by_topic[topic]
        chosen.append(pool.pop(rng.randrange(len(pool))))
        if not pool:
            del by_topic[topic]
    return chosen


def mock_items(
    questions: Sequence[Question],
    rng: random.Random,
    *,
    n_questions: int = DEFAULT_QUESTIONS,
    n_drills: int = DEFAULT_DRILLS,
    difficulty: str = "standard",
) -> list[StudyItem]:
    """The interview: two questions, a computation, two questions, … (seeded by ``rng``)."""
    picked = [StudyItem.of_question(q) for q in pick_questions(questions, n_questions, rng)]
    drills: list[StudyItem] = []
    for cell, quantities in rng.sample(MOCK_DRILLS, min(n_drills, len(MOCK_DRILLS))):
        template = DrillTemplate(cell, default_convention(cell), quantities, difficulty)
        drills.append(StudyItem.of_template(template))
    pairs = [picked[i : i + 2] for i in range(0, len(picked), 2)]
    items: list[StudyItem] = []
    for group in interleave([tuple(p) for p in pairs], [(d,) for d in drills]):
        items.extend(group)
    return items


@dataclass(frozen=True)
class TopicScore:
    """Answers and mean score on one topic (unanswered items count as 0)."""

    topic: str
    answered: int
    asked: int
    mean_score: float


@dataclass(frozen=True)
class ItemTime:
    """One item of the interview: its key, topic, score and seconds (``None``: not reached)."""

    key: str
    topic: str
    score: float | None
    seconds: float | None


@dataclass(frozen=True)
class MissedQuestion:
    """A question answered but not fully right: which one, and the key points its answer missed
    (free text: the unticked checklist; other types have none)."""

    question_id: str
    prompt: Text
    score: float
    missed_points: tuple[Text, ...]


@dataclass(frozen=True)
class MockReport:
    """Everything the end-of-interview report shows."""

    summary: SessionSummary
    budget_seconds: float
    score: float  # mean over every item asked, unanswered ones as 0
    by_topic: tuple[TopicScore, ...]  # weakest first
    mistakes_by_kind: tuple[tuple[str, int], ...]  # the drills' named mistakes
    times: tuple[ItemTime, ...]
    study_next: tuple[str, ...]  # topic ids, weakest first
    missed: tuple[MissedQuestion, ...] = ()  # in the order asked


def _missed(result: ItemResult) -> MissedQuestion | None:
    question = result.item.question
    if question is None or result.score >= 1.0:
        return None
    ids = result.question_grade.missed_points if result.question_grade is not None else ()
    points = tuple(point.text for point in question.key_points if point.id in ids)
    return MissedQuestion(question.id, question.prompt, result.score, points)


def mock_report(
    summary: SessionSummary, items: Sequence[StudyItem], budget_seconds: float
) -> MockReport:
    """The report of a finished mock interview over ``items`` (the planned list)."""
    by_index = {result.index: result for result in summary.results}
    scores: dict[str, list[float]] = {}
    answered: Counter[str] = Counter()
    times: list[ItemTime] = []
    for index, item in enumerate(items):
        result = by_index.get(index)
        scores.setdefault(item.topic, []).append(result.score if result is not None else 0.0)
        if result is not None:
            answered[item.topic] += 1
        times.append(
            ItemTime(
                item.key,
                item.topic,
                None if result is None else result.score,
                None if result is None else result.seconds,
            )
        )
    by_topic = tuple(
        sorted(
            (
                TopicScore(topic, answered[topic], len(values), sum(values) / len(values))
                for topic, values in scores.items()
            ),
            key=lambda row: (row.mean_score, row.topic),
        )
    )
    kinds: Counter[str] = Counter()
    for result in summary.results:
        kinds.update(result.mistakes)
    # A missed question is named with its missed key points (``missed``), not counted by type.
    missed = tuple(m for m in (_missed(result) for result in summary.results) if m is not None)
    every = [score for values in scores.values() for score in values]
    return MockReport(
        summary=summary,
        budget_seconds=budget_seconds,
        score=sum(every) / len(every) if every else 0.0,
        by_topic=by_topic,
        mistakes_by_kind=tuple(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))),
        times=tuple(times),
        study_next=tuple(row.topic for row in by_topic if row.mean_score < WEAK_SCORE),
        missed=missed,
    )


def topic_title(topic: str, lang: str = "en") -> str:
    """A topic's title in ``lang`` ("en" or "zh"), or the id for an unknown topic."""
    for entry in TOPICS:
        if entry.id == topic:
            return entry.title.zh if lang == "zh" else entry.title.en
    return topic


def mistake_title(kind: str, lang: str = "en") -> str:
    """A mistake id's catalogue title with its notation rendered (``h_{t-1}`` -> ``hₜ₋₁``);
    ``question:<type>`` reads "missed question: Free text"."""
    if kind.startswith(QUESTION_MISS):
        kind_name = question_type_title(kind.removeprefix(QUESTION_MISS), lang)
        return f"没答对的{kind_name}" if lang == "zh" else f"missed question: {kind_name}"
    from quizapp.drills import MISTAKES

    mistake = MISTAKES.get(kind)
    if mistake is None:
        return kind
    return to_unicode(mistake.title.zh if lang == "zh" else mistake.title.en)


def weights_by_topic(items: Sequence[StudyItem]) -> Mapping[str, int]:
    """How many items of each topic a plan holds (for tests and the start screen)."""
    return Counter(item.topic for item in items)
