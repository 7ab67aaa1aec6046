"""Bad input is refused with an EngineError that says what and where; the engine never imports Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import engine

ROOT = Path(__file__).parents[2]


def _lstm() -> dict[str, object]:
    return dict(engine.random_params("lstm", 3, 2, np.random.default_rng(0)))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"W_f": np.zeros((2, 2))}, r"parameter W_f: got shape \(2, 2\), expected \(2, 3\)"),
        ({"W_q": np.zeros((2, 3))}, "unknown parameter 'W_q' for lstm"),
        ({"b_o": [1.0, float("nan")]}, "b_o: contains NaN or infinity"),
        ({"U_i": "zeros"}, "U_i: expected numbers"),
    ],
)
def test_bad_parameters_are_named(change: dict[str, object], message: str) -> None:
    params = {**_lstm(), **change}
    with pytest.raises(engine.EngineError, match=message):
        engine.step("lstm", params, np.zeros(3), np.zeros(2), np.zeros(2))


def test_missing_parameter_and_states() -> None:
    params = _lstm()
    del params["W_g"]
    with pytest.raises(engine.EngineError, match="missing parameter 'W_g'"):
        engine.step("lstm", params, np.zeros(3), np.zeros(2), np.zeros(2))
    with pytest.raises(engine.EngineError, match="needs the previous cell state 'c'"):
        engine.step("lstm", _lstm(), np.zeros(3), np.zeros(2))
    with pytest.raises(engine.ShapeError, match=r"c: got shape \(3,\), expected \(2,\)"):
        engine.step("lstm", _lstm(), np.zeros(3), np.zeros(2), np.zeros(3))
    with pytest.raises(engine.ShapeError, match=r"h: got shape \(2, 2\), expected \(2,\)"):
        engine.step("lstm", _lstm(), np.zeros(3), np.zeros((2, 2)), np.zeros(2))
    with pytest.raises(engine.NonFiniteError, match="x: contains NaN"):
        engine.step("lstm", _lstm(), [np.inf, 0, 0], np.zeros(2), np.zeros(2))


def test_unknown_cell_and_convention() -> None:
    with pytest.raises(engine.UnknownNameError, match="unknown cell 'lstmm'"):
        engine.step("lstmm", {}, [0.0], [0.0])
    with pytest.raises(engine.UnknownNameError, match="unknown convention 'keras' for gru"):
        engine.step("gru", {}, [0.0], [0.0], convention="keras")


def test_returned_arrays_are_read_only() -> None:
    record = engine.step("lstm", _lstm(), np.zeros(3), np.zeros(2), np.zeros(2))
    with pytest.raises(ValueError, match="read-only"):
        record["h"][0] = 1.0


def test_engine_and_questions_never_import_qt() -> None:
    code = (
        "import sys, engine, engine.backward, engine.layouts, engine.counts, questions\n"
        "import importlib, pkgutil\n"
        "for pkg in (engine, questions):\n"
        "    for mod in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(mod.name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'quizapp')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
