"""Feedback pieces for the modern cells: the right formula of a quantity in plain text, and the
worked solution of a one-step or parallel-scan drill (``feedback`` asks here for these cells)."""

from __future__ import annotations

import numpy as np

from quizapp.drills.model import Drill
from quizapp.drills.quantities import ancestors
from quizapp.formulas.records import WorkedStep

_XLSTM = {
    "i": "i_t = exp(a_i)",
    "o": "o_t = σ(a_o)",
    "m": "m_t = max(log f_t + m_{t−1}, a_i)",
    "i_prime": "i′_t = exp(a_i − m_t)",
    "f_prime": "f′_t = exp(log f_t + m_{t−1} − m_t)",
}
_FIXED: dict[str, dict[str, str]] = {
    "mingru": {"z": "z_t = σ(W_z x_t + b_z)", "h": "h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t"},
    "minlstm": {"f": "f_t = σ(W_f x_t + b_f)", "i": "i_t = σ(W_i x_t + b_i)",
                "h": "h_t = f′_t ⊙ h_{t−1} + i′_t ⊙ h̃_t"},
    "slstm": {**_XLSTM, "z": "z_t = tanh(a_z)", "c": "c_t = f′_t ⊙ c_{t−1} + i′_t ⊙ z_t",
              "n": "n_t = f′_t ⊙ n_{t−1} + i′_t", "h": "h_t = o_t ⊙ c_t / n_t"},
    "mlstm": {**_XLSTM, "k": "k_t = (W_k x_t + b_k) / √n", "C": "C_t = f′_t C_{t−1} + i′_t v_t k_tᵀ",
              "n": "n_t = f′_t n_{t−1} + i′_t k_t", "num": "C_t q_t", "qn": "n_tᵀ q_t",
              "den": "max(|n_tᵀ q_t|, exp(−m_t))", "h_tilde": "h̃_t = C_t q_t / den",
              "h": "h_t = o_t ⊙ h̃_t"},
    "ssm": {"delta": "Δ_t = softplus(W_Δ x_t + b_Δ)", "B": "B_t = W_B x_t", "C": "C_t = W_C x_t",
            "A_bar": "Ā_t = exp(Δ_t A)", "B_bar": "B̄_t = Δ_t B_tᵀ",
            "h": "h_t = Ā_t ⊙ h_{t−1} + B̄_t ⊙ x_t", "y": "y_t = h_t C_t + D ⊙ x_t"},
    "linear_attention": {"phi_q": "φ(q_t) = elu(q_t) + 1", "phi_k": "φ(k_t) = elu(k_t) + 1",
                         "S": "S_t = S_{t−1} + φ(k_t) v_tᵀ", "z": "z_t = z_{t−1} + φ(k_t)",
                         "num": "S_tᵀ φ(q_t)", "den": "z_tᵀ φ(q_t)",
                         "y": "y_t = S_tᵀ φ(q_t) / (z_tᵀ φ(q_t))"},
}  # fmt: skip
_SCAN = {
    "scan_A": "A_{1:t} = a_t ⊙ A_{1:t−1}",
    "scan_B": "B_{1:t} = a_t ⊙ B_{1:t−1} + b_t",
    "scan_h": "h_T = A_{1:T} ⊙ h_0 + B_{1:T}",
    "combine_a": "a_{1:2} = a_2 ⊙ a_1",
    "combine_b": "b_{1:2} = a_2 ⊙ b_1 + b_2",
}


def modern_correct_formula(cell: str, convention: str, key: str) -> str:
    """The right formula of ``key`` in plain text, in the drill's convention ("" if none)."""
    if key in _SCAN:
        return _SCAN[key]
    if cell == "minlstm" and key in ("f_prime", "i_prime"):
        gate = key[0]
        return f"{gate}′_t = {gate}_t" if convention == "unnormalised" else (
            f"{gate}′_t = {gate}_t / (f_t + i_t)")  # fmt: skip
    if key == "f" and cell in ("slstm", "mlstm"):
        return "f_t = exp(a_f)" if convention == "exp" else "f_t = σ(a_f)"
    if key == "h_tilde" and cell in ("mingru", "minlstm"):
        return "h̃_t = g(W_h x_t + b_h)" if convention == "log_space" else "h̃_t = W_h x_t + b_h"
    if cell == "ssm" and key == "B_bar" and convention == "zoh":
        return "B̄_t = (exp(Δ_t A) − 1) / A ⊙ B_tᵀ (exact zero-order hold)"
    return _FIXED.get(cell, {}).get(key, "")


def modern_steps(drill: Drill) -> tuple[WorkedStep, ...]:
    """The worked solution of a modern-cell drill (one step, or a scan with its sequential loop)."""
    if drill.category == "scan":
        from quizapp.drills.scan_worked import scan_worked

        return scan_worked(drill)
    if drill.record is None:
        return ()
    from quizapp.formulas.modern_worked import modern_worked

    inputs = {k: np.array(v) for k, v in drill.inputs.items()}
    state = {k: v for k, v in inputs.items() if k != "x"}
    keys = ancestors(drill.spec.cell, drill.asked)
    return modern_worked(drill.record, drill.params, inputs["x"], state, keys, drill.n)
