"""Fairness checks: a drill must carry information and tell every catalogued mistake apart.

A draw is rejected when a gate carries no information (every element near 0.5, or every element
saturated) or when, for an asked quantity, a mistake lands within the grading tolerance of the right
answer or of a different mistake. Separation is required with a margin (``SEPARATION`` times the
tolerance), so that an answer rounded to a few decimals still points at one mistake only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from quizapp.drills.variants import SIGMOID_GATES, Batch
from quizapp.grading.numeric import Tolerance

Array = npt.NDArray[np.float64]

SEPARATION = 1.2
"""How many tolerances apart the right answer and each mistake (and two mistakes) must be."""

NEAR_HALF = 0.05
"""A gate whose every element is within this of 0.5 says nothing (z = 0.5 hides gru-z-swapped)."""

SATURATED = 0.02
"""A gate whose every element is within this of 0 or 1 is saturated."""


def informative_gates(cell: str, values: Mapping[str, Array]) -> bool:
    """No gate is all near 0.5 and no gate is all saturated."""
    for gate in SIGMOID_GATES.get(cell, ()):
        if gate not in values:
            continue
        g = values[gate]
        if (np.abs(g - 0.5) < NEAR_HALF).all():
            return False
        if (np.abs(g - 0.5) > 0.5 - SATURATED).all():
            return False
    return True


def separated(batch: Batch, tolerance: Tolerance) -> bool:
    """Every checked mistake differs from the right answer, and mistakes with different ids differ.

    Per asked quantity, the right row and the checked rows are compared pairwise in one vectorised
    step: rows with different mistake ids (the right row has its own) must be further apart than
    SEPARATION tolerances in some element.
    """
    numbers = batch.mistake_numbers()
    for key, rows in batch.checked.items():
        if not rows:
            continue
        index = np.array([0, *rows])
        table = batch.values[key][index]
        ids = numbers[index]
        magnitude = np.maximum(np.abs(table[:, None, :]), np.abs(table[None, :, :]))
        limit = SEPARATION * (tolerance.absolute + tolerance.relative * magnitude)
        apart = (np.abs(table[:, None, :] - table[None, :, :]) > limit).any(axis=2)
        if not (apart | (ids[:, None] == ids[None, :])).all():
            return False
    return True


def separated_exact(
    right: Mapping[str, tuple[int, ...]], alternatives: Mapping[str, Sequence[tuple[str, object]]]
) -> bool:
    """Counts and shapes: each mistake gives a different answer from the right one and the others."""
    for key, pairs in alternatives.items():
        seen: dict[object, str] = {}
        for mistake, value in pairs:
            if value == right[key]:
                return False
            if value in seen and seen[value] != mistake:
                return False
            seen[value] = mistake
    return True


__all__ = ["SEPARATION", "informative_gates", "separated", "separated_exact"]
