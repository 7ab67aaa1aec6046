"""An error carried forward names only the inputs that were wrong, by the cell's own names."""

from __future__ import annotations

import math

from quizapp.drills import DrillSpec, generate_drill, grade_drill
from quizapp.grading.feedback import feedback_for


def _typed(values: tuple[float, ...]) -> str:
    return ", ".join(f"{v:.6f}" for v in values)


def test_mlstm_h_carried_from_a_wrong_candidate_names_the_candidate_only() -> None:
    # seed 481694 of the walk (H15): h̃ typed as C q (the division by den left out), h = o ⊙ that
    drill = generate_drill(DrillSpec("mlstm", "sigmoid", ("all",), "standard", 481694))
    answers = {key: _typed(drill.expected[key]) for key in drill.asked}
    den = drill.expected["den"][0]
    wrong = tuple(v * den for v in drill.expected["h_tilde"])
    answers["h_tilde"] = _typed(wrong)
    answers["h"] = _typed(tuple(o * w for o, w in zip(drill.expected["o"], wrong, strict=True)))
    grade = grade_drill(drill, answers)
    by_key = {q.key: q for q in grade.quantities}
    assert by_key["h"].carried_forward and by_key["h"].correct
    assert by_key["o"].correct and not by_key["o"].carried_forward
    text = next(t for t in feedback_for(drill, grade, worked=False).lines
                if t.en.startswith("new hidden state"))  # fmt: skip
    line = text.en
    assert "（有误）的候选" in text.zh and "输出门" not in text.zh
    assert "carried forward" in line
    assert "candidate" in line  # the wrong input, by its mLSTM name
    assert "output gate" not in line  # o_t was right: not blamed
    assert "h_tilde" not in line  # no internal key


def test_lstm_h_carried_from_a_wrong_cell_state_names_it() -> None:
    drill = generate_drill(DrillSpec("lstm", "standard", ("c", "h"), "standard", 150538))
    answers = {"c": _typed(tuple(v + 0.5 for v in drill.expected["c"]))}
    c_wrong = [v + 0.5 for v in drill.expected["c"]]
    o = [h / math.tanh(c) for h, c in zip(drill.expected["h"], drill.expected["c"], strict=True)]
    answers["h"] = _typed(tuple(oi * math.tanh(c) for oi, c in zip(o, c_wrong, strict=True)))
    grade = grade_drill(drill, answers)
    by_key = {q.key: q for q in grade.quantities}
    assert by_key["h"].carried_forward
    line = next(t.en for t in feedback_for(drill, grade, worked=False).lines
                if t.en.startswith("new hidden state"))  # fmt: skip
    assert "your own new cell state" in line
