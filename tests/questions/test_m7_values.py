"""The numbers of module M7 (``questions/bank/m7_recurrent_revival.yaml``, the recurrent revival),
recomputed with the engine: every numeric and shape answer of the file has a recomputation here that
rebuilds the inputs the question states, calls ``engine.step`` / ``engine.scan`` (or the engine's
counts and shapes) and compares with the question's value within its tolerance.

These tests read the YAML in ``questions/bank`` when they run.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from engine import scan as engine_scan
from engine.counts import param_count
from engine.modern.shapes import state_shapes
from engine.step import step
from questions.load import BANK_DIR, load_paths
from questions.schema import Question

M7_FILE = Path(BANK_DIR) / "m7_recurrent_revival.yaml"
M7 = {q.id: q for q in load_paths([M7_FILE]).questions}
M7_TOPICS = ("min-rnn", "linear-rnn-ssm", "xlstm", "linear-attention-rnn")

Array = npt.NDArray[np.float64]


def _arrays(values: Mapping[str, object]) -> dict[str, Array]:
    return {name: np.asarray(value, dtype=np.float64) for name, value in values.items()}


def _record(
    cell: str, params: Mapping[str, object], x: object, state: Mapping[str, object]
) -> dict[str, Array]:
    record = step(cell, _arrays(params), np.asarray(x, dtype=np.float64), state=_arrays(state))
    return {k: np.asarray(v, dtype=np.float64) for k, v in record.as_dict().items()}


# -- min-rnn -------------------------------------------------------------------------------------


def _mingru_step() -> float:
    params = {"W_z": [[0.5]], "b_z": [0.0], "W_h": [[1.5]], "b_h": [1.0]}
    return float(_record("mingru", params, [2.0], {"h": [-2.0]})["h"][0])


def _minlstm_step() -> float:
    params = {
        "W_f": [[0.0]],
        "b_f": [0.0],
        "W_i": [[1.0]],
        "b_i": [0.0],
        "W_h": [[2.0]],
        "b_h": [0.0],
    }
    return float(_record("minlstm", params, [1.0], {"h": [1.0]})["h"][0])


def _combined_pair() -> float:
    _, b = engine_scan.combine(
        (np.array([0.5]), np.array([1.0])), (np.array([0.25]), np.array([2.0]))
    )
    return float(np.asarray(b)[0])


def _mingru_scan_trace() -> engine_scan.ScanTrace:
    params = _arrays({"W_z": [[0.0]], "b_z": [0.0], "W_h": [[1.0]], "b_h": [0.0]})
    xs = np.array([[2.0], [4.0], [-2.0]])
    return engine_scan.run("mingru", params, xs, np.array([0.0]))


def _mingru_scan_last() -> float:
    return float(np.asarray(_mingru_scan_trace().h)[-1, 0])


# -- linear-rnn-ssm ------------------------------------------------------------------------------

SSM_PARAMS = {
    "W_delta": [[0.0]],
    "b_delta": [0.0],
    "W_B": [[2.0]],
    "W_C": [[1.0]],
    "A": [[-1.0]],
    "D": [0.5],
}


def _ssm_a_bar() -> float:
    return float(_record("ssm", SSM_PARAMS, [1.0], {"h": [[1.0]]})["A_bar"][0, 0])


def _ssm_output() -> float:
    return float(_record("ssm", SSM_PARAMS, [1.0], {"h": [[1.0]]})["y"][0])


def _ssm_delta() -> float:
    params = SSM_PARAMS | {"b_delta": [1.0]}
    return float(_record("ssm", params, [1.0], {"h": [[0.0]]})["delta"][0])


def _ssm_scan_trace() -> engine_scan.ScanTrace:
    xs = np.array([[1.0], [-1.0]])
    return engine_scan.run("ssm", _arrays(SSM_PARAMS), xs, np.zeros((1, 1)))


def _ssm_scan_last() -> float:
    return float(np.asarray(_ssm_scan_trace().h)[-1, 0, 0])


# -- xlstm ---------------------------------------------------------------------------------------

SLSTM_PARAMS = {
    "W_z": [[1.0]],
    "U_z": [[0.5]],
    "b_z": [0.0],
    "W_i": [[2.0]],
    "U_i": [[0.5]],
    "b_i": [0.0],
    "W_f": [[0.0]],
    "U_f": [[0.5]],
    "b_f": [0.0],
    "W_o": [[0.0]],
    "U_o": [[0.5]],
    "b_o": [0.0],
}
SLSTM_STATE = {"h": [0.0], "c": [1.0], "n": [1.0], "m": [0.0]}


def _slstm(key: str) -> float:
    return float(_record("slstm", SLSTM_PARAMS, [1.0], SLSTM_STATE)[key][0])


MLSTM_PARAMS = {
    "W_q": [[1.0, 0.0], [0.0, 1.0]],
    "b_q": [0.0, 0.0],
    "W_k": [[1.0, 0.0], [0.0, 1.0]],
    "b_k": [0.0, 0.0],
    "W_v": [[2.0, 0.0], [1.0, 0.0]],
    "b_v": [0.0, 0.0],
    "W_o": [[0.0, 0.0], [0.0, 0.0]],
    "b_o": [0.0, 0.0],
    "w_i": [0.0, 0.0],
    "b_i": [0.0],
    "w_f": [0.0, 0.0],
    "b_f": [0.0],
}
MLSTM_STATE = {"C": [[0.0, 0.0], [0.0, 0.0]], "n": [0.0, 0.0], "m": [0.0]}


def _mlstm() -> dict[str, Array]:
    return _record("mlstm", MLSTM_PARAMS, [1.0, 0.0], MLSTM_STATE)


# -- linear-attention-rnn ------------------------------------------------------------------------

LA_PARAMS = {
    "W_q": [[1.0, 0.0], [0.0, 1.0]],
    "b_q": [0.0, 0.0],
    "W_k": [[1.0, 0.0], [0.0, 1.0]],
    "b_k": [0.0, 0.0],
    "W_v": [[0.0, 0.0], [0.0, 0.0]],
    "b_v": [1.0, 2.0],
}
LA_STATE = {"S": [[1.0, 0.0], [0.0, 1.0]], "z": [1.0, 1.0]}


def _linear_attention() -> dict[str, Array]:
    return _record("linear_attention", LA_PARAMS, [1.0, 0.0], LA_STATE)


def _linear_attention_first_token() -> float:
    params = LA_PARAMS | {"b_v": [3.0, -1.0]}
    zero = {"S": [[0.0, 0.0], [0.0, 0.0]], "z": [0.0, 0.0]}
    return float(_record("linear_attention", params, [0.5, -1.0], zero)["y"][0])


NUMERIC: dict[str, Callable[[], float]] = {
    "min-rnn-002": _mingru_step,
    "min-rnn-003": _minlstm_step,
    "min-rnn-004": _combined_pair,
    "min-rnn-005": _mingru_scan_last,
    "min-rnn-006": lambda: float(param_count("mingru", 128, 128)),
    "linear-rnn-ssm-002": _ssm_a_bar,
    "linear-rnn-ssm-003": _ssm_output,
    "linear-rnn-ssm-004": _ssm_scan_last,
    "linear-rnn-ssm-006": _ssm_delta,
    "xlstm-002": lambda: _slstm("m"),
    "xlstm-003": lambda: _slstm("h"),
    "xlstm-004": lambda: float(_mlstm()["h"][1]),
    "xlstm-005": lambda: float(_mlstm()["C"][1, 0]),
    "linear-attention-rnn-002": lambda: float(_linear_attention()["S"][0, 1]),
    "linear-attention-rnn-003": lambda: float(_linear_attention()["y"][1]),
    "linear-attention-rnn-004": lambda: float(_linear_attention()["den"][0]),
    "linear-attention-rnn-011": _linear_attention_first_token,
}

SHAPES: dict[str, Callable[[], tuple[int, ...]]] = {
    "linear-rnn-ssm-005": lambda: tuple(state_shapes("ssm", 3, 2)["h"]),
    "linear-attention-rnn-005": lambda: tuple(state_shapes("linear_attention", 64, 64)["S"]),
}


def _question(qid: str) -> Question:
    assert qid in M7, f"{qid} is not in {M7_FILE.name} (or did not load)"
    return M7[qid]


def test_m7_file_loads_without_problems() -> None:
    result = load_paths([M7_FILE])
    assert [str(p) for p in result.problems] == []
    assert len(result.questions) >= 40


@pytest.mark.parametrize("topic", M7_TOPICS)
def test_each_topic_has_ten_questions_a_third_computed(topic: str) -> None:
    mine = [q for q in M7.values() if q.topic == topic]
    computed = [q for q in mine if q.id in NUMERIC or q.id in SHAPES]
    assert len(mine) >= 10, topic
    assert 3 * len(computed) >= len(mine), (topic, len(computed), len(mine))


def test_every_numeric_and_shape_answer_has_a_recomputation() -> None:
    kinds = {"numeric": set(NUMERIC), "shape": set(SHAPES)}
    missing = [
        q.id for q in M7.values() if q.answer_type in kinds and q.id not in kinds[q.answer_type]
    ]
    assert missing == []


@pytest.mark.parametrize("qid", sorted(NUMERIC))
def test_numeric_answer_matches_the_engine(qid: str) -> None:
    question = _question(qid)
    exact = NUMERIC[qid]()
    assert question.value is not None
    # A learner who types the engine's exact value must be accepted.
    allowed = question.tolerance if question.tolerance > 0 else 1e-9
    assert abs(exact - question.value) <= allowed, (exact, question.value, allowed)


@pytest.mark.parametrize("qid", sorted(SHAPES))
def test_shape_answer_matches_the_engine(qid: str) -> None:
    assert _question(qid).shape == SHAPES[qid]()


# -- the facts the worked answers spell out -------------------------------------------------------


def test_mingru_step_is_the_interpolation_by_hand() -> None:
    # min-rnn-002: z = σ(0.5·2) = σ(1), h̃ = 1.5·2 + 1 = 4, h = (1 − z)·(−2) + z·4.
    z = 1.0 / (1.0 + math.exp(-1.0))
    assert _mingru_step() == pytest.approx((1 - z) * -2.0 + z * 4.0, abs=1e-12)
    # The two sides swapped (a catalogued slip) gives a clearly different number.
    assert abs(_mingru_step() - (z * -2.0 + (1 - z) * 4.0)) > 1.0


def test_minlstm_gates_are_normalised_before_the_update() -> None:
    # min-rnn-003: f = σ(0), i = σ(1); f′ + i′ = 1; the unnormalised form gives another number.
    f, i = 0.5, 1.0 / (1.0 + math.exp(-1.0))
    normalised = f / (f + i) * 1.0 + i / (f + i) * 2.0
    assert _minlstm_step() == pytest.approx(normalised, abs=1e-12)
    assert abs(_minlstm_step() - (f * 1.0 + i * 2.0)) > 0.1


def test_scan_equals_the_sequential_loop_and_the_prefix_pair() -> None:
    trace = _mingru_scan_trace()
    loop = engine_scan.sequential(np.asarray(trace.a), np.asarray(trace.b), np.array([0.0]))
    assert np.allclose(np.asarray(trace.h), loop, atol=1e-12)
    # h_3 = A_3·h_0 + B_3 with A_3 = 0.5³ (min-rnn-005's explanation).
    assert float(np.asarray(trace.prefix_a)[-1, 0]) == pytest.approx(0.125, abs=1e-12)
    assert _mingru_scan_last() == pytest.approx(0.25, abs=1e-12)


def test_combining_two_steps_is_associative_and_matches_stepping() -> None:
    pairs = [(np.array([0.5]), np.array([1.0])), (np.array([0.25]), np.array([2.0]))]
    pairs.append((np.array([2.0]), np.array([-1.0])))
    left = engine_scan.combine(engine_scan.combine(pairs[0], pairs[1]), pairs[2])
    right = engine_scan.combine(pairs[0], engine_scan.combine(pairs[1], pairs[2]))
    assert np.allclose(left[0], right[0]) and np.allclose(left[1], right[1])
    a, b = engine_scan.combine(pairs[0], pairs[1])
    h0 = 4.0
    assert float(a[0] * h0 + b[0]) == pytest.approx(0.25 * (0.5 * h0 + 1.0) + 2.0)


def test_ssm_step_by_hand() -> None:
    # softplus(0) = ln 2, Ā = exp(−ln 2) = 0.5, B̄ = ln 2 · 2, h = 0.5 + 2 ln 2, y = h + 0.5.
    assert _ssm_a_bar() == pytest.approx(0.5, abs=1e-12)
    assert _ssm_output() == pytest.approx(0.5 + 2 * math.log(2.0) + 0.5, abs=1e-12)
    assert _ssm_scan_last() == pytest.approx(3 * math.log(2.0), abs=1e-12)
    assert _ssm_delta() == pytest.approx(math.log1p(math.e), abs=1e-12)


def test_slstm_stabiliser_leaves_h_as_the_unstabilised_formula() -> None:
    i, f, z, o = math.exp(2.0), 0.5, math.tanh(1.0), 0.5
    c, n = f * 1.0 + i * z, f * 1.0 + i
    assert _slstm("m") == pytest.approx(2.0, abs=1e-12)
    assert _slstm("h") == pytest.approx(o * c / n, abs=1e-12)


def test_mlstm_read_uses_v_k_transposed_and_the_max_with_one() -> None:
    record = _mlstm()
    k = np.array([1.0, 0.0]) / math.sqrt(2.0)
    v = np.array([2.0, 1.0])
    assert np.allclose(record["C"], np.outer(v, k), atol=1e-12)
    assert not np.allclose(record["C"], np.outer(k, v))
    q = np.array([1.0, 0.0])
    expected = 0.5 * (np.outer(v, k) @ q) / max(abs(float(k @ q)), 1.0)
    assert np.allclose(record["h"], expected, atol=1e-12)


def test_linear_attention_state_and_output_by_hand() -> None:
    record = _linear_attention()
    phi_k = np.array([2.0, 1.0])  # elu(k) + 1 for k = (1, 0)
    state = np.eye(2) + np.outer(phi_k, [1.0, 2.0])
    assert np.allclose(record["S"], state, atol=1e-12)
    z = np.array([1.0, 1.0]) + phi_k
    assert np.allclose(record["y"], state.T @ phi_k / (z @ phi_k), atol=1e-12)
    assert _linear_attention_first_token() == pytest.approx(3.0, abs=1e-12)
