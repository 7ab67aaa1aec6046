"""Worked solutions of the modern cells: each quantity's vector formula, one line per element with
the numbers put into the sympy tree (``modern``), and the engine's result.

The numbers on the right come from the engine's record (the single source of numbers); the trees
are checked against the engine by a test.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from engine.record import StepRecord
from quizapp.formulas.latex import vector_value
from quizapp.formulas.modern import definitions, input_shapes
from quizapp.formulas.modern_forms import vector_forms
from quizapp.formulas.modern_numeric import Array, input_values, number, substituted
from quizapp.formulas.records import WorkedStep


def _name(key: str) -> str:
    return key.split(" = ")[0]


def _index(position: int, shape: tuple[int, ...]) -> str:
    if len(shape) == 2 and shape[1] > 1:
        return f"{position // shape[1] + 1}{position % shape[1] + 1}"
    return str(position + 1)


def modern_worked(
    record: StepRecord,
    params: Mapping[str, object],
    x: object,
    state: Mapping[str, object],
    keys: Sequence[str],
    n: int,
) -> tuple[WorkedStep, ...]:
    """The worked solution of one step of a modern cell of size ``n`` for ``keys`` (in computing
    order); ``state`` holds the previous state by the engine's names, flat or shaped."""
    cell, convention = record.cell, record.convention
    d = int(np.asarray(x).size)
    values: dict[str, Array] = input_values(cell, params, x, state)
    values.update({key: np.ravel(value) for key, value in record.values.items()})
    shapes = input_shapes(cell, d, n)
    forms = vector_forms(cell, convention)
    steps = []
    for key, trees in definitions(cell, convention, d, n):
        if key not in keys:
            continue
        left = _name(forms[key])
        shape = np.shape(record[key])
        lines = [
            rf"{left}\,[{_index(j, shape)}] = {substituted(tree, values, shapes)}"
            rf" = {number(values[key][j])}"
            for j, tree in enumerate(trees)
        ]
        result = f"{left} = {vector_value(values[key])}"
        steps.append(WorkedStep(key, forms[key], "\n".join(lines), result,
                                tuple(float(v) for v in values[key])))  # fmt: skip
    return tuple(steps)
