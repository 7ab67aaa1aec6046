"""Evaluating the sympy definitions with numbers: ``symbolic_step`` (and the backward counterpart).

Each vector tree is turned into an element tree for a symbolic unit index ``idx_j`` (``f`` becomes
``f[idx_j]``, ``MatVec(W_f, x)`` becomes ``W_f[idx_j, 0]*x[0] + W_f[idx_j, 1]*x[1] + …`` for the
concrete d) and compiled with ``sympy.lambdify`` to NumPy; calling it with ``idx_j = arange(n)``
evaluates every unit at once. The trees come only from ``cells`` and ``backward`` (never from text).
This path exists to check the engine: a test requires both to agree to 1e-12.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt
import sympy as sp

from engine.params import check_params, resolve_convention
from quizapp.formulas.cells import Definitions, definitions
from quizapp.formulas.symbols import Expr, MatTVec, MatVec, Space, notation

Array = npt.NDArray[np.float64]
Compiled = tuple[tuple[str, tuple[str, ...], Space, Callable[..., object]], ...]

INDEX = sp.Symbol("idx_j")


def _np_sigma(a: Array) -> Array:
    with np.errstate(over="ignore"):  # e^(-a) overflows to inf for a << 0, and 1 / inf = 0 is right
        result: Array = 1.0 / (1.0 + np.exp(-a))
    return result


_NAMESPACE: dict[str, object] = {
    "sigma": _np_sigma,
    "relu": lambda a: np.maximum(a, 0.0),
    "positive": lambda a: np.asarray(a > 0, dtype=np.float64),
}


def _space_size(space: Space, sizes: Mapping[str, int]) -> int:
    return {"x": sizes["d"], "h": sizes["n"], "module": sizes["modules"], "scalar": 1}[space]


def _element(tree: Expr, index: Expr, cell: str, sizes: Mapping[str, int]) -> Expr:
    """The tree read at ``index`` (a symbol or a whole number), with matrix products written out."""
    if isinstance(tree, sp.Symbol):
        if notation(tree.name, cell).space == "scalar":
            return tree
        return sp.Indexed(tree, index)
    if isinstance(tree, MatVec | MatTVec):
        matrix, vector = tree.args
        note = notation(matrix.name, cell)
        if isinstance(tree, MatVec):
            columns = _space_size(note.columns or "h", sizes)
            terms = [
                sp.Indexed(matrix, index, k) * _element(vector, k, cell, sizes)
                for k in range(columns)
            ]
        else:
            terms = [
                sp.Indexed(matrix, k, index) * _element(vector, k, cell, sizes)
                for k in range(sizes["n"])
            ]
        return sp.Add(*terms)
    if not tree.args:
        return tree
    return tree.func(*(_element(arg, index, cell, sizes) for arg in tree.args))


@lru_cache(maxsize=256)
def _compile(kind: str, cell: str, convention: str, d: int, n: int, modules: int) -> Compiled:
    """Lambdified element functions for every key, cached per cell, convention and sizes."""
    from quizapp.formulas.backward import backward_definitions

    defs: Definitions = (
        definitions(cell, convention, True)
        if kind == "forward"
        else backward_definitions(cell, convention, True)
    )
    sizes = {"d": d, "n": n, "modules": modules}
    compiled = []
    for key, tree in defs:
        element = _element(tree, INDEX, cell, sizes)
        names = tuple(sorted(_free_names(element)))
        function = sp.lambdify(
            [*(sp.Symbol(name) for name in names), INDEX], element, modules=[_NAMESPACE, "numpy"]
        )
        compiled.append((key, names, notation(key, cell).space, function))
    return tuple(compiled)


def _free_names(element: Expr) -> set[str]:
    names: set[str] = set()
    for atom in element.atoms(sp.Indexed, sp.Symbol):
        if isinstance(atom, sp.Indexed):
            names.add(atom.base.label.name)
        elif atom != INDEX:
            names.add(atom.name)
    return names


def run(
    kind: str,
    cell: str,
    convention: str,
    values: dict[str, Array],
    sizes: Mapping[str, int],
) -> dict[str, Array]:
    """Evaluate every definition in order, adding each key's values to ``values``; returns the keys."""
    results: dict[str, Array] = {}
    compiled = _compile(kind, cell, convention, sizes["d"], sizes["n"], sizes["modules"])
    for key, names, space, function in compiled:
        size = _space_size(space, sizes)
        output = function(*(values[name] for name in names), np.arange(size))
        array = np.broadcast_to(np.asarray(output, dtype=np.float64), (size,)).copy()
        values[key] = array
        results[key] = array
    return results


def _as_vector(value: object, name: str) -> Array:
    array = np.asarray(value, dtype=np.float64)
    if array.ndim != 1:
        raise ValueError(
            f"{name}: the symbolic step takes one example, shape (size,); got {array.shape}"
        )
    return array


def input_values(
    cell: str,
    params: Mapping[str, object],
    x: object,
    h: object | None,
    c: object | None = None,
    *,
    c_low: object | None = None,
    t: int | None = None,
    periods: Sequence[int] | None = None,
) -> tuple[dict[str, Array], dict[str, int]]:
    """Named input arrays (x, h_prev, c_prev, c_low, t, T, P and every parameter) and the sizes."""
    x_arr = _as_vector(x, "x")
    values: dict[str, Array] = {"x": x_arr}
    if h is not None:
        values["h_prev"] = _as_vector(h, "h")
    if c is not None:
        values["c_prev"] = _as_vector(c, "c")
    if c_low is not None:
        values["c_low"] = _as_vector(c_low, "c_low")
    n = values["h_prev" if "h_prev" in values else "c_prev"].shape[0]
    values.update(check_params(cell, params, x_arr.shape[0], n))
    modules = 1
    if periods is not None:
        modules = len(periods)
        values["P"] = np.asarray(periods, dtype=np.float64)
        values["T"] = np.repeat(values["P"], n // modules)
    if t is not None:
        values["t"] = np.asarray(float(t))
    return values, {"d": x_arr.shape[0], "n": n, "modules": modules}


def symbolic_step(
    cell: str,
    convention: str | None,
    params: Mapping[str, object],
    x: object,
    h: object | None,
    c: object | None = None,
    *,
    c_low: object | None = None,
    t: int | None = None,
    periods: Sequence[int] | None = None,
) -> dict[str, Array]:
    """Every record key of one forward step, computed from the sympy definitions (one example).

    Same arguments as ``engine.step`` (h is ignored by the SRU); returns arrays of shape (n,)
    (``active`` has one entry per clockwork module).
    """
    convention = resolve_convention(cell, convention)
    values, sizes = input_values(cell, params, x, h, c, c_low=c_low, t=t, periods=periods)
    return run("forward", cell, convention, values, sizes)
