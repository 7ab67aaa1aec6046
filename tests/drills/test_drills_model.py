"""The mistake model agrees with the engine, and the catalogue covers the spec's ids."""

from __future__ import annotations

import numpy as np
import pytest

import engine
from quizapp.drills import MISTAKES, SPEC_MISTAKE_IDS, quantities_for
from quizapp.drills.backward import backward_values
from quizapp.drills.forward import NO_TWIST, forward_batch

# Every id of the spec's "Mistakes to diagnose" table, written out here.
SPEC_IDS = [
    "gate-tanh",
    "candidate-sigmoid",
    "no-bias",
    "no-recurrent",
    "transposed-weight",
    "gate-order",
    "h-old-cell",
    "h-no-tanh",
    "h-tanh-outside",
    "cell-swap-fi",
    "cell-no-input-gate",
    "peephole-old-cell",
    "gru-z-swapped",
    "gru-reset-before",
    "gru-bias-outside-reset",
    "gru-no-reset",
    "gru-no-carry",
    "rnn-wrong-activation",
    "bw-no-forget",
    "bw-input-gate",
    "bw-missing-carry",
    "bw-tanh-prime",
    "bw-gru-sign",
    "bw-gru-no-direct",
]


def test_catalogue_has_every_spec_id_in_two_languages() -> None:
    assert list(SPEC_MISTAKE_IDS) == SPEC_IDS
    for mistake_id in SPEC_IDS:
        mistake = MISTAKES[mistake_id]
        assert mistake.title.en and mistake.title.zh and mistake.explanation.zh
        assert mistake.formula_latex


@pytest.mark.parametrize("cell", engine.CELLS)
def test_untwisted_forward_equals_engine(cell: str) -> None:
    rng = np.random.default_rng(3)
    for convention in engine.CONVENTIONS.get(cell, ("standard",)):
        d, n = (3, 3) if cell == "sru" else (2, 3)
        periods = (1, 2, 4) if cell == "clockwork" else None
        params = engine.random_params(cell, d, n, rng, periods=periods)
        inputs = {k: rng.uniform(-1, 1, n) for k in ("h", "c", "c_low")}
        inputs["x"] = rng.uniform(-1, 1, d)
        record = engine.step(
            cell,
            params,
            inputs["x"],
            inputs["h"],
            inputs["c"],
            convention=convention,
            t=3,
            periods=periods,
            c_low=inputs["c_low"],
        )
        batched = {k: v[None] for k, v in params.items()}
        out = forward_batch(cell, convention, batched, inputs, [NO_TWIST], t=3, periods=periods)
        assert set(out) == set(record.values)
        for key, value in record.values.items():
            np.testing.assert_allclose(out[key][0], value, atol=1e-14)


@pytest.mark.parametrize(("cell", "convention"),
                         [("rnn", "tanh"), ("rnn", "relu"), ("lstm", "standard"),
                          ("gru", "pytorch"), ("gru", "d2l"), ("gru", "colah")])  # fmt: skip
def test_untwisted_backward_equals_engine(cell: str, convention: str) -> None:
    from engine.backward import backward

    rng = np.random.default_rng(5)
    params = engine.random_params(cell, 2, 3, rng)
    x, h, c, dh, dc = (rng.uniform(-1, 1, s) for s in (2, 3, 3, 3, 3))
    record = engine.step(cell, params, x, h, c, convention=convention)
    expected = backward(cell, params, x, h, dh, c=c, dc=dc, convention=convention)
    ours = backward_values(cell, convention, params, record.values,
                           {"x": x, "h": h, "c": c, "dh": dh, "dc": dc})  # fmt: skip
    for key, value in ours.items():
        np.testing.assert_allclose(value, expected[key], atol=1e-14)


def test_quantities_for_lists_forward_backward_framework_and_formulas() -> None:
    lstm = {q.key: q for q in quantities_for("lstm", "")}
    assert {"f", "i", "g", "o", "c", "h", "a_f", "dc_prev", "dh_prev", "da_f", "count",
            "shape_c_n", "formula_dc_prev"} <= set(lstm)  # fmt: skip
    assert lstm["count"].kind == "scalar" and lstm["shape_output"].kind == "shape"
    assert lstm["g"].label_latex == r"\tilde{C}_t" and lstm["g"].label_text.zh
    gru = {q.key for q in quantities_for("gru", "d2l")}
    assert "s" not in gru and {"r", "z", "n", "h", "formula_h"} <= gru
    assert "s" in {q.key for q in quantities_for("gru", "pytorch")}
    assert not {k for k in (q.key for q in quantities_for("sru", "")) if k.startswith("d")}
