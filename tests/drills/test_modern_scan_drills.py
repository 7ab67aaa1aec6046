"""Parallel-scan drills (minGRU, minLSTM, selective SSM): the expected numbers against a sequential
loop over engine steps written here, the scan's mistakes against their own formulas, fairness."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

import engine
from quizapp.drills import Drill, DrillSpec, generate_drill, grade_drill
from quizapp.grading.feedback import feedback_for
from quizapp.grading.reader import format_vector

SCAN = ("scan_a", "scan_b", "scan_A", "scan_B", "scan_h")
SETTINGS = [
    (cell, convention)
    for cell in ("mingru", "minlstm", "ssm")
    for convention in engine.CONVENTIONS[cell]
]


def _loop(drill: Drill) -> tuple[list[np.ndarray], list[np.ndarray], list[np.ndarray]]:
    """(a_t, b_t, h_t) for every step, from one engine step at a time (no engine.scan)."""
    cell, steps = drill.spec.cell, int(drill.extra["steps"])  # type: ignore[call-overload]
    h = np.array(drill.inputs["h_0"])
    if cell == "ssm":
        h = h.reshape(drill.d, drill.n)
    a_list, b_list, h_list = [], [], []
    for t in range(steps):
        x = np.array(drill.inputs[f"x_{t + 1}"])
        record = engine.step(cell, drill.params, x, h, convention=drill.spec.convention)
        if cell == "mingru":
            a, b = 1 - record["z"], record["z"] * record["h_tilde"]
        elif cell == "minlstm":
            a, b = record["f_prime"], record["i_prime"] * record["h_tilde"]
        else:
            a, b = record["A_bar"], record["B_bar"] * x[:, None]
        np.testing.assert_allclose(a * h + b, record["h"], atol=1e-14)  # it is linear in h
        h = record["h"]
        a_list.append(a)
        b_list.append(b)
        h_list.append(h)
    return a_list, b_list, h_list


@pytest.mark.parametrize(("cell", "convention"), SETTINGS)
@pytest.mark.parametrize("difficulty", ["whiteboard", "standard", "hard"])
def test_scan_numbers_match_the_sequential_loop(
    cell: str, convention: str, difficulty: str
) -> None:
    for seed in range(6):
        drill = generate_drill(DrillSpec(cell, convention, SCAN, difficulty, seed))
        steps = int(drill.extra["steps"])  # type: ignore[call-overload]
        assert 2 <= steps <= 4
        a, b, h = _loop(drill)
        np.testing.assert_allclose(drill.expected["scan_a"], np.ravel(a), atol=1e-13)
        np.testing.assert_allclose(drill.expected["scan_b"], np.ravel(b), atol=1e-13)
        np.testing.assert_allclose(drill.expected["scan_h"], np.ravel(h[-1]), atol=1e-13)
        prefix_a = np.cumprod(np.array(a), axis=0)
        np.testing.assert_allclose(drill.expected["scan_A"], np.ravel(prefix_a), atol=1e-13)
        h0 = np.array(drill.inputs["h_0"]).reshape(np.shape(h[0]))
        # B_{1:t} is h_t started from h_0 = 0
        prefix_b = [np.array(h[t]) - prefix_a[t] * h0 for t in range(steps)]
        np.testing.assert_allclose(drill.expected["scan_B"], np.ravel(prefix_b), atol=1e-12)
        grade = grade_drill(drill, {k: format_vector(drill.expected[k], 7) for k in SCAN})
        assert grade.score == 1.0
        if difficulty == "whiteboard":
            assert drill.lookup_table


@pytest.mark.parametrize(("cell", "convention"), SETTINGS)
def test_combined_pair_of_two_steps(cell: str, convention: str) -> None:
    for seed in range(6):
        drill = generate_drill(DrillSpec(cell, convention, ("combine_a", "combine_b"), "standard",
                                         seed))  # fmt: skip
        assert drill.extra["steps"] == 2
        a, b, _ = _loop(drill)
        np.testing.assert_allclose(drill.expected["combine_a"], np.ravel(a[1] * a[0]), atol=1e-13)
        np.testing.assert_allclose(drill.expected["combine_b"], np.ravel(a[1] * b[0] + b[1]),
                                   atol=1e-13)  # fmt: skip
        wrong = {alt.mistake: alt.values for alt in drill.alternatives["combine_b"]}
        np.testing.assert_allclose(wrong["scan-combine-order"], np.ravel(a[0] * b[1] + b[0]),
                                   atol=1e-13)  # fmt: skip
        np.testing.assert_allclose(wrong["scan-b-not-decayed"], np.ravel(b[0] + b[1]), atol=1e-13)
        for mistake, values in wrong.items():
            grade = grade_drill(drill, {"combine_b": format_vector(values, 6)})
            assert mistake in grade.quantities[1].mistakes  # combine_a, combine_b


def test_scan_drills_are_fair_and_name_every_mistake() -> None:
    named: set[str] = set()
    for (cell, convention), seed in itertools.product(SETTINGS, range(5)):
        for asked in (SCAN, ("scan_h",), ("combine_a", "combine_b")):
            drill = generate_drill(DrillSpec(cell, convention, asked, "standard", seed))
            tol = drill.tolerance
            for key in drill.asked:
                right = np.array(drill.expected[key])
                alternatives = drill.alternatives[key]
                for alt in alternatives:
                    gap = np.abs(np.array(alt.values) - right)
                    assert np.any(gap > tol.absolute + tol.relative * np.abs(right))
                    grade = grade_drill(drill, {key: format_vector(alt.values, 6)})
                    marks = next(q for q in grade.quantities if q.key == key)
                    assert alt.mistake in marks.mistakes
                    named.add(alt.mistake)
                for one, two in itertools.combinations(alternatives, 2):
                    if one.mistake != two.mistake:
                        diff = np.abs(np.array(one.values) - np.array(two.values))
                        assert np.any(diff > tol.absolute + tol.relative * np.abs(two.values))
    assert named >= {
        "scan-combine-order",
        "scan-b-not-decayed",
        "mingru-update-swapped",
        "minlstm-not-normalised",
        "ssm-abar-linear",
        "ssm-delta-no-softplus",
    }


def test_worked_solution_runs_the_loop_and_gets_the_same_numbers() -> None:
    drill = generate_drill(DrillSpec("ssm", "", SCAN, "standard", 3))
    grade = grade_drill(drill, {})
    steps = feedback_for(drill, grade).steps
    assert [s.key for s in steps] == ["scan_a", "scan_b", "scan_B", "scan_h"]
    loop = steps[-1]
    assert "the same" in loop.result_latex
    assert len(loop.substituted_lines) == int(drill.extra["steps"]) + 1  # type: ignore[call-overload]
    np.testing.assert_allclose(loop.value, drill.expected["scan_h"], atol=1e-13)
