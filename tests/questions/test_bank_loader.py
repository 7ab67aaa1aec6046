"""The loader and validator: broken and hostile packs, every type's checks, ids across files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from questions.load import BANK_DIR, LoadResult, Problem, load_bank, load_file, load_paths
from questions.schema import QUESTION_TYPES, Text
from questions.topics import MODULES, TOPIC_IDS, TOPICS

PACKS = Path(__file__).parents[1] / "data" / "packs"
BROKEN = PACKS / "broken"
HOSTILE = PACKS / "hostile"
GOOD = PACKS / "good" / "all_types.yaml"
MARKER = Path("/tmp/quizapp-hostile-marker")


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    """1-based line of the ``occurrence``-th line containing ``needle`` (found by reading the file)."""
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not found {occurrence} times in {path}")


def only_problem(result: LoadResult) -> Problem:
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    return result.problems[0]


def ids(result: LoadResult) -> list[str]:
    return [q.id for q in result.questions]


# -- topics --------------------------------------------------------------------------------------


def test_topics_match_the_topic_list() -> None:
    assert len(TOPICS) == 32
    assert len(TOPIC_IDS) == 32
    assert sum(t.starred for t in TOPICS) == 12  # the ★ rows of the topic list
    assert {t.module for t in TOPICS} == set(MODULES) == {f"m{k}" for k in range(1, 8)}
    assert all(t.title.en and t.title.zh for t in TOPICS)
    by_id = {t.id: t for t in TOPICS}
    assert by_id["param-count"].starred and by_id["param-count"].target == 10
    assert not by_id["tbptt"].starred and by_id["tbptt"].target == 5


# -- a valid pack --------------------------------------------------------------------------------


def test_good_pack_loads_every_type() -> None:
    result = load_file(GOOD)
    assert result.problems == ()
    assert {q.type for q in result.questions} == set(QUESTION_TYPES)
    by_id = {q.id: q for q in result.questions}
    tf = by_id["pack-tf-001"]
    assert [o.id for o in tf.options] == ["true", "false"] and tf.correct == ("true",)
    numeric = by_id["pack-numeric-001"]
    assert numeric.value == 56.0 and numeric.tolerance == 0.0
    assert numeric.unit == Text("parameters", "个参数")
    assert numeric.computed == {"kind": "param_count", "cell": "lstm", "d": 3, "n": 2, "biases": 2}
    code = by_id["pack-code-001"]
    assert code.answer_type == "shape" and code.shape == (1, 2, 16)
    assert code.code is not None and code.code.startswith("lstm = nn.LSTM(")
    assert code.code_language == "python"
    free = by_id["pack-free-001"]
    claim, shipped = free.key_points[0].claims
    assert claim.subject == ("pack-batchnorm",) and claim.slots == (("pack-fit",),)
    assert claim.negated and not shipped.negated
    assert shipped.subject == ("batchnorm", "pack-batchnorm")
    assert free.key_points[0].misconceptions == ("pack-batchnorm-cures",)
    assert free.key_points[1].claims[0].slots == (("gate", "forget-gate"),)
    assert free.file == str(GOOD)
    assert free.line == line_of(GOOD, "id: pack-free-001")
    assert by_id["pack-symbolic-001"].symbols == ("f_t", "i_t", "g_t", "C_prev")


def test_problem_text_names_file_line_question_and_field() -> None:
    problem = Problem("m1.yaml", 12, "rnn-why-001", "topic", "unknown topic 'x'")
    assert str(problem) == "m1.yaml:12: question 'rnn-why-001', field 'topic': unknown topic 'x'"
    assert str(Problem("m1.yaml", 3, None, None, "not valid YAML")) == "m1.yaml:3: not valid YAML"


# -- broken packs: one file per kind of problem ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "needle", "occurrence", "question", "field", "message"),
    [
        (
            "duplicate_id.yaml",
            "id: dup-ok-first-001",
            2,
            "dup-ok-first-001",
            "id",
            "duplicate id 'dup-ok-first-001'; already used at {file}:5",
        ),
        (
            "unknown_topic.yaml",
            "topic: lstm-gatez",
            1,
            "topic-bad-001",
            "topic",
            "unknown topic 'lstm-gatez'; expected a topic id from the topic list",
        ),
        (
            "unknown_type.yaml",
            "type: essay",
            1,
            "type-bad-001",
            "type",
            "unknown question type 'essay'; expected one of single_choice,",
        ),
        (
            "answer_not_option.yaml",
            "correct: [c]",
            1,
            "answer-bad-001",
            "correct",
            "answer 'c' is not among the options (a, b)",
        ),
        (
            "missing_zh.yaml",
            "prompt:",
            2,
            "zh-missing-001",
            "prompt",
            "missing the Chinese (zh) translation",
        ),
    ],
)
def test_broken_question_is_reported_and_the_others_load(
    name: str, needle: str, occurrence: int, question: str, field: str, message: str
) -> None:
    path = BROKEN / name
    result = load_file(path)
    problem = only_problem(result)
    assert problem.file == str(path)
    assert problem.line == line_of(path, needle, occurrence)
    assert problem.question_id == question
    assert problem.field == field
    assert problem.message.startswith(message.format(file=path))
    prefix = question.split("-")[0]
    assert ids(result) == [f"{prefix}-ok-first-001", f"{prefix}-ok-last-001"]


def test_bad_numeric_value_and_tolerance() -> None:
    path = BROKEN / "bad_numeric.yaml"
    result = load_file(path)
    assert [(p.line, p.field) for p in result.problems] == [
        (line_of(path, "value: fifty-six"), "value"),
        (line_of(path, "tolerance: -1"), "tolerance"),
    ]
    assert result.problems[0].message == "got text 'fifty-six'; expected a number"
    assert "expected a number >= 0" in result.problems[1].message
    assert ids(result) == ["numeric-ok-first-001", "numeric-ok-last-001"]


def test_bad_yaml_syntax_gives_one_problem_with_its_line() -> None:
    path = BROKEN / "bad_syntax.yaml"
    result = load_file(path)
    problem = only_problem(result)
    assert problem.line == line_of(path, "difficulty: easy")
    assert problem.message.startswith("not valid YAML: while parsing a flow mapping")
    assert f"(from line {line_of(path, 'prompt:')})" in problem.message
    assert result.questions == ()


def test_wrong_top_level_gives_one_problem() -> None:
    result = load_file(BROKEN / "wrong_top_level.yaml")
    problem = only_problem(result)
    assert problem.line == 1
    assert problem.message.startswith("the top level is a list; expected a mapping")
    assert result.questions == ()


def test_broken_folder_loads_the_valid_questions_and_reports_each_file() -> None:
    result = load_paths([BROKEN])
    files = {Path(p.file).name for p in result.problems}
    assert files == {p.name for p in BROKEN.glob("*.yaml")}
    assert len(result.questions) == 12  # two valid questions in each of the six question files


# -- hostile packs: nothing runs, the valid questions still load ---------------------------------


@pytest.fixture
def no_marker() -> None:
    MARKER.unlink(missing_ok=True)


@pytest.mark.usefixtures("no_marker")
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "python_tag.yaml",
            [
                (
                    "prompt: !!python/object/apply",
                    "prompt",
                    "YAML tag '!!python/object/apply:os.system' is not allowed",
                ),
                (
                    "answer: !!python/object/new",
                    "answer",
                    "YAML tag '!!python/object/new:subprocess.check_output' is not allowed",
                ),
            ],
        ),
        ("custom_tag.yaml", [("!include", "explanation", "YAML tag '!include' is not allowed")]),
        (
            "alias_bomb.yaml",
            [
                (
                    "- &b [*a",
                    "references",
                    "YAML aliases (*name) are not allowed in question files: write the value out "
                    "(80 more like this)",
                )
            ],
        ),
        ("expression_string.yaml", [('value: "__import__', "value", 'got text "__import__(')]),
    ],
)
def test_hostile_pack_runs_nothing_and_keeps_valid_questions(
    name: str, expected: list[tuple[str, str, str]]
) -> None:
    path = HOSTILE / name
    result = load_file(path)
    assert not MARKER.exists()
    got = [(p.file, p.line, p.field, p.message) for p in result.problems]
    assert len(got) == len(expected), got
    for (file, line, field, message), (needle, want_field, want_message) in zip(
        got, expected, strict=True
    ):
        assert file == str(path)
        assert line == line_of(path, needle)
        assert field == want_field
        assert message.startswith(want_message)
    assert len(result.questions) == 1
    assert result.questions[0].id.endswith("-ok-001")


@pytest.mark.usefixtures("no_marker")
def test_whole_document_object_tag_is_one_problem() -> None:
    path = HOSTILE / "top_level_tag.yaml"
    problem = only_problem(load_file(path))
    assert problem.line == line_of(path, "!!python/object/apply")
    assert "YAML tag '!!python/object/apply:os.system' is not allowed" in problem.message
    assert not MARKER.exists()


def test_alias_bomb_loads_quickly() -> None:
    import time

    start = time.perf_counter()
    load_file(HOSTILE / "alias_bomb.yaml")
    assert time.perf_counter() - start < 1.0


# -- single checks on small generated files ------------------------------------------------------


BASE: dict[str, object] = {
    "id": "gen-001",
    "topic": "lstm-gates",
    "difficulty": "easy",
    "source": "Gers, Schmidhuber & Cummins 2000, Learning to Forget, §2",
    "prompt": {"en": "p", "zh": "问"},
    "answer": {"en": "a", "zh": "答"},
    "explanation": {"en": "e", "zh": "释"},
}


def load_one(tmp_path: Path, **fields: object) -> LoadResult:
    question = {**BASE, **fields}
    document = {"format": 1, "module": "gen", "questions": [question]}
    path = tmp_path / "gen.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
    return load_file(path)


def messages(result: LoadResult) -> list[tuple[str | None, str]]:
    return [(p.field, p.message) for p in result.problems]


TF_OPTIONS = [
    {"id": True, "en": "true", "zh": "对", "why_wrong": None},
    {"id": False, "en": "false", "zh": "错", "why_wrong": None},
]


@pytest.mark.parametrize(
    ("fields", "field", "text"),
    [
        (
            {"id": "Bad_Id", "type": "true_false", "options": TF_OPTIONS, "correct": [True]},
            "id",
            "expected lower-case letters",
        ),
        (
            {
                "difficulty": "trivial",
                "type": "true_false",
                "options": TF_OPTIONS,
                "correct": [True],
            },
            "difficulty",
            "unknown difficulty 'trivial'",
        ),
        (
            {
                "type": "true_false",
                "options": [
                    {"id": "yes", "en": "y", "zh": "是"},
                    {"id": "no", "en": "n", "zh": "否"},
                ],
                "correct": ["yes"],
            },
            "options",
            "exactly two options, with ids true and false",
        ),
        (
            {"type": "single_choice", "options": TF_OPTIONS, "correct": [True, False]},
            "correct",
            "a single_choice question has exactly one right answer",
        ),
        ({"type": "numeric", "value": float("nan")}, "value", "expected a finite number"),
        ({"type": "numeric", "value": True}, "value", "got true/false (true); expected a number"),
        ({"type": "shape", "shape": [2, -1]}, "shape", "expected whole numbers >= 0"),
        ({"type": "shape", "shape": [2, 1.5]}, "shape", "expected whole numbers >= 0"),
        (
            {"type": "symbolic", "expression": "f_t", "symbols": ["f t"]},
            "symbols",
            "a symbol name is letters",
        ),
        ({"type": "symbolic", "symbols": ["f_t"]}, "expression", "missing"),
        (
            {"type": "ordering", "items": [{"id": "a", "en": "x", "zh": "甲"}]},
            "items",
            "has 1 items; expected at least 2",
        ),
        (
            {
                "type": "ordering",
                "items": [{"id": "a", "en": "x", "zh": "甲"}, {"id": "a", "en": "y", "zh": "乙"}],
            },
            "items[1].id",
            "id 'a' is used twice",
        ),
        (
            {
                "type": "matching",
                "pairs": [{"left": {"en": "l", "zh": "左"}, "right": {"en": "r", "zh": "右"}}],
            },
            "pairs",
            "has 1 pairs; expected at least 2",
        ),
        ({"type": "free_text", "key_points": []}, "key_points", "has 0 key points"),
        (
            {
                "type": "free_text",
                "key_points": [{"id": "k", "en": "k", "zh": "点", "phrasings": {"en": ["k"]}}],
            },
            "key_points[0].phrasings",
            "phrasings and negations were replaced by claims",
        ),
        (
            {"type": "free_text", "key_points": [{"id": "k", "en": "k", "zh": "点"}]},
            "key_points[0].claims",
            "expected a list of claims",
        ),
        (
            {
                "type": "free_text",
                "key_points": [{"id": "k", "en": "k", "zh": "点", "claims": ["a: b: c"]}],
            },
            "key_points[0].claims[0]",
            "at most one ':'",
        ),
        (
            {
                "type": "free_text",
                "key_points": [{"id": "k", "en": "k", "zh": "点", "claims": ["Forget Gate"]}],
            },
            "key_points[0].claims[0]",
            "is not a concept id",
        ),
        (
            {"type": "code_reading", "code": "x = 1", "answer_type": "code_reading"},
            "answer_type",
            "expected one of single_choice",
        ),
        ({"type": "code_reading", "answer_type": "numeric", "value": 1}, "code", "missing"),
        ({"type": "numeric", "value": 1, "tolerence": 0.1}, "tolerence", "unknown field (a typo?)"),
        (
            {"type": "numeric", "value": 1, "shape": [1]},
            "shape",
            "does not belong to a numeric question",
        ),
        (
            {"type": "numeric", "value": 1, "computed": {"kind": "torch_shape"}},
            "computed.kind",
            "a numeric answer is computed by param_count or gate_value",
        ),
        (
            {
                "type": "numeric",
                "value": 1,
                "computed": {"kind": "param_count", "cell": "lstm", "d": 1},
            },
            "computed.n",
            "missing",
        ),
        (
            {"type": "numeric", "value": 1, "prompt": {"en": "p", "zh": ""}},
            "prompt",
            "the Chinese (zh) translation is empty",
        ),
        (
            {"type": "numeric", "value": 1, "answer": "just one language"},
            "answer",
            "got text 'just one language'; expected a mapping {en: ..., zh: ...}",
        ),
    ],
)
def test_each_check_names_the_field(
    tmp_path: Path, fields: dict[str, object], field: str, text: str
) -> None:
    result = load_one(tmp_path, **fields)
    assert result.questions == ()
    assert any(f == field and text in m for f, m in messages(result)), messages(result)


def test_missing_english_and_chinese_have_their_own_messages(tmp_path: Path) -> None:
    result = load_one(
        tmp_path, type="numeric", value=1, prompt={"zh": "问"}, explanation={"en": "e"}
    )
    assert messages(result) == [
        ("prompt", "missing the English (en) text"),
        ("explanation", "missing the Chinese (zh) translation"),
    ]
    assert {p.kind for p in result.problems} == {"missing_translation"}


def test_duplicate_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text(
        "format: 1\nmodule: x\nquestions:\n  - id: a-1\n    topic: bptt\n    topic: tbptt\n",
        "utf-8",
    )
    problem = only_problem(load_file(path))
    assert (problem.line, problem.field) == (6, "topic")
    assert problem.message == "key 'topic' appears twice (first at line 5)"


def test_ids_must_be_unique_across_files_and_the_first_wins(tmp_path: Path) -> None:
    second = tmp_path / "again.yaml"
    second.write_text(GOOD.read_text("utf-8"), "utf-8")
    result = load_paths([GOOD, second])
    assert len(result.questions) == 10
    assert all(q.file == str(GOOD) for q in result.questions)
    assert len(result.problems) == 10
    assert {p.kind for p in result.problems} == {"duplicate_id"}
    assert all(p.file == str(second) for p in result.problems)


def test_missing_path_and_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing\n", "utf-8")
    result = load_paths([tmp_path / "nope.yaml", empty])
    assert [p.message for p in result.problems] == [
        "no such file or folder",
        "the file is empty; expected a mapping with 'format: 1', 'module' and a 'questions' list",
    ]


def test_wrong_format_version(tmp_path: Path) -> None:
    path = tmp_path / "v2.yaml"
    path.write_text("format: 2\nmodule: x\nquestions: []\n", "utf-8")
    problem = only_problem(load_file(path))
    assert (problem.line, problem.field) == (1, "format")
    assert "this version reads format 1" in problem.message


def test_load_bank_adds_packs_only_when_asked(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(GOOD.read_text("utf-8"), "utf-8")
    shipped = load_bank(include_user_packs=False, packs_folder=tmp_path)
    with_packs = load_bank(packs_folder=tmp_path)
    assert len(with_packs.questions) == len(shipped.questions) + 10
    assert BANK_DIR.name == "bank"


def test_questions_package_imports_neither_quizapp_nor_qt() -> None:
    code = (
        "import sys, questions.load, questions.topics;"
        "questions.load.load_bank(include_user_packs=False);"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('quizapp', 'PySide6')];"
        "print(bad)"
    )
    root = Path(__file__).parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(root)},
    )
    assert out.stdout.strip() == "[]"


def test_question_entry_that_is_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("format: 1\nmodule: x\nquestions:\n  - just a sentence\n", "utf-8")
    problem = only_problem(load_file(path))
    assert (problem.line, problem.question_id) == (4, None)
    assert problem.message == "question #1 is text 'just a sentence'; expected a mapping"


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"\n #%@`,?0.")), max_size=80))
def test_any_text_gives_data_or_a_syntax_error(text: str) -> None:
    from questions.yamlsafe import YamlSyntaxError, read_yaml

    try:
        read_yaml(text)
    except YamlSyntaxError as error:
        assert error.message.startswith("not valid YAML")
