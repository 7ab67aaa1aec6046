"""Drills of the modern cells (minGRU, minLSTM, sLSTM, mLSTM, selective SSM, linear attention).

The right numbers come from the engine; each catalogued mistake's numbers are recomputed here from
the drill's own parameters and the engine's record, written afresh from the papers' equations with
the one slip made, so that a wrong twist in the drill code cannot pass unnoticed.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
from typing import Any

import numpy as np
import pytest

import engine
from engine.modern.shapes import MODERN_CELLS, state_shapes
from quizapp.drills import Drill, DrillError, DrillSpec, generate_drill, grade_drill
from quizapp.drills.forward import NO_TWIST, forward_batch
from quizapp.drills.mistakes import MISTAKES
from quizapp.drills.modern_generate import input_arrays
from quizapp.drills.quantities import DRILL_CELLS, quantities_for
from quizapp.grading.feedback import feedback_for
from quizapp.grading.reader import format_vector

SETTINGS = [
    (cell, convention)
    for cell in MODERN_CELLS
    for convention in engine.CONVENTIONS.get(cell, ("standard",))
]
MODERN_IDS = (
    "mingru-gate-reads-h", "mingru-update-swapped", "minlstm-not-normalised",
    "slstm-no-stabiliser", "slstm-stabiliser-one-gate", "slstm-h-no-normaliser",
    "mlstm-kv-order", "mlstm-key-unscaled", "mlstm-no-max-denominator", "mlstm-no-denominator",
    "ssm-abar-linear",
    "ssm-delta-no-softplus", "linattn-no-normaliser",
)  # fmt: skip


def _sigmoid(a: Any) -> Any:
    return 1.0 / (1.0 + np.exp(-a))


def _assert_fair(drill: Drill) -> None:
    tol = drill.tolerance
    for key in drill.asked:
        right = np.array(drill.expected[key])
        checked = [a for a in drill.alternatives.get(key, ()) if a.checked]
        for alt in checked:
            gap = np.abs(np.array(alt.values) - right)
            assert np.any(gap > tol.absolute + tol.relative * np.abs(right)), (drill.spec, alt)
        for one, two in itertools.combinations(checked, 2):
            if one.mistake != two.mistake:
                a, b = np.array(one.values), np.array(two.values)
                assert np.any(np.abs(a - b) > tol.absolute + tol.relative * np.abs(b)), (
                    drill.spec, one, two)  # fmt: skip


@pytest.mark.parametrize(("cell", "convention"), SETTINGS)
def test_batched_pass_matches_the_engine(cell: str, convention: str) -> None:
    rng = np.random.default_rng(7)
    for d, n in itertools.product((1, 2, 3), (1, 2, 3)):
        params = engine.random_params(cell, d, n, rng)
        x = rng.uniform(-1, 1, d)
        state = {k: rng.uniform(-1, 1, s) for k, s in state_shapes(cell, d, n).items()}
        for positive in {"slstm": "n", "linear_attention": "z"}.get(cell, ()):
            state[positive] = np.abs(state[positive]) + 0.5
        record = engine.step(cell, params, x, state=state, convention=convention)
        batch = forward_batch(cell, convention, params, {"x": x, **state}, [NO_TWIST])
        assert set(batch) == set(record.values)
        for key, value in batch.items():
            np.testing.assert_allclose(value[0], np.ravel(record[key]), rtol=0, atol=1e-13)


@pytest.mark.parametrize(("cell", "convention"), SETTINGS)
@pytest.mark.parametrize("difficulty", ["whiteboard", "standard", "hard"])
def test_drills_are_fair_and_right(cell: str, convention: str, difficulty: str) -> None:
    keys = engine.OUTPUT_KEYS[cell]
    for seed in range(8):
        asked = ("all",) if seed % 3 == 0 else (keys[seed % len(keys)],)
        drill = generate_drill(DrillSpec(cell, convention, asked, difficulty, seed))
        _assert_fair(drill)
        assert drill.record is not None and drill.record.convention == convention
        state = {k: v for k, v in input_arrays(drill).items() if k != "x"}
        again = engine.step(cell, drill.params, np.array(drill.inputs["x"]), state=state,
                            convention=convention)  # fmt: skip
        for key in drill.asked:
            np.testing.assert_allclose(drill.expected[key], np.ravel(again[key]), atol=1e-15)
        answers = {key: format_vector(drill.expected[key], 6) for key in drill.asked}
        grade = grade_drill(drill, answers)
        assert grade.score == 1.0 and not any(q.mistakes for q in grade.quantities)
        if difficulty == "whiteboard":
            needs_exp = (
                cell != "linear_attention"
                or np.any(drill.record["q"] <= 0)
                or np.any(drill.record["k"] <= 0)
            )  # φ(u) = u + 1 for u > 0 needs no table
            assert bool(drill.lookup_table) == bool(needs_exp), drill.spec
            assert all(np.all(np.round(v, 1) == v) for v in drill.inputs.values())


def test_same_spec_same_drill() -> None:
    spec = DrillSpec("mlstm", "exp", ("h",), "standard", 12345)
    one, two = generate_drill(spec), generate_drill(spec)
    assert one.expected == two.expected and one.inputs == two.inputs
    assert all(np.array_equal(one.params[k], two.params[k]) for k in one.params)


def _expected_mistake(drill: Drill, mistake: str, key: str) -> Any:
    """The asked quantity recomputed with ``mistake`` made, from the papers' equations."""
    p = {k: np.asarray(v) for k, v in drill.params.items()}
    inputs = {k: np.asarray(v) for k, v in drill.inputs.items()}
    assert drill.record is not None
    r = drill.record
    x = inputs["x"]
    if mistake == "mingru-gate-reads-h" and key == "z":
        return _sigmoid(p["W_z"] @ inputs["h"] + p["b_z"])
    if mistake == "mingru-update-swapped" and key == "h":
        return r["z"] * inputs["h"] + (1 - r["z"]) * r["h_tilde"]
    if mistake == "minlstm-not-normalised" and key == "h":
        return r["f"] * inputs["h"] + r["i"] * r["h_tilde"]
    if mistake == "slstm-no-stabiliser" and key == "c":
        return r["f"] * inputs["c"] + np.exp(r["a_i"]) * r["z"]
    if mistake == "slstm-h-no-normaliser" and key == "h":
        return r["o"] * r["c"]
    if mistake == "mlstm-kv-order" and key == "C":
        n = drill.n
        outer = np.outer(r["k"], r["v"])
        return np.ravel(r["f_prime"] * inputs["C"].reshape(n, n) + r["i_prime"] * outer)
    if mistake == "mlstm-key-unscaled" and key == "k":
        return p["W_k"] @ x + p["b_k"]
    if mistake == "mlstm-no-max-denominator" and key == "den":
        return np.abs(r["qn"])
    if mistake == "mlstm-no-denominator" and key in ("h_tilde", "h"):
        read = inputs["C"].reshape(drill.n, drill.n) * r["f_prime"] + r["i_prime"] * np.outer(
            r["v"], r["k"]
        )
        return (read @ r["q"]) * (r["o"] if key == "h" else 1.0)  # C_t q_t, not divided
    if mistake == "ssm-abar-linear" and key == "A_bar":
        return np.ravel(r["delta"][:, None] * p["A"])
    if mistake == "ssm-delta-no-softplus" and key == "delta":
        return p["W_delta"] @ x + p["b_delta"]
    if mistake == "linattn-no-normaliser" and key == "y":
        return r["S"].T @ r["phi_q"]
    return None


def test_every_modern_mistake_is_named_on_fair_drills() -> None:
    seen: dict[str, int] = dict.fromkeys(MODERN_IDS, 0)
    recomputed = 0
    extra = [(("mlstm", "sigmoid"), seed + 100) for seed in range(10)]  # asks h: den's max shows
    for (cell, convention), seed in [*itertools.product(SETTINGS, range(14)), *extra]:
        keys = engine.OUTPUT_KEYS[cell]
        asked = ("all",) if seed % 2 else (keys[seed % len(keys)],)
        if seed >= 100:
            asked = ("h",)
        drill = generate_drill(DrillSpec(cell, convention, asked, "standard", seed))
        for key in drill.asked:
            for alt in drill.alternatives.get(key, ()):
                if not alt.checked:
                    continue
                grade = grade_drill(drill, {key: format_vector(alt.values, 6)})
                marked = next(q for q in grade.quantities if q.key == key)
                assert alt.mistake in marked.mistakes, (drill.spec, alt)
                assert marked.score < 1.0
                if alt.mistake in seen:
                    seen[alt.mistake] += 1
                own = _expected_mistake(drill, alt.mistake, key)
                if own is not None:
                    np.testing.assert_allclose(alt.values, np.ravel(own), atol=1e-12)
                    recomputed += 1
    assert [m for m, count in seen.items() if count == 0] == []
    assert recomputed > 40


@pytest.mark.parametrize("mistake", MODERN_IDS)
def test_catalogue_entries_are_bilingual(mistake: str) -> None:
    entry = MISTAKES[mistake]
    assert entry.title.en and entry.title.zh and entry.explanation.en and entry.explanation.zh
    assert entry.formula_latex and entry.title.en != entry.title.zh


def test_feedback_names_the_mistake_and_shows_the_right_formula() -> None:
    for seed in range(40):
        drill = generate_drill(DrillSpec("slstm", "sigmoid", ("h",), "standard", seed))
        wrong = [a for a in drill.alternatives["h"] if a.mistake == "slstm-h-no-normaliser"]
        if wrong:
            break
    grade = grade_drill(drill, {"h": format_vector(wrong[0].values, 6)})
    feedback = feedback_for(drill, grade)
    text = " ".join(d.text().en for d in feedback.diagnoses) + " ".join(
        line.en for line in feedback.lines
    )
    assert "normaliser" in text and "h_t = o_t ⊙ c_t / n_t" in text
    assert [s.key for s in feedback.steps][-1] == "h"
    assert feedback.steps[-1].value == pytest.approx(drill.expected["h"], abs=1e-12)


def test_labels_follow_the_cell() -> None:
    labels = {q.key: q.label_text.en for q in quantities_for("slstm", "")}
    assert labels["n"] == "normaliser state n_t" and labels["z"].startswith("cell input")
    labels = {q.key: q.label_text.en for q in quantities_for("linear_attention", "")}
    assert labels["z"] == "normaliser z_t"
    assert set(MODERN_CELLS) <= set(DRILL_CELLS)


def test_impossible_settings_say_why() -> None:
    with pytest.raises(DrillError, match="cannot ask 'scan_a' for slstm"):
        generate_drill(DrillSpec("slstm", "", ("scan_a",), "standard", 1))
    with pytest.raises(DrillError, match="one kind of quantity"):
        generate_drill(DrillSpec("mingru", "", ("h", "scan_h"), "standard", 1))


def test_cli_drill_for_a_modern_cell() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "quizapp", "drill", "--cell", "mlstm", "--ask", "C,h", "--seed",
         "4", "--no-record", "--lang", "zh"],
        input="?\n", capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    # Rendered for the terminal (richtext.to_terminal): Cₜ₋₁, not C_{t−1}.
    assert "矩阵记忆 Cₜ" in run.stdout and "Cₜ₋₁ = [" in run.stdout
    # the worked solution: primes and the transpose belong to their names (not f'_t, kₜ^ᵀ)
    assert "Cₜ = f′ₜ Cₜ₋₁ + i′ₜ vₜ kₜᵀ" in run.stdout
    assert "'_t" not in run.stdout and "^ᵀ" not in run.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "quizapp", "drill", "--cell", "xlstm"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert bad.returncode == 2 and "linear_attention" in bad.stderr
