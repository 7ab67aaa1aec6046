"""The mock interview (no Qt): a timed mix weighted by topic, and the report at the end.

Questions are drawn topic by topic with the starred (most asked) topics of topics.md weighted
double; computations are drill templates of the cells interviews ask about most. The report gives
the score by topic, mistakes by kind, time per item and the topics to study next, and can be
written as Markdown or HTML (values escaped like ``export``'s reports).
"""

from __future__ import annotations

import html
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from engine.params import default_convention
from questions.schema import Question, Text
from questions.topics import TOPICS
from quizapp.richtext import to_unicode
from quizapp.study.display_names import item_title
from quizapp.study.export import escape_markdown
from quizapp.study.items import DrillTemplate
from quizapp.study.modes import interleave
from quizapp.study.session import ItemResult, SessionSummary, StudyItem

DEFAULT_QUESTIONS = 8
DEFAULT_DRILLS = 4
DEFAULT_MINUTES = 25
STARRED_WEIGHT = 2.0
WEAK_SCORE = 0.8
QUESTION_MISS = "question:"  # mistakes-by-kind entry of a missed question: "question:<type>"  # a topic scored below this is one to study next
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
    """A mistake id's catalogue title; ``question:<type>`` reads "missed <type> question"."""
    if kind.startswith(QUESTION_MISS):
        kind_name = kind.partition(":")[2].replace("_", " ")
        return f"未答对的{kind_name}题" if lang == "zh" else f"missed {kind_name} question"
    from quizapp.drills import MISTAKES

    mistake = MISTAKES.get(kind)
    if mistake is None:
        return kind
    return mistake.title.zh if lang == "zh" else mistake.title.en


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{100 * share:.0f}%"


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f} s"


def _sections(report: MockReport) -> list[tuple[str, list[str], list[list[str]]]]:
    """(heading, column headers, rows) of each table, as plain text."""
    spent = report.summary.elapsed_seconds
    overview = [
        ["Score (unanswered count as 0)", _percent(report.score)],
        ["Answered", f"{report.summary.answered} of {len(report.times)}"],
        ["Time", f"{spent / 60:.1f} of {report.budget_seconds / 60:.0f} min"],
    ]
    topics = [
        [topic_title(r.topic), f"{r.answered}/{r.asked}", _percent(r.mean_score)]
        for r in report.by_topic
    ]
    mistakes = [[mistake_title(kind), str(count)] for kind, count in report.mistakes_by_kind]
    times = [
        [str(n), item_title(t.key), topic_title(t.topic), _percent(t.score), _seconds(t.seconds)]
        for n, t in enumerate(report.times, start=1)
    ]
    study = [[topic_title(topic)] for topic in report.study_next] or [["Nothing weak: well done"]]
    missed = [
        [to_unicode(m.prompt.en), _percent(m.score),
         "; ".join(to_unicode(p.en) for p in m.missed_points) or "—"]
        for m in report.missed
    ]  # fmt: skip
    return [
        ("Overview", ["", ""], overview),
        ("Score by topic", ["Topic", "Answered", "Score"], topics),
        ("Mistakes by kind", ["Mistake", "Times"], mistakes or [["None", "0"]]),
        (
            "Missed questions",
            ["Question", "Score", "Key points missed"],
            missed or [["None", "", ""]],
        ),
        ("Time per item", ["#", "Item", "Topic", "Score", "Time"], times),
        ("What to study next", ["Topic"], study),
    ]


def mock_report_markdown(report: MockReport) -> str:
    """The report as Markdown (every value escaped)."""
    lines = ["# Mock interview", ""]
    for heading, headers, rows in _sections(report):
        lines += [f"## {heading}", ""]
        lines.append("| " + " | ".join(escape_markdown(h) for h in headers) + " |")
        lines.append("|" + " --- |" * len(headers))
        lines += ["| " + " | ".join(escape_markdown(c) for c in row) + " |" for row in rows]
        lines.append("")
    return "\n".join(lines)


def mock_report_html(report: MockReport) -> str:
    """The report as a standalone HTML page (every value escaped, no scripts)."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8"><title>Mock interview</title>',
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:.3em .6em;text-align:left}</style>",
        "</head>",
        "<body>",
        "<h1>Mock interview</h1>",
    ]
    for heading, headers, rows in _sections(report):
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
        body = "\n".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
        )
        parts.append(
            f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"
        )
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def weights_by_topic(items: Sequence[StudyItem]) -> Mapping[str, int]:
    """How many items of each topic a plan holds (for tests and the start screen)."""
    return Counter(item.topic for item in items)
