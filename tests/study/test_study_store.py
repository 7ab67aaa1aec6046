"""The history store: recording and reading attempts, sessions, and schema migrations."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from quizapp import paths
from quizapp.study import StudyError, migrations
from quizapp.study.items import ItemKind
from quizapp.study.store import Attempt, Store, StoreError, StudyMode

T0 = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)


def drill(
    minutes: float,
    score: float = 1.0,
    *,
    cell: str = "gru",
    mistakes: tuple[str, ...] = (),
    session_id: int | None = None,
) -> Attempt:
    return Attempt(
        item_key=f"d:{cell}:pytorch:h:standard",
        item_kind=ItemKind.DRILL,
        subject=cell,
        quantities=("h",),
        difficulty="standard",
        seed=1234,
        answer='{"h": "[0.5, -0.25]"}',
        read_as="h = [0.5, -0.25]",
        score=score,
        mistakes=mistakes,
        duration_seconds=30.0,
        answered_at=T0 + timedelta(minutes=minutes),
        mode=StudyMode.DRILL,
        session_id=session_id,
    )


def test_attempt_round_trips_with_every_field(tmp_path: Path) -> None:
    local = timezone(timedelta(hours=2))
    original = Attempt(
        item_key="q:bptt-1",
        item_kind=ItemKind.QUESTION,
        subject="bptt",
        quantities=(),
        difficulty=None,
        seed=None,
        answer="gradients vanish — «é»",
        read_as="gradients vanish — «é»",
        score=0.25,
        mistakes=("no-chain-rule", "sign"),
        duration_seconds=12.5,
        answered_at=datetime(2024, 5, 1, 11, 0, 0, 123456, tzinfo=local),
        mode=StudyMode.MOCK,
    )
    with Store.open(tmp_path / "h.sqlite3") as store:
        session = store.start_session(StudyMode.MOCK, now=T0)
        new_id = store.record_attempt(Attempt(**{**original.__dict__, "session_id": session}))
        (back,) = store.attempts()
    assert back.id == new_id
    assert back.session_id == session
    assert back.answered_at == original.answered_at  # same instant, now in UTC
    assert back.answered_at.tzinfo == UTC
    expected = {**original.__dict__, "id": new_id, "session_id": session}
    assert {**back.__dict__, "answered_at": original.answered_at} == expected


def test_default_path_is_in_the_data_folder() -> None:
    with Store.open() as store:
        assert store.path == paths.database_path()
        store.record_attempt(drill(0))
    assert len(list(paths.backups_dir().glob("history-*.sqlite3"))) == 1


def test_filters_and_limit(tmp_path: Path) -> None:
    with Store.open(tmp_path / "h.sqlite3") as store:
        ids = [
            store.record_attempt(drill(m, cell=c)) for m, c in [(3, "gru"), (1, "rnn"), (2, "gru")]
        ]
        # Oldest first whatever the insertion order.
        assert [a.id for a in store.attempts()] == [ids[1], ids[2], ids[0]]
        assert [a.id for a in store.attempts(item="d:gru:pytorch:h:standard")] == [ids[2], ids[0]]
        assert [a.id for a in store.attempts(since=T0 + timedelta(minutes=2))] == [ids[2], ids[0]]
        assert [a.id for a in store.attempts(limit=2)] == [ids[2], ids[0]]
        assert store.attempt_count() == 3


def test_recent_mistakes_newest_first_one_per_item(tmp_path: Path) -> None:
    with Store.open(tmp_path / "h.sqlite3") as store:
        store.record_attempt(drill(1, 0.0, cell="gru"))
        latest_gru = store.record_attempt(drill(2, 0.5, cell="gru"))
        store.record_attempt(drill(3, 1.0, cell="rnn"))
        lstm = store.record_attempt(drill(4, 0.0, cell="lstm"))
        found = store.recent_mistakes(10)
        assert [a.id for a in found] == [lstm, latest_gru]
        assert [a.id for a in store.recent_mistakes(1)] == [lstm]


def test_sessions(tmp_path: Path) -> None:
    with Store.open(tmp_path / "h.sqlite3") as store:
        first = store.start_session(StudyMode.REVIEW, now=T0)
        second = store.start_session(StudyMode.DRILL, now=T0)
        store.record_attempt(drill(1, session_id=first))
        store.record_attempt(drill(2, session_id=second))
        store.end_session(first, now=T0 + timedelta(minutes=5))
        info = store.session(first)
        assert (info.mode, info.started_at, info.ended_at) == (
            StudyMode.REVIEW,
            T0,
            T0 + timedelta(minutes=5),
        )
        assert store.session(second).ended_at is None
        assert [a.session_id for a in store.attempts(session_id=first)] == [first]
        with pytest.raises(StoreError, match="no session with id 999"):
            store.end_session(999)


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"score": 1.5}, "score"),
        ({"duration_seconds": -1.0}, "duration"),
        ({"answered_at": datetime(2024, 5, 1)}, "time zone"),
        ({"item_kind": ItemKind.QUESTION}, "item_kind"),
        ({"item_key": "z:1"}, "expected 'q' or 'd'"),
    ],
)
def test_bad_attempts_are_refused(change: dict[str, object], fragment: str) -> None:
    fields = {**drill(0).__dict__, **change}
    with pytest.raises(StudyError, match=fragment):
        Attempt(**fields)


# ----- migrations ---------------------------------------------------------------------------------

# Written out here on purpose (not imported) so the test pins what version 1 files really look like.
V1_DDL = """
CREATE TABLE attempts (
    id INTEGER PRIMARY KEY,
    item_key TEXT NOT NULL,
    item_kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    quantities TEXT NOT NULL DEFAULT '',
    difficulty TEXT,
    seed INTEGER,
    answer TEXT NOT NULL,
    read_as TEXT NOT NULL,
    score REAL NOT NULL,
    mistakes TEXT NOT NULL DEFAULT '[]',
    duration_s REAL NOT NULL,
    answered_at TEXT NOT NULL
);
CREATE INDEX attempts_by_time ON attempts (answered_at);
PRAGMA user_version = 1;
"""


def make_v1(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(V1_DDL)
    conn.executemany(
        "INSERT INTO attempts (item_key, item_kind, subject, quantities, difficulty, seed, answer, "
        "read_as, score, mistakes, duration_s, answered_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            ("d:lstm:pytorch:c+h:standard", "drill", "lstm", "c+h", "standard", 7,
             '{"c": "1", "h": "2"}', "c = 1; h = 2", 0.5, '["forgot-bias"]', 41.0,
             "2024-04-01T10:00:00.000000+00:00"),
            ("q:gates-3", "question", "gates", "", None, None, "sigmoid", "sigmoid", 1.0, "[]",
             9.5, "2024-04-02T10:00:00.000000+00:00"),
        ],
    )  # fmt: skip
    conn.commit()
    conn.close()


def test_migration_from_v1_keeps_data_and_adds_modes(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    make_v1(path)
    with Store.open(path, now=T0) as store:
        assert store.report.message is None
        old_drill, old_question = store.attempts()
        assert (old_drill.item_key, old_drill.quantities, old_drill.seed) == (
            "d:lstm:pytorch:c+h:standard",
            ("c", "h"),
            7,
        )
        assert (old_drill.score, old_drill.mistakes, old_drill.mode) == (
            0.5,
            ("forgot-bias",),
            StudyMode.DRILL,
        )
        assert old_drill.answered_at == datetime(2024, 4, 1, 10, tzinfo=UTC)
        assert (old_question.mode, old_question.session_id) == (StudyMode.QUESTIONS, None)
        # Version 2 features work on the migrated file.
        session = store.start_session(StudyMode.MISTAKES, now=T0)
        store.record_attempt(drill(0, session_id=session))
        assert store.attempt_count() == 3
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION == 3
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_migration_from_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    path.touch()
    with Store.open(path, now=T0) as store:
        # An empty file is a lost history, never silently a new one (issue 13): said, no backup.
        assert store.report.message is not None and "empty: 0 bytes" in store.report.message
        assert "new, empty history" in store.report.message
        store.record_attempt(drill(0))
        assert store.attempt_count() == 1


def test_failed_migration_leaves_version_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "h.sqlite3"
    make_v1(path)

    def half_then_fail(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY)")
        raise RuntimeError("simulated crash in the middle of a migration")

    monkeypatch.setitem(migrations.MIGRATIONS, 2, half_then_fail)
    with pytest.raises(RuntimeError, match="simulated"):
        Store.open(path, now=T0)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
    assert tables == {"attempts"}
    assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 2
    conn.close()


def test_attempt_with_unknown_session_is_refused(tmp_path: Path) -> None:
    with Store.open(tmp_path / "h.sqlite3") as store:
        with pytest.raises(StoreError, match="session_id=42"):
            store.record_attempt(drill(0, session_id=42))
        assert store.attempt_count() == 0


def test_record_attempts_is_all_or_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "h.sqlite3") as store:
        ids = store.record_attempts([drill(1), drill(2)])
        assert [a.id for a in store.attempts()] == ids
        with pytest.raises(StoreError, match="cannot record attempts"):
            store.record_attempts([drill(3), drill(4, session_id=42)])
        assert store.attempt_count() == 2
