"""The catalogue of mistakes a drill can diagnose, with stable ids from the cells spec.

Each mistake has a title and an explanation in English and Chinese and the mistaken formula in LaTeX
(the correct formula is shown beside it by the feedback). The ids of the spec's table come first; a few
extra ids cover parameter counts and framework shapes, which the spec's table does not list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from questions.vocab import Text
from quizapp.drills.modern_mistakes import MODERN_ENTRIES
from quizapp.drills.omission_mistakes import OMISSION_ENTRIES


@dataclass(frozen=True)
class Mistake:
    """One catalogued mistake: what the learner did, in plain words, and the formula they used."""

    id: str
    title: Text
    formula_latex: str
    explanation: Text


def _m(mistake_id: str, en: str, zh: str, latex: str, why_en: str, why_zh: str) -> Mistake:
    return Mistake(mistake_id, Text(en, zh), latex, Text(why_en, why_zh))


_CATALOGUE: tuple[Mistake, ...] = (
    _m("gate-tanh", "tanh instead of σ for a gate", "门控用了 tanh 而不是 σ",
       r"f_t = \tanh(a_f)",
       "Gates (f, i, o, r, z) squash with the sigmoid so that they lie between 0 and 1.",
       "门（f、i、o、r、z）用 sigmoid 压缩，取值才在 0 到 1 之间。"),
    _m("candidate-sigmoid", "σ instead of tanh for the candidate", "候选记忆元用了 σ 而不是 tanh",
       r"\tilde{C}_t = \sigma(a_g)",
       "The candidate (C̃_t or h̃_t) uses tanh so that it can be negative.",
       "候选记忆元（C̃_t 或 h̃_t）用 tanh，才能取负值。"),
    _m("no-bias", "left out the bias", "漏掉了偏置",
       r"a_f = W_f x_t + U_f h_{t-1}",
       "Every pre-activation adds its bias; with PyTorch's two biases both b and bh are added.",
       "每个预激活都要加偏置；PyTorch 有两个偏置 b 和 bh，两个都要加。"),
    _m("no-recurrent", "left out the recurrent term U h", "漏掉了循环项 U h",
       r"a_f = W_f x_t + b_f",
       "The previous hidden state enters every gate through U h_{t-1}.",
       "上一时刻的隐藏状态通过 U h_{t-1} 进入每个门。"),
    _m("transposed-weight", "used a transposed weight matrix", "用了转置的权重矩阵",
       r"a_f = W_f^\top x_t + U_f^\top h_{t-1} + b_f",
       "W_k is n×d and multiplies x as W_k x; row j gives unit j (in a backward step δh uses Uᵀ).",
       "W_k 是 n×d 矩阵，按 W_k x 相乘，第 j 行对应第 j 个单元（反向传播时 δh 才用 Uᵀ）。"),
    _m("gate-order", "read PyTorch's stacked rows in another order",
       "按其他框架的顺序读取了 PyTorch 的堆叠行",
       r"W_{ih} = [W_i; W_o; W_f; W_g]",
       "PyTorch stacks LSTM rows as i, f, g, o and GRU rows as r, z, n (not ONNX's i, o, f, c, "
       "TF's i, j, f, o or Keras's z, r, h).",
       "PyTorch 的 LSTM 行顺序是 i、f、g、o，GRU 是 r、z、n（不是 ONNX 的 i、o、f、c，"
       "TF 的 i、j、f、o，也不是 Keras 的 z、r、h）。"),
    _m("h-old-cell", "used the old cell state for h", "计算 h 时用了旧的记忆元",
       r"h_t = o_t \odot \tanh(C_{t-1})",
       "h_t reads the new cell state C_t, computed in this step.",
       "h_t 用的是本步刚算出的新记忆元 C_t。"),
    _m("h-no-tanh", "forgot the tanh on the cell state", "漏掉了记忆元上的 tanh",
       r"h_t = o_t \odot C_t",
       "The cell state is squashed with tanh before the output gate scales it.",
       "记忆元先经过 tanh，再由输出门缩放。"),
    _m("h-tanh-outside", "put the tanh outside the output gate", "把 tanh 放到了输出门外面",
       r"h_t = \tanh(o_t \odot C_t)",
       "tanh applies to C_t alone; the output gate multiplies the result.",
       "tanh 只作用于 C_t，输出门再乘以结果。"),
    _m("cell-swap-fi", "swapped the forget and input gates in the cell update",
       "记忆元更新中把遗忘门和输入门对调了",
       r"C_t = i_t \odot C_{t-1} + f_t \odot \tilde{C}_t",
       "The forget gate scales the old cell; the input gate scales the candidate.",
       "遗忘门缩放旧记忆元，输入门缩放候选记忆元。"),
    _m("cell-no-input-gate", "left out the input gate", "漏掉了输入门",
       r"C_t = f_t \odot C_{t-1} + \tilde{C}_t",
       "The candidate is scaled by the input gate before it is added.",
       "候选记忆元要先乘以输入门再相加。"),
    _m("peephole-old-cell", "the output gate peeked at the old cell", "输出门窥视了旧的记忆元",
       r"a_o = W_o x_t + U_o h_{t-1} + p_o \odot C_{t-1} + b_o",
       "In the peephole LSTM the output gate looks at the new cell C_t, so o is computed after C_t.",
       "窥视孔 LSTM 中输出门看的是新的 C_t，所以 o 要在 C_t 之后计算。"),
    _m("gru-z-swapped", "used the other convention's update", "用了另一种约定的更新公式",
       r"h_t = z_t \odot \tilde{h}_t + (1 - z_t) \odot h_{t-1}",
       "Conventions differ in which side z_t weights; the drill states the one to use.",
       "各约定中 z_t 加权的一侧不同；题目写明了要用哪一种。"),
    _m("gru-reset-before", "applied the reset gate on the wrong side of the product",
       "重置门作用在了矩阵乘法的错误一侧",
       r"\tilde{h}_t = \tanh(W_n x_t + U_n (r_t \odot h_{t-1}) + b_n)",
       "PyTorch applies r after the product, r ⊙ (U_n h + bh_n); d2l and Colah before it, "
       "U_n (r ⊙ h). The two give different numbers.",
       "PyTorch 在乘法之后用 r：r ⊙ (U_n h + bh_n)；d2l 和 Colah 在之前：U_n (r ⊙ h)。两者结果不同。"),
    _m("gru-bias-outside-reset", "added bh_n outside the reset product", "把 bh_n 加在了重置乘积外面",
       r"\tilde{h}_t = \tanh(W_n x_t + b_n + b_{hn} + r_t \odot (U_n h_{t-1}))",
       "In PyTorch's GRU the hidden-side bias of the candidate sits inside r ⊙ (U_n h + bh_n).",
       "PyTorch 的 GRU 中，候选隐状态的隐藏侧偏置在 r ⊙ (U_n h + bh_n) 之内。"),
    _m("gru-no-reset", "ignored the reset gate", "忽略了重置门",
       r"\tilde{h}_t = \tanh(W_n x_t + U_n h_{t-1} + b_n)",
       "The candidate sees the previous state through the reset gate.",
       "候选隐状态通过重置门才看到上一时刻的状态。"),
    _m("gru-no-carry", "forgot the carried term of the update", "漏掉了更新中保留旧状态的项",
       r"h_t = (1 - z_t) \odot \tilde{h}_t",
       "The new state mixes the candidate with the previous state; both terms are needed.",
       "新状态是候选隐状态和旧状态的混合，两项都要有。"),
    _m("rnn-wrong-activation", "used the wrong activation", "用错了激活函数",
       r"h_t = \sigma(W x_t + U h_{t-1} + b)",
       "The drill states the activation of the RNN (tanh unless it says relu).",
       "题目写明了 RNN 的激活函数（除非写了 relu，否则是 tanh）。"),
    _m("bw-no-forget", "δC_{t-1} without the forget gate", "δC_{t-1} 漏乘遗忘门",
       r"\delta C_{t-1} = \delta C_t",
       "C_t = f ⊙ C_{t-1} + …, so the gradient reaching C_{t-1} is multiplied by f.",
       "C_t = f ⊙ C_{t-1} + …，所以传到 C_{t-1} 的梯度要乘以 f。"),
    _m("bw-input-gate", "δC_{t-1} multiplied by the input gate", "δC_{t-1} 乘了输入门",
       r"\delta C_{t-1} = \delta C_t \odot i_t",
       "The input gate scales the candidate, not the old cell; the old cell is scaled by f.",
       "输入门缩放的是候选记忆元，不是旧记忆元；旧记忆元由 f 缩放。"),
    _m("bw-missing-carry", "left out one path into δC_t", "δC_t 漏掉了一条路径",
       r"\delta C_t = \delta h_t \odot o_t \odot (1 - \tanh^2(C_t))",
       "δC_t adds the gradient arriving along the cell from step t+1 and the one through h_t.",
       "δC_t 是沿记忆元从 t+1 步传来的梯度与经由 h_t 传来的梯度之和。"),
    _m("bw-tanh-prime", "used 1 − x² without the tanh", "导数写成了 1 − x²（漏了 tanh）",
       r"\delta C_t = \delta C_{in} + \delta h_t \odot o_t \odot (1 - C_t^2)",
       "The derivative of tanh(u) is 1 − tanh²(u), not 1 − u².",
       "tanh(u) 的导数是 1 − tanh²(u)，不是 1 − u²。"),
    _m("bw-gru-sign", "used (h̃ − h) where (h − h̃) belongs", "符号反了：用了 (h̃ − h)",
       r"\delta z_t = \delta h_t \odot (\tilde{h}_t - h_{t-1})",
       "Differentiate the drill's update with respect to z: the sign follows which side z weights.",
       "对题目给定的更新公式关于 z 求导：符号取决于 z 加权哪一侧。"),
    _m("bw-gru-no-direct", "left out the direct path to h_{t-1}", "漏掉了到 h_{t-1} 的直接路径",
       r"\delta h_{t-1} = U_r^\top \delta a_r + U_z^\top \delta a_z + U_n^\top (r_t \odot \delta a_n)",
       "h_{t-1} also enters the update directly, which adds z ⊙ δh (or (1 − z) ⊙ δh in Colah's form).",
       "h_{t-1} 还直接出现在更新公式中，要加上 z ⊙ δh（Colah 形式中是 (1 − z) ⊙ δh）。"),
    # Counts and framework shapes (not in the spec's table).
    _m("count-one-bias", "counted one bias per gate", "每个门只算了一个偏置",
       r"G\,(n(n+d) + n)",
       "PyTorch keeps two bias vectors per gate, bias_ih and bias_hh.",
       "PyTorch 每个门有两个偏置向量：bias_ih 和 bias_hh。"),
    _m("count-layer-input", "gave every layer the input size d", "每一层都按输入维度 d 计算",
       r"L \cdot G\,(n(n+d) + 2n)",
       "Layer 2 and above read the layer below: n inputs, or 2n when bidirectional.",
       "第 2 层及以上读取下一层的输出：n 维，双向时为 2n 维。"),
    _m("count-directions", "counted one direction only", "只算了一个方向",
       r"G\,(n(n+d) + 2n)",
       "A bidirectional layer has a full set of weights for each direction.",
       "双向层的每个方向各有一整套权重。"),
    _m("shape-batch-first", "applied batch_first to the wrong tensor", "batch_first 用错了张量",
       r"(N, L, H) \leftrightarrow (L, N, H)",
       "batch_first changes the input and output only; h_n and c_n are always "
       "(layers·directions, N, H).",
       "batch_first 只影响输入和输出；h_n 和 c_n 总是（层数·方向数, N, H）。"),
    _m("shape-directions", "forgot the factor 2 of a bidirectional layer", "漏掉了双向的因子 2",
       r"(L, N, H)",
       "A bidirectional output concatenates both directions (2H); h_n stacks 2·num_layers states.",
       "双向输出拼接两个方向（2H）；h_n 堆叠 2·num_layers 个状态。"),
    _m("shape-proj", "mixed up hidden_size and proj_size", "混淆了 hidden_size 和 proj_size",
       r"(L, N, H_{cell})",
       "With proj_size p, output and h_n have p features; c_n keeps hidden_size.",
       "设置 proj_size = p 时，output 和 h_n 是 p 维；c_n 仍是 hidden_size 维。"),
)  # fmt: skip

_MODERN: tuple[Mistake, ...] = tuple(_m(*entry) for entry in MODERN_ENTRIES)  # minGRU … scan
_OMISSIONS: tuple[Mistake, ...] = tuple(_m(*entry) for entry in OMISSION_ENTRIES)  # gates left out
MISTAKES: Mapping[str, Mistake] = MappingProxyType(
    {m.id: m for m in (*_CATALOGUE, *_OMISSIONS, *_MODERN)}
)
SPEC_MISTAKE_IDS: tuple[str, ...] = tuple(m.id for m in _CATALOGUE[:24])
