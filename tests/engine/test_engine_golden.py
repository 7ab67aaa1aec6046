"""The engine against the spec's golden cases (checked against PyTorch by the spec's authors)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import engine
from engine.backward import backward
from engine.layouts import from_torch

GOLDEN: dict[str, Any] = json.loads(
    (Path(__file__).parents[1] / "data" / "golden.json").read_text(encoding="utf-8")
)
TOL = 1e-9  # golden values are printed with 10 significant digits


def _torch_layout(case: dict[str, Any]) -> dict[str, Any]:
    return {k: case[k] for k in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")}


def test_lstm_forward_and_backward_match_golden() -> None:
    case = GOLDEN["lstm"]
    params = from_torch("lstm", _torch_layout(case))
    record = engine.step("lstm", params, case["x"], case["h_prev"], case["c_prev"])
    preact = np.concatenate([record[f"a_{k}"] for k in "ifgo"])
    np.testing.assert_allclose(preact, case["preact"], atol=TOL)
    for key in "ifgoch":
        np.testing.assert_allclose(record[key], case[key], atol=TOL, err_msg=key)
    grads = backward(
        "lstm", params, case["x"], case["h_prev"], case["upstream_dh"], c=case["c_prev"]
    )
    np.testing.assert_allclose(grads["dc"], case["dc_total"], atol=TOL)
    np.testing.assert_allclose(grads["dc_prev"], case["dc_prev"], atol=TOL)
    np.testing.assert_allclose(grads["dh_prev"], case["dh_prev"], atol=TOL)
    np.testing.assert_allclose(grads["dx"], case["dx"], atol=TOL)
    dpreact = np.concatenate([grads[f"da_{k}"] for k in "ifgo"])
    np.testing.assert_allclose(dpreact, case["dpreact"], atol=TOL)


def test_gru_forward_and_named_mistakes_match_golden() -> None:
    case = GOLDEN["gru"]
    params = from_torch("gru", _torch_layout(case))
    record = engine.step("gru", params, case["x"], case["h_prev"], convention="pytorch")
    for key in "rznh":
        np.testing.assert_allclose(record[key], case[key], atol=TOL, err_msg=key)
    np.testing.assert_allclose(record["s"], case["gh_n"], atol=TOL)
    # Reset before the product (the d2l candidate) with PyTorch's update is the d2l convention.
    d2l = engine.step("gru", params, case["x"], case["h_prev"], convention="d2l")
    np.testing.assert_allclose(d2l["h"], case["wrong_reset_before_matmul"], atol=TOL)
    z, n, h = record["z"], record["n"], np.array(case["h_prev"])
    np.testing.assert_allclose(z * n + (1 - z) * h, case["wrong_z_swapped"], atol=TOL)


def test_rnn_forward_and_backward_match_golden() -> None:
    case = GOLDEN["rnn_tanh"]
    params = from_torch("rnn", _torch_layout(case))
    record = engine.step("rnn", params, case["x"], case["h_prev"])
    np.testing.assert_allclose(record["a"], case["preact"], atol=TOL)
    np.testing.assert_allclose(record["h"], case["h"], atol=TOL)
    grads = backward("rnn", params, case["x"], case["h_prev"], case["upstream_dh"])
    np.testing.assert_allclose(grads["da"], case["dpreact"], atol=TOL)
    np.testing.assert_allclose(grads["dh_prev"], case["dh_prev"], atol=TOL)
    np.testing.assert_allclose(grads["dx"], case["dx"], atol=TOL)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_batch_rows_equal_single_examples(cell: str) -> None:
    rng = np.random.default_rng(7)
    params = engine.random_params(cell, 3, 2, rng)
    x, h, c = rng.normal(size=(4, 3)), rng.normal(size=(4, 2)), rng.normal(size=(4, 2))
    batch = engine.step(cell, params, x, h, c if cell == "lstm" else None)
    for row in range(4):
        single = engine.step(cell, params, x[row], h[row], c[row] if cell == "lstm" else None)
        for key in single:
            np.testing.assert_allclose(batch[key][row], single[key], rtol=0, atol=1e-15)
