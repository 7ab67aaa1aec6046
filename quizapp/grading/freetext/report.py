"""A graded free-text answer as text and as JSON (``quizapp questions grade``).

The JSON object (documented in the README):

- ``question``, ``lang``: the question id and the feedback language;
- ``score``: the proposed score (share of key points made), ``made`` and ``total``;
- ``points``: one object per key point, in order: ``id``, ``text``, ``status`` (``made``,
  ``missed``, ``contradicted``, or ``doubtful``: stated, but the answer contradicts at least as
  many points as it makes, so not counted until the learner ticks it), ``clause`` (the answer's
  clause that made or contradicted it, or null), ``cancelled_by`` (the misconception id that took
  the credit away, or null), ``formula`` (true when an equation the answer wrote decided it; the
  ``clause`` is then that equation);
- ``misconceptions``: the catalogued wrong claims found: ``id``, ``claim`` (the wrong claim),
  ``correction`` and ``clause``.
"""

from __future__ import annotations

from typing import Any

from questions.schema import Lang, Question
from quizapp.grading.freetext.feedback import report_lines
from quizapp.grading.freetext.grade import FreeTextGrade


def grade_json(question: Question, grade: FreeTextGrade, lang: str) -> dict[str, Any]:
    """The JSON-ready result of grading one answer."""
    language: Lang = "zh" if lang == "zh" else "en"
    return {
        "question": question.id,
        "lang": language,
        "score": round(grade.score, 4),
        "made": sum(p.made for p in grade.points),
        "total": len(grade.points),
        "points": [
            {
                "id": p.point.id,
                "text": p.point.text.get(language),
                "status": p.status.value,
                "clause": p.clause,
                "cancelled_by": p.cancelled_by,
                "formula": p.by_formula,
            }
            for p in grade.points
        ],
        "misconceptions": [
            {
                "id": m.misconception.id,
                "claim": m.misconception.text.get(language),
                "correction": m.misconception.correction.get(language),
                "clause": m.clause,
            }
            for m in grade.misconceptions
        ],
    }


def grade_text(question: Question, grade: FreeTextGrade, lang: str) -> str:
    """The result as lines for a terminal."""
    language: Lang = "zh" if lang == "zh" else "en"
    head = f"{question.id}: {question.prompt.get(language)}"
    return "\n".join([head, *report_lines(grade, language)])
