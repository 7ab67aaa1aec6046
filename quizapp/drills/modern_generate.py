"""The one-step drill generator of the modern cells: sizes, parameters and state drawn from the seed,
redrawn until the step carries information and every catalogued mistake stands apart.

The same rules as ``generate`` for the classic cells: one ``numpy.random.default_rng(seed)``, one-
decimal numbers at whiteboard difficulty with grid pre-activations and a table of function values,
two decimals otherwise; the right numbers come from ``engine.step``; the mistakes' numbers from one
batched pass (``modern_forward``), whose row 0 a test holds to the engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import numpy as np
import numpy.typing as npt

import engine
from engine.modern.shapes import MODERN_CELLS, modern_param_shapes, state_shapes
from quizapp.drills.errors import DrillError
from quizapp.drills.fairness import NEAR_HALF, SATURATED, separated
from quizapp.drills.model import Drill, DrillSpec
from quizapp.drills.modern_table import modern_grid_biases, modern_lookup_table
from quizapp.drills.modern_texts import modern_convention_text, modern_prompt
from quizapp.drills.modern_variants import MODERN_SIGMOID_GATES, applies, modern_variants
from quizapp.drills.variants import Batch, forward_alternatives
from quizapp.grading.numeric import Tolerance

Array = npt.NDArray[np.float64]

MAX_ATTEMPTS = 500
LARGEST = 20.0
"""No drawn step may produce a value beyond this (a hand computation stays on a page)."""

# Previous state: (smallest, largest magnitude in tenths, always positive).
_STATE_RANGES: dict[str, tuple[int, int, bool]] = {
    "h": (3, 10, False), "c": (5, 20, False), "n": (5, 20, True), "m": (1, 10, False),
    "C": (1, 10, False), "S": (1, 10, False), "z": (5, 20, True),
}  # fmt: skip
_SSM_STATE = (1, 10, False)


def modern_sizes(cell: str, difficulty: str, rng: np.random.Generator) -> tuple[int, int]:
    """(d, n): n is the hidden size, the mLSTM head, the SSM's N or the attention width."""
    n = 2 if difficulty == "whiteboard" else int(rng.integers(2, 4))
    if cell == "mingru":
        return n, n  # d = n, so that the gate-reads-h mistake can be computed
    if cell == "ssm" and difficulty == "whiteboard":
        return 1, n
    low = 2 if difficulty == "hard" else 1
    high = 3 if difficulty == "whiteboard" or cell == "ssm" else 4
    return int(rng.integers(low, high)), n


def _tenths(rng: np.random.Generator, shape: tuple[int, ...], spec: tuple[int, int, bool]) -> Array:
    smallest, largest, positive = spec
    size = int(np.prod(shape))
    tenths = smallest + np.floor(rng.random(size) * (largest - smallest + 1))
    signs = np.ones(size) if positive else rng.integers(0, 2, size=size) * 2 - 1
    out: Array = (tenths * signs / 10.0).reshape(shape)
    return out


def draw_params(
    cell: str, d: int, n: int, rng: np.random.Generator, decimals: int
) -> dict[str, Array]:
    """Parameters uniform in [-1, 1] rounded to ``decimals``; the SSM's A in [-1, -0.1]."""
    params: dict[str, Array] = {}
    for name, shape in modern_param_shapes(cell, d, n).items():
        params[name] = np.round(rng.uniform(-1.0, 1.0, size=shape), decimals) + 0.0
    if cell == "ssm":
        params["A"] = -np.round(rng.uniform(0.1, 1.0, size=(d, n)), decimals) - 0.0
    return params


def draw_state(cell: str, d: int, n: int, rng: np.random.Generator) -> dict[str, Array]:
    """x_t and the previous state, one decimal."""
    inputs = {"x": _tenths(rng, (d,), (2, 10, False))}
    for key, shape in state_shapes(cell, d, n).items():
        inputs[key] = _tenths(rng, shape, _SSM_STATE if cell == "ssm" else _STATE_RANGES[key])
    return inputs


def sensible(cell: str, values: Mapping[str, Array]) -> bool:
    """Gates carry information, denominators are not tiny, nothing is huge or undefined."""
    for gate in MODERN_SIGMOID_GATES.get(cell, ()):
        g = values[gate]
        if (np.abs(g - 0.5) < NEAR_HALF).all() or (np.abs(g - 0.5) > 0.5 - SATURATED).all():
            return False
    for key in {"slstm": ("n",), "linear_attention": ("den",)}.get(cell, ()):
        if np.any(np.abs(values[key]) < 0.2):
            return False
    every = np.concatenate([np.ravel(v) for v in values.values()])
    return bool(np.all(np.abs(every) < LARGEST))  # False for NaN and ±inf too


def _applicable(batch: Batch, values: Mapping[str, Array]) -> Batch:
    """The batch without the rows of mistakes these numbers cannot show."""
    dropped = {row for row, v in enumerate(batch.variants, start=1) if not applies(v, values)}
    if not dropped:
        return batch
    keep = {key: [r for r in rows if r not in dropped] for key, rows in batch.checked.items()}
    weak = {key: [r for r in rows if r not in dropped] for key, rows in batch.weak.items()}
    return Batch(batch.values, batch.variants, keep, weak)


def _tuple(array: Array) -> tuple[float, ...]:
    return tuple(float(v) for v in np.ravel(array))


def modern_drill(spec: DrillSpec, asked: tuple[str, ...]) -> Drill:
    """A fair one-step drill of a modern cell (``spec`` already checked, ``asked`` expanded)."""
    cell, convention = spec.cell, spec.convention
    whiteboard = spec.difficulty == "whiteboard"
    tolerance = Tolerance()
    rng = np.random.default_rng(spec.seed)
    for attempt in range(1, MAX_ATTEMPTS + 1):  # noqa: B007 (reported in the drill)
        d, n = modern_sizes(cell, spec.difficulty, rng)
        params = draw_params(cell, d, n, rng, 1 if whiteboard else 2)
        inputs = draw_state(cell, d, n, rng)
        if whiteboard:
            params = modern_grid_biases(cell, convention, params, inputs, rng)
        variants = modern_variants(cell, convention, d, n)
        batch, values = forward_alternatives(cell, convention, params, inputs, variants, asked)
        if not sensible(cell, values):
            continue
        batch = _applicable(batch, values)
        if all(np.all(np.isfinite(v)) for v in batch.values.values()) and separated(
            batch, tolerance
        ):
            break
    else:
        raise DrillError(
            f"could not draw a fair {spec.difficulty} drill of {cell} asking {', '.join(asked)} "
            f"in {MAX_ATTEMPTS} attempts; ask fewer quantities or choose another difficulty"
        )
    from quizapp.drills.generate import _alternatives, _frozen, _read_only

    state = {key: value for key, value in inputs.items() if key != "x"}
    record = engine.step(cell, params, inputs["x"], state=state, convention=convention)
    table = modern_lookup_table(cell, convention, record.values, inputs) if whiteboard else ()
    return Drill(
        spec=spec, d=d, n=n, inputs=_frozen({k: _tuple(v) for k, v in inputs.items()}),
        params=_read_only(params), record=record, asked=asked,
        expected=_frozen({key: _tuple(record[key]) for key in asked}),
        convention_text=modern_convention_text(cell, convention),
        prompt=modern_prompt(cell, asked, whiteboard), lookup_table=table,
        extra=MappingProxyType({"layout": "per-gate"}),
        alternatives=MappingProxyType({key: _alternatives(batch, key) for key in asked}),
        tolerance=tolerance, attempts=attempt,
    )  # fmt: skip


def input_arrays(drill: Drill) -> dict[str, Array]:
    """The drill's inputs in their shapes (a matrix state as a matrix), for printing."""
    if drill.spec.cell not in MODERN_CELLS:
        return {key: np.asarray(value) for key, value in drill.inputs.items()}
    shapes = state_shapes(drill.spec.cell, drill.d, drill.n)
    shapes["h_0"] = shapes.get("h", (drill.n,))
    return {
        key: np.asarray(value).reshape(shapes[key]) if key in shapes else np.asarray(value)
        for key, value in drill.inputs.items()
    }
