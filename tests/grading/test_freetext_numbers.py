"""A key point that states an exact value is not made by a clause that writes another one."""

from __future__ import annotations

import pytest

from questions.load import load_bank
from questions.schema import Question
from quizapp.grading.freetext import default_grader
from quizapp.grading.freetext.numbers import PointValues, written_values

BANK = {q.id: q for q in load_bank(include_user_packs=False).questions}


def status(question_id: str, point_id: str, answer: str) -> str:
    question: Question = BANK[question_id]
    grade = default_grader().grade(question, answer)
    return next(p.status.value for p in grade.points if p.point.id == point_id)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("the weight is fixed at 1.0", {1.0}),
        ("LSTM 4块 vs GRU 3块", {4.0, 3.0}),  # a Chinese measure word after the digit
        ("the ratio is 3:4, i.e. 75%", {0.75}),
        ("4.17 ≈ ln65", {4.17, 65.0}),
        ("h_{t-1}, fp16, O(1), 1e-4 and x2", set()),  # indices, names, exponents
        ("Gers et al. 2000 used 0.5", {0.5}),  # a year is a citation
        # a worked result after "=" and an exponent are not written values; an argument is
        ("e^0 = 1 and σ(0)=0.5", {0.0}),
        ("t mod T = 1", {1.0}),  # a condition's value is written ("e^0 = 1" is worked out)
        ("shifted by two; three quarters of the size; a half", {2.0, 0.75, 0.5}),
        ("the one-step Jacobian of each one, in half-precision", set()),  # no values
        ("concatenated to size 3n, plus +4n", {3.0, 4.0}),  # a size's coefficient
        ("h_{t+1} and (n+1)", set()),
        ("a bias of -1, in (−1, 1)", {-1.0, 1.0}),  # a sign, not an index
        ("h_n[-1] and out[:, 0, n:]", set()),  # positions in brackets
        ("the backward half of out", set()),  # "half" alone is a part, not a value
    ],
)
def test_the_numbers_an_answer_writes(text: str, values: set[float]) -> None:
    assert sorted(written_values([text])) == pytest.approx(sorted(values))


def test_bounds_and_examples_are_not_exact_values() -> None:
    point = PointValues.of(["with bias 1 the gate starts mostly open (≈ 0.73)"])
    assert point.exact == {1.0}
    assert sorted(point.allowed) == pytest.approx([0.73, 1.0])
    assert not point.contradicted_by(frozenset({0.73}))  # the example the point allows
    assert point.contradicted_by(frozenset({0.27}))
    bound = PointValues.of(["the gradient decays when f < 1"])
    assert not bound.exact
    assert not bound.contradicted_by(frozenset({0.9}))  # f = 0.9 is an example, not a claim


def test_a_wrong_value_in_the_right_words_contradicts_the_point() -> None:
    right_en = "The CEC is the cell's self-loop with its weight fixed at 1.0."
    wrong_en = "The CEC is the cell's self-loop with its weight fixed at 0.5."
    assert status("cell-highway-008", "weight-one", right_en) == "made"
    assert status("cell-highway-008", "weight-one", wrong_en) == "contradicted"
    assert status("cell-highway-008", "weight-one", "CEC 是记忆元的自连接，权重固定为1。") == "made"
    wrong_zh = "CEC 是记忆元的自连接，权重固定为 0.5。"
    assert status("cell-highway-008", "weight-one", wrong_zh) == "contradicted"


def test_an_example_value_the_point_gives_is_not_a_contradiction() -> None:
    example = "偏置设成1，门大约是0.73，一开始基本是打开的。"
    assert status("rnn-init-001", "starts-open", example) == "made"
    wrong = "偏置设成1，门大约是0.27，一开始基本是关着的。"
    assert status("rnn-init-001", "starts-open", wrong) == "contradicted"


def test_a_worked_result_does_not_count_as_another_value() -> None:
    answer = "If you put 0 as the score, e^0 = 1, so the pad still gets a share and leaks in."
    assert status("attention-rnn-003", "zero-score-leaks", answer) == "made"
    ratio = "The GRU has 3 blocks and the LSTM 4, so the parameter ratio is 3:4."
    assert status("gru-vs-lstm-002", "ratio", ratio) == "made"
    assert status("gru-vs-lstm-002", "ratio", ratio.replace("3:4", "1/2")) != "made"


def test_a_number_far_from_the_words_is_not_their_value() -> None:
    answer = (
        "The CEC is the cell's self-loop with a fixed weight that carries the error back "
        "unchanged over as many as 100 time steps."
    )
    assert status("cell-highway-008", "weight-one", answer) == "made"
