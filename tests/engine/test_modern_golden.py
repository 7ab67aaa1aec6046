"""The modern cells against golden values made by their reference implementations (xlstm, minGRU-pytorch,
transcribed mamba_ssm and fast-transformers code; see tests/reference/make_modern_golden.py): forward
values and every gradient of the engine's hand-written backward, to 1e-12."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import engine
from engine.backward import backward
from engine.modern.shapes import MODERN_CELLS
from engine.modern.step import next_state
from engine.scan import run

GOLDEN: dict[str, Any] = json.loads(
    (Path(__file__).parents[1] / "data" / "modern_golden.json").read_text(encoding="utf-8")
)
TOL = 1e-12


def _id(case: dict[str, Any]) -> str:
    return f"{case['cell']}-{case['convention']}-d{case['d']}n{case['n']}"


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=_id)
def test_forward_and_backward_match_the_reference(case: dict[str, Any]) -> None:
    cell, convention = case["cell"], case["convention"]
    record = engine.step(
        cell, case["params"], case["x"], state=case["state"], convention=convention
    )
    for key, expected in case["forward"].items():
        np.testing.assert_allclose(record[key], expected, rtol=TOL, atol=TOL, err_msg=key)
    grads = backward(
        cell, case["params"], case["x"], None, None,
        state=case["state"], upstream=case["upstream"], convention=convention,
    )  # fmt: skip
    for key, expected in case["grads"].items():
        np.testing.assert_allclose(grads[key], expected, rtol=TOL, atol=TOL, err_msg=key)


def test_every_cell_and_convention_is_covered() -> None:
    covered = {(case["cell"], case["convention"]) for case in GOLDEN["cases"]}
    expected = {(c, v) for c in MODERN_CELLS for v in engine.CONVENTIONS.get(c, ("standard",))}
    assert covered == expected
    assert all(case["grads"] and case["forward"] for case in GOLDEN["cases"])


@pytest.mark.parametrize("case", [s for s in GOLDEN["scans"] if s["cell"] == "ssm"])
def test_ssm_steps_match_selective_scan_ref(case: dict[str, Any]) -> None:
    params, xs = case["params"], np.array(case["xs"])
    A = np.array(params["A"])
    state: dict[str, object] = {"h": np.zeros(A.shape)}
    for t, x in enumerate(xs):
        record = engine.step("ssm", params, x, state=state)
        np.testing.assert_allclose(record["y"], case["y"][t], rtol=TOL, atol=TOL)
        state = next_state(record)
    np.testing.assert_allclose(state["h"], case["h_last"], rtol=TOL, atol=TOL)
    trace = run("ssm", params, xs, np.zeros(A.shape))
    np.testing.assert_allclose(trace.h[-1], case["h_last"], rtol=TOL, atol=TOL)


@pytest.mark.parametrize("case", [s for s in GOLDEN["scans"] if s["cell"] == "mingru"])
def test_mingru_scan_matches_the_reference_parallel_mode(case: dict[str, Any]) -> None:
    trace = run("mingru", case["params"], case["xs"], case["h0"], convention="log_space")
    np.testing.assert_allclose(trace.h, case["h"], rtol=TOL, atol=TOL)
