"""Every backward gradient against central finite differences of a random linear loss."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from helpers import Array, numeric_gradient

import engine
from engine.backward import backward

CASES = [("rnn", "tanh"), ("rnn", "relu"), ("lstm", None)] + [
    ("gru", conv) for conv in engine.CONVENTIONS["gru"]
]


def _loss_factory(
    cell: str, convention: str | None, wh: Array, wc: Array
) -> Callable[[dict[str, Array], Array, Array, Array | None], float]:
    def loss(params: dict[str, Array], x: Array, h: Array, c: Array | None) -> float:
        record = engine.step(cell, params, x, h, c, convention=convention)
        value = float(wh @ record["h"])
        if record.c is not None:
            value += float(wc @ record.c)
        return value

    return loss


@pytest.mark.parametrize(("cell", "convention"), CASES)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_gradients_match_finite_differences(cell: str, convention: str | None, seed: int) -> None:
    rng = np.random.default_rng(seed)
    d, n = 3, 2
    params = {k: np.array(v) for k, v in engine.random_params(cell, d, n, rng, scale=1.0).items()}
    x, h = rng.normal(size=d), rng.normal(size=n)
    c = rng.normal(size=n) if cell == "lstm" else None
    dh, dc = rng.normal(size=n), rng.normal(size=n)
    loss = _loss_factory(cell, convention, dh, dc if cell == "lstm" else np.zeros(n))
    grads = backward(cell, params, x, h, dh, c=c, dc=dc if cell == "lstm" else None,
                     convention=convention)  # fmt: skip

    np.testing.assert_allclose(
        grads["dx"], numeric_gradient(lambda v: loss(params, v, h, c), x.copy()), atol=1e-7
    )
    np.testing.assert_allclose(
        grads["dh_prev"], numeric_gradient(lambda v: loss(params, x, v, c), h.copy()), atol=1e-7
    )
    if c is not None:
        np.testing.assert_allclose(
            grads["dc_prev"], numeric_gradient(lambda v: loss(params, x, h, v), c.copy()), atol=1e-7
        )
    for name, value in params.items():

        def loss_of(v: Array, name: str = name) -> float:
            return loss({**params, name: v}, x, h, c)

        np.testing.assert_allclose(
            grads[f"d{name}"], numeric_gradient(loss_of, value.copy()), atol=1e-7, err_msg=name
        )


def test_lstm_cell_path_is_the_forget_gate() -> None:
    """With no gradient through h, δC_{t-1} = δC ⊙ f exactly (the gradient highway)."""
    rng = np.random.default_rng(3)
    params = engine.random_params("lstm", 2, 2, rng)
    x, h, c = rng.normal(size=2), rng.normal(size=2), rng.normal(size=2)
    dc = np.array([1.0, -2.0])
    grads = backward("lstm", params, x, h, np.zeros(2), c=c, dc=dc)
    forget = engine.step("lstm", params, x, h, c)["f"]
    np.testing.assert_allclose(grads["dc_prev"], dc * forget, rtol=0, atol=1e-15)


def test_batch_parameter_gradients_are_sums_over_examples() -> None:
    rng = np.random.default_rng(4)
    params = engine.random_params("gru", 3, 2, rng)
    x, h, dh = rng.normal(size=(5, 3)), rng.normal(size=(5, 2)), rng.normal(size=(5, 2))
    batch = backward("gru", params, x, h, dh)
    total = sum(backward("gru", params, x[k], h[k], dh[k])["dU_n"] for k in range(5))
    np.testing.assert_allclose(batch["dU_n"], total, atol=1e-14)
    np.testing.assert_allclose(batch["dx"][2], backward("gru", params, x[2], h[2], dh[2])["dx"])
