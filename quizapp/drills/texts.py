"""The words of a drill: cell names, the convention statement and the prompt, in English and Chinese.

Plain-text math is written the same way in both languages: one-character subscripts as ``h_t``,
longer ones in braces with a true minus sign (``h_{t−1}``, ``C_{t−1}``), the candidates as ``C̃_t``
and ``h̃_t``, ``σ`` for the logistic function and ``⊙`` for the element-wise product. Chinese uses the
terms of the Chinese edition of Dive into Deep Learning (记忆元, 候选记忆元, 隐状态, 遗忘门, …).
"""

from __future__ import annotations

from collections.abc import Sequence

from questions.vocab import Text
from quizapp.drills.modern_texts import MODERN_NAMES
from quizapp.drills.quantities import label_of

# Proper names of the cells, as they appear inside a sentence (not capitalised at its start).
CELL_NAMES: dict[str, Text] = {
    "rnn": Text("RNN", "RNN"),
    "lstm": Text("LSTM", "LSTM"),
    "gru": Text("GRU", "GRU"),
    "peephole": Text("peephole LSTM", "窥视孔 LSTM"),
    "cifg": Text("CIFG LSTM", "CIFG LSTM"),
    "mgu": Text("MGU", "MGU"),
    "sru": Text("SRU", "SRU"),
    "clockwork": Text("clockwork RNN", "Clockwork RNN"),
    "depth_gated": Text("depth-gated LSTM", "深度门控 LSTM"),
}

LSTM_CELLS: frozenset[str] = frozenset({"lstm", "peephole", "cifg", "depth_gated"})


def cell_name(cell: str) -> Text:
    """The cell's proper name for prose ("peephole LSTM", "GRU"); an unknown key is shown as is."""
    return CELL_NAMES.get(cell) or MODERN_NAMES.get(cell) or Text(cell, cell)


_LSTM_CORE = Text(
    "C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t, h_t = o_t ⊙ tanh(C_t)",
    "C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t，h_t = o_t ⊙ tanh(C_t)",
)

_CELL_TEXT: dict[tuple[str, str], tuple[str, str]] = {
    ("rnn", "tanh"): (
        "Elman RNN with tanh: h_t = tanh(W x_t + U h_{t−1} + b)",
        "Elman RNN，激活函数为 tanh：h_t = tanh(W x_t + U h_{t−1} + b)",
    ),
    ("rnn", "relu"): (
        "Elman RNN with ReLU: h_t = relu(W x_t + U h_{t−1} + b)",
        "Elman RNN，激活函数为 ReLU：h_t = relu(W x_t + U h_{t−1} + b)",
    ),
    ("lstm", "standard"): (
        "LSTM without peepholes: f_t, i_t, o_t = σ(W x_t + U h_{t−1} + b), "
        "C̃_t = tanh(W_g x_t + U_g h_{t−1} + b_g), " + _LSTM_CORE.en,
        "无窥视孔的 LSTM：遗忘门 f_t、输入门 i_t、输出门 o_t = σ(W x_t + U h_{t−1} + b)，"
        "候选记忆元 C̃_t = tanh(W_g x_t + U_g h_{t−1} + b_g)，" + _LSTM_CORE.zh,
    ),
    ("peephole", "standard"): (
        "Peephole LSTM (Gers & Schmidhuber 2000): i_t and f_t also see p ⊙ C_{t−1}, o_t sees "
        "p_o ⊙ C_t (the new cell state, so o_t comes after C_t); " + _LSTM_CORE.en,
        "窥视孔 LSTM（Gers & Schmidhuber 2000）：输入门 i_t 和遗忘门 f_t 还读取 p ⊙ C_{t−1}，"
        "输出门 o_t 读取 p_o ⊙ C_t（新记忆元，所以 o_t 在 C_t 之后计算）；" + _LSTM_CORE.zh,
    ),
    ("cifg", "standard"): (
        "CIFG LSTM (coupled input and forget gates): i_t = 1 − f_t; " + _LSTM_CORE.en,
        "CIFG LSTM（输入门与遗忘门耦合）：i_t = 1 − f_t；" + _LSTM_CORE.zh,
    ),
    ("depth_gated", "standard"): (
        "Depth-gated LSTM (Yao et al. 2015): a peephole LSTM with a depth gate "
        "d_t = σ(W_d x_t + w_cd ⊙ C_{t−1} + w_ld ⊙ C_low + b_d) and "
        "C_t = d_t ⊙ C_low + f_t ⊙ C_{t−1} + i_t ⊙ C̃_t; o_t sees the new cell state; "
        "h_t = o_t ⊙ tanh(C_t)",
        "深度门控 LSTM（Yao 等 2015）：带深度门 d_t = σ(W_d x_t + w_cd ⊙ C_{t−1} + w_ld ⊙ C_low + b_d) "
        "的窥视孔 LSTM，C_t = d_t ⊙ C_low + f_t ⊙ C_{t−1} + i_t ⊙ C̃_t；输出门 o_t 读取新记忆元；"
        "h_t = o_t ⊙ tanh(C_t)",
    ),
    ("gru", "pytorch"): (
        "GRU, PyTorch convention: h_t = (1 − z_t) ⊙ h̃_t + z_t ⊙ h_{t−1}; the reset gate acts after "
        "the product: h̃_t = tanh(W_n x_t + b_n + r_t ⊙ (U_n h_{t−1} + bh_n))",
        "GRU，PyTorch 约定：h_t = (1 − z_t) ⊙ h̃_t + z_t ⊙ h_{t−1}；重置门作用在矩阵乘法之后："
        "h̃_t = tanh(W_n x_t + b_n + r_t ⊙ (U_n h_{t−1} + bh_n))",
    ),
    ("gru", "d2l"): (
        "GRU, d2l convention: h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t; the reset gate acts before "
        "the product: h̃_t = tanh(W_n x_t + U_n (r_t ⊙ h_{t−1}) + b_n)",
        "GRU，d2l 约定：h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t；重置门作用在矩阵乘法之前："
        "h̃_t = tanh(W_n x_t + U_n (r_t ⊙ h_{t−1}) + b_n)",
    ),
    ("gru", "colah"): (
        "GRU, Colah convention: h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t; the reset gate acts before "
        "the product: h̃_t = tanh(W_n x_t + U_n (r_t ⊙ h_{t−1}) + b_n)",
        "GRU，Colah 约定：h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t；重置门作用在矩阵乘法之前："
        "h̃_t = tanh(W_n x_t + U_n (r_t ⊙ h_{t−1}) + b_n)",
    ),
    ("mgu", "standard"): (
        "MGU (minimal gated unit): f_t = σ(W_f x_t + U_f h_{t−1} + b_f), "
        "h̃_t = tanh(W_n x_t + U_n (f_t ⊙ h_{t−1}) + b_n), h_t = (1 − f_t) ⊙ h_{t−1} + f_t ⊙ h̃_t",
        "MGU（最小门控单元）：f_t = σ(W_f x_t + U_f h_{t−1} + b_f)，"
        "h̃_t = tanh(W_n x_t + U_n (f_t ⊙ h_{t−1}) + b_n)，h_t = (1 − f_t) ⊙ h_{t−1} + f_t ⊙ h̃_t",
    ),
    ("sru", "standard"): (
        "SRU (Lei et al. 2018): f_t = σ(W_f x_t + v_f ⊙ C_{t−1} + b_f), r_t likewise, "
        "C_t = f_t ⊙ C_{t−1} + (1 − f_t) ⊙ (W_c x_t), h_t = r_t ⊙ C_t + (1 − r_t) ⊙ x_t",
        "SRU（Lei 等 2018）：f_t = σ(W_f x_t + v_f ⊙ C_{t−1} + b_f)，r_t 同理，"
        "C_t = f_t ⊙ C_{t−1} + (1 − f_t) ⊙ (W_c x_t)，h_t = r_t ⊙ C_t + (1 − r_t) ⊙ x_t",
    ),
    ("clockwork", "standard"): (
        "Clockwork RNN (Koutník et al. 2014): module m recomputes its rows as "
        "tanh(W x_t + U h_{t−1} + b) only when t mod T_m = 0; otherwise they keep h_{t−1}",
        "Clockwork RNN（Koutník 等 2014）：仅当 t mod T_m = 0 时，模块 m 的各行按 "
        "tanh(W x_t + U h_{t−1} + b) 重新计算；否则保持 h_{t−1} 不变",
    ),
}


def convention_text(cell: str, convention: str, *, two_biases: bool, stacked: bool) -> Text:
    """The convention in words: the equations, how many biases, and the layout of the weights."""
    en, zh = _CELL_TEXT[(cell, convention)]
    if cell == "gru" and convention == "pytorch" and not two_biases:
        # One bias: there is no hidden-side bh_n to add inside r_t ⊙ (…).
        en, zh = en.replace(" + bh_n)", ")"), zh.replace(" + bh_n)", ")")
    one_bias = ("one bias per gate", "每个门一个偏置")
    if cell in ("rnn", "clockwork"):  # no gates: one pre-activation with its bias vector(s)
        one_bias = ("one bias vector b", "一个偏置向量 b")
    if cell == "sru" or (cell == "depth_gated" and not two_biases):
        bias_en, bias_zh = one_bias
    elif two_biases and cell in ("rnn", "clockwork"):
        bias_en = "two bias vectors, b (input side) and bh (hidden side), both added"
        bias_zh = "两个偏置向量：b（输入侧）和 bh（隐状态侧），两者都要加上"
    elif two_biases:
        bias_en = "two biases per gate, b (input side) and bh (hidden side), both added"
        bias_zh = "每个门两个偏置：b（输入侧）和 bh（隐状态侧），两者都要加上"
        if cell == "gru" and convention == "pytorch":
            bias_en += "; bh_n sits inside r_t ⊙ (…)"
            bias_zh += "；bh_n 位于 r_t ⊙ (…) 之内"
    else:
        bias_en, bias_zh = one_bias
    en, zh = f"{en}; {bias_en}.", f"{zh}；{bias_zh}。"
    if stacked:
        module = {"lstm": "nn.LSTMCell", "gru": "nn.GRUCell", "rnn": "nn.RNNCell"}[cell]
        en += f" The weights are given in PyTorch's stacked layout ({module}: weight_ih, weight_hh,"
        en += " bias_ih, bias_hh)."
        zh += f"权重按 PyTorch 的堆叠布局给出（{module}：weight_ih、weight_hh、bias_ih、bias_hh）。"
    return Text(en, zh)


_SOURCES: dict[tuple[str, str], tuple[str, str]] = {
    ("gru", "pytorch"): (
        "GRU in PyTorch's convention (torch.nn.GRU, cuDNN, Keras reset_after=True)",
        "PyTorch 约定的 GRU（torch.nn.GRU、cuDNN、Keras reset_after=True）",
    ),
    ("gru", "d2l"): (
        "GRU in the d2l convention (Dive into Deep Learning, Keras reset_after=False)",
        "d2l 约定的 GRU（《动手学深度学习》、Keras reset_after=False）",
    ),
    ("gru", "colah"): (
        "GRU in Colah's convention (his post on LSTMs and the seed tutorial)",
        "Colah 约定的 GRU（他关于 LSTM 的博文及种子教程）",
    ),
    ("mgu", "standard"): (
        "MGU (minimal gated unit, Zhou et al. 2016), one gate f_t",
        "MGU（最小门控单元，Zhou 等 2016），只有一个门 f_t",
    ),
}


def convention_name(cell: str, convention: str) -> Text:
    """The convention named by its source, without its equations (for formula drills whose answer
    is the convention's update)."""
    en, zh = _SOURCES[(cell, convention)]
    return Text(en + ".", zh + "。")


def _names(keys: Sequence[str], lang: str) -> str:
    labels = [label_of(k)[1] for k in keys]
    return ("、" if lang == "zh" else ", ").join(t.zh if lang == "zh" else t.en for t in labels)


def forward_prompt(cell: str, keys: Sequence[str], whiteboard: bool) -> Text:
    """Prompt of a forward drill."""
    if cell == "sru":
        given_en, given_zh = "x_t and C_{t−1}", "x_t、C_{t−1}"
    elif cell in LSTM_CELLS:
        given_en, given_zh = "x_t, h_{t−1}, C_{t−1}", "x_t、h_{t−1}、C_{t−1}"
    else:
        given_en, given_zh = "x_t, h_{t−1}", "x_t、h_{t−1}"
    if cell == "depth_gated":
        given_en += " and the lower layer's C_low"
        given_zh += " 和下层的 C_low"
    hand_en = " by hand, using the σ/tanh table" if whiteboard else ""
    hand_zh = "（手算，可查 σ/tanh 表）" if whiteboard else ""
    name = cell_name(cell)
    return Text(
        f"One {name.en} step. Given {given_en} and the parameters below, compute{hand_en}: "
        f"{_names(keys, 'en')} (at least three decimals; vectors as [v1, v2, …]).",
        f"{name.zh} 单步计算。已知 {given_zh} 及下列参数，求{hand_zh}：{_names(keys, 'zh')}"
        "（至少保留三位小数；向量写成 [v1, v2, …]）。",
    )


def backward_prompt(cell: str, keys: Sequence[str]) -> Text:
    """Prompt of a backward drill."""
    lstm = cell in LSTM_CELLS
    upstream = "δh_t and δC_t (arriving from step t+1)" if lstm else "δh_t"
    upstream_zh = "δh_t 和（从第 t+1 步传来的）δC_t" if lstm else "δh_t"
    name = cell_name(cell)
    return Text(
        f"One backward step of the {name.en}. The forward values of this step are given; with the "
        f"upstream gradient {upstream}, compute: {_names(keys, 'en')} (at least three decimals).",
        f"{name.zh} 单步反向传播。本步的前向值已给出；已知上游梯度 {upstream_zh}，求："
        f"{_names(keys, 'zh')}（至少保留三位小数）。",
    )
