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


# Columns that a repair may add to a table that lacks them (each with the default its migration
# gave it); a table lacking any other expected column cannot be repaired.
_ADDABLE_COLUMNS: dict[str, dict[str, str]] = {
    "attempts": {
        "quantities": "TEXT NOT NULL DEFAULT ''",
        "difficulty": "TEXT",
        "seed": "INTEGER",
        "mistakes": "TEXT NOT NULL DEFAULT '[]'",
        "mode": "TEXT NOT NULL DEFAULT 'drill'",
        "session_id": "INTEGER REFERENCES sessions (id)",
        "auto_score": "REAL",
        "confirmed": "INTEGER NOT NULL DEFAULT 1",
    },
    "reviews": {"duration_ms": "INTEGER", "card_before": "TEXT"},
    "sessions": {"ended_at": "TEXT"},
}


def _latest_schema_sql() -> dict[str, list[str]]:
    """The CREATE statements of the latest schema, by table (indexes with their table)."""
    scratch = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for version in range(1, LATEST_VERSION + 1):
            MIGRATIONS[version](scratch)
        by_table: dict[str, list[str]] = {}
        for kind, table, sql in scratch.execute(
            "SELECT type, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL "
            "ORDER BY type DESC"  # tables before indexes
        ):
            text = str(sql)
            if kind == "index":
                text = text.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1)
            by_table.setdefault(str(table), []).append(text)
        return by_table
    finally:
        scratch.close()


def repair_plan(conn: sqlite3.Connection) -> list[str] | None:
    """What ``repair`` would do to a quizapp history whose schema does not match its version.

    A history rebuilt with ``sqlite3 .dump``/``.read`` has ``user_version`` 0 but the tables of a
    known version; a hand-edited one may lack a column. Both still hold the learner's answers and
    are adopted instead of being moved aside. Returns the steps in words, or ``None`` when the file
    is not a repairable quizapp history (no ``attempts`` table with the version-1 answer columns, a
    newer version, or a missing column that has no default).
    """
    version = user_version(conn)
    if version > LATEST_VERSION:
        return None
    columns = _table_columns(conn)
    if "attempts" not in columns:
        return None
    steps: list[str] = []
    for table, expected in EXPECTED_COLUMNS[LATEST_VERSION].items():
        if table not in columns:
            steps.append(f"created the missing table {table!r}")
            continue
        missing = expected - columns[table]
        addable = _ADDABLE_COLUMNS.get(table, {})
        if missing - addable.keys():
            return None
        steps.extend(f"added the missing column {table}.{name}" for name in sorted(missing))
    if version != LATEST_VERSION:
        steps.append(f"set the schema version from {version} to {LATEST_VERSION}")
    return steps


def repair(conn: sqlite3.Connection) -> list[str]:
    """Bring a repairable history (see ``repair_plan``) to the latest schema in one transaction,
    keeping every row; returns what was done. Raises ``SchemaError`` when it cannot be repaired.

    The connection must be in autocommit mode (``isolation_level=None``).
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        steps = repair_plan(conn)
        if steps is None:
            raise SchemaError("the database is not a repairable quizapp history")
        columns = _table_columns(conn)
        latest = _latest_schema_sql()
        for table in EXPECTED_COLUMNS[LATEST_VERSION]:
            statements = latest[table]
            if table not in columns:
                conn.execute(statements[0])
            else:
                for name in sorted(EXPECTED_COLUMNS[LATEST_VERSION][table] - columns[table]):
                    definition = _ADDABLE_COLUMNS[table][name]
                    conn.execute(f'ALTER TABLE "{table}" ADD COLUMN {name} {definition}')
                    if (table, name) == ("attempts", "mode"):
                        # As in version 2: without modes, questions came from the questions mode.
                        conn.execute(
                            "UPDATE attempts SET mode = 'questions' WHERE item_kind = 'question'"
                        )
            # Indexes (the statistics name some of them with INDEXED BY).
            for statement in statements[1:]:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return steps


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
            if (
                conn.in_transaction
            ):  # a failed BEGIN (read-only file, /dev/null) has nothing to undo
                conn.execute("ROLLBACK")
            raise
        version += 1
    return before, version
