"""The formula layer: each cell's equations as sympy trees, their LaTeX, worked solutions, images.

Importing this package is cheap: the records, ``equations`` (served from the generated ``table``)
and the image cache load at once; everything that needs sympy (``worked_solution``,
``backward_worked``, ``symbolic_step``, …) is loaded on first use, and matplotlib only when an image
must be drawn.

Modules: ``symbols`` (the vocabulary and notation), ``cells`` (forward definitions), ``backward``
(backward definitions and worked backward steps), ``numeric`` (evaluating the trees with numbers),
``latex`` (printing), ``table`` (the printed equations, generated), ``lookup`` (``equations``),
``worked`` (worked forward steps), ``render`` (PNG images with a disk cache).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from quizapp.formulas.lookup import equations
from quizapp.formulas.records import Equation, WorkedStep
from quizapp.formulas.render import FormulaRenderError, render_cached_path, render_png

if TYPE_CHECKING:
    from quizapp.formulas.backward import (
        backward_definitions,
        backward_worked,
        symbolic_backward,
    )
    from quizapp.formulas.cells import definitions
    from quizapp.formulas.latex import build_equations, element_equation
    from quizapp.formulas.numeric import symbolic_step
    from quizapp.formulas.worked import worked_solution

_LAZY: dict[str, str] = {
    "backward_definitions": "quizapp.formulas.backward",
    "backward_worked": "quizapp.formulas.backward",
    "symbolic_backward": "quizapp.formulas.backward",
    "definitions": "quizapp.formulas.cells",
    "build_equations": "quizapp.formulas.latex",
    "element_equation": "quizapp.formulas.latex",
    "symbolic_step": "quizapp.formulas.numeric",
    "worked_solution": "quizapp.formulas.worked",
}

__all__ = [
    "Equation",
    "FormulaRenderError",
    "WorkedStep",
    "backward_definitions",
    "backward_worked",
    "build_equations",
    "definitions",
    "element_equation",
    "equations",
    "render_cached_path",
    "render_png",
    "symbolic_backward",
    "symbolic_step",
    "worked_solution",
]


def __getattr__(name: str) -> object:
    """Load the sympy-backed functions on first use (PEP 562)."""
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'quizapp.formulas' has no attribute {name!r}")
