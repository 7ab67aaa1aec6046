"""The modern cells' forward steps: hand-worked values, the stabilised forms against the papers'
unstabilised ones over several steps, and linear attention against its attention form."""

from __future__ import annotations

import math

import numpy as np
import pytest

import engine
from engine.modern.shapes import MODERN_CELLS, STATE_KEYS, state_shapes
from engine.modern.step import next_state

SIG = 1.0 / (1.0 + math.exp(-1.0))  # σ(1)


def _state(cell: str, d: int, n: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    state = {k: rng.normal(size=s) for k, s in state_shapes(cell, d, n).items()}
    for positive in ("n", "z"):  # sums of positive terms in a real run
        if positive in state:
            state[positive] = np.abs(state[positive]) + 0.5
    return state


def test_mingru_by_hand() -> None:
    params = {"W_z": [[1.0]], "b_z": [0.0], "W_h": [[2.0]], "b_h": [-3.0]}
    record = engine.step("mingru", params, [1.0], [4.0])
    # z = σ(1), h̃ = 2 − 3 = −1, h = (1 − z)·4 + z·(−1)
    assert record["z"] == pytest.approx([SIG], abs=1e-15)
    assert record["h_tilde"] == pytest.approx([-1.0], abs=1e-15)
    assert record["h"] == pytest.approx([4.0 - 5.0 * SIG], abs=1e-15)
    log_space = engine.step("mingru", params, [1.0], [4.0], convention="log_space")
    assert log_space["h_tilde"] == pytest.approx([1.0 / (1.0 + math.e)], abs=1e-15)  # g(−1) = σ(−1)
    positive = engine.step("mingru", {**params, "b_h": [0.5]}, [1.0], [4.0], convention="log_space")
    assert positive["h_tilde"] == pytest.approx([3.0], abs=1e-15)  # g(2.5) = 2.5 + 0.5


def test_minlstm_by_hand() -> None:
    params = {
        "W_f": [[1.0]],
        "b_f": [0.0],
        "W_i": [[0.0]],
        "b_i": [0.0],
        "W_h": [[1.0]],
        "b_h": [1.0],
    }
    record = engine.step("minlstm", params, [1.0], [2.0])
    f, i = SIG, 0.5
    assert record["f_prime"] == pytest.approx([f / (f + i)], abs=1e-15)
    assert record["i_prime"] == pytest.approx([i / (f + i)], abs=1e-15)
    assert record["h"] == pytest.approx([(2.0 * f + 2.0 * i) / (f + i)], abs=1e-15)  # h̃ = 2
    raw = engine.step("minlstm", params, [1.0], [2.0], convention="unnormalised")
    assert raw["h"] == pytest.approx([2.0 * f + 2.0 * i], abs=1e-15)


def test_ssm_by_hand() -> None:
    params = {"W_delta": [[0.0]], "b_delta": [0.0], "W_B": [[1.0]], "W_C": [[2.0]],
              "A": [[-1.0]], "D": [0.5]}  # fmt: skip
    record = engine.step("ssm", params, [3.0], state={"h": [[2.0]]})
    delta = math.log(2.0)  # softplus(0)
    assert record["delta"] == pytest.approx([delta], abs=1e-15)
    np.testing.assert_allclose(record["A_bar"], [[0.5]], atol=1e-15)  # exp(−log 2)
    np.testing.assert_allclose(record["B_bar"], [[3.0 * delta]], atol=1e-15)  # Δ·B, B = 3
    h = 0.5 * 2.0 + 3.0 * delta * 3.0
    np.testing.assert_allclose(record["h"], [[h]], atol=1e-14)
    assert record["y"] == pytest.approx([h * 6.0 + 1.5], abs=1e-13)  # C = 6, D x = 1.5


def test_linear_attention_by_hand() -> None:
    params = {
        "W_q": [[1.0]],
        "b_q": [0.0],
        "W_k": [[-1.0]],
        "b_k": [0.0],
        "W_v": [[2.0]],
        "b_v": [0.0],
    }
    record = engine.step("linear_attention", params, [1.0], state={"S": [[1.0]], "z": [1.0]})
    # φ(q) = 2, φ(k) = e^{−1}, v = 2: S = 1 + 2/e, z = 1 + 1/e, y = S/z
    np.testing.assert_allclose(record["S"], [[1.0 + 2.0 / math.e]], atol=1e-15)
    assert record["y"] == pytest.approx([(1.0 + 2.0 / math.e) / (1.0 + 1.0 / math.e)], abs=1e-15)


def _paper_slstm(
    params: dict[str, np.ndarray], xs: np.ndarray, n: int, convention: str
) -> list[np.ndarray]:
    """The paper's unstabilised sLSTM (eqs. 8–14 of Beck et al. 2024) from a zero state."""
    h, c, nn = np.zeros(n), np.zeros(n), np.zeros(n)
    out = []
    for x in xs:
        a = {k: params[f"W_{k}"] @ x + params[f"U_{k}"] @ h + params[f"b_{k}"] for k in "zifo"}
        f = np.exp(a["f"]) if convention == "exp" else 1 / (1 + np.exp(-a["f"]))
        i, o = np.exp(a["i"]), 1 / (1 + np.exp(-a["o"]))
        c = f * c + i * np.tanh(a["z"])
        nn = f * nn + i
        h = o * c / nn
        out.append(h)
    return out


def _paper_mlstm(
    params: dict[str, np.ndarray], xs: np.ndarray, n: int, convention: str
) -> list[np.ndarray]:
    """The paper's unstabilised mLSTM (eqs. 19–27): h = o ⊙ C q / max(|nᵀq|, 1)."""
    C, nn = np.zeros((n, n)), np.zeros(n)
    out = []
    for x in xs:
        q = params["W_q"] @ x + params["b_q"]
        k = (params["W_k"] @ x + params["b_k"]) / math.sqrt(n)
        v = params["W_v"] @ x + params["b_v"]
        i = math.exp(params["w_i"] @ x + params["b_i"][0])
        a_f = params["w_f"] @ x + params["b_f"][0]
        f = math.exp(a_f) if convention == "exp" else 1 / (1 + math.exp(-a_f))
        o = 1 / (1 + np.exp(-(params["W_o"] @ x + params["b_o"])))
        C = f * C + i * np.outer(v, k)
        nn = f * nn + i * k
        out.append(o * (C @ q) / max(abs(nn @ q), 1.0))
    return out


@pytest.mark.parametrize("cell", ["slstm", "mlstm"])
@pytest.mark.parametrize("convention", ["sigmoid", "exp"])
@pytest.mark.parametrize("seed", range(4))
def test_stabilised_xlstm_equals_the_paper_form(cell: str, convention: str, seed: int) -> None:
    rng = np.random.default_rng(seed)
    d, n = int(rng.integers(1, 4)), int(rng.integers(1, 4))
    params = {k: np.array(v) for k, v in engine.random_params(cell, d, n, rng, scale=1.5).items()}
    xs = rng.normal(size=(5, d)) * 2.0
    state: dict[str, object] = {k: np.zeros(s) for k, s in state_shapes(cell, d, n).items()}
    paper = (_paper_slstm if cell == "slstm" else _paper_mlstm)(params, xs, n, convention)
    for x, expected in zip(xs, paper, strict=True):
        record = engine.step(cell, params, x, state=state, convention=convention)
        np.testing.assert_allclose(record["h"], expected, rtol=1e-12, atol=1e-14)
        state = next_state(record)


def test_stabiliser_keeps_large_input_gates_finite() -> None:
    """ĩ = 800 overflows exp, but the stabilised step stays finite and h is o ⊙ z (c/n = z)."""
    params = dict(engine.random_params("slstm", 1, 1, np.random.default_rng(0)))
    params["b_i"] = np.array([800.0])
    zero = {"h": [0.0], "c": [0.0], "n": [0.0], "m": [0.0]}
    with np.errstate(over="ignore"):
        record = engine.step("slstm", params, [0.1], state=zero)
    assert record["m"][0] == pytest.approx(800.0 + 0.1 * params["W_i"][0, 0], abs=1e-12)
    assert record["i_prime"] == pytest.approx([1.0], abs=0)
    assert record["h"] == pytest.approx(record["o"] * record["z"], abs=1e-15)


@pytest.mark.parametrize("seed", range(4))
def test_mlstm_denominator_forms_agree(seed: int) -> None:
    """max(|n̂ᵀq|, e^{−m}) on the stabilised state = e^{−m} · max(|nᵀq|, 1) on the unstabilised one."""
    rng = np.random.default_rng(seed)
    params = engine.random_params("mlstm", 2, 3, rng, scale=1.0)
    state = _state("mlstm", 2, 3, rng) | {"m": np.array([rng.normal()])}
    record = engine.step("mlstm", params, rng.normal(size=2), state=state)
    m = record["m"][0]
    unstabilised_qn = record["qn"][0] * math.exp(m)
    assert record["den"][0] == pytest.approx(
        math.exp(-m) * max(abs(unstabilised_qn), 1.0), rel=1e-13
    )
    np.testing.assert_allclose(
        record["C"],
        record["f_prime"] * state["C"] + record["i_prime"] * np.outer(record["v"], record["k"]),
        rtol=1e-14,
    )  # v kᵀ, not k vᵀ


@pytest.mark.parametrize("seed", range(3))
def test_linear_attention_is_normalised_attention(seed: int) -> None:
    """From a zero state, y_t = Σ_s φ(q_t)·φ(k_s) v_s / Σ_s φ(q_t)·φ(k_s) over s ≤ t (eq. 4 with φ)."""
    rng = np.random.default_rng(seed)
    d, n = 2, 3
    params = engine.random_params("linear_attention", d, n, rng, scale=1.0)
    xs = rng.normal(size=(4, d))
    phi = lambda a: np.where(a > 0, a + 1, np.exp(a))  # noqa: E731
    keys = [phi(params["W_k"] @ x + params["b_k"]) for x in xs]
    values = [params["W_v"] @ x + params["b_v"] for x in xs]
    state: dict[str, object] = {"S": np.zeros((n, n)), "z": np.zeros(n)}
    for t, x in enumerate(xs):
        record = engine.step("linear_attention", params, x, state=state)
        query = phi(params["W_q"] @ x + params["b_q"])
        weights = np.array([query @ keys[s] for s in range(t + 1)])
        expected = sum(w * values[s] for s, w in enumerate(weights)) / weights.sum()
        np.testing.assert_allclose(record["y"], expected, rtol=1e-13)
        state = next_state(record)


@pytest.mark.parametrize("cell", MODERN_CELLS)
def test_records_hold_output_and_state_keys_read_only(cell: str) -> None:
    rng = np.random.default_rng(5)
    params = engine.random_params(cell, 2, 3, rng)
    for convention in engine.CONVENTIONS.get(cell, ("standard",)):
        record = engine.step(cell, params, rng.normal(size=2), state=_state(cell, 2, 3, rng),
                             convention=convention)  # fmt: skip
        assert set(engine.OUTPUT_KEYS[cell]) | set(STATE_KEYS[cell]) <= set(record)
        assert record.convention == convention
        with pytest.raises(ValueError, match="read-only"):
            record[engine.OUTPUT_KEYS[cell][-1]][0] = 1.0


def test_bad_state_and_input_give_clear_errors() -> None:
    rng = np.random.default_rng(0)
    p = engine.random_params("slstm", 2, 2, rng)
    good = {"h": np.zeros(2), "c": np.zeros(2), "n": np.ones(2), "m": np.zeros(2)}
    with pytest.raises(engine.EngineError, match="slstm needs the previous state 'c'"):
        engine.step("slstm", p, np.zeros(2), np.zeros(2))
    with pytest.raises(engine.ShapeError, match=r"m: got shape \(3,\), expected \(2,\)"):
        engine.step("slstm", p, np.zeros(2), state={**good, "m": np.zeros(3)})
    with pytest.raises(engine.EngineError, match="unknown state 'S' for slstm"):
        engine.step("slstm", p, np.zeros(2), state={**good, "S": np.zeros(3)})
    with pytest.raises(engine.ShapeError, match="slstm takes one example"):
        engine.step("slstm", p, np.zeros((4, 2)), state=good)
    with pytest.raises(engine.EngineError, match="state 'h' given twice"):
        engine.step("slstm", p, np.zeros(2), np.zeros(2), state=good)
    with pytest.raises(engine.EngineError, match="mlstm has no state 'h'"):
        engine.step("mlstm", engine.random_params("mlstm", 2, 2, rng), np.zeros(2), np.zeros(2))
    with pytest.raises(engine.UnknownNameError, match="unknown convention 'pytorch' for mingru"):
        engine.step("mingru", {}, [0.0], [0.0], convention="pytorch")
    with pytest.raises(
        engine.ShapeError, match=r"parameter A: got shape \(2, 2\), expected \(2, 3\)"
    ):
        ssm = dict(engine.random_params("ssm", 2, 3, rng)) | {"A": -np.ones((2, 2))}
        engine.step("ssm", ssm, np.zeros(2), state={"h": np.zeros((2, 3))})
    with pytest.raises(engine.EngineError, match="zᵀφ\\(q\\) is 0"):
        la = engine.random_params("linear_attention", 1, 1, rng)
        engine.step("linear_attention", {k: np.zeros_like(v) for k, v in la.items()}, [0.0],
                    state={"S": [[0.0]], "z": [-1.0]})  # fmt: skip
    with pytest.raises(engine.EngineError, match="lstm takes its state as h"):
        engine.step("lstm", engine.random_params("lstm", 1, 1, rng), [0.0], state={"h": [0.0]})


def test_random_ssm_decay_is_negative_and_mlstm_scalar_state_accepted() -> None:
    rng = np.random.default_rng(1)
    assert np.all(engine.random_params("ssm", 3, 3, rng, decimals=1)["A"] <= -0.1)
    p = engine.random_params("mlstm", 1, 2, rng)
    record = engine.step(
        "mlstm", p, [1.0], state={"C": np.zeros((2, 2)), "n": np.zeros(2), "m": 0.0}
    )
    assert record["m"].shape == (1,)
