"""The attempt history: a SQLite database with one transaction per recorded attempt.

``Store.open`` checks the file (``quick_check`` and the schema), moves a damaged file aside and
restores the newest good backup, migrates the schema, and makes the day's backup. Durability: WAL
mode with ``synchronous=FULL`` and autocommit, so each ``record_attempt`` is its own transaction
that is on disk when the call returns; killing the process loses at most the answer being typed
(``FULL`` also survives a power cut, which ``NORMAL`` would not).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Self

from quizapp import paths
from quizapp.study import StudyError
from quizapp.study.backup import (
    backup_due,
    diagnose,
    is_damage,
    make_backup,
    move_aside,
    restore_newest,
)
from quizapp.study.items import ItemKind, item_kind
from quizapp.study.migrations import migrate


class StoreError(StudyError):
    """The history database cannot be opened or written (locked, unreadable folder, bad record)."""


class StudyMode(StrEnum):
    """Where an attempt was made."""

    DRILL = "drill"
    REVIEW = "review"
    MOCK = "mock"
    MISTAKES = "mistakes"
    QUESTIONS = "questions"
    PRACTICE = "practice"  # free practice outside a study session (drills and questions)


def to_db_time(moment: datetime) -> str:
    """Fixed-width ISO text in UTC, so that text order is time order inside SQL."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise StoreError(f"time {moment!r} has no time zone; expected an aware datetime")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_db_time(text: str) -> datetime:
    """Inverse of ``to_db_time``: an aware UTC datetime."""
    return datetime.fromisoformat(text).astimezone(UTC)


def answer_text(fields: dict[str, str]) -> str:
    """The stored form of a multi-field answer: JSON of {quantity: text as typed}."""
    return json.dumps(fields, ensure_ascii=False)


@dataclass(frozen=True)
class Attempt:
    """One answered item.

    ``subject`` is the topic id for a question and the cell name for a drill. ``answer`` is the
    text as typed (JSON of {quantity: text} for drills, see ``answer_text``), ``read_as`` how the
    reader understood it. ``id`` is set on attempts read back from the store.
    """

    item_key: str
    item_kind: ItemKind
    subject: str
    quantities: tuple[str, ...]
    difficulty: str | None
    seed: int | None
    answer: str
    read_as: str
    score: float
    mistakes: tuple[str, ...]
    duration_seconds: float
    answered_at: datetime
    mode: StudyMode
    session_id: int | None = None
    id: int | None = None
    # Free text: the grader's proposal, and whether ``score`` is the learner's confirmed one.
    auto_score: float | None = None
    confirmed: bool = True

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise StoreError(f"attempt score {self.score} is outside 0..1")
        if self.auto_score is not None and not 0.0 <= self.auto_score <= 1.0:
            raise StoreError(f"attempt auto_score {self.auto_score} is outside 0..1")
        if self.duration_seconds < 0:
            raise StoreError(f"attempt duration_seconds {self.duration_seconds} is negative")
        if self.answered_at.tzinfo is None or self.answered_at.utcoffset() is None:
            raise StoreError(f"attempt answered_at {self.answered_at!r} has no time zone")
        kind = item_kind(self.item_key)
        if kind != self.item_kind:
            raise StoreError(
                f"attempt item_kind {self.item_kind.value!r} does not match key {self.item_key!r}"
            )
        for name in self.quantities:
            if not name or "+" in name:
                raise StoreError(f"attempt quantity {name!r} must be non-empty without '+'")


@dataclass(frozen=True)
class SessionInfo:
    """A study session (``ended_at`` is ``None`` while it runs or when the app was killed)."""

    id: int
    mode: StudyMode
    started_at: datetime
    ended_at: datetime | None


@dataclass(frozen=True)
class OpenReport:
    """What ``Store.open`` had to do; ``message`` is ``None`` when the database was fine."""

    message: str | None = None
    moved_to: Path | None = None
    restored_from: Path | None = None
    backup_made: Path | None = None


@dataclass(frozen=True)
class ReviewRecord:
    """One logged FSRS review; ``card_before`` is ``None`` when the card was new."""

    id: int
    item_key: str
    rating: int
    reviewed_at: datetime
    duration_ms: int | None
    card_before: str | None
    card_after: str


_ATTEMPT_COLUMNS = (
    "id, item_key, item_kind, subject, quantities, difficulty, seed, answer, read_as, score, "
    "mistakes, duration_s, answered_at, mode, session_id, auto_score, confirmed"
)
_KINDS = {kind.value: kind for kind in ItemKind}
_NO_MISTAKES = "[]"


def _mistakes_from_db(text: str) -> tuple[str, ...]:
    if text == _NO_MISTAKES:
        return ()
    return tuple(str(item) for item in json.loads(text))


def _attempt_from_row(row: sqlite3.Row) -> Attempt:
    return Attempt(
        id=int(row[0]),
        item_key=row[1],
        item_kind=_KINDS[row[2]],
        subject=row[3],
        quantities=tuple(row[4].split("+")) if row[4] else (),
        difficulty=row[5],
        seed=row[6],
        answer=row[7],
        read_as=row[8],
        score=float(row[9]),
        mistakes=_mistakes_from_db(row[10]),
        duration_seconds=float(row[11]),
        answered_at=from_db_time(row[12]),
        mode=StudyMode(row[13]),
        session_id=row[14],
        auto_score=None if row[15] is None else float(row[15]),
        confirmed=bool(row[16]),
    )


class Store:
    """An open history database; get one from ``Store.open`` (also a context manager)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, report: OpenReport) -> None:
        self._conn = conn
        self.path = path
        self.report = report

    # ----- opening and closing -------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        backups: Path | None = None,
        now: datetime | None = None,
        backup: bool = True,
    ) -> Store:
        """Open (creating, repairing or migrating as needed) the history database.

        ``path`` defaults to ``paths.database_path()``; ``backups`` to ``paths.backups_dir()`` for
        the default database and to ``<path's folder>/backups`` otherwise.
        ``backup=False`` skips the daily backup (short-lived helper processes).
        What was repaired is in ``store.report``.
        """
        moment = now if now is not None else datetime.now(UTC)
        if path is None:
            path = paths.database_path()
            backups = backups if backups is not None else paths.backups_dir()
        elif backups is None:
            backups = path.parent / "backups"
        path.parent.mkdir(parents=True, exist_ok=True)

        message: str | None = None
        moved_to: Path | None = None
        restored_from: Path | None = None
        if path.exists():
            problem = cls._problem_with(path)
            if problem is not None:
                moved_to = move_aside(path, moment)
                restored_from = restore_newest(backups, path)
                outcome = (
                    f"restored the backup {restored_from.name}"
                    if restored_from is not None
                    else "started a new, empty history"
                )
                message = (
                    f"The history database {path} was damaged ({problem}). It was moved to "
                    f"{moved_to.name} and quizapp {outcome}."
                )

        conn = cls._connect(path)
        try:
            migrate(conn)
            backup_made = (
                make_backup(conn, backups, moment)
                if backup and backup_due(backups, moment)
                else None
            )
        except BaseException:
            conn.close()
            raise
        report = OpenReport(message, moved_to, restored_from, backup_made)
        return cls(conn, path, report)

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        try:
            # Autocommit: every statement is its own transaction unless we BEGIN explicitly.
            conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open the history database {path}: {error}") from error
        return conn

    @staticmethod
    def _problem_with(path: Path) -> str | None:
        try:
            # Read-only, so that checking never checkpoints or deletes the WAL of a damaged file.
            uri = f"{path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=5.0)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open the history database {path}: {error}") from error
        try:
            return diagnose(conn)
        except sqlite3.DatabaseError as error:
            if is_damage(error):
                return f"unreadable: {error}"
            raise StoreError(f"cannot read the history database {path}: {error}") from error
        finally:
            conn.close()

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite on the last close)."""
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    # ----- attempts ------------------------------------------------------------------------------

    def record_attempt(self, attempt: Attempt) -> int:
        """Store one attempt in its own committed transaction; returns its id."""
        try:
            cursor = self._insert_attempt(attempt)
        except sqlite3.IntegrityError as error:
            raise StoreError(
                f"cannot record attempt on {attempt.item_key!r} (session_id="
                f"{attempt.session_id}): {error}; start the session with start_session first"
            ) from error
        return int(cursor.lastrowid or 0)

    def record_attempts(self, attempts: Sequence[Attempt]) -> list[int]:
        """Record several attempts in one transaction (imports, tests): all or none."""
        try:
            with self._transaction():
                return [int(self._insert_attempt(a).lastrowid or 0) for a in attempts]
        except sqlite3.IntegrityError as error:
            raise StoreError(f"cannot record attempts: {error}") from error

    def _insert_attempt(self, attempt: Attempt) -> sqlite3.Cursor:
        return self._conn.execute(
            "INSERT INTO attempts (item_key, item_kind, subject, quantities, difficulty, seed, "
            "answer, read_as, score, mistakes, duration_s, answered_at, mode, session_id, "
            "auto_score, confirmed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                attempt.item_key,
                attempt.item_kind.value,
                attempt.subject,
                "+".join(attempt.quantities),
                attempt.difficulty,
                attempt.seed,
                attempt.answer,
                attempt.read_as,
                attempt.score,
                json.dumps(list(attempt.mistakes)),
                attempt.duration_seconds,
                to_db_time(attempt.answered_at),
                attempt.mode.value,
                attempt.session_id,
                attempt.auto_score,
                int(attempt.confirmed),
            ),
        )

    def confirm_score(self, attempt_id: int, score: float) -> None:
        """Record the score the learner confirmed for a free-text attempt (0 ≤ score ≤ 1)."""
        if not 0.0 <= score <= 1.0:
            raise StoreError(f"confirmed score {score} is outside 0..1")
        with self._transaction():
            cursor = self._conn.execute(
                "UPDATE attempts SET score = ?, confirmed = 1 WHERE id = ?", (score, attempt_id)
            )
        if cursor.rowcount != 1:
            raise StoreError(f"confirm_score: no attempt with id {attempt_id}")

    def unconfirmed_count(self) -> int:
        """How many attempts carry an automatic score the learner never confirmed."""
        row = self._conn.execute("SELECT count(*) FROM attempts WHERE confirmed = 0").fetchone()
        return int(row[0])

    def attempts(
        self,
        since: datetime | None = None,
        item: str | None = None,
        limit: int | None = None,
        *,
        session_id: int | None = None,
    ) -> list[Attempt]:
        """Attempts oldest first, filtered by time (inclusive), item key and session.

        With ``limit`` the newest ``limit`` matching attempts are returned (still oldest first).
        """
        where: list[str] = []
        params: list[object] = []
        if since is not None:
            where.append("answered_at >= ?")
            params.append(to_db_time(since))
        if item is not None:
            where.append("item_key = ?")
            params.append(item)
        if session_id is not None:
            where.append("session_id = ?")
            params.append(session_id)
        sql = f"SELECT {_ATTEMPT_COLUMNS} FROM attempts"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY answered_at DESC, id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        rows = self._conn.execute(sql, params).fetchall()
        return [_attempt_from_row(row) for row in reversed(rows)]

    def recent_mistakes(self, limit: int) -> list[Attempt]:
        """Wrong or partial answers (score < 1), newest first, at most one (the latest) per item."""
        rows = self._conn.execute(
            f"SELECT {_ATTEMPT_COLUMNS} FROM attempts WHERE score < 1.0 "
            "ORDER BY answered_at DESC, id DESC"
        )
        seen: set[str] = set()
        found: list[Attempt] = []
        for row in rows:
            if row[1] in seen:
                continue
            seen.add(row[1])
            found.append(_attempt_from_row(row))
            if len(found) >= limit:
                break
        return found

    def attempt_count(self) -> int:
        """How many attempts the history holds."""
        return int(self._conn.execute("SELECT count(*) FROM attempts").fetchone()[0])

    # ----- aggregates for statistics (SQL, so that 100,000 attempts stay fast) -------------------

    def topic_totals(self) -> dict[str, tuple[int, float]]:
        """Question attempts per topic: (number of attempts, sum of scores)."""
        rows = self._conn.execute(
            "SELECT subject, count(*), total(score) FROM attempts INDEXED BY attempts_accuracy "
            "WHERE item_kind = 'question' GROUP BY subject"
        )
        return {str(subject): (int(n), float(total)) for subject, n, total in rows}

    def drill_totals(self) -> dict[tuple[str, tuple[str, ...]], tuple[int, float]]:
        """Drill attempts per (cell, asked quantities): (number of attempts, sum of scores)."""
        rows = self._conn.execute(
            "SELECT subject, quantities, count(*), total(score) FROM attempts "
            "INDEXED BY attempts_accuracy WHERE item_kind = 'drill' GROUP BY subject, quantities"
        )
        return {
            (str(cell), tuple(str(q).split("+")) if q else ()): (int(n), float(total))
            for cell, q, n, total in rows
        }

    def mistake_counts_by_half(self) -> tuple[Counter[str], int, Counter[str], int]:
        """Mistake occurrences in the older and newer half of the history, with the half sizes.

        The older half is the first ``n // 2`` attempts in (answered_at, id) order.
        """
        total = self.attempt_count()
        older_n = total // 2
        older: Counter[str] = Counter()
        newer: Counter[str] = Counter()
        if total == 0:
            return older, 0, newer, 0
        boundary = self._conn.execute(
            "SELECT answered_at, id FROM attempts ORDER BY answered_at, id LIMIT 1 OFFSET ?",
            (older_n,),
        ).fetchone()
        rows = self._conn.execute(
            "SELECT mistakes, (answered_at, id) >= (?, ?), count(*) FROM attempts "
            "WHERE mistakes != '[]' GROUP BY 1, 2",
            (boundary[0], boundary[1]),
        )
        for text, in_newer, count in rows:
            half = newer if in_newer else older
            for mistake_id in _mistakes_from_db(str(text)):
                half[mistake_id] += int(count)
        return older, older_n, newer, total - older_n

    def count_answered(self, start: datetime, end: datetime) -> int:
        """Attempts answered in [start, end)."""
        row = self._conn.execute(
            "SELECT count(*) FROM attempts WHERE answered_at >= ? AND answered_at < ?",
            (to_db_time(start), to_db_time(end)),
        ).fetchone()
        return int(row[0])

    def _median(self, source: str, condition: str, params: tuple[object, ...], n: int) -> float:
        # Seek to the middle of an index sorted by duration instead of sorting in Python.
        rows = self._conn.execute(
            f"SELECT duration_s FROM attempts INDEXED BY {source} WHERE {condition} "
            "ORDER BY duration_s LIMIT ? OFFSET ?",
            (*params, 2 - n % 2, (n - 1) // 2),
        ).fetchall()
        return sum(float(row[0]) for row in rows) / len(rows)

    def drill_duration_medians(self) -> tuple[float | None, dict[str, tuple[int, float]]]:
        """Median seconds over all drill attempts, and per cell (number of drills, median)."""
        counts = self._conn.execute(
            "SELECT subject, count(*) FROM attempts INDEXED BY attempts_drill_time_by_cell "
            "WHERE item_kind = 'drill' GROUP BY subject"
        ).fetchall()
        by_cell = {
            str(cell): (
                int(n),
                self._median(
                    "attempts_drill_time_by_cell",
                    "item_kind = 'drill' AND subject = ?",
                    (cell,),
                    int(n),
                ),
            )
            for cell, n in counts
        }
        total = sum(n for n, _ in by_cell.values())
        overall = (
            self._median("attempts_drill_time", "item_kind = 'drill'", (), total) if total else None
        )
        return overall, by_cell

    # ----- sessions ------------------------------------------------------------------------------

    def start_session(self, mode: StudyMode, now: datetime | None = None) -> int:
        """Open a study session; returns its id for ``Attempt.session_id``."""
        moment = now if now is not None else datetime.now(UTC)
        cursor = self._conn.execute(
            "INSERT INTO sessions (mode, started_at) VALUES (?, ?)",
            (StudyMode(mode).value, to_db_time(moment)),
        )
        return int(cursor.lastrowid or 0)

    def end_session(self, session_id: int, now: datetime | None = None) -> None:
        """Mark a session as finished."""
        moment = now if now is not None else datetime.now(UTC)
        cursor = self._conn.execute(
            "UPDATE sessions SET ended_at = ? WHERE id = ?", (to_db_time(moment), session_id)
        )
        if cursor.rowcount != 1:
            raise StoreError(f"end_session: no session with id {session_id}")

    def session(self, session_id: int) -> SessionInfo:
        """One session's record."""
        row = self._conn.execute(
            "SELECT id, mode, started_at, ended_at FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"no session with id {session_id}")
        return SessionInfo(
            int(row[0]),
            StudyMode(row[1]),
            from_db_time(row[2]),
            from_db_time(row[3]) if row[3] is not None else None,
        )

    # ----- FSRS cards (used by ``schedule``) -----------------------------------------------------

    def card_json(self, item_key: str) -> str | None:
        """The stored FSRS card of an item (JSON), or ``None`` for a new item."""
        row = self._conn.execute(
            "SELECT card_json FROM cards WHERE item_key = ?", (item_key,)
        ).fetchone()
        return None if row is None else str(row[0])

    def card_item_keys(self) -> set[str]:
        """Every item key that has a card."""
        return {str(row[0]) for row in self._conn.execute("SELECT item_key FROM cards")}

    def save_review(
        self,
        item_key: str,
        rating: int,
        reviewed_at: datetime,
        duration_ms: int | None,
        card_before: str | None,
        card_after: str,
        due: datetime,
    ) -> int:
        """Store the reviewed card and its log entry in one transaction; returns the review id."""
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO cards (item_key, card_json, due) VALUES (?, ?, ?) "
                "ON CONFLICT (item_key) DO UPDATE SET card_json = excluded.card_json, "
                "due = excluded.due",
                (item_key, card_after, to_db_time(due)),
            )
            cursor = conn.execute(
                "INSERT INTO reviews (item_key, rating, reviewed_at, duration_ms, card_before, "
                "card_after) VALUES (?, ?, ?, ?, ?, ?)",
                (item_key, rating, to_db_time(reviewed_at), duration_ms, card_before, card_after),
            )
            return int(cursor.lastrowid or 0)

    def last_review(self) -> ReviewRecord | None:
        """The most recent review still in the log."""
        row = self._conn.execute(
            "SELECT id, item_key, rating, reviewed_at, duration_ms, card_before, card_after "
            "FROM reviews ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        return ReviewRecord(
            int(row[0]), row[1], int(row[2]), from_db_time(row[3]), row[4], row[5], row[6]
        )

    def undo_review(self, review: ReviewRecord, card_before_due: datetime | None) -> None:
        """Put the card back as before ``review`` and drop its log entry, in one transaction."""
        with self._transaction() as conn:
            if review.card_before is None or card_before_due is None:
                conn.execute("DELETE FROM cards WHERE item_key = ?", (review.item_key,))
            else:
                conn.execute(
                    "UPDATE cards SET card_json = ?, due = ? WHERE item_key = ?",
                    (review.card_before, to_db_time(card_before_due), review.item_key),
                )
            conn.execute("DELETE FROM reviews WHERE id = ?", (review.id,))

    def due_item_keys(self, now: datetime, limit: int | None = None) -> list[str]:
        """Items whose card is due at ``now``, most overdue first."""
        sql = "SELECT item_key FROM cards WHERE due <= ? ORDER BY due, item_key"
        params: list[object] = [to_db_time(now)]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [str(row[0]) for row in self._conn.execute(sql, params)]

    def card_due_times(self) -> list[datetime]:
        """The due time of every card."""
        return [from_db_time(str(row[0])) for row in self._conn.execute("SELECT due FROM cards")]

    def integrity_ok(self) -> bool:
        """Run ``PRAGMA integrity_check`` (slow on big files; for tests and diagnostics)."""
        rows = self._conn.execute("PRAGMA integrity_check").fetchall()
        return [str(row[0]) for row in rows] == ["ok"]
