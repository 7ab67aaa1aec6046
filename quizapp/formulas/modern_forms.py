"""The modern cells' equations in vector form, as mathtext-compatible LaTeX (no sympy here), and
``modern_equations``, which serves them the way ``lookup.equations`` serves the classic cells'.

The element trees these forms describe are in ``modern``; a test holds those trees to the engine.
"""

from __future__ import annotations

from engine.record import OUTPUT_KEYS
from quizapp.drills.modern_keys import MODERN_DEPENDS
from quizapp.formulas.records import Equation

_AFF = r"W_{{{k}}} x_t + b_{{{k}}}"
_XLSTM = {
    "i": r"i_t = \exp(a_i)",
    "o": r"o_t = \sigma(a_o)",
    "m": r"m_t = \max(\log f_t + m_{t-1},\ a_i)",
    "i_prime": r"i'_t = \exp(a_i - m_t)",
    "f_prime": r"f'_t = \exp(\log f_t + m_{t-1} - m_t)",
}


def vector_forms(cell: str, convention: str) -> dict[str, str]:
    """The vector form of every record key (mathtext-compatible LaTeX)."""
    cand = (r"\tilde{h}_t = g(W_h x_t + b_h)" if convention == "log_space"
            else r"\tilde{h}_t = W_h x_t + b_h")  # fmt: skip
    forget = r"f_t = \exp(a_f)" if convention == "exp" else r"f_t = \sigma(a_f)"
    if cell == "mingru":
        return {"a_z": "a_z = " + _AFF.format(k="z"), "z": r"z_t = \sigma(W_z x_t + b_z)",
                "a_h": "a_h = " + _AFF.format(k="h"), "h_tilde": cand,
                "h": r"h_t = (1 - z_t) \odot h_{t-1} + z_t \odot \tilde{h}_t"}  # fmt: skip
    if cell == "minlstm":
        plain = convention == "unnormalised"
        return {
            "a_f": "a_f = " + _AFF.format(k="f"), "a_i": "a_i = " + _AFF.format(k="i"),
            "a_h": "a_h = " + _AFF.format(k="h"),
            "f": r"f_t = \sigma(W_f x_t + b_f)", "i": r"i_t = \sigma(W_i x_t + b_i)",
            "h_tilde": cand,
            "f_prime": "f'_t = f_t" if plain else "f'_t = f_t / (f_t + i_t)",
            "i_prime": "i'_t = i_t" if plain else "i'_t = i_t / (f_t + i_t)",
            "h": r"h_t = f'_t \odot h_{t-1} + i'_t \odot \tilde{h}_t",
        }  # fmt: skip
    if cell == "slstm":
        forms = {f"a_{k}": f"a_{k} = W_{k} x_t + U_{k} h_{{t-1}} + b_{k}" for k in "zifo"}
        forms.update(_XLSTM)
        forms.update({
            "z": r"z_t = \tanh(a_z)", "f": forget,
            "c": r"c_t = f'_t \odot c_{t-1} + i'_t \odot z_t",
            "n": r"n_t = f'_t \odot n_{t-1} + i'_t", "h": r"h_t = o_t \odot c_t / n_t",
        })  # fmt: skip
        return forms
    if cell == "mlstm":
        forms = dict(_XLSTM)
        forms.update({
            "q": "q_t = " + _AFF.format(k="q"), "a_k": "a_k = " + _AFF.format(k="k"),
            "k": r"k_t = a_k / \sqrt{n}", "v": "v_t = " + _AFF.format(k="v"),
            "a_i": r"a_i = w_i \cdot x_t + b_i", "a_f": r"a_f = w_f \cdot x_t + b_f",
            "a_o": "a_o = " + _AFF.format(k="o"), "f": forget,
            "C": r"C_t = f'_t C_{t-1} + i'_t\, v_t k_t^{\top}",
            "n": r"n_t = f'_t n_{t-1} + i'_t k_t", "num": r"\mathrm{num}_t = C_t q_t",
            "qn": r"n_t^{\top} q_t", "den": r"\mathrm{den}_t = \max(|n_t^{\top} q_t|,\ \exp(-m_t))",
            "h_tilde": r"\tilde{h}_t = C_t q_t / \mathrm{den}_t", "h": r"h_t = o_t \odot \tilde{h}_t",
        })  # fmt: skip
        return forms
    if cell == "ssm":
        return {
            "a_delta": r"a_\Delta = W_\Delta x_t + b_\Delta",
            "delta": r"\Delta_t = \mathrm{softplus}(a_\Delta)", "B": "B_t = W_B x_t",
            "C": "C_t = W_C x_t", "A_bar": r"\bar{A}_t = \exp(\Delta_t A)",
            "B_bar": r"\bar{B}_t = \Delta_t B_t^{\top}" if convention != "zoh" else
            r"\bar{B}_t = (\exp(\Delta_t A) - 1) / A \odot B_t^{\top}",
            "h": r"h_t = \bar{A}_t \odot h_{t-1} + \bar{B}_t \odot x_t",
            "y": r"y_t = h_t C_t + D \odot x_t",
        }  # fmt: skip
    return {
        "q": "q_t = " + _AFF.format(k="q"), "k": "k_t = " + _AFF.format(k="k"),
        "v": "v_t = " + _AFF.format(k="v"),
        "phi_q": r"\phi(q_t) = \mathrm{elu}(q_t) + 1", "phi_k": r"\phi(k_t) = \mathrm{elu}(k_t) + 1",
        "S": r"S_t = S_{t-1} + \phi(k_t)\, v_t^{\top}", "z": r"z_t = z_{t-1} + \phi(k_t)",
        "num": r"\mathrm{num}_t = S_t^{\top} \phi(q_t)", "den": r"\mathrm{den}_t = z_t^{\top} \phi(q_t)",
        "y": r"y_t = \mathrm{num}_t / \mathrm{den}_t",
    }  # fmt: skip


def modern_equations(cell: str, convention: str, *, all_keys: bool = False) -> tuple[Equation, ...]:
    """The cell's equations in computing order (the drill keys, or every record key)."""
    forms = vector_forms(cell, convention)
    return tuple(
        Equation(key, forms[key], forms[key])
        for key in MODERN_DEPENDS[cell]  # the record's computing order
        if all_keys or key in OUTPUT_KEYS[cell]
    )
