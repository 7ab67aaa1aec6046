"""The sympy definitions, evaluated with numbers, agree with the NumPy engine (one source of truth)."""

from __future__ import annotations

import numpy as np
import pytest

import engine
from engine.backward import backward
from quizapp.formulas.backward import backward_definitions, symbolic_backward
from quizapp.formulas.cells import definitions
from quizapp.formulas.numeric import symbolic_step

VARIANTS = [
    (cell, conv) for cell in engine.CELLS for conv in engine.CONVENTIONS.get(cell, ("standard",))
]
NEEDS_C = {"lstm", "peephole", "cifg", "sru", "depth_gated"}
SEEDS = range(5)
TOLERANCE = 1e-12


def _cases(cell: str) -> list[tuple[int, int, tuple[int, ...] | None, int | None]]:
    """(d, n, periods, t) combinations to try for ``cell``."""
    if cell == "sru":
        return [(n, n, None, None) for n in (1, 2, 3)]
    if cell == "clockwork":
        return [(d, n, (1, 2), t) for d in (1, 2, 3) for n in (2, 4) for t in (0, 1, 2, 3)]
    return [(d, n, None, None) for d in (1, 2, 3) for n in (1, 2, 3)]


@pytest.mark.parametrize(("cell", "convention"), VARIANTS)
def test_symbolic_step_matches_engine(cell: str, convention: str) -> None:
    compared = 0
    for seed in SEEDS:
        rng = np.random.default_rng(1000 + seed)
        for d, n, periods, t in _cases(cell):
            params = engine.random_params(cell, d, n, rng, two_biases=True, periods=periods)
            # random_params draws non-zero biases on both sides; make sure, so the test can fail
            assert all(np.all(params[k] != 0) for k in params if k.startswith(("b_", "bh")))
            x, h = rng.uniform(-1.5, 1.5, d), rng.uniform(-1, 1, n)
            c = rng.uniform(-1, 1, n) if cell in NEEDS_C else None
            c_low = rng.uniform(-1, 1, n) if cell == "depth_gated" else None
            record = engine.step(
                cell, params, x, h, c, convention=convention, c_low=c_low, t=t, periods=periods
            )
            symbolic = symbolic_step(
                cell, convention, params, x, h, c, c_low=c_low, t=t, periods=periods
            )
            assert set(symbolic) == set(record.values)
            for key, value in symbolic.items():
                np.testing.assert_allclose(value, record[key], rtol=0, atol=TOLERANCE, err_msg=key)
                compared += 1
    assert compared > 0


@pytest.mark.parametrize(("cell", "convention"), VARIANTS)
def test_definition_keys_are_the_record_keys(cell: str, convention: str) -> None:
    for two_biases in (False, True):
        keys = [key for key, _ in definitions(cell, convention, two_biases)]
        assert len(keys) == len(set(keys))
        rng = np.random.default_rng(0)
        n = 2
        periods = (1, 2) if cell == "clockwork" else None
        params = engine.random_params(cell, n, n, rng, periods=periods)
        t = 1 if cell == "clockwork" else None
        c = np.zeros(n) if cell in NEEDS_C else None
        c_low = np.zeros(n) if cell == "depth_gated" else None
        record = engine.step(cell, params, np.ones(n), np.ones(n), c, convention=convention,
                             c_low=c_low, t=t, periods=periods)  # fmt: skip
        assert set(keys) == set(record.values)


BACKWARD_VARIANTS = [v for v in VARIANTS if v[0] in ("rnn", "lstm", "gru")]


@pytest.mark.parametrize(("cell", "convention"), BACKWARD_VARIANTS)
def test_symbolic_backward_matches_engine(cell: str, convention: str) -> None:
    for seed in SEEDS:
        rng = np.random.default_rng(2000 + seed)
        for d in (1, 2, 3):
            for n in (1, 2, 3):
                params = engine.random_params(cell, d, n, rng, two_biases=True)
                x, h = rng.uniform(-1.5, 1.5, d), rng.uniform(-1, 1, n)
                c = rng.uniform(-1, 1, n) if cell == "lstm" else None
                dh = rng.uniform(-1, 1, n)
                dc = rng.uniform(-1, 1, n) if cell == "lstm" else None
                grads = backward(cell, params, x, h, dh, c=c, dc=dc, convention=convention)
                symbolic = symbolic_backward(cell, convention, params, x, h, c, dh, dc)
                assert [k for k, _ in backward_definitions(cell, convention)] == list(symbolic)
                for key, value in symbolic.items():
                    np.testing.assert_allclose(
                        value, grads[key], rtol=0, atol=TOLERANCE, err_msg=key
                    )


def test_relu_rnn_backward_agrees_where_the_unit_is_off() -> None:
    """A pre-activation below zero must block the gradient in both descriptions."""
    params = {"W": np.array([[1.0]]), "U": np.array([[0.0]]), "b": np.array([-2.0])}
    x, h, dh = np.array([0.5]), np.array([0.0]), np.array([1.0])
    symbolic = symbolic_backward("rnn", "relu", params, x, h, None, dh)
    assert symbolic["da"][0] == 0.0
    assert backward("rnn", params, x, h, dh, convention="relu")["da"][0] == 0.0
