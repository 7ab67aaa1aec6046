"""The modern cells' sympy trees agree with the engine at random points (1e-12), and the worked
solutions print the engine's numbers in LaTeX that mathtext renders."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

import engine
from engine.modern.shapes import MODERN_CELLS, state_shapes
from quizapp.drills import DrillSpec, generate_drill
from quizapp.formulas.modern import definitions
from quizapp.formulas.modern_numeric import modern_symbolic_step
from quizapp.formulas.plain import latex_to_text
from quizapp.formulas.render import render_png
from quizapp.grading.modern_feedback import modern_steps

SETTINGS = [
    (cell, convention)
    for cell in MODERN_CELLS
    for convention in engine.CONVENTIONS.get(cell, ("standard",))
]


@pytest.mark.parametrize(("cell", "convention"), SETTINGS)
def test_symbolic_step_matches_engine(cell: str, convention: str) -> None:
    compared = 0
    for seed, d, n in itertools.product(range(3), (1, 2, 3), (1, 2, 3)):
        rng = np.random.default_rng(500 + seed)
        params = engine.random_params(cell, d, n, rng, scale=1.5)
        assert all(np.all(value != 0) for value in params.values())
        x = rng.uniform(-1.5, 1.5, d)
        state = {k: rng.uniform(-1, 1, s) for k, s in state_shapes(cell, d, n).items()}
        for positive in {"slstm": "n", "linear_attention": "z"}.get(cell, ()):
            state[positive] = np.abs(state[positive]) + 0.5
        record = engine.step(cell, params, x, state=state, convention=convention)
        symbolic = modern_symbolic_step(cell, convention, params, x, state, n)
        assert list(symbolic) == list(record.values)  # same keys, same computing order
        for key, value in symbolic.items():
            np.testing.assert_allclose(value, np.ravel(record[key]), rtol=0, atol=1e-12,
                                       err_msg=f"{cell} {key}")  # fmt: skip
            compared += 1
    assert compared > 100


def test_trees_are_not_the_engine_reused() -> None:
    """The trees are sympy expressions over element symbols (a wrong tree cannot hide behind a
    call into the engine)."""
    trees = dict(definitions("mlstm", "sigmoid", 2, 2))
    assert len(trees["C"]) == 4 and len(trees["den"]) == 1
    names = {s.name for s in trees["C"][1].free_symbols}
    assert names == {"f_prime[0]", "C_prev[0,1]", "i_prime[0]", "v[0]", "k[1]"}  # C_{12}: v_1 k_2


@pytest.mark.parametrize(("cell", "convention"), SETTINGS)
def test_worked_solution_prints_the_engine_numbers_and_renders(cell: str, convention: str) -> None:
    drill = generate_drill(DrillSpec(cell, convention, ("all",), "standard", 11))
    steps = modern_steps(drill)
    assert drill.record is not None
    assert [s.key for s in steps] == [k for k in drill.record.values if k in {s.key for s in steps}]
    assert set(drill.asked) <= {s.key for s in steps}
    for step in steps:
        expected = np.ravel(drill.record[step.key])
        np.testing.assert_allclose(step.value, expected, atol=1e-15)
        lines = step.substituted_lines
        assert len(lines) == expected.size
        for line, value in zip(lines, expected, strict=True):
            shown = f"{round(float(value), 3) + 0.0:.3f}".rstrip("0").rstrip(".")
            assert line.endswith(shown) or line.endswith(f"({shown})"), (line, value)
        for latex in (step.formula_latex, *lines, step.result_latex):
            assert "\\" not in latex_to_text(latex).replace("\\,", ""), latex
        # every kind of line through mathtext (all lines of a step are built alike)
        for latex in (step.formula_latex, lines[-1], step.result_latex):
            assert render_png(latex, dpi=30).is_file()
