"""``quizapp compute``: both parameter layouts, every cell, and one clear line for any bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import engine
from engine.layouts import to_torch
from quizapp.cli import main

GOLDEN: dict[str, Any] = json.loads(
    (Path(__file__).parents[1] / "data" / "golden.json").read_text(encoding="utf-8")
)


def _run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str], text: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(text))
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_golden_lstm_in_torch_layout_with_backward(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    case = GOLDEN["lstm"]
    payload = {
        "x": case["x"],
        "h": case["h_prev"],
        "c": case["c_prev"],
        "params": {k: case[k] for k in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")},
        "dh": case["upstream_dh"],
    }
    status, out, err = _run(capsys, monkeypatch, ["compute", "lstm"], json.dumps(payload))
    assert status == 0, err
    result = json.loads(out)
    for key in "ifgoch":
        np.testing.assert_allclose(result[key], case[key], atol=1e-9)
    np.testing.assert_allclose(result["backward"]["dc_prev"], case["dc_prev"], atol=1e-9)
    np.testing.assert_allclose(result["backward"]["dh_prev"], case["dh_prev"], atol=1e-9)


@pytest.mark.parametrize("convention", ["pytorch", "d2l", "colah"])
def test_per_gate_and_torch_layouts_give_the_same_gru(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, convention: str
) -> None:
    rng = np.random.default_rng(9)
    params = engine.random_params("gru", 3, 2, rng)
    x, h = rng.normal(size=3).tolist(), rng.normal(size=2).tolist()
    per_gate = {k: v.tolist() for k, v in params.items()}
    stacked = {k: v.tolist() for k, v in to_torch("gru", params).items()}
    outputs = []
    for layout in (per_gate, stacked):
        payload = json.dumps({"x": x, "h": h, "params": layout})
        status, out, err = _run(
            capsys, monkeypatch, ["compute", "gru", "--convention", convention], payload
        )
        assert status == 0, err
        outputs.append(json.loads(out))
    expected = engine.step("gru", params, x, h, convention=convention)
    for result in outputs:
        assert set(result) >= {"r", "z", "n", "h", "a_r", "a_z", "a_n"}
        np.testing.assert_allclose(result["h"], expected["h"], rtol=0, atol=1e-15)


@pytest.mark.parametrize("cell", engine.CELLS)
def test_every_cell_computes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cell: str
) -> None:
    rng = np.random.default_rng(2)
    params = engine.random_params(cell, 2, 2, rng, periods=(1, 2))
    payload: dict[str, Any] = {
        "x": [0.5, -1.0],
        "h": [0.1, 0.2],
        "c": [0.3, -0.4],
        "params": {k: v.tolist() for k, v in params.items()},
    }
    if cell == "clockwork":
        payload.update(t=2, periods=[1, 2])
    if cell == "depth_gated":
        payload["c_low"] = [0.2, 0.1]
    status, out, err = _run(capsys, monkeypatch, ["compute", cell], json.dumps(payload))
    assert status == 0, err
    result = json.loads(out)
    assert set(engine.OUTPUT_KEYS[cell]) <= set(result)


MALFORMED = [
    ("", "bad JSON in standard input at line 1, column 1"),
    ("{", "bad JSON"),
    ("[1, 2]", "expected a JSON object"),
    ('{"x": [1], "h": [0]}', "missing 'params'"),
    ('{"h": [0], "params": {}}', "missing 'x'"),
    ('{"x": [1], "h": [0], "params": {}, "extra": 1}', "unknown key 'extra'"),
    ('{"x": [1], "h": [0], "params": []}', "'params' must be an object"),
    ('{"x": [1], "h": [0], "params": {"W": [[1]], "U": [[1]]}}', "missing parameter 'b'"),
    (
        '{"x": [1, 2], "h": [0], "params": {"W": [[1]], "U": [[1]], "b": [0]}}',
        "parameter W: got shape (1, 1), expected (1, 2)",
    ),
    ('{"x": [NaN], "h": [0], "params": {}}', "non-finite number NaN"),
    (
        '{"x": [1e999], "h": [0], "params": {"W": [[1]], "U": [[1]], "b": [0]}}',
        "x: contains NaN or infinity",
    ),
    ('{"x": "abc", "h": [0], "params": {}}', "x: expected numbers"),
    ('{"x": [[1], [2, 3]], "h": [0], "params": {}}', "x: expected numbers"),
    (
        '{"x": [1], "h": [0], "params": {"W": {"a": 1}, "U": [[1]], "b": [0]}}',
        "W: expected numbers",
    ),
    (
        '{"x": [1], "h": [0], "params": {"weight_ih": [[1]], "weight_hh": [[1]]}}',
        "missing 'bias_ih'",
    ),
    ("[" * 100000 + "]" * 100000, "nested too deeply"),
]


@pytest.mark.parametrize(("text", "message"), MALFORMED)
def test_malformed_input_gives_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    status, out, err = _run(capsys, monkeypatch, ["compute", "rnn"], text)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and message in err, err


def test_unknown_cell_and_convention(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, _, err = _run(
        capsys, monkeypatch, ["compute", "transformer"], '{"x": [1], "params": {}}'
    )
    assert status == 2 and "unknown cell 'transformer'" in err
    status, _, err = _run(
        capsys,
        monkeypatch,
        ["compute", "gru", "--convention", "keras"],
        '{"x":[1],"h":[1],"params":{}}',
    )
    assert status == 2 and "unknown convention 'keras' for gru" in err


def test_missing_file_and_module_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quizapp", "compute", "rnn", str(tmp_path / "none.json")],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    assert result.returncode == 2
    assert "cannot read" in result.stderr and "Traceback" not in result.stderr
