"""Wording that must fit the drill: the RNN has no gates, a one-bias GRU has no bh_n, and the
"what went wrong" formula is written with the drill's own gates."""

from __future__ import annotations

import re

import numpy as np
import pytest
from drills_oracle import plain_forward, run_engine

import engine
from quizapp.drills import DrillSpec, generate_drill, grade_drill
from quizapp.drills.mistake_forms import mistake_for
from quizapp.drills.variants import SIGMOID_GATES
from quizapp.grading.feedback import correct_formula, feedback_for


@pytest.mark.parametrize("cell", ["rnn", "clockwork"])
def test_the_rnn_is_never_said_to_have_gates(cell: str) -> None:
    for two in (False, True):
        text = generate_drill(DrillSpec(cell, "", ("h",), "standard", 1, two_biases=two))
        assert "gate" not in text.convention_text.en and "门" not in text.convention_text.zh
        assert ("two bias vectors" if two else "one bias vector b") in text.convention_text.en


def test_a_one_bias_pytorch_gru_does_not_mention_bh_n() -> None:
    one = generate_drill(DrillSpec("gru", "pytorch", ("n",), "standard", 2))
    assert not one.spec.two_biases
    assert "bh_n" not in one.convention_text.en and "bh_n" not in one.convention_text.zh
    assert "r_t ⊙ (U_n h_{t−1})" in one.convention_text.en
    assert "bh_n" not in correct_formula("gru", "pytorch", "n", two_biases=False)
    two = generate_drill(DrillSpec("gru", "pytorch", ("n",), "standard", 2, two_biases=True))
    assert "U_n h_{t−1} + bh_n" in two.convention_text.en


@pytest.mark.parametrize(("cell", "convention"), [("gru", "pytorch"), ("gru", "d2l"), ("mgu", "")])
def test_what_went_wrong_uses_the_drills_own_gates(cell: str, convention: str) -> None:
    drill = generate_drill(DrillSpec(cell, convention, ("h",), "standard", 6))
    slipped = plain_forward(drill, "gate-tanh")["h"]  # every gate with tanh
    grade = grade_drill(drill, {"h": ", ".join(f"{v:.6f}" for v in slipped)})
    assert grade.quantities[0].mistakes == ("gate-tanh",)
    (diagnosis,) = feedback_for(drill, grade, worked=False).diagnoses
    gates = SIGMOID_GATES[cell]
    formula = diagnosis.mistake.formula_latex
    letter = re.match(r"([a-z])_t = \\tanh\(a_([a-z])\)", formula)
    assert letter is not None and letter.group(1) == letter.group(2) and letter.group(1) in gates
    if "f" not in gates:
        assert "f_t" not in formula


def test_every_classic_mistake_formula_names_only_the_cells_quantities() -> None:
    """For each cell, a mistake's formula uses no gate letter the cell does not have."""
    foreign = {"lstm": "rzn", "gru": "fiog", "rnn": "fiogrzn", "sru": "iogzn"}
    for cell, letters in foreign.items():
        convention = engine.CONVENTIONS.get(cell, ("standard",))[0]
        gated = ("gate-tanh",) if cell in SIGMOID_GATES else ()  # the RNN has no gate to slip on
        for mistake_id in (*gated, "no-bias", "no-recurrent", "transposed-weight"):
            formula = mistake_for(mistake_id, cell, convention).formula_latex
            used = set(re.findall(r"_\{?([a-z])\b", formula)) - {"t"}
            assert not used & set(letters), (cell, mistake_id, formula)


def test_the_right_numbers_are_still_graded_right_in_a_one_bias_pytorch_gru() -> None:
    drill = generate_drill(DrillSpec("gru", "pytorch", ("n", "h"), "standard", 2))
    record = run_engine(drill, drill.params)
    answers = {k: ", ".join(f"{v:.6f}" for v in np.ravel(record[k])) for k in drill.asked}
    assert grade_drill(drill, answers).score == 1.0
