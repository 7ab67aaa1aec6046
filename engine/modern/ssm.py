"""One step of a diagonal selective state-space model (Mamba's S6; Gu & Dao 2023, Algorithm 2).

``Δ = softplus(W_Δ x + b_Δ)`` (d,), ``B = W_B x`` and ``C = W_C x`` (N,), ``A`` (d×N, negative);
zero-order hold ``Ā = exp(Δ ⊙ A)`` (each row d scaled by Δ_d); ``B̄ = Δ B`` (convention "simplified",
what mamba_ssm's reference code computes) or the exact zero-order hold of eq. 4,
``B̄ = (ΔA)⁻¹(exp(ΔA) − I) ΔB = expm1(ΔA)/A ⊙ B`` ("zoh"; Δ B where A = 0), both d×N; per channel
``h = Ā ⊙ h_{t−1} + B̄ ⊙ x`` (d×N, x broadcast along N) and ``y = h C + D ⊙ x`` (d,).
"""

from __future__ import annotations

import numpy as np

from engine.activations import softplus
from engine.cells.common import affine
from engine.params import Array, Params
from engine.record import StepRecord, make_record


def zoh_factor(delta: Array, A: Array) -> Array:
    """expm1(Δ A) / A (d×N), with its limit Δ where A = 0: the exact hold's B̄ / B."""
    safe = np.where(A == 0.0, 1.0, A)
    out: Array = np.where(A == 0.0, delta[:, None], np.expm1(delta[:, None] * A) / safe)
    return out


def ssm_step(params: Params, x: Array, h: Array, convention: str = "simplified") -> StepRecord:
    """One selective SSM step; x (d,), h (d, N)."""
    a_delta = affine(x, params["W_delta"]) + params["b_delta"]
    delta = softplus(a_delta)
    B = affine(x, params["W_B"])
    C = affine(x, params["W_C"])
    A_bar = np.exp(delta[:, None] * params["A"])
    factor = zoh_factor(delta, params["A"]) if convention == "zoh" else delta[:, None]
    B_bar = factor * B[None, :]
    h_new = A_bar * h + B_bar * x[:, None]
    y = h_new @ C + params["D"] * x
    return make_record(
        "ssm",
        convention,
        {"a_delta": a_delta, "delta": delta, "B": B, "C": C, "A_bar": A_bar, "B_bar": B_bar,
         "h": h_new, "y": y},
    )  # fmt: skip
