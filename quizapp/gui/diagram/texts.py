"""The diagram's caption and stage texts in English and Chinese (no Qt).

The shapes name their stages in English (``Stage.title``); ``stage_title`` looks the Chinese up
here and falls back to the English for a title this table does not know. Caption templates use
``%1``, ``%2``, ``%3`` like Qt's ``tr`` strings, so the widget fills both languages the same way.
"""

from __future__ import annotations

LANGUAGES = ("en", "zh")

_CAPTIONS: dict[str, dict[str, str]] = {
    "en": {
        "name": "Cell diagram",
        "none": "No cell chosen",
        "whole": "Whole cell: %1 stages, press → to step through",
        "stage": "Stage %1 of %2: %3",
        "outlined": "Outlined: the path that computes %1",
        "pytorch_g": "C̃_t, the candidate cell, is g in PyTorch (its gate order i, f, g, o).",
        "pytorch_n": "h̃_t, the candidate state, is n in PyTorch (its gate order r, z, n).",
    },
    "zh": {
        "name": "单元结构图",
        "none": "未选择单元",
        "whole": "整个单元：%1 个阶段，按 → 逐步查看",
        "stage": "第 %1 阶段（共 %2 个）：%3",
        "outlined": "描边：计算 %1 的路径",
        "pytorch_g": "C̃_t（候选记忆元）在 PyTorch 中叫 g（其门的顺序为 i、f、g、o）。",
        "pytorch_n": "h̃_t（候选隐状态）在 PyTorch 中叫 n（其门的顺序为 r、z、n）。",
    },
}

# English stage title (as the shapes declare it) -> Chinese.
_STAGE_TITLES_ZH = {
    "forget gate": "遗忘门",
    "forget gate (resets and updates)": "遗忘门（兼作重置与更新）",
    "input gate": "输入门",
    "input gate, coupled": "输入门（与遗忘门耦合）",
    "candidate cell C̃_t": "候选记忆元 C̃_t",
    "new cell state": "记忆元更新",
    "output gate": "输出门",
    "new hidden state": "隐状态",
    "depth gate": "深度门",
    "reset gate": "重置门",
    "update gate": "更新门",
    "candidate state h̃_t": "候选隐状态 h̃_t",
    "pre-activation": "预激活",
    "which modules update": "哪些模块更新",
    "reset (highway) gate": "重置（高速通路）门",
    # the modern cells (the drills' Chinese terms, ``quizapp.drills.modern_keys``)
    "normalised forget gate": "归一化的遗忘门",
    "normalised input gate": "归一化的输入门",
    "cell input z_t": "单元输入 z_t",
    "stabiliser m_t": "稳定器 m_t",
    "stabilised input gate": "稳定化的输入门",
    "stabilised forget gate": "稳定化的遗忘门",
    "normaliser n_t": "归一化器 n_t",
    "matrix memory C_t": "矩阵记忆 C_t",
    "query q_t": "查询 q_t",
    "key k_t": "键 k_t",
    "value v_t": "值 v_t",
    "denominator": "分母",
    "readout h̃_t": "读出 h̃_t",
    "step size Δ_t": "步长 Δ_t",
    "input projection B_t": "输入投影 B_t",
    "output projection C_t": "输出投影 C_t",
    "discretised Ā_t": "离散化的 Ā_t",
    "discretised B̄_t": "离散化的 B̄_t",
    "new state": "新状态",
    "output y_t": "输出 y_t",
    "feature map φ(q_t)": "特征映射 φ(q_t)",
    "feature map φ(k_t)": "特征映射 φ(k_t)",
    "state matrix S_t": "状态矩阵 S_t",
    "normaliser z_t": "归一化器 z_t",
    "numerator": "分子",
}

# The few stage equations written partly in words.
_EQUATIONS_ZH = {
    "module m updates when t mod T_m = 0": "t mod T_m = 0 时模块 m 更新",
    "h_t = tanh(a_t) in the updating modules, h_{t−1} in the others": (
        "更新的模块 h_t = tanh(a_t)，其余模块保持 h_{t−1}"
    ),
    "z_t = σ(W_z x_t + b_z)   (x_t only)": "z_t = σ(W_z x_t + b_z)   （只读 x_t）",
    "f_t = σ(W_f x_t + b_f)   (x_t only)": "f_t = σ(W_f x_t + b_f)   （只读 x_t）",
    "i_t = σ(W_i x_t + b_i)   (x_t only)": "i_t = σ(W_i x_t + b_i)   （只读 x_t）",
    "h̃_t = W_h x_t + b_h   (no tanh, no h_{t−1})": "h̃_t = W_h x_t + b_h   （没有 tanh，不读 h_{t−1}）",
    "h̃_t = g(W_h x_t + b_h),  g(a) = a + 0.5 if a ≥ 0, else σ(a)": (
        "h̃_t = g(W_h x_t + b_h)，a ≥ 0 时 g(a) = a + 0.5，否则 g(a) = σ(a)"
    ),
    "h_t = f_t ⊙ h_{t−1} + i_t ⊙ h̃_t   (gates not normalised)": (
        "h_t = f_t ⊙ h_{t−1} + i_t ⊙ h̃_t   （门未归一化）"
    ),
    "i_t = exp(a_i),  a_i = w_i·x_t + b_i   (a scalar)": "i_t = exp(a_i)，a_i = w_i·x_t + b_i   （标量）",
    "f_t = σ(a_f),  a_f = w_f·x_t + b_f   (a scalar)": "f_t = σ(a_f)，a_f = w_f·x_t + b_f   （标量）",
    "f_t = exp(a_f),  a_f = w_f·x_t + b_f   (a scalar)": (
        "f_t = exp(a_f)，a_f = w_f·x_t + b_f   （标量）"
    ),
    "C_t = f′_t C_{t−1} + i′_t v_t k_tᵀ   (n × n)": "C_t = f′_t C_{t−1} + i′_t v_t k_tᵀ   （n × n 矩阵）",
    "Ā_t = exp(Δ_t A)   (each channel's row scaled by its Δ)": (
        "Ā_t = exp(Δ_t A)   （每个通道的一行乘以该通道的 Δ）"
    ),
    "B̄_t = Δ_t B_tᵀ   (the paper's simplified hold)": "B̄_t = Δ_t B_tᵀ   （论文的简化保持）",
    "B̄_t = (exp(Δ_t A) − 1) / A ⊙ B_tᵀ   (the exact zero-order hold)": (
        "B̄_t = (exp(Δ_t A) − 1) / A ⊙ B_tᵀ   （精确的零阶保持）"
    ),
    "φ(q_t) = elu(q_t) + 1   (q + 1 if q > 0, else e^q)": (
        "φ(q_t) = elu(q_t) + 1   （q > 0 时为 q + 1，否则为 e^q）"
    ),
}


def normal_language(lang: str) -> str:
    """``"zh"``, ``"zh_CN"`` and ``"zh-CN"`` -> ``"zh"``; anything else -> ``"en"``."""
    return "zh" if lang.lower().startswith("zh") else "en"


def caption(lang: str, name: str) -> str:
    """The caption template ``name`` ("name", "none", "whole", "stage", "outlined", "pytorch_g",
    "pytorch_n") in ``lang``."""
    try:
        return _CAPTIONS[normal_language(lang)][name]
    except KeyError:
        raise KeyError(
            f"no diagram caption named {name!r}; expected one of {sorted(_CAPTIONS['en'])}"
        ) from None


def stage_title(lang: str, title: str) -> str:
    """A stage's title in ``lang`` (the English title when there is no translation)."""
    if normal_language(lang) == "zh":
        return _STAGE_TITLES_ZH.get(title, title)
    return title


def stage_equation(lang: str, equation: str) -> str:
    """A stage's equation in ``lang`` (only the few written in words differ)."""
    if normal_language(lang) == "zh":
        return _EQUATIONS_ZH.get(equation, equation)
    return equation


def translated_titles() -> frozenset[str]:
    """The English stage titles that have a Chinese translation (for tests)."""
    return frozenset(_STAGE_TITLES_ZH)
