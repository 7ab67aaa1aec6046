"""``quizapp compute`` for the modern cells: the reference implementations' golden values (forward and
backward, 1e-12) through the command line, and one clear line for bad input."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from quizapp.cli import main

GOLDEN: dict[str, Any] = json.loads(
    (Path(__file__).parents[1] / "data" / "modern_golden.json").read_text(encoding="utf-8")
)
TOL = 1e-12


def _run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str], text: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def _first_cases() -> list[dict[str, Any]]:
    """The first golden case of every cell and convention."""
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for case in GOLDEN["cases"]:
        seen.setdefault((case["cell"], case["convention"]), case)
    return list(seen.values())


@pytest.mark.parametrize("case", _first_cases(), ids=lambda c: f"{c['cell']}-{c['convention']}")
def test_compute_matches_the_reference(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, case: dict[str, Any]
) -> None:
    payload = {k: case[k] for k in ("x", "state", "params", "upstream")}
    argv = ["compute", case["cell"], "--convention", case["convention"]]
    if case["convention"] == "standard":
        argv = argv[:2]
    status, out, err = _run(capsys, monkeypatch, argv, json.dumps(payload))
    assert status == 0, err
    result = json.loads(out)
    for key, expected in case["forward"].items():
        np.testing.assert_allclose(result[key], expected, rtol=TOL, atol=TOL, err_msg=key)
    for key, expected in case["grads"].items():
        np.testing.assert_allclose(
            result["backward"][key], expected, rtol=TOL, atol=TOL, err_msg=key
        )


def test_positional_h_and_dh_for_mingru(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    params = {"W_z": [[0.0]], "b_z": [0.0], "W_h": [[1.0]], "b_h": [1.0]}
    payload = {"x": [2.0], "h": [1.0], "params": params, "dh": [1.0]}
    status, out, err = _run(capsys, monkeypatch, ["compute", "mingru"], json.dumps(payload))
    assert status == 0, err
    result = json.loads(out)
    assert result["z"] == [0.5] and result["h_tilde"] == [3.0] and result["h"] == [2.0]
    assert result["backward"]["dh_prev"] == [0.5]


SSM_PARAMS = {"W_delta": [[0.0]], "b_delta": [0.0], "W_B": [[1.0]], "W_C": [[1.0]], "A": [[-1.0]],
              "D": [0.0]}  # fmt: skip
BAD = [
    ({"x": [1.0], "state": [1], "params": SSM_PARAMS}, "ssm", "'state' must be an object"),
    ({"x": [1.0], "state": {"h": [1.0]}, "params": SSM_PARAMS}, "ssm",
     r"h: got shape \(1,\), expected a matrix of shape \(1, N\) as nested lists"),
    ({"x": [1.0], "state": {"C": [1.0, 2.0, 3.0, 4.0], "n": [1.0, 1.0], "m": 0.0}, "params": {}},
     "mlstm", r"C: got shape \(4,\), expected a matrix of shape \(n, n\) as nested lists"),
    ({"x": [1.0], "state": {"h": [[0.0]]}, "params": SSM_PARAMS, "dc": [1.0]}, "ssm",
     "ssm takes its upstream gradients as 'upstream'"),
    ({"x": [1.0], "state": {"h": [[0.0]]}, "params": SSM_PARAMS, "t": 1}, "ssm",
     "'t' does not apply to ssm"),
    ({"x": [1.0], "state": {"h": [[0.0]]}, "params": SSM_PARAMS, "upstream": {"q": [1.0]}}, "ssm",
     "no upstream gradient 'q' for ssm"),
    ({"x": [1.0], "params": SSM_PARAMS}, "ssm", "ssm needs the previous state 'h'"),
    ({"x": [1.0], "h": [0.0], "params": {}, "upstream": {"h": [1.0]}}, "rnn",
     "'upstream' is for the modern cells"),
    ({"x": [1.0], "state": {"h": [0.0]}, "params": {}}, "rnn", "rnn takes its state as h"),
]  # fmt: skip


@pytest.mark.parametrize(("payload", "cell", "message"), BAD)
def test_bad_modern_input_is_one_line(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    payload: dict[str, Any],
    cell: str,
    message: str,
) -> None:
    status, out, err = _run(capsys, monkeypatch, ["compute", cell], json.dumps(payload))
    assert status == 2 and out == ""
    assert err.count("\n") == 1
    assert re.search(message, err), err
