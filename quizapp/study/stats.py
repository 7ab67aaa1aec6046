"""Statistics data over the attempt history: pure functions plus ``build_stats`` for a whole store.

``summarize`` computes everything from attempts in Python (session reports, tests); ``build_stats``
asks the store's SQL aggregates for the same numbers so that 100,000 attempts stay fast. Both end in
the same small pure functions. Days are calendar days in the time zone of the ``now`` passed in.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Protocol

from quizapp.plural import count_en
from quizapp.study.items import ItemKind
from quizapp.study.schedule import forecast_counts
from quizapp.study.store import Store

DAYS_SHOWN = 30
FORECAST_DAYS = 14
TOP_MISTAKES = 10
# A mistake is "fading" when its rate in the newer half of the history is at most this share of its
# rate in the older half: halving is a clear change rather than noise in a handful of answers.
FADING_RATIO = 0.5


class AttemptLike(Protocol):
    """The attempt fields statistics read (``store.Attempt`` has them)."""

    @property
    def item_kind(self) -> ItemKind: ...
    @property
    def subject(self) -> str: ...
    @property
    def quantities(self) -> tuple[str, ...]: ...
    @property
    def score(self) -> float: ...
    @property
    def mistakes(self) -> tuple[str, ...]: ...
    @property
    def duration_seconds(self) -> float: ...
    @property
    def confirmed(self) -> bool: ...
    @property
    def answered_at(self) -> datetime: ...


@dataclass(frozen=True)
class TopicAccuracy:
    """Mean score of the question attempts on one topic."""

    topic: str
    attempts: int
    mean_score: float


@dataclass(frozen=True)
class QuantityAccuracy:
    """Mean score of the drill attempts asking one quantity of one cell.

    An attempt asking several quantities counts once for each, with its overall score.
    """

    cell: str
    quantity: str
    attempts: int
    mean_score: float


@dataclass(frozen=True)
class MistakeTrend:
    """How often a catalogued mistake was made, and whether it is fading.

    Rates are occurrences per attempt in the older and newer half of the history.
    """

    mistake_id: str
    count: int
    older_rate: float
    newer_rate: float
    fading: bool


@dataclass(frozen=True)
class CellTime:
    """Median seconds per drill of one cell."""

    cell: str
    attempts: int
    median_seconds: float


@dataclass(frozen=True)
class StatsSummary:
    """Everything the statistics screen and ``quizapp stats`` show."""

    generated_at: datetime
    total_attempts: int
    streak_days: int
    accuracy_by_topic: tuple[TopicAccuracy, ...]
    accuracy_by_quantity: tuple[QuantityAccuracy, ...]
    frequent_mistakes: tuple[MistakeTrend, ...]
    answers_per_day: tuple[tuple[date, int], ...]
    due_forecast: tuple[tuple[date, int], ...]
    median_drill_seconds: float | None
    median_seconds_by_cell: tuple[CellTime, ...]
    # Free-text scores that are the grader's proposal, never confirmed by the learner (they count
    # as proposed; the screens say how many there are).
    unconfirmed_scores: int = 0


def topic_accuracy_rows(totals: Mapping[str, tuple[int, float]]) -> tuple[TopicAccuracy, ...]:
    """Rows from {topic: (attempts, sum of scores)}, weakest first (ties by topic id)."""
    rows = [TopicAccuracy(topic, n, total / n) for topic, (n, total) in totals.items() if n]
    return tuple(sorted(rows, key=lambda row: (row.mean_score, row.topic)))


def quantity_accuracy_rows(
    totals: Mapping[tuple[str, tuple[str, ...]], tuple[int, float]],
) -> tuple[QuantityAccuracy, ...]:
    """Rows from {(cell, asked quantities): (attempts, sum of scores)}, weakest first.

    An attempt asking several quantities counts once for each of them, with its overall score.
    """
    merged: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for (cell, quantities), (n, total) in totals.items():
        for quantity in quantities:
            entry = merged[(cell, quantity)]
            entry[0] += n
            entry[1] += total
    rows = [
        QuantityAccuracy(cell, quantity, int(n), total / n)
        for (cell, quantity), (n, total) in merged.items()
        if n
    ]
    return tuple(sorted(rows, key=lambda row: (row.mean_score, row.cell, row.quantity)))


def mistake_trends(
    older: Counter[str], older_n: int, newer: Counter[str], newer_n: int, top: int = 10
) -> tuple[MistakeTrend, ...]:
    """The ``top`` most frequent mistakes (ties by id) with their rate in each half of the history.

    A mistake is fading when its newer rate is at most ``FADING_RATIO`` x its older rate.
    """
    total = older + newer
    ranked = sorted(total.items(), key=lambda item: (-item[1], item[0]))[:top]
    trends = []
    for mistake_id, count in ranked:
        older_rate = older[mistake_id] / older_n if older_n else 0.0
        newer_rate = newer[mistake_id] / newer_n if newer_n else 0.0
        fading = older_rate > 0 and newer_rate <= FADING_RATIO * older_rate
        trends.append(MistakeTrend(mistake_id, count, older_rate, newer_rate, fading))
    return tuple(trends)


def day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """The first instant of ``day`` and of the next day in ``zone`` (daylight saving included)."""
    start = datetime.combine(day, time.min, tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)


def streak_days(answers_on: Callable[[date], int], today: date) -> int:
    """Consecutive days with answers up to today (or up to yesterday while today is empty)."""
    day = today if answers_on(today) else today - timedelta(days=1)
    count = 0
    while answers_on(day):
        count += 1
        day -= timedelta(days=1)
    return count


def answers_per_day(
    answers_on: Callable[[date], int], today: date, days: int = 30
) -> tuple[tuple[date, int], ...]:
    """Answers on each of the ``days`` days ending with ``today`` (days without answers give 0)."""
    start = today - timedelta(days=days - 1)
    window = [start + timedelta(days=n) for n in range(days)]
    return tuple((day, answers_on(day)) for day in window)


def _zone(now: datetime) -> tzinfo:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"statistics need an aware 'now'; got {now!r}")
    return now.tzinfo


def summarize(
    attempts: Sequence[AttemptLike],
    due_times: Sequence[datetime],
    now: datetime,
    *,
    days: int = DAYS_SHOWN,
    forecast_days: int = FORECAST_DAYS,
    top_mistakes: int = TOP_MISTAKES,
) -> StatsSummary:
    """All statistics of ``attempts`` given oldest first; days are calendar days of ``now``'s zone.

    The pure counterpart of ``build_stats`` (which asks SQLite for the same numbers).
    """
    zone = _zone(now)
    topics: dict[str, tuple[int, float]] = {}
    drills: dict[tuple[str, tuple[str, ...]], tuple[int, float]] = {}
    durations: dict[str, list[float]] = defaultdict(list)
    day_counts: Counter[date] = Counter()
    older: Counter[str] = Counter()
    newer: Counter[str] = Counter()
    middle = len(attempts) // 2
    for index, attempt in enumerate(attempts):
        if attempt.item_kind is ItemKind.QUESTION:
            n, total = topics.get(attempt.subject, (0, 0.0))
            topics[attempt.subject] = (n + 1, total + attempt.score)
        else:
            key = (attempt.subject, attempt.quantities)
            n, total = drills.get(key, (0, 0.0))
            drills[key] = (n + 1, total + attempt.score)
            durations[attempt.subject].append(attempt.duration_seconds)
        day_counts[attempt.answered_at.astimezone(zone).date()] += 1
        (older if index < middle else newer).update(attempt.mistakes)
    every = [seconds for times in durations.values() for seconds in times]
    today = now.date()
    return StatsSummary(
        generated_at=now,
        total_attempts=len(attempts),
        streak_days=streak_days(day_counts.__getitem__, today),
        accuracy_by_topic=topic_accuracy_rows(topics),
        accuracy_by_quantity=quantity_accuracy_rows(drills),
        frequent_mistakes=mistake_trends(
            older, middle, newer, len(attempts) - middle, top_mistakes
        ),
        answers_per_day=answers_per_day(day_counts.__getitem__, today, days),
        due_forecast=tuple(forecast_counts(due_times, now, forecast_days)),
        median_drill_seconds=statistics.median(every) if every else None,
        median_seconds_by_cell=tuple(
            CellTime(cell, len(times), statistics.median(times))
            for cell, times in sorted(durations.items())
        ),
        unconfirmed_scores=sum(not a.confirmed for a in attempts),
    )


def build_stats(
    store: Store,
    now: datetime,
    *,
    days: int = DAYS_SHOWN,
    forecast_days: int = FORECAST_DAYS,
    top_mistakes: int = TOP_MISTAKES,
) -> StatsSummary:
    """The statistics of everything in ``store`` at ``now`` (same numbers as ``summarize``)."""
    zone = _zone(now)

    def answers_on(day: date) -> int:
        return store.count_answered(*day_bounds(day, zone))

    older, older_n, newer, newer_n = store.mistake_counts_by_half()
    overall, by_cell = store.drill_duration_medians()
    today = now.date()
    return StatsSummary(
        generated_at=now,
        total_attempts=store.attempt_count(),
        streak_days=streak_days(answers_on, today),
        accuracy_by_topic=topic_accuracy_rows(store.topic_totals()),
        accuracy_by_quantity=quantity_accuracy_rows(store.drill_totals()),
        frequent_mistakes=mistake_trends(older, older_n, newer, newer_n, top_mistakes),
        answers_per_day=answers_per_day(answers_on, today, days),
        due_forecast=tuple(forecast_counts(store.card_due_times(), now, forecast_days)),
        median_drill_seconds=overall,
        median_seconds_by_cell=tuple(
            CellTime(cell, n, median) for cell, (n, median) in sorted(by_cell.items())
        ),
        unconfirmed_scores=store.unconfirmed_count(),
    )


def _percent(share: float) -> str:
    return f"{100 * share:.0f}%"


def format_stats_text(summary: StatsSummary) -> str:
    """The summary as plain text for the terminal."""
    lines = [
        f"Answers: {summary.total_attempts}    Streak: {count_en(summary.streak_days, 'day')}",
    ]
    if summary.unconfirmed_scores:
        lines.append(
            f"Free-text scores never confirmed: {summary.unconfirmed_scores} "
            "(the grader's proposal counts until you confirm it)"
        )
    if summary.median_drill_seconds is not None:
        lines.append(f"Median time per drill: {summary.median_drill_seconds:.1f} s")
    recent = summary.answers_per_day[-7:]
    if recent:
        lines.append("Last 7 days: " + "  ".join(f"{d:%a} {n}" for d, n in recent))
    if summary.due_forecast:
        lines.append(
            "Reviews due: "
            + "  ".join(f"{d:%m-%d} {n}" for d, n in summary.due_forecast[:7])
            + "  (today includes overdue)"
        )
    if summary.accuracy_by_topic:
        lines += ["", "Questions by topic (weakest first):"]
        lines += [
            f"  {row.topic:<32} {_percent(row.mean_score):>5}  ({count_en(row.attempts, 'answer')})"
            for row in summary.accuracy_by_topic
        ]
    if summary.accuracy_by_quantity:
        lines += ["", "Drills by cell and quantity (weakest first):"]
        lines += [
            f"  {row.cell + ' ' + row.quantity:<32} {_percent(row.mean_score):>5}  "
            f"({count_en(row.attempts, 'answer')})"
            for row in summary.accuracy_by_quantity
        ]
    if summary.median_seconds_by_cell:
        lines += ["", "Median seconds per drill by cell:"]
        lines += [
            f"  {row.cell:<32} {row.median_seconds:>6.1f}  ({count_en(row.attempts, 'drill')})"
            for row in summary.median_seconds_by_cell
        ]
    if summary.frequent_mistakes:
        lines += ["", "Most frequent mistakes:"]
        lines += [
            f"  {row.mistake_id:<32} {row.count:>5}x  "
            f"{_percent(row.older_rate)} -> {_percent(row.newer_rate)} of answers"
            + ("  fading" if row.fading else "")
            for row in summary.frequent_mistakes
        ]
    if summary.total_attempts == 0:
        lines += ["", "No answers recorded yet: start with `quizapp drill` or the app."]
    return "\n".join(lines) + "\n"
