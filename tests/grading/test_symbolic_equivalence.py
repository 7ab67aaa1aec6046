"""Symbolic answers: equal expressions are accepted, different ones rejected, quickly."""

from __future__ import annotations

import time

import pytest
import sympy

from quizapp.grading.reader import read_expression
from quizapp.grading.symbolic import (
    Verdict,
    check_expression,
    compare,
    equivalent,
    numeric_verdict,
    symbolic_verdict,
)

SYMBOLS = ("f_t", "i_t", "g_t", "C_prev", "h", "z", "n", "d", "a", "o", "c")


def _expr(text: str) -> sympy.Expr:
    reading = read_expression(text, SYMBOLS)
    assert reading.expr is not None, reading.error
    return reading.expr


EQUAL_PAIRS = [
    ("f_t", "f_t*1"),
    ("(1-z)*h + z*n", "h + z*(n-h)"),
    ("4*(n*(n+d)+n)", "4n^2+4nd+4n"),
    ("1 - sigmoid(a)", "sigmoid(-a)"),
    ("sigmoid(a)*(1-sigmoid(a))", "exp(-a)/(1+exp(-a))^2"),
    ("tanh(c)*o", "o*(exp(2c)-1)/(exp(2c)+1)"),
    ("2*sigmoid(2a)-1", "tanh(a)"),
    ("f_t*C_prev + i_t*g_t", "C_prev f_t + g_t i_t"),
    ("0.5*n", "n/2"),
    ("ln(exp(n))", "n"),
    ("(n+d)^3", "n^3 + 3n^2 d + 3n d^2 + d^3"),
]

DIFFERENT_PAIRS = [
    ("(1-z)*h + z*n", "z*h + (1-z)*n"),  # the GRU convention swapped
    ("4*(n*(n+d)+n)", "4n^2+4nd"),  # bias forgotten
    ("4*(n*(n+d)+n)", "4*(n*(n+d)+2n)"),  # two biases
    ("1 - sigmoid(a)", "sigmoid(a)"),
    ("tanh(a)", "sigmoid(a)"),
    ("f_t*C_prev + i_t*g_t", "f_t*C_prev + i_t"),
    ("n + 0.000001", "n"),
    ("n + 1e-12", "n"),  # numerically close, but symbolically a constant apart
]


@pytest.mark.parametrize(("first", "second"), EQUAL_PAIRS)
def test_equal_pairs(first: str, second: str) -> None:
    assert equivalent(_expr(first), _expr(second), SYMBOLS)
    assert equivalent(_expr(second), _expr(first), SYMBOLS)
    # Both routes reach the same conclusion on their own.
    comparison = compare(_expr(first), _expr(second), SYMBOLS)
    assert comparison.numeric is Verdict.EQUAL
    assert comparison.symbolic is Verdict.EQUAL


@pytest.mark.parametrize(("first", "second"), DIFFERENT_PAIRS)
def test_different_pairs(first: str, second: str) -> None:
    assert not equivalent(_expr(first), _expr(second), SYMBOLS)
    assert not equivalent(_expr(second), _expr(first), SYMBOLS)


def test_symbols_match_by_name_whatever_their_assumptions() -> None:
    n_positive = sympy.Symbol("n", positive=True, integer=True)
    assert equivalent(_expr("4n"), 4 * n_positive, ["n"])


def test_numeric_route_decides_when_symbols_are_silent() -> None:
    # sqrt(n^2) is |n|: sympy cannot cancel it against n, but on the sampled (positive)
    # points they agree, and the questions' symbols are sizes or positive quantities.
    answer, expected = _expr("sqrt(n^2)"), _expr("n")
    assert symbolic_verdict(answer, expected) is Verdict.UNKNOWN
    assert numeric_verdict(answer, expected, ["n"]) is Verdict.EQUAL
    assert equivalent(answer, expected, ["n"])


def test_undefined_at_every_point_falls_back_to_symbols() -> None:
    same, other = _expr("ln(-n)"), _expr("ln(-n) + 1")
    assert numeric_verdict(same, same, ["n"]) is Verdict.UNKNOWN
    assert equivalent(same, _expr("ln(-n)"), ["n"])
    assert not equivalent(same, other, ["n"])


def test_seed_changes_points_not_verdicts() -> None:
    for seed in range(5):
        assert equivalent(_expr("(1-z)*h + z*n"), _expr("h + z*(n-h)"), SYMBOLS, seed=seed)


def test_check_expression() -> None:
    grade = check_expression("4n^2+4nd+4n", "4*(n*(n+d)+n)", ["n", "d"])
    assert grade.correct
    assert grade.error is None
    assert grade.shown == "read as 4·n^2 + 4·n·d + 4·n"
    wrong = check_expression("4n^2+4nd", "4*(n*(n+d)+n)", ["n", "d"])
    assert not wrong.correct
    assert wrong.error is None
    unread = check_expression("4m", "4*n", ["n"])
    assert not unread.correct
    assert unread.error is not None
    assert "unknown word 'm'" in unread.error


def test_unreadable_expected_text_is_a_question_fault() -> None:
    with pytest.raises(ValueError, match="expected_text"):
        check_expression("n", "n +", ["n"])


def test_large_expressions_stay_fast() -> None:
    pairs = [*EQUAL_PAIRS, ("(n+d+a+z)^40", "(z+a+d+n)^40 + 0*n"), ("(n+d+a+z)^40", "n")]
    for first, second in pairs:
        check_expression(first, second, SYMBOLS)  # warm up sympy's caches
        start = time.perf_counter()
        check_expression(first, second, SYMBOLS)
        assert time.perf_counter() - start < 2.0  # did not hang; the target is 200 ms
