"""Converters between the spec's per-gate names and PyTorch's and Keras's stacked layouts.

PyTorch stacks gates by rows: ``weight_ih`` (G·n × d), ``weight_hh`` (G·n × n), ``bias_ih`` and
``bias_hh`` (G·n); LSTM blocks are ordered i, f, g, o and GRU blocks r, z, n. Keras stores kernels
transposed (d × G·n, used as ``x · K``) with LSTM columns i, f, c, o and GRU columns z, r, h; its LSTM
has one bias, its GRU a (2, 3n) bias when ``reset_after=True`` (input row, recurrent row). Neither
framework is imported.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from engine.errors import EngineError, ShapeError
from engine.params import Array, Params, as_array, check_params

TORCH_ORDER: dict[str, tuple[str, ...]] = {"rnn": ("",), "lstm": tuple("ifgo"), "gru": tuple("rzn")}
KERAS_ORDER: dict[str, tuple[str, ...]] = {"rnn": ("",), "lstm": tuple("ifgo"), "gru": tuple("zrn")}
TORCH_KEYS: tuple[str, ...] = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
KERAS_KEYS: tuple[str, ...] = ("kernel", "recurrent_kernel", "bias")


def _name(prefix: str, gate: str) -> str:
    return f"{prefix}_{gate}" if gate else prefix


def _order(table: dict[str, tuple[str, ...]], cell: str, layout: str) -> tuple[str, ...]:
    if cell not in table:
        raise EngineError(f"the {layout} layout is defined for {', '.join(table)}, not {cell!r}")
    return table[cell]


def _matrix(layout: Mapping[str, object], key: str, rows: int | None = None) -> Array:
    if key not in layout:
        raise EngineError(f"missing {key!r}")
    array = as_array(layout[key], key)
    if array.ndim != 2 or (rows is not None and array.shape[0] != rows):
        expected = f"({rows}, …)" if rows is not None else "a matrix"
        raise ShapeError(f"{key}: got shape {array.shape}, expected {expected}")
    return array


def from_torch(cell: str, layout: Mapping[str, object]) -> Params:
    """Per-gate parameters from ``weight_ih``, ``weight_hh``, ``bias_ih`` and optional ``bias_hh``."""
    gates = _order(TORCH_ORDER, cell, "PyTorch")
    unknown = sorted(set(layout) - set(TORCH_KEYS))
    if unknown:
        raise EngineError(f"unknown PyTorch parameter {unknown[0]!r}; expected {TORCH_KEYS}")
    weight_hh = _matrix(layout, "weight_hh")
    n = weight_hh.shape[1]
    blocks = len(gates)
    weight_ih = _matrix(layout, "weight_ih", blocks * n)
    if weight_hh.shape != (blocks * n, n):
        raise ShapeError(f"weight_hh: got shape {weight_hh.shape}, expected {(blocks * n, n)}")
    biases = {}
    for key in ("bias_ih", "bias_hh"):
        if key in layout:
            biases[key] = as_array(layout[key], key)
        elif key == "bias_ih":
            raise EngineError("missing 'bias_ih'")
        else:
            biases[key] = np.zeros(blocks * n)
        if biases[key].shape != (blocks * n,):
            raise ShapeError(f"{key}: got shape {biases[key].shape}, expected {(blocks * n,)}")
    params: dict[str, Array] = {}
    for index, gate in enumerate(gates):
        rows = slice(index * n, (index + 1) * n)
        params[_name("W", gate)] = weight_ih[rows]
        params[_name("U", gate)] = weight_hh[rows]
        params[_name("b", gate)] = biases["bias_ih"][rows]
        params[_name("bh", gate)] = biases["bias_hh"][rows]
    return check_params(cell, params, weight_ih.shape[1], n)


def to_torch(cell: str, params: Params) -> dict[str, Array]:
    """PyTorch's stacked ``weight_ih``, ``weight_hh``, ``bias_ih``, ``bias_hh`` from per-gate names."""
    gates = _order(TORCH_ORDER, cell, "PyTorch")
    first = params[_name("W", gates[0])]
    checked = check_params(cell, params, first.shape[1], first.shape[0])
    return {
        "weight_ih": np.concatenate([checked[_name("W", g)] for g in gates]),
        "weight_hh": np.concatenate([checked[_name("U", g)] for g in gates]),
        "bias_ih": np.concatenate([checked[_name("b", g)] for g in gates]),
        "bias_hh": np.concatenate([checked[_name("bh", g)] for g in gates]),
    }


def from_keras(cell: str, layout: Mapping[str, object]) -> Params:
    """Per-gate parameters from Keras's ``kernel``, ``recurrent_kernel`` and ``bias``.

    A GRU bias of shape (2, 3n) is Keras's ``reset_after=True`` form: row 0 is the input-side bias and
    row 1 the recurrent one (the ``pytorch`` convention); a (3n,) bias is ``reset_after=False`` (``d2l``).
    """
    gates = _order(KERAS_ORDER, cell, "Keras")
    kernel = _matrix(layout, "kernel")
    recurrent = _matrix(layout, "recurrent_kernel")
    n = recurrent.shape[0]
    blocks = len(gates)
    if recurrent.shape != (n, blocks * n):
        raise ShapeError(
            f"recurrent_kernel: got shape {recurrent.shape}, expected {(n, blocks * n)}"
        )
    if kernel.shape[1] != blocks * n:
        raise ShapeError(f"kernel: got shape {kernel.shape}, expected (d, {blocks * n})")
    bias = as_array(layout.get("bias", np.zeros(blocks * n)), "bias")
    two_rows = bias.shape == (2, blocks * n) and cell == "gru"
    if not two_rows and bias.shape != (blocks * n,):
        raise ShapeError(f"bias: got shape {bias.shape}, expected {(blocks * n,)}")
    input_bias = bias[0] if two_rows else bias
    hidden_bias = bias[1] if two_rows else np.zeros(blocks * n)
    params: dict[str, Array] = {}
    for index, gate in enumerate(gates):
        cols = slice(index * n, (index + 1) * n)
        params[_name("W", gate)] = kernel[:, cols].T
        params[_name("U", gate)] = recurrent[:, cols].T
        params[_name("b", gate)] = input_bias[cols]
        params[_name("bh", gate)] = hidden_bias[cols]
    return check_params(cell, params, kernel.shape[0], n)


def to_keras(cell: str, params: Params, *, reset_after: bool = True) -> dict[str, Array]:
    """Keras's ``kernel``, ``recurrent_kernel`` and ``bias`` from per-gate names.

    Keras's LSTM and SimpleRNN have one bias, so the two biases are summed; the GRU keeps both rows when
    ``reset_after`` is true.
    """
    gates = _order(KERAS_ORDER, cell, "Keras")
    first = params[_name("W", gates[0])]
    checked = check_params(cell, params, first.shape[1], first.shape[0])
    kernel = np.concatenate([checked[_name("W", g)].T for g in gates], axis=1)
    recurrent = np.concatenate([checked[_name("U", g)].T for g in gates], axis=1)
    input_bias = np.concatenate([checked[_name("b", g)] for g in gates])
    hidden_bias = np.concatenate([checked[_name("bh", g)] for g in gates])
    if cell == "gru" and reset_after:
        bias = np.stack([input_bias, hidden_bias])
    elif cell == "gru" and np.any(hidden_bias != 0):
        raise EngineError("a GRU with reset_after=False has one bias; bh_* must be zero")
    else:
        bias = input_bias + hidden_bias
    return {"kernel": kernel, "recurrent_kernel": recurrent, "bias": bias}
