"""Problem lines of broken packs in both interface languages: English exactly as ``quizapp questions
validate`` prints it, Chinese with every clause of the checker's messages translated."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from questions.load import load_paths
from questions.problems_zh import message_zh, problem_line
from quizapp.bank import pack_notices

HEAD = """\
format: 1
module: t
questions:
  - id: {id}
    topic: {topic}
    difficulty: easy
    type: {type}
    source: {source}
    prompt: {{ en: "p", zh: "问 题" }}
    answer: {{ en: "a" }}
    explanation: {{ en: "e", zh: "释", fr: "x" }}
"""

PACKS = {
    "a.yaml": HEAD.format(id="Bad_ID", topic="nope", type="single_choice", source="''")
    + "    options:\n      - { id: a, en: x, zh: 甲 }\n      - { id: a, en: y, zh: 乙 }\n"
    "    correct: [c, a, a]\n    value: 3\n    colour: red\n",
    "b.yaml": HEAD.format(id="b-1", topic="lstm-gates", type="numeric", source="S")
    + "    value: .inf\n    tolerance: -1\n",
    "c.yaml": HEAD.format(id="c-1", topic="lstm-gates", type="symbolic", source="S")
    + "    expression: a+b\n    symbols: [a, a, 1x]\n",
    "d.yaml": "format: 2\nmodule: x\nquestions: []\n",
    "e.yaml": "",
    "f.yaml": "format: 1\nmodule: [1]\nquestions: [oops, 3]\nextra: 1\n",
    "g.yaml": "format: 1\nmodule: x\nquestions:\n  - &a {id: x}\n  - *a\n",
    "j.yaml": HEAD.format(id="j-1", topic="lstm-gates", type="free_text", source="S")
    + "    key_points:\n      - { id: k, en: x, zh: 甲, phrasings: [a] }\n",
    "k.yaml": HEAD.format(id="k-1", topic="lstm-gates", type="shape", source="S")
    + "    shape: [1, -2]\n    computed: { kind: nope }\n",
    "l.yaml": HEAD.format(id="l-1", topic="lstm-gates", type="matching", source="S")
    + "    pairs:\n      - { left: { en: a, zh: 甲 }, right: { en: b, zh: 乙 }, mid: 1 }\n",
    "m.yaml": "format: 1\nmodule: x\nquestions:\n  - id: !!python/object x\n",
}
# English words of the checker's own phrasing; data (ids, keys, values) may be anything.
_ENGLISH = re.compile(
    r"\b(got|expected|missing|unknown|needs|twice|empty|folder|skipped|symbol name|"
    r"question #|does not|answer '|too large|is not)\b"
)


@pytest.fixture
def packs(tmp_path: Path) -> Path:
    for name, text in PACKS.items():
        (tmp_path / name).write_text(text, "utf-8")
    (tmp_path / "i.yaml").write_bytes(b"\xff\xfe not utf-8")
    (tmp_path / "sub.yaml").mkdir()
    os.symlink(tmp_path / "none", tmp_path / "dangling.yaml")
    return tmp_path


def test_english_lines_are_the_validate_lines(packs: Path) -> None:
    problems = load_paths([packs]).problems
    assert len(problems) > 40
    assert [problem_line(p, "en") for p in problems] == [str(p) for p in problems]


def test_every_chinese_line_is_translated(packs: Path) -> None:
    problems = load_paths([packs]).problems
    for problem in problems:
        line = problem_line(problem, "zh")
        message = line.split(": ", 1)[1]  # after "file:line: "
        if problem.question_id is not None:
            assert message.startswith(f"题目 '{problem.question_id}'")
        assert re.search("[\u4e00-\u9fff]", message), line
        assert not _ENGLISH.search(message.replace("'free_text'", "")), line


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        (
            "got text 'Bad_ID'; expected lower-case letters, digits and '-' "
            "(pattern [a-z0-9][a-z0-9-]*, at most 80 characters)",
            "得到文本 'Bad_ID'；应为小写字母、数字和 '-'（模式 [a-z0-9][a-z0-9-]*，最多 80 个字符）",
        ),
        ("unknown key; expected en, zh", "未知的键；应为 en, zh"),
        ("has 1 pairs; expected at least 2", "只有 1 个配对；应为至少 2 个"),
        ("got a number (2); this version reads format 1", "得到数（2）；此版本只读取格式 1"),
        ("missing the Chinese (zh) translation", "缺少中文（zh）译文"),
        (
            "Chinese spacing: a space between two Chinese characters in “问 题” (2 more like it); "
            "join them (a line break inside a folded >- block becomes a space)",
            "中文空格：“问 题”中两个汉字之间有空格（另有 2 处类似）；"
            "请把它们连起来（折叠的 >- 块中的换行会变成空格）",
        ),
        (
            "the packs folder is a file, not a folder; no packs were loaded "
            "(move it aside so a folder can take its place)",
            "题包文件夹是一个文件，不是文件夹；未加载任何题包（请把它移到别处，让文件夹取而代之）",
        ),
        ("cannot read the file: Permission denied; skipped", "无法读取文件：权限不足；已跳过"),
        ("a message nobody translated; expected text", "a message nobody translated；应为文本"),
    ],
)
def test_messages_in_chinese(english: str, chinese: str) -> None:
    assert message_zh(english) == chinese


def test_pack_notices_in_both_languages(packs: Path) -> None:
    problems = load_paths([packs / "l.yaml"]).problems
    english = pack_notices(problems, terminal=False)
    chinese = pack_notices(problems, terminal=False, lang="zh")
    assert len(english) == len(chinese) == 1
    file = packs / "l.yaml"
    assert english[0] == (
        f"{file}:9: question 'l-1', field 'prompt.zh': Chinese spacing: a space between two "
        "Chinese characters in “问 题”; join them (a line break inside a folded >- block becomes "
        "a space) (and 4 more problems)"
    )
    assert chinese[0] == (
        f"{file}:9: 题目 'l-1'，字段 'prompt.zh'：中文空格：“问 题”中两个汉字之间有空格；"
        "请把它们连起来（折叠的 >- 块中的换行会变成空格）（另有 4 个问题）"
    )
