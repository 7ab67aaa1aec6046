"""minGRU and minLSTM (Feng et al. 2024, "Were RNNs All We Needed?"): gates that read only x_t.

mingru:  ``z = σ(W_z x + b_z)``, ``h̃ = W_h x + b_h`` (convention "paper") or ``g(W_h x + b_h)``
("log_space", the reference code's g(a) = a + 0.5 for a ≥ 0, σ(a) below), ``h = (1 − z) ⊙ h_{t−1} + z ⊙ h̃``.
minlstm: ``f = σ(W_f x + b_f)``, ``i = σ(W_i x + b_i)``, ``h̃`` as above, ``f′ = f / (f + i)``,
``i′ = i / (f + i)`` ("paper" and "log_space"; "unnormalised" uses f′ = f, i′ = i),
``h = f′ ⊙ h_{t−1} + i′ ⊙ h̃``. Shapes: x (d,), h (n,).
"""

from __future__ import annotations

from engine.activations import g_positive, sigmoid
from engine.cells.common import affine
from engine.params import Array, Params
from engine.record import StepRecord, make_record


def _candidate(params: Params, x: Array, convention: str) -> tuple[Array, Array]:
    a_h = affine(x, params["W_h"]) + params["b_h"]
    return a_h, (g_positive(a_h) if convention == "log_space" else a_h.copy())


def mingru_step(params: Params, x: Array, h: Array, convention: str = "paper") -> StepRecord:
    """One minGRU step."""
    a_z = affine(x, params["W_z"]) + params["b_z"]
    z = sigmoid(a_z)
    a_h, h_tilde = _candidate(params, x, convention)
    h_new = (1.0 - z) * h + z * h_tilde
    return make_record(
        "mingru", convention, {"a_z": a_z, "z": z, "a_h": a_h, "h_tilde": h_tilde, "h": h_new}
    )


def minlstm_step(params: Params, x: Array, h: Array, convention: str = "paper") -> StepRecord:
    """One minLSTM step."""
    a_f = affine(x, params["W_f"]) + params["b_f"]
    a_i = affine(x, params["W_i"]) + params["b_i"]
    f, i = sigmoid(a_f), sigmoid(a_i)
    a_h, h_tilde = _candidate(params, x, convention)
    if convention == "unnormalised":
        f_prime, i_prime = f.copy(), i.copy()
    else:
        f_prime, i_prime = f / (f + i), i / (f + i)
    h_new = f_prime * h + i_prime * h_tilde
    return make_record(
        "minlstm",
        convention,
        {"a_f": a_f, "a_i": a_i, "a_h": a_h, "f": f, "i": i, "h_tilde": h_tilde,
         "f_prime": f_prime, "i_prime": i_prime, "h": h_new},
    )  # fmt: skip
