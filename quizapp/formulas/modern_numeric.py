"""Evaluating and printing the modern cells' element trees (``modern``) with numbers.

``modern_symbolic_step`` compiles each key's trees with ``sympy.lambdify`` and evaluates them in
computing order (this path exists to check the engine; a test holds both to 1e-12).
``substituted`` prints one element's tree with every symbol replaced by its value, for the worked
solution. The trees come only from ``modern.definitions``, never from text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
import sympy as sp

from engine.modern.shapes import STATE_KEYS
from quizapp.formulas.modern import definitions

Array = npt.NDArray[np.float64]

_ELEMENT = re.compile(r"^(?P<name>[A-Za-z_]+)\[(?P<i>\d+)(?:,(?P<j>\d+))?\]$")


def _np_sigma(a: Any) -> Any:
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(a, dtype=np.float64)))


_NAMESPACE: dict[str, object] = {
    "sigma": _np_sigma,
    "softplus": lambda a: np.logaddexp(0.0, a),
    "phi": lambda a: np.where(np.asarray(a) > 0, np.asarray(a) + 1.0, np.exp(np.minimum(a, 0.0))),
    "maximum": np.maximum,
    "ratio": np.divide,
    "g": lambda a: np.where(np.asarray(a) >= 0, np.asarray(a) + 0.5, _np_sigma(a)),
}


def _locate(symbol: sp.Symbol, shapes: Mapping[str, tuple[int, ...]]) -> tuple[str, int]:
    """(array name, flat index) of an element symbol such as ``W_z[1,0]``."""
    match = _ELEMENT.match(symbol.name)
    if match is None:
        raise ValueError(f"not an element symbol: {symbol.name!r}")
    name, i, j = match["name"], int(match["i"]), match["j"]
    if j is None:
        return name, i
    return name, i * shapes[name][1] + int(j)


Compiled = tuple[tuple[str, tuple[tuple[str, int], ...], Callable[..., Any]], ...]


@lru_cache(maxsize=64)
def _compile(cell: str, convention: str, d: int, n: int) -> Compiled:
    from quizapp.formulas.modern import input_shapes

    shapes = input_shapes(cell, d, n)
    compiled = []
    for key, trees in definitions(cell, convention, d, n):
        symbols = sorted({s for tree in trees for s in tree.free_symbols}, key=lambda s: s.name)
        where = tuple(_locate(s, shapes) for s in symbols)
        function = sp.lambdify(symbols, list(trees), modules=[_NAMESPACE, "numpy"])
        compiled.append((key, where, function))
    return tuple(compiled)


def input_values(
    cell: str, params: Mapping[str, object], x: object, state: Mapping[str, object]
) -> dict[str, Array]:
    """Flat arrays of x, the previous state (as ``<key>_prev``) and every parameter."""
    values = {"x": np.ravel(np.asarray(x, dtype=np.float64))}
    for key in STATE_KEYS[cell]:
        values[f"{key}_prev"] = np.ravel(np.asarray(state[key], dtype=np.float64))
    for name, value in params.items():
        values[name] = np.ravel(np.asarray(value, dtype=np.float64))
    return values


def modern_symbolic_step(
    cell: str,
    convention: str,
    params: Mapping[str, object],
    x: object,
    state: Mapping[str, object],
    n: int,
) -> dict[str, Array]:
    """Every record key of one step from the sympy trees, flat (row-major)."""
    values = input_values(cell, params, x, state)
    d = values["x"].size
    results: dict[str, Array] = {}
    for key, where, function in _compile(cell, convention, d, n):
        output = function(*(values[name][index] for name, index in where))
        array = np.asarray(output, dtype=np.float64).ravel()
        values[key] = array
        results[key] = array
    return results


def number(value: float) -> str:
    """A number for a substituted formula: three decimals at most, negative ones in brackets."""
    rounded = round(float(value), 3) + 0.0
    text = f"{rounded:.3f}".rstrip("0").rstrip(".")
    return f"({text})" if rounded < 0 else text


def substituted(
    tree: Any, values: Mapping[str, Array], shapes: Mapping[str, tuple[int, ...]]
) -> str:
    """The element tree in LaTeX with every symbol replaced by its value."""
    names = {}
    for symbol in tree.free_symbols:
        name, index = _locate(symbol, shapes)
        names[symbol] = number(values[name][index])
    text: str = sp.latex(tree, symbol_names=names, order="none", mul_symbol="dot")
    # sympy writes \tanh{\left(a \right)}; the formula layer writes \tanh\left(a\right)
    return text.replace(r"{\left(", r"\left(").replace(r" \right)}", r"\right)")
