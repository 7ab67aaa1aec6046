"""Evaluating a reader-built sympy expression at one point, with bounded work.

sympy's own ``evalf`` raises its precision without limit and builds numbers of any size: on
`exp(exp(exp(exp(99*x))))` it ran for minutes or ended in MemoryError. This evaluator walks the tree
itself with mpmath's low-level functions at a fixed binary precision, and stops early:

- every intermediate value must lie between 2^-LOWEST_BITS and 2^HIGHEST_BITS in magnitude (or be
  0); an `exp`, a power or any result outside that range raises ``OutOfRange`` *before* the large
  number is built;
- the wall-clock ``deadline`` is checked at every node (``OutOfRange`` too);
- every ``OutOfRange`` says which limit was met (``Limit``): too large, too small (an underflow,
  e.g. ``1e-400*n``), the time, or the precision;
- values that are not real (a logarithm or square root of a negative number, a negative base with
  a fractional exponent, a division by zero) raise ``Undefined``.

Cancellation: a value is computed at two precisions and trusted only when both agree and no sum
lost more bits than the precision keeps; otherwise it is computed again at a precision that spans
the whole range, and when even that fails the point counts as out of range. A correct answer written with large
terms that cancel, like exp(100n)(1 + exp(-100n)) - exp(100n), is therefore not mistaken for a
wrong one.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any

from mpmath import libmp  # type: ignore[import-untyped]

from quizapp.grading.lazy import OnDemand

if TYPE_CHECKING:
    import sympy
else:
    sympy = OnDemand("sympy")

HIGHEST_BITS = 400
"""Largest magnitude of any intermediate value, as a power of two (2^400 is about 2.6e120)."""

LOWEST_BITS = 800
"""Smallest nonzero magnitude of any intermediate value: 2^-800 (about 1.5e-241)."""

_PRECISIONS = ((128, 192), (HIGHEST_BITS + LOWEST_BITS + 128, HIGHEST_BITS + LOWEST_BITS + 192))
_GUARD_BITS = 64  # bits a sum must keep for its result to be trusted
_AGREEMENT = 1e-25  # relative (and absolute, near 0) difference between precisions that is trusted
_ROUND = libmp.round_nearest

Value = tuple[int, int, int, int]
"""An mpmath ``mpf`` value: (sign, mantissa, exponent, bit count)."""


class Undefined(Exception):
    """The expression has no real value at the point."""


class Limit(Enum):
    """Which bound an evaluation met."""

    LARGE = "large"  # a value beyond 2^HIGHEST_BITS
    SMALL = "small"  # a nonzero value below 2^-LOWEST_BITS (an underflow)
    TIME = "time"  # the deadline passed
    PRECISION = "precision"  # terms cancel beyond the highest precision, or cannot be evaluated


class OutOfRange(Exception):
    """A value left the allowed range, the precision did not suffice, or the time ran out."""

    def __init__(self, message: str, limit: Limit) -> None:
        super().__init__(message)
        self.limit = limit


class _Imprecise(Exception):
    """A sum lost more bits than the working precision keeps: try a higher precision."""


def _magnitude(value: Value) -> int:
    """The binary exponent of the value's leading bit (0 counts as 0)."""
    return 0 if value == libmp.fzero else value[2] + value[3]


def _bounded(value: Value) -> Value:
    if value in (libmp.fnan, libmp.finf, libmp.fninf):
        raise Undefined("not a finite number")
    if value != libmp.fzero and _magnitude(value) > HIGHEST_BITS:
        raise OutOfRange(f"a value beyond 2^{HIGHEST_BITS}", Limit.LARGE)
    if value != libmp.fzero and _magnitude(value) < -LOWEST_BITS:
        raise OutOfRange(f"a value below 2^-{LOWEST_BITS}", Limit.SMALL)
    return value


def _limit_of(bits: int) -> Limit:
    """The limit met by a value of about 2^bits that cannot be computed: large, small, or (in
    range, yet its numbers are too long to work with) precision."""
    if bits > HIGHEST_BITS:
        return Limit.LARGE
    return Limit.SMALL if bits < -LOWEST_BITS else Limit.PRECISION


def _is_negative(value: Value) -> bool:
    return value != libmp.fzero and value[0] == 1


class _Walker:
    """One evaluation at one precision; ``deadline`` is a ``time.perf_counter`` reading."""

    def __init__(self, point: Mapping[str, Value], bits: int, deadline: float) -> None:
        self.point = point
        self.bits = bits
        self.deadline = deadline

    def value(self, expr: Any) -> Value:
        if time.perf_counter() > self.deadline:
            raise OutOfRange("the time to check it ran out", Limit.TIME)
        return _bounded(self._value(expr))

    def _value(self, expr: Any) -> Value:
        bits = self.bits
        if expr.is_Symbol:
            if expr.name not in self.point:
                raise Undefined(f"no value for {expr.name}")
            return self.point[expr.name]
        if expr.is_Rational:
            numerator, denominator = abs(int(expr.p)).bit_length(), int(expr.q).bit_length()
            if max(numerator, denominator) > HIGHEST_BITS + LOWEST_BITS:
                raise OutOfRange("a number too long to use", _limit_of(numerator - denominator))
            return libmp.from_rational(int(expr.p), int(expr.q), bits, _ROUND)  # type: ignore[no-any-return]
        if expr.is_Float:
            return libmp.mpf_pos(expr._mpf_, bits, _ROUND)  # type: ignore[no-any-return]
        if expr is sympy.pi:
            return libmp.mpf_pi(bits)  # type: ignore[no-any-return]
        if expr is sympy.E:
            return libmp.mpf_e(bits)  # type: ignore[no-any-return]
        if expr.is_Add:
            total: Value = libmp.fzero
            for term in expr.args:
                total = self._plus(total, self.value(term))
            return total
        if expr.is_Mul:
            product: Value = libmp.fone
            for factor in expr.args:
                product = self._times(product, self.value(factor))
            return product
        if expr.is_Pow:
            return self._power(expr.args[0], expr.args[1])
        if isinstance(expr, sympy.exp):
            return self._exp(self.value(expr.args[0]))
        if isinstance(expr, sympy.log):
            argument = self.value(expr.args[0])
            if argument == libmp.fzero or _is_negative(argument):
                raise Undefined("the logarithm of a number ≤ 0")
            return libmp.mpf_log(argument, bits, _ROUND)  # type: ignore[no-any-return]
        if isinstance(expr, sympy.tanh):
            argument = self.value(expr.args[0])
            if _magnitude(argument) > bits.bit_length():  # |u| > bits: tanh(u) is ±1 to precision
                return libmp.mpf_neg(libmp.fone) if _is_negative(argument) else libmp.fone  # type: ignore[no-any-return]
            return libmp.mpf_tanh(argument, bits, _ROUND)  # type: ignore[no-any-return]
        if isinstance(expr, sympy.Abs):
            return libmp.mpf_abs(self.value(expr.args[0]))  # type: ignore[no-any-return]
        if expr is sympy.I:
            raise Undefined("an imaginary number")
        raise OutOfRange(f"{type(expr).__name__} cannot be evaluated here", Limit.PRECISION)

    def _plus(self, first: Value, second: Value) -> Value:
        total = _bounded(libmp.mpf_add(first, second, self.bits, _ROUND))
        if libmp.fzero in (first, second):
            return total
        # One term swallowed by the other, or most bits cancelled: the sum may be wrong.
        larger = max(_magnitude(first), _magnitude(second))
        smaller = min(_magnitude(first), _magnitude(second))
        kept = self.bits - _GUARD_BITS
        if larger - smaller > kept or (total != libmp.fzero and larger - _magnitude(total) > kept):
            raise _Imprecise
        return total

    def _times(self, first: Value, second: Value) -> Value:
        if first == libmp.fzero or second == libmp.fzero:
            return libmp.fzero  # type: ignore[no-any-return]
        if _magnitude(first) + _magnitude(second) > HIGHEST_BITS + 1:
            raise OutOfRange(f"a value beyond 2^{HIGHEST_BITS}", Limit.LARGE)
        if _magnitude(first) + _magnitude(second) < -LOWEST_BITS - 1:
            raise OutOfRange(f"a value below 2^-{LOWEST_BITS}", Limit.SMALL)
        return _bounded(libmp.mpf_mul(first, second, self.bits, _ROUND))

    def _exp(self, argument: Value) -> Value:
        # Checked before the call: mpf_exp of a huge argument builds a huge integer.
        if _magnitude(argument) > 10:  # |u| ≥ 1024 is far outside the range either way
            limit = Limit.SMALL if _is_negative(argument) else Limit.LARGE
            raise OutOfRange("exp of a value outside the range", limit)
        return _bounded(libmp.mpf_exp(argument, self.bits, _ROUND))

    def _power(self, base_expr: Any, exponent_expr: Any) -> Value:
        bits = self.bits
        base = self.value(base_expr)
        if exponent_expr.is_Integer:
            exponent = int(exponent_expr)
            if base == libmp.fzero:
                if exponent < 0:
                    raise Undefined("division by zero")
                return libmp.fone if exponent == 0 else libmp.fzero  # type: ignore[no-any-return]
            if abs(exponent) * max(abs(_magnitude(base)), 1) > HIGHEST_BITS + LOWEST_BITS:
                raise OutOfRange(
                    "a power outside the range", _limit_of(exponent * _magnitude(base))
                )
            return _bounded(libmp.mpf_pow_int(base, exponent, bits, _ROUND))
        if _is_negative(base):
            raise Undefined("a negative number to a fractional power")
        if exponent_expr == sympy.S.Half:
            return _bounded(libmp.mpf_sqrt(base, bits, _ROUND))
        exponent_value = self.value(exponent_expr)
        if base == libmp.fzero:
            if exponent_value == libmp.fzero or _is_negative(exponent_value):
                raise Undefined("zero to a power ≤ 0")
            return libmp.fzero  # type: ignore[no-any-return]
        logarithm = libmp.mpf_log(base, bits + 20, _ROUND)
        return self._exp(libmp.mpf_mul(exponent_value, logarithm, bits + 20, _ROUND))


def _agree(first: Value, second: Value) -> bool:
    difference = abs(libmp.to_float(libmp.mpf_sub(first, second, 64, _ROUND)))
    scale = max(abs(libmp.to_float(first)), abs(libmp.to_float(second)), 1.0)
    return bool(difference <= _AGREEMENT * scale)


def value_at(expr: sympy.Expr, point: Mapping[str, float], deadline: float) -> float:
    """The real value of ``expr`` with each symbol named in ``point`` set to its value.

    Raises ``Undefined`` where the expression has no real value and ``OutOfRange`` where the
    value cannot be computed within the bounds or before ``deadline`` (a ``perf_counter`` time).
    """
    exact = {name: libmp.from_float(value) for name, value in point.items()}
    for low, high in _PRECISIONS:
        try:
            rough = _Walker(exact, low, deadline).value(expr)
            fine = _Walker(exact, high, deadline).value(expr)
        except _Imprecise:
            continue
        if _agree(rough, fine):
            return float(libmp.to_float(fine))
    raise OutOfRange("the value cancels beyond the precision used", Limit.PRECISION)
