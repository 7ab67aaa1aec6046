"""The xLSTM's sLSTM and mLSTM (Beck et al. 2024) in Colah's layout, stabilised as the ``xlstm``
package computes them.

The states run along the top: the cell (sLSTM c_t, a vector; mLSTM C_t, an n × n matrix drawn as a
grid with its values), the normaliser n_t and the stabiliser m_t. The input and forget gates meet
in one bundle at the stabiliser, which gives m_t = max(log f_t + m_{t−1}, ĩ_t) and the stabilised
gates i′_t, f′_t. Where a quantity is used a second time far from where it is made, it re-enters
as a small port (f′_t, i′_t, k_t), as the peephole LSTM's second C_t−1 does.
"""

from __future__ import annotations

from quizapp.gui.diagram.builder import H_NEW, H_PREV, X_T, Builder
from quizapp.gui.diagram.model import Diagram, NodeKind

GATES, BUS = 6.45, 7.6
Y_C, Y_N, Y_S, Y_M, Y_IF = 0.85, 2.4, 3.15, 3.9, 4.8
X_I, X_STAB, X_F = 2.8, 4.3, 5.8
PORT = (0.8, 0.42)


def _stabiliser(b: Builder, x_i: float, x_f: float, forget: str) -> dict[str, object]:
    """Inputs, the i and f gates, the stabiliser and the junction of i′ and f′ (ids by role)."""
    x = b.node("x", "input", X_T, (2.0, 8.55), produces=["x"])
    join = b.node("join", "join", "", (2.0, BUS))
    ids: dict[str, object] = {"join": join}
    ids["in"] = {x, join, b.wire(x, join, "x", labelled=True)}
    gate_i = b.node("gate_i", "layer", "exp", (x_i, GATES), produces=["a_i", "i"])
    f_kind: NodeKind = "layer" if forget == "exp" else "sigma"
    gate_f = b.node("gate_f", f_kind, "exp" if forget == "exp" else "σ", (x_f, GATES),
                    produces=["a_f", "f"])  # fmt: skip
    ids["bus_i"] = b.wire(join, gate_i, None, (x_i, BUS))
    ids["bus_f"] = b.wire(join, gate_f, None, (x_f, BUS))
    join_if = b.node("join_if", "join", "", (X_STAB, Y_IF))
    ids["w_i"] = b.wire(gate_i, join_if, "i", (x_i, Y_IF), labelled=True)
    ids["w_f"] = b.wire(gate_f, join_if, "f", (x_f, Y_IF), labelled=True)
    stab = b.node("stab", "linear", "max", (X_STAB, Y_M), size=(0.9, 0.56), produces=["m"])
    ids["w_if"] = b.wire(join_if, stab, None)
    m_prev = b.node("m_prev", "input", "m_t−1", (0.6, Y_M), produces=["m_prev"])
    m_out = b.node("m_out", "output", "m_t", (15.4, Y_M))
    ids["w_mp"] = b.wire(m_prev, stab, "m_prev", labelled=True)
    ids["w_m"] = b.wire(stab, m_out, "m", labelled=True)
    join_s = b.node("join_s", "join", "", (X_STAB, Y_S))
    b.produces("i_prime", join_s)
    b.produces("f_prime", join_s)
    ids["w_s"] = b.wire(stab, join_s, None)
    ids.update(gate_i=gate_i, gate_f=gate_f, join_if=join_if, stab=stab, m_prev=m_prev)
    ids.update(m_out=m_out, join_s=join_s)
    return ids


def _lit(ids: dict[str, object], *names: str) -> set[str]:
    out: set[str] = set()
    for name in names:
        value = ids[name]
        out |= value if isinstance(value, set) else {str(value)}
    return out


def slstm_diagram(cell: str, convention: str) -> Diagram:
    """``slstm`` with the forget gate σ ("sigmoid") or exp ("exp")."""
    b = Builder(cell, convention)
    ids = _stabiliser(b, X_I, X_F, "exp" if convention == "exp" else "sigmoid")
    join = str(ids["join"])
    h_prev = b.node("h_prev", "input", H_PREV, (0.6, BUS), produces=["h_prev"])
    w_hp = b.wire(h_prev, join, "h_prev", labelled=True)
    gate_in = _lit(ids, "in") | {h_prev, w_hp}
    x_z, x_o = 8.8, 13.0
    gate_z = b.node("gate_z", "tanh", "tanh", (x_z, GATES), produces=["a_z", "z"])
    gate_o = b.node("gate_o", "sigma", "σ", (x_o, GATES), produces=["a_o", "o"])
    bus_z = b.wire(join, gate_z, None, (x_z, BUS))
    bus_o = b.wire(join, gate_o, None, (x_o, BUS))

    # c_t = f′ c_{t−1} + i′ z_t and n_t = f′ n_{t−1} + i′ along the top
    c_prev = b.node("c_prev", "input", "c_t−1", (0.6, Y_C), produces=["c_prev"])
    n_prev = b.node("n_prev", "input", "n_t−1", (0.6, Y_N), produces=["n_prev"])
    mul_fc = b.node("mul_fc", "mul", "⊙", (6.4, Y_C))
    mul_fn = b.node("mul_fn", "mul", "⊙", (X_STAB, Y_N))
    port_f = b.node("port_f", "input", "f′_t", (6.4, 1.62), size=PORT)
    mul_iz = b.node("mul_iz", "mul", "⊙", (x_z, Y_S))
    port_i = b.node("port_i", "input", "i′_t", (9.8, Y_S), size=PORT)
    add_c = b.node("add_c", "add", "+", (x_z, Y_C), produces=["c"])
    add_n = b.node("add_n", "add", "+", (7.6, Y_N), produces=["n"])
    c_out = b.node("c_out", "output", "c_t", (15.4, Y_C))
    n_out = b.node("n_out", "output", "n_t", (15.4, Y_N))
    join_s = str(ids["join_s"])
    w_fp = b.wire(join_s, mul_fn, "f_prime", labelled=True)
    w_ip = b.wire(join_s, add_n, "i_prime", (7.6, Y_S), labelled=True)
    w_pf = b.wire(port_f, mul_fc, "f_prime")
    w_pi = b.wire(port_i, mul_iz, "i_prime")
    w_z = b.wire(gate_z, mul_iz, "z", labelled=True)
    w_cp = b.wire(c_prev, mul_fc, "c_prev", labelled=True)
    w_np = b.wire(n_prev, mul_fn, "n_prev", labelled=True)
    w_fc = b.wire(mul_fc, add_c, None)
    w_iz = b.wire(mul_iz, add_c, None)
    w_fn = b.wire(mul_fn, add_n, None)
    w_c = b.wire(add_c, c_out, "c", labelled=True)
    w_n = b.wire(add_n, n_out, "n", labelled=True)

    # h_t = o_t ⊙ c_t / n_t
    div = b.node("div", "op", "÷", (11.9, Y_S))
    mul_h = b.node("mul_h", "mul", "⊙", (x_o, Y_S), produces=["h"])
    h_out = b.node("h_out", "output", H_NEW, (15.4, BUS))
    w_pc = b.wire(add_c, div, "c", (10.95, Y_C), (10.95, Y_S))
    w_pn = b.wire(add_n, div, "n", (11.9, Y_N))
    w_div = b.wire(div, mul_h, None)
    w_o = b.wire(gate_o, mul_h, "o", labelled=True)
    w_h = b.wire(mul_h, h_out, "h", (14.3, Y_S), (14.3, BUS), labelled=True)

    eq = _slstm_equations(convention)
    b.stage("z", "cell input z_t", eq["z"], gate_in | {gate_z, bus_z, w_z})
    b.stage("i", "input gate", eq["i"], gate_in | _lit(ids, "gate_i", "bus_i", "w_i"))
    b.stage("f", "forget gate", eq["f"], gate_in | _lit(ids, "gate_f", "bus_f", "w_f"))
    b.stage("o", "output gate", eq["o"], gate_in | {gate_o, bus_o, w_o})
    b.stage(
        "m", "stabiliser m_t", eq["m"],
        _lit(ids, "join_if", "w_if", "stab", "m_prev", "w_mp", "w_m", "m_out"),
    )  # fmt: skip
    b.stage("i_prime", "stabilised input gate", eq["i_prime"], _lit(ids, "w_s", "join_s") | {w_ip})
    b.stage("f_prime", "stabilised forget gate", eq["f_prime"], _lit(ids, "w_s", "join_s") | {w_fp})
    b.stage(
        "c", "new cell state", eq["c"],
        {c_prev, w_cp, port_f, w_pf, mul_fc, port_i, w_pi, w_z, mul_iz, w_fc, w_iz, add_c}
        | {w_c, c_out},
    )  # fmt: skip
    b.stage(
        "n", "normaliser n_t", eq["n"], {n_prev, w_np, w_fp, mul_fn, w_ip, w_fn, add_n, w_n, n_out}
    )
    b.stage(
        "h", "new hidden state", eq["h"],
        {w_pc, w_pn, div, w_div, w_o, mul_h, w_h, h_out},
    )  # fmt: skip
    return b.build()


_STAB = {
    "m": "m_t = max(log f_t + m_{t−1}, a_i)",
    "i_prime": "i′_t = exp(a_i − m_t)",
    "f_prime": "f′_t = exp(log f_t + m_{t−1} − m_t)",
}


def _slstm_equations(convention: str) -> dict[str, str]:
    gate = "exp" if convention == "exp" else "σ"
    return {
        "z": "z_t = tanh(W_z x_t + U_z h_{t−1} + b_z)",
        "i": "i_t = exp(a_i),  a_i = W_i x_t + U_i h_{t−1} + b_i",
        "f": f"f_t = {gate}(W_f x_t + U_f h_{{t−1}} + b_f)",
        "o": "o_t = σ(W_o x_t + U_o h_{t−1} + b_o)",
        **_STAB,
        "c": "c_t = f′_t ⊙ c_{t−1} + i′_t ⊙ z_t",
        "n": "n_t = f′_t ⊙ n_{t−1} + i′_t",
        "h": "h_t = o_t ⊙ c_t / n_t",
    }


def mlstm_diagram(cell: str, convention: str) -> Diagram:
    """``mlstm`` (one head, x_t only) with the forget gate σ ("sigmoid") or exp ("exp")."""
    b = Builder(cell, convention)
    ids = _stabiliser(b, X_I, X_F, "exp" if convention == "exp" else "sigmoid")
    join = str(ids["join"])
    gate_in = _lit(ids, "in")
    x_v, x_k, x_q, x_o, x_read = 8.6, 10.3, 12.5, 13.85, 12.5
    boxes = {}
    rows: tuple[tuple[str, str, float, NodeKind], ...] = (
        ("v", "W_v", x_v, "linear"), ("k", "W_k/√n", x_k, "linear"),
        ("q", "W_q", x_q, "linear"), ("o", "σ", x_o, "sigma"),
    )  # fmt: skip
    for key, label, at, kind in rows:
        produces = {"k": ["a_k", "k"], "o": ["a_o", "o"]}.get(key, [key])
        node = b.node(f"gate_{key}", kind, label, (at, GATES), produces=produces)
        boxes[key] = (node, b.wire(join, node, None, (at, BUS)))

    # C_t = f′ C_{t−1} + i′ v kᵀ (a matrix) and n_t = f′ n_{t−1} + i′ k along the top
    c_prev = b.node("c_prev", "input", "C_t−1", (0.6, Y_C), produces=["C_prev"])
    n_prev = b.node("n_prev", "input", "n_t−1", (0.6, Y_N), produces=["n_prev"])
    mul_fc = b.node("mul_fc", "mul", "⊙", (6.4, Y_C))
    port_f = b.node("port_f", "input", "f′_t", (6.4, 1.62), size=PORT)
    mul_fn = b.node("mul_fn", "mul", "⊙", (X_STAB, Y_N))
    outer = b.node("outer", "op", "v kᵀ", (x_v, Y_IF), size=(0.95, 0.58))
    mul_ivk = b.node("mul_ivk", "mul", "⊙", (x_v, Y_S))
    port_i = b.node("port_i", "input", "i′_t", (7.85, Y_S), size=PORT)
    mul_ik = b.node("mul_ik", "mul", "⊙", (5.8, Y_S))
    port_k = b.node("port_k", "input", "k_t", (6.75, Y_S), size=PORT)
    add_c = b.node("add_c", "add", "+", (x_v, Y_C))
    matrix = b.node("c_matrix", "matrix", "C_t", (10.6, Y_C), size=(3.1, 1.7), produces=["C"])
    join_c = b.node("join_c", "join", "", (x_read, Y_C))
    c_out = b.node("c_out", "output", "C_t", (15.4, Y_C))
    add_n = b.node("add_n", "add", "+", (5.8, Y_N), produces=["n"])
    n_out = b.node("n_out", "output", "n_t", (15.4, Y_N))
    join_s = str(ids["join_s"])
    w_fp = b.wire(join_s, mul_fn, "f_prime", labelled=True)
    w_ip = b.wire(join_s, mul_ik, "i_prime", labelled=True)
    w_pf = b.wire(port_f, mul_fc, "f_prime")
    w_pi = b.wire(port_i, mul_ivk, "i_prime")
    w_pk = b.wire(port_k, mul_ik, "k")
    w_v = b.wire(boxes["v"][0], outer, "v", labelled=True)
    w_k = b.wire(boxes["k"][0], outer, "k", (x_k, Y_IF), labelled=True)
    w_outer = b.wire(outer, mul_ivk, None)
    w_cp = b.wire(c_prev, mul_fc, "C_prev", labelled=True)
    w_np = b.wire(n_prev, mul_fn, "n_prev", labelled=True)
    w_fc = b.wire(mul_fc, add_c, None)
    w_ivk = b.wire(mul_ivk, add_c, None)
    w_c = b.wire(add_c, matrix, None)
    w_cj = b.wire(matrix, join_c, "C", labelled=True)
    w_co = b.wire(join_c, c_out, "C")
    w_fn = b.wire(mul_fn, add_n, None)
    w_ik = b.wire(mul_ik, add_n, None)
    w_n = b.wire(add_n, n_out, "n", labelled=True)

    # h̃_t = C_t q_t / max(|n_tᵀ q_t|, exp(−m_t)), h_t = o_t ⊙ h̃_t
    read = b.node(
        "read", "linear", "C q ÷ den", (x_read, Y_S), size=(1.5, 0.6),
        produces=["num", "qn", "den", "h_tilde"],
    )  # fmt: skip
    port_nm = b.node("port_nm", "input", "n_t, m_t", (10.6, Y_S), size=(1.2, 0.42))
    mul_h = b.node("mul_h", "mul", "⊙", (x_o, Y_S), produces=["h"])
    h_out = b.node("h_out", "output", H_NEW, (15.4, BUS))
    w_cr = b.wire(join_c, read, "C")
    w_q = b.wire(boxes["q"][0], read, "q", labelled=True)
    w_nm = b.wire(port_nm, read, "n")
    w_ht = b.wire(read, mul_h, "h_tilde", labelled=True)
    w_o = b.wire(boxes["o"][0], mul_h, "o", labelled=True)
    w_h = b.wire(mul_h, h_out, "h", (14.35, Y_S), (14.35, BUS), labelled=True)

    eq = _mlstm_equations(convention)
    for key, title, extra in (("q", "query q_t", {w_q}), ("k", "key k_t", {w_k}),
                              ("v", "value v_t", {w_v})):  # fmt: skip
        b.stage(key, title, eq[key], gate_in | set(boxes[key]) | extra)
    b.stage("i", "input gate", eq["i"], gate_in | _lit(ids, "gate_i", "bus_i", "w_i"))
    b.stage("f", "forget gate", eq["f"], gate_in | _lit(ids, "gate_f", "bus_f", "w_f"))
    b.stage("o", "output gate", eq["o"], gate_in | set(boxes["o"]) | {w_o})
    b.stage(
        "m", "stabiliser m_t", eq["m"],
        _lit(ids, "join_if", "w_if", "stab", "m_prev", "w_mp", "w_m", "m_out"),
    )  # fmt: skip
    b.stage("i_prime", "stabilised input gate", eq["i_prime"], _lit(ids, "w_s", "join_s") | {w_ip})
    b.stage("f_prime", "stabilised forget gate", eq["f_prime"], _lit(ids, "w_s", "join_s") | {w_fp})
    b.stage(
        "C", "matrix memory C_t", eq["C"],
        {c_prev, w_cp, port_f, w_pf, mul_fc, outer, w_v, w_k, w_outer, port_i, w_pi, mul_ivk}
        | {w_fc, w_ivk, add_c, w_c, matrix, w_cj, join_c, w_co, c_out},
    )  # fmt: skip
    b.stage(
        "n", "normaliser n_t", eq["n"],
        {n_prev, w_np, w_fp, mul_fn, w_ip, port_k, w_pk, mul_ik, w_fn, w_ik, add_n, w_n, n_out},
    )  # fmt: skip
    b.stage("den", "denominator", eq["den"], {port_nm, w_nm, w_q, read})
    b.stage("h_tilde", "readout h̃_t", eq["h_tilde"], {w_cr, read, w_ht})
    b.stage("h", "new hidden state", eq["h"], {w_ht, w_o, mul_h, w_h, h_out})
    return b.build()


def _mlstm_equations(convention: str) -> dict[str, str]:
    gate = "exp" if convention == "exp" else "σ"
    return {
        "q": "q_t = W_q x_t + b_q",
        "k": "k_t = (W_k x_t + b_k) / √n",
        "v": "v_t = W_v x_t + b_v",
        "i": "i_t = exp(a_i),  a_i = w_i·x_t + b_i   (a scalar)",
        "f": f"f_t = {gate}(a_f),  a_f = w_f·x_t + b_f   (a scalar)",
        "o": "o_t = σ(W_o x_t + b_o)",
        **_STAB,
        "C": "C_t = f′_t C_{t−1} + i′_t v_t k_tᵀ   (n × n)",
        "n": "n_t = f′_t n_{t−1} + i′_t k_t",
        "den": "den_t = max(|n_tᵀ q_t|, exp(−m_t))",
        "h_tilde": "h̃_t = C_t q_t / den_t",
        "h": "h_t = o_t ⊙ h̃_t",
    }
