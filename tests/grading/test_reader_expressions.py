"""Typed expressions over a question's symbols become the right sympy expressions."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sympy

from quizapp.grading.reader import read_expression

SYMBOLS = ("f_t", "i_t", "g_t", "C_prev", "h", "z", "n", "d", "a")


def _s(name: str) -> sympy.Symbol:
    return sympy.Symbol(name, real=True)


def _read(text: str) -> sympy.Expr:
    reading = read_expression(text, SYMBOLS)
    assert reading.error is None, reading.error
    assert reading.expr is not None
    return reading.expr


def test_symbols_are_real_and_decimals_exact() -> None:
    expr = _read("0.25*f_t")
    assert expr == sympy.Rational(1, 4) * _s("f_t")
    assert all(symbol.is_real for symbol in expr.free_symbols)
    assert _read("2.5e-1") == sympy.Rational(1, 4)


@pytest.mark.parametrize(
    ("text", "build"),
    [
        ("f_t*C_prev + i_t*g_t", lambda: _s("f_t") * _s("C_prev") + _s("i_t") * _s("g_t")),
        ("4n", lambda: 4 * _s("n")),
        ("4 n", lambda: 4 * _s("n")),
        ("2(n+d)", lambda: 2 * (_s("n") + _s("d"))),
        ("nd", lambda: _s("n") * _s("d")),
        ("4n^2+4nd+4n", lambda: 4 * _s("n") ** 2 + 4 * _s("n") * _s("d") + 4 * _s("n")),
        ("4n²", lambda: 4 * _s("n") ** 2),
        ("nd^2", lambda: _s("n") * _s("d") ** 2),
        ("(nd)^2", lambda: (_s("n") * _s("d")) ** 2),
        ("n(n+1)", lambda: _s("n") * (_s("n") + 1)),
        ("(1-z)*h + z*n", lambda: (1 - _s("z")) * _s("h") + _s("z") * _s("n")),
        ("(1 − z)·h + z×n", lambda: (1 - _s("z")) * _s("h") + _s("z") * _s("n")),
        ("σ(a)", lambda: 1 / (1 + sympy.exp(-_s("a")))),
        ("sigmoid(a) + 1", lambda: 1 / (1 + sympy.exp(-_s("a"))) + 1),
        ("tanh(a)", lambda: sympy.tanh(_s("a"))),
        ("exp(a)", lambda: sympy.exp(_s("a"))),
        ("e^a", lambda: sympy.exp(_s("a"))),
        ("ln(n)", lambda: sympy.log(_s("n"))),
        ("sqrt(n)", lambda: sympy.sqrt(_s("n"))),
        ("√n", lambda: sympy.sqrt(_s("n"))),
        ("n**2", lambda: _s("n") ** 2),
        ("-n^2", lambda: -(_s("n") ** 2)),
        ("1/2n", lambda: _s("n") / 2),
        ("pi*n", lambda: sympy.pi * _s("n")),
    ],
)
def test_expressions(text: str, build: Callable[[], sympy.Expr]) -> None:
    assert sympy.simplify(_read(text) - build()) == 0


def test_symbol_named_like_a_constant_wins() -> None:
    reading = read_expression("e + 1", ["e"])
    assert reading.expr == sympy.Symbol("e", real=True) + 1


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("sigmoid(a_f) + 1", "read as σ(a_f) + 1"),
        ("4n^2+4nd+4n", "read as 4·n^2 + 4·n·d + 4·n"),
        ("(1-z)*h + z*n", "read as (1 - z)·h + z·n"),
        ("2^3^a", "read as 2^(3^a)"),
        ("n - -d", "read as n - (-d)"),
        ("(-n)^2", "read as (-n)^2"),
        ("sqrt(n+1)", "read as √(n + 1)"),
    ],
)
def test_shown_line(text: str, shown: str) -> None:
    assert read_expression(text, [*SYMBOLS, "a_f"]).shown == shown


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("foo + n", "unknown word 'foo' at position 1; the symbols here are: f_t, i_t"),
        ("F_t", "unknown word 'F_t'"),  # symbols are case-sensitive
        ("", "empty answer"),
        ("n, d", "one expression was expected"),
        ("n/(n-n)", "divides by zero"),
        ("n/0", "division by zero"),
        ("n^1000", "exponent 1000 is too large"),
        ("9^9^9*n", "too large"),
        ("n +", "ends where a number was expected"),
        ("n^n^n^n^n^n^n^n^n^n^n^n", "too many powers in a row"),
        ("(" * 51 + "n" + ")" * 51, "nested too deeply"),
    ],
)
def test_expression_problems(text: str, message: str) -> None:
    reading = read_expression(text, SYMBOLS)
    assert reading.expr is None
    assert not reading.ok
    assert reading.shown == ""
    assert reading.error is not None
    assert message in reading.error
