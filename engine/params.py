"""Parameters by the spec's per-gate names: which a cell has, their shapes, checks and random draws.

For a gate ``k`` the names are ``W_k`` (n×d, multiplies x), ``U_k`` (n×n, multiplies h), ``b_k`` (n)
and ``bh_k`` (n, PyTorch's hidden-side bias, zero when absent). Peephole vectors are ``p_i, p_f, p_o``;
the SRU has ``v_f, v_r`` and ``W_c``; the depth gate has ``W_d, w_cd, w_ld, b_d``. The plain RNN and the
clockwork RNN use ``W, U, b, bh``. The modern cells (``MODERN_CELLS``) name theirs in
``engine.modern.shapes``; ``CELLS`` lists the classic cells only.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import numpy as np
import numpy.typing as npt

from engine.errors import EngineError, NonFiniteError, ShapeError, UnknownNameError
from engine.modern.shapes import MODERN_CELLS, MODERN_CONVENTIONS, modern_param_shapes

Array = npt.NDArray[np.float64]
Params = Mapping[str, Array]

CELLS: tuple[str, ...] = (
    "rnn",
    "lstm",
    "peephole",
    "cifg",
    "gru",
    "mgu",
    "sru",
    "clockwork",
    "depth_gated",
)
CONVENTIONS: dict[str, tuple[str, ...]] = {
    "rnn": ("tanh", "relu"),
    "gru": ("pytorch", "d2l", "colah"),
    **MODERN_CONVENTIONS,
}
# Gates (and candidates) that follow the W_k x + U_k h + b_k + bh_k pattern, in the spec's order.
GATES: dict[str, tuple[str, ...]] = {
    "lstm": ("i", "f", "g", "o"),
    "peephole": ("i", "f", "g", "o"),
    "cifg": ("f", "g", "o"),
    "gru": ("r", "z", "n"),
    "mgu": ("f", "n"),
    "depth_gated": ("i", "f", "g", "o"),
}
HAS_CELL_STATE: frozenset[str] = frozenset({"lstm", "peephole", "cifg", "sru", "depth_gated"})


def default_convention(cell: str) -> str:
    """The convention used when none is given ("standard" for cells that have only one)."""
    check_cell(cell)
    return CONVENTIONS[cell][0] if cell in CONVENTIONS else "standard"


def check_cell(cell: str) -> None:
    """Refuse an unknown cell name (classic or modern)."""
    if cell not in CELLS and cell not in MODERN_CELLS:
        known = ", ".join((*CELLS, *MODERN_CELLS))
        raise UnknownNameError(f"unknown cell {cell!r}; expected one of: {known}")


def resolve_convention(cell: str, convention: str | None) -> str:
    """The convention to use for ``cell``; refuses one the cell does not have."""
    check_cell(cell)
    if convention is None:
        return default_convention(cell)
    allowed = CONVENTIONS.get(cell, ("standard",))
    if convention not in allowed:
        raise UnknownNameError(
            f"unknown convention {convention!r} for {cell}; expected one of: {', '.join(allowed)}"
        )
    return convention


def param_shapes(cell: str, d: int, n: int) -> dict[str, tuple[int, ...]]:
    """Every parameter of ``cell`` with its shape; names starting ``bh`` are optional (default 0)."""
    check_cell(cell)
    if cell in MODERN_CELLS:
        return modern_param_shapes(cell, d, n)
    shapes: dict[str, tuple[int, ...]] = {}
    if cell in ("rnn", "clockwork"):
        shapes.update(W=(n, d), U=(n, n), b=(n,), bh=(n,))
    for k in GATES.get(cell, ()):
        shapes.update({f"W_{k}": (n, d), f"U_{k}": (n, n), f"b_{k}": (n,), f"bh_{k}": (n,)})
    if cell in ("peephole", "depth_gated"):
        shapes.update(p_i=(n,), p_f=(n,), p_o=(n,))
    if cell == "depth_gated":
        shapes.update(W_d=(n, d), w_cd=(n,), w_ld=(n,), b_d=(n,))
    if cell == "sru":
        shapes.update(W_f=(n, d), v_f=(n,), b_f=(n,), W_r=(n, d), v_r=(n,), b_r=(n,), W_c=(n, d))
    return shapes


def is_optional(name: str) -> bool:
    """Hidden-side biases may be left out; they then count as zero."""
    return name == "bh" or name.startswith("bh_")


def as_array(value: object, name: str) -> Array:
    """A float64 copy of ``value`` that is read-only and finite, or an EngineError naming ``name``."""
    try:
        array = np.array(value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise EngineError(f"{name}: expected numbers, got {type(value).__name__}") from exc
    if array.dtype == object:  # pragma: no cover - numpy refuses ragged lists with dtype float
        raise EngineError(f"{name}: expected a rectangular array of numbers")
    if not np.all(np.isfinite(array)):
        raise NonFiniteError(f"{name}: contains NaN or infinity; only finite numbers are allowed")
    array.setflags(write=False)
    return array


def check_params(cell: str, params: Mapping[str, object], d: int, n: int) -> Params:
    """Validated, read-only float64 parameters with every optional bias filled in as zeros."""
    shapes = param_shapes(cell, d, n)
    unknown = sorted(set(params) - set(shapes))
    if unknown:
        raise UnknownNameError(
            f"unknown parameter {unknown[0]!r} for {cell}; expected: {', '.join(shapes)}"
        )
    checked: dict[str, Array] = {}
    for name, shape in shapes.items():
        if name not in params:
            if is_optional(name):
                zeros = np.zeros(shape)
                zeros.setflags(write=False)
                checked[name] = zeros
                continue
            raise EngineError(f"missing parameter {name!r} for {cell}; expected shape {shape}")
        array = as_array(params[name], name)
        if array.shape != shape:
            raise ShapeError(f"parameter {name}: got shape {array.shape}, expected {shape}")
        checked[name] = array
    return MappingProxyType(checked)


def random_params(
    cell: str,
    d: int,
    n: int,
    rng: np.random.Generator,
    *,
    scale: float = 0.5,
    decimals: int | None = None,
    two_biases: bool = True,
    periods: tuple[int, ...] | None = None,
) -> Params:
    """Random parameters drawn uniformly from [-scale, scale], optionally rounded to ``decimals``.

    With ``two_biases=False`` the hidden-side biases are zero. The clockwork cell needs ``periods``
    (one per module, n divisible by their number): its U is masked to be block upper-triangular. The
    SSM's A is drawn negative, from [-(0.1 + 2·scale), -0.1].
    """
    if d < 1 or n < 1:
        raise EngineError(f"sizes must be at least 1, got d={d}, n={n}")
    drawn: dict[str, Array] = {}
    for name, shape in param_shapes(cell, d, n).items():
        if is_optional(name) and not two_biases:
            values = np.zeros(shape)
        else:
            values = rng.uniform(-scale, scale, size=shape)
            if decimals is not None:
                values = np.round(values, decimals) + 0.0  # + 0.0 turns -0.0 into 0.0
        drawn[name] = values
    if cell == "clockwork":
        drawn["U"] = drawn["U"] * clockwork_mask(n, periods or (1,))
    if cell == "ssm":
        negative = -rng.uniform(0.1, 0.1 + 2 * scale, size=(d, n))
        drawn["A"] = negative if decimals is None else np.round(negative, decimals)
    for values in drawn.values():
        values.setflags(write=False)
    return MappingProxyType(drawn)


def clockwork_mask(n: int, periods: tuple[int, ...]) -> Array:
    """Block upper-triangular 0/1 mask for U: module i reads module j only when j >= i (slower)."""
    modules = len(periods)
    if modules < 1 or n % modules:
        raise EngineError(f"n={n} hidden units cannot be split into {modules} equal modules")
    size = n // modules
    block = np.triu(np.ones((modules, modules)))
    mask: Array = np.kron(block, np.ones((size, size))).astype(np.float64)
    return mask
