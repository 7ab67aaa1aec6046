"""Typed numbers and vectors read to the right values, and bad ones give plain messages."""

from __future__ import annotations

import math

import pytest

from quizapp.grading.reader import format_number, format_vector, read_numbers


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.25", (0.25,)),
        ("-.5", (-0.5,)),
        ("2.5e-1", (0.25,)),
        ("2.5E-1", (0.25,)),
        ("1/4", (0.25,)),
        ("[0.25, -0.5]", (0.25, -0.5)),
        ("[0.25,-0.5]", (0.25, -0.5)),
        ("0.25 -0.5", (0.25, -0.5)),
        ("0.25   -0.5  ", (0.25, -0.5)),
        ("0.25; -0.5", (0.25, -0.5)),
        ("(0.25, -0.5)", (0.25, -0.5)),
        ("(0.25,)", (0.25,)),
        ("[0.25, -0.5,]", (0.25, -0.5)),
        ("［0.25，-0.5］", (0.25, -0.5)),
        ("（0.25，-0.5）", (0.25, -0.5)),
        ("0.25；-0.5", (0.25, -0.5)),
        ("０．２５", (0.25,)),
        ("−0.5", (-0.5,)),
        ("–0.5", (-0.5,)),
        ("0.25 −0.5", (0.25, -0.5)),
        ("1-0.75", (0.25,)),
        ("1 - 0.75", (0.25,)),
        ("1- 0.75", (0.25,)),
        ("1 -0.75", (1.0, -0.75)),
        ("1 +0.75", (1.0, 0.75)),
        ("[1 -0.5, 2]", (0.5, 2.0)),  # with commas, only commas separate
        ("0.5 * 2  3", (1.0, 3.0)),
        ("(1) (2)", (1.0, 2.0)),
        ("2 pi", (2.0, math.pi)),
        ("tensor([0.25, -0.5])", (0.25, -0.5)),
        ("torch.tensor([1, 2])", (1.0, 2.0)),
    ],
)
def test_vector_forms(text: str, expected: tuple[float, ...]) -> None:
    reading = read_numbers(text)
    assert reading.ok, reading.error
    assert reading.error is None
    assert reading.values == pytest.approx(expected, rel=1e-12, abs=1e-15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sigmoid(0.3)", _sigmoid(0.3)),
        ("σ(0.3)", _sigmoid(0.3)),
        ("sig(-2)", _sigmoid(-2.0)),
        ("0.5*tanh(1)", 0.5 * math.tanh(1.0)),
        ("0.5tanh(1)", 0.5 * math.tanh(1.0)),
        ("0.5 × 4", 2.0),
        ("0.5·4", 2.0),
        ("0.5 ÷ 4", 0.125),
        ("exp(1)", math.e),
        ("e", math.e),
        ("e^2", math.e**2),
        ("2e", 2 * math.e),
        ("ln(e)", 1.0),
        ("log(10)", math.log(10.0)),
        ("sqrt(2)", math.sqrt(2.0)),
        ("√2", math.sqrt(2.0)),
        ("2√2", 2 * math.sqrt(2.0)),
        ("√(2+2)", 2.0),
        ("pi", math.pi),
        ("π/2", math.pi / 2),
        ("2π", 2 * math.pi),
        ("2^10", 1024.0),
        ("2**10", 1024.0),
        ("2^3^2", 512.0),  # right-associative
        ("-2^2", -4.0),  # the power binds tighter than the sign
        ("(-2)^2", 4.0),
        ("2^-1", 0.5),
        ("3²", 9.0),
        ("1/2/4", 0.125),
        ("2(3+1)", 8.0),
        ("(1+1)(2+1)", 6.0),
        ("1-sigmoid(0.3)", 1 - _sigmoid(0.3)),
        (
            "tanh(0.2)*sigmoid(0.1) + 0.5*tanh(0.4)",
            math.tanh(0.2) * _sigmoid(0.1) + 0.5 * math.tanh(0.4),
        ),
        ("sigmoid(-1000)", 0.0),
        ("sigmoid(1000)", 1.0),
        ("--1", 1.0),
        ("5.", 5.0),
        ("5.e2", 500.0),
    ],
)
def test_single_number_expressions(text: str, expected: float) -> None:
    reading = read_numbers(text)
    assert reading.ok, reading.error
    assert reading.values is not None
    assert len(reading.values) == 1
    assert reading.values[0] == pytest.approx(expected, rel=1e-12, abs=1e-300)


def test_vector_of_expressions() -> None:
    reading = read_numbers("[sigmoid(0.3), 1-0.75, 0.5*tanh(1)]", expected_length=3)
    assert reading.values == pytest.approx((_sigmoid(0.3), 0.25, 0.5 * math.tanh(1.0)))
    assert reading.shown == "read as [0.5744, 0.25, 0.3808]"


def test_shown_line() -> None:
    assert read_numbers("0.25").shown == "read as 0.25"
    assert read_numbers("[0.25, -0.5]").shown == "read as [0.25, -0.5]"
    assert read_numbers("1/3 2/3").shown == "read as [0.3333, 0.6667]"


@pytest.mark.parametrize(
    ("text", "expected_length", "message"),
    [
        ("1 2 3", 2, "expected 2 numbers, got 3"),
        ("1", 2, "expected 2 numbers, got 1"),
        ("1, 2", 1, "expected 1 number, got 2"),
        ("", None, "empty answer"),
        ("   ", None, "empty answer"),
        ("[]", None, "no numbers between the brackets"),
        ("foo", None, "unknown word 'foo' at position 1"),
        ("0.25 + foo", None, "unknown word 'foo' at position 8"),
        ("inf", None, "not a finite number"),
        ("nan", None, "not a finite number"),
        ("∞", None, "not a finite number"),
        ("1e999", None, "out of range"),
        ("1e13", None, "too large"),
        ("10^13", None, "too large"),
        ("9^9^9", None, "too large"),
        ("exp(1000)", None, "too large"),
        ("1/0", None, "division by zero"),
        ("0^-1", None, "division by zero"),
        ("sqrt(-1)", None, "square root"),
        ("ln(0)", None, "logarithm"),
        ("(-8)^(1/3)", None, "not a real number"),
        ("1,,2", None, "expected a number before ','"),
        ("1 +", None, "ends where a number was expected"),
        ("(1", None, "never closed"),
        ("1)", None, "no opening bracket"),
        ("(1]", None, "closed by"),
        ("[[1, 2]]", None, "square brackets"),
        ("(1, (2, 3))", None, "top level"),
        ("0.25 0.5, 1", None, "expected an operator or ','"),
        ("tanh 1", None, "needs its argument in brackets"),
        ("1 $ 2", None, "unexpected character '$' at position 3"),
        ("x", None, "unknown word 'x'"),
        ("-" * 20 + "1", None, "too many signs in a row"),
    ],
)
def test_problems_have_messages(text: str, expected_length: int | None, message: str) -> None:
    reading = read_numbers(text, expected_length)
    assert not reading.ok
    assert reading.values is None
    assert reading.shown == ""
    assert reading.error is not None
    assert message in reading.error


def test_number_of_the_bad_element_is_named() -> None:
    reading = read_numbers("[0.5, sqrt(-1)]")
    assert reading.error is not None
    assert reading.error.startswith("number 2: ")


def test_too_long_and_too_deep() -> None:
    long_answer = read_numbers("1," * 1001)
    assert long_answer.error is not None
    assert "too long" in long_answer.error
    deep = read_numbers("(" * 51 + "1" + ")" * 51)
    assert deep.error is not None
    assert "nested too deeply" in deep.error
    assert read_numbers("(" * 50 + "1" + ")" * 50).values == (1.0,)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.25, "0.25"),
        (-0.5, "-0.5"),
        (0.0, "0"),
        (-0.0, "0"),
        (3.0, "3"),
        (123456.0, "123456"),
        (1234.56789, "1234.5679"),
        (0.731058578, "0.7311"),
        (1.5e-7, "1.5e-7"),
    ],
)
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text


def test_format_vector() -> None:
    assert format_vector([0.25, -0.5]) == "[0.25, -0.5]"
    assert format_vector([1 / 3], digits=2) == "[0.33]"
    assert format_vector([]) == "[]"
