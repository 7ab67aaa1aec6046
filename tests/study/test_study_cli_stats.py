"""``quizapp stats`` prints the summary of the history in the data folder and can write CSV."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.study.items import ItemKind
from quizapp.study.store import Attempt, Store, StudyMode


def test_stats_command_prints_summary_and_writes_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    with Store.open(data / "history.sqlite3") as store:
        store.record_attempt(
            Attempt(
                item_key="d:gru:pytorch:h:standard",
                item_kind=ItemKind.DRILL,
                subject="gru",
                quantities=("h",),
                difficulty="standard",
                seed=3,
                answer='{"h": "0.1"}',
                read_as="h = 0.1",
                score=0.5,
                mistakes=("swap-z",),
                duration_seconds=42.0,
                answered_at=datetime.now(UTC),
                mode=StudyMode.DRILL,
            )
        )
    out = tmp_path / "out.csv"
    assert main(["--data-dir", str(data), "stats", "--csv", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Answers: 1    Streak: 1 day\n" in printed
    assert "gru h" in printed and "50%  (1 answer)\n" in printed
    assert "Median time per drill: 42.0 s" in printed and "42.0  (1 drill)\n" in printed
    assert f"Wrote 1 answer to {out}\n" in printed
    assert out.read_text(encoding="utf-8").count("\n") == 2
