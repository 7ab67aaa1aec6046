"""``quizapp drill --json`` to ``quizapp compute``: a modern drill's inputs and parameters, fed back to
compute as printed, give the drill's own right answers (matrix states travel as nested lists)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import engine
from engine.modern.shapes import MODERN_CELLS, state_shapes
from quizapp.cli import main
from quizapp.drills import DrillSpec, generate_drill

SETTINGS = [
    (cell, convention)
    for cell in MODERN_CELLS
    for convention in engine.CONVENTIONS.get(cell, ("standard",))
]


def _run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str], text: str
) -> Any:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    status = main(argv)
    out, err = capsys.readouterr()
    assert status == 0, err
    return json.loads(out)


@pytest.mark.parametrize(("cell", "convention"), SETTINGS)
@pytest.mark.parametrize("difficulty", ["whiteboard", "hard"])
def test_drill_json_feeds_compute(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    cell: str,
    convention: str,
    difficulty: str,
) -> None:
    seed = 5
    base = ["--data-dir", str(tmp_path)]
    problem = _run(capsys, monkeypatch, [*base, "drill", "--cell", cell, "--convention",
                   convention, "--difficulty", difficulty, "--seed", str(seed), "--json",
                   "--no-record"], "")  # fmt: skip
    inputs = problem["inputs"]
    shapes = state_shapes(cell, problem["d"], problem["n"])
    assert set(inputs) == {"x", *shapes}
    for key, shape in shapes.items():
        assert np.shape(inputs[key]) == shape, key  # C, S and the SSM's h as matrices
    payload = {
        "x": inputs["x"],
        "state": {k: v for k, v in inputs.items() if k != "x"},
        "params": problem["parameters"],
    }
    result = _run(capsys, monkeypatch, [*base, "compute", cell, "--convention", convention, "-"],
                  json.dumps(payload))  # fmt: skip
    drill = generate_drill(DrillSpec(cell, convention, ("all",), difficulty, seed))
    assert drill.expected  # the same seed draws the same numbers in process
    for key, right in drill.expected.items():
        np.testing.assert_allclose(np.ravel(result[key]), right, rtol=0, atol=1e-12, err_msg=key)
