"""Reversed statements that the shipped lexicon must not credit, next to the right statement that
it must (issue 11): forms that swallow a misleading word, an opposite concept, a fixed claim.

The blind probe set ``tests/data/freetext_probe2`` (reversed answers only) is checked for sound
labels here; its figures are printed by ``benchmarks/freetext.py --corpus tests/data/freetext_probe2``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.load import load_bank
from quizapp.grading.freetext import default_grader
from quizapp.grading.freetext.evaluate import read_corpus

QUESTIONS = {q.id: q for q in load_bank(include_user_packs=False).questions}
PROBE2 = sorted((Path(__file__).parents[1] / "data" / "freetext_probe2").glob("*.yaml"))


def status(question_id: str, point_id: str, answer: str) -> str:
    grade = default_grader().grade(QUESTIONS[question_id], answer)
    (result,) = [p for p in grade.points if p.point.id == point_id]
    return result.status.value


@pytest.mark.parametrize(
    ("question_id", "point_id", "right", "reversed_answer"),
    [
        (
            "training-pathologies-101",
            "dropout",
            "Use dropout on the inputs and outputs.",
            "Remove the dropout and keep training.",
        ),
        (
            "long-term-deps-005",
            "vary-lag",
            "Vary the lag and plot the accuracy against it.",
            "Fix the lag at one value and report the accuracy.",
        ),
        (
            "lstm-gates-001",
            "hidden-output",
            "The hidden state is h_t = o_t ⊙ tanh(C_t).",
            "The hidden state is h_t = tanh(o_t ⊙ C_t).",
        ),
        (
            "cell-highway-101",
            "fixed-cannot-reset",
            "固定权重为 1 时记忆元无法重置。",
            "1997 年固定权重为 1 的版本其实也能重置。",
        ),
        (
            "light-variants-002",
            "products-only-input",
            "SRU 的矩阵乘法只涉及输入 x_t。",
            "SRU 的矩阵乘法同时涉及 x_t 和上一步的状态，只是矩阵更小。",
        ),
        (
            "language-model-102",
            "uniform-v",
            "A uniform model over V tokens has perplexity V.",
            "A uniform model over V tokens has perplexity 1.",
        ),
        (
            "light-variants-004",
            "long-range-cheap",
            "慢模块以很低的代价保存长时间的信息。",
            "慢模块保存信息的时间更短，代价也更高。",
        ),
        (
            "bptt-001",
            "backward-in-time",
            "The chain rule runs from the last step back to the first.",
            "The gradient of each weight is taken from the last step only.",
        ),
        # Lenient claims tightened (H16): a subject, a second slot, or a catalogued misconception
        # now stops the reversed statement that used the same words.
        (
            "grad-causes-001",
            "singular-value",
            "If the largest singular value of U is below 1 the product shrinks, and if it is above 1"
            " it can explode.",
            "If the largest singular value of U is above 1 the product shrinks, and if it is below 1"
            " it explodes.",
        ),
        (
            "grad-causes-001",
            "singular-value",
            "U 的最大奇异值小于 1 时梯度消失，大于 1 时可能爆炸。",
            "U 的最大奇异值大于 1 会导致消失，小于 1 会导致爆炸。",
        ),
        (
            "attention-rnn-001",
            "weighted-sum",
            "The context is a weighted sum of the encoder states, different at every decoder step.",
            "The context is a weighted sum, but it is computed once and stays the same for every"
            " decoder step.",
        ),
        (
            "variable-length-004",
            "shuffle",
            "Shuffle the order of the batches each epoch.",
            "Keep the batches sorted by length, short to long; shuffling would bring the padding"
            " back.",
        ),
        (
            "param-count-012",
            "per-sequence",
            "A sequence costs T times that, and the steps run one after another.",
            "A sequence costs T times that, but all the steps can run in parallel.",
        ),
        (
            "param-count-012",
            "per-sequence",
            "整个序列是它的 T 倍，而且各步必须依次执行。",
            "每步O(n(n+d))，整个序列乘以T，但所有时间步可以并行执行。",
        ),
        (
            "param-count-010",
            "stacked-bidir",
            "A second layer reads the first layer's hidden state, so its input size is n instead of d.",
            "A second layer reads the hidden state of the first, yet its input size is d again.",
        ),
        (
            "training-pathologies-101",
            "dropout",
            "Add dropout on the non-recurrent connections.",
            "Add dropout on the recurrent connections with a fresh mask at every step.",
        ),
        (
            "training-pathologies-101",
            "dropout",
            "在非循环连接上加 dropout。",
            "应该在循环连接上加dropout，每一步用新的掩码最有效。",
        ),
        (
            "grad-remedies-004",
            "weighted-sum",
            "Attention computes the output as a weighted sum of earlier states.",
            "Attention only reweights the per-step losses into a weighted sum.",
        ),
        (
            "rnn-patterns-002",
            "long-sentences",
            "长句的翻译质量明显下降。",
            "在结果上，长句反而比短句翻得更好。",
        ),
        (
            "seq2seq-003",
            "fixed-bottleneck",
            "Translation quality drops on long sentences.",
            "长句反而比短句翻得更好。",
        ),
        (
            "bptt-103",
            "store-all",
            "BPTT stores the activations of all T steps.",
            "Checkpointing stores every activation of every step and never recomputes anything.",
        ),
        (
            "bi-stacked-002",
            "input-size-n",
            "Its input size is n, or 2n when bidirectional.",
            "第2层读第1层在同一步的隐状态，输入维度为n；双向时仍然是n，因为两个方向会相加。",
        ),
        (
            "seq2seq-003",
            "encoder-final-state",
            "The encoder's final hidden state becomes the context vector.",
            "The encoder averages the hidden states of every step into the context vector.",
        ),
        (
            "seq2seq-003",
            "encoder-final-state",
            "编码器最终的隐状态成为上下文向量。",
            "编码器读完源序列后，把每一步的隐状态平均起来作为上下文向量，而不是只用最后一步。",
        ),
        (
            "linear-attention-rnn-008",
            "state-fixed",
            "Linear attention keeps a fixed-size state, so memory per token is constant.",
            "Softmax attention needs only constant memory per token, while the linear-attention"
            " state grows with the sequence.",
        ),
        (
            "linear-attention-rnn-008",
            "state-fixed",
            "线性注意力只保留固定大小的状态，内存恒定。",
            "softmax 注意力的内存恒定，线性注意力的状态随序列长度增长。",
        ),
        # Training versus inference: the phase is the subject, so swapping the two contradicts.
        (
            "linear-rnn-ssm-009",
            "train-parallel",
            "In training the whole sequence is processed in parallel with a scan.",
            "Training runs step by step, while at inference the whole sequence is processed in"
            " parallel.",
        ),
        (
            "linear-rnn-ssm-009",
            "infer-constant",
            "At inference it runs as a recurrence with constant memory per token.",
            "Training needs only constant memory, but at inference the memory grows with the"
            " sequence.",
        ),
        (
            "min-rnn-011",
            "train-scan",
            "训练时用并行扫描处理整个序列。",
            "推理时用并行扫描，训练时只能逐步运行。",
        ),
        (
            "min-rnn-011",
            "infer-sequential",
            "When generating, it works step by step and carries a fixed-size hidden state.",
            "Training keeps a fixed-size hidden state, but generation has to store every past"
            " token.",
        ),
        (
            "linear-attention-rnn-008",
            "train-parallel",
            "Both are trained in parallel over the sequence.",
            "Only inference runs in parallel; training is one token at a time.",
        ),
        (
            "linear-attention-rnn-010",
            "modes",
            "RWKV trains in parallel like a Transformer and runs as an RNN at inference.",
            "RWKV runs in parallel at inference and trains step by step like an RNN.",
        ),
        (  # "只" and "局部模式" stand in two fragments; the second denies learning them
            "long-term-deps-002",
            "local-patterns",
            "模型只学到了局部模式。",
            "模型反而只学到远距离的模式，局部模式学不到。",
        ),
        (  # a clause that only denies, after "but" / 但, denies the clause before it
            "long-term-deps-001",
            "vanishing",
            "原因是梯度消失。",
            "有人说是梯度消失，但这是误解。",
        ),
        (
            "long-term-deps-001",
            "vanishing",
            "People blame vanishing gradients, and they are right.",
            "People blame vanishing gradients, but that is a myth.",
        ),
        (  # a cleft: what 去掉的是 removes is named after it, not in the fragment before
            "min-rnn-001",
            "no-tanh",
            "候选状态去掉的是 tanh。",
            "tanh 反而保留了下来，去掉的是 sigmoid。",
        ),
        (  # "pass nothing" denies the passing
            "grad-causes-007",
            "dead-units",
            "Dead units with ReLU′ = 0 pass nothing back.",
            "Dead units still pass the gradient back.",
        ),
    ],
)
def test_right_statement_made_reversed_one_not(
    question_id: str, point_id: str, right: str, reversed_answer: str
) -> None:
    assert status(question_id, point_id, right) == "made"
    assert status(question_id, point_id, reversed_answer) != "made"


@pytest.mark.parametrize(
    ("question_id", "misconception_id", "answer"),
    [
        (
            "grad-causes-001",
            "singular-value-swapped",
            "If the largest singular value is above 1 the gradient vanishes, and below 1 it explodes.",
        ),
        (
            "attention-rnn-001",
            "attention-context-fixed",
            "得到的上下文向量在整个解码过程中保持不变。",
        ),
    ],
)
def test_swapped_statement_is_named(question_id: str, misconception_id: str, answer: str) -> None:
    grade = default_grader().grade(QUESTIONS[question_id], answer)
    assert [m.misconception.id for m in grade.misconceptions] == [misconception_id]


def test_probe2_labels_are_sound() -> None:
    answers = read_corpus(PROBE2)
    assert len(answers) == 198
    for answer in answers:
        ids = {p.id for p in QUESTIONS[answer.question].key_points}
        assert answer.kind == "reversed", answer.text
        assert answer.reversed, answer.text
        assert answer.made <= ids and answer.reversed <= ids, answer.question
        assert not answer.made & answer.reversed, answer.question
    per_question = {(a.question, a.lang) for a in answers}
    assert len(per_question) == len(answers)  # one English and one Chinese answer per question


def test_not_only_does_not_say_only() -> None:
    def named(answer: str) -> list[str]:
        grade = default_grader().grade(QUESTIONS["rnn-why-006"], answer)
        return [m.misconception.id for m in grade.misconceptions]

    assert named("h_t holds only the current input.") == ["state-holds-current-input-only"]
    assert named("h_t depends not only on the current input but on all earlier inputs.") == []
    assert named("h_t 不仅取决于当前输入，还取决于之前所有的输入。") == []


def test_two_alternatives_offered_together_state_neither_alone() -> None:
    def misconceptions(answer: str) -> list[str]:
        grade = default_grader().grade(QUESTIONS["long-term-deps-001"], answer)
        return [m.misconception.id for m in grade.misconceptions]

    hedged = (
        "The gradient from a distant step is a product of Jacobians, so it shrinks or blows up."
    )
    assert misconceptions(hedged) == []
    assert status("long-term-deps-001", "vanishing", hedged) == "made"
    # the wrong alternative alone is still named
    wrong = "The gradient from a distant step is a product of Jacobians, so it blows up."
    assert "long-deps-from-exploding" in misconceptions(wrong)
    assert status("long-term-deps-001", "vanishing", wrong) == "contradicted"
