"""The GRU (three conventions) and the MGU in Colah's layout.

The hidden state runs along the top (h_{t−1} → ⊙ → + → h_t); h_{t−1} also drops down the left
edge to meet x_t in the bundle feeding the gates. The reset product r ⊙ h (or r ⊙ (U_n h) in the
PyTorch convention, drawn with a U_n box before the ⊙) runs right into the candidate's tanh.
Which branch of the update carries the "1−" node depends on the convention.
"""

from __future__ import annotations

from quizapp.gui.diagram.builder import H_NEW, H_PREV, X_T, Builder
from quizapp.gui.diagram.model import Diagram

TOP, GATES, BUS, X_LINE = 1.4, 5.4, 7.3, 7.72
X_R, X_Z, X_N = 3.4, 5.4, 11.6
Y_KEEP_MINUS, Y_BRANCH, Y_RESET = 2.35, 3.05, 3.85


def gru_diagram(cell: str, convention: str) -> Diagram:
    """``gru`` under ``pytorch``, ``d2l`` or ``colah``; ``mgu`` (one gate f does both jobs)."""
    single = cell == "mgu"
    after = cell == "gru" and convention == "pytorch"
    # colah and MGU take (1 − gate) on the kept state; pytorch and d2l on the candidate
    minus_on_keep = single or convention == "colah"
    update = "f" if single else "z"
    b = Builder(cell, convention)

    h_prev = b.node("h_prev", "input", H_PREV, (0.6, TOP), produces=["h_prev"])
    x = b.node("x", "input", X_T, (2.0, 8.55), produces=["x"])
    join = b.node("join", "join", "", (2.0, BUS))
    w_h_down = b.wire(h_prev, join, "h_prev", (1.6, TOP), (1.6, BUS))
    w_x = b.wire(x, join, "x", labelled=True)
    gate_in = {h_prev, x, join, w_h_down, w_x}

    # gates
    sig_u = b.node(f"sigma_{update}", "sigma", "σ", (X_Z, GATES), produces=[update, f"a_{update}"])
    bus_u = b.wire(join, sig_u, None, (X_Z, BUS))
    mul_r = b.node("mul_r", "mul", "⊙", (X_R, Y_RESET))
    if single:
        sig_r = sig_u
        w_r = b.wire(sig_u, mul_r, "f", (X_Z, 4.55), (X_R, 4.55), wire_id="f->mul_r")
        reset_stage: set[str] = set()
    else:
        sig_r = b.node("sigma_r", "sigma", "σ", (X_R, GATES), produces=["r", "a_r"])
        bus_r = b.wire(join, sig_r, None, (X_R, BUS))
        w_r = b.wire(sig_r, mul_r, "r", labelled=True)
        reset_stage = gate_in | {sig_r, bus_r, w_r}

    # candidate
    tanh_n = b.node("tanh_n", "tanh", "tanh", (X_N, GATES), produces=["n", "a_n"])
    if after:
        u_n = b.node("u_n", "linear", "U_n", (X_R, 2.6), size=(0.9, 0.5), produces=["s"])
        h_to_reset = {b.wire(h_prev, u_n, "h_prev", (X_R, TOP)), u_n}
        h_to_reset.add(b.wire(u_n, mul_r, "s", labelled=True))
    else:
        h_to_reset = {b.wire(h_prev, mul_r, "h_prev", (X_R, TOP))}
    w_rh = b.wire(mul_r, tanh_n, None, (9.8, Y_RESET), (9.8, GATES))
    w_x_n = b.wire(x, tanh_n, "x", (2.0, X_LINE), (X_N, X_LINE))
    n_stage = {mul_r, w_r, w_rh, w_x_n, tanh_n, x} | h_to_reset

    # update: h_t = keep ⊙ h_{t−1} + take ⊙ n
    mul_keep = b.node("mul_keep", "mul", "⊙", (X_Z, TOP))
    mul_new = b.node("mul_new", "mul", "⊙", (X_N, Y_BRANCH))
    add_h = b.node("add_h", "add", "+", (X_N, TOP), produces=["h"])
    h_out = b.node("h_out", "output", H_NEW, (15.4, TOP))
    w_keep = b.wire(h_prev, mul_keep, "h_prev", labelled=True)
    w_n = b.wire(tanh_n, mul_new, "n", labelled=True)
    if minus_on_keep:
        minus = b.node("one_minus", "one_minus", "1−", (X_Z, Y_KEEP_MINUS))
        z_keep = b.wire(sig_u, minus, update, labelled=True)
        z_new = b.wire(sig_u, mul_new, update, (X_Z, Y_BRANCH))
        minus_out = b.wire(minus, mul_keep, None)
    else:
        minus = b.node("one_minus", "one_minus", "1−", (9.6, Y_BRANCH))
        z_keep = b.wire(sig_u, mul_keep, update, labelled=True)
        z_new = b.wire(sig_u, minus, update, (X_Z, Y_BRANCH))
        minus_out = b.wire(minus, mul_new, None)
    w_kept = b.wire(mul_keep, add_h, None)
    w_taken = b.wire(mul_new, add_h, None)
    w_h = b.wire(add_h, h_out, "h", labelled=True)
    n_stage.add(w_n)
    h_stage = {minus, minus_out, mul_keep, mul_new, add_h, h_out, h_prev, w_keep, w_n}
    h_stage |= {z_keep, z_new, w_kept, w_taken, w_h}

    eq = _equations(cell, convention)
    if single:
        b.stage(
            "f",
            "forget gate (resets and updates)",
            eq["f"],
            gate_in | {sig_u, bus_u, w_r, z_keep, z_new},
        )
    else:
        b.stage("r", "reset gate", eq["r"], reset_stage)
        b.stage("z", "update gate", eq["z"], gate_in | {sig_u, bus_u, z_keep, z_new})
    b.stage("n", "candidate state h̃_t", eq["n"], n_stage)
    b.stage("h", "new hidden state", eq["h"], h_stage)
    return b.build()


def _equations(cell: str, convention: str) -> dict[str, str]:
    """The caption's equation for each stage, in plain unicode."""
    if cell == "mgu":
        return {
            "f": "f_t = σ(W_f x_t + U_f h_{t−1} + b_f)",
            "n": "h̃_t = tanh(W_n x_t + U_n (f_t ⊙ h_{t−1}) + b_n)",
            "h": "h_t = (1 − f_t) ⊙ h_{t−1} + f_t ⊙ h̃_t",
        }
    eq = {
        "r": "r_t = σ(W_r x_t + U_r h_{t−1} + b_r)",
        "z": "z_t = σ(W_z x_t + U_z h_{t−1} + b_z)",
        "n": "h̃_t = tanh(W_n x_t + U_n (r_t ⊙ h_{t−1}) + b_n)",
        "h": "h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t",
    }
    if convention == "pytorch":
        eq["n"] = "h̃_t = tanh(W_n x_t + b_n + r_t ⊙ (U_n h_{t−1} + b_hn))"
    if convention == "colah":
        eq["h"] = "h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t"
    return eq
