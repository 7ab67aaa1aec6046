"""Deciding whether a typed expression equals the expected one, for symbolic questions.

Two independent routes:

- numeric: both expressions evaluated at 8 seeded random points with every symbol in (0.1, 2) by
  the bounded evaluator of `evaluation` (magnitudes from 2^-800 to 2^400, precision raised when terms
  cancel, a time budget of TIME_BUDGET seconds); equal when they agree to 1e-9 relative at every
  point where they are defined. Points whose values are out of range decide nothing; when they
  leave too few and the symbolic route is silent, the answer is refused with the limit met: values
  too large, too small (an underflow, such as ``1e-400*n``), too imprecise, or the time.
- symbolic: the difference rewritten in terms of exp, expanded and cancelled (the core of what
  `sympy.simplify` does, without its slow searches); `sympy.simplify` itself runs only when the numbers
  cannot decide. The symbolic route either proves the difference is 0, proves it is a nonzero
  constant, or gives no answer. It runs on a daemon thread for at most SYMBOLIC_BUDGET seconds
  (``budget.within``); when stopped, the numeric route decides if it did, and otherwise the answer
  is refused as "could not be checked in time". The abandoned thread's result is dropped.

The two must not contradict each other: a numeric difference always means "not equal". When the
symbolic route gives no answer (common with tanh, sigmoid and exp identities), the numeric route
decides. Large expressions whose expansion would be slow skip the symbolic route. The answer's
symbols are matched to the expected ones by name, whatever sympy assumptions they were built with.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

import numpy as np

from quizapp.grading.lazy import OnDemand

if TYPE_CHECKING:
    import sympy
else:
    sympy = OnDemand("sympy")  # imported at the first expression, not at start-up

from quizapp.grading.budget import OutOfTime, within
from quizapp.grading.evaluation import (
    HIGHEST_BITS,
    LOWEST_BITS,
    Limit,
    OutOfRange,
    Undefined,
    value_at,
)
from quizapp.grading.reader import LARGEST_SYMBOLIC_EXPONENT, read_expression

POINTS = 8
"""How many random points the numeric route evaluates."""

RELATIVE_TOLERANCE = 1e-9
"""Largest relative difference between the two values that still counts as equal."""

_ABSOLUTE_TOLERANCE = 1e-12  # values within this of each other are equal even near zero
_FEWEST_VALID_POINTS = 3
_LOWEST, _HIGHEST = 0.1, 2.0
_MOST_OPERATIONS = 150  # beyond this the symbolic route is skipped (it would be slow)
_MOST_EXPANDED_TERMS = 400
_MOST_OPERATIONS_TO_SIMPLIFY = 40  # `sympy.simplify` (seconds on large input) only below this

TIME_BUDGET = 0.1
"""Seconds the numeric route may spend on one comparison before it gives up (TOO_LARGE)."""

SYMBOLIC_BUDGET = 2.0
"""Seconds the symbolic route (sympy) may take on one comparison before it is abandoned."""

TOO_LARGE = "the expression is too large to check"
"""How the message starts for an answer whose values are too large, or whose numeric check ran
out of time."""

CANNOT_CHECK = "the expression cannot be checked"
"""How the message starts for an answer whose values are too small or too imprecise to compute."""

NOT_IN_TIME = "the expression could not be checked in time"
"""How the message starts for an answer the symbolic route could not decide within its budget."""

_NOTHING_GRADED = "nothing was graded"
_FIRST_LIMIT = (Limit.TIME, Limit.LARGE, Limit.SMALL, Limit.PRECISION)  # the one a message names


class Verdict(Enum):
    """What one route concluded."""

    EQUAL = "equal"
    DIFFERENT = "different"
    UNKNOWN = "unknown"
    TOO_LARGE = "too large"  # values out of range or the time budget spent: nothing decided
    OUT_OF_TIME = "out of time"  # the symbolic route was stopped at SYMBOLIC_BUDGET


@dataclass(frozen=True)
class Comparison:
    """The verdicts of the numeric and the symbolic route for one pair of expressions."""

    numeric: Verdict
    symbolic: Verdict
    limit: Limit | None = None  # the numeric route's limit when it was TOO_LARGE

    @property
    def equivalent(self) -> bool:
        """Equal unless the numbers differ; proven by symbols, or by numbers when symbols are silent."""
        if self.numeric is Verdict.DIFFERENT or self.symbolic is Verdict.DIFFERENT:
            return False
        return Verdict.EQUAL in (self.numeric, self.symbolic)

    @property
    def undecided(self) -> bool:
        """True when the numbers were out of range and the symbols could not decide either, or
        when the symbols ran out of time and the numbers had not decided."""
        silent = (Verdict.UNKNOWN, Verdict.OUT_OF_TIME)
        if self.symbolic is Verdict.OUT_OF_TIME:
            return self.numeric in (Verdict.UNKNOWN, Verdict.TOO_LARGE)
        return self.numeric is Verdict.TOO_LARGE and self.symbolic in silent


@dataclass(frozen=True)
class SymbolicGrade:
    """The grade of a typed expression: correct or not, how it was read, or why it was not read."""

    correct: bool
    shown: str
    error: str | None


def _by_name(expr: sympy.Expr) -> sympy.Expr:
    """The expression with every symbol replaced by a real symbol of the same name."""
    renamed = {s: sympy.Symbol(s.name, real=True) for s in expr.free_symbols}
    return expr.xreplace(renamed)


def _value_at(expr: sympy.Expr, point: dict[str, float], deadline: float) -> float | None:
    """The expression's real value at the point, or None where it is undefined or not real.

    Raises OutOfRange where the value cannot be computed within the bounds (see `evaluation`)."""
    try:
        return value_at(expr, point, deadline)
    except Undefined:
        return None


def _close(first: float, second: float) -> bool:
    scale = max(abs(first), abs(second))
    return bool(abs(first - second) <= RELATIVE_TOLERANCE * scale + _ABSOLUTE_TOLERANCE)


def numeric_verdict(
    answer: sympy.Expr,
    expected: sympy.Expr,
    names: Sequence[str],
    seed: int = 0,
    *,
    deadline: float | None = None,
) -> Verdict:
    """Compare values at POINTS seeded random points with every symbol in (0.1, 2).

    A point where either value is out of range (or the time ran out) decides nothing; TOO_LARGE
    when such points leave fewer than three that agree and none that differs."""
    return numeric_outcome(answer, expected, names, seed, deadline=deadline)[0]


def numeric_outcome(
    answer: sympy.Expr,
    expected: sympy.Expr,
    names: Sequence[str],
    seed: int = 0,
    *,
    deadline: float | None = None,
) -> tuple[Verdict, Limit | None]:
    """``numeric_verdict`` and, when it is TOO_LARGE, the limit the values met (see
    _FIRST_LIMIT for the one named when points met different limits)."""
    if deadline is None:
        deadline = time.perf_counter() + TIME_BUDGET
    every_name = list(dict.fromkeys([*names, *sorted(s.name for s in answer.free_symbols)]))
    every_name += sorted({s.name for s in expected.free_symbols} - set(every_name))
    generator = np.random.default_rng(seed)
    samples = generator.uniform(_LOWEST, _HIGHEST, size=(POINTS, len(every_name)))
    defined = 0
    limits: set[Limit] = set()
    for row in samples:
        point = {name: float(v) for name, v in zip(every_name, row, strict=True)}
        try:
            first, second = _value_at(answer, point, deadline), _value_at(expected, point, deadline)
        except OutOfRange as error:
            limits.add(error.limit)
            continue
        if first is None and second is None:
            continue
        if first is None or second is None or not _close(first, second):
            return Verdict.DIFFERENT, None
        defined += 1
    if defined >= _FEWEST_VALID_POINTS:
        return Verdict.EQUAL, None
    if not limits:
        return Verdict.UNKNOWN, None
    return Verdict.TOO_LARGE, next(limit for limit in _FIRST_LIMIT if limit in limits)


def _expansion_is_small(expr: sympy.Expr) -> bool:
    """False when expanding would produce too many terms, e.g. (a + b + c + d)^40."""
    if sympy.count_ops(expr) > _MOST_OPERATIONS:
        return False
    # sympy's polynomial routines see exp(999999·a/T) as exp(a/T)^999999 (and a^(999999·b) as
    # (a^b)^999999, tanh(k·u) as a quotient of exp(2k·u)): a large coefficient in an exponent or
    # a function's argument is a power of that size, and cancelling it never ends.
    for function in expr.atoms(sympy.exp, sympy.tanh, sympy.Pow):
        argument = function.exp if function.is_Pow else function.args[0]
        if function.is_Pow and argument.is_Rational:
            continue  # checked below
        for term in sympy.Add.make_args(argument):
            if abs(term.as_coeff_Mul()[0]) > LARGEST_SYMBOLIC_EXPONENT:
                return False
    for power in expr.atoms(sympy.Pow):
        base, exponent = power.as_base_exp()
        if not exponent.is_Rational:
            continue
        while base.is_Pow and base.exp.is_Rational:  # powers of powers multiply when expanded
            base, exponent = base.base, exponent * base.exp
        # ((a+1)^99.5)^99.5 folds into one power of about 9900: expanding it never ends.
        if abs(exponent) > LARGEST_SYMBOLIC_EXPONENT:
            return False
        if isinstance(base, sympy.Add):
            whole = math.floor(abs(exponent))
            terms = math.comb(whole + len(base.args) - 1, len(base.args) - 1)
            if terms > _MOST_EXPANDED_TERMS:
                return False
    return True


def _reduced_verdict(reduced: sympy.Expr) -> Verdict:
    if reduced == 0:
        return Verdict.EQUAL
    if reduced.is_Number:
        return Verdict.DIFFERENT
    return Verdict.UNKNOWN


def symbolic_verdict(
    answer: sympy.Expr, expected: sympy.Expr, *, thorough: bool = False
) -> Verdict:
    """Try to prove `answer - expected` is 0 (or a nonzero constant).

    `thorough` adds a full `sympy.simplify` on small differences (it can take seconds)."""
    difference = _by_name(answer) - _by_name(expected)
    if difference == 0:
        return Verdict.EQUAL
    if not _expansion_is_small(difference):
        return Verdict.UNKNOWN
    try:
        verdict = _reduced_verdict(sympy.cancel(sympy.expand(difference.rewrite(sympy.exp))))
        if (
            verdict is Verdict.UNKNOWN
            and thorough
            and sympy.count_ops(difference) <= _MOST_OPERATIONS_TO_SIMPLIFY
        ):
            verdict = _reduced_verdict(sympy.simplify(difference))
    except (ArithmeticError, ValueError, TypeError, RecursionError, sympy.PolynomialError):
        return Verdict.UNKNOWN
    return verdict


def _bounded_symbolic_verdict(
    answer: sympy.Expr, expected: sympy.Expr, *, thorough: bool
) -> Verdict:
    """``symbolic_verdict`` on a daemon thread; OUT_OF_TIME after SYMBOLIC_BUDGET seconds."""
    try:
        return within(
            SYMBOLIC_BUDGET,
            lambda: symbolic_verdict(answer, expected, thorough=thorough),
            name="symbolic-check",
        )
    except OutOfTime:
        return Verdict.OUT_OF_TIME


def compare(
    answer: sympy.Expr, expected: sympy.Expr, symbols: Sequence[str], *, seed: int = 0
) -> Comparison:
    """Both routes' verdicts; the full simplify runs only when the numbers cannot decide.

    The symbolic route is given SYMBOLIC_BUDGET seconds (see the module docstring)."""
    numeric, limit = numeric_outcome(answer, expected, symbols, seed)
    if numeric is Verdict.DIFFERENT:
        # A counterexample settles it; any symbolic "equal" would be a contradiction we refuse.
        return Comparison(numeric, Verdict.UNKNOWN)
    symbolic = _bounded_symbolic_verdict(answer, expected, thorough=numeric is Verdict.UNKNOWN)
    return Comparison(numeric, symbolic, limit)


def equivalent(
    answer: sympy.Expr, expected: sympy.Expr, symbols: Sequence[str], *, seed: int = 0
) -> bool:
    """True when the two expressions are equal as functions of the symbols (see module docstring).

    An undecided comparison (see `Comparison.undecided`) counts as not equivalent."""
    return compare(answer, expected, symbols, seed=seed).equivalent


def check_expression(text: str, expected_text: str, symbols: Sequence[str]) -> SymbolicGrade:
    """Read a typed answer and the expected expression (both with `read_expression`) and grade.

    A problem reading the answer, or an answer too large to check, is returned in `error` (the
    answer is then not graded); a problem reading `expected_text` is a fault in the question,
    raised as ValueError."""
    expected = read_expression(expected_text, symbols)
    if expected.expr is None:
        raise ValueError(f"expected_text {expected_text!r} cannot be read: {expected.error}")
    reading = read_expression(text, symbols)
    if reading.expr is None:
        return SymbolicGrade(False, "", reading.error)
    comparison = compare(reading.expr, expected.expr, symbols)
    if comparison.undecided:
        return SymbolicGrade(False, reading.shown, undecided_message(comparison))
    return SymbolicGrade(comparison.equivalent, reading.shown, None)


def undecided_message(comparison: Comparison) -> str:
    """Why an undecided comparison decided nothing, in English (``messages.localize`` has zh)."""
    simpler = f"{_NOTHING_GRADED}: write it in a simpler form"
    if comparison.symbolic is Verdict.OUT_OF_TIME:
        return f"{NOT_IN_TIME} (it was stopped after {SYMBOLIC_BUDGET:g} s); {simpler}"
    if comparison.limit is Limit.TIME:
        return f"{TOO_LARGE} (the time to check it ran out after {TIME_BUDGET * 1000:.0f} ms); {simpler}"
    if comparison.limit is Limit.SMALL:
        return (
            f"{CANNOT_CHECK} (its values fall below 2^-{LOWEST_BITS} (about 1e-241) at the test "
            f"points: too small to compute, they underflow); {_NOTHING_GRADED}: write it without "
            "such small numbers"
        )
    if comparison.limit is Limit.PRECISION:
        return f"{CANNOT_CHECK} (its values cannot be computed precisely at the test points); {simpler}"
    return f"{TOO_LARGE} (its values go beyond 2^{HIGHEST_BITS} (about 1e120) at the test points); {simpler}"
