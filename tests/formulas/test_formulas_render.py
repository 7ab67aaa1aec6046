"""Every LaTeX string the formula layer produces renders with mathtext; the image cache works."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import engine
from quizapp import paths
from quizapp.formulas import equations, render
from quizapp.formulas.backward import backward_worked
from quizapp.formulas.latex import element_equation
from quizapp.formulas.render import FormulaRenderError, render_cached_path, render_png
from quizapp.formulas.worked import worked_solution

VARIANTS = [
    (cell, conv) for cell in engine.CELLS for conv in engine.CONVENTIONS.get(cell, ("standard",))
]
NEEDS_C = {"lstm", "peephole", "cifg", "sru", "depth_gated"}
ROOT = Path(__file__).resolve().parents[2]


def _all_latex() -> set[str]:
    """Every distinct line the layer produces for every cell: both forms of every equation, the
    written-out element form, and worked forward and backward steps.

    Parsing costs mathtext about a millisecond per character, so the worked steps use d = n = 1
    (the clockwork needs n = 2 for two modules): larger sizes repeat the same constructs with more
    terms. ``_shape`` then merges lines that differ only in digits and letters.
    """
    found: set[str] = set()
    for cell, convention in VARIANTS:
        for two_biases in (False, True):
            for equation in equations(cell, convention, two_biases=two_biases, all_keys=True):
                found.update({equation.latex, equation.vector_latex})
        for equation in equations(cell, convention, two_biases=True, all_keys=True):
            found.add(element_equation(cell, convention, equation.key, 1, 2, 2,
                                       two_biases=True, modules=2))  # fmt: skip
        rng = np.random.default_rng(7)
        d, n = 1, 2 if cell == "clockwork" else 1
        periods = (1, 2) if cell == "clockwork" else None
        if cell == "sru":
            d = n
        params = engine.random_params(cell, d, n, rng, decimals=2, periods=periods)
        x, h = np.round(rng.uniform(-1, 1, d), 2), np.round(rng.uniform(-1, 1, n), 2)
        c = np.round(rng.uniform(-1, 1, n), 2) if cell in NEEDS_C else None
        c_low = np.round(rng.uniform(-1, 1, n), 2) if cell == "depth_gated" else None
        t = 3 if cell == "clockwork" else None
        record = engine.step(
            cell, params, x, h, c, convention=convention, c_low=c_low, t=t, periods=periods
        )
        steps = worked_solution(record, params, x, h, c, c_low=c_low, keys=list(record.values),
                                t=t, periods=periods)  # fmt: skip
        if cell in ("rnn", "lstm", "gru"):
            dh, dc = rng.uniform(-1, 1, n), rng.uniform(-1, 1, n)
            steps += backward_worked(
                cell, convention, params, x, h, c, dh, dc if c is not None else None
            )
        for step in steps:
            found.update({step.formula_latex, step.result_latex, *step.substituted_lines})
    return {_shape(latex) for latex in found}


def _shape(latex: str) -> str:
    """The line with every number replaced by 1 and every lone letter (not part of a command such
    as ``\\sigma``) by x: mathtext parses those alike, so lines that differ only there merge."""
    numbers_merged = re.sub(r"\(-\d+(\.\d+)?\)|-?\d+(\.\d+)?", "1", latex)
    return re.sub(r"(?<![\\A-Za-z])[A-Za-z](?![A-Za-z])", "x", numbers_merged)


def test_every_formula_renders() -> None:
    strings = _all_latex()
    assert len(strings) > 150  # every cell contributes many shapes
    for latex in sorted(strings):
        assert "\n" not in latex
        assert r"\begin" not in latex and r"\text" not in latex and r"\operatorname" not in latex
        try:
            path = render_png(latex, fontsize=8.0, dpi=20)
        except FormulaRenderError as error:  # pragma: no cover - the message names the string
            pytest.fail(str(error))
        assert path.stat().st_size > 0


def test_multiline_strings_render_as_stacked_lines() -> None:
    one = render_png("x_{t}", dpi=50)
    two = render_png("x_{t}\nh_{t-1} = 0.5", dpi=50)
    from matplotlib.image import imread

    assert imread(two).shape[0] > imread(one).shape[0]


def test_cache_returns_the_same_file_without_drawing_again(monkeypatch: pytest.MonkeyPatch) -> None:
    latex = r"f_{t} = \sigma\left(W_{f} x_{t} + U_{f} h_{t-1} + b_{f}\right)"
    assert render_cached_path(latex, dpi=40) is None
    first = render_png(latex, dpi=40)
    assert first.parent == paths.cache_dir() / "formulas"
    assert render_cached_path(latex, dpi=40) == first
    mtime = first.stat().st_mtime_ns

    def refuse(*args: object) -> None:
        raise AssertionError("a cached formula was drawn again")

    monkeypatch.setattr(render, "_draw", refuse)
    assert render_png(latex, dpi=40) == first
    assert first.stat().st_mtime_ns == mtime
    # every argument is part of the key
    assert render_cached_path(latex, dpi=41) is None
    assert render_cached_path(latex, dpi=40, color="#ff0000") is None
    assert render_cached_path(latex, dpi=40, fontsize=15.0) is None


def test_a_bad_formula_raises_and_leaves_no_file() -> None:
    with pytest.raises(FormulaRenderError, match=r"\\begin"):
        render_png(r"\begin{cases} a \end{cases}", dpi=20)
    assert list((paths.cache_dir() / "formulas").iterdir()) == []
    with pytest.raises(ValueError, match="dpi"):
        render_png("x", dpi=0)


def test_importing_the_package_loads_neither_sympy_nor_matplotlib(tmp_path: Path) -> None:
    code = (
        "import sys, quizapp.formulas as f\n"
        "from quizapp.formulas import Equation, WorkedStep, render_cached_path\n"
        "assert render_cached_path('x_{t}') is None\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('sympy', 'matplotlib')]\n"
        "assert not heavy, heavy\n"
        "assert f.equations('lstm', 'standard')[1].key == 'f'\n"
        "assert 'sympy' not in sys.modules  # equations come from the generated table\n"
        "f.worked_solution\n"
        "assert 'sympy' in sys.modules and 'matplotlib' not in sys.modules\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZAPP_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
