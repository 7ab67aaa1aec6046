"""Exports: a session or mock-interview report as Markdown and as HTML, the history as CSV.

The reports speak the chosen language (``lang`` "en" or "zh") and name everything as the app does
(``display_names``: "LSTM · new hidden state h_t · Standard", a mistake's title), never by an
internal key; the Markdown and HTML reports hold the same sections as the summary screen.

Everything that came from a user or a file is escaped: HTML through ``html.escape``, Markdown by
turning markup characters into entities or backslash escapes, and in CSV every piece of a cell that
a spreadsheet would run as a formula (at the start or after any separator) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import html
import os
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

from quizapp.richtext import to_html, to_unicode
from quizapp.study.display_names import item_title, readings, subject_title
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
_TITLES_ZH = {
    StudyMode.DRILL: "计算练习",
    StudyMode.REVIEW: "复习",
    StudyMode.MOCK: "模拟面试",
    StudyMode.MISTAKES: "错题练习",
    StudyMode.QUESTIONS: "问题练习",
}
# The reports' own words; the Chinese as on the summary screen (study_zh_CN.ts).
_WORDS: dict[str, tuple[str, str]] = {
    "report": ("Study report", "学习报告"),
    "mode": ("Mode", "模式"),
    "started": ("Started", "开始"),
    "ended": ("Ended", "结束"),
    "answers": ("Answers", "作答"),
    "mean": ("Mean score", "平均得分"),
    "time_spent": ("Time spent", "用时"),
    "by_subject": ("By topic or cell", "按主题或单元"),
    "subject": ("Topic / cell", "主题 / 单元"),
    "named": ("Named mistakes", "识别出的错误"),
    "mistake": ("Mistake", "错误"),
    "times": ("Times", "次数"),
    "item": ("Item", "题目"),
    "score": ("Score", "得分"),
    "time": ("Time", "用时"),
    "mistakes": ("Mistakes", "错误"),
    "read_as": ("Read as", "识别为"),
    "none": ("No answers in this session.", "本次没有作答。"),
    "minutes": ("min", "分钟"),
}


def _word(name: str, lang: str) -> str:
    en, zh = _WORDS[name]
    return zh if lang == "zh" else en


def _title(report: SessionReport, lang: str) -> str:
    if report.session is None:
        return _word("report", lang)
    return (_TITLES_ZH if lang == "zh" else _TITLES)[report.session.mode]


def _mistake_counts(report: SessionReport) -> list[tuple[str, int]]:
    """Each named mistake of the report and how often it was made, most frequent first."""
    counts: dict[str, int] = {}
    for attempt in report.attempts:
        for mistake in attempt.mistakes:
            counts[mistake] = counts.get(mistake, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _mistake_name(kind: str, lang: str) -> str:
    from quizapp.study.mock import mistake_title

    return mistake_title(kind, lang)


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


def _header_facts(report: SessionReport, lang: str) -> list[tuple[str, str]]:
    facts: list[tuple[str, str]] = []
    if report.session is not None:
        facts += [
            (_word("mode", lang), _title(report, lang)),
            (_word("started", lang), _when(report.session.started_at)),
            (_word("ended", lang), _when(report.session.ended_at)),
        ]
    facts += [
        (_word("answers", lang), str(len(report.attempts))),
        (_word("mean", lang), _percent(report.mean_score)),
        (_word("time_spent", lang), f"{report.total_seconds / 60:.1f} {_word('minutes', lang)}"),
    ]
    return facts


def _attempt_cells(number: int, attempt: Attempt, lang: str) -> list[str]:
    return [
        str(number),
        item_title(attempt.item_key, lang),
        subject_title(attempt.subject, lang),
        _percent(attempt.score),
        f"{attempt.duration_seconds:.0f} s",
        "; ".join(_mistake_name(m, lang) for m in attempt.mistakes) or "—",
        readings(attempt.read_as, attempt.subject, lang) or "—",
    ]


def _attempt_headers(lang: str) -> list[str]:
    names = ("item", "subject", "score", "time", "mistakes", "read_as")
    return ["#", *(_word(name, lang) for name in names)]


def _sections(report: SessionReport, lang: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """The tables of a report, as on the summary screen: (title, headers, rows)."""
    sections = []
    if report.by_subject:
        sections.append(
            (
                _word("by_subject", lang),
                [_word("subject", lang), _word("answers", lang), _word("mean", lang)],
                [
                    [subject_title(row.subject, lang), str(row.attempts), _percent(row.mean_score)]
                    for row in report.by_subject
                ],
            )
        )
    mistakes = _mistake_counts(report)
    if mistakes:
        sections.append(
            (
                _word("named", lang),
                [_word("mistake", lang), _word("times", lang)],
                [[_mistake_name(kind, lang), str(count)] for kind, count in mistakes],
            )
        )
    return sections


# Characters that start emphasis, code, links, tables, headings or strikethrough anywhere in a line.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]|#~])")


def escape_markdown(text: str) -> str:
    """Text that Markdown shows literally: no HTML, no emphasis, no links, one line."""
    text = html.escape(text, quote=False)
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return " ".join(text.splitlines())


def markdown_cell(text: str) -> str:
    """A table cell in the bank's notation (``h_t``, ``C_{t−1}``) as escaped Markdown with Unicode
    scripts (hₜ, Cₜ₋₁)."""
    return escape_markdown(to_unicode(text))


def html_cell(text: str) -> str:
    """A table cell in the bank's notation as escaped HTML with ``<sub>``/``<sup>`` (quotes
    escaped too, as ``html.escape`` does: the markup ``to_html`` adds has none)."""
    return to_html(text).replace('"', "&quot;").replace("'", "&#x27;")


def _markdown_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(escape_markdown(h) for h in headers) + " |"]
    lines.append("|" + " --- |" * len(headers))
    lines += ["| " + " | ".join(markdown_cell(cell) for cell in row) + " |" for row in rows]
    return lines


def report_markdown(report: SessionReport, lang: str = "en") -> str:
    """The report as Markdown, in ``lang``."""
    lines = [f"# {escape_markdown(_title(report, lang))}", ""]
    lines += [
        f"- **{escape_markdown(name)}**: {escape_markdown(value)}"
        for name, value in _header_facts(report, lang)
    ]
    for title, headers, rows in _sections(report, lang):
        lines += ["", f"## {escape_markdown(title)}", "", *_markdown_table(headers, rows)]
    lines += ["", f"## {escape_markdown(_word('answers', lang))}", ""]
    if not report.attempts:
        lines.append(_word("none", lang))
    else:
        lines += _markdown_table(
            _attempt_headers(lang),
            (_attempt_cells(n, a, lang) for n, a in enumerate(report.attempts, start=1)),
        )
    return "\n".join(lines) + "\n"


def _html_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{html_cell(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def report_html(report: SessionReport, lang: str = "en") -> str:
    """The report as a standalone HTML page in ``lang`` (every value escaped, no scripts, no
    external links)."""
    title = html.escape(_title(report, lang))
    facts = "\n".join(
        f"<dt>{html.escape(name)}</dt><dd>{html.escape(value)}</dd>"
        for name, value in _header_facts(report, lang)
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        '<head><meta charset="utf-8">',
        f"<title>{title}</title>",
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:.3em .6em;text-align:left}</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
        f"<dl>\n{facts}\n</dl>",
    ]
    for section, headers, rows in _sections(report, lang):
        parts.append(f"<h2>{html.escape(section)}</h2>")
        parts.append(_html_table(headers, rows))
    parts.append(f"<h2>{html.escape(_word('answers', lang))}</h2>")
    if report.attempts:
        parts.append(
            _html_table(
                _attempt_headers(lang),
                (_attempt_cells(n, a, lang) for n, a in enumerate(report.attempts, start=1)),
            )
        )
    else:
        parts.append(f"<p>{html.escape(_word('none', lang))}</p>")
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
    """Write the whole history to ``path`` (UTF-8, ``newline=''`` as the csv module asks).

    Written to a temporary file beside ``path`` and renamed: a full disk leaves no half export
    (and no file that looks complete), and an existing file is replaced only by a whole one."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as stream:
            rows = write_history_csv(store.attempts(), stream)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return rows
