"""Reversed statements that the shipped lexicon must not credit, next to the right statement that
it must (issue 11): forms that swallow a misleading word, an opposite concept, a fixed claim.

The blind probe set ``tests/data/freetext_probe2`` (reversed answers only) is checked for sound
labels here; its figures are printed by ``benchmarks/freetext.py --corpus tests/data/freetext_probe2``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.load import load_bank
from quizapp.grading.freetext import default_grader
from quizapp.grading.freetext.evaluate import read_corpus

QUESTIONS = {q.id: q for q in load_bank(include_user_packs=False).questions}
PROBE2 = sorted((Path(__file__).parents[1] / "data" / "freetext_probe2").glob("*.yaml"))


def status(question_id: str, point_id: str, answer: str) -> str:
    grade = default_grader().grade(QUESTIONS[question_id], answer)
    (result,) = [p for p in grade.points if p.point.id == point_id]
    return result.status.value


@pytest.mark.parametrize(
    ("question_id", "point_id", "right", "reversed_answer"),
    [
        (
            "training-pathologies-101",
            "dropout",
            "Use dropout on the inputs and outputs.",
            "Remove the dropout and keep training.",
        ),
        (
            "long-term-deps-005",
            "vary-lag",
            "Vary the lag and plot the accuracy against it.",
            "Fix the lag at one value and report the accuracy.",
        ),
        (
            "lstm-gates-001",
            "hidden-output",
            "The hidden state is h_t = o_t ⊙ tanh(C_t).",
            "The hidden state is h_t = tanh(o_t ⊙ C_t).",
        ),
        (
            "cell-highway-101",
            "fixed-cannot-reset",
            "固定权重为 1 时记忆元无法重置。",
            "1997 年固定权重为 1 的版本其实也能重置。",
        ),
        (
            "light-variants-002",
            "products-only-input",
            "SRU 的矩阵乘法只涉及输入 x_t。",
            "SRU 的矩阵乘法同时涉及 x_t 和上一步的状态，只是矩阵更小。",
        ),
        (
            "language-model-102",
            "uniform-v",
            "A uniform model over V tokens has perplexity V.",
            "A uniform model over V tokens has perplexity 1.",
        ),
        (
            "light-variants-004",
            "long-range-cheap",
            "慢模块以很低的代价保存长时间的信息。",
            "慢模块保存信息的时间更短，代价也更高。",
        ),
        (
            "bptt-001",
            "backward-in-time",
            "The chain rule runs from the last step back to the first.",
            "The gradient of each weight is taken from the last step only.",
        ),
    ],
)
def test_right_statement_made_reversed_one_not(
    question_id: str, point_id: str, right: str, reversed_answer: str
) -> None:
    assert status(question_id, point_id, right) == "made"
    assert status(question_id, point_id, reversed_answer) != "made"


def test_probe2_labels_are_sound() -> None:
    answers = read_corpus(PROBE2)
    assert len(answers) == 198
    for answer in answers:
        ids = {p.id for p in QUESTIONS[answer.question].key_points}
        assert answer.kind == "reversed", answer.text
        assert answer.reversed, answer.text
        assert answer.made <= ids and answer.reversed <= ids, answer.question
        assert not answer.made & answer.reversed, answer.question
    per_question = {(a.question, a.lang) for a in answers}
    assert len(per_question) == len(answers)  # one English and one Chinese answer per question
