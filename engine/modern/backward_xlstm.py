"""One-step backward of the sLSTM and mLSTM, through the stabiliser (see engine.modern.backward).

The stabiliser's max m_t = max(log f + m_{t−1}, ĩ) sends its gradient to the larger branch (ties go to
the first, log f + m_{t−1}).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from engine.activations import log_sigmoid
from engine.modern.backward_common import with_weights
from engine.params import Array, Params
from engine.record import StepRecord


def _log_forget(fwd: StepRecord) -> Array:
    """log f from the forget pre-activation: log σ(f̃) or f̃."""
    return fwd["a_f"].copy() if fwd.convention == "exp" else log_sigmoid(fwd["a_f"])


def _stabiliser_backward(
    fwd: StepRecord, m_prev: Array, di_prime: Array, df_prime: Array, dm: Array
) -> tuple[Array, Array, Array]:
    """(δĩ, δ log f, δm_{t−1}) through i′ = e^{ĩ−m}, f′ = e^{log f + m_{t−1} − m}, m = max(log f + m_{t−1}, ĩ)."""
    i_prime, f_prime = fwd["i_prime"], fwd["f_prime"]
    dm_total = dm - di_prime * i_prime - df_prime * f_prime
    log_f = _log_forget(fwd)
    forget_wins = log_f + m_prev >= fwd["a_i"]
    da_i = di_prime * i_prime + np.where(forget_wins, 0.0, dm_total)
    d_log_f = df_prime * f_prime + np.where(forget_wins, dm_total, 0.0)
    return da_i, d_log_f, d_log_f.copy()


def _log_forget_slope(fwd: StepRecord) -> Array:
    """d log f / d f̃: 1 − σ(f̃) for the sigmoid gate, 1 for exp."""
    return np.ones_like(fwd["a_f"]) if fwd.convention == "exp" else 1.0 - fwd["f"]


def slstm_backward(
    p: Params, fwd: StepRecord, x: Array, state: Mapping[str, Array], up: Mapping[str, Array]
) -> dict[str, Array]:
    """c = f′ c_{t−1} + i′ z, n = f′ n_{t−1} + i′, h = o c / n."""
    o, c, n, z = fwd["o"], fwd["c"], fwd["n"], fwd["z"]
    dh = up["h"]
    dc = up["c"] + dh * o / n
    dn = up["n"] - dh * o * c / n**2
    do = dh * c / n
    df_prime = dc * state["c"] + dn * state["n"]
    di_prime = dc * z + dn
    da_i, d_log_f, dm_prev = _stabiliser_backward(fwd, state["m"], di_prime, df_prime, up["m"])
    da = {"z": dc * fwd["i_prime"] * (1.0 - z**2), "i": da_i, "f": d_log_f * _log_forget_slope(fwd),
          "o": do * o * (1.0 - o)}  # fmt: skip
    out: dict[str, Array] = {
        "dc": dc,
        "dn": dn,
        "do": do,
        "df_prime": df_prime,
        "di_prime": di_prime,
    }
    out.update({f"da_{k}": da[k] for k in "zifo"})
    out["dx"] = with_weights(out, p, x, [(f"W_{k}", f"b_{k}", da[k]) for k in "zifo"])
    for k in "zifo":
        out[f"dU_{k}"] = np.outer(da[k], state["h"])
    out["dh_prev"] = sum((da[k] @ p[f"U_{k}"] for k in "zifo"), np.zeros_like(state["h"]))
    out.update(dc_prev=dc * fwd["f_prime"], dn_prev=dn * fwd["f_prime"], dm_prev=dm_prev)
    return out


def mlstm_backward(
    p: Params, fwd: StepRecord, x: Array, state: Mapping[str, Array], up: Mapping[str, Array]
) -> dict[str, Array]:
    """C = f′ C_{t−1} + i′ v kᵀ, n = f′ n_{t−1} + i′ k, h = o ⊙ C q / max(|nᵀq|, e^{−m})."""
    o, h_tilde, den, qn = fwd["o"], fwd["h_tilde"], fwd["den"], fwd["qn"]
    q, k, v, C, n, m = fwd["q"], fwd["k"], fwd["v"], fwd["C"], fwd["n"], fwd["m"]
    i_prime, f_prime = fwd["i_prime"], fwd["f_prime"]
    dh = up["h"]
    do = dh * h_tilde
    dh_tilde = dh * o
    dnum = dh_tilde / den
    dden = -np.atleast_1d(dh_tilde @ h_tilde) / den
    dot_wins = np.abs(qn) >= np.exp(-m)
    dqn = np.where(dot_wins, dden * np.sign(qn), 0.0)
    dm = up["m"] + np.where(dot_wins, 0.0, -dden * np.exp(-m))
    dC = up["C"] + np.outer(dnum, q)
    dn = up["n"] + dqn * q
    dq = C.T @ dnum + dqn * n
    df_prime = np.atleast_1d(np.sum(dC * state["C"]) + dn @ state["n"])
    di_prime = np.atleast_1d(np.sum(dC * np.outer(v, k)) + dn @ k)
    dv = i_prime * (dC @ k)
    dk = i_prime * (dC.T @ v + dn)
    da_i, d_log_f, dm_prev = _stabiliser_backward(fwd, state["m"], di_prime, df_prime, dm)
    da_f = d_log_f * _log_forget_slope(fwd)
    da_o = do * o * (1.0 - o)
    da_k = dk / math.sqrt(k.shape[0])
    out: dict[str, Array] = {
        "dh_tilde": dh_tilde, "do": do, "dden": dden, "dC": dC, "dn": dn, "dq": dq, "dk": dk, "dv": dv,
        "df_prime": df_prime, "di_prime": di_prime, "da_k": da_k, "da_i": da_i, "da_f": da_f, "da_o": da_o,
    }  # fmt: skip
    dx = with_weights(
        out,
        p,
        x,
        [("W_q", "b_q", dq), ("W_k", "b_k", da_k), ("W_v", "b_v", dv), ("W_o", "b_o", da_o)],
    )
    out.update(dw_i=da_i[0] * x, db_i=da_i.copy(), dw_f=da_f[0] * x, db_f=da_f.copy())
    out["dx"] = dx + da_i[0] * p["w_i"] + da_f[0] * p["w_f"]
    out.update(dC_prev=f_prime * dC, dn_prev=f_prime * dn, dm_prev=dm_prev)
    return out
