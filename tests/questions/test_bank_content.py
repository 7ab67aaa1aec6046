"""The shipped bank: loads cleanly, covers every topic, and its computed answers are right.

These tests read whatever YAML is in ``questions/bank`` when they run.
"""

from __future__ import annotations

import importlib
from collections import Counter

import numpy as np
import pytest

from engine.counts import param_count, torch_shapes
from questions.load import load_bank
from questions.schema import Question
from questions.topics import TOPICS

BANK = load_bank(include_user_packs=False)
QUESTIONS = BANK.questions


def _ids(questions: list[Question]) -> list[str]:
    return [q.id for q in questions]


def test_shipped_bank_loads_without_problems() -> None:
    assert [str(p) for p in BANK.problems] == []


def test_bank_has_at_least_150_questions() -> None:
    assert len(QUESTIONS) >= 150


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.id)
def test_every_topic_reaches_its_target(topic: object) -> None:
    from questions.topics import Topic

    assert isinstance(topic, Topic)
    count = Counter(q.topic for q in QUESTIONS)[topic.id]
    assert count >= topic.target, f"{topic.id}: {count} questions, target {topic.target}"


COMPUTED = [q for q in QUESTIONS if q.computed is not None]


def _int(spec: dict[str, object], key: str, default: int = 0) -> int:
    value = spec.get(key, default)
    assert isinstance(value, int), f"{key} must be a whole number, got {value!r}"
    return value


def _bool(spec: dict[str, object], key: str) -> bool:
    return bool(spec.get(key, False))


def _recompute_count(spec: dict[str, object]) -> int:
    return param_count(
        str(spec["cell"]),
        _int(spec, "d"),
        _int(spec, "n"),
        biases=_int(spec, "biases", 1),
        bidirectional=_bool(spec, "bidirectional"),
        num_layers=_int(spec, "num_layers", 1),
        proj_size=_int(spec, "proj_size"),
    )


def _recompute_shape(spec: dict[str, object]) -> tuple[int, ...]:
    shapes = torch_shapes(
        str(spec["module"]),
        input_size=_int(spec, "input_size"),
        hidden_size=_int(spec, "hidden_size"),
        batch=_int(spec, "batch"),
        seq_len=_int(spec, "seq_len"),
        num_layers=_int(spec, "num_layers", 1),
        bidirectional=_bool(spec, "bidirectional"),
        batch_first=_bool(spec, "batch_first"),
        proj_size=_int(spec, "proj_size"),
    )
    return shapes[str(spec["output"])]


def _recompute_gate_value(spec: dict[str, object]) -> float:
    try:
        step_module = importlib.import_module("engine.step")
    except ImportError:  # pragma: no cover - depends on the engine being present
        pytest.skip("engine.step is not importable yet; gate_value answers cannot be recomputed")
    params = spec["params"]
    assert isinstance(params, dict)
    arrays = {name: np.asarray(value, dtype=np.float64) for name, value in params.items()}
    c = spec.get("c")
    record = step_module.step(
        str(spec["cell"]),
        arrays,
        np.asarray(spec["x"], dtype=np.float64),
        np.asarray(spec["h"], dtype=np.float64),
        None if c is None else np.asarray(c, dtype=np.float64),
        convention=None if spec.get("convention") is None else str(spec["convention"]),
    )
    values = np.asarray(record.as_dict()[str(spec["quantity"])], dtype=np.float64)
    return float(values.flat[_int(spec, "index")])


@pytest.mark.parametrize("question", COMPUTED, ids=_ids(COMPUTED))
def test_computed_answer_matches_the_engine(question: Question) -> None:
    spec = dict(question.computed or {})
    kind = spec["kind"]
    if kind == "param_count":
        assert question.value == _recompute_count(spec)
    elif kind == "torch_shape":
        assert question.shape == _recompute_shape(spec)
    elif kind == "gate_value":
        assert question.value is not None
        exact = _recompute_gate_value(spec)
        # The learner who types the engine's exact value must be accepted by the grader.
        allowed = question.tolerance if question.tolerance > 0 else 1e-9
        assert abs(exact - question.value) <= allowed, (exact, question.value, allowed)
    else:
        pytest.fail(f"unknown computed kind {kind!r}")


FREE_TEXT = [q for q in QUESTIONS if q.answer_type == "free_text"]


@pytest.mark.parametrize("question", FREE_TEXT, ids=_ids(FREE_TEXT))
def test_rubric_names_known_concepts_and_model_answers_make_every_point(
    question: Question,
) -> None:
    from quizapp.grading.freetext import default_grader
    from quizapp.grading.freetext.rubric_check import check_rubrics

    problems = [str(p) for p in check_rubrics([question], default_grader())]
    assert problems == []


SYMBOLIC = [q for q in QUESTIONS if q.answer_type == "symbolic"]


@pytest.mark.parametrize("question", SYMBOLIC, ids=_ids(SYMBOLIC))
def test_symbolic_expression_reads(question: Question) -> None:
    from quizapp.grading.reader import read_expression

    assert question.expression is not None
    reading = read_expression(question.expression, question.symbols)
    assert reading.error is None, f"{question.file}:{question.line}: {reading.error}"


def test_right_options_are_spread_over_the_positions() -> None:
    from collections import Counter

    positions = Counter(
        [o.id for o in q.options].index(q.correct[0])
        for q in QUESTIONS
        if q.answer_type == "single_choice"
    )
    total = sum(positions.values())
    assert total >= 10
    assert max(positions.values()) <= total // 2, positions  # never "always the first"
    assert len(positions) >= 3
