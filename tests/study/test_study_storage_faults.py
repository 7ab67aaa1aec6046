"""The history under faults: empty, rebuilt or incomplete files, backups chosen by content, a
backups folder that cannot be written, unwritable or special history files, locks held by another
process, undo across processes, exports aimed at the data folder and out-of-range clocks."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.cli.review import parse_now
from quizapp.study import store as store_module
from quizapp.study.backup import list_backups
from quizapp.study.items import ItemKind
from quizapp.study.migrations import LATEST_VERSION
from quizapp.study.schedule import ReviewScheduler
from quizapp.study.session import StudyItem, StudySession
from quizapp.study.store import Attempt, Store, StoreError, StudyMode

T0 = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)


def attempt(n: int, at: datetime | None = None) -> Attempt:
    return Attempt(
        item_key=f"q:question-{n % 7}",
        item_kind=ItemKind.QUESTION,
        subject="gates",
        quantities=(),
        difficulty=None,
        seed=None,
        answer=f"answer {n}",
        read_as=f"answer {n}",
        score=(n % 3) / 2,
        mistakes=(),
        duration_seconds=float(n),
        answered_at=at if at is not None else T0 + timedelta(seconds=n),
        mode=StudyMode.QUESTIONS,
    )


def record(path: Path, numbers: range, now: datetime) -> None:
    """Open on ``now`` (making that day's backup first), then record the answers."""
    with Store.open(path, now=now) as store:
        for n in numbers:
            store.record_attempt(attempt(n, now))


def durations(path: Path) -> list[float]:
    with Store.open(path, now=T0, backup=False) as store:
        return [a.duration_seconds for a in store.attempts()]


# ----- empty, rebuilt and incomplete files -------------------------------------------------------


def test_zero_byte_history_restores_the_newest_backup_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    record(path, range(3), T0)
    record(path, range(3, 5), T0 + timedelta(days=1))  # its backup holds answers 0..2
    path.write_bytes(b"")
    with Store.open(path, now=T0 + timedelta(days=1, hours=1), backup=False) as store:
        report = store.report
        assert report.restored_from is not None
        assert report.restored_from.name.startswith("history-")
        assert [a.duration_seconds for a in store.attempts()] == [0.0, 1.0, 2.0]
    assert report.message is not None
    assert "empty: 0 bytes" in report.message
    assert str(report.restored_from) in report.message
    assert report.moved_to is not None and str(report.moved_to) in report.message
    assert report.moved_to.read_bytes() == b""


def test_zero_byte_history_without_backup_says_a_new_history_was_started(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"")
    with Store.open(path, now=T0, backup=False) as store:
        assert store.attempt_count() == 0
        assert store.report.message is not None
        assert "empty: 0 bytes" in store.report.message
        assert "new, empty history" in store.report.message


def test_history_rebuilt_by_dump_and_read_is_adopted_with_all_answers(tmp_path: Path) -> None:
    original = tmp_path / "old.sqlite3"
    with Store.open(original, now=T0, backup=False) as store:
        store.record_attempts([attempt(n) for n in range(40)])
        ReviewScheduler(store).review("q:question-1", 3, T0)
    source = sqlite3.connect(original)
    dump = "\n".join(source.iterdump())  # what `sqlite3 old .dump | sqlite3 new` does
    source.close()
    path = tmp_path / "history.sqlite3"
    rebuilt = sqlite3.connect(path)
    rebuilt.executescript(dump)
    assert rebuilt.execute("PRAGMA user_version").fetchone()[0] == 0
    rebuilt.close()
    with Store.open(path, now=T0, backup=False) as store:
        report = store.report
        assert report.moved_to is None and report.restored_from is None
        assert store.attempt_count() == 40
        assert store.card_item_keys() == {"q:question-1"}
        assert sum(n for n, _ in store.topic_totals().values()) == 40  # INDEXED BY works
        store.record_attempt(attempt(99))
    assert report.message is not None
    assert "repaired it in place" in report.message
    assert f"set the schema version from 0 to {LATEST_VERSION}" in report.message
    assert "kept all 40 answers" in report.message
    assert list(tmp_path.glob("*.damaged-*")) == []
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    conn.close()
    with Store.open(path, now=T0, backup=False) as store:  # now a plain, current history
        assert store.report.message is None
        assert store.attempt_count() == 41


def test_history_missing_columns_gets_them_back_and_keeps_its_answers(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with Store.open(path, now=T0, backup=False) as store:
        store.record_attempts([attempt(n) for n in range(12)])
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX attempts_unconfirmed")
    conn.execute("ALTER TABLE attempts DROP COLUMN confirmed")
    conn.execute("ALTER TABLE attempts DROP COLUMN auto_score")
    conn.execute("DROP TABLE reviews")
    conn.commit()
    conn.close()
    with Store.open(path, now=T0, backup=False) as store:
        report = store.report
        assert report.moved_to is None
        answers = store.attempts()
        assert [a.duration_seconds for a in answers] == [float(n) for n in range(12)]
        assert all(a.confirmed and a.auto_score is None for a in answers)
        assert ReviewScheduler(store).review("q:question-2", 3, T0).review_id == 1
    assert report.message is not None
    assert "added the missing column attempts.auto_score" in report.message
    assert "added the missing column attempts.confirmed" in report.message
    assert "created the missing table 'reviews'" in report.message
    assert "kept all 12 answers" in report.message


def test_foreign_tables_are_still_moved_aside_with_the_full_path_said(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('hello');")
    conn.close()
    with Store.open(path, now=T0, backup=False) as store:
        moved = store.report.moved_to
        assert moved is not None and store.report.message is not None
        assert f"moved, unchanged, to {moved}" in store.report.message
    conn = sqlite3.connect(moved)
    assert conn.execute("SELECT x FROM notes").fetchall() == [("hello",)]
    conn.close()


# ----- backups chosen by content -----------------------------------------------------------------


def test_backup_named_by_a_2099_clock_does_not_win_over_the_newest_real_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "history.sqlite3"
    backups = tmp_path / "backups"
    record(path, range(3), T0)
    record(path, range(3, 5), datetime(2099, 1, 1, tzinfo=UTC))  # backup "2099" holds 3 answers
    for day in range(1, 8):  # a week of real use after that: 2 answers a day
        record(path, range(5 + 2 * day, 7 + 2 * day), T0 + timedelta(days=day))
    # Rotation kept the backups holding the newest answers, not the 2099 name.
    names = [p.name for p in list_backups(backups)]
    assert len(names) == 5
    assert not any(name.startswith("history-2099") for name in names)
    path.write_bytes(b"\0damaged" * 512)
    with Store.open(path, now=T0 + timedelta(days=8), backup=False) as store:
        restored = store.report.restored_from
        assert restored is not None
        assert restored.name.startswith("history-" + (T0 + timedelta(days=7)).strftime("%Y%m%d"))
        # The day-7 backup was made before that day's answers: everything up to day 6 is back.
        assert store.attempt_count() == 5 + 2 * 6


def test_restore_prefers_content_over_a_2099_name(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    backups = tmp_path / "backups"
    record(path, range(2), T0)
    record(path, range(2, 4), T0 + timedelta(days=1))  # backup of day 1: 2 answers
    record(path, range(4, 9), T0 + timedelta(days=2))  # backup of day 2: 4 answers
    # A stale copy under a 2099 name, holding only the first 2 answers.
    day1 = sorted(backups.iterdir())[1]
    (backups / "history-20991231-000000.sqlite3").write_bytes(day1.read_bytes())
    path.write_bytes(b"")
    with Store.open(path, now=T0 + timedelta(days=2, hours=1), backup=False) as store:
        assert store.report.restored_from is not None
        assert not store.report.restored_from.name.startswith("history-2099")
        assert store.attempt_count() == 4


# ----- backups that cannot be made ---------------------------------------------------------------


def test_a_file_where_the_backups_folder_should_be_does_not_block_opening(
    _isolated_data_dir: Path,
) -> None:
    data = _isolated_data_dir
    data.mkdir(parents=True)
    (data / "backups").write_text("not a folder")
    with Store.open(now=T0) as store:
        store.record_attempt(attempt(1))
        assert store.attempt_count() == 1
        assert store.report.backup_made is None
        message = store.report.message
    assert message is not None
    assert "daily backup could not be made" in message and str(data / "backups") in message
    assert (data / "backups").read_text() == "not a folder"


def test_a_failing_backup_does_not_block_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> Path:
        raise PermissionError(13, "Permission denied", str(tmp_path / "backups"))

    monkeypatch.setattr(store_module, "make_backup", refuse)
    with Store.open(tmp_path / "history.sqlite3", now=T0) as store:
        store.record_attempt(attempt(1))
        assert store.report.message is not None
        assert "Permission denied" in store.report.message


def test_stats_with_a_file_for_backups_folder_prints_the_stats(
    _isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _isolated_data_dir.mkdir(parents=True)
    (_isolated_data_dir / "backups").write_text("x")
    assert main(["stats"]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("could not be made") == 1  # said once
    assert "could not back up" not in captured.err and "Traceback" not in captured.err
    assert "Answers: 0" in captured.out


# ----- unwritable and special history files ------------------------------------------------------


def test_history_linked_to_dev_null_is_refused_with_a_clear_message(
    _isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _isolated_data_dir.mkdir(parents=True)
    link = _isolated_data_dir / "history.sqlite3"
    link.symlink_to("/dev/null")
    with pytest.raises(StoreError, match=r"not a regular file \(it leads to /dev/null\)"):
        Store.open(now=T0)
    for command in (["stats"], ["review", "--now", "2025-03-01T09:00+00:00"]):
        assert main(command) == 1
        err = capsys.readouterr().err
        assert "not a regular file" in err and "Traceback" not in err
    assert link.is_symlink() and str(link.readlink()) == "/dev/null"


def test_history_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "history.sqlite3").mkdir()
    with pytest.raises(StoreError, match="not a regular file"):
        Store.open(tmp_path / "history.sqlite3", now=T0)


def _open_read_only(path: Path) -> sqlite3.Connection:
    # As root a chmod'ed file stays writable: open the file read-only as a locked-down user would.
    return sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, timeout=1.0
    )


def test_read_only_history_is_said_at_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.sqlite3"
    record(path, range(2), T0)
    monkeypatch.setattr(Store, "_connect", staticmethod(_open_read_only))
    with pytest.raises(StoreError, match=r"cannot be written .*nothing can be saved"):
        Store.open(path, now=T0, backup=False)


def test_read_only_history_in_the_cli_is_a_message(
    _isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    record(_isolated_data_dir / "history.sqlite3", range(2), T0)
    monkeypatch.setattr(Store, "_connect", staticmethod(_open_read_only))
    for command in (["stats"], ["review", "--now", "2025-03-01T09:00+00:00"]):
        assert main(command) == 1
        err = capsys.readouterr().err
        assert "cannot be written" in err and "Traceback" not in err


def test_a_write_that_fails_mid_session_says_the_answer_was_not_saved(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with Store.open(path, now=T0, backup=False) as store:
        store._conn.execute("PRAGMA query_only = ON")  # any write now fails as on a read-only file
        with pytest.raises(StoreError, match=r"The answer to q:question-1 was NOT saved"):
            store.record_attempt(attempt(1))


# ----- a lock held by another process ------------------------------------------------------------


def test_answer_waits_for_a_lock_held_longer_than_the_busy_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT", 0.2)
    monkeypatch.setattr(store_module, "WRITE_WAIT", 10.0)
    path = tmp_path / "history.sqlite3"
    with Store.open(path, now=T0, backup=False) as store:
        other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        releaser = threading.Timer(1.0, lambda: other.execute("COMMIT"))
        releaser.start()
        start = time.monotonic()
        new_id = store.record_attempt(attempt(1))
        waited = time.monotonic() - start
        releaser.join()
        other.close()
        assert new_id == 1 and store.attempt_count() == 1
        assert 0.8 < waited < 5.0


def test_a_lock_never_released_ends_in_a_clear_not_saved_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT", 0.1)
    monkeypatch.setattr(store_module, "WRITE_WAIT", 0.5)
    path = tmp_path / "history.sqlite3"
    with Store.open(path, now=T0, backup=False) as store:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError, match=r"NOT saved: .*stayed locked by another program"):
                store.record_attempt(attempt(1))
            with pytest.raises(StoreError, match="rating of q:question-1 was NOT saved"):
                ReviewScheduler(store).review("q:question-1", 3, T0)
        finally:
            other.execute("ROLLBACK")
            other.close()
        store.record_attempt(attempt(2))  # once the lock is gone, writing works again
        assert store.attempt_count() == 1


# ----- undo across processes ---------------------------------------------------------------------


def _question_session(store: Store, keys: list[str]) -> StudySession:
    from questions.load import load_bank

    by_key = {f"q:{q.id}": q for q in load_bank().questions}
    items = [StudyItem.of_question(by_key[key]) for key in keys]
    return StudySession(
        store, items, StudyMode.REVIEW, scheduler=ReviewScheduler(store), now=lambda: T0, seed=1
    )


def test_undo_after_another_process_reviewed_keeps_that_review(tmp_path: Path) -> None:
    from questions.load import load_bank

    keys = [f"q:{q.id}" for q in load_bank().questions[:2]]
    path = tmp_path / "history.sqlite3"
    with Store.open(path, now=T0, backup=False) as mine, Store.open(path, backup=False) as theirs:
        session = _question_session(mine, keys[:1])
        session.reveal()
        session.rate(3)
        # Another process reviews another item after our rating.
        ReviewScheduler(theirs).review(keys[1], 4, T0)
        assert session.undo()
        assert theirs.card_json(keys[1]) is not None
        assert theirs.last_review() is not None and theirs.last_review().item_key == keys[1]
        assert mine.card_json(keys[0]) is None  # ours was a new card: undone


def test_undo_is_refused_when_another_process_reviewed_the_same_item(tmp_path: Path) -> None:
    from questions.load import load_bank

    key = f"q:{load_bank().questions[0].id}"
    path = tmp_path / "history.sqlite3"
    with Store.open(path, now=T0, backup=False) as mine, Store.open(path, backup=False) as theirs:
        session = _question_session(mine, [key])
        session.reveal()
        session.rate(3)
        later = ReviewScheduler(theirs).review(key, 4, T0 + timedelta(minutes=1))
        card = theirs.card_json(key)
        assert not session.undo()
        assert session.undo_refused is not None and "reviewed again since" in session.undo_refused
        assert not session.can_undo()
        assert mine.card_json(key) == card
        assert mine.review(later.review_id) is not None


# ----- exports and clocks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["history.sqlite3", "history.sqlite3-wal", "settings.json", "x.csv"]
)
def test_stats_csv_into_the_data_folder_is_refused(
    _isolated_data_dir: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    record(_isolated_data_dir / "history.sqlite3", range(3), T0)
    before = (_isolated_data_dir / "history.sqlite3").read_bytes()
    target = _isolated_data_dir / name
    assert main(["stats", "--csv", str(target)]) == 2
    err = capsys.readouterr().err
    assert "refusing to write the export inside the data folder" in err
    assert (_isolated_data_dir / "history.sqlite3").read_bytes() == before
    assert name != "x.csv" or not target.exists()
    assert durations(_isolated_data_dir / "history.sqlite3") == [0.0, 1.0, 2.0]


def test_stats_csv_through_a_link_into_the_data_folder_is_refused(
    _isolated_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record(_isolated_data_dir / "history.sqlite3", range(3), T0)
    link = tmp_path / "export.csv"
    link.symlink_to(_isolated_data_dir / "history.sqlite3")
    assert main(["stats", "--csv", str(link)]) == 2
    assert "refusing" in capsys.readouterr().err
    assert durations(_isolated_data_dir / "history.sqlite3") == [0.0, 1.0, 2.0]


@pytest.mark.parametrize("text", ["9999-12-31T00:00+00:00", "0001-01-01T00:00+01:00", "9999-12-31"])
def test_review_now_out_of_range_is_a_clear_error(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ValueError, match="between 1970 and 9000"):
        parse_now(text)
    assert main(["review", "--now", text]) == 2
    err = capsys.readouterr().err
    assert f"--now {text!r}" in err and "Traceback" not in err


def test_review_now_in_2099_still_works() -> None:
    assert parse_now("2099-01-01T00:00+00:00") == datetime(2099, 1, 1, tzinfo=UTC)


# ----- recovery keeps what a damaged file still holds --------------------------------------------


def test_answers_after_the_backup_are_salvaged_from_a_truncated_file(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    record(path, range(5), T0)  # the day-0 backup is empty
    record(path, range(5, 10), T0 + timedelta(days=1))  # the day-1 backup holds answers 0..4
    with Store.open(path, now=T0 + timedelta(days=1, hours=1)) as store:
        store.record_attempts([attempt(n) for n in range(10, 400)])  # many pages
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.truncate(size * 3 // 4)
    with Store.open(path, now=T0 + timedelta(days=1, hours=2), backup=False) as store:
        report = store.report
        assert report.restored_from is not None and report.moved_to is not None
        kept = {a.duration_seconds for a in store.attempts()}
    # Everything of the backup (answers 0..4), plus what the damaged file could still give.
    assert set(map(float, range(5))) <= kept
    assert len(kept) > 200
    assert report.message is not None
    assert f"{len(kept) - 5} answers that the moved file still held" in report.message
    # Reading them again finds nothing new: nothing is copied twice.
    with Store.open(path, now=T0, backup=False) as store:
        assert store.attempt_count() == len(kept)


def test_salvage_without_any_backup_keeps_every_readable_answer(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with Store.open(path, now=T0, backup=False) as store:
        store.record_attempts([attempt(n) for n in range(300)])
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[-page:] = b"\xff" * page  # the last page (an index's) is garbage
    path.write_bytes(bytes(data))
    with Store.open(path, now=T0, backup=False) as store:
        assert store.report.moved_to is not None and store.report.restored_from is None
        count = store.attempt_count()
        answers = store.attempts()
    assert count == 300  # the answers' own pages are intact: none is hidden
    assert [a.duration_seconds for a in answers] == sorted(a.duration_seconds for a in answers)
