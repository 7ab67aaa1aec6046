"""Grading each question type right and wrong (free text: ``tests/grading/test_freetext_*``)."""

from __future__ import annotations

import pytest

from questions.schema import Option, OrderItem, Pair, Question, Text
from quizapp.grading.answers import (
    grade_choice,
    grade_matching,
    grade_ordering,
    grade_text_answer,
)
from quizapp.grading.freetext import checklist_score


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


def test_checklist_score() -> None:
    assert checklist_score([True, False, True, True]) == 0.75
    assert checklist_score([]) == 0.0
