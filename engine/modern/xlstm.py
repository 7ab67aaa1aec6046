"""The xLSTM cells (Beck et al. 2024): sLSTM (scalar memory) and mLSTM (matrix memory), stabilised.

Both use the exponential input gate i = exp(ĩ) and a forget gate f = σ(f̃) (convention "sigmoid", the
xlstm package's choice) or exp(f̃) ("exp"). The stabiliser ``m_t = max(log f + m_{t−1}, ĩ)`` gives
``i′ = exp(ĩ − m_t)`` and ``f′ = exp(log f + m_{t−1} − m_t)``; the state (c, n) or (C, n) is kept
stabilised, i.e. scaled by exp(−m_t), which leaves h unchanged.

slstm: ``ã_k = W_k x + U_k h_{t−1} + b_k`` for k = z, i, f, o; ``z = tanh(a_z)``, ``o = σ(a_o)``;
``c = f′ c_{t−1} + i′ z``, ``n = f′ n_{t−1} + i′``, ``h = o ⊙ c / n``. State h, c, n, m all (n,).
mlstm (one head of dimension n): ``q = W_q x + b_q``, ``k = (W_k x + b_k)/√n``, ``v = W_v x + b_v``,
``ĩ = w_i·x + b_i``, ``f̃ = w_f·x + b_f`` (scalars), ``o = σ(W_o x + b_o)``;
``C = f′ C_{t−1} + i′ v kᵀ`` (n×n), ``n = f′ n_{t−1} + i′ k``, ``h̃ = C q / max(|nᵀq|, exp(−m_t))``,
``h = o ⊙ h̃`` — the paper's max(|nᵀq|, 1) on the unstabilised state, written for the stabilised one.
"""

from __future__ import annotations

import math

import numpy as np

from engine.activations import log_sigmoid, sigmoid, tanh
from engine.cells.common import affine
from engine.errors import EngineError
from engine.params import Array, Params
from engine.record import StepRecord, make_record


def _forget(a_f: Array, convention: str) -> tuple[Array, Array]:
    """(f, log f) for the forget gate's convention."""
    if convention == "exp":
        return np.exp(a_f), a_f.copy()
    return sigmoid(a_f), log_sigmoid(a_f)


def _stabilise(a_i: Array, log_f: Array, m: Array) -> tuple[Array, Array, Array]:
    """(m_t, i′, f′) from the input pre-activation, log f and m_{t−1}."""
    m_new: Array = np.maximum(log_f + m, a_i)
    return m_new, np.exp(a_i - m_new), np.exp(log_f + m - m_new)


def slstm_step(
    params: Params, x: Array, state: dict[str, Array], convention: str = "sigmoid"
) -> StepRecord:
    """One sLSTM step; state holds h, c, n, m (each (n,))."""
    h = state["h"]
    a = {k: affine(x, params[f"W_{k}"]) + affine(h, params[f"U_{k}"]) + params[f"b_{k}"]
         for k in ("z", "i", "f", "o")}  # fmt: skip
    z, o = tanh(a["z"]), sigmoid(a["o"])
    f, log_f = _forget(a["f"], convention)
    m_new, i_prime, f_prime = _stabilise(a["i"], log_f, state["m"])
    c_new = f_prime * state["c"] + i_prime * z
    n_new = f_prime * state["n"] + i_prime
    if np.any(n_new == 0.0):
        raise EngineError("n_t is 0, so h = o ⊙ c / n is undefined (is n_{t−1} negative?)")
    h_new = o * c_new / n_new
    return make_record(
        "slstm",
        convention,
        {"a_z": a["z"], "a_i": a["i"], "a_f": a["f"], "a_o": a["o"],
         "z": z, "i": np.exp(a["i"]), "f": f, "o": o, "m": m_new,
         "i_prime": i_prime, "f_prime": f_prime, "c": c_new, "n": n_new, "h": h_new},
    )  # fmt: skip


def mlstm_step(
    params: Params, x: Array, state: dict[str, Array], convention: str = "sigmoid"
) -> StepRecord:
    """One single-head mLSTM step; state holds C (n×n), n (n,) and m (1,)."""
    q = affine(x, params["W_q"]) + params["b_q"]
    a_k = affine(x, params["W_k"]) + params["b_k"]
    k = a_k / math.sqrt(a_k.shape[-1])
    v = affine(x, params["W_v"]) + params["b_v"]
    a_i = np.atleast_1d(x @ params["w_i"]) + params["b_i"]
    a_f = np.atleast_1d(x @ params["w_f"]) + params["b_f"]
    a_o = affine(x, params["W_o"]) + params["b_o"]
    f, log_f = _forget(a_f, convention)
    o = sigmoid(a_o)
    m_new, i_prime, f_prime = _stabilise(a_i, log_f, state["m"])
    C_new = f_prime * state["C"] + i_prime * np.outer(v, k)
    n_new = f_prime * state["n"] + i_prime * k
    num = C_new @ q
    qn = np.atleast_1d(n_new @ q)
    den = np.maximum(np.abs(qn), np.exp(-m_new))
    h_tilde = num / den
    return make_record(
        "mlstm",
        convention,
        {"q": q, "a_k": a_k, "k": k, "v": v, "a_i": a_i, "a_f": a_f, "a_o": a_o,
         "i": np.exp(a_i), "f": f, "o": o, "m": m_new, "i_prime": i_prime, "f_prime": f_prime,
         "C": C_new, "n": n_new, "num": num, "qn": qn, "den": den, "h_tilde": h_tilde,
         "h": o * h_tilde},
    )  # fmt: skip
