"""Causal linear attention as a recurrent cell (Katharopoulos et al. 2020, eqs. 16–20).

``q, k, v = W x + b`` (n each), feature map ``φ = elu + 1``; ``S = S_{t−1} + φ(k) vᵀ`` (n×n, rows by
key feature), ``z = z_{t−1} + φ(k)``, ``y = Sᵀ φ(q) / (zᵀ φ(q))``.
"""

from __future__ import annotations

import numpy as np

from engine.activations import elu_plus_one
from engine.cells.common import affine
from engine.errors import EngineError
from engine.params import Array, Params
from engine.record import StepRecord, make_record


def linear_attention_step(params: Params, x: Array, state: dict[str, Array]) -> StepRecord:
    """One step; state holds S (n×n) and z (n,)."""
    q = affine(x, params["W_q"]) + params["b_q"]
    k = affine(x, params["W_k"]) + params["b_k"]
    v = affine(x, params["W_v"]) + params["b_v"]
    phi_q, phi_k = elu_plus_one(q), elu_plus_one(k)
    S_new = state["S"] + np.outer(phi_k, v)
    z_new = state["z"] + phi_k
    num = S_new.T @ phi_q
    den = np.atleast_1d(z_new @ phi_q)
    if np.any(den == 0.0):
        raise EngineError("the normaliser zᵀφ(q) is 0 (is z_{t−1} negative?)")
    return make_record(
        "linear_attention",
        "standard",
        {"q": q, "k": k, "v": v, "phi_q": phi_q, "phi_k": phi_k, "S": S_new, "z": z_new,
         "num": num, "den": den, "y": num / den},
    )  # fmt: skip
