"""Catalogued omissions of the classic cells: a gate or a term left out, in English and Chinese.

The ones the base catalogue already has are ``no-bias`` (a bias), ``no-recurrent`` (U h_{t−1}),
``cell-no-input-gate``, ``h-no-tanh``, ``gru-no-reset``, ``gru-no-carry`` and the RNN's identity
activation (``rnn-wrong-activation``). These add the forget gate and the output gate of the LSTM
family, the update gate of the GRU and MGU, and the SRU's highway term. The right equations are
those of Gers et al. 2000 (LSTM with forget gate), Cho et al. 2014 (GRU), Zhou et al. 2016 (MGU) and
Lei et al. 2018 (SRU). ``mistakes.MISTAKES`` builds them (plain tuples here, importing nothing).
"""

from __future__ import annotations

Entry = tuple[str, str, str, str, str, str]
"""(id, English title, Chinese title, mistaken formula in LaTeX, why in English, why in Chinese)."""

OMISSION_ENTRIES: tuple[Entry, ...] = (
    ("cell-no-forget-gate", "left out the forget gate", "漏掉了遗忘门",
     r"C_t = C_{t-1} + i_t \odot \tilde{C}_t",
     "The forget gate scales the old cell state before the candidate is added; without it the "
     "cell can never forget.",
     "旧记忆元要先乘以遗忘门，再加上候选记忆元；没有遗忘门，记忆元就永远无法遗忘。"),
    ("h-no-output-gate", "left out the output gate", "漏掉了输出门",
     r"h_t = \tanh(C_t)",
     "The output gate decides how much of the squashed cell state leaves the cell.",
     "输出门决定压缩后的记忆元有多少被输出。"),
    ("gru-no-update", "left out the update gate", "漏掉了更新门",
     r"h_t = \tilde{h}_t",
     "The update gate mixes the candidate with the previous state; without it the cell replaces "
     "h_{t−1} by the candidate at every step.",
     "更新门把候选隐状态与上一时刻的状态混合；没有它，单元每一步都用候选隐状态替换 h_{t−1}。"),
    ("sru-no-highway", "left out the highway term", "漏掉了高速通道项",
     r"h_t = r_t \odot C_t",
     "The SRU's output also lets the input x_t through a highway, weighted by 1 − r_t.",
     "SRU 的输出还经高速通道让输入 x_t 通过，权重为 1 − r_t。"),
)  # fmt: skip
