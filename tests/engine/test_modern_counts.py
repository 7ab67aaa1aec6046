"""Parameter counts of the modern cells: hand-worked values and the sizes of the engine's parameters."""

from __future__ import annotations

import math

import pytest

import engine
from engine.counts import param_count


def test_counts_by_hand() -> None:
    assert param_count("mingru", 3, 2) == 2 * (2 * 3 + 2)  # W_z, W_h (2×3) + b_z, b_h
    assert param_count("minlstm", 3, 2) == 3 * 8
    assert param_count("slstm", 3, 2) == 4 * (6 + 4 + 2)
    assert param_count("mlstm", 3, 2) == 4 * 8 + 2 * 4  # q, k, v, o + scalar ĩ, f̃
    assert param_count("ssm", 3, 2) == 9 + 3 + 6 + 6 + 6 + 3  # W_Δ, b_Δ, W_B, W_C, A, D
    assert param_count("linear_attention", 3, 2) == 3 * 8


@pytest.mark.parametrize("cell", engine.MODERN_CELLS)
@pytest.mark.parametrize(("d", "n"), [(1, 1), (2, 3), (3, 2), (4, 4)])
def test_counts_equal_the_parameter_sizes(cell: str, d: int, n: int) -> None:
    sizes = sum(math.prod(shape) for shape in engine.param_shapes(cell, d, n).values())
    assert param_count(cell, d, n) == sizes


def test_stacked_ssm_reads_d_inputs_and_two_biases_are_refused() -> None:
    assert param_count("ssm", 3, 2, num_layers=2) == 2 * param_count("ssm", 3, 2)
    assert param_count("mingru", 3, 2, num_layers=2) == param_count("mingru", 3, 2) + 2 * 2 * 3
    with pytest.raises(engine.EngineError, match="mingru cell is counted with one bias"):
        param_count("mingru", 3, 2, biases=2)
