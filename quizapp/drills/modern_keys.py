"""What a drill on a modern cell can ask: the record keys with their direct inputs, their labels in
English and Chinese, and the parallel-scan quantities of minGRU, minLSTM and the SSM.

Keys are the engine's record keys (``engine.modern``). Some names mean different things in different
cells (``z`` is minGRU's update gate, the sLSTM's cell input and linear attention's normaliser), so a
label may depend on the cell.
"""

from __future__ import annotations

SCAN_CELLS: tuple[str, ...] = ("mingru", "minlstm", "ssm")
SCAN_KEYS: tuple[str, ...] = ("scan_a", "scan_b", "scan_A", "scan_B", "scan_h")
COMBINE_KEYS: tuple[str, ...] = ("combine_a", "combine_b")

# Record keys in computation order and their direct inputs (as ``quantities.DEPENDS``).
MODERN_DEPENDS: dict[str, dict[str, tuple[str, ...]]] = {
    "mingru": {"a_z": (), "z": ("a_z",), "a_h": (), "h_tilde": ("a_h",), "h": ("z", "h_tilde")},
    "minlstm": {"a_f": (), "a_i": (), "a_h": (), "f": ("a_f",), "i": ("a_i",),
                "h_tilde": ("a_h",), "f_prime": ("f", "i"), "i_prime": ("f", "i"),
                "h": ("f_prime", "i_prime", "h_tilde")},
    "slstm": {"a_z": (), "a_i": (), "a_f": (), "a_o": (), "z": ("a_z",), "i": ("a_i",),
              "f": ("a_f",), "o": ("a_o",), "m": ("a_i", "f"), "i_prime": ("a_i", "m"),
              "f_prime": ("f", "m"), "c": ("i_prime", "f_prime", "z"), "n": ("i_prime", "f_prime"),
              "h": ("o", "c", "n")},
    "mlstm": {"q": (), "a_k": (), "k": ("a_k",), "v": (), "a_i": (), "a_f": (), "a_o": (),
              "i": ("a_i",), "f": ("a_f",), "o": ("a_o",), "m": ("a_i", "f"),
              "i_prime": ("a_i", "m"), "f_prime": ("f", "m"), "C": ("f_prime", "i_prime", "v", "k"),
              "n": ("f_prime", "i_prime", "k"), "num": ("C", "q"), "qn": ("n", "q"),
              "den": ("qn", "m"), "h_tilde": ("num", "den"), "h": ("o", "h_tilde")},
    "ssm": {"a_delta": (), "delta": ("a_delta",), "B": (), "C": (), "A_bar": ("delta",),
            "B_bar": ("delta", "B"), "h": ("A_bar", "B_bar"), "y": ("h", "C")},
    "linear_attention": {"q": (), "k": (), "v": (), "phi_q": ("q",), "phi_k": ("k",),
                         "S": ("phi_k", "v"), "z": ("phi_k",), "num": ("S", "phi_q"),
                         "den": ("z", "phi_q"), "y": ("num", "den")},
}  # fmt: skip

# key: (LaTeX, English, Chinese), for keys that mean one thing in every modern cell.
MODERN_LABELS: dict[str, tuple[str, str, str]] = {
    "h_tilde": (r"\tilde{h}_t", "candidate h̃_t", "候选隐状态 h̃_t"),
    "m": ("m_t", "stabiliser m_t", "稳定器 m_t"),
    "q": ("q_t", "query q_t", "查询 q_t"),
    "k": ("k_t", "key k_t", "键 k_t"),
    "v": ("v_t", "value v_t", "值 v_t"),
    "qn": (r"n_t^\top q_t", "the product n_tᵀ q_t", "乘积 n_tᵀ q_t"),
    "den": (r"\mathrm{den}_t", "denominator", "分母"),
    "num": (r"\mathrm{num}_t", "numerator", "分子"),
    "delta": (r"\Delta_t", "step size Δ_t", "步长 Δ_t"),
    "B": ("B_t", "input vector B_t = W_B x_t", "输入向量 B_t = W_B x_t"),
    "A_bar": (r"\bar{A}_t", "discretised Ā_t = exp(Δ_t A)", "离散化的 Ā_t = exp(Δ_t A)"),
    "B_bar": (r"\bar{B}_t", "discretised B̄_t", "离散化的 B̄_t"),
    "y": ("y_t", "output y_t", "输出 y_t"),
    "phi_q": (r"\phi(q_t)", "feature map φ(q_t)", "特征映射 φ(q_t)"),
    "phi_k": (r"\phi(k_t)", "feature map φ(k_t)", "特征映射 φ(k_t)"),
    "S": ("S_t", "state matrix S_t", "状态矩阵 S_t"),
    "scan_a": ("a_t", "coefficients a_1 … a_T", "系数 a_1 … a_T"),
    "scan_b": ("b_t", "offsets b_1 … b_T", "偏移 b_1 … b_T"),
    "scan_A": ("A_{1:t}", "prefix coefficients A_{1:1} … A_{1:T}", "前缀系数 A_{1:1} … A_{1:T}"),
    "scan_B": ("B_{1:t}", "prefix offsets B_{1:1} … B_{1:T}", "前缀偏移 B_{1:1} … B_{1:T}"),
    "scan_h": ("h_T", "final state h_T", "最终状态 h_T"),
    "combine_a": ("a_{1:2}", "combined coefficient a_{1:2}", "合并后的系数 a_{1:2}"),
    "combine_b": ("b_{1:2}", "combined offset b_{1:2}", "合并后的偏移 b_{1:2}"),
}

# (cell, key): labels that depend on the cell.
CELL_LABELS: dict[tuple[str, str], tuple[str, str, str]] = {
    ("mingru", "z"): ("z_t", "update gate z_t", "更新门 z_t"),
    ("slstm", "z"): ("z_t", "cell input z_t = tanh(a_z)", "单元输入 z_t = tanh(a_z)"),
    ("linear_attention", "z"): ("z_t", "normaliser z_t", "归一化向量 z_t"),
    ("slstm", "c"): ("c_t", "cell state c_t", "记忆元 c_t"),
    ("slstm", "n"): ("n_t", "normaliser state n_t", "归一化器状态 n_t"),
    ("mlstm", "n"): ("n_t", "normaliser n_t", "归一化向量 n_t"),
    ("mlstm", "C"): ("C_t", "matrix memory C_t", "矩阵记忆 C_t"),
    ("ssm", "C"): ("C_t", "readout vector C_t = W_C x_t", "读出向量 C_t = W_C x_t"),
    ("ssm", "h"): ("h_t", "new state h_t (d×N)", "新状态 h_t（d×N）"),
    ("slstm", "i"): ("i_t", "input gate i_t = exp(a_i)", "输入门 i_t = exp(a_i)"),
    ("mlstm", "i"): ("i_t", "input gate i_t = exp(a_i)", "输入门 i_t = exp(a_i)"),
    ("minlstm", "f_prime"): ("f'_t", "normalised forget gate f′_t", "归一化遗忘门 f′_t"),
    ("minlstm", "i_prime"): ("i'_t", "normalised input gate i′_t", "归一化输入门 i′_t"),
    ("slstm", "f_prime"): ("f'_t", "stabilised forget gate f′_t", "稳定化遗忘门 f′_t"),
    ("slstm", "i_prime"): ("i'_t", "stabilised input gate i′_t", "稳定化输入门 i′_t"),
    ("mlstm", "f_prime"): ("f'_t", "stabilised forget gate f′_t", "稳定化遗忘门 f′_t"),
    ("mlstm", "i_prime"): ("i'_t", "stabilised input gate i′_t", "稳定化输入门 i′_t"),
}


# How a problem names the inputs of a modern or scan drill (the state read is the previous one).
INPUT_NAMES: dict[str, str] = {
    "n": "n_{t−1}", "m": "m_{t−1}", "C": "C_{t−1}", "S": "S_{t−1}", "z": "z_{t−1}", "h_0": "h_0",
}  # fmt: skip


def input_name(cell: str, key: str) -> str:
    """The printed name of an input of a modern-cell drill (``c`` is lower case in the sLSTM)."""
    if cell == "slstm" and key == "c":
        return "c_{t−1}"
    if key.startswith("x_") and key[2:].isdigit():
        return key
    return INPUT_NAMES.get(key, "")


def scan_keys(cell: str) -> tuple[str, ...]:
    """The parallel-scan quantities of ``cell`` (empty for cells that are not linear in h)."""
    return (*SCAN_KEYS, *COMBINE_KEYS) if cell in SCAN_CELLS else ()


def is_scan_key(key: str) -> bool:
    """Whether ``key`` is a parallel-scan quantity."""
    return key in SCAN_KEYS or key in COMBINE_KEYS


def modern_label(key: str, cell: str) -> tuple[str, str, str] | None:
    """(LaTeX, English, Chinese) for a modern cell's key, or None when the generic label applies."""
    return CELL_LABELS.get((cell, key)) or MODERN_LABELS.get(key)
