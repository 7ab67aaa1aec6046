"""The LSTM family: standard, peephole, coupled input-forget gate (CIFG) and depth-gated.

lstm: ``f, i, o = σ(a_k)``, ``g = tanh(a_g)`` (the candidate C̃_t), ``c' = f ⊙ c + i ⊙ g``,
``h' = o ⊙ tanh(c')``, each ``a_k = W_k x + U_k h + b_k + bh_k``.
peephole (Gers & Schmidhuber 2000): ``a_i += p_i ⊙ c``, ``a_f += p_f ⊙ c``, ``a_o += p_o ⊙ c'``.
cifg: no input-gate parameters, ``i = 1 - f``.
depth_gated (Yao et al. 2015): a peephole LSTM whose cell also receives the lower layer's cell through
``d = σ(W_d x + w_cd ⊙ c + w_ld ⊙ c_low + b_d)``; ``c' = d ⊙ c_low + f ⊙ c + i ⊙ g``.
"""

from __future__ import annotations

from engine.activations import sigmoid, tanh
from engine.cells.common import affine, gate_preactivation
from engine.params import Array, Params
from engine.record import StepRecord, make_record


def lstm_step(params: Params, x: Array, h: Array, c: Array) -> StepRecord:
    """One LSTM step; x (d,)/(B, d), h and c (n,)/(B, n)."""
    a = {k: gate_preactivation(params, k, x, h) for k in "ifgo"}
    i, f, g, o = sigmoid(a["i"]), sigmoid(a["f"]), tanh(a["g"]), sigmoid(a["o"])
    c_new = f * c + i * g
    h_new = o * tanh(c_new)
    return make_record(
        "lstm",
        "standard",
        {"a_i": a["i"], "a_f": a["f"], "a_g": a["g"], "a_o": a["o"],
         "i": i, "f": f, "g": g, "o": o, "c": c_new, "h": h_new},
    )  # fmt: skip


def peephole_step(params: Params, x: Array, h: Array, c: Array) -> StepRecord:
    """One peephole LSTM step: i and f peek at the old cell, o at the new one."""
    a_i = gate_preactivation(params, "i", x, h) + params["p_i"] * c
    a_f = gate_preactivation(params, "f", x, h) + params["p_f"] * c
    a_g = gate_preactivation(params, "g", x, h)
    i, f, g = sigmoid(a_i), sigmoid(a_f), tanh(a_g)
    c_new = f * c + i * g
    a_o = gate_preactivation(params, "o", x, h) + params["p_o"] * c_new
    o = sigmoid(a_o)
    h_new = o * tanh(c_new)
    return make_record(
        "peephole",
        "standard",
        {"a_i": a_i, "a_f": a_f, "a_g": a_g, "a_o": a_o,
         "i": i, "f": f, "g": g, "o": o, "c": c_new, "h": h_new},
    )  # fmt: skip


def cifg_step(params: Params, x: Array, h: Array, c: Array) -> StepRecord:
    """One coupled input-forget gate step: the input gate is 1 - f."""
    a_f = gate_preactivation(params, "f", x, h)
    a_g = gate_preactivation(params, "g", x, h)
    a_o = gate_preactivation(params, "o", x, h)
    f, g, o = sigmoid(a_f), tanh(a_g), sigmoid(a_o)
    i = 1.0 - f
    c_new = f * c + i * g
    h_new = o * tanh(c_new)
    return make_record(
        "cifg",
        "standard",
        {"a_f": a_f, "a_g": a_g, "a_o": a_o, "i": i, "f": f, "g": g, "o": o, "c": c_new,
         "h": h_new},
    )  # fmt: skip


def depth_gated_step(params: Params, x: Array, h: Array, c: Array, c_low: Array) -> StepRecord:
    """One depth-gated LSTM step; ``c_low`` is the lower layer's cell at this step, shape like c."""
    a_d = affine(x, params["W_d"]) + params["w_cd"] * c + params["w_ld"] * c_low + params["b_d"]
    a_i = gate_preactivation(params, "i", x, h) + params["p_i"] * c
    a_f = gate_preactivation(params, "f", x, h) + params["p_f"] * c
    a_g = gate_preactivation(params, "g", x, h)
    d, i, f, g = sigmoid(a_d), sigmoid(a_i), sigmoid(a_f), tanh(a_g)
    c_new = d * c_low + f * c + i * g
    a_o = gate_preactivation(params, "o", x, h) + params["p_o"] * c_new
    o = sigmoid(a_o)
    h_new = o * tanh(c_new)
    return make_record(
        "depth_gated",
        "standard",
        {"a_d": a_d, "a_i": a_i, "a_f": a_f, "a_g": a_g, "a_o": a_o,
         "d": d, "i": i, "f": f, "g": g, "o": o, "c": c_new, "h": h_new},
    )  # fmt: skip
