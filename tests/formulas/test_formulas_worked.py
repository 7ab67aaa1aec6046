"""Equations in the seed's notation, and worked solutions whose numbers are the engine's."""

from __future__ import annotations

import math

import numpy as np
import pytest

import engine
from engine.backward import backward
from quizapp.formulas import equations
from quizapp.formulas.backward import backward_worked
from quizapp.formulas.latex import build_equations, element_equation, format_number
from quizapp.formulas.worked import worked_solution

VARIANTS = [
    (cell, conv) for cell in engine.CELLS for conv in engine.CONVENTIONS.get(cell, ("standard",))
]
NEEDS_C = {"lstm", "peephole", "cifg", "sru", "depth_gated"}


def test_lstm_equations_in_the_seed_notation() -> None:
    by_key = {eq.key: eq for eq in equations("lstm", "standard")}
    assert list(by_key) == ["i", "f", "g", "o", "c", "h"]
    assert (
        by_key["f"].vector_latex
        == r"f_{t} = \sigma\left(W_{f} x_{t} + U_{f} h_{t-1} + b_{f}\right)"
    )
    assert by_key["g"].vector_latex.startswith(r"\tilde{C}_{t} = \tanh")
    assert by_key["c"].vector_latex == r"C_{t} = f_{t} \odot C_{t-1} + i_{t} \odot \tilde{C}_{t}"
    assert by_key["h"].vector_latex == r"h_{t} = o_{t} \odot \tanh\left(C_{t}\right)"
    assert by_key["f"].latex == (
        r"f_{t,j} = \sigma\left(\sum_k W_{f,jk} x_{t,k} + \sum_k U_{f,jk} h_{t-1,k} + b_{f,j}\right)"
    )
    two = {eq.key: eq for eq in equations("lstm", "standard", two_biases=True)}
    assert two["f"].vector_latex.endswith(r"+ b_{f} + b^{h}_{f}\right)")


def test_generated_table_matches_the_sympy_trees() -> None:
    """table.py must be regenerated (python -m quizapp.formulas.latex) when the trees change."""
    for cell, convention in VARIANTS:
        for two_biases in (False, True):
            assert equations(cell, convention, two_biases=two_biases, all_keys=True) == (
                build_equations(cell, convention, two_biases)
            )
    keys = [eq.key for eq in equations("gru", "pytorch", all_keys=True)]
    assert keys == ["a_r", "a_z", "r", "z", "s", "a_n", "n", "h"]
    assert [eq.key for eq in equations("gru", "pytorch")] == ["r", "z", "n", "h"]


def test_gru_conventions_differ_where_the_spec_says() -> None:
    pytorch = {eq.key: eq.vector_latex for eq in equations("gru", "pytorch", two_biases=True)}
    d2l = {eq.key: eq.vector_latex for eq in equations("gru", "d2l")}
    colah = {eq.key: eq.vector_latex for eq in equations("gru", "colah")}
    assert r"r_{t} \odot \left(U_{n} h_{t-1} + b^{h}_{n}\right)" in pytorch["n"]
    assert r"U_{n} \left(r_{t} \odot h_{t-1}\right)" in d2l["n"]
    assert (
        pytorch["h"] == r"h_{t} = \left(1 - z_{t}\right) \odot \tilde{h}_{t} + z_{t} \odot h_{t-1}"
    )
    assert d2l["h"] == r"h_{t} = z_{t} \odot h_{t-1} + \left(1 - z_{t}\right) \odot \tilde{h}_{t}"
    assert colah["h"] == r"h_{t} = \left(1 - z_{t}\right) \odot h_{t-1} + z_{t} \odot \tilde{h}_{t}"


def test_peephole_output_gate_comes_after_the_new_cell() -> None:
    keys = [eq.key for eq in equations("peephole", "standard")]
    assert keys.index("o") > keys.index("c")
    output = next(eq for eq in equations("peephole", "standard") if eq.key == "o")
    assert r"p_{o} \odot C_{t}" in output.vector_latex


def test_written_out_element_equation() -> None:
    latex = element_equation("lstm", "standard", "f", 0, 2, 2)
    assert latex == (
        r"f_{t,1} = \sigma\left(W_{f,11} x_{t,1} + W_{f,12} x_{t,2} + U_{f,11} h_{t-1,1}"
        r" + U_{f,12} h_{t-1,2} + b_{f,1}\right)"
    )


def test_hand_worked_rnn_step() -> None:
    """W = 0.5, U = -0.3, b = 0.1, x = 1.0, h = 0.2: a = 0.5 - 0.06 + 0.1 = 0.54, h' = tanh(0.54)."""
    params = {"W": np.array([[0.5]]), "U": np.array([[-0.3]]), "b": np.array([0.1])}
    x, h = np.array([1.0]), np.array([0.2])
    record = engine.step("rnn", params, x, h)
    a_step, h_step = worked_solution(record, params, x, h)
    assert a_step.substituted_latex == r"a_{t,1} = 0.5 \cdot 1.0 + (-0.3) \cdot 0.2 + 0.1"
    assert h_step.substituted_latex == (
        r"h_{t,1} = \tanh\left(0.5 \cdot 1.0 + (-0.3) \cdot 0.2 + 0.1\right) = \tanh\left(0.54\right)"
    )
    assert h_step.result_latex == "h_{t} = 0.493"
    assert h_step.value == pytest.approx((math.tanh(0.54),), abs=1e-15)
    assert a_step.formula_latex == "a_{t} = W x_{t} + U h_{t-1} + b"


@pytest.mark.parametrize(("cell", "convention"), VARIANTS)
def test_worked_values_are_the_engines_and_show_the_inputs(cell: str, convention: str) -> None:
    rng = np.random.default_rng(11)
    n = 2
    d = n if cell == "sru" else 3
    periods = (1, 2) if cell == "clockwork" else None
    params = engine.random_params(cell, d, n, rng, decimals=2, two_biases=False, periods=periods)
    x, h = np.round(rng.uniform(-1, 1, d), 2), np.round(rng.uniform(-1, 1, n), 2)
    c = np.round(rng.uniform(-1, 1, n), 2) if cell in NEEDS_C else None
    c_low = np.round(rng.uniform(-1, 1, n), 2) if cell == "depth_gated" else None
    t = 1 if cell == "clockwork" else None
    record = engine.step(
        cell, params, x, h, c, convention=convention, c_low=c_low, t=t, periods=periods
    )
    steps = worked_solution(
        record, params, x, h, c, c_low=c_low, keys=list(record.values), t=t, periods=periods
    )
    assert {step.key for step in steps} == set(record.values)
    for step in steps:
        assert step.value == tuple(record[step.key].tolist())
        lines = step.substituted_lines
        assert len(lines) == record[step.key].shape[0]
    # the first pre-activation's line for unit 1 shows every input weight times every input
    first = next(step for step in steps if step.key.startswith("a"))
    matrix = "W" if cell in ("rnn", "clockwork") else ("W_d" if cell == "depth_gated" else
                                                        f"W_{first.key[2:]}")  # fmt: skip
    for k in range(d):
        term = f"{format_number(params[matrix][0, k])} \\cdot {format_number(x[k])}"
        assert term in first.substituted_lines[0]


def test_default_keys_are_the_output_keys_in_computing_order() -> None:
    rng = np.random.default_rng(3)
    params = engine.random_params("peephole", 2, 2, rng)
    x, h, c = rng.uniform(-1, 1, 2), rng.uniform(-1, 1, 2), rng.uniform(-1, 1, 2)
    record = engine.step("peephole", params, x, h, c)
    keys = [step.key for step in worked_solution(record, params, x, h, c)]
    assert keys == ["i", "f", "g", "c", "o", "h"]


def test_clockwork_shows_which_modules_keep_their_state() -> None:
    rng = np.random.default_rng(5)
    params = engine.random_params("clockwork", 1, 2, rng, decimals=2, periods=(1, 2))
    x, h = np.array([0.5]), np.array([0.25, -0.75])
    record = engine.step("clockwork", params, x, h, t=3, periods=(1, 2))
    active, new_h = worked_solution(record, params, x, h, t=3, periods=(1, 2))
    assert active.substituted_lines == (
        r"\mathrm{active}_{1} = [3 \,\mathrm{mod}\, 1 = 0]",
        r"\mathrm{active}_{2} = [3 \,\mathrm{mod}\, 2 = 0]",
    )
    assert active.value == (1.0, 0.0)
    assert new_h.substituted_lines[1] == r"h_{t,2} = -0.75 \quad (3 \,\mathrm{mod}\, 2 = 1 \neq 0)"
    assert new_h.value[1] == -0.75


def test_bad_arguments_are_named() -> None:
    rng = np.random.default_rng(0)
    params = engine.random_params("lstm", 1, 1, rng, two_biases=True)
    x, h, c = np.ones(1), np.ones(1), np.ones(1)
    record = engine.step("lstm", params, x, h, c)
    with pytest.raises(ValueError, match="'q'"):
        worked_solution(record, params, x, h, c, keys=["q"])
    with pytest.raises(ValueError, match="bh_"):
        worked_solution(record, params, x, h, c, two_biases=False)
    batch = engine.step("lstm", params, np.ones((2, 1)), np.ones((2, 1)), np.ones((2, 1)))
    with pytest.raises(ValueError, match="batch"):
        worked_solution(batch, params, x, h, c)


@pytest.mark.parametrize(
    ("cell", "convention"), [v for v in VARIANTS if v[0] in ("rnn", "lstm", "gru")]
)
def test_backward_worked_values_are_the_engines(cell: str, convention: str) -> None:
    rng = np.random.default_rng(21)
    d, n = 2, 2
    params = engine.random_params(cell, d, n, rng, decimals=2)
    x, h, dh = rng.uniform(-1, 1, d), rng.uniform(-1, 1, n), rng.uniform(-1, 1, n)
    c = rng.uniform(-1, 1, n) if cell == "lstm" else None
    dc = rng.uniform(-1, 1, n) if cell == "lstm" else None
    grads = backward(cell, params, x, h, dh, c=c, dc=dc, convention=convention)
    steps = backward_worked(cell, convention, params, x, h, c, dh, dc)
    assert "dh_prev" in [s.key for s in steps] and "dx" in [s.key for s in steps]
    for step in steps:
        assert step.value == tuple(grads[step.key].tolist())
    if cell == "lstm":
        dc_prev = next(s for s in steps if s.key == "dc_prev")
        assert dc_prev.formula_latex == r"\delta C_{t-1} = \delta C_{t} \odot f_{t}"
    if (cell, convention) == ("gru", "pytorch"):
        da_r = next(s for s in steps if s.key == "da_r")
        assert r"s_{t} = U_{n} h_{t-1} + b^{h}_{n}" in da_r.formula_latex
