"""The element-wise functions the cells use, written once."""

from __future__ import annotations

import numpy as np

from engine.params import Array


def sigmoid(a: Array) -> Array:
    """σ(a) = 1 / (1 + e^(-a)), computed without overflow for large |a|."""
    out: Array = np.empty_like(a, dtype=np.float64)
    positive = a >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-a[positive]))
    exp_a = np.exp(a[~positive])
    out[~positive] = exp_a / (1.0 + exp_a)
    return out


def tanh(a: Array) -> Array:
    """The hyperbolic tangent."""
    return np.tanh(a)


def relu(a: Array) -> Array:
    """max(a, 0)."""
    return np.maximum(a, 0.0)
