"""The bank's written style: Chinese spacing (enforced by the validator) and one true/false pair."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from questions.lexicon import shipped_lexicon
from questions.load import load_bank, load_file
from questions.schema import Question, Text
from questions.validate import ZH_SPACING
from questions.zh_spacing import spacing_problem

QUESTIONS = load_bank(include_user_packs=False).questions


def zh_texts(question: Question) -> list[tuple[str, str]]:
    """Every (field, Chinese text) of ``question``."""
    texts: list[tuple[str, Text | None]] = [
        ("prompt", question.prompt),
        ("answer", question.answer),
        ("explanation", question.explanation),
        ("unit", question.unit),
    ]
    for option in question.options:
        texts += [(f"options.{option.id}", option.text), ("why_wrong", option.why_wrong)]
    texts += [(f"items.{item.id}", item.text) for item in question.items]
    for pair in question.pairs:
        texts += [("pairs.left", pair.left), ("pairs.right", pair.right)]
    texts += [(f"key_points.{point.id}", point.text) for point in question.key_points]
    return [(field, text.zh) for field, text in texts if text is not None]


# -- the rule ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("它有记忆元， 隐状态和门。", "a space next to full-width punctuation"),
        ("作用： 在候选状态里", "a space next to full-width punctuation"),
        ("见《动手学深度学习》、 Keras 文档", "a space next to full-width punctuation"),
        ("写成 h_t （都当作标量）", "a space next to full-width punctuation"),
        ("在门算出来之前 用一次矩阵乘法", "a space between two Chinese characters"),
        ("在第 t步", "no space between Chinese and a Latin letter or digit"),
        ("对状态做detach", "no space between Chinese and a Latin letter or digit"),
        ("共 3块", "no space between Chinese and a Latin letter or digit"),
        ("用 GRU  模型", "two spaces in a row"),
    ],
)
def test_spacing_rule_finds_each_kind(text: str, wrong: str) -> None:
    problem = spacing_problem(text)
    assert problem is not None and wrong in problem


def test_spacing_message_quotes_the_snippet_and_counts_the_rest() -> None:
    problem = spacing_problem("记忆元， 隐状态， 门")
    assert problem is not None
    assert "“记忆元， 隐状态， 门”" in problem and "(1 more like it)" in problem


@pytest.mark.parametrize(
    "text",
    [
        "GRU 没有输出门，隐状态直接输出。",
        "在第 t 步对状态做 detach：梯度在这里停止。",
        "n = tanh(W_n x + b_n + r ⊙ (U_n h + bh_n))，其中 r 是重置门。",
        "C_t = f ⊙ C_{t-1} + …，所以 f ≈ 1 时记忆保留。",
        "少 25 %（3/4）。",
    ],
)
def test_spacing_rule_accepts_good_text(text: str) -> None:
    assert spacing_problem(text) is None


def test_validator_names_file_line_question_field_and_snippet(tmp_path: Path) -> None:
    question = {
        "id": "gen-001",
        "topic": "lstm-gates",
        "difficulty": "easy",
        "type": "numeric",
        "source": "Hochreiter & Schmidhuber 1997, Long Short-Term Memory, §4",
        "prompt": {"en": "p", "zh": "问"},
        "answer": {"en": "a", "zh": "答"},
        "explanation": {"en": "e", "zh": "在第 t步"},
        "value": 1,
    }
    path = tmp_path / "pack.yaml"
    document = {"format": 1, "module": "gen", "questions": [question]}
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
    result = load_file(path)
    assert result.questions == ()
    [problem] = result.problems
    assert (problem.file, problem.question_id, problem.field) == (
        str(path),
        "gen-001",
        "explanation.zh",
    )
    assert problem.kind == ZH_SPACING
    lines = path.read_text("utf-8").splitlines()
    assert lines[problem.line - 1].strip().startswith("zh: 在第 t步")
    assert "“在第 t步”" in str(problem)


# -- the shipped bank ------------------------------------------------------------------------------


def test_every_chinese_text_of_the_bank_keeps_the_rule() -> None:
    broken = [
        (q.id, field, problem)
        for q in QUESTIONS
        for field, text in zh_texts(q)
        if (problem := spacing_problem(text)) is not None
    ]
    assert broken == []


def test_misconception_texts_keep_the_rule() -> None:
    lexicon = shipped_lexicon()
    broken = [
        (m.id, problem)
        for m in lexicon.misconceptions
        for text in (m.text.zh, m.correction.zh)
        if (problem := spacing_problem(text)) is not None
    ]
    assert broken == []


def test_true_false_reads_dui_cuo_everywhere() -> None:
    true_false = [q for q in QUESTIONS if q.answer_type == "true_false"]
    assert len(true_false) >= 10
    for question in true_false:
        shown = {o.id: (o.text.en, o.text.zh) for o in question.options}
        assert shown == {"true": ("True", "对"), "false": ("False", "错")}, question.id
        word = "对" if question.correct == ("true",) else "错"
        assert question.answer.zh[0] == word and question.answer.zh[1] in "。：", question.id
        assert question.prompt.zh.startswith("判断对错："), question.id
        assert question.prompt.en.startswith("True or false: "), question.id


# -- sources ---------------------------------------------------------------------------------------

REVIEW = Path(__file__).resolve().parents[2] / "docs" / "bank-review.md"


def test_every_question_names_a_paper_or_documentation_page() -> None:
    for question in QUESTIONS:
        source = question.source
        assert source and "\n" not in source and len(source) <= 300, question.id
        assert re.search(r"\b(19|20)\d\d\b|documentation|https://|§", source), question.id


def test_review_table_matches_the_sources_in_the_bank() -> None:
    rows = [line.split(" | ") for line in REVIEW.read_text("utf-8").splitlines()]
    reviewed = {row[0].lstrip("| "): row[1] for row in rows if len(row) == 3 and "-" in row[0]}
    by_id = {q.id: q for q in QUESTIONS}
    assert len(reviewed) >= 189
    for question_id, source in reviewed.items():
        assert by_id[question_id].source.replace("|", "/") == source, question_id


def test_question_without_source_is_reported(tmp_path: Path) -> None:
    question = {
        "id": "gen-001",
        "topic": "lstm-gates",
        "difficulty": "easy",
        "type": "numeric",
        "prompt": {"en": "p", "zh": "问"},
        "answer": {"en": "a", "zh": "答"},
        "explanation": {"en": "e", "zh": "释"},
        "value": 1,
    }
    path = tmp_path / "pack.yaml"
    document = {
        "format": 1,
        "module": "gen",
        "questions": [
            question,
            {**json.loads(json.dumps(question)), "id": "gen-002", "source": "x\ny"},
        ],
    }
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
    result = load_file(path)
    assert result.questions == ()
    found = [(p.question_id, p.field, p.message.split(";")[0]) for p in result.problems]
    assert found == [
        ("gen-001", "source", "missing"),
        ("gen-002", "source", "expected one line of at most 300 characters"),
    ]


def test_citations_put_the_source_first_and_skip_references_it_names() -> None:
    by_id = {q.id: q for q in QUESTIONS}
    cited = by_id["gru-vs-lstm-007"].citations()
    assert cited[0] == by_id["gru-vs-lstm-007"].source
    assert "PyTorch documentation, torch.nn.GRU" not in cited[1:]
    assert Question.citations(replace(by_id["gru-vs-lstm-007"], source="")) == (
        "PyTorch documentation, torch.nn.GRU",
    )
