"""Worked solutions: each asked quantity's formula, the same formula with numbers, and the result.

One ``WorkedStep`` per key. Its ``substituted_latex`` has one line per element (unit j = 1 … n, or
module m for the clockwork's ``active``), joined with ``"\\n"``: the GUI shows a step at a time and
``render_png`` stacks the lines. A line reads ``f_{t,1} = \\sigma\\left(0.5 \\cdot 1.0 + … + 0.1\\right)
= \\sigma\\left(0.34\\right)``: first every number, then the short form with the intermediate sum's
value. Values come from the engine's record (the single source of numbers); a test checks that the
sympy trees evaluate to the same numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from engine.params import is_optional
from engine.record import OUTPUT_KEYS, StepRecord
from quizapp.formulas.cells import Definitions, definitions, is_helper
from quizapp.formulas.latex import (
    Writer,
    helpers_of,
    vector_equation,
    vector_value,
)
from quizapp.formulas.numeric import Array, input_values
from quizapp.formulas.records import WorkedStep
from quizapp.formulas.symbols import Expr, notation


def _space_size(key: str, cell: str, sizes: Mapping[str, int]) -> int:
    space = notation(key, cell).space
    return {"x": sizes["d"], "h": sizes["n"], "module": sizes["modules"]}.get(space, 1)


def _element_line(
    cell: str,
    key: str,
    tree: Expr,
    inline: Mapping[str, Expr],
    values: Mapping[str, Array],
    sizes: Mapping[str, int],
    unit: int,
) -> str:
    full = Writer(cell, "numbers", inline, sizes, values)
    short = Writer(cell, "numbers", {}, sizes, values)
    full_text, short_text = full.bare(tree, unit), short.bare(tree, unit)
    line = f"{notation(key, cell).element(str(unit + 1))} = {full_text}"
    if short_text != full_text:
        line += f" = {short_text}"
    for note in dict.fromkeys(full.notes):
        line += rf" \quad {note}"
    return line


def _where(cell: str, tree: Expr, forward: Definitions | None) -> str:
    """For a backward formula: the forward sums it names (``s_t = U_n h_{t-1} + b^h_n``)."""
    if forward is None:
        return ""
    names = {symbol.name for symbol in tree.free_symbols}
    clauses = [
        vector_equation(cell, key, definition, {})
        for key, definition in forward
        if is_helper(key) and key in names
    ]
    return "".join(rf",\quad {clause}" for clause in clauses)


def worked_steps(
    cell: str,
    convention: str,
    defs: Definitions,
    values: Mapping[str, Array],
    sizes: Mapping[str, int],
    keys: Sequence[str] | None,
    *,
    backward_of: bool = False,
    two_biases: bool = True,
) -> tuple[WorkedStep, ...]:
    """Steps for ``keys`` (in ``defs`` order) from trees ``defs`` and the numbers in ``values``."""
    trees = dict(defs)
    wanted = list(trees) if keys is None else list(keys)
    unknown = [key for key in wanted if key not in trees]
    if unknown:
        raise ValueError(
            f"keys: {cell} ({convention}) has no quantity {unknown[0]!r}; "
            f"expected some of: {', '.join(trees)}"
        )
    forward = definitions(cell, convention, two_biases) if backward_of else None
    steps = []
    for key, tree in defs:
        if key not in wanted:
            continue
        inline = {} if backward_of else helpers_of(defs, key)
        formula = vector_equation(cell, key, tree, inline) + _where(cell, tree, forward)
        lines = [
            _element_line(cell, key, tree, inline, values, sizes, unit)
            for unit in range(_space_size(key, cell, sizes))
        ]
        value = np.ravel(values[key])
        result = f"{notation(key, cell).vector} = {vector_value(value)}"
        steps.append(
            WorkedStep(key, formula, "\n".join(lines), result, tuple(float(v) for v in value))
        )
    return tuple(steps)


def shows_two_biases(cell: str, values: Mapping[str, Array], two_biases: bool | None) -> bool:
    """Whether to show the hidden-side biases: as asked, or (None) when any of them is non-zero."""
    nonzero = [name for name in values if is_optional(name) and np.any(values[name] != 0)]
    if two_biases is None:
        return bool(nonzero)
    if not two_biases and nonzero:
        raise ValueError(
            f"two_biases=False but {cell}'s hidden-side bias {nonzero[0]!r} is non-zero; "
            "pass two_biases=True (or None to decide from the parameters)"
        )
    return two_biases


def worked_solution(
    record: StepRecord,
    params: Mapping[str, object],
    x: object,
    h: object | None,
    c: object | None = None,
    *,
    c_low: object | None = None,
    keys: Sequence[str] | None = None,
    t: int | None = None,
    periods: Sequence[int] | None = None,
    two_biases: bool | None = None,
) -> tuple[WorkedStep, ...]:
    """The worked solution of one forward step (one example, not a batch).

    ``record`` is ``engine.step``'s result for the same inputs; ``keys`` are record keys (default:
    the spec's output keys, in computing order). The clockwork needs ``t`` and ``periods``.
    ``two_biases`` shows the hidden-side bias ``b^h`` (None: when any of them is non-zero).
    """
    cell = record.cell
    if any(np.ndim(array) != 1 for array in record.values.values()):
        raise ValueError("record: worked solutions are for one example; got a batch")
    values, sizes = input_values(cell, params, x, h, c, c_low=c_low, t=t, periods=periods)
    values.update(record.as_dict())
    shown_two = shows_two_biases(cell, values, two_biases)
    defs = definitions(cell, record.convention, shown_two)
    if keys is None:
        keys = [key for key, _ in defs if key in OUTPUT_KEYS[cell]]
    return worked_steps(cell, record.convention, defs, values, sizes, keys, two_biases=shown_two)
