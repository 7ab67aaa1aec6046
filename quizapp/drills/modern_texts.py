"""The words of a modern-cell drill: names, the convention statement and the prompt, in English and
Chinese (plain-text math as in ``texts``: ``h_{t−1}``, ``⊙``, ``σ``; ᵀ for a transpose).

Sources: Feng et al. 2024 (minGRU, minLSTM), Beck et al. 2024 (xLSTM: sLSTM, mLSTM), Gu & Dao 2023
(Mamba's selective SSM step), Katharopoulos et al. 2020 (linear attention). Chinese terms follow the
Chinese edition of Dive into Deep Learning where it has them (隐状态, 记忆元, 遗忘门, 输入门, 输出门).
"""

from __future__ import annotations

from collections.abc import Sequence

from questions.vocab import Text
from quizapp.drills.quantities import label_of

MODERN_NAMES: dict[str, Text] = {
    "mingru": Text("minGRU", "minGRU"),
    "minlstm": Text("minLSTM", "minLSTM"),
    "slstm": Text("sLSTM", "sLSTM"),
    "mlstm": Text("mLSTM", "mLSTM"),
    "ssm": Text("selective SSM (Mamba)", "选择性状态空间模型（Mamba）"),
    "linear_attention": Text("linear attention", "线性注意力"),
}

_STAB_EN = (
    "stabiliser m_t = max(log f_t + m_{t−1}, a_i), i′_t = exp(a_i − m_t), "
    "f′_t = exp(log f_t + m_{t−1} − m_t)"
)
_STAB_ZH = (
    "稳定器 m_t = max(log f_t + m_{t−1}, a_i)，i′_t = exp(a_i − m_t)，"
    "f′_t = exp(log f_t + m_{t−1} − m_t)"
)
_FORGET = {
    "sigmoid": ("f_t = σ(a_f)", "f_t = σ(a_f)"),
    "exp": ("f_t = exp(a_f)", "f_t = exp(a_f)"),
}
_CANDIDATE = {
    "paper": ("h̃_t = W_h x_t + b_h", "h̃_t = W_h x_t + b_h"),
    "log_space": (
        "h̃_t = g(W_h x_t + b_h) with g(a) = a + 0.5 for a ≥ 0 and σ(a) below (the reference "
        "code's log-space form)",
        "h̃_t = g(W_h x_t + b_h)，其中 a ≥ 0 时 g(a) = a + 0.5，否则 g(a) = σ(a)（参考代码的对数空间形式）",
    ),
}


def _mingru(convention: str) -> tuple[str, str]:
    cand_en, cand_zh = _CANDIDATE[convention]
    return (
        "minGRU (Feng et al. 2024): z_t = σ(W_z x_t + b_z), " + cand_en
        + ", h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t; the gate and the candidate read x_t only",
        "minGRU（Feng 等 2024）：z_t = σ(W_z x_t + b_z)，" + cand_zh
        + "，h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t；门和候选隐状态只读取 x_t",
    )  # fmt: skip


def _minlstm(convention: str) -> tuple[str, str]:
    cand_en, cand_zh = _CANDIDATE["paper" if convention == "unnormalised" else convention]
    if convention == "unnormalised":
        norm_en = "without normalisation: f′_t = f_t, i′_t = i_t"
        norm_zh = "不做归一化：f′_t = f_t，i′_t = i_t"
    else:
        norm_en = "normalised gates f′_t = f_t / (f_t + i_t), i′_t = i_t / (f_t + i_t)"
        norm_zh = "归一化的门 f′_t = f_t / (f_t + i_t)，i′_t = i_t / (f_t + i_t)"
    return (
        f"minLSTM (Feng et al. 2024): f_t = σ(W_f x_t + b_f), i_t = σ(W_i x_t + b_i), {cand_en}, "
        f"{norm_en}, h_t = f′_t ⊙ h_{{t−1}} + i′_t ⊙ h̃_t",
        f"minLSTM（Feng 等 2024）：f_t = σ(W_f x_t + b_f)，i_t = σ(W_i x_t + b_i)，{cand_zh}，"
        f"{norm_zh}，h_t = f′_t ⊙ h_{{t−1}} + i′_t ⊙ h̃_t",
    )


def _slstm(convention: str) -> tuple[str, str]:
    f_en, f_zh = _FORGET[convention]
    return (
        "sLSTM (Beck et al. 2024, stabilised): a_k = W_k x_t + U_k h_{t−1} + b_k for k = z, i, f, o; "
        f"z_t = tanh(a_z), i_t = exp(a_i), {f_en}, o_t = σ(a_o); {_STAB_EN}; "
        "c_t = f′_t ⊙ c_{t−1} + i′_t ⊙ z_t, n_t = f′_t ⊙ n_{t−1} + i′_t, h_t = o_t ⊙ c_t / n_t "
        "(c_{t−1} and n_{t−1} are stored stabilised, as the step returns them)",
        "sLSTM（Beck 等 2024，稳定化形式）：k = z、i、f、o 时 a_k = W_k x_t + U_k h_{t−1} + b_k；"
        f"z_t = tanh(a_z)，i_t = exp(a_i)，{f_zh}，o_t = σ(a_o)；{_STAB_ZH}；"
        "c_t = f′_t ⊙ c_{t−1} + i′_t ⊙ z_t，n_t = f′_t ⊙ n_{t−1} + i′_t，h_t = o_t ⊙ c_t / n_t"
        "（c_{t−1} 和 n_{t−1} 按上一步返回的稳定化形式给出）",
    )


def _mlstm(convention: str) -> tuple[str, str]:
    f_en, f_zh = _FORGET[convention]
    return (
        "mLSTM (Beck et al. 2024, one head of size n, stabilised): q_t = W_q x_t + b_q, "
        "k_t = (W_k x_t + b_k) / √n, v_t = W_v x_t + b_v, a_i = w_i·x_t + b_i, a_f = w_f·x_t + b_f "
        f"(scalars), i_t = exp(a_i), {f_en}, o_t = σ(W_o x_t + b_o); {_STAB_EN}; "
        "C_t = f′_t C_{t−1} + i′_t v_t k_tᵀ, n_t = f′_t n_{t−1} + i′_t k_t, "
        "h̃_t = C_t q_t / max(|n_tᵀ q_t|, exp(−m_t)), h_t = o_t ⊙ h̃_t",
        "mLSTM（Beck 等 2024，单头，头维度 n，稳定化形式）：q_t = W_q x_t + b_q，"
        "k_t = (W_k x_t + b_k) / √n，v_t = W_v x_t + b_v，a_i = w_i·x_t + b_i，a_f = w_f·x_t + b_f"
        f"（标量），i_t = exp(a_i)，{f_zh}，o_t = σ(W_o x_t + b_o)；{_STAB_ZH}；"
        "C_t = f′_t C_{t−1} + i′_t v_t k_tᵀ，n_t = f′_t n_{t−1} + i′_t k_t，"
        "h̃_t = C_t q_t / max(|n_tᵀ q_t|, exp(−m_t))，h_t = o_t ⊙ h̃_t",
    )


_FIXED: dict[str, tuple[str, str]] = {
    "ssm": (
        "Selective SSM step (Mamba, Gu & Dao 2023), diagonal A (d×N): "
        "Δ_t = softplus(W_Δ x_t + b_Δ), B_t = W_B x_t, C_t = W_C x_t, Ā_t = exp(Δ_t A) (row j scaled "
        "by Δ_{t,j}), B̄_t = Δ_t B_tᵀ (d×N), h_t = Ā_t ⊙ h_{t−1} + B̄_t ⊙ x_t (x_{t,j} along row j), "
        "y_t = h_t C_t + D ⊙ x_t",
        "选择性状态空间模型单步（Mamba，Gu & Dao 2023），A 为 d×N 对角参数：Δ_t = softplus(W_Δ x_t + b_Δ)，"
        "B_t = W_B x_t，C_t = W_C x_t，Ā_t = exp(Δ_t A)（第 j 行乘以 Δ_{t,j}），B̄_t = Δ_t B_tᵀ（d×N），"
        "h_t = Ā_t ⊙ h_{t−1} + B̄_t ⊙ x_t（第 j 行乘以 x_{t,j}），y_t = h_t C_t + D ⊙ x_t",
    ),
    "linear_attention": (
        "Linear attention as an RNN (Katharopoulos et al. 2020): q_t, k_t, v_t = W x_t + b, "
        "φ(u) = elu(u) + 1, S_t = S_{t−1} + φ(k_t) v_tᵀ, z_t = z_{t−1} + φ(k_t), "
        "y_t = S_tᵀ φ(q_t) / (z_tᵀ φ(q_t))",
        "作为 RNN 的线性注意力（Katharopoulos 等 2020）：q_t、k_t、v_t = W x_t + b，φ(u) = elu(u) + 1，"
        "S_t = S_{t−1} + φ(k_t) v_tᵀ，z_t = z_{t−1} + φ(k_t)，y_t = S_tᵀ φ(q_t) / (z_tᵀ φ(q_t))",
    ),
}


def modern_convention_text(cell: str, convention: str) -> Text:
    """The cell's equations in the drill's convention, as one statement."""
    if cell == "mingru":
        en, zh = _mingru(convention)
    elif cell == "minlstm":
        en, zh = _minlstm(convention)
    elif cell == "slstm":
        en, zh = _slstm(convention)
    elif cell == "mlstm":
        en, zh = _mlstm(convention)
    else:
        en, zh = _FIXED[cell]
    if cell == "ssm" and convention == "zoh":
        en = en.replace(
            "B̄_t = Δ_t B_tᵀ (d×N)",
            "B̄_t = (exp(Δ_t A) − 1) / A ⊙ B_tᵀ (d×N, the exact "
            "zero-order hold; Mamba's code uses Δ_t B_tᵀ)",
        )
        zh = zh.replace(
            "B̄_t = Δ_t B_tᵀ（d×N）",
            "B̄_t = (exp(Δ_t A) − 1) / A ⊙ B_tᵀ（d×N，精确的零阶保持；Mamba 代码用 Δ_t B_tᵀ）",
        )
    return Text(en + ".", zh + "。")


_GIVEN: dict[str, tuple[str, str]] = {
    "mingru": ("x_t, h_{t−1}", "x_t、h_{t−1}"),
    "minlstm": ("x_t, h_{t−1}", "x_t、h_{t−1}"),
    "slstm": ("x_t and the state h_{t−1}, c_{t−1}, n_{t−1}, m_{t−1}",
              "x_t 以及状态 h_{t−1}、c_{t−1}、n_{t−1}、m_{t−1}"),
    "mlstm": ("x_t and the state C_{t−1}, n_{t−1}, m_{t−1}", "x_t 以及状态 C_{t−1}、n_{t−1}、m_{t−1}"),
    "ssm": ("x_t and the state h_{t−1} (d×N)", "x_t 以及状态 h_{t−1}（d×N）"),
    "linear_attention": ("x_t and the state S_{t−1}, z_{t−1}", "x_t 以及状态 S_{t−1}、z_{t−1}"),
}  # fmt: skip


def _names(cell: str, keys: Sequence[str], lang: str) -> str:
    labels = [label_of(k, cell)[1] for k in keys]
    return ("、" if lang == "zh" else ", ").join(t.zh if lang == "zh" else t.en for t in labels)


def modern_prompt(cell: str, keys: Sequence[str], whiteboard: bool) -> Text:
    """Prompt of a one-step drill of a modern cell."""
    given_en, given_zh = _GIVEN[cell]
    hand_en = " by hand, using the table of function values" if whiteboard else ""
    hand_zh = "（手算，可查函数值表）" if whiteboard else ""
    name = MODERN_NAMES[cell]
    return Text(
        f"One {name.en} step. Given {given_en} and the parameters below, compute{hand_en}: "
        f"{_names(cell, keys, 'en')} (at least three decimals; vectors as [v1, v2, …], matrices "
        "row by row).",
        f"{name.zh} 单步计算。已知 {given_zh} 及下列参数，求{hand_zh}：{_names(cell, keys, 'zh')}"
        "（至少保留三位小数；向量写成 [v1, v2, …]，矩阵按行依次写出）。",
    )


def scan_prompt(cell: str, keys: Sequence[str], steps: int, whiteboard: bool) -> Text:
    """Prompt of a parallel-scan drill."""
    name = MODERN_NAMES[cell]
    hand_en = " by hand, using the table of function values" if whiteboard else ""
    hand_zh = "（手算，可查函数值表）" if whiteboard else ""
    if cell == "ssm":
        pair_en, pair_zh = "a_t = Ā_t, b_t = B̄_t ⊙ x_t", "a_t = Ā_t，b_t = B̄_t ⊙ x_t"
    elif cell == "mingru":
        pair_en, pair_zh = "a_t = 1 − z_t, b_t = z_t ⊙ h̃_t", "a_t = 1 − z_t，b_t = z_t ⊙ h̃_t"
    else:
        pair_en, pair_zh = "a_t = f′_t, b_t = i′_t ⊙ h̃_t", "a_t = f′_t，b_t = i′_t ⊙ h̃_t"
    if any(k.startswith("combine") for k in keys):
        task_en = (
            "Write steps 1 and 2 as (a_t, b_t) and combine them into one step "
            "(a_{1:2}, b_{1:2}) with h_2 = a_{1:2} ⊙ h_0 + b_{1:2}"
        )
        task_zh = "把第 1、2 步写成 (a_t, b_t)，再合并为一步 (a_{1:2}, b_{1:2})，使 h_2 = a_{1:2} ⊙ h_0 + b_{1:2}"
    else:
        task_en = (
            f"Over T = {steps} steps write h_t = a_t ⊙ h_{{t−1}} + b_t and compute the prefix "
            "coefficients (A_{1:t}, B_{1:t}) with h_t = A_{1:t} ⊙ h_0 + B_{1:t}"
        )
        task_zh = (
            f"在 T = {steps} 步上写成 h_t = a_t ⊙ h_{{t−1}} + b_t，并求前缀系数 (A_{{1:t}}, B_{{1:t}})，"
            "使 h_t = A_{1:t} ⊙ h_0 + B_{1:t}"
        )
    return Text(
        f"Parallel scan of the {name.en} ({pair_en}). {task_en}. Given x_1 … x_T, h_0 and the "
        f"parameters below, compute{hand_en}: {_names(cell, keys, 'en')} (steps one after another "
        "in one list, at least three decimals).",
        f"{name.zh} 的并行扫描（{pair_zh}）。{task_zh}。已知 x_1 … x_T、h_0 及下列参数，"
        f"求{hand_zh}：{_names(cell, keys, 'zh')}（各步依次写在一个列表中，至少保留三位小数）。",
    )
