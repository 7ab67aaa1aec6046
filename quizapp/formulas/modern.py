"""The modern cells' equations as sympy trees, one tree per element of every record key.

The classic cells are written once per hidden unit j (``cells``); the modern ones keep matrices in
their state (the mLSTM's C_t, the SSM's d×N h_t, linear attention's S_t) and scalar gates, so here
every key is a list of element trees (row-major for a matrix) over named element symbols
(``W_z[0,1]``, ``x[1]``, ``C_prev[0,1]``, the earlier keys' elements ``z[0]`` …). ``definitions``
builds them, ``modern_symbolic_step`` evaluates them with ``sympy.lambdify`` (a test holds the result
to the engine at 1e-12), and ``worked`` prints them with every symbol replaced by its number.

Equations: Feng et al. 2024 (minGRU, minLSTM; reference minGRU-pytorch's g), Beck et al. 2024
(sLSTM eqs. 8–17 and mLSTM eqs. 19–27, with the xlstm package's stabilised state), Gu & Dao 2023
(Mamba's selective step, ``selective_scan_ref``), Katharopoulos et al. 2020 (eqs. 16–20).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import sympy as sp

from engine.modern.shapes import modern_param_shapes, state_shapes
from quizapp.formulas.symbols import add, mul, neg, one_minus, sigma

Expr = Any
Elements = list[Expr]  # a key's elements, row-major
Env = dict[str, Elements]


class softplus(sp.Function):  # type: ignore[misc]  # lower case: printed and lambdified by name
    """log(1 + e^a)."""

    nargs = 1

    def _latex(self, printer: Any) -> str:
        return rf"\mathrm{{softplus}}\left({printer._print(self.args[0])}\right)"


class phi(sp.Function):  # type: ignore[misc]
    """elu(a) + 1: a + 1 for a > 0, e^a otherwise."""

    nargs = 1

    def _latex(self, printer: Any) -> str:
        return rf"\phi\left({printer._print(self.args[0])}\right)"


class g(sp.Function):  # type: ignore[misc]
    """The minGRU reference's g: a + 0.5 for a ≥ 0, σ(a) otherwise."""

    nargs = 1

    def _latex(self, printer: Any) -> str:
        return rf"g\left({printer._print(self.args[0])}\right)"


def _exp(a: Expr) -> Expr:
    return sp.exp(a, evaluate=False)


def _log(a: Expr) -> Expr:
    return sp.log(a, evaluate=False)


class ratio(sp.Function):  # type: ignore[misc]
    """a / b, printed on one line (``\\frac`` would stack the numbers)."""

    nargs = 2

    def _latex(self, printer: Any) -> str:
        a, b = (
            rf"\left({printer._print(arg)}\right)" if arg.is_Add else printer._print(arg)
            for arg in self.args
        )
        return f"{a} / {b}"


def _div(a: Expr, b: Expr) -> Expr:
    return ratio(a, b)


class maximum(sp.Function):  # type: ignore[misc]
    """max(a, b), kept in the written order (sympy's Max sorts its arguments)."""

    nargs = 2

    def _latex(self, printer: Any) -> str:
        a, b = (printer._print(arg) for arg in self.args)
        return rf"\max\left({a},\ {b}\right)"


def _max(a: Expr, b: Expr) -> Expr:
    return maximum(a, b)


def element_symbols(name: str, shape: tuple[int, ...]) -> Elements:
    """The symbols of one named array, row-major: ``x[0]``, ``W_z[1,0]``."""
    if len(shape) == 1:
        return [sp.Symbol(f"{name}[{i}]") for i in range(shape[0])]
    return [sp.Symbol(f"{name}[{i},{j}]") for i in range(shape[0]) for j in range(shape[1])]


def _row(matrix: Elements, row: int, columns: int) -> Elements:
    return matrix[row * columns : (row + 1) * columns]


def _dot(left: Elements, right: Elements) -> Expr:
    return add(*(mul(a, b) for a, b in zip(left, right, strict=True)))


def _affine(
    env: Env, weight: str, vectors: tuple[str, ...], bias: str | None, rows: int
) -> Elements:
    """Row j of W x (+ U h) (+ b), one flat sum: ``weight`` names the matrices, joined by "+"."""
    out = []
    for j in range(rows):
        terms = []
        for matrix, vector in zip(weight.split("+"), vectors, strict=True):
            row = _row(env[matrix], j, len(env[vector]))
            terms += [mul(w, v) for w, v in zip(row, env[vector], strict=True)]
        if bias is not None:
            terms.append(env[bias][j])
        out.append(add(*terms))
    return out


Builder = Callable[[Env], Elements]


def _mingru(convention: str, d: int, n: int) -> list[tuple[str, Builder]]:
    cand = g if convention == "log_space" else (lambda a: a)
    return [
        ("a_z", lambda e: _affine(e, "W_z", ("x",), "b_z", n)),
        ("z", lambda e: [sigma(a) for a in _affine(e, "W_z", ("x",), "b_z", n)]),
        ("a_h", lambda e: _affine(e, "W_h", ("x",), "b_h", n)),
        ("h_tilde", lambda e: [cand(a) for a in _affine(e, "W_h", ("x",), "b_h", n)]),
        ("h", lambda e: [add(mul(one_minus(z), h), mul(z, c))
                         for z, h, c in zip(e["z"], e["h_prev"], e["h_tilde"], strict=True)]),
    ]  # fmt: skip


def _minlstm(convention: str, d: int, n: int) -> list[tuple[str, Builder]]:
    cand = g if convention == "log_space" else (lambda a: a)
    plain = convention == "unnormalised"

    def prime(e: Env, key: str) -> Elements:
        if plain:
            return list(e[key])
        return [_div(own, add(f, i)) for own, f, i in zip(e[key], e["f"], e["i"], strict=True)]

    return [
        ("a_f", lambda e: _affine(e, "W_f", ("x",), "b_f", n)),
        ("a_i", lambda e: _affine(e, "W_i", ("x",), "b_i", n)),
        ("a_h", lambda e: _affine(e, "W_h", ("x",), "b_h", n)),
        ("f", lambda e: [sigma(a) for a in _affine(e, "W_f", ("x",), "b_f", n)]),
        ("i", lambda e: [sigma(a) for a in _affine(e, "W_i", ("x",), "b_i", n)]),
        ("h_tilde", lambda e: [cand(a) for a in _affine(e, "W_h", ("x",), "b_h", n)]),
        ("f_prime", lambda e: prime(e, "f")),
        ("i_prime", lambda e: prime(e, "i")),
        ("h", lambda e: [add(mul(f, h), mul(i, c)) for f, h, i, c in
                         zip(e["f_prime"], e["h_prev"], e["i_prime"], e["h_tilde"], strict=True)]),
    ]  # fmt: skip


def _forget(convention: str) -> Callable[[Expr], Expr]:
    return _exp if convention == "exp" else sigma


def _stabiliser(keys_i: str) -> list[tuple[str, Builder]]:
    """m, i′, f′ (element-wise over the gates; ``keys_i`` is a_i)."""
    return [
        ("m", lambda e: [_max(add(_log(f), m), a) for f, m, a in
                         zip(e["f"], e["m_prev"], e[keys_i], strict=True)]),
        ("i_prime", lambda e: [_exp(add(a, neg(m))) for a, m in zip(e[keys_i], e["m"], strict=True)]),
        ("f_prime", lambda e: [_exp(add(_log(f), mp, neg(m))) for f, mp, m in
                               zip(e["f"], e["m_prev"], e["m"], strict=True)]),
    ]  # fmt: skip


def _slstm(convention: str, d: int, n: int) -> list[tuple[str, Builder]]:
    forget = _forget(convention)

    def pre(k: str) -> Builder:
        return lambda e: _affine(e, f"W_{k}+U_{k}", ("x", "h_prev"), f"b_{k}", n)

    defs: list[tuple[str, Builder]] = [(f"a_{k}", pre(k)) for k in "zifo"]
    defs += [
        ("z", lambda e: [sp.tanh(a, evaluate=False) for a in pre("z")(e)]),
        ("i", lambda e: [_exp(a) for a in pre("i")(e)]),
        ("f", lambda e: [forget(a) for a in pre("f")(e)]),
        ("o", lambda e: [sigma(a) for a in pre("o")(e)]),
        *_stabiliser("a_i"),
        ("c", lambda e: [add(mul(f, c), mul(i, z)) for f, c, i, z in
                         zip(e["f_prime"], e["c_prev"], e["i_prime"], e["z"], strict=True)]),
        ("n", lambda e: [add(mul(f, m), i) for f, m, i in
                         zip(e["f_prime"], e["n_prev"], e["i_prime"], strict=True)]),
        ("h", lambda e: [mul(o, _div(c, m)) for o, c, m in zip(e["o"], e["c"], e["n"], strict=True)]),
    ]  # fmt: skip
    return defs


def _mlstm(convention: str, d: int, n: int) -> list[tuple[str, Builder]]:
    forget = _forget(convention)

    def scalar(name: str) -> Builder:
        return lambda e: [
            add(
                *(mul(w, v) for w, v in zip(e[f"w_{name}"], e["x"], strict=True)), e[f"b_{name}"][0]
            )
        ]

    root = sp.sqrt(sp.Integer(n), evaluate=False)
    return [
        ("q", lambda e: _affine(e, "W_q", ("x",), "b_q", n)),
        ("a_k", lambda e: _affine(e, "W_k", ("x",), "b_k", n)),
        ("k", lambda e: [_div(a, root) for a in e["a_k"]]),
        ("v", lambda e: _affine(e, "W_v", ("x",), "b_v", n)),
        ("a_i", scalar("i")),
        ("a_f", scalar("f")),
        ("a_o", lambda e: _affine(e, "W_o", ("x",), "b_o", n)),
        ("i", lambda e: [_exp(e["a_i"][0])]),
        ("f", lambda e: [forget(e["a_f"][0])]),
        ("o", lambda e: [sigma(a) for a in _affine(e, "W_o", ("x",), "b_o", n)]),
        *_stabiliser("a_i"),
        ("C", lambda e: [add(mul(e["f_prime"][0], e["C_prev"][j * n + m]),
                             mul(e["i_prime"][0], e["v"][j], e["k"][m]))
                         for j in range(n) for m in range(n)]),
        ("n", lambda e: [add(mul(e["f_prime"][0], p), mul(e["i_prime"][0], k)) for p, k in
                         zip(e["n_prev"], e["k"], strict=True)]),
        ("num", lambda e: [_dot(_row(e["C"], j, n), e["q"]) for j in range(n)]),
        ("qn", lambda e: [_dot(e["n"], e["q"])]),
        ("den", lambda e: [_max(sp.Abs(e["qn"][0], evaluate=False), _exp(neg(e["m"][0])))]),
        ("h_tilde", lambda e: [_div(a, e["den"][0]) for a in e["num"]]),
        ("h", lambda e: [mul(o, h) for o, h in zip(e["o"], e["h_tilde"], strict=True)]),
    ]  # fmt: skip


def _ssm(convention: str, d: int, n: int) -> list[tuple[str, Builder]]:
    def hold(e: Env, j: int, s: int) -> Expr:
        """Δ_j ("simplified") or (exp(Δ_j A_js) − 1) / A_js (the exact zero-order hold)."""
        if convention != "zoh":
            return e["delta"][j]
        dA = mul(e["delta"][j], e["A"][j * n + s])
        return _div(add(_exp(dA), sp.Integer(-1)), e["A"][j * n + s])

    return [
        ("a_delta", lambda e: _affine(e, "W_delta", ("x",), "b_delta", d)),
        ("delta", lambda e: [softplus(a) for a in _affine(e, "W_delta", ("x",), "b_delta", d)]),
        ("B", lambda e: _affine(e, "W_B", ("x",), None, n)),
        ("C", lambda e: _affine(e, "W_C", ("x",), None, n)),
        ("A_bar", lambda e: [_exp(mul(e["delta"][j], e["A"][j * n + s]))
                             for j in range(d) for s in range(n)]),
        ("B_bar", lambda e: [mul(hold(e, j, s), e["B"][s]) for j in range(d) for s in range(n)]),
        ("h", lambda e: [add(mul(e["A_bar"][j * n + s], e["h_prev"][j * n + s]),
                             mul(e["B_bar"][j * n + s], e["x"][j]))
                         for j in range(d) for s in range(n)]),
        ("y", lambda e: [add(_dot(_row(e["h"], j, n), e["C"]), mul(e["D"][j], e["x"][j]))
                         for j in range(d)]),
    ]  # fmt: skip


def _linear_attention(convention: str, d: int, n: int) -> list[tuple[str, Builder]]:
    return [
        ("q", lambda e: _affine(e, "W_q", ("x",), "b_q", n)),
        ("k", lambda e: _affine(e, "W_k", ("x",), "b_k", n)),
        ("v", lambda e: _affine(e, "W_v", ("x",), "b_v", n)),
        ("phi_q", lambda e: [phi(a) for a in e["q"]]),
        ("phi_k", lambda e: [phi(a) for a in e["k"]]),
        ("S", lambda e: [add(e["S_prev"][j * n + m], mul(e["phi_k"][j], e["v"][m]))
                         for j in range(n) for m in range(n)]),
        ("z", lambda e: [add(p, k) for p, k in zip(e["z_prev"], e["phi_k"], strict=True)]),
        ("num", lambda e: [_dot([e["S"][j * n + m] for j in range(n)], e["phi_q"])
                           for m in range(n)]),
        ("den", lambda e: [_dot(e["z"], e["phi_q"])]),
        ("y", lambda e: [_div(a, e["den"][0]) for a in e["num"]]),
    ]  # fmt: skip


_CELLS = {
    "mingru": _mingru, "minlstm": _minlstm, "slstm": _slstm, "mlstm": _mlstm, "ssm": _ssm,
    "linear_attention": _linear_attention,
}  # fmt: skip


def input_shapes(cell: str, d: int, n: int) -> dict[str, tuple[int, ...]]:
    """Shapes of x, the previous state (``<key>_prev``) and every parameter."""
    shapes: dict[str, tuple[int, ...]] = {"x": (d,)}
    shapes.update({f"{key}_prev": shape for key, shape in state_shapes(cell, d, n).items()})
    shapes.update(modern_param_shapes(cell, d, n))
    return shapes


@cache
def definitions(
    cell: str, convention: str, d: int, n: int
) -> tuple[tuple[str, tuple[Expr, ...]], ...]:
    """Every record key of ``cell`` with its element trees (row-major), in computing order; a tree
    reads the inputs' element symbols and the earlier keys' element symbols."""
    env: Env = {name: element_symbols(name, shape)
                for name, shape in input_shapes(cell, d, n).items()}  # fmt: skip
    out = []
    for key, build in _CELLS[cell](convention, d, n):
        trees = build(env)
        out.append((key, tuple(trees)))
        env[key] = [sp.Symbol(f"{key}[{i}]") for i in range(len(trees))]
    return tuple(out)
