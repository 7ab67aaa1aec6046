"""Recovery when the backups are damaged too: a broken backup is passed over for the next usable
one, and with none usable a new history is started, both said with the paths."""

from __future__ import annotations

from pathlib import Path

from fault_harness import BACKUP_ANSWERS, FILES, count_answers, inject, run_cli, seed_from

NEWER_BACKUP = "backups/history-20240601-090000.sqlite3"


def test_a_broken_newer_backup_is_passed_over_for_a_usable_one(
    template: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    seed_from(template, folder)
    (folder / NEWER_BACKUP).write_bytes(b"not a database at all" * 100)
    inject(folder, "history", "garbage")
    run = run_cli(["stats"], folder)
    assert run.crash is None and run.status == 0
    assert f"restored the backup {folder / FILES['backup_file']}" in run.err
    assert count_answers(folder) == BACKUP_ANSWERS


def test_no_usable_backup_starts_a_new_history_and_says_where_the_old_one_went(
    template: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    seed_from(template, folder)
    inject(folder, "backup_file", "garbage")
    inject(folder, "history", "empty")
    run = run_cli(["stats"], folder)
    assert run.crash is None and run.status == 0
    assert "started a new, empty history (there was no usable backup)" in run.err
    moved = [p for p in folder.iterdir() if p.name.startswith("history.sqlite3.")]
    assert moved and str(moved[0]) in run.err
    assert count_answers(folder) == 0


def test_a_missing_history_with_only_broken_backups_is_a_new_history_said(
    template: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    seed_from(template, folder)
    inject(folder, "backup_file", "huge")
    inject(folder, "history", "missing")
    run = run_cli(["stats"], folder)
    assert run.crash is None and run.status == 0
    assert "was missing and none of the backups in" in run.err
    assert "started a new, empty history" in run.err
    assert count_answers(folder) == 0
    assert (folder / FILES["backup_file"]).stat().st_size > 0  # left as it was
