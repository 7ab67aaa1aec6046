"""PyTorch and Keras layouts, parameter counts and framework shapes."""

from __future__ import annotations

import numpy as np
import pytest

import engine
from engine.counts import param_count, torch_shapes
from engine.layouts import from_keras, from_torch, to_keras, to_torch


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_torch_layout_round_trip_and_row_order(cell: str) -> None:
    params = engine.random_params(cell, 3, 2, np.random.default_rng(1))
    stacked = to_torch(cell, params)
    blocks = {"rnn": 1, "lstm": 4, "gru": 3}[cell]
    assert stacked["weight_ih"].shape == (blocks * 2, 3)
    assert stacked["bias_hh"].shape == (blocks * 2,)
    if cell == "lstm":  # rows i, f, g, o: W_f is weight_ih[n:2n]
        np.testing.assert_array_equal(stacked["weight_ih"][2:4], params["W_f"])
        np.testing.assert_array_equal(stacked["bias_hh"][6:8], params["bh_o"])
    if cell == "gru":  # rows r, z, n
        np.testing.assert_array_equal(stacked["weight_hh"][4:6], params["U_n"])
    back = from_torch(cell, stacked)
    for key in params:
        np.testing.assert_array_equal(back[key], params[key])


def test_keras_gru_columns_are_z_r_h_and_reset_after_keeps_two_biases() -> None:
    params = engine.random_params("gru", 3, 2, np.random.default_rng(2))
    keras = to_keras("gru", params)
    assert keras["kernel"].shape == (3, 6)
    assert keras["bias"].shape == (2, 6)
    np.testing.assert_array_equal(keras["kernel"][:, 0:2], params["W_z"].T)
    np.testing.assert_array_equal(keras["recurrent_kernel"][:, 2:4], params["U_r"].T)
    np.testing.assert_array_equal(keras["bias"][1, 4:6], params["bh_n"])
    back = from_keras("gru", keras)
    for key in params:
        np.testing.assert_array_equal(back[key], params[key])


def test_keras_lstm_sums_the_two_biases_and_gives_the_same_step() -> None:
    rng = np.random.default_rng(3)
    params = engine.random_params("lstm", 3, 2, rng)
    keras = to_keras("lstm", params)
    assert keras["bias"].shape == (8,)
    x, h, c = rng.normal(size=3), rng.normal(size=2), rng.normal(size=2)
    a = engine.step("lstm", params, x, h, c)
    b = engine.step("lstm", from_keras("lstm", keras), x, h, c)
    np.testing.assert_allclose(a["h"], b["h"], atol=1e-15)


def test_layout_errors_name_the_array() -> None:
    with pytest.raises(engine.EngineError, match=r"weight_hh: got shape \(3, 2\)"):
        from_torch("lstm", {"weight_ih": np.zeros((8, 3)), "weight_hh": np.zeros((3, 2)),
                            "bias_ih": np.zeros(8)})  # fmt: skip
    with pytest.raises(engine.EngineError, match="defined for rnn, lstm, gru"):
        to_torch("mgu", engine.random_params("mgu", 2, 2, np.random.default_rng(0)))


def test_parameter_counts_of_the_spec_example() -> None:
    # The spec's example, d = 3, n = 2: LSTM 48 / 56, GRU 36 / 42, RNN 12 / 14.
    assert [param_count(c, 3, 2, biases=b) for c in ("lstm", "gru", "rnn") for b in (1, 2)] == [
        48, 56, 36, 42, 12, 14,
    ]  # fmt: skip


def test_parameter_counts_of_variants_follow_the_formulas() -> None:
    d, n = 5, 4
    big_n = n * (n + d)
    assert param_count("peephole", d, n) == 4 * (big_n + n) + 3 * n
    assert param_count("cifg", d, n) == 3 * (big_n + n)
    assert param_count("mgu", d, n) == 2 * (big_n + n)
    assert param_count("sru", 4, 4) == 3 * 16 + 16
    # Stacked and bidirectional: layer 2 reads 2n inputs.
    layer1 = 2 * 4 * (n * (n + d) + 2 * n)
    layer2 = 2 * 4 * (n * (n + 2 * n) + 2 * n)
    assert param_count("lstm", d, n, biases=2, bidirectional=True, num_layers=2) == layer1 + layer2
    # proj_size p: 4nd + 4np + 8n + pn in the first layer.
    assert param_count("lstm", d, n, biases=2, proj_size=2) == 4 * n * d + 4 * n * 2 + 8 * n + 2 * n


def test_torch_shapes_follow_batch_first_only_for_output() -> None:
    shapes = torch_shapes("LSTM", input_size=8, hidden_size=16, batch=2, seq_len=4,
                          num_layers=3, bidirectional=True, batch_first=True)  # fmt: skip
    assert shapes == {"output": (2, 4, 32), "h_n": (6, 2, 16), "c_n": (6, 2, 16)}
    gru = torch_shapes("GRU", input_size=8, hidden_size=16, batch=2, seq_len=4)
    assert gru == {"output": (4, 2, 16), "h_n": (1, 2, 16)}
    proj = torch_shapes("LSTM", input_size=8, hidden_size=16, batch=2, seq_len=4, proj_size=5)
    assert proj == {"output": (4, 2, 5), "h_n": (1, 2, 5), "c_n": (1, 2, 16)}


def test_counts_refuse_bad_arguments() -> None:
    with pytest.raises(engine.EngineError, match="d = n"):
        param_count("sru", 3, 2)
    with pytest.raises(engine.EngineError, match="unknown cell"):
        param_count("transformer", 3, 2)
    with pytest.raises(engine.EngineError, match="proj_size"):
        param_count("gru", 3, 2, proj_size=1)


def test_clockwork_and_depth_gated_counts_match_their_parameters() -> None:
    # Count the free entries of the engine's own parameters: the clockwork mask zeroes the
    # blocks below the diagonal, which are not parameters.
    rng = np.random.default_rng(6)
    clockwork = engine.random_params("clockwork", 3, 4, rng, periods=(1, 2))
    free = sum(int(np.count_nonzero(v)) if k == "U" else v.size for k, v in clockwork.items()
               if k != "bh")  # fmt: skip
    assert param_count("clockwork", 3, 4, modules=2) == free == 3 * 4 + 12 + 4
    assert param_count("clockwork", 3, 4, modules=1) == param_count("rnn", 3, 4)
    shapes = engine.param_shapes("depth_gated", 3, 4)
    one_bias = sum(int(np.prod(s)) for k, s in shapes.items() if not k.startswith("bh"))
    assert param_count("depth_gated", 3, 4) == one_bias
