"""The checked entry for the modern cells: state assembly, shape checks, dispatch to the pure steps.

``engine.step`` calls ``modern_step`` for every cell in ``MODERN_CELLS``. These cells take one example
(x of shape (d,)); their state is a mapping by the names of ``STATE_KEYS`` (``h`` and ``c`` may also be
passed positionally, as for the classic cells).
"""

from __future__ import annotations

from collections.abc import Mapping

from engine.errors import EngineError, ShapeError
from engine.modern.linear_attention import linear_attention_step
from engine.modern.minimal import mingru_step, minlstm_step
from engine.modern.shapes import STATE_KEYS, state_shapes
from engine.modern.ssm import ssm_step
from engine.modern.xlstm import mlstm_step, slstm_step
from engine.params import Array, Params, as_array, check_params
from engine.record import StepRecord

# The state entry whose shape fixes the cell's size n, and the axis of that shape holding n.
_SIZE_FROM: dict[str, tuple[str, int]] = {
    "mingru": ("h", 0), "minlstm": ("h", 0), "slstm": ("h", 0),
    "mlstm": ("C", 0), "ssm": ("h", 1), "linear_attention": ("S", 0),
}  # fmt: skip
_SYMBOLIC = {"ssm": "({d}, N)"}  # the shape of a matrix state, when not (n, n)


def _gather_state(
    cell: str, h: object | None, c: object | None, state: Mapping[str, object] | None
) -> dict[str, Array]:
    raw: dict[str, object] = dict(state or {})
    for name, value in (("h", h), ("c", c)):
        if value is None:
            continue
        if name not in STATE_KEYS[cell]:
            raise EngineError(
                f"{cell} has no state {name!r}; its state is {', '.join(STATE_KEYS[cell])}"
            )
        if name in raw:
            raise EngineError(f"state {name!r} given twice (positionally and in 'state')")
        raw[name] = value
    unknown = sorted(set(raw) - set(STATE_KEYS[cell]))
    if unknown:
        raise EngineError(
            f"unknown state {unknown[0]!r} for {cell}; expected: {', '.join(STATE_KEYS[cell])}"
        )
    missing = [name for name in STATE_KEYS[cell] if name not in raw]
    if missing:
        raise EngineError(
            f"{cell} needs the previous state {missing[0]!r} (state: {', '.join(STATE_KEYS[cell])})"
        )
    return {name: as_array(raw[name], name) for name in STATE_KEYS[cell]}


def _check_state(cell: str, arrays: dict[str, Array], d: int) -> dict[str, Array]:
    key, axis = _SIZE_FROM[cell]
    first = arrays[key]
    like = state_shapes(cell, d, 1)[key]
    if first.ndim != len(like) or first.shape[axis] == 0:
        what = f"a matrix of shape {_SYMBOLIC.get(cell, '(n, n)').format(d=d)} as nested lists"
        what = what if len(like) == 2 else "a vector of shape (n,)"
        raise ShapeError(f"{key}: got shape {first.shape}, expected {what}")
    n = first.shape[axis]
    checked: dict[str, Array] = {}
    for name, shape in state_shapes(cell, d, n).items():
        array = arrays[name]
        if shape == (1,) and array.shape == ():
            array = array.reshape(1)
        if array.shape != shape:
            raise ShapeError(f"{name}: got shape {array.shape}, expected {shape}")
        checked[name] = array
    return checked


def checked_inputs(
    cell: str,
    params: Mapping[str, object],
    x: object,
    h: object | None,
    c: object | None,
    state: Mapping[str, object] | None,
) -> tuple[Params, Array, dict[str, Array]]:
    """Checked parameters, input x (d,) and state of a modern cell, or an EngineError."""
    x_arr = as_array(x, "x")
    if x_arr.ndim != 1 or x_arr.shape[0] == 0:
        raise ShapeError(f"x: got shape {x_arr.shape}, expected (d,): {cell} takes one example")
    d = x_arr.shape[0]
    arrays = _check_state(cell, _gather_state(cell, h, c, state), d)
    n = arrays[_SIZE_FROM[cell][0]].shape[_SIZE_FROM[cell][1]]
    return check_params(cell, params, d, n), x_arr, arrays


def modern_step(
    cell: str,
    params: Mapping[str, object],
    x: object,
    h: object | None,
    c: object | None,
    state: Mapping[str, object] | None,
    convention: str,
) -> StepRecord:
    """One checked forward step of a modern cell (``convention`` already resolved)."""
    checked, x_arr, arrays = checked_inputs(cell, params, x, h, c, state)
    if cell == "mingru":
        return mingru_step(checked, x_arr, arrays["h"], convention)
    if cell == "minlstm":
        return minlstm_step(checked, x_arr, arrays["h"], convention)
    if cell == "slstm":
        return slstm_step(checked, x_arr, arrays, convention)
    if cell == "mlstm":
        return mlstm_step(checked, x_arr, arrays, convention)
    if cell == "ssm":
        return ssm_step(checked, x_arr, arrays["h"], convention)
    return linear_attention_step(checked, x_arr, arrays)


def next_state(record: StepRecord) -> dict[str, Array]:
    """The state to feed the next step: the record's new values under the cell's state names."""
    return {name: record[name] for name in STATE_KEYS[record.cell]}
