"""The plain (Elman) RNN and the clockwork RNN.

rnn: ``a = W x + U h + b + bh``; ``h' = φ(a)`` with φ = tanh (convention "tanh") or relu ("relu").
clockwork (Koutník et al. 2014): hidden units form modules with periods T_1 < … < T_g; at step t module m
is recomputed as ``tanh(W x + U h + b)`` on its rows only when ``t mod T_m = 0``, else it keeps h.
"""

from __future__ import annotations

import numpy as np

from engine.activations import relu, sigmoid, tanh
from engine.cells.common import affine
from engine.errors import EngineError
from engine.params import Array, Params
from engine.record import StepRecord, make_record


def _preactivation(params: Params, x: Array, h: Array) -> Array:
    return affine(x, params["W"]) + affine(h, params["U"]) + params["b"] + params["bh"]


READOUTS: tuple[str, ...] = ("softmax", "sigmoid", "identity")


def readout(V: Array, c_y: Array, h: Array, kind: str) -> tuple[Array, Array]:
    """The seed's output layer ``y = ψ(V h + c_y)``; returns (pre-activation, y)."""
    a_y = affine(h, V) + c_y
    if kind == "sigmoid":
        return a_y, sigmoid(a_y)
    if kind == "identity":
        return a_y, a_y.copy()
    shifted = np.exp(a_y - np.max(a_y, axis=-1, keepdims=True))  # stable softmax
    return a_y, shifted / np.sum(shifted, axis=-1, keepdims=True)


def rnn_step(
    params: Params,
    x: Array,
    h: Array,
    convention: str = "tanh",
    output: tuple[Array, Array, str] | None = None,
) -> StepRecord:
    """One Elman RNN step; shapes x (d,)/(B, d), h (n,)/(B, n).

    ``output`` = (V (m×n), c_y (m,), ψ) adds the readout ``y = ψ(V h' + c_y)`` as ``a_y`` and ``y``.
    """
    a = _preactivation(params, x, h)
    h_new = tanh(a) if convention == "tanh" else relu(a)
    values = {"a": a, "h": h_new}
    if output is not None:
        values["a_y"], values["y"] = readout(output[0], output[1], h_new, output[2])
    return make_record("rnn", convention, values)


def clockwork_step(
    params: Params, x: Array, h: Array, t: int, periods: tuple[int, ...]
) -> StepRecord:
    """One clockwork RNN step at time ``t`` with module ``periods`` (fast to slow)."""
    n = h.shape[-1]
    modules = len(periods)
    if modules < 1 or n % modules:
        raise EngineError(f"periods: {modules} modules cannot split n={n} hidden units evenly")
    if any(p < 1 for p in periods):
        raise EngineError(f"periods must be positive whole numbers, got {list(periods)}")
    size = n // modules
    active = np.array([1.0 if t % period == 0 else 0.0 for period in periods])
    row_active = np.repeat(active, size).astype(bool)
    a = _preactivation(params, x, h)
    h_new = np.where(row_active, tanh(a), h)
    return make_record("clockwork", "standard", {"a": a, "active": active, "h": h_new})
