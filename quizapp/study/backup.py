"""Rotated backups of the history database and recovery of a damaged one.

Backups are made with SQLite's online backup API into a temporary file that is renamed into place,
so a half-written backup never counts. A damaged database is moved aside (with its ``-wal``/``-shm``
companions, whose stale pages must never be replayed onto a fresh file) and the newest backup that
passes ``quick_check`` and the schema check is copied in its place.

"Newest" means the backup holding the newest answers (the highest attempt and review ids: ids only
grow, whatever the clock said), never the file name: a run with the clock in 2099 names its backup
2099 but holds no more than the backups made after it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from quizapp.study.migrations import NewerSchemaError, SchemaError, check_schema

BACKUP_PREFIX = "history-"
BACKUP_SUFFIX = ".sqlite3"
KEEP_BACKUPS = 5
_STAMP = "%Y%m%d-%H%M%S"
_COMPANIONS = ("-wal", "-shm", "-journal")
# Primary SQLite result codes meaning "this file is not a sound database" (not busy, not locked).
_DAMAGE_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB


def _stamp(now: datetime) -> str:
    # Local time: these names are read by people looking into their data folder.
    return now.astimezone().strftime(_STAMP)


def _free_name(candidate: Path) -> Path:
    if not candidate.exists():
        return candidate
    for number in range(2, 1000):
        numbered = candidate.with_name(f"{candidate.name}-{number}")
        if not numbered.exists():
            return numbered
    raise FileExistsError(f"no free name next to {candidate}")


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """True when SQLite says the file is corrupt or not a database (not busy or locked)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:  # errors raised by the module itself rather than by the library
        return type(error) is sqlite3.DatabaseError
    return (int(code) & 0xFF) in _DAMAGE_CODES


def diagnose(conn: sqlite3.Connection) -> str | None:
    """What is wrong with an open database (``None`` when it is usable).

    Raises ``NewerSchemaError`` (a newer quizapp's file is not damaged) and SQLite errors that are
    not damage (a locked or unreadable file).
    """
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        problems = [str(row[0]) for row in rows if str(row[0]) != "ok"]
        if problems:
            return "integrity check failed: " + "; ".join(problems[:3])
        check_schema(conn)
    except NewerSchemaError:
        raise
    except SchemaError as error:
        return f"unexpected schema: {error}"
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return f"unreadable: {error}"
        raise
    return None


def diagnose_file(path: Path) -> str | None:
    """``diagnose`` on a file opened read-only (used for backups, which are never in WAL mode)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.DatabaseError as error:
        return f"cannot open: {error}"
    try:
        return diagnose(conn)
    except (sqlite3.DatabaseError, SchemaError) as error:
        return f"cannot read: {error}"
    finally:
        conn.close()


def move_aside(path: Path, now: datetime) -> Path:
    """Rename a damaged database to ``<name>.damaged-YYYYmmdd-HHMMSS`` (companions follow it)."""
    target = _free_name(path.with_name(f"{path.name}.damaged-{_stamp(now)}"))
    os.replace(path, target)
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    return target


def list_backups(folder: Path) -> list[Path]:
    """Backup files in ``folder`` by name, newest name first (see ``by_content`` for recovery)."""
    if not folder.is_dir():
        return []
    found = [
        p
        for p in folder.iterdir()
        if p.is_file() and p.name.startswith(BACKUP_PREFIX) and p.name.endswith(BACKUP_SUFFIX)
    ]
    return sorted(found, key=lambda p: p.name, reverse=True)


def content_rank(path: Path) -> tuple[int, int, int]:
    """How much history a backup holds: (highest attempt id, attempt count, highest review id).

    ``(-1, -1, -1)`` for a file that cannot be read as a history.
    """
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return (-1, -1, -1)
    try:
        newest, count = conn.execute(
            "SELECT coalesce(max(id), 0), count(*) FROM attempts"
        ).fetchone()
        try:
            review = conn.execute("SELECT coalesce(max(id), 0) FROM reviews").fetchone()[0]
        except sqlite3.Error:  # a version-1 backup has no review log
            review = 0
        return (int(newest), int(count), int(review))
    except sqlite3.Error:
        return (-1, -1, -1)
    finally:
        conn.close()


def by_content(folder: Path) -> list[Path]:
    """Backup files in ``folder``, the one holding the newest answers first (ties: newest name)."""
    named = list_backups(folder)  # newest name first; sorted() is stable for ties
    return sorted(named, key=content_rank, reverse=True)


def backup_due(folder: Path, now: datetime) -> bool:
    """True when no backup was made on ``now``'s local day."""
    today = BACKUP_PREFIX + _stamp(now)[:8]
    return not any(p.name.startswith(today) for p in list_backups(folder))


def make_backup(
    conn: sqlite3.Connection, folder: Path, now: datetime, keep: int = KEEP_BACKUPS
) -> Path:
    """Copy the open database into ``folder`` and delete all but the newest ``keep`` backups."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{BACKUP_PREFIX}{_stamp(now)}{BACKUP_SUFFIX}"
    if target.exists():
        target = folder / f"{BACKUP_PREFIX}{_stamp(now)}-{os.getpid()}{BACKUP_SUFFIX}"
    partial = target.with_name(target.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    dest = sqlite3.connect(partial)
    try:
        conn.backup(dest)
        # A backup in rollback-journal mode is one self-contained file that opens read-only.
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    os.replace(partial, target)
    # Keep the backups holding the most recent answers (not the latest names), and this one.
    kept = [target, *(p for p in by_content(folder) if p != target)]
    for old in kept[keep:]:
        old.unlink()
    return target


def restore_newest(folder: Path, path: Path) -> Path | None:
    """Copy the usable backup holding the newest answers to ``path``; returns it, or ``None``."""
    for candidate in by_content(folder):
        if diagnose_file(candidate) is not None:
            continue
        partial = path.with_name(path.name + ".restoring")
        shutil.copyfile(candidate, partial)
        os.replace(partial, path)
        return candidate
    return None
