"""Every file of the data folder (and the export) under every fault, with every command that uses
it and the GUI start: the outcome docs/faults.md gives, never a traceback, a hang or a lost answer.

One test per file and fault; inside it, every command that uses the file runs on a freshly seeded
data folder (commands that do not use a file are not affected by it, and ``fault_rules`` says so).
Commands run in this process (``fault_harness.run_cli``), the GUI start offscreen
(``fault_harness.start_gui``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fault_harness import (
    BACKUP_ANSWERS,
    FAULTS,
    FILES,
    HISTORY_ANSWERS,
    Run,
    answers_anywhere,
    count_answers,
    during,
    export_paths,
    fill,
    full_disk,
    inject,
    restore_permissions,
    run_cli,
    seed_from,
    start_gui,
)
from fault_rules import COMMANDS, rules

COMPUTE_INPUT = json.dumps(
    {
        "x": [0.5],
        "h": [0.1],
        "c": [0.2],
        "params": {
            f"{kind}_{gate}": [[0.1]] if kind != "b" else [0.0]
            for gate in "figo"
            for kind in ("W", "U", "b")
        },
    }
)

# Answers every prompt: "?" shows the answer (a miss is recorded), an empty line takes the rating.
STDIN = "?\n\n?\n\n?\n\n"

# History faults that leave no answers in the history file itself.
DESTROYING = {"missing", "empty", "garbage", "huge", "folder", "symlink_loop", "fifo"}


def _argv(command: str, folder: Path) -> tuple[list[str], str]:
    csv, apkg = export_paths(folder)
    return {
        "stats": (["stats"], ""),
        "stats_csv": (["stats", "--csv", str(csv)], ""),
        "review": (
            ["review", "--limit", "2", "--seed", "1", "--now", "2024-06-01T09:00+00:00"],
            STDIN,
        ),
        "drill": (["drill", "--cell", "lstm", "--ask", "h", "--seed", "3"], "?\n"),
        "practice": (["questions", "practice", "--count", "1", "--seed", "1"], STDIN),
        "validate": (["questions", "validate"], ""),
        "qstats": (["questions", "stats"], ""),
        "compute": (["compute", "lstm", "-"], COMPUTE_INPUT),
        "anki": (["export", "anki", str(apkg)], ""),
    }[command]


CASES = [
    pytest.param(file, fault, id=f"{file}-{fault}")
    for file in FILES
    for fault in FAULTS
    if rules().cells[(file, fault)] != "-"
]


def _check(run: Run, outcome: str, file: str, fault: str, command: str, folder: Path) -> None:
    where = f"{command} with {file} {fault}: {run.said[-600:]}"
    assert run.crash is None, f"{where}\n{run.crash}"
    named = rules().named[file]
    if outcome in ("U", "C", "B"):
        assert run.status == 0, f"status {run.status}: {where}"
    if outcome == "R":
        assert run.status not in (0, None), f"status {run.status}: {where}"
    if outcome in ("C", "R"):
        assert named.lower() in run.said.lower(), f"{named!r} not said: {where}"
    if outcome == "B":
        said = run.said.lower()
        assert "backup" in said and "history.sqlite3" in said, f"recovery not said: {where}"
    _check_nothing_lost(run, file, fault, command, folder)


def _check_nothing_lost(run: Run, file: str, fault: str, command: str, folder: Path) -> None:
    if file == "data_dir" and fault not in ("missing", "read_only", "disk_full"):
        return  # the whole folder was replaced by the fault
    if file in ("history", "journal") and fault in DESTROYING:
        # Recovered (the backup's answers at least) or refused: the backup is still there.
        floor = BACKUP_ANSWERS
        kept = count_answers(folder) if rules().expected(file, fault, command) == "B" else None
        assert max(kept or 0, answers_anywhere(folder)) >= floor, f"{command}: answers lost"
        return
    if file == "data_dir" and fault == "missing":
        return
    kept = count_answers(folder)
    assert kept is not None and kept >= HISTORY_ANSWERS, f"{command} {file} {fault}: {kept}"


@pytest.mark.parametrize(("file", "fault"), CASES)
def test_fault(
    file: str, fault: str, template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = rules()
    commands = [c for c in COMMANDS if table.usage(file, c) and _worth_running(file, c)]
    for command in commands:
        scene = tmp_path / command
        disk = scene if file == "data_dir" else scene / "exports"
        if fault == "disk_full":
            disk = scene / "data" if file == "data_dir" else scene / "exports"
        with full_disk(disk) if fault == "disk_full" else _nothing() as mounted:
            folder = scene / "data"
            seed_from(template, folder, lexicon=file == "lexicon_file")
            inject(folder, file, fault)
            if fault == "disk_full" and mounted:
                fill(disk)
            with during(folder, file, fault, monkeypatch, real_disk=bool(mounted)):
                if command == "gui":
                    run = start_gui(folder, monkeypatch)
                else:
                    argv, stdin = _argv(command, folder)
                    run = run_cli(argv, folder, stdin)
            restore_permissions(folder, fault)
            if fault == "disk_full" and mounted:
                (disk / ".filler").unlink()  # room again, so that the history can be read
            _check(run, table.expected(file, fault, command), file, fault, command, folder)
        shutil.rmtree(scene, ignore_errors=True)


def _worth_running(file: str, command: str) -> bool:
    """``export anki`` (a third of a second each) runs where it writes (the export) and for the
    data folder; for packs it loads them as ``questions stats`` does, which runs there."""
    return command != "anki" or file in ("export", "data_dir")


class _nothing:
    """A context that changes nothing (no full disk)."""

    def __enter__(self) -> bool:
        return False

    def __exit__(self, *exc: object) -> None:
        return None
