"""minGRU and minLSTM (Feng et al. 2024, "Were RNNs All We Needed?") in Colah's layout.

The hidden state runs along the top (h_{t−1} → ⊙ → + → h_t) as in the GRU, but the gates and the
candidate read x_t alone: x_t enters at the bottom left and feeds them through one bus, and no wire
brings h_{t−1} down to them. That missing wire is the point of these cells (the scan needs it).
The minLSTM's normalisation f′ = f / (f + i), i′ = i / (f + i) is one box between its two gates;
under the "unnormalised" convention the gates go straight to their products. Under "log_space"
the candidate passes the reference code's g(a) (a + 0.5 for a ≥ 0, σ(a) below) after W_h.
"""

from __future__ import annotations

from quizapp.gui.diagram.builder import H_NEW, H_PREV, X_T, Builder
from quizapp.gui.diagram.model import Diagram

TOP, GATES, BUS = 1.4, 5.4, 7.3
X_CAND = 11.6


def _inputs(b: Builder) -> tuple[str, set[str]]:
    """The x_t terminal and its junction; the ids every gate stage lights."""
    x = b.node("x", "input", X_T, (2.0, 8.55), produces=["x"])
    join = b.node("join", "join", "", (2.0, BUS))
    w_x = b.wire(x, join, "x", labelled=True)
    return join, {x, join, w_x}


def _candidate(b: Builder, join: str, convention: str, target: str, at_y: float) -> set[str]:
    """W_h x_t + b_h (and g under log_space) feeding ``target``; the ids its stage lights."""
    log_space = convention == "log_space"
    w_h = b.node(
        "w_h", "linear", "W_h", (X_CAND, GATES),
        produces=["a_h"] if log_space else ["a_h", "h_tilde"],
    )  # fmt: skip
    lit = {w_h, b.wire(join, w_h, None, (X_CAND, BUS))}
    source = w_h
    if log_space:
        g = b.node("g", "op", "g", (X_CAND, 4.0), produces=["h_tilde"])
        lit |= {g, b.wire(w_h, g, "a_h")}
        source = g
    lit.add(b.wire(source, target, "h_tilde", labelled=True))
    return lit


def mingru_diagram(cell: str, convention: str) -> Diagram:
    """``mingru``: z_t = σ(W_z x_t + b_z), h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t."""
    b = Builder(cell, convention)
    join, gate_in = _inputs(b)
    h_prev = b.node("h_prev", "input", H_PREV, (0.6, TOP), produces=["h_prev"])
    sig_z = b.node("sigma_z", "sigma", "σ", (5.4, GATES), produces=["z", "a_z"])
    bus_z = b.wire(join, sig_z, None, (5.4, BUS))
    minus = b.node("one_minus", "one_minus", "1−", (5.4, 2.35))
    mul_keep = b.node("mul_keep", "mul", "⊙", (5.4, TOP))
    mul_new = b.node("mul_new", "mul", "⊙", (X_CAND, 3.05))
    add_h = b.node("add_h", "add", "+", (X_CAND, TOP), produces=["h"])
    h_out = b.node("h_out", "output", H_NEW, (15.4, TOP))
    z_keep = b.wire(sig_z, minus, "z", labelled=True)
    z_new = b.wire(sig_z, mul_new, "z", (5.4, 3.05), wire_id="z->mul_new")
    minus_out = b.wire(minus, mul_keep, None)
    cand = _candidate(b, join, convention, mul_new, 3.05)
    w_keep = b.wire(h_prev, mul_keep, "h_prev", labelled=True)
    w_kept = b.wire(mul_keep, add_h, None)
    w_taken = b.wire(mul_new, add_h, None)
    w_h = b.wire(add_h, h_out, "h", labelled=True)
    eq = _mingru_equations(convention)
    b.stage("z", "update gate", eq["z"], gate_in | {sig_z, bus_z, z_keep, z_new})
    b.stage("h_tilde", "candidate state h̃_t", eq["h_tilde"], gate_in | cand)
    b.stage(
        "h",
        "new hidden state",
        eq["h"],
        {h_prev, minus, minus_out, mul_keep, mul_new, add_h, h_out, w_keep, w_kept, w_taken, w_h}
        | {z_keep, z_new, f"{'g' if convention == 'log_space' else 'w_h'}->mul_new"},
    )
    return b.build()


def _candidate_equation(convention: str) -> str:
    if convention == "log_space":
        return "h̃_t = g(W_h x_t + b_h),  g(a) = a + 0.5 if a ≥ 0, else σ(a)"
    return "h̃_t = W_h x_t + b_h   (no tanh, no h_{t−1})"


def _mingru_equations(convention: str) -> dict[str, str]:
    return {
        "z": "z_t = σ(W_z x_t + b_z)   (x_t only)",
        "h_tilde": _candidate_equation(convention),
        "h": "h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t",
    }


def minlstm_diagram(cell: str, convention: str) -> Diagram:
    """``minlstm``: f_t, i_t = σ(W x_t + b), normalised to f′_t, i′_t (unless "unnormalised"),
    h_t = f′_t ⊙ h_{t−1} + i′_t ⊙ h̃_t."""
    normalised = convention != "unnormalised"
    b = Builder(cell, convention)
    join, gate_in = _inputs(b)
    h_prev = b.node("h_prev", "input", H_PREV, (0.6, TOP), produces=["h_prev"])
    x_f, x_i, x_mul_f, y_norm, y_new = 4.9, 7.2, 2.9, 3.6, 2.6
    sig_f = b.node("sigma_f", "sigma", "σ", (x_f, GATES), produces=["f", "a_f"])
    sig_i = b.node("sigma_i", "sigma", "σ", (x_i, GATES), produces=["i", "a_i"])
    bus_f = b.wire(join, sig_f, None, (x_f, BUS))
    bus_i = b.wire(join, sig_i, None, (x_i, BUS))
    mul_keep = b.node("mul_keep", "mul", "⊙", (x_mul_f, TOP))
    mul_new = b.node("mul_new", "mul", "⊙", (X_CAND, y_new))
    add_h = b.node("add_h", "add", "+", (X_CAND, TOP), produces=["h"])
    h_out = b.node("h_out", "output", H_NEW, (15.4, TOP))
    if normalised:
        norm = b.node(
            "normalise", "linear", "÷ (f+i)", (x_f, y_norm), size=(1.5, 0.62),
            produces=["f_prime", "i_prime"],
        )  # fmt: skip
        w_f = b.wire(sig_f, norm, "f", labelled=True)
        w_i = b.wire(sig_i, norm, "i", (x_i, y_norm), labelled=True)
        w_fp = b.wire(norm, mul_keep, "f_prime", (x_mul_f, y_norm), labelled=True)
        w_ip = b.wire(norm, mul_new, "i_prime", (x_f, y_new), labelled=True)
        f_lit, i_lit = {sig_f, bus_f, w_f}, {sig_i, bus_i, w_i}
        norm_lit = {norm, w_f, w_i}
    else:
        b.produces("f_prime", sig_f)
        b.produces("i_prime", sig_i)
        w_fp = b.wire(sig_f, mul_keep, "f", (x_f, y_norm), (x_mul_f, y_norm), labelled=True)
        w_ip = b.wire(sig_i, mul_new, "i", (x_i, y_new), labelled=True)
        f_lit, i_lit = {sig_f, bus_f, w_fp}, {sig_i, bus_i, w_ip}
        norm_lit = set()
    cand = _candidate(b, join, convention, mul_new, y_new)
    w_keep = b.wire(h_prev, mul_keep, "h_prev", labelled=True)
    w_kept = b.wire(mul_keep, add_h, None)
    w_taken = b.wire(mul_new, add_h, None)
    w_h = b.wire(add_h, h_out, "h", labelled=True)
    eq = _minlstm_equations(convention)
    b.stage("f", "forget gate", eq["f"], gate_in | f_lit)
    b.stage("i", "input gate", eq["i"], gate_in | i_lit)
    b.stage("h_tilde", "candidate state h̃_t", eq["h_tilde"], gate_in | cand)
    if normalised:
        b.stage("f_prime", "normalised forget gate", eq["f_prime"], norm_lit | {w_fp})
        b.stage("i_prime", "normalised input gate", eq["i_prime"], norm_lit | {w_ip})
    cand_wire = f"{'g' if convention == 'log_space' else 'w_h'}->mul_new"
    b.stage(
        "h",
        "new hidden state",
        eq["h"],
        {h_prev, mul_keep, mul_new, add_h, h_out, w_keep, w_kept, w_taken, w_h, w_fp, w_ip}
        | {cand_wire},
    )
    return b.build()


def _minlstm_equations(convention: str) -> dict[str, str]:
    eq = {
        "f": "f_t = σ(W_f x_t + b_f)   (x_t only)",
        "i": "i_t = σ(W_i x_t + b_i)   (x_t only)",
        "h_tilde": _candidate_equation("paper" if convention == "unnormalised" else convention),
        "f_prime": "f′_t = f_t / (f_t + i_t)",
        "i_prime": "i′_t = i_t / (f_t + i_t)",
        "h": "h_t = f′_t ⊙ h_{t−1} + i′_t ⊙ h̃_t",
    }
    if convention == "unnormalised":
        eq["h"] = "h_t = f_t ⊙ h_{t−1} + i_t ⊙ h̃_t   (gates not normalised)"
    return eq
