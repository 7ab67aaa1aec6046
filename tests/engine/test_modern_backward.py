"""Every modern backward gradient against central finite differences of a random linear loss of the
step's outputs and new state."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import Array, numeric_gradient

import engine
from engine.backward import backward
from engine.modern.gradients import upstream_names
from engine.modern.shapes import MODERN_CELLS, state_shapes

CASES = [(cell, conv) for cell in MODERN_CELLS for conv in engine.CONVENTIONS.get(cell, (None,))]


def _state(cell: str, d: int, n: int, rng: np.random.Generator) -> dict[str, Array]:
    state = {k: rng.normal(size=s) for k, s in state_shapes(cell, d, n).items()}
    for positive in ("n", "z"):
        if positive in state:
            state[positive] = np.abs(state[positive]) + 0.5
    return state


@pytest.mark.parametrize(("cell", "convention"), CASES)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_gradients_match_finite_differences(cell: str, convention: str | None, seed: int) -> None:
    rng = np.random.default_rng(seed)
    d, n = int(rng.integers(1, 4)), int(rng.integers(1, 4))
    params = {k: np.array(v) for k, v in engine.random_params(cell, d, n, rng, scale=1.0).items()}
    x, state = rng.normal(size=d), _state(cell, d, n, rng)
    if "m" in state:  # away from the stabiliser's tie, where the max has no derivative
        state["m"] = rng.normal(size=state["m"].shape) * 2.0
    probe = engine.step(cell, params, x, state=state, convention=convention)
    weights = {name: rng.normal(size=probe[name].shape) for name in upstream_names(cell)}

    def loss(p: dict[str, Array], x_: Array, s: dict[str, Array]) -> float:
        record = engine.step(cell, p, x_, state=s, convention=convention)
        return float(sum(np.sum(w * record[name]) for name, w in weights.items()))

    grads = backward(
        cell, params, x, None, None, state=state, upstream=weights, convention=convention
    )
    np.testing.assert_allclose(
        grads["dx"], numeric_gradient(lambda v: loss(params, v, state), x.copy()), atol=1e-7
    )
    for name, value in state.items():

        def of_state(v: Array, name: str = name) -> float:
            return loss(params, x, {**state, name: v})

        expected = numeric_gradient(of_state, value.copy())
        np.testing.assert_allclose(grads[f"d{name}_prev"], expected, atol=1e-7, err_msg=name)
    for name, value in params.items():

        def of_param(v: Array, name: str = name) -> float:
            return loss({**params, name: v}, x, state)

        expected = numeric_gradient(of_param, value.copy())
        np.testing.assert_allclose(grads[f"d{name}"], expected, atol=1e-7, err_msg=name)


def test_mingru_gradient_by_hand() -> None:
    """z = σ(0) = 1/2, h̃ = 3: ∂h/∂h_{t−1} = 1 − z, ∂h/∂a_z = (h̃ − h_{t−1}) z (1 − z)."""
    params = {"W_z": [[0.0]], "b_z": [0.0], "W_h": [[1.0]], "b_h": [1.0]}
    grads = backward("mingru", params, [2.0], [1.0], [1.0])
    assert grads["dh_prev"][0] == 0.5
    assert grads["da_z"][0] == (3.0 - 1.0) * 0.25
    assert grads["dx"][0] == 0.5  # only through h̃ = W_h x + b_h (W_z = 0)


def test_backward_refuses_unknown_upstream() -> None:
    params = engine.random_params("ssm", 1, 1, np.random.default_rng(0))
    with pytest.raises(
        engine.EngineError, match="no upstream gradient 'c' for ssm; expected some of: h, y"
    ):
        backward("ssm", params, [1.0], [[0.0]], None, upstream={"c": [1.0]})
    with pytest.raises(engine.ShapeError, match=r"dy: got shape \(2,\), expected \(1,\)"):
        backward("ssm", params, [1.0], [[0.0]], None, upstream={"y": [1.0, 2.0]})
    with pytest.raises(engine.EngineError, match="give at least one upstream gradient"):
        backward("ssm", params, [1.0], [[0.0]], None)
