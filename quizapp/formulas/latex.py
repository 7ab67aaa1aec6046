"""Printing the sympy trees as mathtext-compatible LaTeX in the seed tutorial's notation.

One ``Writer`` walks a tree in one of three modes:

- ``vector``: ``f_t = \\sigma\\left(W_{f} x_{t} + U_{f} h_{t-1} + b_{f}\\right)``, ⊙ as ``\\odot``;
- ``element``: unit j, sums as ``\\sum_k W_{f,jk} x_{t,k}``, or written out term by term when the
  sizes are given (``W_{f,11} x_{t,1} + W_{f,12} x_{t,2}``);
- ``numbers``: the written-out element form with every name replaced by its value (2–3 decimals,
  negative numbers in brackets), as in ``\\sigma\\left(0.5 \\cdot 1.0 + (-0.3) \\cdot 0.2 + 0.1\\right)``.

Pre-activations and intermediate sums (``a_f``, ``s``, ``u``) are *inlined*: the writer prints their
definition where their name appears, so ``f_t = \\sigma(a^f_t)`` reads ``f_t = \\sigma(W_f x_t + …)``.
Only mathtext's subset of TeX is used (no environments, ``\\mathrm`` instead of ``\\text``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

import numpy as np
import sympy as sp

from engine.params import CELLS, CONVENTIONS, resolve_convention
from quizapp.formulas.cells import Definitions, definitions, is_helper
from quizapp.formulas.numeric import Array
from quizapp.formulas.records import Equation
from quizapp.formulas.symbols import Expr, MatTVec, MatVec, notation, positive, relu, sigma

Mode = Literal["vector", "element", "numbers"]
Index = int | str | None

_FUNCTIONS: dict[type, str] = {sigma: r"\sigma", sp.tanh: r"\tanh", relu: r"\mathrm{ReLU}"}
_MATRIX_PRODUCTS = (MatVec, MatTVec)


def format_number(value: float, *, decimals: int = 3, bracket_negative: bool = True) -> str:
    """``value`` rounded to ``decimals`` places, trailing zeros dropped (at least one decimal)."""
    rounded = round(float(value), decimals) + 0.0  # + 0.0 turns -0.0 into 0.0
    text = f"{rounded:.{decimals}f}".rstrip("0")
    if text.endswith("."):
        text += "0"
    return f"({text})" if rounded < 0 and bracket_negative else text


def paren(text: str) -> str:
    """Brackets that grow with their content."""
    return rf"\left({text}\right)"


def vector_value(values: Array) -> str:
    """A whole vector as ``(0.584,\\ -0.312)`` (a bare number when it has one element)."""
    items = [format_number(v, bracket_negative=False) for v in np.ravel(values)]
    return items[0] if len(items) == 1 else paren(r",\ ".join(items))


def _split_sign(term: Expr) -> tuple[bool, Expr]:
    """(is negative, the term without its sign) for ``-1 · x`` products and negative numbers."""
    if isinstance(term, sp.Mul) and term.args and term.args[0] == -1:
        rest = term.args[1:]
        return True, rest[0] if len(rest) == 1 else sp.Mul(*rest, evaluate=False)
    if term.is_Number and term < 0:
        return True, -term
    return False, term


@dataclass
class Writer:
    """Prints one tree (see the module docstring); ``notes`` collects remarks for the line's end."""

    cell: str
    mode: Mode
    inline: Mapping[str, Expr] = field(default_factory=dict)
    sizes: Mapping[str, int] | None = None  # element mode: write sums out; numbers mode: required
    values: Mapping[str, Array] | None = None
    notes: list[str] = field(default_factory=list)

    def write(self, tree: Expr, index: Index = None) -> str:
        """LaTeX for ``tree`` read at ``index`` (a 0-based unit, a letter such as ``"j"``, or None)."""
        if isinstance(tree, sp.Symbol):
            return self._symbol(tree.name, index)
        if tree.is_Number:
            return format_number(float(tree)) if not tree.is_Integer else str(int(tree))
        if isinstance(tree, sp.Add):
            return self._add(tree, index)
        if isinstance(tree, sp.Mul):
            return self._mul(tree, index)
        if isinstance(tree, sp.Pow):
            return self._pow(tree, index)
        if isinstance(tree, _MATRIX_PRODUCTS):
            return self._matrix_product(tree, index)
        if isinstance(tree, positive):
            return f"[{self.bare(tree.args[0], index)} > 0]"
        if type(tree) in _FUNCTIONS:
            return _FUNCTIONS[type(tree)] + paren(self.bare(tree.args[0], index))
        if isinstance(tree, sp.Piecewise):
            return self._piecewise(tree, index)
        if isinstance(tree, sp.Eq):
            return f"{self.write(tree.lhs, index)} = {self.write(tree.rhs, index)}"
        if isinstance(tree, sp.Mod):
            left, right = (self.write(arg, index) for arg in tree.args)
            return rf"{left} \,\mathrm{{mod}}\, {right}"
        raise TypeError(f"the LaTeX writer has no rule for {type(tree).__name__}: {tree}")

    def bare(self, tree: Expr, index: Index) -> str:
        """Like ``write``, but a lone negative number needs no brackets (a function's argument)."""
        if self.mode == "numbers" and isinstance(tree, sp.Symbol) and tree.name not in self.inline:
            note = notation(tree.name, self.cell)
            if not note.integer:
                return format_number(self.value(tree.name, index), bracket_negative=False)
        return self.write(tree, index)

    # names -------------------------------------------------------------------------------------
    def resolve(self, tree: Expr) -> Expr:
        """The tree a name stands for when it is inlined (else the tree itself)."""
        while isinstance(tree, sp.Symbol) and tree.name in self.inline:
            tree = self.inline[tree.name]
        return tree

    def label(self, index: Index, name: str = "") -> str:
        """The printed index: 1-based for a unit number, the letter itself otherwise."""
        if name == "T":  # the period of unit j's module
            if isinstance(index, int) and self.sizes is not None:
                return str(index // (self.sizes["n"] // self.sizes["modules"]) + 1)
            return "m(j)"
        return str(index + 1) if isinstance(index, int) else str(index)

    def values_of(self, name: str) -> Array:
        """The array behind ``name`` (numbers mode)."""
        if self.values is None or name not in self.values:
            raise KeyError(f"no value for {name!r} to substitute")
        return self.values[name]

    def value(self, name: str, index: Index) -> float:
        """The number behind ``name`` at the unit ``index`` (numbers mode)."""
        array = np.asarray(self.values_of(name))
        if array.ndim == 0:
            return float(array)
        if not isinstance(index, int):
            raise ValueError(f"a number for {name!r} needs a unit number, got {index!r}")
        return float(array[index])

    def _symbol(self, name: str, index: Index) -> str:
        if name in self.inline:
            return self.write(self.inline[name], index)
        note = notation(name, self.cell)
        if self.mode == "numbers":
            number = self.value(name, index)
            return str(round(number)) if note.integer else format_number(number)
        if self.mode == "vector" or note.space == "scalar":
            return note.vector
        return note.element(self.label(index, name))

    # arithmetic --------------------------------------------------------------------------------
    def _add(self, tree: Expr, index: Index) -> str:
        parts: list[str] = []
        for position, term in enumerate(tree.args):
            negative, body = _split_sign(term)
            text = (
                self.bare(body, index)
                if position == 0 and not negative
                else self.write(body, index)
            )
            if negative and isinstance(self.resolve(body), sp.Add | MatVec | MatTVec):
                text = paren(text)
            if position == 0:
                parts.append(f"-{text}" if negative else text)
            else:
                parts.append(f" - {text}" if negative else f" + {text}")
        return "".join(parts)

    def _needs_brackets_in_product(self, factor: Expr) -> bool:
        resolved = self.resolve(factor)
        return isinstance(resolved, sp.Add | MatVec | MatTVec)

    def _mul(self, tree: Expr, index: Index) -> str:
        negative, body = _split_sign(tree)
        factors = body.args if isinstance(body, sp.Mul) else (body,)
        texts = []
        for factor in factors:
            text = self.write(factor, index)
            if len(factors) > 1 and self._needs_brackets_in_product(factor):
                text = paren(text)
            texts.append(text)
        joiner = r" \odot " if self.mode == "vector" else r" \cdot "
        return ("-" if negative else "") + joiner.join(texts)

    def _pow(self, tree: Expr, index: Index) -> str:
        base, exponent = tree.args
        resolved = self.resolve(base)
        power = f"^{{{int(exponent)}}}"
        if type(resolved) in _FUNCTIONS:
            return _FUNCTIONS[type(resolved)] + power + paren(self.write(resolved.args[0], index))
        text = self.write(base, index)
        if isinstance(resolved, sp.Add | sp.Mul | MatVec | MatTVec):
            text = paren(text)
        return text + power

    def _matrix_product(self, tree: Expr, index: Index) -> str:
        matrix, vector = tree.args
        note = notation(matrix.name, self.cell)
        transposed = isinstance(tree, MatTVec)
        bracket = not isinstance(self.resolve(vector), sp.Symbol)

        def operand(at: Index) -> str:
            text = self.write(vector, at)
            return paren(text) if bracket else text

        if self.mode == "vector":
            top = r"^{\top}" if transposed else ""
            return f"{note.vector}{top} {operand(None)}"
        if self.mode == "element" and self.sizes is None:
            letter = self.label(index)
            pair = f"k{letter}" if transposed else f"{letter}k"
            return rf"\sum_k {note.element(pair)} {operand('k')}"
        if not isinstance(index, int) or self.sizes is None:
            raise ValueError("writing a matrix product out needs a unit number and the sizes")
        sizes = self.sizes
        count = sizes["n"] if transposed or note.columns == "h" else sizes["d"]
        terms = []
        for k in range(count):
            row, column = (k, index) if transposed else (index, k)
            if self.mode == "numbers":
                weight = float(np.asarray(self.values_of(matrix.name))[row, column])
                terms.append(f"{format_number(weight)} \\cdot {operand(k)}")
            else:
                pair = (
                    f"{row + 1}{column + 1}" if max(row, column) < 9 else f"{row + 1},{column + 1}"
                )
                terms.append(f"{note.element(pair)} {operand(k)}")
        return " + ".join(terms)

    # the clockwork's rule ------------------------------------------------------------------------
    def _number_of(self, tree: Expr, index: Index) -> float:
        if isinstance(tree, sp.Symbol):
            return self.value(tree.name, index)
        if isinstance(tree, sp.Mod):
            left, right = (self._number_of(arg, index) for arg in tree.args)
            return left % right
        return float(tree)

    def _piecewise(self, tree: Expr, index: Index) -> str:
        (then, condition), (otherwise, _) = ((pair.expr, pair.cond) for pair in tree.args)
        if then == 1 and otherwise == 0:
            return f"[{self.write(condition, index)}]"
        if self.mode != "numbers":
            then_text, condition_text = self.write(then, index), self.write(condition, index)
            return (
                rf"{then_text}\;\;\mathrm{{if}}\; {condition_text},"
                rf"\;\;\mathrm{{else}}\; {self.write(otherwise, index)}"
            )
        left = self._number_of(condition.lhs, index)
        right = self._number_of(condition.rhs, index)
        left_text = self.write(condition.lhs, index)
        if left == right:
            self.notes.append(f"({left_text} = {right:g})")
            return self.bare(then, index)
        self.notes.append(rf"({left_text} = {left:g} \neq {right:g})")
        return self.bare(otherwise, index)


def index_letter(key: str, cell: str) -> str:
    """The generic index of a key's elements: m for clockwork modules, j for units."""
    return "m" if notation(key, cell).space == "module" else "j"


def helpers_of(defs: Definitions, key: str) -> dict[str, Expr]:
    """The intermediate sums to inline into ``key``'s equation."""
    return {name: tree for name, tree in defs if is_helper(name) and name != key}


def vector_equation(cell: str, key: str, tree: Expr, inline: Mapping[str, Expr]) -> str:
    """``key = tree`` in the vector form."""
    writer = Writer(cell, "vector", inline)
    return f"{notation(key, cell).vector} = {writer.write(tree)}"


def element_equation_of(
    cell: str,
    key: str,
    tree: Expr,
    inline: Mapping[str, Expr],
    index: Index,
    sizes: Mapping[str, int] | None = None,
) -> str:
    """``key`` = tree for one element (generic letter, or a unit number with ``sizes``)."""
    writer = Writer(cell, "element", inline, sizes)
    note = notation(key, cell)
    lhs = note.element(writer.label(index, key)) if note.space != "scalar" else note.vector
    return f"{lhs} = {writer.write(tree, index)}"


@cache
def build_equations(
    cell: str, convention: str | None = None, two_biases: bool = False
) -> tuple[Equation, ...]:
    """Every equation of the cell (all record keys, computing order) printed from the sympy trees,
    pre-activations inlined; ``two_biases`` shows the hidden-side bias ``b^h``.

    ``quizapp.formulas.equations`` serves the same strings from the generated ``table`` module
    without importing sympy; ``write_table`` regenerates it and a test keeps the two in step.
    """
    convention = resolve_convention(cell, convention)
    defs = definitions(cell, convention, two_biases)
    result = []
    for key, tree in defs:
        inline = helpers_of(defs, key)
        element = element_equation_of(cell, key, tree, inline, index_letter(key, cell))
        result.append(Equation(key, element, vector_equation(cell, key, tree, inline)))
    return tuple(result)


def table_source() -> str:
    """The Python source of the ``table`` module: ``build_equations`` for every cell and convention."""
    lines = [
        '"""Every cell\'s equations as LaTeX, generated from the sympy trees; do not edit by hand.',
        "",
        "Regenerate with ``python -m quizapp.formulas.latex`` (then ``ruff format`` this file) after",
        "changing ``cells``, ``symbols`` or ``latex``; a test fails while this file and the trees",
        "disagree. Keys: (cell, convention, two_biases); values: (record key, element form, vector",
        "form) in computing order.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "TABLE: dict[tuple[str, str, bool], tuple[tuple[str, str, str], ...]] = {",
    ]
    for cell in CELLS:
        for convention in CONVENTIONS.get(cell, ("standard",)):
            for two_biases in (False, True):
                lines.append(f"    ({cell!r}, {convention!r}, {two_biases}): (")
                for eq in build_equations(cell, convention, two_biases):
                    lines.append(f"        ({eq.key!r}, {eq.latex!r}, {eq.vector_latex!r}),")
                lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_table() -> Path:
    """Regenerate ``quizapp/formulas/table.py``; returns its path."""
    path = Path(__file__).with_name("table.py")
    path.write_text(table_source(), encoding="utf-8")
    return path


def element_equation(
    cell: str,
    convention: str | None,
    key: str,
    unit: int,
    d: int,
    n: int,
    *,
    two_biases: bool = False,
    modules: int = 1,
) -> str:
    """``key``'s equation for the 0-based ``unit``, every sum written out for sizes d and n."""
    convention = resolve_convention(cell, convention)
    defs = definitions(cell, convention, two_biases)
    trees = dict(defs)
    if key not in trees:
        raise KeyError(f"{cell} has no quantity {key!r}; expected one of: {', '.join(trees)}")
    sizes = {"d": d, "n": n, "modules": modules}
    return element_equation_of(cell, key, trees[key], helpers_of(defs, key), unit, sizes)


if __name__ == "__main__":
    print(f"wrote {write_table()}")
