"""Damaged databases, backup rotation and durability when the process is killed."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.study.items import ItemKind
from quizapp.study.migrations import NewerSchemaError
from quizapp.study.store import Attempt, Store, StudyMode

T0 = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
PROJECT_ROOT = Path(__file__).resolve().parents[2]
DAMAGED_NAME = re.compile(r"^history\.sqlite3\.damaged-\d{8}-\d{6}$")


def attempt(n: int) -> Attempt:
    return Attempt(
        item_key=f"q:question-{n % 7}",
        item_kind=ItemKind.QUESTION,
        subject="gates",
        quantities=(),
        difficulty=None,
        seed=None,
        answer=f"answer number {n} " + "x" * 200,  # long enough to fill several pages
        read_as=f"answer number {n}",
        score=(n % 3) / 2,
        mistakes=(),
        duration_seconds=float(n),
        answered_at=T0 + timedelta(seconds=n),
        mode=StudyMode.QUESTIONS,
    )


def fill(path: Path, count: int, now: datetime = T0) -> None:
    with Store.open(path, now=now) as store:
        store.record_attempts([attempt(n) for n in range(count)])


def assert_fresh_store_works(path: Path, expected_count: int) -> None:
    with Store.open(path, now=T0) as store:
        assert store.report.message is None
        assert store.attempt_count() == expected_count
        store.record_attempt(attempt(10_000))
        assert store.attempt_count() == expected_count + 1


def test_garbage_file_is_moved_aside_and_a_fresh_store_starts(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    garbage = bytes(random.Random(5).randrange(256) for _ in range(20_000))
    path.write_bytes(garbage)
    with Store.open(path, now=T0) as store:
        report = store.report
        assert report.moved_to is not None and DAMAGED_NAME.match(report.moved_to.name)
        assert report.restored_from is None
        assert report.message is not None and "new, empty history" in report.message
        assert store.attempt_count() == 0
        store.record_attempt(attempt(1))
    assert report.moved_to.read_bytes() == garbage  # nothing of the user's file is lost
    assert_fresh_store_works(path, 1)


def test_truncated_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    fill(path, 400)
    size = path.stat().st_size
    assert size > 40_000
    with path.open("r+b") as handle:
        handle.truncate(size // 2)
    with Store.open(path, now=T0, backup=False) as store:
        assert store.report.moved_to is not None
        assert store.report.message is not None and "is damaged" in store.report.message
        # Recovery never hides what the truncated file still holds (issue 13): the answers on
        # its surviving pages are copied into the new history.
        salvaged = store.attempt_count()
        assert 100 < salvaged < 400
        assert f"{salvaged} answers that the moved file still held" in store.report.message
        assert {a.duration_seconds for a in store.attempts()} <= set(map(float, range(400)))
    assert_fresh_store_works(path, salvaged)


@pytest.mark.parametrize(
    "script",
    [
        "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('hello');",  # someone else's file
        "CREATE TABLE attempts (id INTEGER PRIMARY KEY); PRAGMA user_version = 2;",  # half a schema
    ],
)
def test_wrong_schema_is_moved_aside(tmp_path: Path, script: str) -> None:
    path = tmp_path / "history.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(script)
    conn.close()
    with Store.open(path, now=T0, backup=False) as store:
        assert store.report.moved_to is not None
        assert store.report.message is not None and "schema" in store.report.message
    assert_fresh_store_works(path, 0)


def test_newer_schema_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE attempts (id INTEGER PRIMARY KEY); PRAGMA user_version = 99;")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="version 99"):
        Store.open(path, now=T0)
    assert path.read_bytes() == before
    assert list(tmp_path.glob("*.damaged-*")) == []


def test_damaged_file_is_replaced_by_newest_good_backup(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    backups = tmp_path / "backups"
    fill(path, 3, now=T0)  # backup of day 1 holds nothing (made at open, before the answers)
    fill(path, 0, now=T0 + timedelta(days=1))  # backup of day 2 holds the 3 answers
    with Store.open(path, now=T0 + timedelta(days=1, hours=1)) as store:
        store.record_attempt(attempt(99))  # after the last backup: lost with the damaged file
    day2 = sorted(backups.iterdir())[-1]
    # A newer but broken backup must be skipped.
    (backups / "history-20990101-000000.sqlite3").write_bytes(b"not a database" * 100)
    path.write_bytes(b"\0garbage" * 500)
    with Store.open(path, now=T0 + timedelta(days=1, hours=2), backup=False) as store:
        assert store.report.restored_from == day2
        assert store.report.message is not None and day2.name in store.report.message
        assert [a.duration_seconds for a in store.attempts()] == [0.0, 1.0, 2.0]


def test_stale_wal_of_a_damaged_file_is_moved_with_it(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"stale wal" * 100)
    with Store.open(path, now=T0, backup=False) as store:
        moved = store.report.moved_to
        assert moved is not None
        assert store.attempt_count() == 0
    assert moved.with_name(moved.name + "-wal").read_bytes() == b"stale wal" * 100


def test_backups_rotate_keeping_five_one_per_day(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    backups = tmp_path / "backups"
    for day in range(8):
        for hour in (0, 5):  # a second open the same day makes no second backup
            now = T0 + timedelta(days=day, hours=hour)
            with Store.open(path, now=now) as store:
                store.record_attempt(attempt(day * 10 + hour))
    names = sorted(p.name for p in backups.iterdir())
    expected_days = [(T0 + timedelta(days=d)).astimezone().strftime("%Y%m%d") for d in range(3, 8)]
    assert [name[len("history-") : len("history-") + 8] for name in names] == expected_days
    # Each backup is a complete database with the answers recorded before it was made.
    conn = sqlite3.connect(backups / names[-1])
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 14
    conn.close()


CHILD = """
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from quizapp.study.items import ItemKind
from quizapp.study.store import Attempt, Store, StudyMode

start = datetime(2024, 5, 1, tzinfo=UTC)
with Store.open(Path(sys.argv[1]), backup=False) as store:
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        new_id = store.record_attempt(Attempt(
            item_key="d:gru:pytorch:h:standard", item_kind=ItemKind.DRILL, subject="gru",
            quantities=("h",), difficulty="standard", seed=n, answer='{"h": "1"}',
            read_as="h = 1", score=1.0, mistakes=(), duration_seconds=1.0,
            answered_at=start + timedelta(seconds=n), mode=StudyMode.DRILL))
        print(new_id, flush=True)
"""


@pytest.mark.parametrize("seed", [1, 2])
def test_sigkill_keeps_every_committed_attempt(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "history.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, env=env, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "ready\n"
    time.sleep(random.Random(seed).uniform(0.1, 0.5))
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    output = child.stdout.read()
    child.stdout.close()
    # Only whole lines were printed after a commit finished.
    committed = [int(line) for line in output.split("\n")[:-1]]
    assert committed, "the child committed nothing before it was killed"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in conn.execute("SELECT id FROM attempts")}
    conn.close()
    assert set(committed) <= stored
    # At most the attempt being written when killed is extra; nothing committed is missing.
    assert len(stored - set(committed)) <= 1
    with Store.open(path, backup=False) as store:
        assert store.report.message is None
        assert store.attempt_count() == len(stored)
