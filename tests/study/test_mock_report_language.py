"""The mock-interview report follows the chosen language in Markdown and HTML (it was English
only), names topics, mistakes, questions and items as the app does, and renders the notation."""

from __future__ import annotations

import re

import pytest

from questions.schema import Text
from questions.topics import TOPICS
from quizapp.drills import MISTAKES
from quizapp.study.display_names import question_type_title
from quizapp.study.items import DrillTemplate
from quizapp.study.mock import (
    ItemTime,
    MissedQuestion,
    MockReport,
    TopicScore,
    mistake_title,
)
from quizapp.study.mock_export import mock_report_html, mock_report_markdown
from quizapp.study.session import summarize_results
from quizapp.study.store import StudyMode

TOPIC = TOPICS[0]
# A mistake whose catalogue title holds notation: h_{t-1} must be rendered, not shown raw.
NOTATION = next(k for k, m in sorted(MISTAKES.items()) if "h_{t-1}" in m.title.en)
DRILL = DrillTemplate("lstm", "standard", ("h",), "standard")


def _report() -> MockReport:
    summary = summarize_results(7, StudyMode.MOCK, [], elapsed_seconds=90.0)
    missed = MissedQuestion(
        "q-1",
        Text(en="Why does the gradient vanish?", zh="梯度为什么会消失？"),
        0.5,
        (Text(en="products of Jacobians", zh="雅可比矩阵连乘"),),
    )
    return MockReport(
        summary=summary,
        budget_seconds=1500,
        score=0.25,
        by_topic=(TopicScore(TOPIC.id, 1, 2, 0.25),),
        mistakes_by_kind=((NOTATION, 2),),
        times=(ItemTime(DRILL.key, "lstm", 0.5, 42.0), ItemTime("q:q-1", TOPIC.id, None, None)),
        study_next=(TOPIC.id,),
        missed=(missed,),
    )


def test_chinese_report_speaks_chinese() -> None:
    report = _report()
    markdown = mock_report_markdown(report, "zh")
    assert markdown.startswith("# 模拟面试\n")
    for heading in ("概况", "各主题得分", "按类型统计的错误", "没答对的题目", "每题用时"):
        assert f"## {heading}" in markdown, heading
    assert "## 接下来该学什么" in markdown
    assert "| 得分（未答计 0） | 25% |" in markdown
    assert "| 已答 | 共 2 项答了 0 项 |" in markdown
    assert "| 用时 | 1.5 / 25 分钟 |" in markdown
    assert TOPIC.title.zh in markdown and TOPIC.title.en not in markdown
    assert "LSTM · 新隐状态" in markdown  # the drill item by its Chinese name
    assert "梯度为什么会消失？" in markdown and "雅可比矩阵连乘" in markdown
    assert mistake_title(NOTATION, "zh") in markdown
    # No English heading or word of the report's own is left.
    for english in ("Score by topic", "Mistakes by kind", "Missed questions", "Overview", "Time"):
        assert english not in markdown, english
    page = mock_report_html(report, "zh")
    assert '<html lang="zh-CN">' in page and "<title>模拟面试</title>" in page
    assert "<h2>没答对的题目</h2>" in page and "<th>漏掉的要点</th>" in page
    assert TOPIC.title.zh in page


def test_english_report_is_unchanged_in_english() -> None:
    report = _report()
    markdown = mock_report_markdown(report)
    assert markdown == mock_report_markdown(report, "en")
    assert markdown.startswith("# Mock interview\n")
    assert "| Score (unanswered count as 0) | 25% |" in markdown
    assert "| Answered | 0 of 2 |" in markdown and "| Time | 1.5 of 25 min |" in markdown
    assert TOPIC.title.en in markdown and "LSTM · new hidden state" in markdown
    assert not re.search(r"[\u4e00-\u9fff]", markdown)  # not a Chinese character
    page = mock_report_html(report, "en")
    assert '<html lang="en">' in page and "<h2>Missed questions</h2>" in page


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_mistake_notation_is_rendered_in_both_languages(lang: str) -> None:
    title = mistake_title(NOTATION, lang)
    assert "hₜ₋₁" in title and "_{" not in title
    for text in (mock_report_markdown(_report(), lang), mock_report_html(_report(), lang)):
        assert "h_{t-1}" not in text and "hₜ₋₁" in text


def test_a_missed_question_of_an_older_history_is_named_by_its_type() -> None:
    assert mistake_title("question:free_text") == "missed question: Free text"
    assert mistake_title("question:free_text", "zh") == "没答对的简答题"
    assert question_type_title("numeric", "zh") == "数值题"
    assert question_type_title("no_such_type") == "no_such_type"


def test_nothing_weak_and_no_mistakes_are_said_in_the_language() -> None:
    base = _report()
    clean = MockReport(base.summary, base.budget_seconds, 1.0, (), (), (), ())
    assert "| 没有薄弱的主题：做得好 |" in mock_report_markdown(clean, "zh")
    assert "| 无 | 0 |" in mock_report_markdown(clean, "zh")
    assert "| Nothing weak: well done |" in mock_report_markdown(clean, "en")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_time_per_item_and_missed_questions_render_quantity_names(lang: str) -> None:
    base = _report()
    prompt = Text(en="Why does W_f h_{t-1} saturate?", zh="为什么 W_f h_{t-1} 会饱和？")
    missed = MissedQuestion("q-2", prompt, 0.0, (Text(en="σ′(a_f) ≤ 1/4", zh="σ′(a_f) ≤ 1/4"),))
    report = MockReport(
        base.summary, base.budget_seconds, base.score, base.by_topic, base.mistakes_by_kind,
        base.times, base.study_next, (missed,),
    )  # fmt: skip
    words = "新隐状态" if lang == "zh" else "new hidden state"
    markdown = mock_report_markdown(report, lang)
    assert f"LSTM · {words} hₜ · " in markdown
    assert "h_t" not in markdown and "h\\_t" not in markdown
    assert "hₜ₋₁" in markdown  # the prompt's notation in Unicode
    page = mock_report_html(report, lang)
    assert f"LSTM · {words} h<sub>t</sub> · " in page and "h_t" not in page
    assert "W<sub>f</sub> h<sub>t−1</sub>" in page and "a<sub>f</sub>" in page
    assert "_" not in re.sub(r"<[^>]+>", "", page.split("<body>")[1])
