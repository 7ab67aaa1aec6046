"""Whiteboard drills of the modern cells: biases that put the shown pre-activations on grid points,
and the table of every function value (σ, tanh, exp, log σ, softplus, √n) a hand computation needs.

Arguments that depend on earlier results (exp(a_i − m_t), exp(Δ A)) are listed rounded to two
decimals, so a value read from the table is within the whiteboard tolerance of the exact one.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

import numpy as np
import numpy.typing as npt

from quizapp.drills.whiteboard import GRID

Array = npt.NDArray[np.float64]

# Per cell: (bias, the part of the pre-activation that is not the bias) for every grid pre-activation.
_AFFINE: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "mingru": (("b_z", ("W_z",)), ("b_h", ("W_h",))),
    "minlstm": (("b_f", ("W_f",)), ("b_i", ("W_i",)), ("b_h", ("W_h",))),
    "slstm": tuple((f"b_{k}", (f"W_{k}", f"U_{k}")) for k in "zifo"),
    "mlstm": (("b_i", ("w_i",)), ("b_f", ("w_f",)), ("b_o", ("W_o",))),
    "ssm": (("b_delta", ("W_delta",)),),
    "linear_attention": (("b_q", ("W_q",)), ("b_k", ("W_k",))),
}  # fmt: skip


def modern_grid_biases(
    cell: str,
    convention: str,
    params: Mapping[str, Array],
    inputs: Mapping[str, Array],
    rng: np.random.Generator,
) -> dict[str, Array]:
    """Parameters whose biases put every argument of σ, tanh, exp, softplus or φ that is computed
    from shown numbers on the grid (the minGRU/minLSTM candidate only in the log-space form)."""
    out = {name: np.array(value) for name, value in params.items()}
    x = inputs["x"]
    for bias, weights in _AFFINE[cell]:
        if bias == "b_h" and convention != "log_space":
            continue
        rest = np.zeros_like(out[bias])
        for weight in weights:
            vector = inputs["h"] if weight.startswith("U_") else x
            rest = rest + np.atleast_1d(out[weight] @ vector)
        target = rng.choice(np.array(GRID), size=out[bias].shape)
        out[bias] = np.round(target - rest, 2) + 0.0
    return out


def _label(function: str, argument: float) -> str:
    text = f"{round(argument, 2):.2f}".rstrip("0").rstrip(".")
    return f"{function}({'0' if text in ('-0', '') else text})"


def _sigmoid(a: float) -> float:
    return 0.5 * (1.0 + math.tanh(0.5 * a))


_FUNCTIONS: dict[str, Callable[[float], float]] = {
    "σ": _sigmoid,
    "tanh": math.tanh,
    "exp": math.exp,
    "log σ": lambda a: math.log(_sigmoid(a)),
    "softplus": lambda a: math.log1p(math.exp(a)),
}


def _entries(function: str, values: object) -> set[tuple[str, float, float]]:
    out = set()
    for value in np.ravel(np.asarray(values, dtype=np.float64)):
        argument = round(float(value), 2) + 0.0
        out.add((_label(function, argument), round(_FUNCTIONS[function](argument), 4), argument))
    return out


def _xlstm_entries(
    cell: str, convention: str, v: Mapping[str, Array], m_prev: Array
) -> set[tuple[str, float, float]]:
    entries = _entries("exp", v["a_i"])
    if convention == "exp":
        entries |= _entries("exp", v["a_f"])
        log_f = v["a_f"]
    else:
        entries |= _entries("σ", v["a_f"]) | _entries("log σ", v["a_f"])
        log_f = np.log(v["f"])
    entries |= _entries("σ", v["a_o"])
    entries |= _entries("exp", v["a_i"] - v["m"]) | _entries("exp", log_f + m_prev - v["m"])
    if cell == "slstm":
        entries |= _entries("tanh", v["a_z"])
    else:
        entries |= _entries("exp", -v["m"])
    return entries


def modern_lookup_table(
    cell: str, convention: str, values: Mapping[str, Array], inputs: Mapping[str, Array]
) -> tuple[tuple[str, float], ...]:
    """The function values a hand computation of this step needs (four decimals)."""
    entries: set[tuple[str, float, float]] = set()
    if cell == "mingru":
        entries = _entries("σ", values["a_z"])
    elif cell == "minlstm":
        entries = _entries("σ", values["a_f"]) | _entries("σ", values["a_i"])
    elif cell in ("slstm", "mlstm"):
        entries = _xlstm_entries(cell, convention, values, inputs["m"])
    elif cell == "ssm":
        delta = values["delta"]
        exponents = np.asarray(values["A_bar"]).reshape(len(delta), -1)
        entries = _entries("softplus", values["a_delta"])
        entries |= _entries("exp", np.log(exponents))
    else:
        for key in ("q", "k"):
            entries |= _entries("exp", values[key][values[key] <= 0])
    if cell in ("mingru", "minlstm") and convention == "log_space":
        entries |= _entries("σ", values["a_h"][values["a_h"] < 0])
    ordered = sorted(entries, key=lambda e: (e[0].split("(")[0], e[2]))
    table = [(label, value) for label, value, _ in ordered]
    if cell == "mlstm":
        size = np.size(values["q"])
        table.append((f"√{size}", round(math.sqrt(size), 4)))
    return tuple(table)
