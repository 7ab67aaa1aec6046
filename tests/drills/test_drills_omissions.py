"""Omissions (a gate, a bias, a term left out) are catalogued for every classic cell and named;
the verdicts of a wrong answer agree with its marks (the Standard LSTM, seed 990802, of issue 14)."""

from __future__ import annotations

import numpy as np
import pytest
from drills_oracle import run_engine

import engine
from quizapp.drills import MISTAKES, DrillSpec, generate_drill, grade_drill
from quizapp.drills.fairness import SEPARATION
from quizapp.drills.variants import forward_variants
from quizapp.grading.feedback import feedback_for

# What a learner leaves out, per classic cell (ids of the catalogue).
OMISSIONS: dict[str, set[str]] = {
    "rnn": {"no-bias", "no-recurrent"},
    "lstm": {"cell-no-forget-gate", "cell-no-input-gate", "h-no-output-gate", "h-no-tanh",
             "no-bias", "no-recurrent"},
    "peephole": {"cell-no-forget-gate", "cell-no-input-gate", "h-no-output-gate", "no-bias"},
    "cifg": {"cell-no-forget-gate", "h-no-output-gate", "no-bias"},
    "depth_gated": {"cell-no-forget-gate", "cell-no-input-gate", "h-no-output-gate", "no-bias"},
    "gru": {"gru-no-reset", "gru-no-update", "gru-no-carry", "no-bias", "no-recurrent"},
    "mgu": {"gru-no-reset", "gru-no-update", "gru-no-carry", "no-bias"},
    "sru": {"sru-no-highway", "no-bias"},
}  # fmt: skip


def _two_decimals(values: np.typing.ArrayLike) -> str:
    return ", ".join(f"{v:.2f}" for v in np.ravel(values))


@pytest.mark.parametrize("cell", sorted(OMISSIONS))
def test_every_classic_cell_has_its_omissions(cell: str) -> None:
    convention = engine.CONVENTIONS.get(cell, ("standard",))[0]
    drill = generate_drill(DrillSpec(cell, convention, ("all",), "standard", 5))
    ids = {v.mistake for v in forward_variants(cell, convention, drill.params, drill.d, drill.n,
                                               stacked=False, two_biases=False)}  # fmt: skip
    assert OMISSIONS[cell] <= ids, OMISSIONS[cell] - ids
    for mistake_id in OMISSIONS[cell]:
        mistake = MISTAKES[mistake_id]
        assert mistake.title.en and mistake.title.zh and mistake.explanation.zh
        assert mistake.formula_latex


@pytest.mark.parametrize("mistake_id", ["cell-no-forget-gate", "h-no-output-gate"])
def test_omissions_are_told_apart_from_the_answer_and_every_other_mistake(mistake_id: str) -> None:
    checked = 0
    for seed in range(15):
        drill = generate_drill(DrillSpec("lstm", "standard", ("c", "h"), "standard", seed))
        tol = drill.tolerance
        for key in drill.asked:
            rows = [a for a in drill.alternatives.get(key, ()) if a.checked]
            ours = [a for a in rows if a.mistake == mistake_id]
            for alternative in ours:
                mine = np.array(alternative.values)
                for other in (
                    drill.expected[key],
                    *(a.values for a in rows if a.mistake != mistake_id),
                ):
                    theirs = np.array(other)
                    limit = SEPARATION * (
                        tol.absolute + tol.relative * np.maximum(abs(mine), abs(theirs))
                    )
                    assert np.any(np.abs(mine - theirs) > limit), (seed, key)
                checked += 1
    assert checked >= 15


def test_the_seed_of_issue_14_is_graded_consistently() -> None:
    """h_t from the old C_{t−1}, and C_t without the forget gate: nothing is right, both named."""
    drill = generate_drill(DrillSpec("lstm", "standard", ("c", "h"), "standard", 990802))
    record = run_engine(drill, drill.params)
    c_prev = np.array(drill.inputs["c"])
    answers = {
        "c": _two_decimals(c_prev + record["i"] * record["g"]),
        "h": _two_decimals(record["o"] * np.tanh(c_prev)),
    }
    grade = grade_drill(drill, answers)
    c, h = grade.quantities
    assert c.mistakes == ("cell-no-forget-gate",) and c.element_correct == (False,) * 3
    # Its third element happens to agree with o ⊙ tanh(the learner's C_t): no evidence of carrying.
    assert h.mistakes == ("h-old-cell",) and not h.carried_forward
    assert h.element_correct == (False,) * 3
    assert grade.score == 0.0
    feedback = feedback_for(drill, grade, worked=False)
    lines = [line.en for line in feedback.lines]
    assert not any("elements right" in line or "matches none" in line for line in lines), lines
    assert lines == [
        "new cell state C_t: wrong; expected [-0.642, 0.9042, -0.2369].",
        "new hidden state h_t: wrong; expected [-0.2061, 0.6656, -0.1776].",
    ]
    # Each mistake is named once, with the quantity it explains and the right formula.
    told = [(d.mistake.id, d.keys, d.correct) for d in feedback.diagnoses]
    assert told == [
        ("cell-no-forget-gate", ("c",), "C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t"),
        ("h-old-cell", ("h",), "h_t = o_t ⊙ tanh(C_t)"),
    ]


def test_an_answer_that_follows_from_the_learners_own_wrong_input_is_still_carried() -> None:
    drill = generate_drill(DrillSpec("lstm", "standard", ("c", "h"), "standard", 990802))
    record = run_engine(drill, drill.params)
    own_c = np.array(drill.inputs["c"]) + record["i"] * record["g"]
    answers = {"c": _two_decimals(own_c), "h": _two_decimals(record["o"] * np.tanh(own_c))}
    c, h = grade_drill(drill, answers).quantities
    assert c.score == 0.0 and h.carried_forward and h.score == 1.0 and h.mistakes == ()


def test_an_empty_field_counts_as_wrong() -> None:
    drill = generate_drill(DrillSpec("lstm", "standard", ("f", "i", "g", "o", "c"), "standard", 3))
    record = run_engine(drill, drill.params)
    answers = {k: _two_decimals(record[k]) for k in ("f", "i", "g")}
    answers["o"] = _two_decimals(record["o"] + 0.5)
    answers["c"] = ""
    grade = grade_drill(drill, answers)
    assert [q.score for q in grade.quantities] == [1.0, 1.0, 1.0, 0.0, 0.0]
    assert grade.score == pytest.approx(3 / 5)  # not 3 of 4
    assert not grade.quantities[4].submitted
