"""Grading an answer to a bank question: choices, typed numbers, shapes, expressions, orders, pairs.

Every function returns a ``QuestionGrade``. When the answer cannot be read (no option chosen, text
that is not a number, an incomplete ordering) the grade carries ``message``, score 0 and
``correct=False``: callers treat it as "not submitted" and let the learner fix the input.

Partial credit: a multi-choice answer scores (right picks - wrong picks) / number of right options,
floored at 0. An ordering scores the share of item pairs placed in the right relative order (a
normalised Kendall distance), so moving one item by one place costs little while a reversed list
scores 0; position-by-position scoring would give 0 to a list that is right but shifted by one.
A matching scores the share of left items matched to their own right item.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from questions.schema import CHOICE_TYPES, Question, Text
from quizapp.grading.reader import read_numbers, read_shape
from quizapp.grading.symbolic import check_expression

# With tolerance 0 the answer is an exact integer; allow float noise only.
EXACT_TOLERANCE = 1e-9


@dataclass(frozen=True)
class QuestionGrade:
    """The grade of one answer.

    ``score`` is in [0, 1]; ``read_as`` shows how the answer was read (may be ""); ``message`` is an
    input problem (the answer does not count); ``feedback`` explains a wrong choice when the bank
    has a ``why_wrong`` for it. For free text, ``auto_score`` is the grader's proposal and
    ``confirmed`` says whether ``score`` is the learner's confirmed checklist (False while the
    learner has not confirmed it, as in a mock interview before its report). ``missed_points``
    are the ids of the key points a free-text answer did not make (its unticked checklist).
    """

    score: float
    correct: bool
    read_as: str
    message: str | None
    feedback: Text | None = None
    auto_score: float | None = None
    confirmed: bool = True
    missed_points: tuple[str, ...] = ()


def _unread(message: str, read_as: str = "") -> QuestionGrade:
    return QuestionGrade(0.0, False, read_as, message, None)


def _scored(score: float, read_as: str, feedback: Text | None = None) -> QuestionGrade:
    return QuestionGrade(score, score >= 1.0, read_as, None, feedback)


def _join_texts(texts: Sequence[Text]) -> Text | None:
    if not texts:
        return None
    return Text("\n".join(t.en for t in texts), "\n".join(t.zh for t in texts))


def grade_choice(q: Question, chosen: Sequence[str]) -> QuestionGrade:
    """Grade the option ids ``chosen`` for a single_choice, multi_choice or true_false question."""
    if q.answer_type not in CHOICE_TYPES:
        raise ValueError(f"question '{q.id}' is {q.answer_type}, not a choice question")
    picks = list(dict.fromkeys(chosen))
    if not picks:
        return _unread("choose an option")
    unknown = [p for p in picks if q.option(p) is None]
    if unknown:
        ids = ", ".join(o.id for o in q.options)
        return _unread(f"unknown option '{unknown[0]}'; expected one of {ids}")
    if q.answer_type != "multi_choice" and len(picks) > 1:
        return _unread("choose exactly one option")
    right = set(q.correct)
    wrong_picks = [p for p in picks if p not in right]
    right_picks = len(picks) - len(wrong_picks)
    if q.answer_type == "multi_choice":
        score = max(0.0, (right_picks - len(wrong_picks)) / len(right))
        if set(picks) == right:
            score = 1.0
    else:
        score = 1.0 if not wrong_picks else 0.0
    why = [w for p in wrong_picks if (w := _why_wrong(q, p)) is not None]
    return _scored(score, ", ".join(picks), _join_texts(why))


def _why_wrong(q: Question, option_id: str) -> Text | None:
    option = q.option(option_id)
    return option.why_wrong if option is not None else None


def grade_text_answer(q: Question, text: str) -> QuestionGrade:
    """Grade a typed answer to a numeric, shape or symbolic question (or code_reading of those)."""
    if not text.strip():
        return _unread("type an answer")
    if q.answer_type == "numeric":
        return _grade_numeric(q, text)
    if q.answer_type == "shape":
        return _grade_shape(q, text)
    if q.answer_type == "symbolic":
        return _grade_symbolic(q, text)
    raise ValueError(
        f"question '{q.id}' is {q.answer_type}; typed answers grade numeric, shape, symbolic"
    )


def _grade_numeric(q: Question, text: str) -> QuestionGrade:
    if q.value is None:
        raise ValueError(f"numeric question '{q.id}' has no value")
    reading = read_numbers(text, 1)
    if reading.error is not None or not reading.values:
        return _unread(reading.error or "expected one number", reading.shown)
    given = reading.values[0]
    allowed = q.tolerance if q.tolerance > 0 else EXACT_TOLERANCE
    # A hair of relative slack so that a tolerance of 0.01 accepts 0.01 written in binary float.
    close = math.isfinite(given) and abs(given - q.value) <= allowed * (1 + 1e-9)
    return _scored(1.0 if close else 0.0, reading.shown)


def _grade_shape(q: Question, text: str) -> QuestionGrade:
    if q.shape is None:
        raise ValueError(f"shape question '{q.id}' has no shape")
    reading = read_shape(text)
    if reading.error is not None or reading.values is None:
        return _unread(reading.error or "expected a shape such as (2, 4, 16)", reading.shown)
    return _scored(1.0 if tuple(reading.values) == q.shape else 0.0, reading.shown)


def _grade_symbolic(q: Question, text: str) -> QuestionGrade:
    if q.expression is None:
        raise ValueError(f"symbolic question '{q.id}' has no expression")
    grade = check_expression(text, q.expression, q.symbols)
    if grade.error is not None:
        return _unread(grade.error, grade.shown)
    return _scored(1.0 if grade.correct else 0.0, grade.shown)


def grade_ordering(q: Question, order: Sequence[str]) -> QuestionGrade:
    """Grade the learner's order of item ids: the share of pairs in the right relative order."""
    expected = [item.id for item in q.items]
    if sorted(order) != sorted(expected):
        return _unread(f"place every item exactly once ({len(expected)} items)")
    rank = {item_id: k for k, item_id in enumerate(expected)}
    positions = [rank[item_id] for item_id in order]
    pairs = list(combinations(positions, 2))
    in_order = sum(1 for a, b in pairs if a < b)
    score = in_order / len(pairs) if pairs else 1.0
    return _scored(score, " → ".join(order))


def grade_matching(q: Question, rights: Sequence[int]) -> QuestionGrade:
    """Grade a matching; ``rights[k]`` indexes ``q.pairs``: the right text given to left item k."""
    count = len(q.pairs)
    if len(rights) != count or any(not 0 <= r < count for r in rights):
        return _unread(f"match each of the {count} items")
    hits = sum(1 for k, r in enumerate(rights) if r == k)
    return _scored(hits / count if count else 0.0, ", ".join(str(r) for r in rights))
