"""The mock-interview report as Markdown and as HTML, in English or Chinese (no Qt).

Same sections as the report screen (overview, score by topic, mistakes by kind, missed questions,
time per item, what to study next), the words as the screen says them (study_zh_CN.ts), the
topics, mistakes, questions and items named as the app names them (``display_names``). Every value
is escaped like ``export``'s session reports.
"""

from __future__ import annotations

import html

from questions.vocab import Lang
from quizapp.study.display_names import item_title
from quizapp.study.export import escape_markdown, html_cell, markdown_cell
from quizapp.study.mock import MockReport, mistake_title, topic_title

# The report's own words: (English, Chinese).
_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Mock interview", "模拟面试"),
    "overview": ("Overview", "概况"),
    "score_all": ("Score (unanswered count as 0)", "得分（未答计 0）"),
    "answered": ("Answered", "已答"),
    "answered_of": ("{answered} of {asked}", "共 {asked} 项答了 {answered} 项"),
    "time": ("Time", "用时"),
    "time_of": ("{spent} of {budget} min", "{spent} / {budget} 分钟"),
    "by_topic": ("Score by topic", "各主题得分"),
    "topic": ("Topic", "主题"),
    "score": ("Score", "得分"),
    "by_kind": ("Mistakes by kind", "按类型统计的错误"),
    "mistake": ("Mistake", "错误"),
    "times": ("Times", "次数"),
    "missed": ("Missed questions", "没答对的题目"),
    "question": ("Question", "题目"),
    "points_missed": ("Key points missed", "漏掉的要点"),
    "per_item": ("Time per item", "每题用时"),
    "item": ("Item", "题目"),
    "study_next": ("What to study next", "接下来该学什么"),
    "none": ("None", "无"),
    "nothing_weak": ("Nothing weak: well done", "没有薄弱的主题：做得好"),
}


def _word(name: str, lang: str) -> str:
    en, zh = _WORDS[name]
    return zh if lang == "zh" else en


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{100 * share:.0f}%"


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f} s"


def _sections(report: MockReport, lang: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """(heading, column headers, rows) of each table in ``lang``, the cells in the bank's notation
    (``h_t``: each renderer shows the scripts its own way)."""
    side: Lang = "zh" if lang == "zh" else "en"
    spent = f"{report.summary.elapsed_seconds / 60:.1f}"
    budget = f"{report.budget_seconds / 60:.0f}"
    answered = str(report.summary.answered)
    overview = [
        [_word("score_all", lang), _percent(report.score)],
        [
            _word("answered", lang),
            _word("answered_of", lang).format(answered=answered, asked=len(report.times)),
        ],
        [_word("time", lang), _word("time_of", lang).format(spent=spent, budget=budget)],
    ]
    topics = [
        [topic_title(r.topic, lang), f"{r.answered}/{r.asked}", _percent(r.mean_score)]
        for r in report.by_topic
    ]
    mistakes = [[mistake_title(kind, lang), str(n)] for kind, n in report.mistakes_by_kind]
    times = [
        [
            str(n),
            item_title(t.key, side),
            topic_title(t.topic, lang),
            _percent(t.score),
            _seconds(t.seconds),
        ]
        for n, t in enumerate(report.times, start=1)
    ]
    study = [[topic_title(topic, lang)] for topic in report.study_next]
    missed = [
        [
            m.prompt.get(side),
            _percent(m.score),
            "; ".join(p.get(side) for p in m.missed_points) or "—",
        ]
        for m in report.missed
    ]
    none = _word("none", lang)
    return [
        (_word("overview", lang), ["", ""], overview),
        (
            _word("by_topic", lang),
            [_word("topic", lang), _word("answered", lang), _word("score", lang)],
            topics,
        ),
        (
            _word("by_kind", lang),
            [_word("mistake", lang), _word("times", lang)],
            mistakes or [[none, "0"]],
        ),
        (
            _word("missed", lang),
            [_word("question", lang), _word("score", lang), _word("points_missed", lang)],
            missed or [[none, "", ""]],
        ),
        (
            _word("per_item", lang),
            ["#", *(_word(name, lang) for name in ("item", "topic", "score", "time"))],
            times,
        ),
        (
            _word("study_next", lang),
            [_word("topic", lang)],
            study or [[_word("nothing_weak", lang)]],
        ),
    ]


def mock_report_markdown(report: MockReport, lang: str = "en") -> str:
    """The report as Markdown in ``lang`` ("en" or "zh"), every value escaped."""
    lines = [f"# {escape_markdown(_word('title', lang))}", ""]
    for heading, headers, rows in _sections(report, lang):
        lines += [f"## {escape_markdown(heading)}", ""]
        lines.append("| " + " | ".join(escape_markdown(h) for h in headers) + " |")
        lines.append("|" + " --- |" * len(headers))
        lines += ["| " + " | ".join(markdown_cell(c) for c in row) + " |" for row in rows]
        lines.append("")
    return "\n".join(lines)


def mock_report_html(report: MockReport, lang: str = "en") -> str:
    """The report as a standalone HTML page in ``lang`` (every value escaped, no scripts)."""
    title = html.escape(_word("title", lang))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        f'<head><meta charset="utf-8"><title>{title}</title>',
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:.3em .6em;text-align:left}</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
    ]
    for heading, headers, rows in _sections(report, lang):
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
        body = "\n".join(
            "<tr>" + "".join(f"<td>{html_cell(c)}</td>" for c in row) + "</tr>" for row in rows
        )
        parts.append(
            f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"
        )
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"
