"""Drills and grades as plain JSON-ready dicts (the problem never includes its solution)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from engine.layouts import to_torch
from quizapp.drills.grade import DrillGrade
from quizapp.drills.model import Drill
from quizapp.drills.modern_generate import input_arrays


def shown_params(drill: Drill) -> dict[str, Any]:
    """The parameters as the drill shows them: PyTorch's stacked layout or per-gate names
    (hidden-side biases left out when the drill has one bias per gate)."""
    if drill.extra.get("layout") == "pytorch":
        stacked = to_torch(drill.spec.cell, drill.params)
        return {name: np.asarray(value).tolist() for name, value in stacked.items()}
    return {
        name: np.asarray(value).tolist()
        for name, value in drill.params.items()
        if drill.spec.two_biases or not (name == "bh" or name.startswith("bh_"))
    }


def problem_dict(drill: Drill) -> dict[str, Any]:
    """Everything needed to solve the drill: settings, inputs, parameters, what is asked."""
    spec = drill.spec
    problem: dict[str, Any] = {
        "cell": spec.cell,
        "convention": spec.convention,
        "difficulty": spec.difficulty,
        "seed": spec.seed,
        "two_biases": spec.two_biases,
        "asked": list(drill.asked),
        "convention_text": {"en": drill.convention_text.en, "zh": drill.convention_text.zh},
        "prompt": {"en": drill.prompt.en, "zh": drill.prompt.zh},
        "tolerance": {"absolute": drill.tolerance.absolute, "relative": drill.tolerance.relative},
    }
    if drill.framework is not None:
        problem["framework"] = {
            key: (list(value) if isinstance(value, tuple) else value)
            for key, value in drill.extra.items()
        }
        return problem
    if drill.formula is not None:
        problem["formula"] = {
            "symbols": list(drill.formula.symbols),
            "meanings": dict(drill.formula.meanings),
        }
        return problem
    problem.update(d=drill.d, n=drill.n, layout=drill.extra.get("layout", "per-gate"))
    # Matrix states (mLSTM C, SSM h of d×N, linear attention S) as nested lists, as compute reads them.
    problem["inputs"] = {key: value.tolist() for key, value in input_arrays(drill).items()}
    problem["parameters"] = shown_params(drill)
    for key in ("t", "periods"):
        if key in drill.extra:
            value = drill.extra[key]
            problem[key] = list(value) if isinstance(value, tuple) else value
    if drill.given:
        problem["given"] = {key: list(value) for key, value in drill.given.items()}
    if drill.lookup_table:
        problem["lookup_table"] = [[label, value] for label, value in drill.lookup_table]
    return problem


def _expected(drill: Drill, key: str) -> Any:
    if drill.formula is not None:
        return drill.formula.expected
    values = drill.expected[key]
    if drill.framework is not None:
        return [int(v) for v in values]
    return list(values)


def grade_dict(drill: Drill, grade: DrillGrade, answers: Mapping[str, str]) -> dict[str, Any]:
    """Per quantity: the answer, how it was read, score, expected value and matched mistakes."""
    quantities: dict[str, Any] = {}
    for q in grade.quantities:
        quantities[q.key] = {
            "answer": answers.get(q.key),
            "reading": q.reading_text,
            "values": list(q.values) if q.values is not None else None,
            "submitted": q.submitted,
            "message": q.message,
            "score": q.score,
            "element_correct": list(q.element_correct),
            "expected": _expected(drill, q.key),
            "carried_forward": q.carried_forward,
            "mistakes": list(q.mistakes),
        }
    return {"drill": problem_dict(drill), "score": grade.score, "quantities": quantities}
