"""Benchmark of the history store: record one attempt, and build statistics over 100,000 attempts.

Run: ``PYTHONPATH=. python benchmarks/history.py [--attempts N]``. Aims: recording one attempt under
5 ms (median) and building the statistics under 300 ms.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fsrs import Rating

from quizapp.study.items import ItemKind, drill_template_key, question_key
from quizapp.study.schedule import ReviewScheduler
from quizapp.study.stats import build_stats
from quizapp.study.store import Attempt, Store, StudyMode, to_db_time

CELLS = ("rnn", "lstm", "gru", "mgu", "sru")
QUANTITIES = ("h", "c", "z", "r", "f", "i", "o", "g")
MISTAKES = ("swap-z", "forgot-bias", "tanh-for-sigmoid", "transposed-w", "wrong-c-prev")


def _attempt(rng: random.Random, when: datetime) -> Attempt:
    if rng.random() < 0.3:
        return Attempt(
            item_key=question_key(f"q{rng.randrange(300)}"),
            item_kind=ItemKind.QUESTION,
            subject=f"topic-{rng.randrange(28)}",
            quantities=(),
            difficulty=None,
            seed=None,
            answer="free text answer",
            read_as="free text answer",
            score=rng.choice((0.0, 0.5, 1.0)),
            mistakes=(),
            duration_seconds=rng.uniform(5, 120),
            answered_at=when,
            mode=StudyMode.QUESTIONS,
        )
    cell = rng.choice(CELLS)
    quantities = tuple(rng.sample(QUANTITIES, rng.randint(1, 2)))
    return Attempt(
        item_key=drill_template_key(cell, "pytorch", quantities, "standard"),
        item_kind=ItemKind.DRILL,
        subject=cell,
        quantities=quantities,
        difficulty="standard",
        seed=rng.randrange(2**31),
        answer='{"h": "[0.1, 0.2]"}',
        read_as="h = [0.1, 0.2]",
        score=rng.random(),
        mistakes=tuple(rng.sample(MISTAKES, 1)) if rng.random() < 0.2 else (),
        duration_seconds=rng.uniform(10, 200),
        answered_at=when,
        mode=StudyMode.DRILL,
    )


def _fill(path: Path, count: int, now: datetime, rng: random.Random) -> None:
    """Bulk insert (one transaction) so that filling is quick; the measured path is record_attempt."""
    with Store.open(path, now=now, backup=False):
        pass
    start = now - timedelta(days=365)
    step = timedelta(days=365) / count
    rows = []
    for n in range(count):
        a = _attempt(rng, start + step * n)
        rows.append(
            (
                a.item_key,
                a.item_kind.value,
                a.subject,
                "+".join(a.quantities),
                a.difficulty,
                a.seed,
                a.answer,
                a.read_as,
                a.score,
                "[" + ",".join(f'"{m}"' for m in a.mistakes) + "]",
                a.duration_seconds,
                to_db_time(a.answered_at),
                a.mode.value,
            )
        )
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO attempts (item_key, item_kind, subject, quantities, difficulty, seed, answer, "
        "read_as, score, mistakes, duration_s, answered_at, mode) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.commit()
    conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--attempts", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=200, help="recorded attempts to time")
    args = parser.parse_args()
    rng = random.Random(20240601)
    now = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "history.sqlite3"
        _fill(path, args.attempts, now, rng)
        with Store.open(path, now=now) as store:
            scheduler = ReviewScheduler(store, enable_fuzzing=False)
            for n in range(300):  # a realistic number of cards for the forecast
                scheduler.review(
                    question_key(f"q{n}"),
                    rng.choice((Rating.Again, Rating.Good, Rating.Easy)),
                    now - timedelta(days=n % 30),
                )
            record_times = []
            for _ in range(args.repeat):
                attempt = _attempt(rng, now)
                t0 = time.perf_counter()
                store.record_attempt(attempt)
                record_times.append(time.perf_counter() - t0)
            stats_times = []
            for _ in range(5):
                t0 = time.perf_counter()
                summary = build_stats(store, now)
                stats_times.append(time.perf_counter() - t0)
        record_ms = 1000 * statistics.median(record_times)
        stats_ms = 1000 * statistics.median(stats_times)
        print(f"attempts in history: {summary.total_attempts}")
        print(f"record one attempt: median {record_ms:.2f} ms (aim < 5 ms)")
        print(f"build statistics:   median {stats_ms:.1f} ms (aim < 300 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
