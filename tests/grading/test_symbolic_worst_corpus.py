"""Every answer of the explosive corpus (benchmarks/data/symbolic_worst.json) is decided or refused
with a message, without an exception, and quickly; large coefficients in exponents skip sympy's
polynomial routes (which would treat exp(999999·a/T) as a 999999th power)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from quizapp.grading.reader import read_expression
from quizapp.grading.symbolic import TOO_LARGE, Verdict, check_expression, symbolic_verdict

CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "symbolic_worst.json"
DATA: dict[str, Any] = json.loads(CORPUS.read_text(encoding="utf-8"))
# Generous against a loaded machine; the benchmark's aim is 200 ms and its worst case about 90 ms.
SLOWEST = 2.0


def _text(spec: Any) -> str:
    if isinstance(spec, str):
        return spec
    prefix, unit, times, suffix = spec
    return str(prefix) + str(unit) * int(times) + str(suffix)


CASES = [
    pytest.param(case, id=f"{part}-{number}")
    for part in ("tuning", "held_out")
    for number, case in enumerate(DATA[part], start=1)
]


@pytest.mark.parametrize("case", CASES)
def test_every_explosive_answer_is_decided_quickly(case: dict[str, Any]) -> None:
    target = DATA["targets"][case["target"]]
    started = time.perf_counter()
    grade = check_expression(_text(case["answer"]), target["expected"], tuple(target["symbols"]))
    assert time.perf_counter() - started < SLOWEST
    if grade.error is not None:
        assert grade.error.strip() and not grade.correct
    else:
        assert grade.shown.startswith("read as ")


def test_a_softmax_with_a_huge_scale_is_refused_not_expanded() -> None:
    # Found by the held-out part of the corpus: cancel() ran for more than 10 s.
    symbols = ("a", "b", "T")
    answer = read_expression("exp(999999*a/T)/(exp(999999*a/T)+exp(999999*b/T))", symbols).expr
    expected = read_expression("exp(a/T)/(exp(a/T)+exp(b/T))", symbols).expr
    assert answer is not None and expected is not None
    started = time.perf_counter()
    assert symbolic_verdict(answer, expected) is Verdict.UNKNOWN
    assert time.perf_counter() - started < 0.5
    grade = check_expression(
        "exp(999999*a/T)/(exp(999999*a/T)+exp(999999*b/T))",
        "exp(a/T)/(exp(a/T)+exp(b/T))",
        symbols,
    )
    assert grade.error is not None and grade.error.startswith(TOO_LARGE)


def test_small_coefficients_in_exponents_are_still_proven() -> None:
    # 1/(1 + exp((b - a)/T)) is the same softmax: the symbolic route must still run on it.
    symbols = ("a", "b", "T")
    answer = read_expression("exp(2*a/T)/(exp(2*a/T)+exp(2*b/T))", symbols).expr
    expected = read_expression("1/(1+exp(2*(b-a)/T))", symbols).expr
    assert answer is not None and expected is not None
    assert symbolic_verdict(answer, expected) is Verdict.EQUAL
