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


def softplus(a: Array) -> Array:
    """log(1 + e^a), computed without overflow."""
    out: Array = np.logaddexp(0.0, a)
    return out


def log_sigmoid(a: Array) -> Array:
    """log σ(a) = -softplus(-a)."""
    return -softplus(-a)


def elu_plus_one(a: Array) -> Array:
    """φ(a) = elu(a) + 1: a + 1 for a > 0, e^a otherwise (always positive)."""
    out: Array = np.where(a > 0, a + 1.0, np.exp(np.minimum(a, 0.0)))
    return out


def g_positive(a: Array) -> Array:
    """The minGRU reference's g(a): a + 0.5 for a >= 0, σ(a) otherwise (always positive)."""
    out: Array = np.where(a >= 0, a + 0.5, sigmoid(a))
    return out
