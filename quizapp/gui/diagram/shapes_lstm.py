"""The LSTM family in Colah's layout: plain LSTM, peephole, CIFG (coupled gates) and depth-gated.

The cell state runs along the top (C_{t−1} → ⊙ → + → C_t), h_{t−1} and x_t enter at the bottom
left and meet in one bundle that feeds every gate from below; h_t leaves at the bottom right.
"""

from __future__ import annotations

from quizapp.gui.diagram.builder import C_NEW, C_PREV, H_NEW, H_PREV, X_T, Builder
from quizapp.gui.diagram.model import Diagram

TOP, GATES, BUS = 1.4, 5.4, 7.3
X_F, X_I, X_G, X_D, X_O, X_H = 3.4, 5.4, 7.0, 8.5, 10.0, 11.8


def lstm_diagram(cell: str, convention: str) -> Diagram:
    """``lstm``, ``peephole``, ``cifg`` or ``depth_gated``."""
    peephole = cell in ("peephole", "depth_gated")
    coupled = cell == "cifg"
    depth = cell == "depth_gated"
    b = Builder(cell, convention)

    # terminals and the [h, x] bundle
    c_prev = b.node("c_prev", "input", C_PREV, (0.6, TOP), produces=["c_prev"])
    h_prev = b.node("h_prev", "input", H_PREV, (0.6, BUS), produces=["h_prev"])
    x = b.node("x", "input", X_T, (2.0, 8.55), produces=["x"])
    join = b.node("join", "join", "", (2.0, BUS))
    w_h_prev = b.wire(h_prev, join, "h_prev", labelled=True)
    w_x = b.wire(x, join, "x", labelled=True)
    inputs = {h_prev, x, join}
    input_wires = {w_h_prev, w_x}

    def gate(node_id: str, kind: str, at_x: float, key: str) -> tuple[str, str]:
        label = "σ" if kind == "sigma" else "tanh"
        node = b.node(
            node_id, "sigma" if kind == "sigma" else "tanh", label, (at_x, GATES),
            produces=[key, f"a_{key}"],
        )  # fmt: skip
        return node, b.wire(join, node, None, (at_x, BUS))

    sig_f, bus_f = gate("sigma_f", "sigma", X_F, "f")
    if coupled:
        sig_i = b.node("one_minus_f", "one_minus", "1−", (X_I, 4.4), produces=["i"])
        bus_i = b.wire("sigma_f", sig_i, "f", (X_F, 4.4))
    else:
        sig_i, bus_i = gate("sigma_i", "sigma", X_I, "i")
    tanh_g, bus_g = gate("tanh_g", "tanh", X_G, "g")
    sig_o, bus_o = gate("sigma_o", "sigma", X_O, "o")

    # the cell state line and its inputs
    mul_f = b.node("mul_f", "mul", "⊙", (X_F, TOP))
    mul_i = b.node("mul_i", "mul", "⊙", (X_G, 3.5))
    add_c = b.node("add_c", "add", "+", (X_G, TOP))
    c_out = b.node("c_out", "output", C_NEW, (15.4, TOP))
    w_c_prev = b.wire(c_prev, mul_f, "c_prev", labelled=True)
    w_f = b.wire(sig_f, mul_f, "f", labelled=True)
    w_i = b.wire(sig_i, mul_i, "i", (X_I, 3.5), labelled=True)
    w_g = b.wire(tanh_g, mul_i, "g", labelled=True)
    w_fc = b.wire(mul_f, add_c, None)
    w_ig = b.wire(mul_i, add_c, None)
    last_add = add_c
    depth_nodes: set[str] = set()
    depth_wires: set[str] = set()
    if depth:
        sig_d, bus_d = gate("sigma_d", "sigma", X_D, "d")
        mul_d = b.node("mul_d", "mul", "⊙", (X_D, 3.0))
        add_d = b.node("add_d", "add", "+", (X_D, TOP))
        c_low = b.node("c_low", "input", "C_low", (9.25, 8.55), produces=["c_low"])
        w_d = b.wire(sig_d, mul_d, "d", labelled=True)
        w_c_low = b.wire(c_low, mul_d, "c_low", (9.25, 3.0), labelled=True)
        w_dc = b.wire(mul_d, add_d, None)
        w_c_mid = b.wire(add_c, add_d, None)
        depth_nodes = {mul_d, add_d, c_low}
        depth_wires = {w_c_low, w_dc, w_c_mid}
        last_add = add_d
    b.wire(last_add, c_out, "c", labelled=True)
    w_c_out = f"{last_add}->{c_out}"
    c_nodes = {c_prev, mul_f, mul_i, add_c, c_out, *depth_nodes}
    c_wires = {w_c_prev, w_f, w_i, w_g, w_fc, w_ig, w_c_out, *depth_wires}
    if depth:
        c_wires.add(w_d)

    # output: h_t = o ⊙ tanh(C_t)
    tanh_c = b.node("tanh_c", "tanh_op", "tanh", (X_H, 3.3))
    mul_h = b.node("mul_h", "mul", "⊙", (X_H, GATES), produces=["h"])
    h_out = b.node("h_out", "output", H_NEW, (15.4, BUS))
    w_c_tanh = b.wire(last_add, tanh_c, "c", (X_H, TOP))
    w_tanh = b.wire(tanh_c, mul_h, None)
    w_o = b.wire(sig_o, mul_h, "o", labelled=True)
    w_h = b.wire(mul_h, h_out, "h", (13.6, GATES), (13.6, BUS), labelled=True)
    b.produces("c", last_add)

    # peepholes: f and i look at the old cell, o at the new one
    peep_f: set[str] = set()
    peep_i: set[str] = set()
    peep_o: set[str] = set()
    if peephole:
        peep_f = {
            c_prev,
            b.wire(c_prev, sig_f, "c_prev", (2.4, TOP), (2.4, GATES), wire_id="peep_f"),
        }
        port_i = b.node("c_prev_i", "input", C_PREV, (4.4, 4.45), size=(0.85, 0.42))
        peep_i = {port_i, b.wire(port_i, sig_i, "c_prev", (4.4, GATES), wire_id="peep_i")}
        peep_o = {b.wire(last_add, sig_o, "c", (X_O, TOP), wire_id="peep_o")}

    gate_in = inputs | input_wires
    eq = _equations(cell)
    if depth:
        b.stage("d", "depth gate", eq["d"], gate_in | {sig_d, bus_d, w_d})
    b.stage("f", "forget gate", eq["f"], gate_in | {sig_f, bus_f, w_f} | peep_f)
    if coupled:
        b.stage("i", "input gate, coupled", eq["i"], {sig_f, sig_i, bus_i, w_i})
    else:
        b.stage("i", "input gate", eq["i"], gate_in | {sig_i, bus_i, w_i} | peep_i)
    b.stage("g", "candidate cell C̃_t", eq["g"], gate_in | {tanh_g, bus_g, w_g})
    b.stage("c", "new cell state", eq["c"], c_nodes | c_wires)
    b.stage("o", "output gate", eq["o"], gate_in | {sig_o, bus_o, w_o} | peep_o)
    b.stage("h", "new hidden state", eq["h"], {tanh_c, mul_h, h_out, w_c_tanh, w_tanh, w_o, w_h})
    return b.build()


def _equations(cell: str) -> dict[str, str]:
    """The caption's equation for each stage, in plain unicode."""
    peep = cell in ("peephole", "depth_gated")
    eq = {
        "f": "f_t = σ(W_f x_t + U_f h_{t−1} + b_f)",
        "i": "i_t = σ(W_i x_t + U_i h_{t−1} + b_i)",
        "g": "C̃_t = tanh(W_g x_t + U_g h_{t−1} + b_g)",
        "c": "C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t",
        "o": "o_t = σ(W_o x_t + U_o h_{t−1} + b_o)",
        "h": "h_t = o_t ⊙ tanh(C_t)",
    }
    if peep:
        eq["f"] = "f_t = σ(W_f x_t + U_f h_{t−1} + p_f ⊙ C_{t−1} + b_f)"
        eq["i"] = "i_t = σ(W_i x_t + U_i h_{t−1} + p_i ⊙ C_{t−1} + b_i)"
        eq["o"] = "o_t = σ(W_o x_t + U_o h_{t−1} + p_o ⊙ C_t + b_o)   (the new cell)"
    if cell == "cifg":
        eq["i"] = "i_t = 1 − f_t"
        eq["c"] = "C_t = f_t ⊙ C_{t−1} + (1 − f_t) ⊙ C̃_t"
    if cell == "depth_gated":
        eq["d"] = "d_t = σ(W_d x_t + w_cd ⊙ C_{t−1} + w_ld ⊙ C_low + b_d)"
        eq["c"] = "C_t = d_t ⊙ C_low + f_t ⊙ C_{t−1} + i_t ⊙ C̃_t"
    return eq
