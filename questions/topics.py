"""The 32 interview topics in seven modules: ids used by the bank's ``topic:`` field, titles, stars.

Starred topics are the core ones; the bank aims at 10 questions for each of them and 5 for the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from questions.vocab import Text

STARRED_TARGET = 10
OTHER_TARGET = 5


@dataclass(frozen=True)
class Topic:
    """One interview topic."""

    id: str
    module: str
    title: Text
    starred: bool

    @property
    def target(self) -> int:
        """How many questions the bank aims to have on this topic."""
        return STARRED_TARGET if self.starred else OTHER_TARGET


MODULES: dict[str, Text] = {
    "m1": Text("RNN basics", "RNN 基础"),
    "m2": Text("Training and gradients", "训练与梯度"),
    "m3": Text("LSTM", "LSTM"),
    "m4": Text("GRU and other variants", "GRU 及其他变体"),
    "m5": Text("Architectures", "网络结构"),
    "m6": Text("Engineering", "工程实践"),
    "m7": Text("The recurrent revival", "循环网络的复兴"),
}


def _t(topic_id: str, module: str, en: str, zh: str, starred: bool = False) -> Topic:
    return Topic(topic_id, module, Text(en, zh), starred)


TOPICS: tuple[Topic, ...] = (
    _t(
        "rnn-why",
        "m1",
        "Why recurrent nets; vs MLP and CNN",
        "为什么用循环网络；与 MLP、CNN 对比",
        True,
    ),
    _t("rnn-forward", "m1", "Forward pass and weight sharing", "前向传播与权值共享", True),
    _t(
        "rnn-patterns",
        "m1",
        "One-to-many, many-to-one, many-to-many, encoder–decoder",
        "一对多、多对一、多对多与编码器–解码器",
    ),
    _t("long-term-deps", "m1", "The long-term dependency problem", "长期依赖问题", True),
    _t("bptt", "m2", "Backpropagation through time and its cost", "通过时间反向传播及其代价", True),
    _t("tbptt", "m2", "Truncated BPTT, detaching the state", "截断的 BPTT 与隐状态分离", False),
    _t(
        "grad-causes",
        "m2",
        "Vanishing and exploding gradients: causes",
        "梯度消失与梯度爆炸的成因",
        True,
    ),
    _t(
        "grad-clipping",
        "m2",
        "Exploding gradients: detecting and clipping",
        "梯度爆炸：检测与梯度裁剪",
        True,
    ),
    _t("grad-remedies", "m2", "Remedies for vanishing gradients", "缓解梯度消失的方法"),
    _t("training-pathologies", "m2", "Reading training curves", "解读训练曲线"),
    _t("lstm-gates", "m3", "The LSTM gates and one step", "LSTM 的门与单步计算", True),
    _t(
        "cell-highway", "m3", "The cell state as a gradient highway", "记忆元作为梯度高速通道", True
    ),
    _t(
        "sigmoid-tanh",
        "m3",
        "Why sigmoid for gates and tanh for values",
        "门用 σ、数值用 tanh 的原因",
        True,
    ),
    _t("lstm-backward", "m3", "One LSTM backward step", "LSTM 的单步反向传播"),
    _t(
        "lstm-variants",
        "m3",
        "Peephole and coupled input–forget gate",
        "窥视孔连接与耦合输入–遗忘门",
    ),
    _t(
        "gru-vs-lstm",
        "m4",
        "The GRU and how it differs from the LSTM",
        "GRU 及其与 LSTM 的区别",
        True,
    ),
    _t(
        "light-variants",
        "m4",
        "MGU, SRU, clockwork and depth-gated RNNs",
        "MGU、SRU、时钟 RNN 与深度门控",
    ),
    _t("bi-stacked", "m5", "Bidirectional and stacked RNNs", "双向与多层 RNN"),
    _t(
        "seq2seq",
        "m5",
        "Encoder–decoder, teacher forcing, decoding",
        "编码器–解码器、强制教学与解码",
    ),
    _t("attention-rnn", "m5", "Attention on top of RNNs", "基于 RNN 的注意力机制"),
    _t(
        "rnn-vs-transformer",
        "m5",
        "RNN vs Transformer (and state-space models)",
        "RNN 与 Transformer（及状态空间模型）对比",
    ),
    _t("rnn-dropout", "m6", "Dropout in recurrent nets", "循环网络中的 Dropout"),
    _t("rnn-norm", "m6", "Normalisation in recurrent nets", "循环网络中的归一化"),
    _t("rnn-init", "m6", "Initialisation and the forget-gate bias", "初始化与遗忘门偏置"),
    _t("param-count", "m6", "Parameter counting and complexity", "参数量与复杂度计算", True),
    _t("tensor-shapes", "m6", "Framework tensor shapes", "框架中的张量形状", True),
    _t("variable-length", "m6", "Padding, packing and masking", "填充、打包与掩码"),
    _t("language-model", "m6", "Language modelling and sampling", "语言模型与采样"),
    _t("min-rnn", "m7", "minGRU and minLSTM", "minGRU 与 minLSTM"),
    _t(
        "linear-rnn-ssm",
        "m7",
        "Linear recurrences and state-space models (S4, Mamba)",
        "线性递归与状态空间模型（S4、Mamba）",
    ),
    _t("xlstm", "m7", "xLSTM: sLSTM and mLSTM", "xLSTM：sLSTM 与 mLSTM"),
    _t(
        "linear-attention-rnn",
        "m7",
        "Linear attention as an RNN, RWKV",
        "作为 RNN 的线性注意力与 RWKV",
    ),
)

TOPIC_IDS: frozenset[str] = frozenset(topic.id for topic in TOPICS)
TOPICS_BY_ID: dict[str, Topic] = {topic.id: topic for topic in TOPICS}
