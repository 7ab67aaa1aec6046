"""The simple recurrent unit, in the 2018 paper's form (Lei et al. 2018).

``f = σ(W_f x + v_f ⊙ c + b_f)``, ``r = σ(W_r x + v_r ⊙ c + b_r)``, ``u = W_c x``,
``c' = f ⊙ c + (1 - f) ⊙ u``, ``h' = r ⊙ c' + (1 - r) ⊙ x`` (the highway term needs d = n).
Every matrix product involves only x, so all of them can run for a whole sequence at once. The reference
library also scales the highway term by a constant (√3 by default); the paper form here uses 1.
"""

from __future__ import annotations

from engine.activations import sigmoid
from engine.cells.common import affine
from engine.params import Array, Params
from engine.record import StepRecord, make_record


def sru_step(params: Params, x: Array, c: Array) -> StepRecord:
    """One SRU step; x (d,)/(B, d) and c (n,)/(B, n) with d = n."""
    a_f = affine(x, params["W_f"]) + params["v_f"] * c + params["b_f"]
    a_r = affine(x, params["W_r"]) + params["v_r"] * c + params["b_r"]
    f, r = sigmoid(a_f), sigmoid(a_r)
    u = affine(x, params["W_c"])
    c_new = f * c + (1.0 - f) * u
    h_new = r * c_new + (1.0 - r) * x
    return make_record(
        "sru",
        "standard",
        {"a_f": a_f, "a_r": a_r, "f": f, "r": r, "u": u, "c": c_new, "h": h_new},
    )
