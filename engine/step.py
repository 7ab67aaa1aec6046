"""``step``: one checked forward step of any cell, by name.

Checks every input (shapes, finiteness, names) and raises an ``EngineError`` that says what was wrong,
then calls the cell's pure step function. The modern cells (``MODERN_CELLS``) go through
``engine.modern.step.modern_step``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from engine.cells.gru import gru_step, mgu_step
from engine.cells.lstm import cifg_step, depth_gated_step, lstm_step, peephole_step
from engine.cells.rnn import READOUTS, clockwork_step, rnn_step
from engine.cells.sru import sru_step
from engine.errors import EngineError, ShapeError, UnknownNameError
from engine.modern.shapes import MODERN_CELLS
from engine.modern.step import modern_step
from engine.params import (
    HAS_CELL_STATE,
    Array,
    as_array,
    check_params,
    resolve_convention,
)
from engine.record import StepRecord

# Cells whose step does not read h_{t-1} (the SRU's recurrence runs through c only).
NO_HIDDEN_INPUT: frozenset[str] = frozenset({"sru"})


def _vector_or_batch(value: object, name: str) -> Array:
    array = as_array(value, name)
    if array.ndim not in (1, 2) or array.shape[-1] == 0:
        raise ShapeError(f"{name}: got shape {array.shape}, expected (size,) or (batch, size)")
    return array


def _check_state(value: object, name: str, like: Array, n: int) -> Array:
    array = _vector_or_batch(value, name)
    expected = (*like.shape[:-1], n)
    if array.shape != expected:
        raise ShapeError(f"{name}: got shape {array.shape}, expected {expected}")
    return array


def _readout_params(params: Mapping[str, object], n: int, kind: str) -> tuple[Array, Array, str]:
    if kind not in READOUTS:
        raise UnknownNameError(f"unknown readout {kind!r}; expected one of: {', '.join(READOUTS)}")
    if "V" not in params or "c_y" not in params:
        raise EngineError("the rnn readout needs both 'V' (m×n) and 'c_y' (m)")
    V = as_array(params["V"], "V")
    if V.ndim != 2 or V.shape[1] != n:
        raise ShapeError(f"parameter V: got shape {V.shape}, expected (m, {n})")
    c_y = as_array(params["c_y"], "c_y")
    if c_y.shape != (V.shape[0],):
        raise ShapeError(f"parameter c_y: got shape {c_y.shape}, expected ({V.shape[0]},)")
    return V, c_y, kind


def step(
    cell: str,
    params: Mapping[str, object],
    x: object,
    h: object | None = None,
    c: object | None = None,
    *,
    convention: str | None = None,
    t: int | None = None,
    periods: Sequence[int] | None = None,
    c_low: object | None = None,
    readout: str = "softmax",
    state: Mapping[str, object] | None = None,
) -> StepRecord:
    """One forward step of ``cell``; returns every named intermediate.

    x is (d,) or (B, d); h and c are (n,) or (B, n). ``c`` is needed by lstm, peephole, cifg,
    depth_gated and sru; ``c_low`` (lower layer's cell) by depth_gated; ``t`` and ``periods`` by clockwork.
    The rnn takes an optional readout: parameters ``V`` (m×n) and ``c_y`` (m) add ``y = ψ(V h' + c_y)``
    with ψ = ``readout`` (softmax, sigmoid or identity).
    The modern cells take one example x (d,) and their previous state as ``state``, a mapping by the
    names of ``engine.modern.shapes.STATE_KEYS`` (``h`` and ``c`` may be given positionally instead).
    """
    convention = resolve_convention(cell, convention)
    if cell in MODERN_CELLS:
        return modern_step(cell, params, x, h, c, state, convention)
    if state is not None:
        raise EngineError(f"{cell} takes its state as h (and c), not as 'state'")
    x_arr = _vector_or_batch(x, "x")
    if cell in NO_HIDDEN_INPUT:
        if c is None:
            raise EngineError(f"{cell} needs the previous cell state 'c'")
        c_arr = _vector_or_batch(c, "c")
        n = c_arr.shape[-1]
        c_arr = _check_state(c_arr, "c", x_arr, n)
        if x_arr.shape[-1] != n:
            raise ShapeError(f"x: the SRU highway needs d = n, got d={x_arr.shape[-1]}, n={n}")
        checked = check_params(cell, params, x_arr.shape[-1], n)
        return sru_step(checked, x_arr, c_arr)
    if h is None:
        raise EngineError(f"{cell} needs the previous hidden state 'h'")
    h_arr = _vector_or_batch(h, "h")
    n = h_arr.shape[-1]
    h_arr = _check_state(h_arr, "h", x_arr, n)
    output = None
    if cell == "rnn" and ("V" in params or "c_y" in params):
        output = _readout_params(params, n, readout)
        params = {k: v for k, v in params.items() if k not in ("V", "c_y")}
    checked = check_params(cell, params, x_arr.shape[-1], n)
    if cell in HAS_CELL_STATE:
        if c is None:
            raise EngineError(f"{cell} needs the previous cell state 'c'")
        c_arr = _check_state(c, "c", x_arr, n)
        if cell == "lstm":
            return lstm_step(checked, x_arr, h_arr, c_arr)
        if cell == "peephole":
            return peephole_step(checked, x_arr, h_arr, c_arr)
        if cell == "cifg":
            return cifg_step(checked, x_arr, h_arr, c_arr)
        if c_low is None:
            raise EngineError("depth_gated needs the lower layer's cell state 'c_low'")
        return depth_gated_step(
            checked, x_arr, h_arr, c_arr, _check_state(c_low, "c_low", x_arr, n)
        )
    if cell == "rnn":
        return rnn_step(checked, x_arr, h_arr, convention, output)
    if cell == "gru":
        return gru_step(checked, x_arr, h_arr, convention)
    if cell == "mgu":
        return mgu_step(checked, x_arr, h_arr)
    # clockwork
    if t is None or periods is None:
        raise EngineError("clockwork needs the step 't' and the module 'periods'")
    if isinstance(t, bool) or not isinstance(t, int | np.integer) or t < 0:
        raise EngineError(f"t: expected a non-negative whole number, got {t!r}")
    return clockwork_step(checked, x_arr, h_arr, int(t), tuple(int(p) for p in periods))
