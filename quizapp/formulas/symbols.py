"""The sympy vocabulary the cell equations are written in, and the notation each name prints as.

An equation is a sympy tree over *vector quantities*: one ``Symbol`` per named vector (``x``,
``h_prev``, ``c_prev``, the record keys ``f``, ``a_f``, …, the parameter vectors ``b_f``, ``p_i``, …),
read element-wise (the tree describes unit j). Matrices appear only through ``MatVec(W, v)`` (row j of
``W v``) and ``MatTVec(W, v)`` (row j of ``Wᵀ v``). The builders below make every node with
``evaluate=False`` so the tree keeps the order in which the equation was written; the LaTeX writer
prints it in that order.

``notation(name, cell)`` says how a name prints: vector form (``f_t``, ``W_f``, ``\\tilde{C}_t``) and
element form (``f_{t,j}``, ``W_{f,jk}``), and which index space it lives in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import sympy as sp

# sympy ships no type information; an expression tree is typed as this alias throughout the package.
Expr = Any

Space = Literal["x", "h", "module", "scalar"]
"""Index space of a vector: input units (d), hidden units (n), clockwork modules, or a scalar."""


class sigma(sp.Function):  # type: ignore[misc]  # lower case: printed and lambdified as "sigma"
    """The logistic function σ(a) = 1 / (1 + e^(-a))."""

    nargs = 1


class relu(sp.Function):  # type: ignore[misc]
    """max(a, 0)."""

    nargs = 1


class positive(sp.Function):  # type: ignore[misc]
    """The indicator [a > 0] (ReLU's derivative)."""

    nargs = 1


class MatVec(sp.Function):  # type: ignore[misc]
    """Row j of the matrix-vector product ``W v``: Σ_k W_{jk} v_k (args: the matrix's Symbol, v)."""

    nargs = 2


class MatTVec(sp.Function):  # type: ignore[misc]
    """Row j of ``Wᵀ v``: Σ_k W_{kj} v_k (args: the matrix's Symbol, v)."""

    nargs = 2


def V(name: str) -> Expr:
    """The vector quantity (or scalar, for ``t``) called ``name``."""
    return sp.Symbol(name)


def add(*terms: Expr) -> Expr:
    """A sum kept in the written order."""
    return sp.Add(*terms, evaluate=False)


def mul(*factors: Expr) -> Expr:
    """An element-wise product (⊙) kept in the written order."""
    return sp.Mul(*factors, evaluate=False)


def neg(term: Expr) -> Expr:
    """-term."""
    return sp.Mul(sp.Integer(-1), term, evaluate=False)


def one_minus(term: Expr) -> Expr:
    """1 - term."""
    return add(sp.Integer(1), neg(term))


def minus(left: Expr, right: Expr) -> Expr:
    """left - right."""
    return add(left, neg(right))


def square(term: Expr) -> Expr:
    """term²."""
    return sp.Pow(term, sp.Integer(2), evaluate=False)


def tanh(term: Expr) -> Expr:
    """tanh(term), not simplified (sympy would pull a minus sign out)."""
    return sp.tanh(term, evaluate=False)


def matvec(matrix: str, vector: Expr) -> Expr:
    """``matrix @ vector`` read at unit j."""
    return MatVec(sp.Symbol(matrix), vector)


def matvec_t(matrix: str, vector: Expr) -> Expr:
    """``matrix.T @ vector`` read at unit j."""
    return MatTVec(sp.Symbol(matrix), vector)


def when_divides(then: Expr, otherwise: Expr, step: str, period: str) -> Expr:
    """``then`` if ``step mod period = 0``, else ``otherwise`` (the clockwork's update rule)."""
    condition = sp.Eq(sp.Mod(V(step), V(period), evaluate=False), sp.Integer(0), evaluate=False)
    return sp.Piecewise((then, condition), (otherwise, True), evaluate=False)


@dataclass(frozen=True)
class Notation:
    """How one name prints.

    ``base`` and ``sub`` give the vector form ``base_{sub}``; the element form puts the index after
    ``sub`` (``f_{t,j}``, ``W_{f,jk}``). A matrix has ``columns`` set to the space its columns
    multiply; ``integer`` names (t, periods) print numbers without decimals.
    """

    base: str
    sub: str
    space: Space
    columns: Space | None = None
    integer: bool = False

    @property
    def vector(self) -> str:
        """The vector (or matrix) form."""
        return f"{self.base}_{{{self.sub}}}" if self.sub else self.base

    def element(self, index: str) -> str:
        """The element form for the (already formatted) index, e.g. ``"1"``, ``"j"`` or ``"12"``."""
        if self.sub:
            return f"{self.base}_{{{self.sub},{index}}}"
        return f"{self.base}_{{{index}}}"


_INPUTS: dict[str, Notation] = {
    "x": Notation("x", "t", "x"),
    "h_prev": Notation("h", "t-1", "h"),
    "c_prev": Notation("C", "t-1", "h"),
    "c_low": Notation(r"C^{\ell-1}", "t", "h"),
    "t": Notation("t", "", "scalar", integer=True),
    "T": Notation("T", "", "h", integer=True),  # period of unit j's module
    "P": Notation("T", "", "module", integer=True),  # period of module m
    "dh": Notation(r"\delta h", "t", "h"),
    "dc_in": Notation(r"\delta C^{\mathrm{in}}", "t", "h"),
}
_STATE_KEYS: dict[str, Notation] = {
    "a": Notation("a", "t", "h"),
    "c": Notation("C", "t", "h"),
    "h": Notation("h", "t", "h"),
    "s": Notation("s", "t", "h"),
    "u": Notation("u", "t", "h"),
    "active": Notation(r"\mathrm{active}", "", "module"),
    "da": Notation(r"\delta a", "t", "h"),
    "dc": Notation(r"\delta C", "t", "h"),
    "dc_prev": Notation(r"\delta C", "t-1", "h"),
    "dh_prev": Notation(r"\delta h", "t-1", "h"),
    "dx": Notation(r"\delta x", "t", "x"),
}
_LSTM_FAMILY = frozenset({"lstm", "peephole", "cifg", "depth_gated"})
_LETTERS = frozenset("ifgozrnd")


def notation(name: str, cell: str) -> Notation:
    """How ``name`` prints in ``cell``'s equations; raises KeyError naming an unknown name."""
    if name in _INPUTS:
        return _INPUTS[name]
    if name in _STATE_KEYS:
        return _STATE_KEYS[name]
    if name == "g" and cell in _LSTM_FAMILY:
        return Notation(r"\tilde{C}", "t", "h")
    if name == "n" and cell in ("gru", "mgu"):
        return Notation(r"\tilde{h}", "t", "h")
    if name in _LETTERS:
        return Notation(name, "t", "h")
    head, _, gate = name.partition("_")
    if head == "a" and gate:
        return Notation(f"a^{{{gate}}}", "t", "h")
    if head == "da" and gate:
        return Notation(rf"\delta a^{{{gate}}}", "t", "h")
    if head in ("W", "U"):
        columns: Space = "h" if head == "U" else "x"
        return Notation(head, gate, "h", columns=columns)
    if head in ("b", "p", "v"):
        return Notation(head, gate, "h")
    if head == "bh":
        return Notation("b^{h}", gate, "h")
    if head == "w" and gate:
        return Notation("w", gate, "h")
    raise KeyError(f"no notation for the name {name!r} in cell {cell!r}")
