"""Grading drills: right answers score full, catalogued mistakes are named, errors carry forward.

Right answers come from the engine and mistaken answers from the independent oracle in
``drills_oracle.py``, never from the drill's own stored values.
"""

from __future__ import annotations

import numpy as np
import pytest
from drills_oracle import backward_slip_answers, forward_slip_answers, mistake_id, run_engine

import engine
from engine.backward import backward
from quizapp.drills import DrillSpec, generate_drill, grade_drill
from quizapp.drills.quantities import backward_keys


def text(values: np.typing.ArrayLike) -> str:
    return "[" + ", ".join(f"{v:.6f}" for v in np.ravel(values)) + "]"


CASES = [
    (cell, convention, difficulty)
    for cell in engine.CELLS
    for convention in engine.CONVENTIONS.get(cell, ("standard",))
    for difficulty in ("whiteboard", "standard", "hard")
]


@pytest.mark.parametrize(("cell", "convention", "difficulty"), CASES)
def test_right_answers_score_full_and_mistakes_are_named(
    cell: str, convention: str, difficulty: str
) -> None:
    asks = [("all",), *((k,) for k in engine.OUTPUT_KEYS[cell])]
    for seed, ask in enumerate(asks):
        drill = generate_drill(DrillSpec(cell, convention, ask, difficulty, seed))
        record = run_engine(drill, drill.params)
        right = {k: text(record[k]) for k in drill.asked}
        grade = grade_drill(drill, right)
        assert grade.score == 1.0
        assert all(q.mistakes == () for q in grade.quantities)
        tol = drill.tolerance
        for name, per_key in forward_slip_answers(drill).items():
            for key, value in per_key.items():
                far = np.any(
                    np.abs(value - record[key]) > tol.absolute + tol.relative * np.abs(value)
                )
                if not far:
                    continue  # a slip whose effect vanishes here (e.g. through a peephole) is right
                answers = dict(right)
                answers[key] = text(value)
                q = grade_drill(drill, answers).quantities[drill.asked.index(key)]
                assert mistake_id(name) in q.mistakes, (
                    cell,
                    convention,
                    difficulty,
                    seed,
                    name,
                    key,
                )
                assert q.score < 1.0 or q.carried_forward


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("difficulty", ["whiteboard", "standard", "hard"])
def test_backward_answers(cell: str, difficulty: str) -> None:
    for convention in engine.CONVENTIONS.get(cell, ("standard",)):
        for seed, key in enumerate(backward_keys(cell)):
            drill = generate_drill(DrillSpec(cell, convention, (key,), difficulty, seed))
            inp = {k: np.array(v) for k, v in drill.inputs.items()}
            grads = backward(cell, drill.params, inp["x"], inp["h"], inp["dh"], c=inp.get("c"),
                             dc=inp.get("dc"), convention=convention)  # fmt: skip
            grade = grade_drill(drill, {key: text(grads[key])})
            assert grade.score == 1.0
            for name, per_key in backward_slip_answers(drill).items():
                if key in per_key:
                    q = grade_drill(drill, {key: text(per_key[key])}).quantities[0]
                    assert mistake_id(name) in q.mistakes, (cell, convention, seed, name, key)
                    assert q.score < 1.0


def test_error_carried_forward_in_lstm() -> None:
    drill = generate_drill(DrillSpec("lstm", "", ("f", "i", "g", "o", "c", "h"), "standard", 7))
    record = run_engine(drill, drill.params)
    x = np.array(drill.inputs["c"])
    wrong_f = np.clip(record["f"] + 0.2, 0, 1)
    own_c = wrong_f * x + record["i"] * record["g"]  # C_t from the learner's own f
    own_h = record["o"] * np.tanh(own_c)
    answers = {k: text(record[k]) for k in drill.asked}
    answers.update(f=text(wrong_f), c=text(own_c), h=text(own_h))
    grades = {q.key: q for q in grade_drill(drill, answers).quantities}
    assert grades["f"].score == 0.0
    assert grades["c"].score == 1.0 and grades["c"].carried_forward
    assert grades["h"].score == 1.0 and grades["h"].carried_forward
    assert grades["o"].carried_forward is False


def test_error_carried_forward_in_gru_uses_z_and_n() -> None:
    drill = generate_drill(DrillSpec("gru", "d2l", ("z", "n", "h"), "standard", 3))
    record = run_engine(drill, drill.params)
    h_prev = np.array(drill.inputs["h"])
    wrong_z = 1 - record["z"]
    own_h = wrong_z * h_prev + (1 - wrong_z) * record["n"]
    grades = grade_drill(drill, {"z": text(wrong_z), "n": text(record["n"]), "h": text(own_h)})
    by_key = {q.key: q for q in grades.quantities}
    assert by_key["h"].carried_forward and by_key["h"].score == 1.0
    assert by_key["z"].score < 1.0


def test_partial_credit_and_not_submitted() -> None:
    drill = generate_drill(DrillSpec("lstm", "", ("f", "c"), "standard", 11))
    record = run_engine(drill, drill.params)
    f = np.array(record["f"])
    f[0] += 0.3
    grade = grade_drill(drill, {"f": text(f), "c": "[1, 2"})
    q_f, q_c = grade.quantities
    assert q_f.element_correct[0] is False and all(q_f.element_correct[1:])
    assert q_f.score == pytest.approx((drill.n - 1) / drill.n)
    assert not q_c.submitted and q_c.message
    # Not submitted scores 0 in the mean (the app sends an unread answer back before grading).
    assert grade.score == pytest.approx(q_f.score / 2)
    assert grade.unread_typed({"f": text(f), "c": "[1, 2"}) == {"c": q_c.message}
    assert grade_drill(drill, {"f": text(f), "c": " "}).unread_typed({"c": " "}) == {}


def test_tolerance_is_configurable() -> None:
    from quizapp.drills import Tolerance

    drill = generate_drill(DrillSpec("rnn", "tanh", ("h",), "standard", 2))
    record = run_engine(drill, drill.params)
    off = record["h"] + 0.02
    assert grade_drill(drill, {"h": text(off)}).score == 0.0
    assert grade_drill(drill, {"h": text(off)}, Tolerance(0.05, 0.0)).score == 1.0


def test_whiteboard_answers_worked_with_the_table_pass() -> None:
    """Work the LSTM step with the drill's own table (4 decimals, tanh(C_t) at 2-decimal C_t)."""
    for seed in range(20):
        drill = generate_drill(DrillSpec("lstm", "", ("all",), "whiteboard", seed))
        table = dict(drill.lookup_table)
        record = run_engine(drill, drill.params)

        def look(fn: str, argument: float, table: dict[str, float] = table) -> float:
            # the learner takes the listed argument nearest to their own number
            listed = {float(k[len(fn) + 1 : -1]): v for k, v in table.items() if k.startswith(fn)}
            nearest = min(listed, key=lambda listed_at: abs(listed_at - argument))
            assert abs(nearest - argument) < 0.006
            return listed[nearest]

        gates = {k: np.array([look("σ", a) for a in record[f"a_{k}"]]) for k in "ifo"}
        g = np.array([look("tanh", a) for a in record["a_g"]])
        c = gates["f"] * np.array(drill.inputs["c"]) + gates["i"] * g
        h = gates["o"] * np.array([look("tanh", v) for v in c])
        answers = {k: text(v) for k, v in {**gates, "g": g, "c": c, "h": h}.items()}
        assert grade_drill(drill, answers).score == 1.0, seed
