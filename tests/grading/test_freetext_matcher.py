"""The claim matcher on a small lexicon of its own: subjects, polarity, clauses, notation, Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.claims import parse_claim
from questions.lexicon import read_lexicon
from questions.load import load_bank
from questions.schema import KeyPoint, Question, Text
from quizapp.grading.freetext import FreeTextGrade, PointStatus, default_grader, grader_for
from quizapp.grading.freetext.notation import normalise

LEXICON = read_lexicon([Path(__file__).parent.parent / "data" / "lexicon" / "matcher.yaml"])
GRADER = grader_for(LEXICON)


def question(*claims: str, topic: str = "grad-clipping") -> Question:
    points = tuple(
        KeyPoint(
            f"p{n}",
            Text(claim, claim),
            (parse_claim(claim),),
            ("value-keeps-direction",) if "norm-clipping" in claim else (),
        )
        for n, claim in enumerate(claims)
    )
    empty = Text("", "")
    return Question(
        "q", topic, "easy", "free_text", empty, empty, empty, (), (), "free_text", key_points=points
    )


def statuses(grade: FreeTextGrade) -> list[str]:
    return [p.status.value for p in grade.points]


def shipped_concepts(text: str) -> set[str]:
    """The concepts the shipped lexicon finds in ``text``."""
    found = default_grader().analyse(text).fragments
    return {f.concept for fragment in found for f in fragment.found}


def one(claim: str, answer: str) -> str:
    return statuses(GRADER.grade(question(claim), answer))[0]


def test_the_fixture_lexicon_reads_cleanly() -> None:
    assert LEXICON.problems == ()
    assert LEXICON.opposite_of("change") == "keep"  # opposites are symmetric


@pytest.mark.parametrize(
    "answer",
    [
        "Norm clipping keeps the direction.",
        "Clipping by norm does not change the direction.",  # a negated opposite
        "The direction is preserved by norm clipping.",  # passive: the subject comes after
        "Value clipping distorts it, but norm clipping keeps the direction.",
        "Unlike value clipping, norm clipping keeps the direction.",
        "clip_grad_norm_ keeps the direction",
        "范数裁剪保持方向不变。",
        "按范数裁剪不会改变方向",
    ],
)
def test_a_claim_made_in_other_words(answer: str) -> None:
    assert one("norm-clipping: keep direction", answer) == "made"


@pytest.mark.parametrize(
    "answer",
    [
        "Value clipping keeps the direction, norm clipping changes it.",  # roles swapped
        "Norm clipping changes the direction.",  # opposite relation
        "Norm clipping does not keep the direction.",  # negated
        "按值裁剪保持方向，范数裁剪改变方向。",
        "范数裁剪会改变方向。",
    ],
)
def test_a_reversed_claim_is_not_made(answer: str) -> None:
    assert one("norm-clipping: keep direction", answer) == "contradicted"


def test_a_misconception_is_named_and_takes_the_credit_it_contradicts() -> None:
    grade = GRADER.grade(
        question("norm-clipping: keep direction"),
        "Norm clipping keeps the direction. Value clipping keeps it too, so both keep the direction.",
    )
    found = [m.misconception.id for m in grade.misconceptions]
    assert found == ["value-keeps-direction"]
    (point,) = grade.points
    assert (
        point.status is PointStatus.CONTRADICTED and point.cancelled_by == "value-keeps-direction"
    )
    assert grade.score == 0.0


def test_both_after_the_pair_is_named_states_the_misconception() -> None:
    def found(answer: str) -> list[str]:
        grade = GRADER.grade(question("norm-clipping: keep direction"), answer)
        return [m.misconception.id for m in grade.misconceptions]

    # "both" stands for the two clippings named before it: value clipping keeps it too
    assert found("Norm clipping rescales, value clipping clamps. Both keep the direction.") == [
        "value-keeps-direction"
    ]
    assert found("按范数裁剪缩放，按值裁剪截断。两者都保持方向。") == ["value-keeps-direction"]
    # with only one of them named, "both" stands for something else
    assert found("Norm clipping rescales the gradient. Both keep the direction.") == []


def test_the_subject_of_each_clause() -> None:
    q = question("cnn: fixed receptive-field", "rnn: unbounded", "cnn: parallel train")
    reversed_answer = "the RNN has a fixed receptive field, the CNN sees the whole history, RNNs train in parallel"
    assert statuses(GRADER.grade(q, reversed_answer)) == ["contradicted"] * 3
    right = (
        "A CNN only sees a fixed window whereas an RNN can carry the entire history; "
        "the CNN trains in parallel."
    )
    assert statuses(GRADER.grade(q, right)) == ["made", "made", "made"]
    # A contrast phrase is not the subject, but words inside it belong to it.
    assert statuses(
        GRADER.grade(q, "An RNN, unlike a CNN with its fixed window, sees the whole prefix.")
    )[:2] == ["made", "made"]


def test_coordinated_subjects_share_the_predicate() -> None:
    assert one("gru: sequential", "Both the LSTM and the GRU are sequential.") == "made"
    assert one("lstm: sequential", "Both the LSTM and the GRU are sequential.") == "made"
    assert one("lstm: sequential", "The GRU is sequential.") == "contradicted"


def test_a_pronoun_carries_the_last_subject() -> None:
    assert (
        one("norm-clipping: keep direction", "Norm clipping rescales. It keeps the direction.")
        == "made"
    )
    assert (
        one("norm-clipping: keep direction", "Value clipping clamps. It keeps the direction.")
        == "contradicted"
    )


def test_the_subject_may_be_left_implied() -> None:
    assert one("norm-clipping: keep direction", "The direction is kept.") == "made"


def test_negation_scope_and_double_negation() -> None:
    claim = "unit: not saturated"
    assert one(claim, "the units aren't saturated") == "made"
    assert one(claim, "the units aren’t saturated") == "made"
    assert one(claim, "神经元没有饱和") == "made"
    assert one(claim, "the units are saturated") == "contradicted"
    assert one("rnn: unbounded", "An RNN is not limited to a fixed window.") == "made"
    # a negation in another clause or after "and" does not reach the claim
    assert (
        one(
            "norm-clipping: keep direction",
            "Gradients do not explode and norm clipping keeps the direction.",
        )
        == "made"
    )
    assert (
        one(
            "norm-clipping: keep direction",
            "It is not free, but norm clipping keeps the direction.",
        )
        == "made"
    )
    assert (
        one(
            "norm-clipping: keep direction",
            "Norm clipping keeps the direction, so training does not diverge.",
        )
        == "made"
    )


def test_other_subject_in_the_same_sentence_steals_nothing() -> None:
    claim = "layernorm: not depend batch-size"
    assert one(claim, "LayerNorm does not depend on the batch size.") == "made"
    assert one(claim, "BatchNorm normalises per step and 也不依赖批大小") != "made"
    assert one(claim, "批归一化不依赖批大小") == "contradicted"


def test_english_matches_whole_words_only() -> None:
    claim = "module clock-rule"
    assert one(claim, "a module updates when t mod T = 0") == "made"
    assert one(claim, "fast modules feed slow ones") == "missed"


@pytest.mark.parametrize(
    ("claim", "answer"),
    [
        ("cell-grad-carry", "the carried gradient is dC·f"),
        ("cell-grad-carry", "δC_{t−1} = δC ⊙ f"),
        ("cell-grad-carry", "dC_t-1 = dC * f"),
        ("sigmoid-derivative", "σ′ = i(1−i)"),
        ("sigmoid-derivative", "i × (1 – i)"),
        ("previous-cell", "it reads Ct-1"),
        ("previous-cell", "it reads C_{t-1}"),
        ("previous-cell", "it reads c_prev"),
        ("sigmoid zero-one", "σ maps to the unit interval"),
        ("sigmoid zero-one", "sigmoid 输出在 0～1"),
        ("sigmoid zero-one", "sigma outputs (0,1)"),
    ],
)
def test_notation_reads_one_way(claim: str, answer: str) -> None:
    assert one(claim, answer) == "made"


def test_stemming_reads_inflections() -> None:
    assert one("rnn: sequential train", "RNNs are trained sequentially") == "made"
    assert one("rnn: sequential train", "recurrent networks keep training sequential") == "made"


def test_an_adverb_may_stand_inside_a_form_but_not_only() -> None:
    assert "depend" in shipped_concepts("the gates depend more on h_{t-1}")
    assert "depend" in shipped_concepts("the gates depend strongly on h_{t-1}")
    assert "depend" not in shipped_concepts("the gates depend only on x_t")
    assert "depend" not in shipped_concepts("the gates depend not on h_{t-1}")


def test_keep_before_a_verb_in_ing_is_go_on() -> None:
    assert "norm-preserving" in shipped_concepts("it keeps the norm and the direction")
    found = shipped_concepts("it keeps norms shrinking")
    assert "norm-preserving" not in found
    assert {"norm", "shrink"} <= found


def test_not_only_keeps_its_only() -> None:
    assert "only-last-step" in shipped_concepts("the gradient flows back only from the final step")
    found = shipped_concepts("the gradient flows back not only from the final step but from all")
    assert "only-last-step" not in found
    assert "not-only" in found


def test_a_comparison_in_brackets_ends_with_them() -> None:
    text = "s_max > 1/γ (largest singular value vs. the inverse bound) is necessary for exploding"
    fragment = default_grader().analyse(text).fragments[0]
    close = fragment.text.index(")")
    assert [end for start, end in fragment.contrast_spans if start < close] == [close]
    open_text = "s_max is compared vs. the inverse bound and is necessary for exploding"
    fragment = default_grader().analyse(open_text).fragments[0]
    assert [end for _, end in fragment.contrast_spans] == [len(fragment.text)]


def test_longest_form_wins_in_chinese() -> None:
    assert one("forget-gate", "遗忘门决定保留多少") == "made"
    assert one("gate", "遗忘门决定保留多少") == "missed"  # the forget gate, not a bare gate


def test_empty_and_unrelated_answers() -> None:
    q = question("norm-clipping: keep direction", "rnn: unbounded")
    assert statuses(GRADER.grade(q, "")) == ["missed", "missed"]
    assert GRADER.grade(q, "   ").score == 0.0
    assert statuses(GRADER.grade(q, "Attention lets the decoder look back.")) == [
        "missed",
        "missed",
    ]


def test_the_clause_that_made_a_point_is_reported_as_written() -> None:
    grade = GRADER.grade(
        question("norm-clipping: keep direction"), "It rescales. Norm Clipping KEEPS the direction!"
    )
    assert grade.points[0].clause == "Norm Clipping KEEPS the direction"


def test_long_hostile_answers_stay_bounded() -> None:
    text = ", ".join(["norm clipping keeps value clipping changes the direction"] * 400)
    grade = GRADER.grade(question("norm-clipping: keep direction"), text)
    assert grade.points[0].status in (PointStatus.MADE, PointStatus.CONTRADICTED)


def test_denying_phrases_and_predicates() -> None:
    claim = "loss sum"
    assert one(claim, "The loss is summed over the steps.") == "made"
    assert one(claim, "The loss is taken at the last step rather than summed.") == "contradicted"
    assert one(claim, "损失只取最后一步，而不是对各步求和。") == "contradicted"
    clip = "norm-clipping: keep direction"
    assert one(clip, "Keeping the direction with norm clipping is pointless.") == "contradicted"
    assert one(clip, "Norm clipping keeps the direction, which is pointless to argue about.") == (
        "made"
    )  # the denial stands in another fragment
    assert one(clip, "范数裁剪保持方向没用。") == "contradicted"


def test_paired_quoted_and_questioning_negations() -> None:
    clip = "norm-clipping: keep direction"
    assert one(clip, "Norm clipping neither changes the direction nor the scale.") == "made"
    assert one("unit: not saturated", "神经元既不饱和也不死亡") == "made"
    assert one("unit saturated", "神经元既不死亡也不饱和") == "contradicted"  # each 不 counts
    assert one("unit saturated", "神经元饱和（比如读到“不”字时）") == "made"
    assert one("unit saturated", "先看看神经元有没有饱和") == "made"
    assert one("loss sum", "损失没有求和，或者相加") == "contradicted"  # "or" keeps the negation


def test_english_forms_do_not_join_across_chinese_text() -> None:
    claim = "layernorm: not depend batch-size"
    assert one(claim, "LayerNorm 不依赖 batch 依旧 size") == "missed"
    assert one(claim, "LayerNorm 不依赖 batch size") == "made"


def test_the_most_compact_statement_decides() -> None:
    clip = "norm-clipping: keep direction"
    assert (
        one(clip, "Norm clipping keeps the direction, it does not change the direction.") == "made"
    )
    assert one(clip, "Norm clipping changes the direction, so the direction is not kept.") == (
        "contradicted"
    )


def test_a_claim_is_not_assembled_from_inside_and_outside_a_contrast() -> None:
    assert one("rnn fixed", "The window is fixed, unlike the RNN.") == "missed"
    assert (
        one("cnn fixed", "An RNN carries the whole history, unlike a CNN that is fixed.") == "made"
    )


def test_not_because_denies_the_reason() -> None:
    claim = "loss sum"
    assert one(claim, "It works because the loss is summed.") == "made"
    assert one(claim, "It works, but not because the loss is summed.") == "contradicted"
    assert one(claim, "It isn't because the loss is summed.") == "contradicted"
    assert one(claim, "是因为损失的维度，而不是因为损失求和。") == "contradicted"
    assert one(claim, "这并不是因为损失求和") == "contradicted"
    # "not only / not just because" keeps the reason
    assert one(claim, "It works not only because the loss is summed.") == "made"
    assert one(claim, "It works not just because the loss is summed.") == "made"
    # "but for X" affirms X
    assert one(claim, "要不是因为损失求和，梯度会更小") == "made"
    assert one(claim, "如果不是因为损失求和，梯度会更小") == "made"
    # the denial reaches the reason's first fragment only
    assert one(claim, "Not because of the batch size, the loss is summed.") == "made"


def test_more_denying_predicates() -> None:
    assert one("loss sum", "损失求和说明不了问题。") == "contradicted"
    assert one("loss sum", "损失求和不要加。") == "contradicted"
    assert one("batch-size", "The batch size can be anything.") == "contradicted"
    assert one("batch-size", "The batch size matters.") == "made"


def test_a_denial_after_a_chinese_list_covers_the_list() -> None:
    # 、 joins nouns, so the denial after the list reaches the claim's words before it
    assert one("loss sum", "损失求和、取平均都没用") == "contradicted"
    # a comma starts another fragment: its denial does not reach back
    assert one("loss sum", "损失求和，取平均没用") == "made"


def test_a_comma_between_adjectives_keeps_the_negation() -> None:
    # "a larger, more noisy gradient" is one noun phrase: "not" reaches across its comma
    claim = "not change direction"
    assert (
        one(claim, "Norm clipping will not let a larger, more noisy gradient change the direction.")
        == "made"
    )
    answer = "Norm clipping will let a larger, more noisy gradient change the direction."
    assert one(claim, answer) == "contradicted"
    # "more importantly" starts a new statement; the negation before the comma stays behind
    answer = "Value clipping is not used, more importantly norm clipping keeps the direction."
    assert one("norm-clipping: keep direction", answer) == "made"
    # without a determiner the comma still ends the fragment
    assert one(claim, "It is not fixed, more gates change the direction.") == "contradicted"


def test_what_the_subject_lacks_is_not_a_new_subject() -> None:
    claim = "cnn: parallel train"
    assert one(claim, "A CNN uses no RNN layer and trains in parallel.") == "made"
    assert one(claim, "卷积网络没有循环神经网络，可以并行训练。") == "made"
    # a named rival that is not negated is still the subject
    assert one(claim, "A CNN has a window and an RNN trains in parallel.") == "contradicted"


def test_both_sides_named_without_a_subject_decide_nothing() -> None:
    claim = "cnn: parallel train"
    assert one(claim, "training: parallel vs sequential") == "missed"
    assert one(claim, "training: sequential vs parallel") == "missed"
    assert one(claim, "training parallel in the CNN vs sequential in the RNN") == "made"
    assert one(claim, "training sequential in the CNN vs parallel in the RNN") == "contradicted"
    assert one(claim, "training is parallel") == "made"  # one side only: the subject is implied


def test_a_negation_reaches_through_the_list_it_governs() -> None:
    claim = "dropout between-layers"
    # the list after "never on" / "not on" is the negation's object, commas and all
    answer = "Dropout should never be applied on the inputs, the outputs or between layers."
    assert one(claim, answer) == "contradicted"
    assert one(claim, "Use it elsewhere, not on the inputs, outputs and between layers.") == (
        "missed"
    )
    assert one(claim, "Dropout goes nowhere else, not on inputs, outputs and between layers.") == (
        "contradicted"
    )
    assert one(claim, "不在输入、输出和层之间用dropout。") == "contradicted"
    assert one(claim, "dropout不能用在输入、输出或层与层之间。") == "contradicted"
    # the affirmative list is made, and a list that is not governed by the negation keeps its break
    assert one(claim, "Apply dropout on the inputs, the outputs and between layers.") == "made"
    assert one(claim, "在输入、输出和层之间用dropout。") == "made"
    answer = "The gate is not saturated, dropout is used on inputs, outputs and between layers."
    assert one(claim, answer) == "made"


def test_denials_in_other_words() -> None:
    claim = "batch-size"
    assert one(claim, "The batch size won't really tell you much.") == "contradicted"
    assert one(claim, "The batch size is not really the issue here.") == "contradicted"
    assert one(claim, "Leave the batch size untouched.") == "contradicted"
    assert one(claim, "The batch size stays untouched.") == "contradicted"
    # "untouched" after a verb of motion says how the thing passes, it does not deny it
    assert one(claim, "The batch size goes through nearly untouched.") == "made"
    assert one(claim, "The batch size is not relevant here.") == "contradicted"
    assert one(claim, "The batch size doesn't really matter.") == "contradicted"
    assert one("loss sum", "Summing the loss would only make it worse.") == "contradicted"
    assert one(claim, "批大小跟这个问题关系不大。") == "contradicted"
    assert one(claim, "批大小没什么关系，别管它。") == "contradicted"
    assert one(claim, "模型不受批大小影响。") == "contradicted"  # 不受 … 影响 around the words
    assert one("loss sum", "损失求和不受影响。") == "contradicted"
    assert one("loss sum", "损失求和并不出现在这里。") == "contradicted"
    assert one("loss sum", "损失求和其实被高估了。") == "contradicted"
    assert one("loss sum", "“损失求和”这个说法已经过时了。") == "contradicted"
    assert one("batch-size", "批大小两者都不行。") == "contradicted"
    assert one("loss sum", "这里不会出现损失求和。") == "contradicted"
    assert one(claim, "批大小其实作用不大。") == "contradicted"
    assert one(claim, "调批大小没什么意义。") == "contradicted"
    assert one("train: parallel", "并行训练反而做不到。") == "contradicted"
    assert one(claim, "调批大小用处不大。") == "contradicted"
    assert one(claim, "The effect of the batch size is negligible.") == "contradicted"
    assert one("loss sum", "Summing the loss won't really happen here.") == "contradicted"
    assert one(claim, "Changing the batch size won't change anything.") == "contradicted"
    assert one(claim, "The batch size does nothing.") == "contradicted"
    assert one(claim, "Tuning the batch size is never done.") == "contradicted"
    assert one("train: parallel", "Parallel training is simply impossible here.") == "contradicted"
    assert one(claim, "The batch size plays a negligible role.") == "contradicted"
    assert one(claim, "The batch size has little to do with it.") == "contradicted"
    assert one(claim, "批大小的作用很大。") == "made"
    # the same words without the denial make the point
    assert one(claim, "The batch size will tell you much.") == "made"
    assert one(claim, "批大小是关键。") == "made"


def test_a_chinese_comparative_gives_the_predicate_to_what_stands_before_bi() -> None:
    claim = "gru: fewer gate"
    assert one(claim, "GRU比LSTM门更少。") == "made"
    assert one(claim, "GRU的门比LSTM更少。") == "made"
    assert one(claim, "LSTM比GRU门更少。") == "contradicted"
    assert one(claim, "LSTM的门比GRU的更少。") == "contradicted"
    assert one(claim, "GRU has fewer gates than the LSTM.") == "made"
    assert one(claim, "The LSTM has fewer gates than the GRU.") == "contradicted"


def test_points_in_an_answer_that_contradicts_as_much_are_doubtful() -> None:
    q = question("cnn: fixed receptive-field", "cnn: parallel train", "rnn: sequential train")
    # two of three contradicted, one made: the made one is left for the learner to tick
    answer = "The CNN has a fixed window. The CNN trains sequentially and the RNN in parallel."
    grade = GRADER.grade(q, answer)
    assert statuses(grade) == ["doubtful", "contradicted", "contradicted"]
    assert grade.score == 0.0
    assert grade.points[0].clause == "The CNN has a fixed window"
    # one contradicted of three, two made: the ticks stay
    answer = "The CNN has a fixed window and trains in parallel. The CNN trains sequentially."
    assert statuses(GRADER.grade(q, answer)) == ["made", "made", "contradicted"]
    # one of two contradicted with one made: half contradicted and as many as made
    q2 = question("cnn: fixed receptive-field", "cnn: parallel train")
    answer = "The CNN has a fixed window. The CNN trains sequentially."
    assert statuses(GRADER.grade(q2, answer)) == ["doubtful", "contradicted"]
    # a contradiction read in the clause that makes the other point does not count
    answer = "The CNN has a fixed window and trains sequentially."
    assert statuses(GRADER.grade(q2, answer)) == ["made", "contradicted"]
    # two made, one contradicted of four: more made than contradicted, the ticks stay
    q4 = question(
        "cnn: fixed receptive-field", "cnn: parallel train", "unit: saturated", "loss sum"
    )
    answer = "The CNN has a fixed window. The CNN trains sequentially. The loss is summed."
    assert statuses(GRADER.grade(q4, answer)) == ["made", "contradicted", "missed", "made"]
    answer = "The CNN has a fixed window. The CNN trains sequentially."
    assert statuses(GRADER.grade(q4, answer)) == ["doubtful", "contradicted", "missed", "missed"]


def test_a_word_that_contains_or_is_no_list() -> None:
    # "not sufficient, for exploding": the "or" inside "for" does not make a list of the two
    assert one("loss sum", "Not the batch size, for the loss is summed.") == "made"
    assert one("loss sum", "Never the batch size, the loss or the sum.") == "contradicted"


def test_a_looser_reading_does_not_take_the_predicate_back_from_a_rival() -> None:
    claim = "cnn: parallel train"
    # the compact reading gives "trains in parallel" to the RNN; the CNN named in another
    # fragment of the clause does not get it back
    assert one(claim, "The CNN is for training, the RNN trains in parallel.") == "contradicted"
    assert one(claim, "The RNN is for training, the CNN trains in parallel.") == "made"


def test_than_compares_only_the_next_word_or_concept() -> None:
    # what follows the compared thing is the clause's own statement
    assert one("cnn: parallel train", "The CNN is faster than the RNN and trains in parallel.") == (
        "made"
    )
    assert one("cnn: parallel train", "A CNN trains more in parallel than an RNN.") == "made"
    assert one("cnn: parallel train", "An RNN trains more in parallel than a CNN.") == (
        "contradicted"
    )


def test_denials_written_as_verbs() -> None:
    claim = "learn long-range"
    assert one(claim, "模型能学到长距离依赖。") == "made"
    # a potential complement puts 不 after the verb it denies
    assert one(claim, "模型学不到长距离依赖。") == "contradicted"
    assert one(claim, "The model fails to learn long-range dependencies.") == "contradicted"
    assert one(claim, "A plain RNN is unable to learn long-range dependencies.") == "contradicted"
    assert one("batch-size", "It lacks a batch size.") == "contradicted"
    assert one("batch-size", "批大小不是好选择。") == "contradicted"


def test_w_r_t_does_not_end_a_sentence() -> None:
    analysed = GRADER.analyse("Differentiate C_t w.r.t. C_{t-1} and the loss is summed.")
    assert len(analysed.clauses) == 1


def test_a_fragment_that_only_denies_the_one_before() -> None:
    assert one("loss sum", "The loss is summed, which is not true.") == "contradicted"
    assert one("loss sum", "损失会求和，这种情况不会发生。") == "contradicted"
    assert one("loss sum", "损失会求和，这是错的。") == "contradicted"
    assert one("loss sum", "The loss is summed, which is right.") == "made"
    assert one("loss sum", "The loss is summed, so that's never done.") == "contradicted"
    assert one("loss sum", "把损失求和，所以没人这么做。") == "contradicted"
    assert one("loss sum", "The loss is summed, so that's what everyone does.") == "made"
    assert one("batch-size", "批大小、文档边界都不用管。") == "contradicted"


def test_but_for_and_yuanyin_do_not_cut() -> None:
    # "but for" is no contrast, and 原因 holds no "because"
    assert one("cnn: parallel train", "The CNN trains in parallel but for its window.") == "made"
    assert one("loss sum", "损失求和的原因是批大小。") == "made"


def test_more_readings_of_what_is_not_meant() -> None:
    assert one("batch-size", "Using the batch size would be wrong.") == "contradicted"
    # 不一定非 is "not necessarily": one denial, not two
    assert one("batch-size", "不一定非用批大小。") == "contradicted"


def test_a_clause_is_quoted_without_the_comma_before_a_contrast() -> None:
    q = question("cnn: fixed receptive-field")
    grade = GRADER.grade(q, "The CNN has a fixed window, while the RNN trains in parallel.")
    assert grade.points[0].clause == "The CNN has a fixed window"


def test_can_not_just_still_denies() -> None:
    # "can't just" denies; "not just" alone means "not only"
    assert one("loss sum", "You can't just sum the loss.") == "contradicted"
    assert one("loss sum", "Not just the batch size: the loss is summed too.") == "made"


def test_a_dash_between_two_statements_ends_a_fragment() -> None:
    assert one("loss sum", "The loss is not averaged — it is summed over the steps.") == "made"
    assert one("loss sum", "The loss is not averaged, it is summed over the steps.") == "made"
    # After an elliptical denial the dash goes on with the same statement.
    claim = "rnn: unbounded"
    assert one(claim, "A CNN is fixed, but an RNN isn't — it goes past any fixed window.") == (
        "made"
    )


def test_a_denial_of_existence_after_the_words() -> None:
    assert one("unit saturated", "神经元饱和其实不存在。") == "contradicted"
    assert one("unit saturated", "Saturated units do not exist in this network.") == (
        "contradicted"
    )
    assert one("unit saturated", "神经元饱和是存在的。") == "made"


def test_did_not_use_is_not_useless() -> None:
    assert one("dropout", "层之间没有用 dropout。") == "contradicted"
    assert one("dropout", "层之间用了 dropout。") == "made"
    assert one("dropout", "在这里加 dropout 没有用。") == "contradicted"  # useless
    assert one("dropout", "没用的 dropout 放在层之间。") == "made"  # 没用的: an adjective


def test_not_good_after_the_words_denies_them() -> None:
    assert one("dropout", "dropout 也不好，应该去掉。") == "contradicted"
    assert one("dropout", "Adding dropout is a bad idea.") == "contradicted"
    assert one("dropout", "Dropout between layers is a bug.") == "contradicted"
    assert one("dropout", "Dropout between layers adds nothing.") == "contradicted"
    assert one("dropout", "层之间加 dropout 效果很好。") == "made"
    # What is removed is named after 去掉的是: the words before it are not removed.
    assert one("dropout", "dropout 保留着，去掉的是别的。") == "made"


def test_a_rival_set_aside_is_not_the_subject() -> None:
    clip = "norm-clipping: keep direction"
    answer = "It's norm clipping, not value clipping, that keeps the direction."
    assert one(clip, answer) == "made"
    assert one(clip, "It's value clipping, not norm clipping, that keeps the direction.") == (
        "contradicted"
    )


def test_just_like_and_similar_to_name_a_compared_thing() -> None:
    clip = "norm-clipping: keep direction"
    assert one(clip, "Norm clipping, just like value clipping, keeps the direction.") == "made"
    assert one(clip, "Norm clipping, similar to value clipping, keeps the direction.") == "made"


def test_a_granted_condition_asserts_nothing() -> None:
    claim = "rnn: parallel"
    assert one(claim, "Even if the RNN trained in parallel, it would be slow.") == "missed"
    assert one(claim, "The RNN trains in parallel.") == "made"
    # 即使 … 也: the condition asserts nothing, what follows 也 does.
    assert one(claim, "即使循环神经网络能并行，也很慢。") == "missed"
    assert one("dropout", "即使不加 dropout 也要加 dropout。") == "made"


def test_both_as_the_subject_gives_the_predicate_to_both() -> None:
    clip = "norm-clipping: keep direction"
    assert one(clip, "Norm clipping rescales the vector. It keeps the direction.") == "made"
    assert one(clip, "Norm clipping rescales the vector. Both keep the direction.") == (
        "contradicted"
    )
    assert one(clip, "范数裁剪缩放整个向量。两者都保持方向。") == "contradicted"
    # Named, the two are a list; in the same clause, "both" is not what the subject is one of.
    assert one("rnn: sequential", "Both the RNN and the CNN are sequential.") == "made"
    assert one("rnn: sequential", "The RNN reads one token at a time. Both are sequential.") == (
        "contradicted"
    )
    assert one("train: parallel", "For training, though, both run in parallel.") == "made"
    # said of both the other way round, or with words between 两者 and 都
    assert one("rnn: sequential", "The RNN reads one token at a time. Both are parallel.") == (
        "contradicted"
    )
    assert one(clip, "范数裁剪缩放整个向量。两者在 RNN 里都保持方向。") == "contradicted"
    assert one(clip, "范数裁剪缩放整个向量。两者在 RNN 里都改变方向。") == "contradicted"


def test_a_list_denied_by_dou_bu_at_the_end() -> None:
    assert one("dropout", "输入、输出或层之间的 dropout 都不常用。") == "contradicted"
    assert one("dropout", "输入、输出和层之间都常用 dropout。") == "made"


def test_a_count_before_the_compared_thing() -> None:
    claim = "gru: fewer gate"
    assert one(claim, "一层门控循环单元比一层长短期记忆网络的门更少。") == "made"
    assert one(claim, "一层长短期记忆网络比一层门控循环单元的门更少。") == "contradicted"


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        ("The outputs of one layer are the inputs of the next.", "made"),
        ("The inputs of one layer are the outputs of the next.", "contradicted"),
        ("The inputs of a layer are given by the outputs of the one below.", "made"),
        ("The outputs of one layer are not the inputs of the next.", "contradicted"),
        ("下层的输出是上层的输入。", "made"),
        ("下层的输入是上层的输出。", "contradicted"),
        ("上层的输入由下层的输出提供。", "made"),
    ],
)
def test_ordered_slots_read_who_feeds_whom(answer: str, status: str) -> None:
    assert one("layer-output > layer-input", answer) == status


def test_two_denials_across_and_do_not_cancel() -> None:
    # Each stretch between "and" / 也 keeps its own denial, as fragments do.
    assert one("dropout learn", "不加 dropout 也不会学。") == "contradicted"
    assert one("dropout learn", "No dropout and no learning.") == "contradicted"
    assert one("dropout learn", "加了 dropout 也会学。") == "made"
    assert one("not dropout learn", "不加 dropout 也能学。") == "made"


def test_both_then_the_subject_after_the_words() -> None:
    assert one("train: parallel", "两者都并行训练。") == "made"


def test_chinese_comparisons_name_only_the_compared_thing() -> None:
    # 比 X 更长的依赖: a noun phrase whose X ends at the comparative, not at the end of the text.
    assert one("learn long-range", "学不到比 k 更长的长距离依赖。") == "contradicted"
    assert one("learn long-range", "能学到比 k 更长的长距离依赖。") == "made"
    assert one("learn long-range", "学不到比 k 长的长距离依赖。") == "contradicted"
    assert one("learn long-range", "能学到比 k 长得多的长距离依赖。") == "made"
    # 像 X 那样 names a compared thing: "它" carries the subject before it, not X.
    answer = "循环神经网络像卷积网络那样逐层计算。它看整个历史。"
    assert one("rnn: unbounded", answer) == "made"


def test_an_ellipsis_does_not_end_the_sentence() -> None:
    assert one("dropout learn", "With dropout ... the model can learn.") == "made"


def test_the_noun_of_a_compared_thing_is_not_the_subject() -> None:
    # 比 X 的 Y: Y is X's (the compared thing's), so it is not the clause's subject …
    answer = "范数裁剪比循环神经网络的按值裁剪更改变方向。"
    assert one("value-clipping: change direction", answer) == "contradicted"
    # … but it may still fill a slot: the GRU has fewer gates than the LSTM's gates.
    assert one("gru: fewer gate", "门控循环单元比长短期记忆网络的门更少。") == "made"


def test_redundant_denies_what_it_follows() -> None:
    assert one("dropout", "Dropout between layers is redundant.") == "contradicted"


def test_a_subordinate_clause_ends_where_its_main_clause_starts() -> None:
    # No comma after "since …": the main clause starts at "it can", out of the "not"'s reach.
    answer = "Since dropout is not used it can learn long-range dependencies."
    assert one("learn long-range", answer) == "made"
    answer = "Since dropout is used it can not learn long-range dependencies."
    assert one("learn long-range", answer) == "contradicted"


def test_two_gates_sharing_one_noun_are_two_gates() -> None:
    assert normalise("The input and forget gates") == "the input gate and forget gate"
    assert normalise("输入和遗忘门都是 sigmoid") == "输入门和遗忘门都是 sigmoid"
    assert normalise("the forget, input and output gates") == (
        "the forget gate, input gate and output gate"
    )
    assert normalise("遗忘、输入和输出门") == "遗忘门、输入门和输出门"
    assert normalise("gates and inputs") == "gates and inputs"


def test_a_ratio_is_not_cut_at_its_colon() -> None:
    assert len(GRADER.analyse("a 3:4 ratio of parameters").fragments) == 1
    assert len(GRADER.analyse("the ratio: parameters").fragments) == 2


def test_not_worth_not_applicable_and_mei_yingxiang_deny() -> None:
    assert one("dropout", "Dropout between layers isn't worth it.") == "contradicted"
    assert one("dropout", "Dropout between layers is not applicable here.") == "contradicted"
    assert one("dropout", "层之间的 dropout 对结果没影响。") == "contradicted"


def test_yinzi_is_a_word_not_because() -> None:
    assert len(GRADER.analyse("乘过缩放因子的梯度").fragments) == 1
    assert len(GRADER.analyse("梯度很小因梯度消失").fragments) == 2


def test_a_denying_phrase_ends_at_and() -> None:
    assert one("gru: fewer gate", "The GRU has two blocks instead of three and fewer gates.") == (
        "made"
    )
    assert one("gru: fewer gate", "The GRU has more blocks rather than fewer gates.") == (
        "contradicted"
    )


def test_more_chinese_comparisons_and_suizhe_er() -> None:
    claim = "gru: fewer gate"
    # 跟 X 比 and X 于 Y name the compared thing only
    assert one(claim, "跟长短期记忆网络比，门控循环单元的门更少。") == "made"
    assert one(claim, "跟门控循环单元比，长短期记忆网络的门更少。") == "contradicted"
    assert one(claim, "门控循环单元很简单。它的门更少于长短期记忆网络。") == "made"
    assert one(claim, "门控循环单元很简单。跟长短期记忆网络比，门更少。") == "made"
    # 随着 … 而 … is one statement, not a contrast
    assert one("loss sum", "随着序列变长而把损失求和。") == "made"
    assert len(GRADER.analyse("隐状态会随着序列变长而变大。").clauses) == 1


def test_a_scene_setting_phrase_belongs_to_the_statement_after_it() -> None:
    clip = "norm-clipping: keep direction"
    # the subject after the comma is the phrase's, not the one carried from the sentence before
    before = "Norm clipping rescales the whole vector. "
    assert one(clip, before + "For keeping the direction, value clipping is the better fit.") == (
        "contradicted"
    )
    assert one(clip, before + "For keeping the direction, norm clipping is the better fit.") == (
        "made"
    )
    assert one(clip, "按范数裁剪缩放整个向量。在保持方向上，按值裁剪更合适。") == "contradicted"
    # a longer fragment is a statement of its own: the subject carries into it
    assert one(clip, before + "It keeps the direction of the update, value clipping does not.") == (
        "made"
    )


def test_which_stands_for_the_noun_before_it() -> None:
    clip = "norm-clipping: keep direction"
    # "which" stands for norm clipping, even inside the "than" phrase that names it.
    assert one(clip, "Value clipping is cruder than norm clipping, which keeps the direction.") == (
        "made"
    )
    assert one(clip, "Norm clipping is cruder than value clipping, which keeps the direction.") == (
        "contradicted"
    )
    # "whose" too: the predicate after it is the noun's before it, even in a contrast
    assert one(clip, "Unlike norm clipping, whose direction is kept, value clipping is cheap.") == (
        "made"
    )
    assert one(clip, "Unlike value clipping, whose direction is kept, norm clipping is cheap.") == (
        "contradicted"
    )


def test_a_number_form_does_not_match_inside_a_decimal() -> None:
    assert "equals-zero" not in shipped_concepts("奇异值都是 0.5")
    assert "half" in shipped_concepts("奇异值都是 0.5")
    assert "equals-zero" in shipped_concepts("奇异值都是 0")


def test_parallel_denials_around_ye_each_deny_their_own_half() -> None:
    # "不会 A 也不会 B": the denial after 也 belongs to B; A keeps its own (one) denial.
    assert one("dropout learn", "dropout 不会学也不会出现。") == "contradicted"
    assert (
        one("dropout learn", "换成 dropout 也学不到。") != "made"
    )  # no denial of its own: 也 lets it reach
    question = next(
        q for q in load_bank(include_user_packs=False).questions if q.id == "grad-causes-009"
    )
    answer = "爆炸的表现只是训练慢一点，损失不会飙升也不会出现 NaN。"
    grade = default_grader().grade(question, answer)
    symptom = next(p for p in grade.points if p.point.id == "exploding-symptom")
    assert symptom.status is not PointStatus.MADE


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        ("把 dropout 换成层归一化。", "contradicted"),
        ("用层归一化代替 dropout。", "contradicted"),
        ("We switched from dropout to layer norm.", "contradicted"),
        ("把层归一化换成 dropout。", "made"),
        ("We switched from layer norm to dropout.", "made"),
    ],
)
def test_a_change_denies_what_it_leaves_behind(answer: str, status: str) -> None:
    assert one("dropout", answer) == status


@pytest.mark.parametrize(
    "answer",
    [
        "dropout 其实是多余的。",
        "dropout 其实无所谓。",
        "Dropout barely matters.",
        "Dropout matters little.",
    ],
)
def test_dismissals_after_the_words_deny_them(answer: str) -> None:
    assert one("dropout", answer) == "contradicted"
    assert one("dropout", "dropout 避免了多余的计算。") == "made"  # 多余 inside the phrase


def test_a_comparison_between_commas_is_not_the_subject() -> None:
    claim = "layernorm: not depend batch-size"
    assert one(claim, "LayerNorm, like BatchNorm, does not depend on the batch size.") == "made"
    assert one(claim, "BatchNorm, like LayerNorm, does not depend on the batch size.") != "made"
    assert one(claim, "BatchNorm, as with LayerNorm, does not depend on the batch size.") != "made"


def test_a_with_phrase_keeps_its_negation() -> None:
    # "with no X it can …": the "no" is the phrase's, the main clause is affirmed.
    assert one("learn", "With no dropout it can learn.") == "made"
    assert one("learn", "Without dropout it can not learn.") == "contradicted"


def test_a_verb_with_nothing_denies_itself() -> None:
    assert one("dropout learn", "With dropout the network learns nothing.") == "contradicted"
    assert one("dropout learn", "With dropout the network learns.") == "made"


def test_for_both_after_the_words_says_it_of_both() -> None:
    claim = "layernorm: not depend batch-size"
    assert one(claim, "It does not depend on the batch size.") == "made"
    assert one(claim, "It does not depend on the batch size for both.") == "contradicted"


def test_jiu_ends_the_reach_of_a_negated_condition() -> None:
    # "不 X 就 Y": the 不 is the condition's.
    assert one("learn long-range", "不用 dropout 就能学到长距离依赖。") == "made"
    assert one("learn long-range", "用了 dropout 就学不到长距离依赖。") == "contradicted"


def test_makes_no_difference_denies_what_it_follows() -> None:
    assert one("dropout", "Dropout makes no difference.") == "contradicted"
    assert one("dropout", "Adding dropout made little difference.") == "contradicted"


def test_which_after_a_contrast_keeps_its_antecedent_when_the_slot_is_said_both_ways() -> None:
    answer = "Unlike value clipping, which changes the direction, this keeps it."
    assert one("value-clipping: change direction", answer) == "made"


@pytest.mark.parametrize(
    "answer", ["dropout 的效果其实没什么保证。", "Dropout is not guaranteed.", "dropout 不能保证。"]
)
def test_not_guaranteed_denies_what_it_follows(answer: str) -> None:
    assert one("dropout", answer) == "contradicted"


def test_a_number_form_does_not_match_inside_a_fraction() -> None:
    assert "tanh-bound" in shipped_concepts("tanh′ ≤ 1")
    assert "tanh-bound" not in shipped_concepts("tanh′ ≤ 1/4")
    assert "tanh-bound" not in shipped_concepts("tanh′ is at most 1/4")
    assert "at-most-one" not in shipped_concepts("σ′ 最大是 1/4")


def test_the_same_as_a_rival_says_it_of_both() -> None:
    claim = "layernorm: not depend batch-size"
    assert one(claim, "层归一化不依赖批大小。") == "made"
    assert one(claim, "层归一化和批归一化一样不依赖批大小。") == "contradicted"


def test_a_negated_verb_the_claim_does_not_name_decides_nothing() -> None:
    # "doesn't change saturated units" denies the change, not the saturation
    assert one("not saturated", "Dropout doesn't change saturated units.") == "missed"
    assert one("not saturated", "Dropout 不会改变饱和的神经元。") == "missed"
    assert one("not saturated", "The units are not saturated.") == "made"
    # the verb is the claim's own (an opposite of one of its slots): read as before
    assert one("norm-clipping: keep direction", "Norm clipping doesn't change the direction.") == (
        "made"
    )


def test_what_is_left_open_states_nothing() -> None:
    assert one("batch-size", "Regardless of the batch size, the loss goes down.") == "missed"
    assert one("batch-size", "Whether the batch size is large or small doesn't matter.") == (
        "missed"
    )
    assert one("batch-size", "不管批大小是多少，损失都会下降。") == "missed"
    assert one("batch-size", "批大小设大还是设小都无所谓。") == "missed"
    # what comes after the open part is still said
    assert one("batch-size", "不管损失怎样，批大小都要调。") == "made"


def test_a_cause_ruled_out() -> None:
    assert one("batch-size", "The batch size can't be the cause here.") == "contradicted"
    assert one("batch-size", "The batch size could not be the reason.") == "contradicted"
    assert one("batch-size", "The batch size is the culprit.") == "made"


def test_no_difference_between_the_two_is_said_of_both() -> None:
    # the claim's subject is implied by the question, but "两者" gives the predicate to both
    assert one("cnn: parallel", "两者在并行上没有区别。") == "contradicted"
    assert one("cnn: parallel", "它们在训练时的并行程度没有区别。") == "contradicted"
    assert one("cnn: parallel", "训练时可以并行。") == "made"


def test_what_a_thing_has_nothing_to_do_with_is_denied() -> None:
    claim = "batchnorm: depend batch-size"
    assert one(claim, "It is unrelated to how BatchNorm depends on the batch size.") == (
        "contradicted"
    )
    assert one(claim, "BatchNorm depends on the batch size.") == "made"
    assert one("batch-size", "The batch size matters for neither.") == "contradicted"


def test_harm_said_of_a_remedy_denies_it() -> None:
    assert one("dropout", "层之间加 dropout 会伤害模型。") == "contradicted"
    assert one("dropout", "Dropout between layers only hurts.") == "contradicted"
    assert one("loss sum", "损失求和不用特别处理。") == "contradicted"
    assert one("dropout", "Dropout between layers helps.") == "made"


def test_more_verbs_a_negation_belongs_to() -> None:
    # "can't affect vanishing" denies an effect, it does not say "no vanishing"
    assert one("not saturated", "Dropout can't affect saturated units.") == "missed"
    assert one("not saturated", "Dropout 不会影响饱和的神经元。") == "missed"
    assert one("not saturated", "Dropout leaves the units not saturated.") == "made"


def test_a_claim_called_a_bug_or_meaningless_is_denied() -> None:
    assert one("batch-size", "We tune the batch size, which is a bug.") == "contradicted"
    assert one("batch-size", "Tuning the batch size is meaningless here.") == "contradicted"
    assert one("batch-size", "We tune the batch size, which is standard.") == "made"


def test_both_after_the_two_were_named() -> None:
    claim = "norm-clipping: keep direction"
    answer = "Value clipping is norm clipping with another norm, and both keep the direction."
    assert one(claim, answer) == "contradicted"
    assert one(claim, "Value clipping is cheap, and norm clipping keeps the direction.") == "made"
    assert one("norm-clipping: change direction", "Neither changes the direction.") == (
        "contradicted"
    )


def test_chinese_harm_after_the_words() -> None:
    assert one("loss sum", "损失求和反而不好。") == "contradicted"
    assert one("dropout", "只加一部分 dropout 会出错。") == "contradicted"
    assert one("loss sum", "损失求和反而更稳定。") == "made"


def test_advice_against_denies_and_no_harm_does_not() -> None:
    assert one("dropout", "层之间加 dropout 不推荐。") == "contradicted"
    assert one("dropout", "Dropout between layers is bad practice.") == "contradicted"
    # "won't go wrong" is no denial of what it follows
    assert one("dropout", "层之间加 dropout 不会出错。") == "made"


def test_a_chinese_a_not_a_question_leaves_its_concept_open() -> None:
    # 饱不饱和 asks "saturated or not": it states neither, and its 不 denies nothing
    assert one("saturated", "跟神经元饱不饱和无关。") == "missed"
    assert one("not saturated", "跟神经元饱不饱和无关。") == "missed"
    assert one("not saturated", "神经元不饱和。") == "made"


def test_a_waste_of_time_or_impossible_denies_what_it_follows() -> None:
    assert one("batch-size", "Tuning the batch size is a waste of time.") == "contradicted"
    assert one("batch-size", "调批大小纯属浪费时间。") == "contradicted"
    assert one("batch-size", "Tuning the batch size never comes up.") == "contradicted"
    assert one("batch-size", "The batch size is not what drives it.") == "contradicted"
    assert one("batch-size", "批大小太大是不可能的。") == "contradicted"
    assert one("batch-size", "Tuning the batch size saves time.") == "made"


def test_advice_against_in_a_fragment_of_its_own() -> None:
    assert one("batch-size", "调批大小，不推荐。") == "contradicted"
    assert one("batch-size", "调批大小，很推荐。") == "made"


def test_not_needed_in_a_fragment_of_its_own_denies_the_one_before() -> None:
    # 用不着 / 不需要 standing alone ("…, not needed") denies the fragment it follows
    assert one("batch-size", "批大小调到很小，用不着。") == "contradicted"
    assert one("batch-size", "调批大小，根本不需要。") == "contradicted"
    # not when it has words of its own: then it says what is not needed
    assert one("batch-size", "调批大小，不需要别的改动。") == "made"


def test_calling_a_claim_a_misconception_denies_it() -> None:
    # "X is a common misconception" / "X 是常见误解" says X is wrong
    assert one("batch-size", "Tuning the batch size is a common misconception.") == "contradicted"
    assert one("batch-size", "Tuning the batch size is a misunderstanding.") == "contradicted"
    assert one("batch-size", "调批大小是常见误解。") == "contradicted"
    assert one("batch-size", "调批大小是一个误区。") == "contradicted"
    assert one("batch-size", "Tuning the batch size is common.") == "made"


def test_fan_er_shi_is_no_contrast() -> None:
    # 反而是 ("it is in fact …") names the subject; only 而是 after a denial starts a new clause
    assert one("cnn: parallel", "能并行的反而是 RNN。") == "contradicted"
    assert one("cnn: parallel", "能并行的反而是 CNN。") == "made"
    assert one("cnn: parallel", "不是 RNN，而是 CNN 能并行。") == "made"


def test_before_or_after_all_the_same_leaves_it_open() -> None:
    assert one("batch-size", "批大小放在前后都一样。") == "missed"
    assert one("batch-size", "调批大小先后都无所谓。") == "missed"
    assert one("batch-size", "批大小放在前面。") == "made"


def test_a_denial_after_two_joined_nouns_reaches_both() -> None:
    # "X and X' would be a waste of time": the "and" joins two nouns, the denial covers both
    assert (
        one("dropout", "Dropout on h and dropout on x would be a waste of time.") == "contradicted"
    )
    assert one("dropout", "Dropout on h and dropout on x is a waste of time.") == "contradicted"
    assert one("dropout", "Dropout on h and dropout on x.") == "made"


def test_an_alternative_replaces_nothing() -> None:
    # 替代方案 / 替代品 is "the alternative": what follows is stated, not left behind
    assert one("rnn: parallel", "RNN 的替代方案是并行训练。") == "made"
    assert one("rnn: parallel", "RNN 的替代品也能并行。") == "made"
    assert one("rnn: parallel", "RNN 用串行替代了并行。") == "contradicted"


def test_a_fragment_naming_its_own_subject_is_its_own_statement() -> None:
    # A claim that names its subject among its words ("rnn: sequential rnn"), stated whole in the
    # fragment after a comma: the rival of the fragment before is that fragment's subject only.
    claim = "rnn: sequential rnn"
    assert one(claim, "The CNN sees a fixed window, the RNN is sequential.") == "made"
    assert (
        one(claim, "The CNN sees a fixed window, sequential steps are what the RNN needs.")
        == "made"
    )
    assert one(claim, "卷积网络看固定窗口，串行是循环神经网络的特点。") == "made"
    # and a fragment with the rest of the claim's words that names a rival speaks of the rival
    assert one(claim, "The RNN reads a prefix, the CNN is sequential.") == "contradicted"
    assert (
        one(claim, "The RNN reads a prefix, sequential steps are what the CNN needs.")
        == "contradicted"
    )
