"""Exports: Markdown and HTML session reports (escaped) and the history as CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizapp.study.export import (
    CSV_COLUMNS,
    escape_markdown,
    export_history_csv,
    report_html,
    report_markdown,
    session_report,
    write_history_csv,
)
from quizapp.study.items import ItemKind
from quizapp.study.store import Attempt, Store, StudyMode

T0 = datetime(2024, 6, 1, 10, 0, tzinfo=UTC)
EVIL = "<script>alert('x')</script> | **bold** [link](http://e.x)"


def attempt(n: int, read_as: str, score: float, session_id: int | None) -> Attempt:
    return Attempt(
        item_key=f"q:q{n}",
        item_kind=ItemKind.QUESTION,
        subject="gates" if n % 2 else "bptt",
        quantities=(),
        difficulty=None,
        seed=None,
        answer=read_as,
        read_as=read_as,
        score=score,
        mistakes=("no-bias",) if score < 1 else (),
        duration_seconds=30.0 * n,
        answered_at=T0 + timedelta(minutes=n),
        mode=StudyMode.MOCK,
        session_id=session_id,
    )


def make_store(tmp_path: Path) -> tuple[Store, int]:
    store = Store.open(tmp_path / "h.sqlite3", now=T0, backup=False)
    session = store.start_session(StudyMode.MOCK, now=T0)
    store.record_attempt(attempt(1, "sigmoid gates in (0, 1)", 1.0, session))
    store.record_attempt(attempt(2, EVIL, 0.0, session))
    store.record_attempt(attempt(3, '=HYPERLINK("http://e.x")', 0.5, session))
    store.record_attempt(attempt(4, "-0.25", 1.0, None))  # another session: not in the report
    store.end_session(session, now=T0 + timedelta(minutes=5))
    return store, session


def test_markdown_report_rows_and_escaping(tmp_path: Path) -> None:
    store, session = make_store(tmp_path)
    with store:
        report = session_report(store, session)
    text = report_markdown(report)
    assert text.startswith("# Mock interview\n")
    assert "<script" not in text
    assert "&lt;script&gt;" in text
    assert "\\| \\*\\*bold\\*\\* \\[link\\]" in text
    answer_rows = [line for line in text.splitlines() if line.startswith(("| 1 ", "| 2 ", "| 3 "))]
    assert [row.split(" | ")[1] for row in answer_rows] == ["q1", "q2", "q3"]
    # Mean score (1 + 0 + 0.5) / 3 = 50%; time 30 + 60 + 90 s = 3.0 min.
    assert "- **Mean score**: 50%" in text
    assert "- **Time spent**: 3.0 min" in text
    # By topic: bptt has q2 (0); gates has q1 and q3 (0.75).
    assert "| Backpropagation through time and its cost | 1 | 0% |" in text
    assert "| gates | 2 | 75% |" in text  # not a topic the bank knows: shown as it is
    # The named mistakes, as the summary screen lists them: q2 and q3 left out the bias.
    assert "## Named mistakes" in text and "| left out the bias | 2 |" in text


def test_escape_markdown_keeps_text_on_one_line() -> None:
    assert escape_markdown("a\nb_c") == "a b\\_c"


def test_html_report_escapes_everything(tmp_path: Path) -> None:
    store, session = make_store(tmp_path)
    with store:
        text = report_html(session_report(store, session))
    assert text.startswith("<!DOCTYPE html>")
    assert "<script" not in text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in text
    assert text.count("<tr><td>") == 2 + 1 + 3  # two topics, one named mistake, three answers
    assert "<td>75%</td>" in text


def test_csv_contains_every_attempt_and_defuses_formulas(tmp_path: Path) -> None:
    store, _ = make_store(tmp_path)
    out = tmp_path / "history.csv"
    with store:
        assert export_history_csv(store, out) == 4
    with out.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert tuple(rows[0]) == CSV_COLUMNS
    records = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]
    assert [r["item_key"] for r in records] == ["q:q1", "q:q2", "q:q3", "q:q4"]
    assert records[1]["read_as"] == EVIL  # CSV keeps the text exactly; only formulas change
    assert records[2]["read_as"] == '\'=HYPERLINK("http://e.x")'
    assert records[3]["read_as"] == "-0.25"  # a number is not a formula
    assert [r["score"] for r in records] == ["1.0", "0.0", "0.5", "1.0"]
    assert [(r["auto_score"], r["confirmed"]) for r in records] == [("", "yes")] * 4
    assert records[1]["mistakes"] == "no-bias"
    assert records[0]["answered_at"] == "2024-06-01T10:01:00+00:00"
    assert records[3]["session_id"] == ""


def test_csv_of_nothing_is_just_the_header() -> None:
    stream = io.StringIO()
    assert write_history_csv([], stream) == 0
    assert stream.getvalue() == ",".join(CSV_COLUMNS) + "\r\n"


def test_csv_defuses_formulas_after_any_separator() -> None:
    """Opened with ';', '|' or tab as the separator, no piece of a cell may start a formula."""
    from quizapp.study.export import csv_safe

    assert csv_safe("a;=cmd|' /C calc'!A0;") == "a;'=cmd|' /C calc'!A0;"
    assert csv_safe("x, +1+cmd") == "x, '+1+cmd"
    assert csv_safe("x|@SUM(A1)") == "x|'@SUM(A1)"
    assert csv_safe("x\t-2+3") == "x\t'-2+3"
    assert csv_safe("x,\r=1") == "x,'\r=1"
    assert csv_safe("=1;=2") == "'=1;'=2"
    # plain numbers stay numbers, alone or as pieces; text without a trigger is untouched
    assert csv_safe("-0.25") == "-0.25"
    assert csv_safe("1;-2,+3.5e-1") == "1;-2,+3.5e-1"
    assert csv_safe("a - b = c") == "a - b = c"
    # written and read back through the csv module, every piece split on ';' is inert
    stream = io.StringIO()
    csv.writer(stream).writerow([csv_safe("a;=cmd|' /C calc'!A0;")])
    for piece in stream.getvalue().strip().split(";"):
        assert not piece.lstrip(' "').startswith(("=", "+", "-", "@"))
