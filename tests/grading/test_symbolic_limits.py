"""Explosive symbolic answers: each is decided or refused with a message, quickly, never a crash."""

from __future__ import annotations

import time

import pytest

from questions.schema import Question
from questions.vocab import Text
from quizapp.grading import symbolic
from quizapp.grading.answers import grade_text_answer
from quizapp.grading.messages import localize
from quizapp.grading.reader import read_expression
from quizapp.grading.symbolic import (
    TOO_LARGE,
    Verdict,
    check_expression,
    compare,
    numeric_verdict,
)

EXPECTED = "(1-z)*h_tilde+z*h_prev"
SYMBOLS = ("z", "h_tilde", "h_prev")

# (answer, what must come of it): True / False is a verdict, None the "too large to check" refusal,
# "deep" the reader's refusal of calls nested too deeply.
CASES: list[tuple[str, bool | str | None]] = [
    ("exp(exp(exp(exp(99*z))))", None),  # 49 s to forever before
    ("exp(exp(1e12*z))", None),  # MemoryError before
    ("+".join(f"exp(exp(exp(exp({k}*z))))" for k in range(99, 20, -1)), None),  # MemoryError
    ("exp(" * 40 + "z" + ")" * 40, "deep"),  # MemoryError
    ("log(" * 45 + "z" + ")" * 45, "deep"),  # never returned
    ("exp(-1*" * 12 + "z" + ")" * 12, "deep"),  # 7 s in sympy to build it
    ("log(" * 4 + "z" + ")" * 4, False),  # undefined where the right answer is not
    (f"{EXPECTED}+exp(exp(exp(exp(99*z))))-exp(exp(exp(exp(99*z))))", True),
    (f"({EXPECTED})*exp(exp(exp(99*z)))/exp(exp(exp(99*z)))", True),
    (f"{EXPECTED}+0*exp(exp(1e12*z))", True),
    ("(z+h_prev+1)^99*(z-h_tilde)^99", False),
    ("exp(99*exp(99*exp(99*z)))", None),
    ("sigmoid(" * 40 + "z" + ")" * 40, "deep"),
    ("sigmoid(" * 4 + "z" + ")" * 4, False),
    ("tanh(1e12*z)*h_prev", False),
    ("((z+1)^99.5)^99.5", None),  # never returned: the symbolic route expanded a power of 9900
]


@pytest.mark.parametrize(("answer", "outcome"), CASES, ids=[c[0][:40] for c in CASES])
def test_explosive_answers_are_decided_or_refused_quickly(
    answer: str, outcome: bool | str | None
) -> None:
    check_expression("z", "z", SYMBOLS)  # sympy imported and warm
    start = time.perf_counter()
    grade = check_expression(answer, EXPECTED, SYMBOLS)
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0  # the benchmark's aim is 200 ms; a loaded test machine gets slack
    if outcome == "deep":
        assert grade.error is not None and "nested too deeply (more than 4" in grade.error
    elif outcome is None:
        assert grade.error is not None and grade.error.startswith(TOO_LARGE)
        assert not grade.correct
    else:
        assert grade.error is None
        assert grade.correct is outcome


def test_cancellation_of_large_values_is_not_mistaken_for_a_difference() -> None:
    # exp(100n) reaches 1e86 at n = 2: 30 digits cancel away; the checker raises its precision.
    answer = read_expression("exp(100*n)*(1+exp(-100*n)) - exp(100*n)", ["n"]).expr
    expected = read_expression("1", ["n"]).expr
    assert answer is not None and expected is not None
    assert numeric_verdict(answer, expected, ["n"]) is Verdict.EQUAL
    assert check_expression("exp(100*n)*(1+exp(-100*n)) - exp(100*n)", "1", ["n"]).correct
    assert not check_expression("exp(100*n)*(1+exp(-100*n)) - exp(100*n)", "2", ["n"]).correct


def test_values_beyond_the_bound_give_the_too_large_verdict() -> None:
    answer = read_expression("exp(exp(exp(99*z)))", SYMBOLS).expr
    expected = read_expression(EXPECTED, SYMBOLS).expr
    assert answer is not None and expected is not None
    assert numeric_verdict(answer, expected, SYMBOLS) is Verdict.TOO_LARGE
    comparison = compare(answer, expected, SYMBOLS)
    assert comparison.undecided and not comparison.equivalent


def test_the_time_budget_ends_a_long_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(symbolic, "TIME_BUDGET", 0.0)
    assert check_expression("(z+1)^2", "z^2+2z+1", ["z"]).correct  # the symbols still decide
    grade = check_expression("sqrt(z^2)", "z", ["z"])  # only the numbers can decide this one
    assert grade.error is not None and grade.error.startswith(TOO_LARGE)
    assert "time" in grade.error


def test_a_question_grade_carries_the_message_in_both_languages() -> None:
    text = Text("?", "？")
    question = Question(
        "probe-symbolic", "rnn-basics", "easy", "symbolic", text, text, text, (), (), "symbolic",
        expression="z", symbols=("z",),
    )  # fmt: skip
    grade = grade_text_answer(question, "exp(exp(exp(exp(99*z))))")
    assert grade.message is not None and grade.message.startswith(TOO_LARGE)
    assert localize(grade.message, "zh").startswith("表达式太大")
