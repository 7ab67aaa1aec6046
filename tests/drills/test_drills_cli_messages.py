"""The terminal's grading lines say each thing once, with names instead of ids, and agree."""

from __future__ import annotations

import numpy as np
from drills_oracle import run_engine

from quizapp.cli.drill import grade_lines
from quizapp.drills import DrillSpec, generate_drill, grade_drill


def test_each_mistake_is_told_once_by_name() -> None:
    drill = generate_drill(DrillSpec("lstm", "standard", ("c", "h"), "standard", 990802))
    record = run_engine(drill, drill.params)
    c_prev = np.array(drill.inputs["c"])
    answers = {
        "c": ", ".join(f"{v:.2f}" for v in c_prev + record["i"] * record["g"]),
        "h": ", ".join(f"{v:.2f}" for v in record["o"] * np.tanh(c_prev)),
    }
    text = "\n".join(grade_lines(drill, grade_drill(drill, answers), "en", solution=False))
    assert "  c: score 0%" in text and "  h: score 0%" in text
    assert text.count("left out the forget gate") == 1
    assert text.count("used the old cell state for h") == 1
    assert "what went wrong:" in text
    assert "cell-no-forget-gate" not in text and "h-old-cell" not in text  # no internal ids
    assert "elements right" not in text and "carried forward" not in text


def test_an_empty_answer_is_said_to_count_as_wrong_in_both_languages() -> None:
    drill = generate_drill(DrillSpec("rnn", "tanh", ("h",), "standard", 4))
    grade = grade_drill(drill, {"h": ""})
    assert grade.score == 0.0
    assert "  h: left empty, counts as wrong" in grade_lines(drill, grade, "en", solution=False)
    zh = "\n".join(grade_lines(drill, grade, "zh", solution=False))
    assert "未作答，按答错计" in zh
