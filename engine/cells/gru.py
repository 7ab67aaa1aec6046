"""The GRU in its three conventions, and the minimal gated unit (MGU).

All GRU forms: ``r = σ(a_r)``, ``z = σ(a_z)`` with ``a_k = W_k x + U_k h + b_k + bh_k``.
- pytorch: ``n = tanh(W_n x + b_n + r ⊙ (U_n h + bh_n))``; ``h' = (1 - z) ⊙ n + z ⊙ h``.
- d2l:     ``n = tanh(W_n x + U_n (r ⊙ h) + b_n + bh_n)``; ``h' = z ⊙ h + (1 - z) ⊙ n``.
- colah:   candidate as d2l; ``h' = (1 - z) ⊙ h + z ⊙ n``.
MGU (Zhou et al. 2016): ``f = σ(a_f)``, ``n = tanh(W_n x + U_n (f ⊙ h) + b_n)``,
``h' = (1 - f) ⊙ h + f ⊙ n``.
"""

from __future__ import annotations

from engine.activations import sigmoid, tanh
from engine.cells.common import affine, gate_preactivation
from engine.params import Array, Params
from engine.record import StepRecord, make_record


def gru_step(params: Params, x: Array, h: Array, convention: str = "pytorch") -> StepRecord:
    """One GRU step in ``convention`` (pytorch, d2l or colah); x (d,)/(B, d), h (n,)/(B, n)."""
    a_r = gate_preactivation(params, "r", x, h)
    a_z = gate_preactivation(params, "z", x, h)
    r, z = sigmoid(a_r), sigmoid(a_z)
    values: dict[str, Array] = {"a_r": a_r, "a_z": a_z, "r": r, "z": z}
    if convention == "pytorch":
        s = affine(h, params["U_n"]) + params["bh_n"]
        a_n = affine(x, params["W_n"]) + params["b_n"] + r * s
        values["s"] = s
    else:
        a_n = (
            affine(x, params["W_n"])
            + affine(r * h, params["U_n"])
            + params["b_n"]
            + (params["bh_n"])
        )
    n = tanh(a_n)
    h_new = z * n + (1.0 - z) * h if convention == "colah" else (1.0 - z) * n + z * h
    values.update(a_n=a_n, n=n, h=h_new)
    return make_record("gru", convention, values)


def mgu_step(params: Params, x: Array, h: Array) -> StepRecord:
    """One minimal gated unit step."""
    a_f = gate_preactivation(params, "f", x, h)
    f = sigmoid(a_f)
    a_n = affine(x, params["W_n"]) + affine(f * h, params["U_n"]) + params["b_n"] + params["bh_n"]
    n = tanh(a_n)
    h_new = (1.0 - f) * h + f * n
    return make_record("mgu", "standard", {"a_f": a_f, "f": f, "a_n": a_n, "n": n, "h": h_new})
