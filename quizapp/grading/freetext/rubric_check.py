"""Checks of free-text rubrics against the lexicon and their own model answers (no Qt).

``quizapp questions validate`` and the test suite use these: every claim names known concepts,
every misconception a key point lists exists, and each model answer (English and Chinese) makes
all of its question's points and states no catalogued misconception.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from questions.schema import Question
from quizapp.grading.freetext.grade import Grader


@dataclass(frozen=True)
class RubricProblem:
    """One problem of a question's rubric, located like the loader's problems."""

    file: str
    line: int
    question_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: question '{self.question_id}': {self.message}"


def _named(noun: str, ids: Sequence[str]) -> str:
    """'key point gating' or 'key points a, b'."""
    return (noun if len(ids) == 1 else f"{noun}s") + " " + ", ".join(ids)


def check_rubrics(questions: Iterable[Question], grader: Grader) -> list[RubricProblem]:
    """Every rubric problem of the free-text questions among ``questions``."""
    problems: list[RubricProblem] = []
    lexicon = grader.lexicon
    for question in questions:
        if not question.key_points:
            continue

        def fail(message: str, q: Question = question) -> None:
            problems.append(RubricProblem(q.file, q.line, q.id, message))

        known = True
        for point in question.key_points:
            for claim in point.claims:
                unknown = lexicon.unknown_concepts(claim)
                if unknown:
                    known = False
                    fail(
                        f"key point '{point.id}': claim '{claim.text}' names "
                        + _named("unknown concept", unknown)
                    )
            for misconception_id in point.misconceptions:
                if lexicon.misconception(misconception_id) is None:
                    fail(f"key point '{point.id}': unknown misconception '{misconception_id}'")
        if not known:
            continue
        for lang in ("en", "zh"):
            grade = grader.grade(question, question.answer.get(lang))
            missed = [p.point.id for p in grade.points if not p.made]
            if missed:
                fail(f"the model answer ({lang}) does not make " + _named("key point", missed))
            stated = [m.misconception.id for m in grade.misconceptions]
            if stated:
                fail(f"the model answer ({lang}) states " + _named("misconception", stated))
    return problems
