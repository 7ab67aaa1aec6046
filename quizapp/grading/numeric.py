"""Numeric comparison for graded answers: the tolerance, per-element marks and partial credit.

An answer element ``v`` is right when ``|v - e| <= absolute + relative * |e|`` for the expected ``e``.
The default suits answers given to two decimals (a rounding error of 0.005 passes, 0.01 does not for
values near 0). Pure functions on tuples and arrays; nothing here knows about drills.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Tolerance:
    """Per-element tolerance: absolute plus relative to the expected value."""

    absolute: float = 0.006
    relative: float = 0.01

    def __post_init__(self) -> None:
        for name in ("absolute", "relative"):
            value = getattr(self, name)
            if not (isinstance(value, int | float) and np.isfinite(value) and value >= 0):
                raise ValueError(f"tolerance {name}: expected a finite number >= 0, got {value!r}")

    def scaled(self, factor: float) -> Tolerance:
        """The same tolerance made ``factor`` times wider."""
        return Tolerance(self.absolute * factor, self.relative * factor)


def element_marks(
    values: Sequence[float], expected: Sequence[float], tolerance: Tolerance
) -> tuple[bool, ...]:
    """One mark per element: is the answer within tolerance of the expected value there?"""
    if len(values) != len(expected):
        return tuple(False for _ in expected)
    return tuple(
        bool(abs(v - e) <= tolerance.absolute + tolerance.relative * abs(e))
        for v, e in zip(values, expected, strict=True)
    )


def all_close(values: Sequence[float], expected: Sequence[float], tolerance: Tolerance) -> bool:
    """Every element within tolerance (and the same length)."""
    return len(values) == len(expected) and all(element_marks(values, expected, tolerance))


def rows_close(rows: Array, target: Array, tolerance: Tolerance) -> npt.NDArray[np.bool_]:
    """For each row of ``rows`` (V, L): is every element within tolerance of ``target`` (L,)?"""
    limit = tolerance.absolute + tolerance.relative * np.abs(rows)
    result: npt.NDArray[np.bool_] = np.all(np.abs(rows - target) <= limit, axis=-1)
    return result


def partial_credit(marks: Sequence[bool]) -> float:
    """The share of elements marked right (0 for no elements)."""
    return sum(marks) / len(marks) if marks else 0.0
