"""The numbers of the bank's ``*_more.yaml`` files, recomputed with the engine (or numpy for plain
arithmetic): every numeric and shape answer there must have a recomputation here.

These tests read whatever YAML is in ``questions/bank`` when they run.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from engine.backward import backward
from engine.counts import param_count, torch_shapes
from engine.layouts import to_torch
from engine.params import param_shapes
from engine.step import step
from questions.load import BANK_DIR, load_paths
from questions.schema import Question

MORE_FILES = sorted(Path(BANK_DIR).glob("*_more.yaml"))
MORE = {q.id: q for q in load_paths(MORE_FILES).questions}


def _scalar_params(**values: float) -> dict[str, object]:
    """Parameters of a d = n = 1 cell given as scalars: matrices for W/U, vectors for the rest."""
    return {name: [[value]] if name[0] in "WU" else [value] for name, value in values.items()}


def _lstm_zero() -> dict[str, float]:
    return {f"{k}_{g}": 0.0 for k in "WUb" for g in "ifgo"}


def _record(
    cell: str, params: dict[str, float], x: float, h: float, c: float, **extra: object
) -> dict[str, npt.NDArray[np.float64]]:
    record = step(cell, _scalar_params(**params), [x], [h], [c], **extra)  # type: ignore[arg-type]
    return {k: np.asarray(v, dtype=np.float64) for k, v in record.as_dict().items()}


def _depth_gated_cell() -> float:
    params = _lstm_zero() | {"p_i": 0.0, "p_f": 0.0, "p_o": 0.0}
    params |= {"W_i": 1.0, "b_f": 1.0, "W_g": 1.0}
    params |= {"W_d": 0.5, "w_cd": 0.5, "w_ld": 1.0, "b_d": -1.0}
    record = _record("depth_gated", params, 1.0, 0.0, 0.5, c_low=[2.0])
    return float(record["c"][0])


def _lstm_input_gate() -> float:
    params = _lstm_zero() | {"W_i": 0.5, "U_i": 1.0, "b_i": 0.5}
    return float(_record("lstm", params, 2.0, -1.0, 0.0)["i"][0])


def _lstm_zero_forget() -> float:
    return float(_record("lstm", _lstm_zero(), 0.7, -0.3, 1.5)["f"][0])


def _peephole_forget() -> float:
    params = _lstm_zero() | {"W_f": 1.0, "U_f": 0.5, "p_i": 0.0, "p_f": 0.5, "p_o": 0.0}
    return float(_record("peephole", params, 1.0, -2.0, 2.0)["f"][0])


def _forget_gate_share() -> float:
    total = param_count("lstm", 10, 20, biases=2)
    torch_layout = to_torch(
        "lstm", {k: np.zeros(s) for k, s in param_shapes("lstm", 10, 20).items()}
    )
    rows_per_gate = torch_layout["weight_ih"].shape[0] // 4
    # The forget gate's rows of both matrices and its slice of both biases.
    own = rows_per_gate * (10 + 20) + 2 * rows_per_gate
    assert own * 4 == total
    return float(own)


def _linear_rnn_back_norm() -> float:
    u = np.diag([0.5, 1.2])
    g = np.ones(2)
    for _ in range(20):
        g = u.T @ g
    return float(np.linalg.norm(g))


def _value_clip_ratio() -> float:
    clipped = np.clip(np.array([0.5, 4.0]), -1.0, 1.0)
    return float(clipped[0] / clipped[1])


def _tanh_prime_at_one() -> float:
    return float(1.0 - np.tanh(1.0) ** 2)


def _tanh_rnn_bound() -> float:
    return float(abs(0.5) ** 3)


def _lstm_cell_gradient_back() -> float:
    params = _scalar_params(**(_lstm_zero() | {"b_f": 2.0}))
    grads = backward("lstm", params, [0.0], [0.0], [1.0], c=[1.0], dc=[0.5])
    return float(grads["dc_prev"][0])


def _saturated_tanh_product() -> float:
    hs = np.array([0.9, 0.8, 0.7])
    return float(np.prod(1.5 * (1.0 - hs**2)))


def _softmax_third() -> float:
    scores = np.array([1.0, 2.0, 3.0])
    weights = np.exp(scores - scores.max())
    return float(weights[2] / weights.sum())


def _padding_positions() -> float:
    lengths = np.array([10, 4, 6])
    return float((lengths.max() - lengths).sum())


def _rnn_second_unit() -> float:
    params = {"W": [[1.0], [-0.5]], "U": [[0.5, 0.0], [1.0, 0.5]], "b": [0.0, 0.2]}
    return float(step("rnn", params, [1.0], [0.2, -0.4]).as_dict()["h"][1])


def _doubled_forget_bias() -> float:
    params = _lstm_zero() | {"b_f": 1.0, "bh_f": 1.0}
    return float(_record("lstm", params, 0.3, 0.1, 0.0)["f"][0])


def _two_lstm_steps() -> float:
    params = _lstm_zero() | {"W_i": 1.0, "b_f": 2.0, "W_g": 1.0, "U_g": 0.5, "b_o": 1.0}
    first = _record("lstm", params, 1.0, 0.0, 0.5)
    second = _record("lstm", params, -1.0, float(first["h"][0]), float(first["c"][0]))
    return float(second["c"][0])


def _kv_cache_numbers() -> float:
    keys = np.zeros((4096, 1024))  # one key vector of width d per token
    values = np.zeros((4096, 1024))
    return float(keys.size + values.size)


NUMERIC: dict[str, Callable[[], float]] = {
    "rnn-why-102": lambda: float(param_count("rnn", 10, 32, biases=2)),
    "long-term-deps-102": _tanh_rnn_bound,
    "grad-causes-101": _linear_rnn_back_norm,
    "grad-clipping-101": _value_clip_ratio,
    "lstm-gates-103": _lstm_input_gate,
    "sigmoid-tanh-101": _lstm_zero_forget,
    "sigmoid-tanh-102": _tanh_prime_at_one,
    "lstm-variants-103": _peephole_forget,
    "light-variants-102": _depth_gated_cell,
    "light-variants-103": lambda: float(param_count("depth_gated", 3, 2)),
    "rnn-vs-transformer-101": _kv_cache_numbers,
    "param-count-101": _forget_gate_share,
    "rnn-forward-101": _rnn_second_unit,
    "grad-causes-102": _saturated_tanh_product,
    "lstm-backward-101": _lstm_cell_gradient_back,
    "gru-vs-lstm-105": lambda: float(param_count("gru", 128, 128, biases=2)),
    "attention-rnn-101": _softmax_third,
    "variable-length-102": _padding_positions,
    "rnn-init-102": _doubled_forget_bias,
    "cell-highway-102": _two_lstm_steps,
}

SHAPES: dict[str, Callable[[], tuple[int, ...]]] = {
    "bi-stacked-101": lambda: torch_shapes(
        "LSTM",
        input_size=16,
        hidden_size=32,
        batch=4,
        seq_len=10,
        num_layers=2,
        bidirectional=True,
        batch_first=True,
    )["h_n"],
    "variable-length-101": lambda: torch_shapes(
        "LSTM", input_size=6, hidden_size=8, batch=2, seq_len=5, batch_first=True
    )["output"],
    "tensor-shapes-101": lambda: tuple(
        to_torch("lstm", {k: np.zeros(s) for k, s in param_shapes("lstm", 10, 20).items()})[
            "weight_ih"
        ].shape
    ),
}


def _question(qid: str) -> Question:
    assert qid in MORE, f"{qid} is not in the *_more.yaml files (or did not load)"
    return MORE[qid]


def test_more_files_load() -> None:
    assert MORE_FILES, "no *_more.yaml file in the bank"
    result = load_paths(MORE_FILES)
    assert [str(p) for p in result.problems] == []


def test_every_numeric_and_shape_answer_has_a_recomputation() -> None:
    kinds: dict[str, set[str]] = {"numeric": set(NUMERIC), "shape": set(SHAPES)}
    missing = [
        q.id for q in MORE.values() if q.answer_type in kinds and q.id not in kinds[q.answer_type]
    ]
    assert missing == []


@pytest.mark.parametrize("qid", sorted(NUMERIC))
def test_numeric_answer_matches_the_recomputation(qid: str) -> None:
    question = _question(qid)
    exact = NUMERIC[qid]()
    assert question.value is not None
    # A learner who types the exact value must be accepted.
    allowed = question.tolerance if question.tolerance > 0 else 1e-9
    assert abs(exact - question.value) <= allowed, (exact, question.value)


@pytest.mark.parametrize("qid", sorted(SHAPES))
def test_shape_answer_matches_the_recomputation(qid: str) -> None:
    assert _question(qid).shape == SHAPES[qid]()


def test_gru_has_exactly_three_quarters_of_the_lstm_parameters() -> None:
    # gru-vs-lstm-105's answer states the ratio.
    assert 4 * param_count("gru", 128, 128, biases=2) == 3 * param_count("lstm", 128, 128, biases=2)


def test_doubled_forget_bias_is_sigma_of_two() -> None:
    # rnn-init-102: bias_ih and bias_hh are both added inside σ.
    assert _doubled_forget_bias() == pytest.approx(1.0 / (1.0 + np.exp(-2.0)))


def test_depth_gated_cell_is_the_sum_of_its_three_terms() -> None:
    # The worked answer of light-variants-102 spells out d·C_low + f·C_prev + i·C̃.
    d = 1.0 / (1.0 + np.exp(-1.75))
    f = i = 1.0 / (1.0 + np.exp(-1.0))
    assert _depth_gated_cell() == pytest.approx(d * 2.0 + f * 0.5 + i * np.tanh(1.0))
