"""Grading each question type right and wrong, and the free-text rubric in both languages."""

from __future__ import annotations

import pytest

from questions.schema import KeyPoint, Option, OrderItem, Pair, Question, Text
from quizapp.grading.answers import (
    grade_choice,
    grade_matching,
    grade_ordering,
    grade_text_answer,
)
from quizapp.grading.rubric import checklist_score, match_key_points, normalise


def T(en: str, zh: str = "中") -> Text:
    return Text(en, zh)


def make(answer_type: str, **fields: object) -> Question:
    return Question(
        id="t-1",
        topic="lstm-gates",
        difficulty="easy",
        type=answer_type,
        prompt=T("p"),
        answer=T("a"),
        explanation=T("e"),
        references=(),
        tags=(),
        answer_type=answer_type,
        **fields,  # type: ignore[arg-type]
    )


WHY_B = T("b is wrong", "b 错")
WHY_D = T("d is wrong", "d 错")
OPTIONS = (
    Option("a", T("A"), None),
    Option("b", T("B"), WHY_B),
    Option("c", T("C"), None),
    Option("d", T("D"), WHY_D),
)


# -- choices -------------------------------------------------------------------------------------


def test_single_choice_right_wrong_and_unread() -> None:
    q = make("single_choice", options=OPTIONS, correct=("a",))
    right = grade_choice(q, ["a"])
    assert (right.score, right.correct, right.message, right.feedback) == (1.0, True, None, None)
    wrong = grade_choice(q, ["b"])
    assert (wrong.score, wrong.correct, wrong.feedback) == (0.0, False, WHY_B)
    assert grade_choice(q, []).message == "choose an option"
    assert grade_choice(q, ["a", "c"]).message == "choose exactly one option"
    assert grade_choice(q, ["z"]).message == "unknown option 'z'; expected one of a, b, c, d"


def test_true_false() -> None:
    q = make(
        "true_false",
        options=(Option("true", T("true"), None), Option("false", T("false"), WHY_B)),
        correct=("true",),
    )
    assert grade_choice(q, ["true"]).correct
    assert grade_choice(q, ["false"]).score == 0.0


def test_multi_choice_partial_credit() -> None:
    q = make("multi_choice", options=OPTIONS, correct=("a", "c"))
    assert grade_choice(q, ["c", "a"]).score == 1.0 and grade_choice(q, ["a", "c"]).correct
    half = grade_choice(q, ["a"])
    assert (half.score, half.correct) == (0.5, False)
    # one right, one wrong: (1 - 1) / 2
    assert grade_choice(q, ["a", "b"]).score == 0.0
    # floored at zero, with why_wrong of each wrong pick
    none = grade_choice(q, ["b", "d"])
    assert none.score == 0.0
    assert none.feedback == Text("b is wrong\nd is wrong", "b 错\nd 错")
    # everything picked: (2 - 2) / 2
    assert grade_choice(q, ["a", "b", "c", "d"]).score == 0.0


# -- typed answers -------------------------------------------------------------------------------


def test_numeric_exact_integer() -> None:
    q = make("numeric", value=56.0, tolerance=0.0)
    right = grade_text_answer(q, "56")
    assert (right.score, right.correct, right.message) == (1.0, True, None)
    assert "56" in right.read_as
    assert grade_text_answer(q, "56.0").correct
    assert not grade_text_answer(q, "57").correct
    assert grade_text_answer(q, "56.001").score == 0.0


def test_numeric_tolerance_is_absolute() -> None:
    q = make("numeric", value=0.604, tolerance=0.001)
    assert grade_text_answer(q, "0.6044").correct
    assert grade_text_answer(q, "0.605").correct  # exactly at the edge
    assert not grade_text_answer(q, "0.6052").correct


def test_unreadable_answer_is_not_counted() -> None:
    q = make("numeric", value=56.0)
    for text in ("fifty-six", "5 6", "   "):
        grade = grade_text_answer(q, text)
        assert grade.message, text
        assert (grade.score, grade.correct) == (0.0, False)


def test_shape() -> None:
    q = make("shape", shape=(2, 4, 16))
    for text in ("(2, 4, 16)", "2x4x16", "torch.Size([2, 4, 16])"):
        assert grade_text_answer(q, text).correct, text
    assert not grade_text_answer(q, "(4, 2, 16)").correct
    assert not grade_text_answer(q, "(2, 4)").correct


def test_code_reading_grades_by_its_answer_type() -> None:
    q = make("shape", shape=(1, 2, 16))
    q = Question(**{**q.__dict__, "type": "code_reading", "code": "lstm(x)"})
    assert grade_text_answer(q, "(1, 2, 16)").correct
    assert not grade_text_answer(q, "(2, 1, 16)").correct


def test_symbolic() -> None:
    pytest.importorskip("quizapp.grading.symbolic")
    q = make("symbolic", expression="f_t", symbols=("f_t", "i_t", "g_t", "C_prev"))
    assert grade_text_answer(q, "f_t").correct
    assert not grade_text_answer(q, "i_t").correct
    q2 = make(
        "symbolic", expression="f_t*C_prev + i_t*g_t", symbols=("f_t", "i_t", "g_t", "C_prev")
    )
    assert grade_text_answer(q2, "g_t*i_t + C_prev*f_t").correct
    assert grade_text_answer(q2, "__import__('os')").message


def test_typed_grading_refuses_other_types() -> None:
    with pytest.raises(ValueError, match="typed answers grade numeric, shape, symbolic"):
        grade_text_answer(make("ordering"), "x")


# -- ordering and matching -----------------------------------------------------------------------

ITEMS = tuple(OrderItem(name, T(name)) for name in ("a", "b", "c", "d"))


def test_ordering_scores_pairs_in_the_right_relative_order() -> None:
    q = make("ordering", items=ITEMS)
    assert grade_ordering(q, ["a", "b", "c", "d"]).correct
    # one swap of neighbours breaks 1 of the 6 pairs
    swapped = grade_ordering(q, ["a", "c", "b", "d"])
    assert swapped.score == pytest.approx(5 / 6) and not swapped.correct
    # the first item moved to the end breaks the 3 pairs it is in
    assert grade_ordering(q, ["b", "c", "d", "a"]).score == pytest.approx(3 / 6)
    assert grade_ordering(q, ["d", "c", "b", "a"]).score == 0.0
    assert grade_ordering(q, ["a", "b", "c"]).message == "place every item exactly once (4 items)"
    assert grade_ordering(q, ["a", "a", "b", "c"]).message


def test_matching_scores_share_of_right_pairs() -> None:
    pairs = tuple(Pair(T(f"l{k}"), T(f"r{k}")) for k in range(4))
    q = make("matching", pairs=pairs)
    assert grade_matching(q, [0, 1, 2, 3]).correct
    half = grade_matching(q, [1, 0, 2, 3])
    assert (half.score, half.correct) == (0.5, False)
    assert grade_matching(q, [3, 2, 1, 0]).score == 0.0
    assert grade_matching(q, [0, 1, 2]).message == "match each of the 4 items"
    assert grade_matching(q, [0, 1, 2, 9]).message


# -- the free-text rubric ------------------------------------------------------------------------

BN = KeyPoint(
    "bn-fixes",
    T("BatchNorm fixes vanishing gradients", "BatchNorm 解决梯度消失"),
    (("batchnorm", "fix"), ("batchnorm", "解决")),
    (),
)
FORGET = KeyPoint(
    "forget-scales",
    T("the forget gate scales the old cell", "遗忘门缩放旧的记忆元"),
    (("forget gate", "old cell"), ("遗忘门", "记忆元")),
    ("does not scale", "不会缩放"),
)
CLIP = KeyPoint(
    "clip-not-vanishing",
    T("clipping does not cure vanishing gradients", "裁剪不能解决梯度消失"),
    (("clipping", "not", "vanishing"), ("裁剪", "不能", "梯度消失")),
    (),
)


def made(point: KeyPoint, text: str) -> tuple[bool, bool]:
    (match,) = match_key_points(make("free_text", key_points=(point,)), text)
    return match.made, match.negated


def test_normalise_is_width_and_case_insensitive() -> None:
    assert normalise("  ＢａｔｃｈＮｏｒｍ\n\tFIXES ") == "batchnorm fixes"


def test_chinese_answer_without_spaces() -> None:
    assert made(FORGET, "遗忘门决定保留多少旧的记忆元。") == (True, False)
    assert made(FORGET, "输入门决定写入多少。") == (False, False)


def test_mixed_language_answer() -> None:
    assert made(FORGET, "LSTM 的 forget gate 逐元素缩放 old cell state。") == (True, False)
    assert made(BN, "很多人以为 BatchNorm 可以 fix 这个问题") == (True, False)


def test_full_width_letters() -> None:
    assert made(FORGET, "The ＦＯＲＧＥＴ ＧＡＴＥ scales the ＯＬＤ ＣＥＬＬ.") == (True, False)


def test_negation_near_the_phrase_in_english() -> None:
    assert made(BN, "BatchNorm fixes vanishing gradients.") == (True, False)
    assert made(BN, "BatchNorm does not fix vanishing gradients.") == (False, True)
    assert made(BN, "BatchNorm doesn’t fix vanishing gradients.") == (False, True)
    assert made(BN, "BatchNorm never fixes them.") == (False, True)
    # a negation in another clause does not count
    assert made(BN, "It is not obvious, but BatchNorm fixes them.") == (True, False)


def test_negation_near_the_phrase_in_chinese() -> None:
    assert made(BN, "BatchNorm 解决梯度消失。") == (True, False)
    assert made(BN, "BatchNorm 并不能解决梯度消失。") == (False, True)
    assert made(BN, "BatchNorm 无法解决梯度消失。") == (False, True)
    assert made(BN, "BatchNorm 没有解决梯度消失。") == (False, True)
    # 不同 ("different") is not a negation
    assert made(BN, "BatchNorm 在不同任务上都解决了这个问题。") == (True, False)


def test_explicit_negations_of_a_point() -> None:
    assert made(FORGET, "The forget gate does not scale the old cell.") == (False, True)
    assert made(FORGET, "遗忘门不会缩放记忆元") == (False, True)


def test_a_negative_point_is_read_literally() -> None:
    assert made(CLIP, "Clipping does not cure vanishing gradients.") == (True, False)
    assert made(CLIP, "裁剪不能解决梯度消失的问题。") == (True, False)
    assert made(CLIP, "Clipping cures vanishing gradients.") == (False, False)


def test_checklist_score() -> None:
    assert checklist_score([True, False, True, True]) == 0.75
    assert checklist_score([]) == 0.0


def test_formula_and_chinese_phrasings_match_whatever_the_spacing() -> None:
    point = KeyPoint(
        id="near-one",
        text=Text(en="f close to 1", zh="f 接近 1"),
        phrasings=(("接近 1",), ("f * c",)),
        negations=(),
    )
    question = make("free_text", key_points=(point,))
    assert match_key_points(question, "遗忘门接近1时记忆保留")[0].made
    assert match_key_points(question, "the term f*c carries the cell")[0].made
    assert not match_key_points(question, "遗忘门接近 0")[0].made
