"""Random and hostile text fed to reading and grading never raises."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.drills import Drill, DrillSpec, generate_drill, grade_drill, read_answers
from quizapp.grading.feedback import feedback_for

HOSTILE = [
    "",
    " ",
    "[",
    "]",
    "[[[[",
    "1e999",
    "-1e400",
    "nan",
    "inf",
    "NaN, 1",
    "1,,2",
    "[1;2;3]",
    "__import__('os')",
    "eval(1)",
    "σ(1e6)",
    "tanh(" * 60 + "1" + ")" * 60,
    "√-1",
    "0/0",
    "1/0",
    "2^2^2^2^2^2",
    "9" * 500,
    "x" * 3000,
    "\u0000",
    "１，２",
    "−0.5 ０.3",
    "(1,2)",
    "[1 2 3 4 5]",
    "1 - - 2",
    "e",
    "pi pi",
    "h_prev",
    "torch.Size([2, 3])",
    "(2, -3)",
    "(2.5, 3)",
    "()",
]


@cache
def drills() -> tuple[Drill, ...]:
    specs = [
        DrillSpec("lstm", "", ("all",), "standard", 1),
        DrillSpec("gru", "pytorch", ("h",), "hard", 2),
        DrillSpec("lstm", "", ("dc_prev",), "whiteboard", 3),
        DrillSpec("lstm", "", ("count", "shape_output", "shape_c_n"), "hard", 4),
        DrillSpec("gru", "colah", ("formula_h",), "standard", 5),
        DrillSpec("clockwork", "", ("all",), "hard", 6),
    ]
    return tuple(generate_drill(spec) for spec in specs)


def _exercise(drill: Drill, text: str) -> None:
    answers = {key: text for key in drill.asked}
    read_answers(drill, answers)
    grade = grade_drill(drill, answers)
    assert 0.0 <= grade.score <= 1.0
    feedback_for(drill, grade, worked=False)


def test_hostile_corpus_never_raises() -> None:
    for drill in drills():
        for text in HOSTILE:
            _exercise(drill, text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=80), st.integers(min_value=0, max_value=5))
def test_random_text_never_raises(text: str, which: int) -> None:
    _exercise(drills()[which], text)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.floats(allow_nan=True, allow_infinity=True, width=64), max_size=8),
    st.sampled_from([",", " ", ";"]),
)
def test_random_number_lists_never_raise(values: list[float], separator: str) -> None:
    text = "[" + separator.join(repr(v) for v in values) + "]"
    for drill in drills()[:3]:
        _exercise(drill, text)
