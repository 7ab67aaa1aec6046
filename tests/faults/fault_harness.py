"""The fault-injection harness: a seeded data folder, one fault put on one file, a command run.

``seed`` fills a data folder as a learner's would look after some use: a history of HISTORY_ANSWERS
answers and its journal, one backup holding BACKUP_ANSWERS of them, settings, a log, a pack with its
lexicon, a cached formula image. ``inject`` then damages one file (``FILES``) in one way
(``FAULTS``); ``run_cli`` runs a command in this process (stdin given, output captured, a hang
stopped by an alarm) and ``start_gui`` builds the main window offscreen. ``count_answers`` reads the
history afterwards, to tell whether answers were lost.

Disk full is simulated: every write through Python's ``open`` and ``os.write`` fails with ENOSPC,
and SQLite's own writes fail with SQLITE_FULL (a page limit at the current size). A held lock is
another connection's write transaction on the history while the command runs.
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import io
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from quizapp import paths
from quizapp.study import store as store_module
from quizapp.study.items import ItemKind
from quizapp.study.store import Attempt, Store, StudyMode

T0 = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
BACKUP_ANSWERS = 2
HISTORY_ANSWERS = 3
HUGE = 64 * 1024 * 1024  # bytes of a "huge" file (sparse: costs no disk)
HANG_SECONDS = 20.0

PACK = """\
format: 1
module: mine
questions:
  - id: mine-tf-001
    topic: rnn-forward
    difficulty: easy
    type: true_false
    source: "Elman 1990, Finding Structure in Time, §2"
    prompt: { en: "My own question: weights are shared over time.", zh: "我的问题：时间上共享权重。" }
    answer: { en: "True.", zh: "正确。" }
    explanation: { en: "Shared.", zh: "共享。" }
    options:
      - { id: true, en: "true", zh: "正确" }
      - { id: false, en: "false", zh: "错误" }
    correct: [true]
"""

LEXICON = """\
format: 1
concepts:
  - {id: weight-sharing, en: [weight sharing, shared weights], zh: [权重共享]}
"""

# File key → its path in the data folder (exports are written outside it, see EXPORT_NAMES).
FILES: dict[str, str] = {
    "data_dir": ".",
    "history": "history.sqlite3",
    "journal": "history.sqlite3-wal",
    "backups": "backups",
    "backup_file": "backups/history-20240501-090000.sqlite3",
    "settings": "settings.json",
    "logs": "logs",
    "log_file": "logs/quizapp.log",
    "packs": "packs",
    "pack_file": "packs/mine.yaml",
    "lexicon_file": "packs/mine.lexicon.yaml",
    "cache": "cache",
    "formula_cache": "cache/formulas",
    "export": "../exports/out.csv",  # and out.apkg: see export_paths
}

FAULTS = (
    "missing",
    "empty",
    "folder",
    "symlink_loop",
    "fifo",
    "read_only",
    "garbage",
    "huge",
    "disk_full",
    "locked",
)


def attempt(n: int, at: datetime) -> Attempt:
    """A recorded answer to question ``n`` (keys that the shipped bank does not need to hold)."""
    return Attempt(
        item_key=f"q:fault-question-{n}",
        item_kind=ItemKind.QUESTION,
        subject="gates",
        quantities=(),
        difficulty=None,
        seed=None,
        answer=f"answer {n}",
        read_as=f"answer {n}",
        score=0.5,
        mistakes=(),
        duration_seconds=float(n + 1),
        answered_at=at,
        mode=StudyMode.QUESTIONS,
    )


def seed(folder: Path, *, lexicon: bool = False) -> None:
    """A used data folder: history (HISTORY_ANSWERS answers, the first BACKUP_ANSWERS also in the
    backup), settings, log, a pack (and its lexicon if asked: compiling one costs a second), a
    cached formula, and the exports folder beside the data folder with an earlier export."""
    folder.mkdir(parents=True, exist_ok=True)
    history = folder / "history.sqlite3"
    backups = folder / "backups"
    with Store.open(history, backups=backups, now=T0, backup=False) as store:
        for n in range(BACKUP_ANSWERS):
            store.record_attempt(attempt(n, T0 + timedelta(minutes=n)))
    backups.mkdir()
    with Store.open(history, backups=backups, now=T0, backup=False) as store:
        target = folder / FILES["backup_file"]
        store._conn.execute("VACUUM INTO ?", (str(target),))
        for n in range(BACKUP_ANSWERS, HISTORY_ANSWERS):
            store.record_attempt(attempt(n, T0 + timedelta(hours=1, minutes=n)))
    (folder / "settings.json").write_text('{"content_language": "en"}', encoding="utf-8")
    (folder / "logs").mkdir()
    (folder / "logs" / "quizapp.log").write_text("2024-05-01 started\n", encoding="utf-8")
    (folder / "packs").mkdir()
    (folder / "packs" / "mine.yaml").write_text(PACK, encoding="utf-8")
    if lexicon:
        (folder / "packs" / "mine.lexicon.yaml").write_text(LEXICON, encoding="utf-8")
    (folder / "cache" / "formulas").mkdir(parents=True)
    (folder / "cache" / "formulas" / f"{'0' * 64}.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder.parent / "exports").mkdir(exist_ok=True)
    for target in export_paths(folder):
        target.write_text("an earlier export\n", encoding="utf-8")


BANK = """\
format: 1
module: shipped
questions:
  - id: shipped-tf-001
    topic: rnn-forward
    difficulty: easy
    type: true_false
    source: "Elman 1990, Finding Structure in Time, §2"
    prompt: { en: "A shipped question: an RNN reuses its weights at every step.", zh: "每一步都复用权重。" }
    answer: { en: "True.", zh: "正确。" }
    explanation: { en: "Shared.", zh: "共享。" }
    options:
      - { id: true, en: "true", zh: "正确" }
      - { id: false, en: "false", zh: "错误" }
    correct: [true]
"""


def seed_from(template: Path, folder: Path, *, lexicon: bool = False) -> None:
    """``seed`` by copying a folder seeded once (``seed`` opens the history four times)."""
    shutil.copytree(template / "data", folder, symlinks=True, dirs_exist_ok=True)
    shutil.copytree(template / "exports", folder.parent / "exports", dirs_exist_ok=True)
    if lexicon:
        (folder / "packs" / "mine.lexicon.yaml").write_text(LEXICON, encoding="utf-8")


def tiny_bank(folder: Path) -> Path:
    """A shipped bank of one question (the real one takes seconds to validate)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "shipped.yaml").write_text(BANK, encoding="utf-8")
    return folder


def _make_read_only(path: Path) -> None:
    """Read-only: a chmod for everyone but root; as root (who ignores the mode bits) the file is
    made immutable with ``chattr +i``, and the case is skipped where that cannot be done."""
    if os.geteuid() != 0:
        path.chmod(0o555 if path.is_dir() else 0o444)
        return
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"read-only cannot be made as root here: {done.stderr.decode().strip()}")


def _replace(path: Path) -> None:
    """Remove whatever is at ``path`` (a file, a folder, a link, a FIFO)."""
    if path.is_symlink() or path.is_file() or path.is_fifo():
        path.unlink()
    elif path.is_dir():
        for child in sorted(path.rglob("*"), key=lambda p: len(p.parts), reverse=True):
            if child.is_dir() and not child.is_symlink():
                child.rmdir()
            else:
                child.unlink()
        path.rmdir()


def inject(folder: Path, file: str, fault: str) -> Path:
    """Put ``fault`` on ``file`` of the seeded data ``folder``; returns the damaged path.

    ``disk_full`` and ``locked`` change nothing on disk: they take effect while the command runs
    (``during``)."""
    if file == "export":
        for target in export_paths(folder):
            _inject_one(target, fault)
        return export_paths(folder)[0]
    if file == "lexicon_file" and fault in ("read_only", "disk_full", "locked"):
        (folder / FILES[file]).write_text(LEXICON, encoding="utf-8")
    if file == "journal" and fault == "read_only":
        (folder / FILES[file]).write_bytes(b"")  # SQLite removes it at every close
    path = folder / FILES[file] if file != "data_dir" else folder
    _inject_one(path, fault)
    return path


def _inject_one(path: Path, fault: str) -> None:
    if fault in ("disk_full", "locked"):
        return
    if fault == "read_only":
        _make_read_only(path)
        return
    if path.exists() or path.is_symlink():
        _replace(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fault == "missing":
        return
    if fault == "empty":
        path.write_bytes(b"")
    elif fault == "folder":
        path.mkdir()
    elif fault == "symlink_loop":
        path.symlink_to(path.name)  # a link to itself
    elif fault == "fifo":
        os.mkfifo(path)
    elif fault == "garbage":
        path.write_bytes(b"\x00\xff\xfe garbage \x1b[31m" + os.urandom(512))
    elif fault == "huge":
        with open(path, "wb") as handle:
            handle.truncate(HUGE)
            handle.seek(0)
            handle.write(b"\xff" * 1024)
    else:
        raise ValueError(f"unknown fault {fault!r}")


def export_paths(folder: Path) -> tuple[Path, Path]:
    """The targets of ``stats --csv`` and ``export anki`` (beside the data folder, not in it)."""
    exports = folder.parent / "exports"
    return exports / "out.csv", exports / "out.apkg"


def restore_permissions(folder: Path, fault: str) -> None:
    """After a read-only fault, make everything writable and mutable again (so the temporary
    folder can be removed)."""
    if fault != "read_only":
        return
    for root in (folder, folder.parent / "exports"):
        if not root.exists() or root.is_symlink():
            continue
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-R", "-i", str(root)], capture_output=True, check=False)
        with contextlib.suppress(OSError):
            root.chmod(0o755)
        for child in root.rglob("*"):
            if not child.is_symlink():
                with contextlib.suppress(OSError):
                    child.chmod(0o755 if child.is_dir() else 0o644)


# ----- faults that act while the command runs -------------------------------------------------


class _DiskFull:
    """Every file write fails with ENOSPC; SQLite writes fail with SQLITE_FULL."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real_open = builtins.open
        real_write = os.write
        real_connect = Store._connect

        def full_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            if any(flag in mode for flag in "wax+"):
                raise OSError(errno.ENOSPC, "No space left on device", str(file))
            return real_open(file, mode, *args, **kwargs)

        def full_write(fd: int, data: bytes) -> int:
            if fd > 2:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_write(fd, data)

        def full_connect(path: Path) -> sqlite3.Connection:
            conn = real_connect(path)
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {max(int(pages), 1)}")
            return conn

        monkeypatch.setattr(builtins, "open", full_open)
        monkeypatch.setattr(io, "open", full_open)
        monkeypatch.setattr(os, "write", full_write)
        monkeypatch.setattr(Store, "_connect", staticmethod(full_connect))


@contextlib.contextmanager
def full_disk(folder: Path) -> Iterator[bool]:
    """``folder`` (empty) on a small tmpfs; True when it could be mounted (root), else False and
    nothing changes. ``fill`` then takes the last byte."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = (
        os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)],
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def fill(folder: Path) -> None:
    """Write into ``folder`` until the file system has no byte left."""
    descriptor = os.open(folder / ".filler", os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 4096, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(descriptor, b"\0" * size)
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def during(
    folder: Path, file: str, fault: str, monkeypatch: pytest.MonkeyPatch, *, real_disk: bool
) -> Iterator[None]:
    """While the command runs: the disk is full (simulated when no tmpfs could be mounted), or
    another program holds the history's write lock; SQLite gives up waiting quickly."""
    with monkeypatch.context() as patch:
        patch.setattr(store_module, "BUSY_TIMEOUT", 0.05)
        patch.setattr(store_module, "WRITE_WAIT", 0.3)
        if fault == "disk_full" and not real_disk:
            _DiskFull(patch)
        if fault == "locked":
            other = sqlite3.connect(folder / "history.sqlite3", isolation_level=None)
            other.execute("BEGIN IMMEDIATE")
            try:
                yield
            finally:
                other.execute("ROLLBACK")
                other.close()
            return
        yield


# ----- running ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """What one command did: exit status, output, and the traceback of an escaped exception."""

    status: int | None
    out: str
    err: str
    crash: str | None

    @property
    def said(self) -> str:
        return self.out + self.err


class _Hang(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    del signum, frame
    raise _Hang


def run_cli(argv: list[str], folder: Path, stdin: str = "") -> Run:
    """``quizapp --data-dir folder argv…`` in this process."""
    from quizapp.cli import main

    out, err = io.StringIO(), io.StringIO()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    status: int | None = None
    crash: str | None = None
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["--data-dir", str(folder), *argv])
    except SystemExit as exit_:
        status = exit_.code if isinstance(exit_.code, int) else 1
    except _Hang:
        crash = f"HANG: still running after {HANG_SECONDS} s"
    except BaseException:
        crash = traceback.format_exc()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        sys.stdin = saved_stdin
        paths.set_data_dir(None)
    return Run(status, out.getvalue(), err.getvalue(), crash)


def count_answers(folder: Path) -> int | None:
    """Answers in the history once every fault is gone (None: no history file to read)."""
    history = folder / "history.sqlite3"
    if not history.is_file() or history.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"{history.as_uri()}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT count(*) FROM attempts").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def answers_anywhere(folder: Path) -> int:
    """The most answers any history-like file of the data folder holds (the live history, a file
    moved aside, a backup): what a recovery could still offer."""
    best = 0
    for candidate in folder.rglob("*.sqlite3*"):
        if candidate.is_file() and not candidate.name.endswith(("-wal", "-shm", "-journal")):
            try:
                conn = sqlite3.connect(f"{candidate.as_uri()}?mode=ro", uri=True)
                try:
                    best = max(
                        best, int(conn.execute("SELECT count(*) FROM attempts").fetchone()[0])
                    )
                finally:
                    conn.close()
            except sqlite3.Error:
                continue
    return best


def start_gui(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """What ``quizapp gui`` does up to the event loop (``quizapp.gui.app.launch``), then what its
    timers do (load the bank, open the history); status 0 when the window is up. ``said`` is the
    status line plus the pack problems the question view shows."""
    from PySide6.QtCore import QCoreApplication

    import quizapp.gui.preload
    from quizapp.gui import app as app_module

    monkeypatch.setattr(quizapp.gui.preload, "preload_in_background", lambda: None)
    monkeypatch.setattr(app_module, "HISTORY_DELAY_MS", 0)  # fires here, not in a later test
    errors: list[str] = []
    saved_hook = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: Any) -> None:
        errors.append("".join(traceback.format_exception(kind, error, tb)))

    sys.excepthook = hook
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    paths.set_data_dir(folder)
    status: int | None = None
    said = ""
    crash: str | None = None
    try:
        started = app_module.launch([])
        window = started.window
        window.questions()  # what load_bank_later's timer does
        if started.study is not None:
            started.study.open_history()  # what the history timer does
        QCoreApplication.processEvents()
        status = 0 if window.isVisible() else 1
        problems = "\n".join(getattr(window, "_question_problems", ()))
        said = window.statusBar().currentMessage() + "\n" + problems
        if started.study is not None:
            started.study.close()
        window.close()
        window.deleteLater()
        QCoreApplication.processEvents()
    except _Hang:
        crash = f"HANG: still running after {HANG_SECONDS} s"
    except BaseException:
        crash = traceback.format_exc()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        sys.excepthook = saved_hook
        paths.set_data_dir(None)
    if errors and crash is None:
        crash = errors[0]
    return Run(status, said, "", crash)
