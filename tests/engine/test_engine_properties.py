"""Ranges, shapes and the spec's equivalences, over random cells with non-zero biases."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import engine
from engine.params import Array

SIGMA_KEYS = {"i", "f", "o", "r", "z", "d"}
TANH_KEYS = {"g", "n"}


def _inputs(
    cell: str, d: int, n: int, rng: np.random.Generator, batch: int | None
) -> dict[str, object]:
    shape_x = (batch, d) if batch else (d,)
    shape_h = (batch, n) if batch else (n,)
    kwargs: dict[str, object] = {"x": rng.normal(size=shape_x), "h": rng.normal(size=shape_h)}
    if cell in ("lstm", "peephole", "cifg", "sru", "depth_gated"):
        kwargs["c"] = rng.normal(size=shape_h) * 2
    if cell == "depth_gated":
        kwargs["c_low"] = rng.normal(size=shape_h)
    if cell == "clockwork":
        kwargs.update(t=int(rng.integers(0, 9)), periods=(1, 2))
    return kwargs


@settings(max_examples=60, deadline=None)
@given(
    cell=st.sampled_from(engine.CELLS),
    seed=st.integers(0, 2**32 - 1),
    n_half=st.integers(1, 2),
    d=st.integers(1, 4),
    batch=st.sampled_from([None, 1, 3]),
    scale=st.floats(0.1, 3.0),
)
def test_ranges_and_shapes(
    cell: str, seed: int, n_half: int, d: int, batch: int | None, scale: float
) -> None:
    rng = np.random.default_rng(seed)
    n = 2 * n_half
    if cell == "sru":
        d = n
    params = engine.random_params(cell, d, n, rng, scale=scale, periods=(1, 2))
    for convention in engine.CONVENTIONS.get(cell, (None,)):
        kwargs = _inputs(cell, d, n, rng, batch)
        record = engine.step(cell, params, convention=convention, **kwargs)
        for key, value in record.values.items():
            if key == "active":
                assert value.shape == (2,)
                continue
            assert value.shape == ((batch, n) if batch else (n,)), key
            assert np.all(np.isfinite(value))
            if key in SIGMA_KEYS:
                assert np.all((value > 0) & (value < 1)), key
            if key in TANH_KEYS:
                assert np.all((value > -1) & (value < 1)), key
        if cell in ("lstm", "peephole", "cifg", "depth_gated") or convention == "tanh":
            assert np.all(np.abs(record.h) < 1)
        if cell in ("gru", "mgu"):  # a convex mix of h_{t-1} and a tanh value
            bound = np.maximum(np.abs(np.asarray(kwargs["h"])), 1.0)
            assert np.all(np.abs(record.h) <= bound + 1e-12)


def test_colah_concatenation_equals_split_weights() -> None:
    """W_f · [h, x] + b_f with W_f = [W_fh | W_fx] (h columns first) equals W_fx x + W_fh h + b_f."""
    rng = np.random.default_rng(11)
    params = engine.random_params("lstm", 3, 2, rng)
    x, h, c = rng.normal(size=3), rng.normal(size=2), rng.normal(size=2)
    record = engine.step("lstm", params, x, h, c)
    for k in "ifgo":
        stacked = np.hstack([params[f"U_{k}"], params[f"W_{k}"]])
        pre = stacked @ np.concatenate([h, x]) + params[f"b_{k}"] + params[f"bh_{k}"]
        np.testing.assert_allclose(pre, record[f"a_{k}"], atol=1e-14)


def test_cifg_is_lstm_with_tied_negated_input_gate() -> None:
    rng = np.random.default_rng(12)
    cifg = engine.random_params("cifg", 3, 2, rng)
    lstm: dict[str, Array] = dict(cifg)
    for part in ("W", "U", "b", "bh"):
        lstm[f"{part}_i"] = -cifg[f"{part}_f"]  # σ(-a) = 1 - σ(a)
    x, h, c = rng.normal(size=3), rng.normal(size=2), rng.normal(size=2)
    a = engine.step("cifg", cifg, x, h, c)
    b = engine.step("lstm", lstm, x, h, c)
    for key in "ifgoch":
        np.testing.assert_allclose(a[key], b[key], atol=1e-14, err_msg=key)


def test_colah_equals_d2l_with_negated_update_gate() -> None:
    rng = np.random.default_rng(13)
    params = engine.random_params("gru", 3, 2, rng)
    negated = {k: (-v if k.endswith("_z") else v) for k, v in params.items()}
    x, h = rng.normal(size=3), rng.normal(size=2)
    colah = engine.step("gru", params, x, h, convention="colah")
    d2l = engine.step("gru", negated, x, h, convention="d2l")
    np.testing.assert_allclose(colah["h"], d2l["h"], atol=1e-14)
    np.testing.assert_allclose(colah["z"], 1 - d2l["z"], atol=1e-14)


def test_conventions_differ_with_equal_weights() -> None:
    """r ⊙ (U h) and U (r ⊙ h) are different functions."""
    rng = np.random.default_rng(14)
    params = engine.random_params("gru", 2, 2, rng, scale=1.0)
    x, h = rng.normal(size=2), rng.normal(size=2)
    pytorch = engine.step("gru", params, x, h, convention="pytorch")["n"]
    d2l = engine.step("gru", params, x, h, convention="d2l")["n"]
    assert np.max(np.abs(pytorch - d2l)) > 1e-3


def test_mgu_is_the_colah_gru_with_one_gate() -> None:
    rng = np.random.default_rng(15)
    mgu = engine.random_params("mgu", 3, 2, rng)
    gru = {k: v for k, v in mgu.items() if not k.endswith("_f")}
    for part in ("W", "U", "b", "bh"):
        gru[f"{part}_r"] = gru[f"{part}_z"] = mgu[f"{part}_f"]
    x, h = rng.normal(size=3), rng.normal(size=2)
    np.testing.assert_allclose(
        engine.step("mgu", mgu, x, h)["h"],
        engine.step("gru", gru, x, h, convention="colah")["h"],
        atol=1e-14,
    )


def test_peephole_output_gate_reads_the_new_cell() -> None:
    rng = np.random.default_rng(16)
    params = engine.random_params("peephole", 2, 2, rng)
    x, h, c = rng.normal(size=2), rng.normal(size=2), rng.normal(size=2)
    record = engine.step("peephole", params, x, h, c)
    plain = params["W_o"] @ x + params["U_o"] @ h + params["b_o"] + params["bh_o"]
    np.testing.assert_allclose(record["a_o"], plain + params["p_o"] * record["c"], atol=1e-14)


def test_clockwork_keeps_inactive_modules_and_mask_is_block_upper() -> None:
    rng = np.random.default_rng(17)
    params = engine.random_params("clockwork", 2, 4, rng, periods=(1, 2))
    assert np.all(params["U"][2:, :2] == 0)  # slow module never reads the fast one
    x, h = rng.normal(size=2), rng.normal(size=4)
    odd = engine.step("clockwork", params, x, h, t=3, periods=(1, 2))
    np.testing.assert_array_equal(odd["active"], [1.0, 0.0])
    np.testing.assert_array_equal(odd["h"][2:], h[2:])
    np.testing.assert_allclose(odd["h"][:2], np.tanh(odd["a"][:2]))
    even = engine.step("clockwork", params, x, h, t=4, periods=(1, 2))
    np.testing.assert_allclose(even["h"], np.tanh(even["a"]))


def test_sru_and_depth_gated_follow_their_equations() -> None:
    rng = np.random.default_rng(18)
    p = engine.random_params("sru", 2, 2, rng)
    x, c = rng.normal(size=2), rng.normal(size=2)
    sru = engine.step("sru", p, x, c=c)
    f = 1 / (1 + np.exp(-(p["W_f"] @ x + p["v_f"] * c + p["b_f"])))
    c_new = f * c + (1 - f) * (p["W_c"] @ x)
    np.testing.assert_allclose(sru["c"], c_new, atol=1e-14)
    np.testing.assert_allclose(sru["h"], sru["r"] * c_new + (1 - sru["r"]) * x, atol=1e-14)
    q = engine.random_params("depth_gated", 2, 2, rng)
    h, c_low = rng.normal(size=2), rng.normal(size=2)
    dg = engine.step("depth_gated", q, x, h, c, c_low=c_low)
    np.testing.assert_allclose(
        dg["c"], dg["d"] * c_low + dg["f"] * c + dg["i"] * dg["g"], atol=1e-14
    )


@pytest.mark.parametrize("cell", engine.CELLS)
def test_random_params_are_seeded_and_rounded(cell: str) -> None:
    a = engine.random_params(cell, 2, 2, np.random.default_rng(5), decimals=1, periods=(1, 2))
    b = engine.random_params(cell, 2, 2, np.random.default_rng(5), decimals=1, periods=(1, 2))
    for key in a:
        np.testing.assert_array_equal(a[key], b[key])
        np.testing.assert_array_equal(np.round(a[key], 1), a[key])


def test_rnn_readout_is_the_seed_output_layer() -> None:
    rng = np.random.default_rng(19)
    params = dict(engine.random_params("rnn", 2, 3, rng))
    V, c_y = rng.normal(size=(4, 3)), rng.normal(size=4)
    x, h = rng.normal(size=2), rng.normal(size=3)
    record = engine.step("rnn", {**params, "V": V, "c_y": c_y}, x, h)
    logits = V @ record["h"] + c_y
    np.testing.assert_allclose(record["a_y"], logits, atol=1e-14)
    np.testing.assert_allclose(record["y"], np.exp(logits) / np.exp(logits).sum(), atol=1e-14)
    assert record["y"].sum() == pytest.approx(1.0)
    sig = engine.step("rnn", {**params, "V": V, "c_y": c_y}, x, h, readout="sigmoid")
    np.testing.assert_allclose(sig["y"], 1 / (1 + np.exp(-logits)), atol=1e-14)
    with pytest.raises(
        engine.EngineError, match=r"parameter c_y: got shape \(3,\), expected \(4,\)"
    ):
        engine.step("rnn", {**params, "V": V, "c_y": c_y[:3]}, x, h)
    with pytest.raises(engine.EngineError, match="unknown readout 'relu'"):
        engine.step("rnn", {**params, "V": V, "c_y": c_y}, x, h, readout="relu")
