"""The parallel scan against the sequential loop and against stepping the cells one by one."""

from __future__ import annotations

import numpy as np
import pytest

import engine
from engine.modern.step import next_state
from engine.scan import (
    SCAN_CELLS,
    coefficients,
    combine,
    prefix_coefficients,
    run,
    scan,
    sequential,
)


@pytest.mark.parametrize("steps", range(1, 7))
@pytest.mark.parametrize("seed", range(3))
def test_scan_equals_loop(steps: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    shape = (steps, 2, 3)
    a, b, h0 = rng.normal(size=shape), rng.normal(size=shape), rng.normal(size=shape[1:])
    trace = scan(a, b, h0)
    np.testing.assert_allclose(trace.h, sequential(a, b, h0), rtol=1e-12, atol=1e-13)
    # The prefix pair of t steps is the left-to-right fold of combine.
    folded = (a[0], b[0])
    for t in range(1, steps):
        folded = combine(folded, (a[t], b[t]))
    np.testing.assert_allclose(trace.prefix_a[-1], folded[0], rtol=1e-12)
    np.testing.assert_allclose(trace.prefix_b[-1], folded[1], rtol=1e-12, atol=1e-13)


def test_combine_by_hand_and_associative() -> None:
    a1, b1, a2, b2 = (np.array([v]) for v in (0.5, 2.0, 0.25, -1.0))
    a, b = combine((a1, b1), (a2, b2))
    assert (a[0], b[0]) == (0.125, 0.25 * 2.0 - 1.0)  # h2 = a2 (a1 h0 + b1) + b2
    rng = np.random.default_rng(3)
    p, q, r = ((rng.normal(size=2), rng.normal(size=2)) for _ in range(3))
    left, right = combine(combine(p, q), r), combine(p, combine(q, r))
    np.testing.assert_allclose(left, right, rtol=1e-13)


@pytest.mark.parametrize("cell", SCAN_CELLS)
@pytest.mark.parametrize("steps", [2, 3, 4])
def test_cell_scan_equals_stepping_the_cell(cell: str, steps: int) -> None:
    rng = np.random.default_rng(steps)
    d, n = 2, 3
    params = engine.random_params(cell, d, n, rng, scale=1.0)
    xs = rng.normal(size=(steps, d))
    h0 = rng.normal(size=(d, n) if cell == "ssm" else n)
    for convention in engine.CONVENTIONS.get(cell, ("standard",)):
        trace = run(cell, params, xs, h0, convention=convention)
        state: dict[str, object] = {"h": h0}
        for t, x in enumerate(xs):
            record = engine.step(cell, params, x, state=state, convention=convention)
            np.testing.assert_allclose(trace.h[t], record["h"], rtol=1e-12, atol=1e-14)
            state = next_state(record)


def test_coefficients_are_the_cells_gates() -> None:
    rng = np.random.default_rng(8)
    params = engine.random_params("minlstm", 1, 2, rng)
    a, b = coefficients("minlstm", params, [[0.7]])
    record = engine.step("minlstm", params, [0.7], [0.0, 0.0])
    np.testing.assert_array_equal(a[0], record["f_prime"])
    np.testing.assert_array_equal(b[0], record["i_prime"] * record["h_tilde"])


def test_scan_refuses_bad_input() -> None:
    with pytest.raises(engine.ShapeError, match=r"b: got shape \(2, 1\), expected \(2, 2\)"):
        prefix_coefficients(np.ones((2, 2)), np.ones((2, 1)))
    with pytest.raises(engine.ShapeError, match=r"h0: got shape \(3,\), expected \(2,\)"):
        scan(np.ones((2, 2)), np.ones((2, 2)), np.ones(3))
    with pytest.raises(engine.EngineError, match="the scan is defined for mingru, minlstm, ssm"):
        coefficients("slstm", {}, [[0.0]])
