"""The terminal's plain-text form of the formula layer's LaTeX."""

from __future__ import annotations

import numpy as np

import engine
from quizapp.formulas import worked_solution
from quizapp.formulas.plain import latex_to_text


def test_common_constructs_become_unicode() -> None:
    assert latex_to_text(r"h_{t} = o_{t} \odot \tanh\left(C_{t}\right)") == "h_t = o_t ⊙ tanh(C_t)"
    assert latex_to_text(r"a^{i}_{t} = U_{i} h_{t-1}") == "a^i_t = U_i h_{t-1}"
    assert latex_to_text(r"\tilde{C}_{t,1} = \sigma\left(0.5 \cdot 1.0\right)") == (
        "C̃_t,1 = σ(0.5 · 1.0)"
    )
    assert latex_to_text(r"C_{t} = \left(-0.799,\ -0.23\right)") == "C_t = (-0.799, -0.23)"


def test_worked_solutions_leave_no_latex_commands() -> None:
    rng = np.random.default_rng(0)
    for cell, convention in (("lstm", None), ("gru", "pytorch"), ("peephole", None)):
        params = engine.random_params(cell, 2, 2, rng)
        x, h, c = rng.normal(size=2), rng.normal(size=2), rng.normal(size=2)
        record = engine.step(cell, params, x, h, c, convention=convention)
        for step in worked_solution(record, params, x, h, c if record.c is not None else None):
            for line in (step.formula_latex, *step.substituted_lines, step.result_latex):
                assert "\\" not in latex_to_text(line), line


def test_primes_and_transposes_join_their_names() -> None:
    assert latex_to_text(r"C_t = f'_t C_{t-1} + i'_t\, v_t k_t^{\top}") == (
        "C_t = f′_t C_{t-1} + i′_t v_t k_tᵀ"
    )
    assert latex_to_text(r"n_t^\top q_t") == "n_tᵀ q_t"
