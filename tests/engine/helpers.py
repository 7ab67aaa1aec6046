"""Test helpers for the engine: random cases and finite differences."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]


def numeric_gradient(f: Callable[[Array], float], at: Array, eps: float = 1e-6) -> Array:
    """Central finite differences of a scalar function."""
    grad = np.zeros_like(at)
    for index in np.ndindex(at.shape):
        plus, minus = at.copy(), at.copy()
        plus[index] += eps
        minus[index] -= eps
        grad[index] = (f(plus) - f(minus)) / (2 * eps)
    return grad
