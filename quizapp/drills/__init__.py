"""Numeric, framework and symbolic drills: what can be asked, the generator with its fairness checks,
the mistake catalogue and grading against the right answer, carried-forward values and mistakes.

Public API: ``DIFFICULTIES``, ``DrillSpec``, ``Drill``, ``generate_drill``, ``quantities_for``,
``QuantityInfo``, ``MISTAKES``, ``Mistake``, ``Tolerance``, ``read_answers``, ``grade_drill``,
``QuantityGrade``, ``DrillGrade``, ``DrillError``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from quizapp.drills.errors import DrillError
from quizapp.drills.quantities import QuantityInfo, quantities_for

if TYPE_CHECKING:
    from quizapp.drills.generate import generate_drill
    from quizapp.drills.grade import (
        DrillGrade,
        QuantityGrade,
        default_tolerance,
        grade_drill,
        read_answers,
    )
    from quizapp.drills.mistakes import MISTAKES, SPEC_MISTAKE_IDS, Mistake
    from quizapp.drills.model import (
        DIFFICULTIES,
        Alternative,
        Drill,
        DrillSpec,
        FormulaAsk,
        FrameworkCall,
    )
    from quizapp.grading.numeric import Tolerance

# Imported on first use, not at start-up: the home screen lists the quantities (``quantities_for``)
# and needs none of these; the generator (with numpy.random) loads with the first drill, grading
# and its answer reader with the first submission.
_LAZY = {
    **dict.fromkeys(
        ("DIFFICULTIES", "Alternative", "Drill", "DrillSpec", "FormulaAsk", "FrameworkCall"),
        "quizapp.drills.model",
    ),
    **dict.fromkeys(("MISTAKES", "SPEC_MISTAKE_IDS", "Mistake"), "quizapp.drills.mistakes"),
    **dict.fromkeys(
        ("DrillGrade", "QuantityGrade", "default_tolerance", "grade_drill", "read_answers"),
        "quizapp.drills.grade",
    ),
    "generate_drill": "quizapp.drills.generate",
    "Tolerance": "quizapp.grading.numeric",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'quizapp.drills' has no attribute {name!r}")


__all__ = [
    "DIFFICULTIES",
    "MISTAKES",
    "SPEC_MISTAKE_IDS",
    "Alternative",
    "Drill",
    "DrillError",
    "DrillGrade",
    "DrillSpec",
    "FormulaAsk",
    "FrameworkCall",
    "Mistake",
    "QuantityGrade",
    "QuantityInfo",
    "Tolerance",
    "default_tolerance",
    "generate_drill",
    "grade_drill",
    "quantities_for",
    "read_answers",
]
