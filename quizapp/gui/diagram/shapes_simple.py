"""The vanilla RNN, the clockwork RNN (drawn as an RNN with a clock switch) and the SRU."""

from __future__ import annotations

from quizapp.gui.diagram.builder import C_NEW, C_PREV, H_NEW, H_PREV, X_T, Builder
from quizapp.gui.diagram.model import Diagram

TOP, GATES, BUS = 1.4, 5.4, 7.3
ROW = 4.6  # the RNN's single row of operations


def rnn_diagram(cell: str, convention: str) -> Diagram:
    """``rnn`` (tanh or relu) and ``clockwork``: a = W x + U h + b, then φ(a)."""
    clockwork = cell == "clockwork"
    b = Builder(cell, convention)
    h_prev = b.node("h_prev", "input", H_PREV, (0.6, BUS), produces=["h_prev"])
    x = b.node("x", "input", X_T, (2.0, 8.55), produces=["x"])
    join = b.node("join", "join", "", (2.0, BUS))
    linear = b.node(
        "linear", "linear", "W x + U h + b", (5.6, ROW), size=(2.7, 0.8), produces=["a"]
    )
    relu = convention == "relu"
    act = b.node(
        "act", "relu_op" if relu else "tanh_op", "ReLU" if relu else "tanh", (9.2, ROW),
        size=(1.1, 0.6),
    )  # fmt: skip
    h_out = b.node("h_out", "output", H_NEW, (15.4, BUS))
    a_stage = {
        h_prev,
        x,
        join,
        linear,
        b.wire(h_prev, join, "h_prev", labelled=True),
        b.wire(x, join, "x", labelled=True),
        b.wire(join, linear, None, (5.6, BUS)),
        b.wire(linear, act, "a", labelled=True),
    }
    phi = "ReLU(a_t) = max(0, a_t)" if relu else "tanh(a_t)"
    b.stage("a", "pre-activation", "a_t = W x_t + U h_{t−1} + b", a_stage)
    if not clockwork:
        b.produces("h", act)
        w_h = b.wire(act, h_out, "h", (13.0, ROW), (13.0, BUS), labelled=True)
        b.stage("h", "new hidden state", f"h_t = {phi}", {act, h_out, w_h})
        return b.build()

    switch = b.node("switch", "switch", "?", (11.4, ROW), produces=["h"])
    clock = b.node("clock", "input", "t mod T_m", (11.4, 8.55), size=(1.6, 0.5))
    b.produces("active", clock)
    port = b.node("h_prev_keep", "input", H_PREV, (11.4, 2.5))
    w_clock = b.wire(clock, switch, "active", labelled=True)
    b.stage(
        "active",
        "which modules update",
        "module m updates when t mod T_m = 0",
        {clock, w_clock},
    )
    w_new = b.wire(act, switch, None)
    w_keep = b.wire(port, switch, "h_prev")
    w_h = b.wire(switch, h_out, "h", (13.0, ROW), (13.0, BUS), labelled=True)
    b.stage(
        "h",
        "new hidden state",
        "h_t = tanh(a_t) in the updating modules, h_{t−1} in the others",
        {act, switch, port, h_out, w_new, w_keep, w_h},
    )
    return b.build()


def sru_diagram(cell: str, convention: str) -> Diagram:
    """The SRU (2018 form): gates see x_t and, element-wise, C_{t−1}; a highway carries x_t to h_t."""
    b = Builder(cell, convention)
    c_prev = b.node("c_prev", "input", C_PREV, (0.6, TOP), produces=["c_prev"])
    x = b.node("x", "input", X_T, (2.0, 8.55), produces=["x"])
    join = b.node("join", "join", "", (2.0, BUS))
    w_x = b.wire(x, join, "x", labelled=True)
    sig_f = b.node("sigma_f", "sigma", "σ", (3.4, GATES), produces=["f", "a_f"])
    w_c = b.node("w_c", "linear", "W_c", (6.4, GATES), produces=["u"])
    sig_r = b.node("sigma_r", "sigma", "σ", (9.6, GATES), produces=["r", "a_r"])
    bus_f = b.wire(join, sig_f, None, (3.4, BUS))
    bus_u = b.wire(join, w_c, None, (6.4, BUS))
    bus_r = b.wire(join, sig_r, None, (9.6, BUS))
    peep_f = b.wire(c_prev, sig_f, "c_prev", (2.4, TOP), (2.4, GATES), wire_id="peep_f")
    port_r = b.node("c_prev_r", "input", C_PREV, (8.1, GATES), size=(0.85, 0.42))
    peep_r = b.wire(port_r, sig_r, "c_prev", wire_id="peep_r")

    # c_t = f ⊙ c_{t−1} + (1 − f) ⊙ u
    mul_f = b.node("mul_f", "mul", "⊙", (3.4, TOP))
    minus_f = b.node("one_minus_f", "one_minus", "1−", (4.9, 3.6))
    mul_u = b.node("mul_u", "mul", "⊙", (6.4, 3.6))
    add_c = b.node("add_c", "add", "+", (6.4, TOP), produces=["c"])
    c_out = b.node("c_out", "output", C_NEW, (15.4, TOP))
    w_c_prev = b.wire(c_prev, mul_f, "c_prev", labelled=True)
    w_f = b.wire(sig_f, mul_f, "f", labelled=True)
    w_f_minus = b.wire(sig_f, minus_f, "f", (3.4, 3.6))
    w_minus_f = b.wire(minus_f, mul_u, None)
    w_u = b.wire(w_c, mul_u, "u", labelled=True)
    w_fc = b.wire(mul_f, add_c, None)
    w_fu = b.wire(mul_u, add_c, None)
    w_c_new = b.wire(add_c, c_out, "c", labelled=True)

    # h_t = r ⊙ c_t + (1 − r) ⊙ x_t
    mul_rc = b.node("mul_rc", "mul", "⊙", (11.6, 2.6))
    minus_r = b.node("one_minus_r", "one_minus", "1−", (10.6, 4.3))
    mul_rx = b.node("mul_rx", "mul", "⊙", (11.6, 4.3))
    add_h = b.node("add_h", "add", "+", (13.4, 3.45), produces=["h"])
    h_out = b.node("h_out", "output", H_NEW, (15.4, 3.45))
    w_r = b.wire(sig_r, mul_rc, "r", (9.6, 2.6), labelled=True)
    w_r_minus = b.wire(sig_r, minus_r, "r", (9.6, 4.3))
    w_minus_r = b.wire(minus_r, mul_rx, None)
    w_c_to_h = b.wire(add_c, mul_rc, "c", (11.6, TOP))
    w_highway = b.wire(join, mul_rx, "x", (11.6, BUS), wire_id="highway")
    w_rc = b.wire(mul_rc, add_h, None, (13.4, 2.6))
    w_rx = b.wire(mul_rx, add_h, None, (13.4, 4.3))
    w_h = b.wire(add_h, h_out, "h", labelled=True)

    gate_in = {x, join, w_x, c_prev}
    b.stage(
        "f",
        "forget gate",
        "f_t = σ(W_f x_t + v_f ⊙ c_{t−1} + b_f)",
        gate_in | {sig_f, bus_f, peep_f, w_f, w_f_minus},
    )
    b.stage(
        "r",
        "reset (highway) gate",
        "r_t = σ(W_r x_t + v_r ⊙ c_{t−1} + b_r)",
        gate_in | {sig_r, bus_r, port_r, peep_r, w_r, w_r_minus},
    )
    b.stage(
        "c",
        "new cell state",
        "c_t = f_t ⊙ c_{t−1} + (1 − f_t) ⊙ (W_c x_t)",
        {w_c, bus_u, w_u, minus_f, w_minus_f, mul_u, mul_f, add_c, c_out}
        | {c_prev, w_c_prev, w_f, w_f_minus, w_fc, w_fu, w_c_new},
    )
    b.stage(
        "h",
        "new hidden state",
        "h_t = r_t ⊙ c_t + (1 − r_t) ⊙ x_t",
        {mul_rc, minus_r, mul_rx, add_h, h_out, w_r, w_r_minus, w_minus_r, w_c_to_h}
        | {w_highway, w_rc, w_rx, w_h},
    )
    return b.build()
