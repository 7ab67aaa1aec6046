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
}

# The few stage equations written partly in words.
_EQUATIONS_ZH = {
    "module m updates when t mod T_m = 0": "t mod T_m = 0 时模块 m 更新",
    "h_t = tanh(a_t) in the updating modules, h_{t−1} in the others": (
        "更新的模块 h_t = tanh(a_t)，其余模块保持 h_{t−1}"
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
