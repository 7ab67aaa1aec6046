"""Session reports name things as the app does, in the chosen language: no internal keys (item keys,
mistake ids, cell or quantity keys), no repeated "read as", the named-mistakes table, and the names'
notation rendered (hₜ in Markdown, h<sub>t</sub> in HTML, never a raw h_t)."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta

import pytest

from quizapp.study.export import escape_markdown, make_report, report_html, report_markdown
from quizapp.study.items import ItemKind
from quizapp.study.store import Attempt, SessionInfo, StudyMode

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
# What an internal key looks like: an item key, or a hyphenated mistake id.
INTERNAL = re.compile(r"\b[dq]:[\w:+-]+|\bh-old-cell\b|\bno-bias\b|shape_output|\blstm\b")


def _drill(n: int, key: str, subject: str, mistakes: tuple[str, ...], read_as: str) -> Attempt:
    return Attempt(
        item_key=key,
        item_kind=ItemKind.DRILL,
        subject=subject,
        quantities=tuple(key.split(":")[3].split("+")),
        difficulty="standard",
        seed=990802,
        answer="{}",
        read_as=read_as,
        score=0.34 if mistakes else 1.0,
        mistakes=mistakes,
        duration_seconds=40.0,
        answered_at=T0 + timedelta(minutes=n),
        mode=StudyMode.DRILL,
        session_id=1,
    )


@pytest.fixture
def report() -> object:
    attempts = [
        _drill(
            1,
            "d:lstm:standard:h:standard",
            "lstm",
            ("h-old-cell",),
            "h = read as [-0.644, -0.068, -0.117]",
        ),
        _drill(
            2, "d:gru:pytorch:shape_output:standard", "gru", (), "shape_output = read as (5, 3)"
        ),
        _drill(3, "d:lstm:standard:h:standard", "lstm", ("h-old-cell",), "h = read as [0.1]"),
    ]
    session = SessionInfo(1, StudyMode.DRILL, T0, T0 + timedelta(minutes=5))
    return make_report(attempts, session)


@pytest.mark.parametrize("render", [report_markdown, report_html])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_internal_keys_and_names_in_the_language(
    report: object, render: object, lang: str
) -> None:
    text = render(report, lang)  # type: ignore[operator]
    markdown = render is report_markdown
    shown = escape_markdown if markdown else html.escape
    h_t = "hₜ" if markdown else "h<sub>t</sub>"
    assert not INTERNAL.findall(text), INTERNAL.findall(text)
    assert "read as" not in text
    assert "h_t" not in text and "h\\_t" not in text
    words = f"新隐状态 {h_t}" if lang == "zh" else f"new hidden state {h_t}"
    assert words + shown(" = [-0.644, -0.068, -0.117]") in text
    if lang == "zh":
        assert shown("计算 h 时用了旧的记忆元") in text  # the mistake's Chinese title
        assert f"LSTM · 新隐状态 {h_t} · 标准" in text
        assert shown("GRU · output 的形状") in text
        assert shown("识别出的错误") in text and shown("计算练习") in text
    else:
        assert shown("used the old cell state for h") in text
        assert f"LSTM · new hidden state {h_t} · Standard" in text
        assert shown("GRU · shape of output") in text
        assert shown("Named mistakes") in text and shown("Drill session") in text


def test_markdown_has_the_named_mistakes_table(report: object) -> None:
    text = report_markdown(report, "en")  # type: ignore[arg-type]
    lines = text.splitlines()
    start = lines.index("## Named mistakes")
    assert lines[start + 2 : start + 5] == [
        "| Mistake | Times |",
        "| --- | --- |",
        "| used the old cell state for h | 2 |",
    ]
