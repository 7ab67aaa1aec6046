"""Each cell's forward equations, written once as sympy trees (element-wise, for one hidden unit j).

``definitions(cell, convention, two_biases)`` returns ``(key, tree)`` pairs in an order in which they
can be computed; the keys are exactly the engine record's keys (``a_f``, ``f``, …, ``c``, ``h``). The
trees follow /work/shared/spec/cells.md (copied into the engine's docstrings): the LaTeX writer prints
them and ``numeric`` evaluates them, and a test requires that evaluation to agree with the engine.

With ``two_biases`` every affine term carries PyTorch's second, hidden-side bias ``bh_k`` as well;
numbers are always evaluated with it (it defaults to zero), the flag only decides what is shown.
"""

from __future__ import annotations

from functools import cache

import sympy as sp

from engine.params import resolve_convention
from quizapp.formulas.symbols import (
    Expr,
    V,
    add,
    matvec,
    mul,
    one_minus,
    relu,
    sigma,
    tanh,
    when_divides,
)

Definitions = tuple[tuple[str, Expr], ...]

HELPER_KEYS = frozenset({"a", "s", "u"})
"""Record keys that are intermediate sums, not gate values (besides every ``a_k``)."""


def is_helper(key: str) -> bool:
    """Pre-activations and intermediate sums: the writer shows them inlined into later equations."""
    return key in HELPER_KEYS or key.startswith("a_")


def _biases(gate: str, two_biases: bool) -> tuple[Expr, ...]:
    suffix = f"_{gate}" if gate else ""
    return (V(f"b{suffix}"), V(f"bh{suffix}")) if two_biases else (V(f"b{suffix}"),)


def _affine(gate: str, two_biases: bool, *extra: Expr) -> Expr:
    """W_k x + U_k h_{t-1} (+ extra terms) + b_k (+ bh_k); the plain RNN's gate is ``""``."""
    suffix = f"_{gate}" if gate else ""
    return add(
        matvec(f"W{suffix}", V("x")),
        matvec(f"U{suffix}", V("h_prev")),
        *extra,
        *_biases(gate, two_biases),
    )


def _peep(gate: str, cell_state: str) -> Expr:
    return mul(V(f"p_{gate}"), V(cell_state))


def _rnn(convention: str, two_biases: bool) -> Definitions:
    activation = tanh if convention == "tanh" else relu
    return (("a", _affine("", two_biases)), ("h", activation(V("a"))))


def _clockwork(two_biases: bool) -> Definitions:
    return (
        ("a", _affine("", two_biases)),
        ("active", when_divides(sp.Integer(1), sp.Integer(0), "t", "P")),
        ("h", when_divides(tanh(V("a")), V("h_prev"), "t", "T")),
    )


def _gates_before_cell(two_biases: bool, *, peephole: bool) -> Definitions:
    """a_i, a_f, a_g and i, f, g; with peepholes i and f also read the old cell C_{t-1}."""
    peep_i = (_peep("i", "c_prev"),) if peephole else ()
    peep_f = (_peep("f", "c_prev"),) if peephole else ()
    return (
        ("a_i", _affine("i", two_biases, *peep_i)),
        ("a_f", _affine("f", two_biases, *peep_f)),
        ("a_g", _affine("g", two_biases)),
        ("i", sigma(V("a_i"))),
        ("f", sigma(V("a_f"))),
        ("g", tanh(V("a_g"))),
    )


_NEW_CELL: Expr = add(mul(V("f"), V("c_prev")), mul(V("i"), V("g")))
_NEW_HIDDEN: Expr = mul(V("o"), tanh(V("c")))


def _lstm(two_biases: bool) -> Definitions:
    gates = _gates_before_cell(two_biases, peephole=False)
    return (
        *gates[:3],
        ("a_o", _affine("o", two_biases)),
        *gates[3:],
        ("o", sigma(V("a_o"))),
        ("c", _NEW_CELL),
        ("h", _NEW_HIDDEN),
    )


def _output_after_cell(two_biases: bool) -> Definitions:
    """The peephole output gate reads the new cell C_t, so it comes after c."""
    return (
        ("a_o", _affine("o", two_biases, _peep("o", "c"))),
        ("o", sigma(V("a_o"))),
        ("h", _NEW_HIDDEN),
    )


def _peephole(two_biases: bool) -> Definitions:
    return (
        *_gates_before_cell(two_biases, peephole=True),
        ("c", _NEW_CELL),
        *_output_after_cell(two_biases),
    )


def _cifg(two_biases: bool) -> Definitions:
    return (
        ("a_f", _affine("f", two_biases)),
        ("a_g", _affine("g", two_biases)),
        ("a_o", _affine("o", two_biases)),
        ("f", sigma(V("a_f"))),
        ("i", one_minus(V("f"))),
        ("g", tanh(V("a_g"))),
        ("o", sigma(V("a_o"))),
        ("c", _NEW_CELL),
        ("h", _NEW_HIDDEN),
    )


def _depth_gated(two_biases: bool) -> Definitions:
    depth = add(
        matvec("W_d", V("x")),
        mul(V("w_cd"), V("c_prev")),
        mul(V("w_ld"), V("c_low")),
        V("b_d"),
    )
    gates = _gates_before_cell(two_biases, peephole=True)
    return (
        ("a_d", depth),
        *gates[:3],
        ("d", sigma(V("a_d"))),
        *gates[3:],
        ("c", add(mul(V("d"), V("c_low")), mul(V("f"), V("c_prev")), mul(V("i"), V("g")))),
        *_output_after_cell(two_biases),
    )


def _gru(convention: str, two_biases: bool) -> Definitions:
    gates: Definitions = (
        ("a_r", _affine("r", two_biases)),
        ("a_z", _affine("z", two_biases)),
        ("r", sigma(V("a_r"))),
        ("z", sigma(V("a_z"))),
    )
    if convention == "pytorch":
        hidden_side = matvec("U_n", V("h_prev"))
        s = add(hidden_side, V("bh_n")) if two_biases else hidden_side
        candidate: Definitions = (
            ("s", s),
            ("a_n", add(matvec("W_n", V("x")), V("b_n"), mul(V("r"), V("s")))),
        )
    else:
        reset_first = matvec("U_n", mul(V("r"), V("h_prev")))
        biases = _biases("n", two_biases)
        candidate = (("a_n", add(matvec("W_n", V("x")), reset_first, *biases)),)
    z, n, h_prev = V("z"), V("n"), V("h_prev")
    if convention == "pytorch":
        new_h = add(mul(one_minus(z), n), mul(z, h_prev))
    elif convention == "d2l":
        new_h = add(mul(z, h_prev), mul(one_minus(z), n))
    else:  # colah
        new_h = add(mul(one_minus(z), h_prev), mul(z, n))
    return (*gates, *candidate, ("n", tanh(V("a_n"))), ("h", new_h))


def _mgu(two_biases: bool) -> Definitions:
    f = V("f")
    candidate = add(
        matvec("W_n", V("x")), matvec("U_n", mul(f, V("h_prev"))), *_biases("n", two_biases)
    )
    return (
        ("a_f", _affine("f", two_biases)),
        ("f", sigma(V("a_f"))),
        ("a_n", candidate),
        ("n", tanh(V("a_n"))),
        ("h", add(mul(one_minus(f), V("h_prev")), mul(f, V("n")))),
    )


def _sru() -> Definitions:
    f, r = V("f"), V("r")
    return (
        ("a_f", add(matvec("W_f", V("x")), mul(V("v_f"), V("c_prev")), V("b_f"))),
        ("a_r", add(matvec("W_r", V("x")), mul(V("v_r"), V("c_prev")), V("b_r"))),
        ("f", sigma(V("a_f"))),
        ("r", sigma(V("a_r"))),
        ("u", matvec("W_c", V("x"))),
        ("c", add(mul(f, V("c_prev")), mul(one_minus(f), V("u")))),
        ("h", add(mul(r, V("c")), mul(one_minus(r), V("x")))),
    )


@cache
def definitions(cell: str, convention: str | None = None, two_biases: bool = True) -> Definitions:
    """The forward equations of ``cell`` as ``(record key, sympy tree)`` pairs in computing order.

    Raises the engine's UnknownNameError for an unknown cell or convention.
    """
    convention = resolve_convention(cell, convention)
    if cell == "rnn":
        return _rnn(convention, two_biases)
    if cell == "clockwork":
        return _clockwork(two_biases)
    if cell == "lstm":
        return _lstm(two_biases)
    if cell == "peephole":
        return _peephole(two_biases)
    if cell == "cifg":
        return _cifg(two_biases)
    if cell == "depth_gated":
        return _depth_gated(two_biases)
    if cell == "gru":
        return _gru(convention, two_biases)
    if cell == "mgu":
        return _mgu(two_biases)
    return _sru()
