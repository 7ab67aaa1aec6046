"""Mamba's selective SSM step (Gu & Dao 2023) and linear attention as an RNN (Katharopoulos et al.
2020) in Colah's layout: the state along the top, x_t entering at the bottom through one bus.

SSM: Δ_t = softplus(W_Δ x_t + b_Δ) splits at a junction into Ā_t = exp(Δ_t A) and B̄_t (Δ_t B_tᵀ,
or the exact hold under "zoh"); h_t = Ā_t ⊙ h_{t−1} + B̄_t ⊙ x_t runs along the top and
y_t = h_t C_t + D ⊙ x_t leaves at the right. x_t also enters two products directly, drawn as ports.
Linear attention: φ(k_t) v_tᵀ is added to the matrix state S_t (drawn as a grid with its values),
φ(k_t) to the normaliser z_t; y_t = S_tᵀ φ(q_t) / (z_tᵀ φ(q_t)).
"""

from __future__ import annotations

from quizapp.gui.diagram.builder import H_NEW, H_PREV, X_T, Builder
from quizapp.gui.diagram.model import Diagram

TOP, GATES, BUS = 1.2, 5.95, 7.4


def _bus(b: Builder) -> tuple[str, set[str]]:
    x = b.node("x", "input", X_T, (2.0, 8.55), produces=["x"])
    join = b.node("join", "join", "", (2.0, BUS))
    return join, {x, join, b.wire(x, join, "x", labelled=True)}


def ssm_diagram(cell: str, convention: str) -> Diagram:
    """``ssm`` under "simplified" (B̄ = Δ B) or "zoh" (B̄ = (exp(ΔA) − 1)/A ⊙ B)."""
    b = Builder(cell, convention)
    join, x_in = _bus(b)
    x_d, x_b, x_c, x_y, y_op, y_mid = 3.2, 7.4, 10.6, 12.7, 3.2, 4.45
    h_prev = b.node("h_prev", "input", H_PREV, (0.6, TOP), produces=["h_prev"])
    delta = b.node("delta", "layer", "softplus", (x_d, GATES), produces=["a_delta", "delta"])
    w_b = b.node("w_b", "linear", "W_B", (x_b, GATES), produces=["B"])
    w_c = b.node("w_c", "linear", "W_C", (x_c, GATES), produces=["C"])
    buses = {
        n: b.wire(join, n, None, (at, BUS)) for n, at in ((delta, x_d), (w_b, x_b), (w_c, x_c))
    }
    split = b.node("join_delta", "join", "", (x_d, y_mid))
    a_bar = b.node("a_bar", "op", "exp(ΔA)", (x_d, y_op), size=(1.5, 0.6), produces=["A_bar"])
    label = "hold" if convention == "zoh" else "ΔBᵀ"
    b_bar = b.node("b_bar", "op", label, (x_b, y_mid), size=(1.0, 0.6), produces=["B_bar"])
    mul_a = b.node("mul_a", "mul", "⊙", (x_d, TOP))
    mul_bx = b.node("mul_bx", "mul", "⊙", (x_b, 2.5))
    x_port = b.node("x_port_b", "input", X_T, (8.4, 2.5), size=(0.8, 0.42))
    add_h = b.node("add_h", "add", "+", (x_b, TOP), produces=["h"])
    h_out = b.node("h_out", "output", H_NEW, (15.4, TOP))
    w_delta = b.wire(delta, split, "delta", labelled=True)
    w_da = b.wire(split, a_bar, "delta")
    w_db = b.wire(split, b_bar, "delta")
    w_b_in = b.wire(w_b, b_bar, "B", labelled=True)
    w_a = b.wire(a_bar, mul_a, "A_bar", labelled=True)
    w_bb = b.wire(b_bar, mul_bx, "B_bar", labelled=True)
    w_hp = b.wire(h_prev, mul_a, "h_prev", labelled=True)
    w_xp = b.wire(x_port, mul_bx, "x")
    w_ah = b.wire(mul_a, add_h, None)
    w_bh = b.wire(mul_bx, add_h, None)
    w_h = b.wire(add_h, h_out, "h", labelled=True)

    # y_t = h_t C_t + D ⊙ x_t
    h_c = b.node("h_c", "op", "h C", (x_c, y_op), size=(0.9, 0.58))
    add_y = b.node("add_y", "add", "+", (x_y, y_op), produces=["y"])
    d_x = b.node("d_x", "op", "D ⊙", (x_y, y_mid), size=(0.9, 0.58))
    x_port_d = b.node("x_port_d", "input", X_T, (x_y, GATES), size=(0.8, 0.42))
    y_out = b.node("y_out", "output", "y_t", (15.4, BUS))
    w_hc = b.wire(add_h, h_c, "h", (x_c, TOP))
    w_c_in = b.wire(w_c, h_c, "C", labelled=True)
    w_hcy = b.wire(h_c, add_y, None)
    w_xd = b.wire(x_port_d, d_x, "x")
    w_dy = b.wire(d_x, add_y, None)
    w_y = b.wire(add_y, y_out, "y", (13.8, y_op), (13.8, BUS), labelled=True)

    eq = _ssm_equations(convention)
    b.stage("delta", "step size Δ_t", eq["delta"], x_in | {delta, buses[delta], w_delta, split})
    b.stage("B", "input projection B_t", eq["B"], x_in | {w_b, buses[w_b], w_b_in})
    b.stage("C", "output projection C_t", eq["C"], x_in | {w_c, buses[w_c], w_c_in})
    b.stage("A_bar", "discretised Ā_t", eq["A_bar"], {split, w_da, a_bar, w_a})
    b.stage("B_bar", "discretised B̄_t", eq["B_bar"], {split, w_db, w_b_in, b_bar, w_bb})
    b.stage(
        "h",
        "new state",
        eq["h"],
        {h_prev, w_hp, mul_a, mul_bx, x_port, w_xp, add_h, h_out, w_a, w_bb, w_ah, w_bh, w_h},
    )
    b.stage(
        "y", "output y_t", eq["y"], {w_hc, h_c, w_c_in, w_hcy, add_y, d_x, x_port_d, w_xd, w_dy}
        | {y_out, w_y},
    )  # fmt: skip
    return b.build()


def _ssm_equations(convention: str) -> dict[str, str]:
    eq = {
        "delta": "Δ_t = softplus(W_Δ x_t + b_Δ)",
        "B": "B_t = W_B x_t",
        "C": "C_t = W_C x_t",
        "A_bar": "Ā_t = exp(Δ_t A)   (each channel's row scaled by its Δ)",
        "B_bar": "B̄_t = Δ_t B_tᵀ   (the paper's simplified hold)",
        "h": "h_t = Ā_t ⊙ h_{t−1} + B̄_t ⊙ x_t",
        "y": "y_t = h_t C_t + D ⊙ x_t",
    }
    if convention == "zoh":
        eq["B_bar"] = "B̄_t = (exp(Δ_t A) − 1) / A ⊙ B_tᵀ   (the exact zero-order hold)"
    return eq


def linear_attention_diagram(cell: str, convention: str) -> Diagram:
    """``linear_attention``: S_t = S_{t−1} + φ(k_t) v_tᵀ, z_t = z_{t−1} + φ(k_t), φ = elu + 1."""
    b = Builder(cell, convention)
    join, x_in = _bus(b)
    x_k, x_v, x_q, y_s, y_z, y_phi, y_read, gates = 3.2, 6.0, 10.4, 1.2, 2.9, 4.6, 2.1, 6.0
    w_k = b.node("w_k", "linear", "W_k", (x_k, gates), produces=["k"])
    w_v = b.node("w_v", "linear", "W_v", (x_v, gates), produces=["v"])
    w_q = b.node("w_q", "linear", "W_q", (x_q, gates), produces=["q"])
    buses = {n: b.wire(join, n, None, (at, BUS)) for n, at in ((w_k, x_k), (w_v, x_v), (w_q, x_q))}
    phi_k = b.node("phi_k", "op", "φ", (x_k, y_phi), produces=["phi_k"])
    phi_q = b.node("phi_q", "op", "φ", (x_q, y_phi), produces=["phi_q"])
    outer = b.node("outer", "op", "φ vᵀ", (x_v, y_phi), size=(0.9, 0.58))
    s_prev = b.node("s_prev", "input", "S_t−1", (0.6, y_s), produces=["S_prev"])
    z_prev = b.node("z_prev", "input", "z_t−1", (0.6, y_z), produces=["z_prev"])
    add_s = b.node("add_s", "add", "+", (x_v, y_s))
    s_new = b.node("s_matrix", "matrix", "S_t", (8.2, y_s), size=(3.0, 1.9), produces=["S"])
    join_s = b.node("join_s", "join", "", (x_q, y_s))
    s_out = b.node("s_out", "output", "S_t", (15.4, y_s))
    add_z = b.node("add_z", "add", "+", (x_k, y_z), produces=["z"])
    join_z = b.node("join_z", "join", "", (12.0, y_z))
    z_out = b.node("z_out", "output", "z_t", (15.4, y_z))
    num = b.node("num", "op", "Sᵀφ", (x_q, y_read), size=(0.9, 0.58), produces=["num"])
    den = b.node("den", "op", "zᵀφ", (12.0, y_phi), size=(0.9, 0.58), produces=["den"])
    div = b.node("div", "op", "÷", (13.2, y_read), produces=["y"])
    y_out = b.node("y_out", "output", "y_t", (15.4, BUS))

    w_kphi = b.wire(w_k, phi_k, "k")
    w_qphi = b.wire(w_q, phi_q, "q")
    w_phik = b.wire(phi_k, outer, "phi_k", labelled=True)
    w_phik_z = b.wire(phi_k, add_z, "phi_k", wire_id="phi_k->add_z")
    w_vin = b.wire(w_v, outer, "v", labelled=True)
    w_outer = b.wire(outer, add_s, None)
    w_sp = b.wire(s_prev, add_s, "S_prev", labelled=True)
    w_s = b.wire(add_s, s_new, None)
    w_sj = b.wire(s_new, join_s, "S", labelled=True)
    w_so = b.wire(join_s, s_out, "S")
    w_zp = b.wire(z_prev, add_z, "z_prev", labelled=True)
    w_zj = b.wire(add_z, join_z, "z", labelled=True)
    w_zo = b.wire(join_z, z_out, "z")
    w_sn = b.wire(join_s, num, "S")
    w_qn = b.wire(phi_q, num, "phi_q", labelled=True)
    w_qd = b.wire(phi_q, den, "phi_q", wire_id="phi_q->den")
    w_zd = b.wire(join_z, den, "z")
    w_nd = b.wire(num, div, "num", labelled=True)
    w_dd = b.wire(den, div, "den", (13.2, y_phi), labelled=True)
    w_y = b.wire(div, y_out, "y", (14.1, y_read), (14.1, BUS), labelled=True)

    b.stage("q", "query q_t", "q_t = W_q x_t + b_q", x_in | {w_q, buses[w_q]})
    b.stage("k", "key k_t", "k_t = W_k x_t + b_k", x_in | {w_k, buses[w_k]})
    b.stage("v", "value v_t", "v_t = W_v x_t + b_v", x_in | {w_v, buses[w_v], w_vin})
    b.stage(
        "phi_q", "feature map φ(q_t)", "φ(q_t) = elu(q_t) + 1   (q + 1 if q > 0, else e^q)",
        {w_qphi, phi_q, w_qn, w_qd},
    )  # fmt: skip
    b.stage(
        "phi_k", "feature map φ(k_t)", "φ(k_t) = elu(k_t) + 1", {w_kphi, phi_k, w_phik, w_phik_z}
    )
    b.stage(
        "S", "state matrix S_t", "S_t = S_{t−1} + φ(k_t) v_tᵀ",
        {s_prev, w_sp, outer, w_phik, w_vin, w_outer, add_s, w_s, s_new, w_sj, join_s, w_so, s_out},
    )  # fmt: skip
    b.stage(
        "z", "normaliser z_t", "z_t = z_{t−1} + φ(k_t)",
        {z_prev, w_zp, w_phik_z, add_z, w_zj, join_z, w_zo, z_out},
    )  # fmt: skip
    b.stage("num", "numerator", "num_t = S_tᵀ φ(q_t)", {w_sn, w_qn, num})
    b.stage("den", "denominator", "den_t = z_tᵀ φ(q_t)", {w_zd, w_qd, den})
    b.stage("y", "output y_t", "y_t = num_t / den_t", {w_nd, w_dd, div, y_out, w_y})
    return b.build()
