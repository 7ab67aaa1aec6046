"""Whiteboard drills: small numbers a person can work by hand, and the σ/tanh table they need.

Weights and inputs have one decimal. The biases are chosen so that every pre-activation that depends
only on shown numbers lands on a grid point (±0.5, ±1, ±1.5, ±2), so those biases have at most two
decimals. The drill shows a small table with σ and tanh at every argument the work needs; arguments
that cannot land on the grid (C_t, the GRU candidate, a peephole output gate) are listed rounded to two
decimals, and tanh(C_t) is listed beside the values a cell-update mistake would give, so the table does
not give C_t away.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from quizapp.drills.forward import sigmoid
from quizapp.drills.variants import CANDIDATE, SIGMOID_GATES

Array = npt.NDArray[np.float64]

GRID: tuple[float, ...] = (-2.0, -1.5, -1.0, -0.5, 0.5, 1.0, 1.5, 2.0)

# Pre-activations that depend only on shown numbers (not on C_t or on the reset gate).
_ON_GRID: dict[str, tuple[str, ...]] = {
    "rnn": ("",),
    "clockwork": ("",),
    "lstm": ("i", "f", "g", "o"),
    "cifg": ("f", "g", "o"),
    "peephole": ("i", "f", "g"),
    "depth_gated": ("d", "i", "f", "g"),
    "gru": ("r", "z"),
    "mgu": ("f",),
    "sru": ("f", "r"),
}


def _rest(cell: str, gate: str, params: Mapping[str, Array], inputs: Mapping[str, Array]) -> Array:
    """The pre-activation of ``gate`` without its biases."""
    x = inputs["x"]
    if cell == "sru":
        return params[f"W_{gate}"] @ x + params[f"v_{gate}"] * inputs["c"]
    if gate == "d":
        return params["W_d"] @ x + params["w_cd"] * inputs["c"] + params["w_ld"] * inputs["c_low"]
    suffix = f"_{gate}" if gate else ""
    rest: Array = params[f"W{suffix}"] @ x + params[f"U{suffix}"] @ inputs["h"]
    if cell in ("peephole", "depth_gated") and gate in ("i", "f"):
        rest = rest + params[f"p_{gate}"] * inputs["c"]
    return rest


def grid_biases(
    cell: str,
    params: Mapping[str, Array],
    inputs: Mapping[str, Array],
    rng: np.random.Generator,
) -> dict[str, Array]:
    """Parameters whose input-side biases put the shown pre-activations on grid points."""
    out = {name: np.array(value) for name, value in params.items()}
    for gate in _ON_GRID[cell]:
        suffix = f"_{gate}" if gate else ""
        bias = f"b{suffix}"
        hidden = f"bh{suffix}"
        target = rng.choice(np.array(GRID), size=out[bias].shape)
        other = out.get(hidden, 0.0)
        out[bias] = np.round(target - _rest(cell, gate, out, inputs) - other, 2) + 0.0
    return out


def _argument(value: float) -> str:
    text = f"{round(value, 2):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _entry(function: str, argument: float) -> tuple[str, float, float]:
    rounded = round(float(argument), 2)
    value = float(np.tanh(rounded)) if function == "tanh" else float(sigmoid(np.array(rounded)))
    return (f"{function}({_argument(rounded)})", round(value, 4), rounded)


def lookup_table(
    cell: str, convention: str, values: Mapping[str, Array], inputs: Mapping[str, Array]
) -> tuple[tuple[str, float], ...]:
    """σ and tanh at every argument a hand computation of this step needs (4 decimals)."""
    if cell in ("rnn", "clockwork") and convention == "relu":
        return ()
    arguments: set[float] = set()
    for gate in (*SIGMOID_GATES.get(cell, ()), CANDIDATE.get(cell, "")):
        key = f"a_{gate}" if gate else ""
        if key in values:
            arguments.update(float(v) for v in np.ravel(values[key]))
    if cell in ("rnn", "clockwork"):
        arguments.update(float(v) for v in np.ravel(values["a"]))
    entries = {_entry(fn, a) for a in arguments for fn in ("σ", "tanh")}
    if "c" in values and cell != "sru":
        # tanh(C_t) beside tanh at the cells a mistaken update would give, and at C_{t-1}
        f, i, g, c = values["f"], values["i"], values["g"], inputs["c"]
        base = values["d"] * inputs["c_low"] if cell == "depth_gated" else 0.0
        for cell_value in (values["c"], base + i * c + f * g, base + f * c + g, c):
            entries.update(_entry("tanh", float(v)) for v in np.ravel(cell_value))
    ordered = sorted(entries, key=lambda e: (e[0].startswith("tanh"), e[2]))
    return tuple((label, value) for label, value, _ in ordered)
