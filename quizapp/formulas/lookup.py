"""``equations``: each cell's equations as LaTeX, served from the generated table (no sympy import).

The strings are those ``latex.build_equations`` prints from the sympy trees; ``table.py`` holds
them so that showing a drill needs neither sympy nor matplotlib once the image cache is warm.
"""

from __future__ import annotations

from engine.modern.shapes import MODERN_CELLS
from engine.params import resolve_convention
from engine.record import OUTPUT_KEYS
from quizapp.formulas.records import Equation
from quizapp.formulas.table import TABLE


def equations(
    cell: str, convention: str | None = None, *, two_biases: bool = False, all_keys: bool = False
) -> tuple[Equation, ...]:
    """The cell's equations in computing order, in the seed tutorial's notation.

    By default one per output key of the spec (``i f g o c h`` for the LSTM; the peephole's ``o``
    comes after ``c``); ``all_keys`` adds the pre-activations and intermediate sums (``a_f``, ``s``,
    ``u``). Pre-activations are written out inside the gates. ``two_biases`` shows the hidden-side
    bias ``b^h_k`` beside ``b_k``. Raises the engine's UnknownNameError for an unknown cell or
    convention.
    """
    convention = resolve_convention(cell, convention)
    if cell in MODERN_CELLS:  # written by hand beside their sympy trees (``modern_forms``)
        from quizapp.formulas.modern_forms import modern_equations

        return modern_equations(cell, convention, all_keys=all_keys)
    rows = TABLE[(cell, convention, two_biases)]
    return tuple(
        Equation(key, latex, vector_latex)
        for key, latex, vector_latex in rows
        if all_keys or key in OUTPUT_KEYS[cell]
    )
