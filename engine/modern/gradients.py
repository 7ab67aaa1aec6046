"""The checked entry of the modern cells' backward step: inputs, upstream gradients, dispatch.

``engine.backward.backward`` calls ``modern_gradients`` for every cell in ``MODERN_CELLS``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from engine.errors import EngineError, ShapeError
from engine.modern.backward import modern_backward
from engine.modern.shapes import STATE_KEYS
from engine.modern.step import checked_inputs, modern_step
from engine.params import Array, as_array

# The step's output besides its state (mingru, minlstm and slstm output their state h).
OUTPUT_NAME: dict[str, str] = {
    "mingru": "h", "minlstm": "h", "slstm": "h", "mlstm": "h", "ssm": "y", "linear_attention": "y",
}  # fmt: skip


def upstream_names(cell: str) -> tuple[str, ...]:
    """The names an upstream gradient may be given for: the new state entries and the output."""
    names = STATE_KEYS[cell]
    return names if OUTPUT_NAME[cell] in names else (*names, OUTPUT_NAME[cell])


def modern_gradients(
    cell: str,
    params: Mapping[str, object],
    x: object,
    h: object | None,
    c: object | None,
    state: Mapping[str, object] | None,
    upstream: Mapping[str, object],
    convention: str,
) -> dict[str, Array]:
    """One checked backward step; upstream gradients absent from ``upstream`` count as zero."""
    checked, x_arr, arrays = checked_inputs(cell, params, x, h, c, state)
    fwd = modern_step(cell, checked, x_arr, None, None, arrays, convention)
    allowed = upstream_names(cell)
    unknown = sorted(set(upstream) - set(allowed))
    if unknown:
        raise EngineError(
            f"no upstream gradient {unknown[0]!r} for {cell}; expected some of: {', '.join(allowed)}"
        )
    if not upstream:
        raise EngineError(f"give at least one upstream gradient for {cell}: {', '.join(allowed)}")
    full: dict[str, Array] = {}
    for name in allowed:
        if name not in upstream:
            full[name] = np.zeros_like(fwd[name])
            continue
        array = as_array(upstream[name], f"d{name}")
        if array.shape == () and fwd[name].shape == (1,):
            array = array.reshape(1)
        if array.shape != fwd[name].shape:
            raise ShapeError(f"d{name}: got shape {array.shape}, expected {fwd[name].shape}")
        full[name] = array
    return modern_backward(checked, fwd, x_arr, arrays, full)
