"""One-step backward of the modern cells, by hand (the chain rule written out, no autograd).

``modern_backward`` takes the upstream gradients of the step's outputs — a mapping by the names of the
new state entries and the output (``h``, ``c``, ``n``, ``m``, ``C``, ``S``, ``z``, ``y``; absent ones
count as zero) — and returns ``dx``, ``d<state>_prev`` for each state entry, ``d<param>`` for each
parameter and the gradients of the named intermediates (``da_z``, ``ddelta``, …). The stabiliser's max
sends its gradient to the branch that is larger (ties are left to the first branch, log f + m_{t−1}).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from engine.activations import sigmoid
from engine.modern.backward_common import with_weights
from engine.modern.backward_xlstm import mlstm_backward, slstm_backward
from engine.modern.ssm import zoh_factor
from engine.params import Array, Params
from engine.record import StepRecord


def mingru_backward(
    p: Params, fwd: StepRecord, x: Array, h: Array, up: Mapping[str, Array]
) -> dict[str, Array]:
    """h = (1 − z) h_{t−1} + z h̃."""
    dh = up["h"]
    z, h_tilde, a_h = fwd["z"], fwd["h_tilde"], fwd["a_h"]
    dz, dh_tilde = dh * (h_tilde - h), dh * z
    slope = (
        np.where(a_h >= 0, 1.0, sigmoid(a_h) * (1.0 - sigmoid(a_h)))
        if fwd.convention == "log_space"
        else 1.0
    )
    da_z, da_h = dz * z * (1.0 - z), dh_tilde * slope
    out: dict[str, Array] = {
        "dz": dz,
        "dh_tilde": dh_tilde,
        "da_z": da_z,
        "da_h": da_h,
        "dh_prev": dh * (1.0 - z),
    }
    out["dx"] = with_weights(out, p, x, [("W_z", "b_z", da_z), ("W_h", "b_h", da_h)])
    return out


def minlstm_backward(
    p: Params, fwd: StepRecord, x: Array, h: Array, up: Mapping[str, Array]
) -> dict[str, Array]:
    """h = f′ h_{t−1} + i′ h̃ with f′ = f/(f + i), i′ = i/(f + i) (or f, i unnormalised)."""
    dh = up["h"]
    f, i, a_h = fwd["f"], fwd["i"], fwd["a_h"]
    df_prime, di_prime = dh * h, dh * fwd["h_tilde"]
    if fwd.convention == "unnormalised":
        df, di = df_prime, di_prime
    else:
        s2 = (f + i) ** 2
        df, di = (df_prime - di_prime) * i / s2, (di_prime - df_prime) * f / s2
    dh_tilde = dh * fwd["i_prime"]
    slope = (
        np.where(a_h >= 0, 1.0, sigmoid(a_h) * (1.0 - sigmoid(a_h)))
        if fwd.convention == "log_space"
        else 1.0
    )
    da_f, da_i, da_h = df * f * (1.0 - f), di * i * (1.0 - i), dh_tilde * slope
    out: dict[str, Array] = {
        "df_prime": df_prime, "di_prime": di_prime, "df": df, "di": di, "dh_tilde": dh_tilde,
        "da_f": da_f, "da_i": da_i, "da_h": da_h, "dh_prev": dh * fwd["f_prime"],
    }  # fmt: skip
    out["dx"] = with_weights(
        out, p, x, [("W_f", "b_f", da_f), ("W_i", "b_i", da_i), ("W_h", "b_h", da_h)]
    )
    return out


def ssm_backward(
    p: Params, fwd: StepRecord, x: Array, state: Mapping[str, Array], up: Mapping[str, Array]
) -> dict[str, Array]:
    """h = Ā ⊙ h_{t−1} + B̄ ⊙ x, y = h C + D ⊙ x, Ā = exp(Δ A), B̄ = Δ B, Δ = softplus(a_Δ)."""
    dy = up["y"]
    A_bar, B_bar, B, C, h, delta = (
        fwd["A_bar"],
        fwd["B_bar"],
        fwd["B"],
        fwd["C"],
        fwd["h"],
        fwd["delta"],
    )
    dh = up["h"] + np.outer(dy, C)
    dC = h.T @ dy
    dA_bar = dh * state["h"]
    dB_bar = dh * x[:, None]
    dA = dA_bar * A_bar * delta[:, None]
    if (
        fwd.convention == "zoh"
    ):  # B̄ = F ⊙ B with F = expm1(ΔA)/A: ∂F/∂Δ = Ā, ∂F/∂A = (ΔĀA − expm1(ΔA))/A²
        A = p["A"]
        dF = dB_bar * B[None, :]
        ddelta = np.sum(dA_bar * A_bar * A + dF * A_bar, axis=1)
        safe = np.where(A == 0.0, 1.0, A)
        slope = (delta[:, None] * A_bar * A - np.expm1(delta[:, None] * A)) / safe**2
        dA = dA + dF * np.where(A == 0.0, delta[:, None] ** 2 / 2.0, slope)
        dB = np.sum(dB_bar * zoh_factor(delta, A), axis=0)
    else:
        ddelta = np.sum(dA_bar * A_bar * p["A"], axis=1) + dB_bar @ B
        dB = delta @ dB_bar
    da_delta = ddelta * sigmoid(fwd["a_delta"])
    out: dict[str, Array] = {
        "dh": dh, "dC": dC, "dB": dB, "dA_bar": dA_bar, "dB_bar": dB_bar, "ddelta": ddelta,
        "da_delta": da_delta, "dA": dA, "dD": dy * x,
        "dh_prev": dh * A_bar,
    }  # fmt: skip
    dx = with_weights(
        out, p, x, [("W_delta", "b_delta", da_delta), ("W_B", None, dB), ("W_C", None, dC)]
    )
    out["dx"] = dx + dy * p["D"] + np.sum(dh * B_bar, axis=1)
    return out


def linear_attention_backward(
    p: Params, fwd: StepRecord, x: Array, state: Mapping[str, Array], up: Mapping[str, Array]
) -> dict[str, Array]:
    """S = S_{t−1} + φ(k) vᵀ, z = z_{t−1} + φ(k), y = Sᵀ φ(q) / zᵀ φ(q)."""
    dy = up["y"]
    S, z, den, phi_q, phi_k = fwd["S"], fwd["z"], fwd["den"], fwd["phi_q"], fwd["phi_k"]
    dnum = dy / den
    dden = -np.atleast_1d(dy @ fwd["y"]) / den
    dS = up["S"] + np.outer(phi_q, dnum)
    dz = up["z"] + dden * phi_q
    dphi_q = S @ dnum + dden * z
    dphi_k = dS @ fwd["v"] + dz
    dv = dS.T @ phi_k
    dq = dphi_q * np.where(fwd["q"] > 0, 1.0, phi_q)  # φ′ = 1 above 0, e^a = φ below
    dk = dphi_k * np.where(fwd["k"] > 0, 1.0, phi_k)
    out: dict[str, Array] = {"dS": dS, "dz": dz, "dden": dden, "dphi_q": dphi_q, "dphi_k": dphi_k,
                             "dq": dq, "dk": dk, "dv": dv, "dS_prev": dS.copy(), "dz_prev": dz.copy()}  # fmt: skip
    out["dx"] = with_weights(
        out, p, x, [("W_q", "b_q", dq), ("W_k", "b_k", dk), ("W_v", "b_v", dv)]
    )
    return out


def modern_backward(
    p: Params, fwd: StepRecord, x: Array, state: Mapping[str, Array], up: Mapping[str, Array]
) -> dict[str, Array]:
    """The backward step of ``fwd.cell``; ``up`` holds every upstream gradient (zeros filled in)."""
    cell = fwd.cell
    if cell == "mingru":
        return mingru_backward(p, fwd, x, state["h"], up)
    if cell == "minlstm":
        return minlstm_backward(p, fwd, x, state["h"], up)
    if cell == "slstm":
        return slstm_backward(p, fwd, x, state, up)
    if cell == "mlstm":
        return mlstm_backward(p, fwd, x, state, up)
    if cell == "ssm":
        return ssm_backward(p, fwd, x, state, up)
    return linear_attention_backward(p, fwd, x, state, up)
