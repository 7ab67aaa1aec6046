"""Answers whose values are too small to compute (below 2^-800) are refused as such, not as values
"beyond 2^400"; each limit of the bounded evaluator is named by the error it raises."""

from __future__ import annotations

import time

import pytest

from quizapp.grading.evaluation import Limit, OutOfRange, value_at
from quizapp.grading.messages import localize
from quizapp.grading.reader import read_expression
from quizapp.grading.symbolic import CANNOT_CHECK, TOO_LARGE, check_expression

UNDERFLOW = (
    "the expression cannot be checked (its values fall below 2^-800 (about 1e-241) at the test "
    "points: too small to compute, they underflow); nothing was graded: write it without such "
    "small numbers"
)


@pytest.mark.parametrize(
    "answer", ["1e-400*n", "1e-300*n", "n*10^-400", "(1e-100*n)^5", "n*2^-900", "exp(-5000*n)"]
)
def test_an_underflowing_answer_is_refused_as_too_small(answer: str) -> None:
    grade = check_expression(answer, "n", ["n"])
    assert not grade.correct
    assert grade.error == UNDERFLOW
    assert grade.error.startswith(CANNOT_CHECK) and "beyond" not in grade.error
    zh = localize(grade.error, "zh")
    assert "下溢" in zh and "小于 2^-800" in zh and "超过" not in zh


def test_a_too_large_answer_keeps_its_own_message() -> None:
    grade = check_expression("(1e10*n)^50", "n", ["n"])
    assert grade.error is not None and grade.error.startswith(TOO_LARGE)
    assert "beyond 2^400" in grade.error


def test_small_values_inside_the_range_are_still_graded() -> None:
    assert check_expression("1e-200*n/1e-200", "n", ["n"]).correct
    assert not check_expression("1e-200*n", "n", ["n"]).correct  # a real difference, no refusal
    assert check_expression("1e-200*n", "1e-200*n", ["n"]).error is None


def _limit(text: str) -> Limit:
    expr = read_expression(text, ["n"]).expr
    assert expr is not None
    with pytest.raises(OutOfRange) as raised:
        value_at(expr, {"n": 0.5}, time.perf_counter() + 5)
    return raised.value.limit


def test_each_out_of_range_error_names_its_limit() -> None:
    assert _limit("1e-400*n") is Limit.SMALL  # a number with too many digits, tiny
    assert _limit("1e-300*n") is Limit.SMALL  # a value below 2^-800
    assert _limit("exp(-5000*n)") is Limit.SMALL
    assert _limit("(1e-100*n)^5") is Limit.SMALL
    assert _limit("exp(5000*n)") is Limit.LARGE
    assert _limit("(1e10*n)^50") is Limit.LARGE
    assert _limit("exp(300*n)*(exp(300*n)+1)") is Limit.LARGE


def test_the_deadline_is_its_own_limit() -> None:
    expr = read_expression("n+1", ["n"]).expr
    assert expr is not None
    with pytest.raises(OutOfRange) as raised:
        value_at(expr, {"n": 0.5}, time.perf_counter() - 1)
    assert raised.value.limit is Limit.TIME
