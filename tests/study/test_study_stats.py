"""Statistics on a small hand-made history (numbers worked out by hand) and SQL/Python agreement."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from fsrs import Rating

from quizapp.study.items import ItemKind
from quizapp.study.schedule import ReviewScheduler
from quizapp.study.stats import (
    CellTime,
    MistakeTrend,
    QuantityAccuracy,
    TopicAccuracy,
    build_stats,
    format_stats_text,
    summarize,
)
from quizapp.study.store import Attempt, Store, StudyMode

NOW = datetime(2024, 3, 10, 18, 0, tzinfo=UTC)


def question(at: datetime, topic: str, score: float, seconds: float, *mistakes: str) -> Attempt:
    return Attempt(
        item_key=f"q:{topic}-{at:%d%H}",
        item_kind=ItemKind.QUESTION,
        subject=topic,
        quantities=(),
        difficulty=None,
        seed=None,
        answer="text",
        read_as="text",
        score=score,
        mistakes=mistakes,
        duration_seconds=seconds,
        answered_at=at,
        mode=StudyMode.QUESTIONS,
    )


def drill(
    at: datetime,
    cell: str,
    quantities: tuple[str, ...],
    score: float,
    seconds: float,
    *mistakes: str,
) -> Attempt:
    return Attempt(
        item_key=f"d:{cell}:pytorch:{'+'.join(quantities)}:standard",
        item_kind=ItemKind.DRILL,
        subject=cell,
        quantities=quantities,
        difficulty="standard",
        seed=1,
        answer="{}",
        read_as="",
        score=score,
        mistakes=mistakes,
        duration_seconds=seconds,
        answered_at=at,
        mode=StudyMode.DRILL,
    )


def at(day: int, hour: int) -> datetime:
    return datetime(2024, 3, day, hour, tzinfo=UTC)


HISTORY = [
    question(at(7, 9), "gates", 1.0, 30),
    drill(at(8, 10), "gru", ("h",), 0.0, 40, "swap-z"),
    drill(at(8, 11), "lstm", ("c", "h"), 0.5, 60, "swap-z", "forgot-bias"),
    question(at(9, 12), "gates", 0.5, 20),
    drill(at(10, 8), "gru", ("h",), 1.0, 20),
    question(at(10, 9), "bptt", 0.0, 50, "forgot-bias"),
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "h.sqlite3", now=NOW, backup=False) as opened:
        for attempt in reversed(HISTORY):  # insertion order must not matter
            opened.record_attempt(attempt)
        scheduler = ReviewScheduler(opened, enable_fuzzing=False)
        scheduler.review("q:gates-0709", Rating.Again, NOW)  # due in 1 minute: today
        scheduler.review("q:bptt-1009", Rating.Good, NOW)  # due in 10 minutes: today
        yield opened


def test_hand_made_history(store: Store) -> None:
    summary = build_stats(store, NOW)
    assert summary.total_attempts == 6
    # gates: (1.0 + 0.5) / 2; bptt: 0 / 1. Weakest first.
    assert summary.accuracy_by_topic == (
        TopicAccuracy("bptt", 1, 0.0),
        TopicAccuracy("gates", 2, 0.75),
    )
    # gru h: (0 + 1) / 2; the lstm attempt asked c and h and counts for both with its 0.5.
    assert summary.accuracy_by_quantity == (
        QuantityAccuracy("gru", "h", 2, 0.5),
        QuantityAccuracy("lstm", "c", 1, 0.5),
        QuantityAccuracy("lstm", "h", 1, 0.5),
    )
    # Older half = first 3 attempts, newer half = last 3. swap-z: 2/3 then 0 (fading);
    # forgot-bias: 1/3 then 1/3 (not fading). Equal counts are ordered by id.
    assert summary.frequent_mistakes == (
        MistakeTrend("forgot-bias", 2, 1 / 3, 1 / 3, False),
        MistakeTrend("swap-z", 2, 2 / 3, 0.0, True),
    )
    assert summary.answers_per_day[-4:] == (
        (date(2024, 3, 7), 1),
        (date(2024, 3, 8), 2),
        (date(2024, 3, 9), 1),
        (date(2024, 3, 10), 2),
    )
    assert len(summary.answers_per_day) == 30
    assert sum(n for _, n in summary.answers_per_day[:-4]) == 0
    assert summary.streak_days == 4  # 7th to 10th March
    # Drill times 40, 60, 20 s: median 40; gru (40, 20): 30; lstm: 60.
    assert summary.median_drill_seconds == 40
    assert summary.median_seconds_by_cell == (CellTime("gru", 2, 30.0), CellTime("lstm", 1, 60.0))
    assert summary.due_forecast[0] == (date(2024, 3, 10), 2)
    assert sum(n for _, n in summary.due_forecast) == 2


def test_days_follow_the_time_zone_of_now(store: Store) -> None:
    zone = timezone(timedelta(hours=-10))
    now = NOW.astimezone(zone)  # 08:00 on 10 March locally
    # Local times: 6th 23:00; 8th 00:00, 01:00; 9th 02:00, 22:00, 23:00; nothing yet on the 10th.
    summary = build_stats(store, now)
    assert summary.answers_per_day[-5:] == (
        (date(2024, 3, 6), 1),
        (date(2024, 3, 7), 0),
        (date(2024, 3, 8), 2),
        (date(2024, 3, 9), 3),
        (date(2024, 3, 10), 0),
    )
    assert summary.streak_days == 2  # today is still empty: 9th and 8th count


def test_streak_is_zero_after_a_missed_day(store: Store) -> None:
    assert build_stats(store, NOW + timedelta(days=2)).streak_days == 0


def test_empty_history(tmp_path: Path) -> None:
    with Store.open(tmp_path / "h.sqlite3", now=NOW, backup=False) as store:
        summary = build_stats(store, NOW)
    assert summary == summarize([], [], NOW)
    assert summary.total_attempts == summary.streak_days == 0
    assert summary.median_drill_seconds is None
    assert summary.frequent_mistakes == ()
    assert summary.accuracy_by_topic == ()
    assert "No answers recorded yet" in format_stats_text(summary)


@pytest.mark.parametrize("offset_minutes", [0, -300, 330])
def test_sql_and_python_agree_on_a_random_history(tmp_path: Path, offset_minutes: int) -> None:
    rng = random.Random(offset_minutes)
    attempts = []
    for _ in range(300):
        moment = NOW - timedelta(minutes=rng.randrange(60 * 24 * 40))
        mistakes = tuple(rng.sample(["a", "b", "c", "d"], rng.randint(0, 2)))
        if rng.random() < 0.4:
            attempts.append(
                question(moment, rng.choice(["t1", "t2", "t3"]), rng.random(), rng.uniform(1, 99))
            )
        else:
            cell = rng.choice(["gru", "lstm", "rnn"])
            quantities = tuple(rng.sample(["h", "c", "z"], rng.randint(1, 2)))
            seconds = float(rng.randint(1, 20))  # repeated values exercise ties in the medians
            attempts.append(drill(moment, cell, quantities, rng.random(), seconds, *mistakes))
    now = NOW.astimezone(timezone(timedelta(minutes=offset_minutes)))
    with Store.open(tmp_path / "h.sqlite3", now=NOW, backup=False) as store:
        store.record_attempts(attempts)
        from_sql = build_stats(store, now)
        from_python = summarize(store.attempts(), store.card_due_times(), now)
    assert from_sql.total_attempts == 300
    assert from_sql.frequent_mistakes == from_python.frequent_mistakes
    assert from_sql.answers_per_day == from_python.answers_per_day
    assert from_sql.streak_days == from_python.streak_days
    assert from_sql.median_seconds_by_cell == from_python.median_seconds_by_cell
    assert from_sql.median_drill_seconds == from_python.median_drill_seconds
    for sql_row, python_row in zip(
        from_sql.accuracy_by_quantity + from_sql.accuracy_by_topic,
        from_python.accuracy_by_quantity + from_python.accuracy_by_topic,
        strict=True,
    ):
        assert sql_row.attempts == python_row.attempts
        assert sql_row.mean_score == pytest.approx(python_row.mean_score, rel=1e-12)


def test_text_summary_names_the_numbers(store: Store) -> None:
    text = format_stats_text(build_stats(store, NOW))
    assert "Answers: 6" in text and "Streak: 4 days" in text
    assert "bptt" in text and "0%" in text
    assert "gates" in text and "75%" in text
    assert "swap-z" in text and "67% -> 0% of answers  fading" in text
    assert "Median time per drill: 40.0 s" in text
