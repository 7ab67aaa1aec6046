"""The attempt history: a SQLite database with one transaction per recorded attempt.

``Store.open`` checks the file (``quick_check`` and the schema), moves a damaged file aside and
restores the newest good backup, migrates the schema, and makes the day's backup. Durability: WAL
mode with ``synchronous=FULL`` and autocommit, so each ``record_attempt`` is its own transaction
that is on disk when the call returns; killing the process loses at most the answer being typed
(``FULL`` also survives a power cut, which ``NORMAL`` would not).
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import stat
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

from quizapp import paths
from quizapp.study import StudyError
from quizapp.study.backup import (
    backup_due,
    diagnose,
    is_damage,
    list_backups,
    make_backup,
    move_aside,
    restore_newest,
)
from quizapp.study.items import ItemKind, item_kind
from quizapp.study.migrations import SchemaError, migrate, repair, repair_plan

log = logging.getLogger(__name__)
_T = TypeVar("_T")

# Seconds SQLite waits for another process's lock on each statement.
BUSY_TIMEOUT = 5.0
# Seconds a write is retried in all while another process holds the lock (see ``_write``).
WRITE_WAIT = 30.0
# How ``diagnose`` words a schema that does not match its version (the repairable kind).
_SCHEMA_PROBLEM = "unexpected schema:"
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6


class StoreError(StudyError):
    """The history database cannot be opened or written (locked, unreadable folder, bad record)."""


def _refuse_special_file(path: Path) -> None:
    """Refuse a history path that is not a regular file (a folder, ``/dev/null``, a FIFO)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            raise StoreError(
                f"the history database {path} is a link to {os.readlink(path)}, which does not "
                "exist; remove the link or choose another data folder (--data-dir)"
            ) from None
        return
    except OSError as error:  # a symlink loop, a folder that cannot be searched
        raise StoreError(f"cannot use the history database {path}: {error}") from error
    if not stat.S_ISREG(mode):
        where = f" (it leads to {path.resolve()})" if path.is_symlink() else ""
        raise StoreError(
            f"the history database {path} is not a regular file{where}; nothing was changed. "
            "Remove it or choose another data folder (--data-dir) to keep a history."
        )


def _refuse_special_journal(path: Path) -> None:
    """Refuse a history whose journal files (``-wal``, ``-shm``, ``-journal``) are in the way: a
    folder, a link loop or a pipe there makes SQLite fail with "unable to open" or "disk I/O
    error", which names neither the file nor the fix."""
    for suffix in ("-wal", "-shm", "-journal"):
        journal = path.with_name(path.name + suffix)
        try:
            mode = journal.stat().st_mode
        except FileNotFoundError:
            if not journal.is_symlink():
                continue
            mode = None  # a link to nothing
        except (OSError, RuntimeError):  # a symlink loop
            mode = None
        if mode is not None and stat.S_ISREG(mode):
            continue
        kind = "a folder" if mode is not None and stat.S_ISDIR(mode) else "not a regular file"
        raise StoreError(
            f"the journal {journal} of the history database is {kind}, so the history cannot "
            f"be opened; nothing was changed. Move {journal.name} out of {path.parent} (SQLite "
            "makes a new one) and start again."
        )


def _listed_backups(folder: Path) -> list[Path]:
    try:
        return list_backups(folder)
    except OSError:
        return []


def _is_busy(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return (int(code) & 0xFF) in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return "locked" in str(error) or "busy" in str(error)


def _write_problem(path: Path, error: sqlite3.Error) -> str:
    """The words for a history that cannot be written."""
    if _is_busy(error):
        return (
            f"the history database {path} is locked by another program (waited "
            f"{BUSY_TIMEOUT:g} s): {error}; close the other quizapp or try again"
        )
    return (
        f"the history database {path} cannot be written ({error}); nothing can be saved. "
        "Check that the file and its folder are writable, or choose another data folder "
        "(--data-dir)."
    )


def _check_writable(conn: sqlite3.Connection, path: Path) -> None:
    """Raise the ``sqlite3`` error of a history that cannot be written (read-only file or folder),
    so that it is said once at opening instead of at the first answer."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        # A real (rolled back) write: a read-only file lets BEGIN IMMEDIATE through.
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute(f"PRAGMA user_version = {version}")
    except sqlite3.OperationalError as error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if _is_busy(error):
            return  # another process is writing: writable, just busy (writes will wait)
        raise
    conn.execute("ROLLBACK")


# Columns copied from a damaged file, with the value used when its table lacks one.
_SALVAGE_DEFAULTS: dict[str, object] = {
    "item_key": None,
    "item_kind": None,
    "subject": None,
    "quantities": "",
    "difficulty": None,
    "seed": None,
    "answer": None,
    "read_as": None,
    "score": None,
    "mistakes": "[]",
    "duration_s": None,
    "answered_at": None,
    "mode": "drill",
    "session_id": None,
    "auto_score": None,
    "confirmed": 1,
}
_SALVAGE_KEY = "answered_at, item_key, answer"
# Row ids probed past the last one found before giving up on a damaged table.
_SALVAGE_PROBE_GAP = 2000


def salvage_attempts(source: Path, conn: sqlite3.Connection) -> int:
    """Copy into ``conn`` the answers that the moved-aside file ``source`` still holds and
    ``conn`` lacks (same time, item and answer); returns how many.

    A damaged file often keeps most of its pages readable: recovering from a backup must not hide
    the answers recorded after that backup. Rows are read until the first unreadable page; a row
    that is not a valid answer is skipped; sessions the restored history does not know are
    dropped from the copied rows. Never raises: salvage is a bonus over the restored backup.
    """
    try:
        damaged = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return 0
    rows: list[tuple[object, ...]] = []
    try:
        # Read-only twice over; writable_schema makes SQLite read a truncated file (shorter than
        # its header says) instead of refusing it whole.
        damaged.execute("PRAGMA query_only = ON")
        damaged.execute("PRAGMA writable_schema = ON")
        present = {str(row[1]) for row in damaged.execute('PRAGMA table_info("attempts")')}
        nullable = {"difficulty", "seed", "session_id", "auto_score"}
        required = {n for n, default in _SALVAGE_DEFAULTS.items() if default is None} - nullable
        if not required <= present:
            return 0
        selected = ", ".join(name if name in present else "?" for name in _SALVAGE_DEFAULTS)
        defaults = [value for name, value in _SALVAGE_DEFAULTS.items() if name not in present]
        last = 0
        try:
            cursor = damaged.execute(
                f"SELECT rowid, {selected} FROM attempts ORDER BY rowid", defaults
            )
            for row in iter(cursor.fetchone, None):
                last = int(row[0])
                rows.append(tuple(row[1:]))
        except sqlite3.Error:
            # A scan stops at the first unreadable page; rows further on may sit on pages that
            # are fine, reachable one by one through the table's index of row ids.
            misses = 0
            while misses < _SALVAGE_PROBE_GAP:
                last += 1
                try:
                    found = damaged.execute(
                        f"SELECT {selected} FROM attempts WHERE rowid = ?", [*defaults, last]
                    ).fetchone()
                except sqlite3.Error:
                    found = None
                if found is None:
                    misses += 1
                    continue
                misses = 0
                rows.append(tuple(found))
    except sqlite3.Error:
        pass  # whatever was read before the damage is still worth keeping
    finally:
        damaged.close()
    if not rows:
        return 0
    try:
        sessions = {int(row[0]) for row in conn.execute("SELECT id FROM sessions")}
        known = set(conn.execute(f"SELECT {_SALVAGE_KEY} FROM attempts").fetchall())
    except sqlite3.Error:
        return 0
    names = list(_SALVAGE_DEFAULTS)
    copied = 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for row in rows:
            values = dict(zip(names, row, strict=True))
            key = (values["answered_at"], values["item_key"], values["answer"])
            if key in known or not _salvageable(values):
                continue
            if values["session_id"] not in sessions:
                values["session_id"] = None
            conn.execute(
                f"INSERT INTO attempts ({', '.join(names)}) "
                f"VALUES ({', '.join('?' for _ in names)})",
                [values[name] for name in names],
            )
            known.add(key)
            copied += 1
        conn.execute("COMMIT")
    except sqlite3.Error as error:
        log.warning("could not salvage answers from %s: %s", source, error)
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        return 0
    return copied


def _salvageable(values: dict[str, object]) -> bool:
    """Whether a row read from a damaged file is a well-formed answer (it is read back later)."""
    try:
        _attempt_from_row((0, *values.values()))
    except (StudyError, ValueError, TypeError, KeyError, AttributeError):
        return False
    return True


def _daily_backup(
    conn: sqlite3.Connection, folder: Path, moment: datetime
) -> tuple[Path | None, str | None]:
    """Make the day's backup if due: (backup made, problem in words). A failed backup is logged
    and said, never raised: it must not keep the learner from studying."""
    try:
        if not backup_due(folder, moment):
            return None, None
        return make_backup(conn, folder, moment), None
    except (OSError, sqlite3.Error) as error:
        # Said once, by the report's message: a warning would also reach standard error.
        log.info("could not back up the history into %s: %s", folder, error)
        return None, (
            f"The daily backup could not be made in {folder} ({error}); the history opened "
            "normally and every answer is still saved, but there is no new backup until that "
            "folder can be written."
        )


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


def _attempt_from_row(row: Sequence[Any]) -> Attempt:
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
            # Not paths.backups_dir(), which creates the folder: a backups folder that cannot be
            # made must not stop the history from opening (see _daily_backup).
            backups = backups if backups is not None else paths.data_dir() / "backups"
        elif backups is None:
            backups = path.parent / "backups"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"cannot create the folder of the history database {path.parent}: {error}"
            ) from error
        _refuse_special_file(path)
        _refuse_special_journal(path)

        notes: list[str] = []
        moved_to: Path | None = None
        restored_from: Path | None = None
        if not path.exists() and not path.is_symlink():
            # A history that vanished while backups remain is a lost one, not a fresh start.
            try:
                restored_from = restore_newest(backups, path)
            except OSError as error:
                log.warning("no backup could be restored from %s: %s", backups, error)
            if restored_from is not None:
                notes.append(
                    f"The history database {path} was missing; quizapp restored the backup "
                    f"{restored_from} (the one holding the newest answers). To start an empty "
                    f"history instead, move the backups folder {backups} away as well."
                )
            elif _listed_backups(backups):
                notes.append(
                    f"The history database {path} was missing and none of the backups in "
                    f"{backups} could be read; quizapp started a new, empty history (the "
                    "backups were left as they are)."
                )
        elif path.exists():
            problem = cls._problem_with(path)
            if problem is not None and problem.startswith(_SCHEMA_PROBLEM):
                repaired = cls._try_repair(path, problem)
                if repaired is not None:
                    notes.append(repaired)
                    problem = None
            if problem is not None:
                try:
                    moved_to = move_aside(path, moment)
                    restored_from = restore_newest(backups, path)
                except OSError as error:
                    raise StoreError(
                        f"The history database {path} is damaged ({problem}) and could not be "
                        f"moved aside: {error}. Nothing was changed; move or repair it by hand."
                    ) from error
                outcome = (
                    f"restored the backup {restored_from} (the one holding the newest answers)"
                    if restored_from is not None
                    else "started a new, empty history (there was no usable backup)"
                )
                notes.append(
                    f"The history database {path} is damaged ({problem}). It was moved, "
                    f"unchanged, to {moved_to}, and quizapp {outcome}."
                )

        conn = cls._connect(path)
        try:
            try:
                migrate(conn)
                _check_writable(conn, path)
            except sqlite3.DatabaseError as error:
                raise StoreError(_write_problem(path, error)) from error
            if moved_to is not None:
                salvaged = salvage_attempts(moved_to, conn)
                if salvaged:
                    notes.append(
                        f"{salvaged} answers that the moved file still held and the restored "
                        "history lacked were read from it and kept."
                    )
            backup_made, backup_problem = (
                _daily_backup(conn, backups, moment) if backup else (None, None)
            )
        except BaseException:
            conn.close()
            raise
        if backup_problem is not None:
            notes.append(backup_problem)
        report = OpenReport(" ".join(notes) or None, moved_to, restored_from, backup_made)
        return cls(conn, path, report)

    @staticmethod
    def _try_repair(path: Path, problem: str) -> str | None:
        """Adopt a readable history whose schema is only incomplete (``None``: not repairable)."""
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT)
        except sqlite3.Error:
            return None
        try:
            if repair_plan(conn) is None:
                return None
            count_before = int(conn.execute("SELECT count(*) FROM attempts").fetchone()[0])
            steps = repair(conn)
        except (sqlite3.Error, SchemaError) as error:
            log.warning("could not repair the history database %s: %s", path, error)
            return None
        finally:
            conn.close()
        return (
            f"The history database {path} had an incomplete schema "
            f"({problem.removeprefix(_SCHEMA_PROBLEM).strip()}); quizapp repaired it in place "
            f"({'; '.join(steps)}) and kept all {count_before} answers it holds."
        )

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        try:
            # Autocommit: every statement is its own transaction unless we BEGIN explicitly.
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as error:
            raise StoreError(_write_problem(path, error)) from error
        return conn

    @staticmethod
    def _problem_with(path: Path) -> str | None:
        wal = path.with_name(path.name + "-wal")
        if path.stat().st_size == 0 and not (wal.is_file() and wal.stat().st_size > 0):
            # SQLite would take an empty file for a new database: the answers would be gone
            # without a word. An empty history is a lost one; recover it from a backup.
            return "the file is empty: 0 bytes"
        try:
            # Read-only, so that checking never checkpoints or deletes the WAL of a damaged file.
            uri = f"{path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT)
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
            if self._conn.in_transaction:  # SQLite rolls back by itself on a full disk
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _write(self, what: str, action: Callable[[], _T]) -> _T:
        """Run one write, retried while another process holds the lock for up to ``WRITE_WAIT``
        seconds in all; then, or on any other failure (read-only file, full disk), a
        ``StoreError`` that says what was not saved and why. (Each try already waits
        ``BUSY_TIMEOUT`` inside SQLite.)"""
        start = time.monotonic()
        while True:
            try:
                return action()
            except sqlite3.IntegrityError:
                raise
            except sqlite3.Error as error:
                waited = time.monotonic() - start
                if _is_busy(error) and waited < WRITE_WAIT:
                    time.sleep(0.05)
                    continue
                if _is_busy(error):
                    reason = (
                        f"the history database {self.path} stayed locked by another program for "
                        f"{waited:.0f} s"
                    )
                else:
                    reason = f"the history database {self.path} could not be written ({error})"
                raise StoreError(
                    f"{what} was NOT saved: {reason}. Close the other program or free the disk, "
                    "then try again."
                ) from error

    # ----- attempts ------------------------------------------------------------------------------

    def record_attempt(self, attempt: Attempt) -> int:
        """Store one attempt in its own committed transaction; returns its id."""
        try:
            cursor = self._write(
                f"The answer to {attempt.item_key}", lambda: self._insert_attempt(attempt)
            )
        except sqlite3.IntegrityError as error:
            raise StoreError(
                f"cannot record attempt on {attempt.item_key!r} (session_id="
                f"{attempt.session_id}): {error}; start the session with start_session first"
            ) from error
        return int(cursor.lastrowid or 0)

    def record_attempts(self, attempts: Sequence[Attempt]) -> list[int]:
        """Record several attempts in one transaction (imports, tests): all or none."""

        def insert_all() -> list[int]:
            with self._transaction():
                return [int(self._insert_attempt(a).lastrowid or 0) for a in attempts]

        try:
            return self._write(f"{len(attempts)} answers", insert_all)
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

        def update() -> sqlite3.Cursor:
            with self._transaction():
                return self._conn.execute(
                    "UPDATE attempts SET score = ?, confirmed = 1 WHERE id = ?", (score, attempt_id)
                )

        cursor = self._write("The confirmed score", update)
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
        cursor = self._write(
            "The start of the session",
            lambda: self._conn.execute(
                "INSERT INTO sessions (mode, started_at) VALUES (?, ?)",
                (StudyMode(mode).value, to_db_time(moment)),
            ),
        )
        return int(cursor.lastrowid or 0)

    def end_session(self, session_id: int, now: datetime | None = None) -> None:
        """Mark a session as finished."""
        moment = now if now is not None else datetime.now(UTC)
        cursor = self._write(
            "The end of the session",
            lambda: self._conn.execute(
                "UPDATE sessions SET ended_at = ? WHERE id = ?", (to_db_time(moment), session_id)
            ),
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

        def save() -> int:
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
                    (
                        item_key,
                        rating,
                        to_db_time(reviewed_at),
                        duration_ms,
                        card_before,
                        card_after,
                    ),
                )
                return int(cursor.lastrowid or 0)

        return self._write(f"The rating of {item_key}", save)

    _REVIEW_COLUMNS = "id, item_key, rating, reviewed_at, duration_ms, card_before, card_after"

    @staticmethod
    def _review_from_row(row: sqlite3.Row) -> ReviewRecord:
        return ReviewRecord(
            int(row[0]), row[1], int(row[2]), from_db_time(row[3]), row[4], row[5], row[6]
        )

    def last_review(self) -> ReviewRecord | None:
        """The most recent review still in the log (of any process: see ``review``)."""
        row = self._conn.execute(
            f"SELECT {self._REVIEW_COLUMNS} FROM reviews ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return None if row is None else self._review_from_row(row)

    def review(self, review_id: int) -> ReviewRecord | None:
        """One logged review by id (``None`` when it is not, or no longer, in the log)."""
        row = self._conn.execute(
            f"SELECT {self._REVIEW_COLUMNS} FROM reviews WHERE id = ?", (review_id,)
        ).fetchone()
        return None if row is None else self._review_from_row(row)

    def undo_review(self, review: ReviewRecord, card_before_due: datetime | None) -> None:
        """Put the card back as before ``review`` and drop its log entry, in one transaction.

        Refused (``StoreError``, nothing changed) when ``review`` is gone from the log or is no
        longer the item's newest review: another process reviewed the item since, and undoing
        would throw away that review and its card.
        """

        def undo() -> None:
            with self._transaction() as conn:
                newest = conn.execute(
                    "SELECT max(id) FROM reviews WHERE item_key = ?", (review.item_key,)
                ).fetchone()[0]
                if newest != review.id:
                    raise StoreError(
                        f"cannot undo the rating of {review.item_key}: "
                        + (
                            "it is no longer in the history"
                            if newest is None or newest < review.id
                            else "it was reviewed again since (by another quizapp window or "
                            "terminal); that later review was kept"
                        )
                    )
                if review.card_before is None or card_before_due is None:
                    conn.execute("DELETE FROM cards WHERE item_key = ?", (review.item_key,))
                else:
                    conn.execute(
                        "UPDATE cards SET card_json = ?, due = ? WHERE item_key = ?",
                        (review.card_before, to_db_time(card_before_due), review.item_key),
                    )
                conn.execute("DELETE FROM reviews WHERE id = ?", (review.id,))

        self._write(f"Undoing the rating of {review.item_key}", undo)

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
