"""Free-text grading that reads claims, not keywords.

``notation`` writes every spelling one way; ``mentions`` finds lexicon concepts; ``clauses`` cuts
an answer into clauses and fragments and reads negations and contrasts; ``match`` decides whether
a clause makes or contradicts a claim; ``grade`` turns that into a proposed checklist and score.
"""

from quizapp.grading.freetext.grade import (
    FreeTextGrade,
    Grader,
    MisconceptionFound,
    PointResult,
    PointStatus,
    checklist_score,
    default_grader,
    grade_free_text,
    grader_for,
)

__all__ = [
    "FreeTextGrade",
    "Grader",
    "MisconceptionFound",
    "PointResult",
    "PointStatus",
    "checklist_score",
    "default_grader",
    "grade_free_text",
    "grader_for",
]
