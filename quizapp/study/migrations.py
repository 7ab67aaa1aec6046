"""Schema versions of the history database and the steps between them (``PRAGMA user_version``).

Version 1 holds attempts only. Version 2 adds the study mode and session of each attempt, the
sessions table, one FSRS card per item key and the review log that makes undo possible. Version 3
keeps, for a free-text answer, the grader's automatic score beside the score the learner
confirmed (``auto_score``; ``confirmed`` is 0 while the learner has not confirmed it). Each step
runs in its own transaction together with the ``user_version`` bump, so a killed migration leaves
the old version.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from quizapp.study import StudyError

LATEST_VERSION = 3


class SchemaError(StudyError):
    """The database's tables do not match the version it claims, or the version is unknown."""


class NewerSchemaError(SchemaError):
    """The database was written by a newer quizapp; it is left untouched."""


def _create_v1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
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
        )
        """
    )
    conn.execute("CREATE INDEX attempts_by_time ON attempts (answered_at)")


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            mode TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT
        )
        """
    )
    conn.execute("ALTER TABLE attempts ADD COLUMN mode TEXT NOT NULL DEFAULT 'drill'")
    # Version 1 had no modes: questions were only answered in the questions mode.
    conn.execute("UPDATE attempts SET mode = 'questions' WHERE item_kind = 'question'")
    conn.execute("ALTER TABLE attempts ADD COLUMN session_id INTEGER REFERENCES sessions (id)")
    conn.execute("CREATE INDEX attempts_by_item ON attempts (item_key, answered_at)")
    conn.execute("CREATE INDEX attempts_by_session ON attempts (session_id)")
    # The Mistakes mode reads wrong answers newest first; a partial index keeps that cheap.
    conn.execute("CREATE INDEX attempts_wrong_by_time ON attempts (answered_at) WHERE score < 1.0")
    # Covering indexes for the statistics, which must stay fast over 100,000 attempts: grouped
    # accuracy is read in index order, medians by seeking into sorted durations.
    conn.execute(
        "CREATE INDEX attempts_accuracy ON attempts (item_kind, subject, quantities, score)"
    )
    conn.execute(
        "CREATE INDEX attempts_drill_time_by_cell ON attempts (subject, duration_s) "
        "WHERE item_kind = 'drill'"
    )
    conn.execute(
        "CREATE INDEX attempts_drill_time ON attempts (duration_s) WHERE item_kind = 'drill'"
    )
    conn.execute(
        "CREATE INDEX attempts_with_mistakes ON attempts (answered_at, mistakes) "
        "WHERE mistakes != '[]'"
    )
    conn.execute(
        """
        CREATE TABLE cards (
            item_key TEXT PRIMARY KEY,
            card_json TEXT NOT NULL,
            due TEXT NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX cards_by_due ON cards (due)")
    conn.execute(
        """
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            item_key TEXT NOT NULL,
            rating INTEGER NOT NULL,
            reviewed_at TEXT NOT NULL,
            duration_ms INTEGER,
            card_before TEXT,
            card_after TEXT NOT NULL
        )
        """
    )


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE attempts ADD COLUMN auto_score REAL")
    conn.execute("ALTER TABLE attempts ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 1")
    conn.execute("CREATE INDEX attempts_unconfirmed ON attempts (answered_at) WHERE confirmed = 0")


# MIGRATIONS[n] brings a database from version n - 1 to version n.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _create_v1,
    2: _v1_to_v2,
    3: _v2_to_v3,
}

# The columns each version must have, used to recognise a foreign or half-written schema.
EXPECTED_COLUMNS: dict[int, dict[str, frozenset[str]]] = {
    1: {
        "attempts": frozenset(
            {
                "id",
                "item_key",
                "item_kind",
                "subject",
                "quantities",
                "difficulty",
                "seed",
                "answer",
                "read_as",
                "score",
                "mistakes",
                "duration_s",
                "answered_at",
            }
        ),
    },
}
EXPECTED_COLUMNS[2] = {
    "attempts": EXPECTED_COLUMNS[1]["attempts"] | {"mode", "session_id"},
    "sessions": frozenset({"id", "mode", "started_at", "ended_at"}),
    "cards": frozenset({"item_key", "card_json", "due"}),
    "reviews": frozenset(
        {"id", "item_key", "rating", "reviewed_at", "duration_ms", "card_before", "card_after"}
    ),
}


EXPECTED_COLUMNS[3] = {
    **EXPECTED_COLUMNS[2],
    "attempts": EXPECTED_COLUMNS[2]["attempts"] | {"auto_score", "confirmed"},
}


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version written in the database header (0 for a new file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _table_columns(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    tables = [
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        table: frozenset(str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")'))
        for table in tables
    }


def check_schema(conn: sqlite3.Connection) -> int:
    """Return the database's version after checking its tables match it; raise ``SchemaError``."""
    version = user_version(conn)
    if version > LATEST_VERSION:
        raise NewerSchemaError(
            f"history database has schema version {version}, newer than this quizapp "
            f"understands ({LATEST_VERSION}); update quizapp or choose another data folder"
        )
    columns = _table_columns(conn)
    if version == 0:
        if columns:
            raise SchemaError(
                f"database has tables {sorted(columns)} but no quizapp schema version"
            )
        return 0
    if version not in EXPECTED_COLUMNS:
        raise SchemaError(f"unknown schema version {version}")
    for table, expected in EXPECTED_COLUMNS[version].items():
        missing = expected - columns.get(table, frozenset())
        if missing:
            raise SchemaError(
                f"table {table!r} lacks columns {sorted(missing)} required by schema version "
                f"{version}"
            )
    return version


def migrate(conn: sqlite3.Connection) -> tuple[int, int]:
    """Bring the database to ``LATEST_VERSION``; returns (version before, version after).

    The connection must be in autocommit mode (``isolation_level=None``) so that each step's
    ``BEGIN IMMEDIATE ... COMMIT`` is the only transaction.
    """
    before = check_schema(conn)
    version = before
    while version < LATEST_VERSION:
        step = MIGRATIONS[version + 1]
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version += 1
    return before, version
