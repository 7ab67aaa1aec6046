"""Grading a drill: read each answer, mark it per element, carry errors forward, name mistakes.

For each asked quantity the answer is read (a message makes it "not submitted": a field left
empty, or text that could not be read, which the app sends back instead of grading), marked element
by element against the expected value within the tolerance, and, for a forward quantity, also
against the value that follows from the learner's own earlier answers (C_t from their f, i, g; h_t
from their o and C_t; GRU h from their z and n; …). The error is "carried forward" only when the
whole answer follows from those answers (every element matches the expected or the carried value):
one element agreeing by chance is no evidence, and the marks then stay those against the expected
value. A wrong answer is compared with every catalogued mistake that applies to the quantity,
including mistakes made in an earlier quantity and propagated.

The drill's score is the mean over every asked quantity: a quantity not submitted scores 0 (an
empty field counts as wrong, so leaving the hard one out never raises the score).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from quizapp.drills.forward import NO_TWIST, forward_batch
from quizapp.drills.model import Drill
from quizapp.grading.numeric import Tolerance, element_marks, partial_credit
from quizapp.grading.reader import (
    ExpressionReading,
    NumbersReading,
    ShapeReading,
    read_expression,
    read_numbers,
    read_shape,
)

Reading = NumbersReading | ShapeReading | ExpressionReading


@dataclass(frozen=True)
class QuantityGrade:
    """The grade of one asked quantity.

    ``reading_text`` is how the answer was read; ``values`` None and ``message`` set mean "not
    submitted". ``mistakes`` are the ids of the catalogued mistakes the answer matches.
    """

    key: str
    reading_text: str
    values: tuple[float, ...] | None
    expected: tuple[float, ...]
    element_correct: tuple[bool, ...]
    score: float
    carried_forward: bool
    mistakes: tuple[str, ...]
    message: str | None
    carried: tuple[float, ...] | None = None  # the value that follows from the learner's answers

    @property
    def submitted(self) -> bool:
        """The answer was read and graded."""
        return self.message is None

    @property
    def correct(self) -> bool:
        """Every element right (directly or carried forward)."""
        return self.submitted and all(self.element_correct)


@dataclass(frozen=True)
class DrillGrade:
    """Grades of every asked quantity; ``score`` is the mean over all of them (0 if not submitted)."""

    quantities: tuple[QuantityGrade, ...]
    score: float

    @property
    def submitted(self) -> int:
        """How many quantities were submitted."""
        return sum(q.submitted for q in self.quantities)

    def unread_typed(self, answers: Mapping[str, str]) -> dict[str, str]:
        """The quantities whose typed (non-empty) answer could not be read, with the reader's
        message. Such a submission goes back to the learner instead of being graded or recorded:
        leaving a field empty is a choice, a typo is not."""
        return {
            quantity.key: quantity.message
            for quantity in self.quantities
            if quantity.message and str(answers.get(quantity.key, "")).strip()
        }


def default_tolerance(drill: Drill) -> Tolerance:
    """The tolerance the drill was made fair for (wider for whiteboard drills)."""
    return drill.tolerance


def _read(drill: Drill, key: str, text: str) -> Reading:
    if drill.formula is not None:
        return read_expression(text, drill.formula.symbols)
    if key.startswith("shape_"):
        return read_shape(text)
    return read_numbers(text, expected_length=len(drill.expected[key]))


def read_answers(drill: Drill, answers: Mapping[str, str]) -> Mapping[str, Reading]:
    """How each given answer reads (for the live "read as …" line); unknown keys are skipped."""
    return MappingProxyType(
        {key: _read(drill, key, answers[key]) for key in drill.asked if key in answers}
    )


def _not_submitted(
    key: str, expected: tuple[float, ...], shown: str, message: str
) -> QuantityGrade:
    return QuantityGrade(key, shown, None, expected, (), 0.0, False, (), message)


def _carried_values(
    drill: Drill, values: Mapping[str, tuple[float, ...]]
) -> dict[str, tuple[float, ...]]:
    """Per asked forward quantity, its value computed from the learner's other answers."""
    if drill.record is None or drill.category != "forward" or len(values) < 2:
        return {}
    params = {name: np.asarray(value)[None] for name, value in drill.params.items()}
    inputs = {name: np.array(value) for name, value in drill.inputs.items()}
    periods = drill.extra.get("periods")
    t = drill.extra.get("t")
    result: dict[str, tuple[float, ...]] = {}
    for key in drill.asked:
        others = {k: np.array(v) for k, v in values.items() if k != key}
        if not others:
            continue
        out = forward_batch(
            drill.spec.cell, drill.spec.convention, params, inputs, [NO_TWIST],
            t=t if isinstance(t, int) else None,
            periods=periods if isinstance(periods, tuple) else None,
            overrides=others,
        )  # fmt: skip
        result[key] = tuple(float(v) for v in out[key][0])
    return result


def _grade_formula(drill: Drill, key: str, text: str) -> QuantityGrade:
    from quizapp.grading.symbolic import check_expression

    assert drill.formula is not None
    ask = drill.formula
    grade = check_expression(text, ask.expected, ask.symbols)
    if grade.error is not None:
        return _not_submitted(key, (), grade.shown, grade.error)
    mistakes: tuple[str, ...] = ()
    if not grade.correct:
        mistakes = tuple(
            mistake
            for mistake, wrong in ask.wrong
            if check_expression(text, wrong, ask.symbols).correct
        )
    score = 1.0 if grade.correct else 0.0
    return QuantityGrade(key, grade.shown, None, (), (grade.correct,), score, False, mistakes, None)


def grade_drill(
    drill: Drill, answers: Mapping[str, str], tolerance: Tolerance | None = None
) -> DrillGrade:
    """Grade the typed ``answers`` (quantity key -> text) of ``drill``.

    ``tolerance`` defaults to the drill's own (``default_tolerance``); counts and shapes are exact.
    """
    tol = tolerance if tolerance is not None else drill.tolerance
    if drill.framework is not None:
        tol = Tolerance(1e-9, 0.0)
    readings: dict[str, Reading] = {}
    grades: dict[str, QuantityGrade] = {}
    for key in drill.asked:
        text = answers.get(key)
        expected = drill.expected[key]
        if text is None:
            grades[key] = _not_submitted(key, expected, "", "no answer given")
        elif drill.formula is not None:
            grades[key] = _grade_formula(drill, key, text)
        else:
            reading = _read(drill, key, text)
            if reading.error is not None or isinstance(reading, ExpressionReading):
                grades[key] = _not_submitted(key, expected, reading.shown, reading.error or "")
            else:
                readings[key] = reading
    values = {
        key: tuple(float(v) for v in reading.values)
        for key, reading in readings.items()
        if not isinstance(reading, ExpressionReading) and reading.values is not None
    }
    carried = _carried_values(drill, values)
    for key, answer in values.items():
        expected = drill.expected[key]
        marks = element_marks(answer, expected, tol)
        own = carried.get(key)
        carried_forward = False
        if own is not None and not all(marks):
            own_marks = element_marks(answer, own, tol)
            # The whole answer must follow from the learner's own inputs, not one element by chance.
            if all(o or m for o, m in zip(own_marks, marks, strict=True)):
                carried_forward = True
                marks = tuple(True for _ in marks)
        mistakes: list[str] = []
        if not carried_forward and not all(element_marks(answer, expected, tol)):
            for alternative in drill.alternatives.get(key, ()):
                if (
                    alternative.mistake not in mistakes
                    and all(element_marks(answer, alternative.values, tol))
                    and len(answer) == len(alternative.values)
                ):
                    mistakes.append(alternative.mistake)
        grades[key] = QuantityGrade(
            key, readings[key].shown, answer, expected, marks, partial_credit(marks),
            carried_forward, tuple(mistakes), None, own,
        )  # fmt: skip
    ordered = tuple(grades[key] for key in drill.asked)
    return DrillGrade(ordered, sum(q.score for q in ordered) / len(ordered) if ordered else 0.0)
