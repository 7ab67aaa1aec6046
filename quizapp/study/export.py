"""Exports: a session or mock-interview report as Markdown and as HTML, the history as CSV.

Everything that came from a user or a file is escaped: HTML through ``html.escape``, Markdown by
turning markup characters into entities or backslash escapes, and in CSV every piece of a cell that
a spreadsheet would run as a formula (at the start or after any separator) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import html
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

from quizapp.study.store import Attempt, SessionInfo, Store, StudyMode

CSV_COLUMNS = (
    "id",
    "answered_at",
    "mode",
    "session_id",
    "item_key",
    "item_kind",
    "subject",
    "quantities",
    "difficulty",
    "seed",
    "score",
    "auto_score",
    "confirmed",
    "duration_seconds",
    "mistakes",
    "answer",
    "read_as",
)
_TITLES = {
    StudyMode.DRILL: "Drill session",
    StudyMode.REVIEW: "Review session",
    StudyMode.MOCK: "Mock interview",
    StudyMode.MISTAKES: "Mistakes session",
    StudyMode.QUESTIONS: "Questions session",
}


@dataclass(frozen=True)
class SubjectScore:
    """Mean score of a report's attempts on one topic or cell."""

    subject: str
    attempts: int
    mean_score: float


@dataclass(frozen=True)
class SessionReport:
    """What a session report shows: the session, its attempts (oldest first) and totals."""

    title: str
    session: SessionInfo | None
    attempts: tuple[Attempt, ...]
    mean_score: float | None
    total_seconds: float
    by_subject: tuple[SubjectScore, ...]


def make_report(attempts: Sequence[Attempt], session: SessionInfo | None = None) -> SessionReport:
    """A report over ``attempts`` (the session's, or any selection)."""
    ordered = tuple(sorted(attempts, key=lambda a: (a.answered_at, a.id or 0)))
    groups: dict[str, list[float]] = {}
    for attempt in ordered:
        groups.setdefault(attempt.subject, []).append(attempt.score)
    by_subject = tuple(
        SubjectScore(subject, len(scores), statistics.fmean(scores))
        for subject, scores in sorted(groups.items())
    )
    title = _TITLES[session.mode] if session is not None else "Study report"
    return SessionReport(
        title=title,
        session=session,
        attempts=ordered,
        mean_score=statistics.fmean(a.score for a in ordered) if ordered else None,
        total_seconds=sum(a.duration_seconds for a in ordered),
        by_subject=by_subject,
    )


def session_report(store: Store, session_id: int) -> SessionReport:
    """The report of one stored session."""
    return make_report(store.attempts(session_id=session_id), store.session(session_id))


def _when(moment: datetime | None) -> str:
    return "—" if moment is None else moment.strftime("%Y-%m-%d %H:%M UTC%z")


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{100 * share:.0f}%"


def _header_facts(report: SessionReport) -> list[tuple[str, str]]:
    facts: list[tuple[str, str]] = []
    if report.session is not None:
        facts += [
            ("Mode", report.session.mode.value),
            ("Started", _when(report.session.started_at)),
            ("Ended", _when(report.session.ended_at)),
        ]
    facts += [
        ("Answers", str(len(report.attempts))),
        ("Mean score", _percent(report.mean_score)),
        ("Time spent", f"{report.total_seconds / 60:.1f} min"),
    ]
    return facts


def _attempt_cells(number: int, attempt: Attempt) -> list[str]:
    return [
        str(number),
        attempt.item_key,
        attempt.subject,
        _percent(attempt.score),
        f"{attempt.duration_seconds:.0f} s",
        ", ".join(attempt.mistakes) or "—",
        attempt.read_as,
    ]


_ATTEMPT_HEADERS = ["#", "Item", "Topic / cell", "Score", "Time", "Mistakes", "Read as"]
# Characters that start emphasis, code, links, tables, headings or strikethrough anywhere in a line.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]|#~])")


def escape_markdown(text: str) -> str:
    """Text that Markdown shows literally: no HTML, no emphasis, no links, one line."""
    text = html.escape(text, quote=False)
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return " ".join(text.splitlines())


def report_markdown(report: SessionReport) -> str:
    """The report as Markdown."""
    lines = [f"# {escape_markdown(report.title)}", ""]
    lines += [f"- **{name}**: {escape_markdown(value)}" for name, value in _header_facts(report)]
    if report.by_subject:
        lines += ["", "## By topic or cell", "", "| Topic / cell | Answers | Mean score |"]
        lines += ["| --- | ---: | ---: |"]
        lines += [
            f"| {escape_markdown(row.subject)} | {row.attempts} | {_percent(row.mean_score)} |"
            for row in report.by_subject
        ]
    lines += ["", "## Answers", ""]
    if not report.attempts:
        lines.append("No answers in this session.")
    else:
        lines.append("| " + " | ".join(_ATTEMPT_HEADERS) + " |")
        lines.append("|" + " --- |" * len(_ATTEMPT_HEADERS))
        for number, attempt in enumerate(report.attempts, start=1):
            cells = [escape_markdown(cell) for cell in _attempt_cells(number, attempt)]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _html_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def report_html(report: SessionReport) -> str:
    """The report as a standalone HTML page (every value escaped, no scripts, no external links)."""
    title = html.escape(report.title)
    facts = "\n".join(
        f"<dt>{html.escape(name)}</dt><dd>{html.escape(value)}</dd>"
        for name, value in _header_facts(report)
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        f"<title>{title}</title>",
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:.3em .6em;text-align:left}</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
        f"<dl>\n{facts}\n</dl>",
    ]
    if report.by_subject:
        parts.append("<h2>By topic or cell</h2>")
        parts.append(
            _html_table(
                ["Topic / cell", "Answers", "Mean score"],
                (
                    [row.subject, str(row.attempts), _percent(row.mean_score)]
                    for row in report.by_subject
                ),
            )
        )
    parts.append("<h2>Answers</h2>")
    if report.attempts:
        parts.append(
            _html_table(
                _ATTEMPT_HEADERS,
                (_attempt_cells(n, a) for n, a in enumerate(report.attempts, start=1)),
            )
        )
    else:
        parts.append("<p>No answers in this session.</p>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
# A spreadsheet may split a cell on any of these (the separator depends on the locale: ',' in
# English, ';' in much of Europe, tab or '|' when chosen on import), so every piece between them
# is checked as if it began a cell of its own.
_SEPARATORS = re.compile(r"([,;\t|])")
_FORMULA_TRIGGERS = "=+-@\t\r"


def _safe_piece(piece: str) -> str:
    """``piece`` with an apostrophe before its first character if that would start a formula."""
    rest = piece.lstrip(" ")
    if rest and rest[0] in _FORMULA_TRIGGERS and not _NUMBER.match(rest.rstrip(" ")):
        return piece[: len(piece) - len(rest)] + "'" + rest
    return piece


def csv_safe(text: str) -> str:
    """Prefix an apostrophe to each piece of a cell a spreadsheet would evaluate as a formula.

    A piece is the cell's start or the text after any separator character (``, ; tab |``), so
    ``a;=cmd|...`` stays inert when opened with ';' as the separator; plain numbers are kept.
    """
    if text and text[0] in _FORMULA_TRIGGERS and not _NUMBER.match(text):
        text = "'" + text
    # The split alternates text and separator (odd indices); the first text was handled above.
    pieces = _SEPARATORS.split(text)
    return "".join(
        piece if index % 2 or index == 0 else _safe_piece(piece)
        for index, piece in enumerate(pieces)
    )


def _csv_row(attempt: Attempt) -> list[str]:
    values = [
        "" if attempt.id is None else str(attempt.id),
        attempt.answered_at.isoformat(),
        attempt.mode.value,
        "" if attempt.session_id is None else str(attempt.session_id),
        attempt.item_key,
        attempt.item_kind.value,
        attempt.subject,
        "+".join(attempt.quantities),
        attempt.difficulty or "",
        "" if attempt.seed is None else str(attempt.seed),
        repr(attempt.score),
        "" if attempt.auto_score is None else repr(attempt.auto_score),
        "yes" if attempt.confirmed else "no",
        repr(attempt.duration_seconds),
        " ".join(attempt.mistakes),
        attempt.answer,
        attempt.read_as,
    ]
    return [csv_safe(value) for value in values]


def write_history_csv(attempts: Iterable[Attempt], stream: TextIO) -> int:
    """Write a header and one row per attempt; returns the number of rows written."""
    writer = csv.writer(stream)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for attempt in attempts:
        writer.writerow(_csv_row(attempt))
        count += 1
    return count


def export_history_csv(store: Store, path: Path) -> int:
    """Write the whole history to ``path`` (UTF-8, ``newline=''`` as the csv module asks)."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        return write_history_csv(store.attempts(), stream)
