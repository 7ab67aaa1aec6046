"""The frozen records the formula layer hands out: equations and worked steps (no sympy here).

Every LaTeX string is mathtext-compatible (a subset of TeX that matplotlib renders without a TeX
install). A string may hold several lines separated by ``"\\n"``; ``render_png`` stacks them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Equation:
    """One equation of a cell, for the record key ``key`` (``a_f``, ``f``, ``c``, ``h``, …).

    ``latex`` is the element form for a generic unit j (sums over k written with ``\\sum_k``);
    ``vector_latex`` is the vector form in the seed tutorial's notation.
    """

    key: str
    latex: str
    vector_latex: str


@dataclass(frozen=True)
class WorkedStep:
    """One quantity worked out with numbers.

    ``formula_latex`` is the vector-form equation (one line). ``substituted_latex`` has one line per
    element (unit j = 1, 2, …): the element's equation with every number put in, followed by the
    short form with the already-known intermediate values (``= \\sigma(0.34)``) when that differs.
    ``result_latex`` is one line with the whole vector; ``value`` holds the engine's numbers.
    """

    key: str
    formula_latex: str
    substituted_latex: str
    result_latex: str
    value: tuple[float, ...]

    @property
    def substituted_lines(self) -> tuple[str, ...]:
        """The substituted LaTeX split into its per-element lines."""
        return tuple(self.substituted_latex.split("\n"))
