"""A pack's problems in the question page's banner follow the interface language: English lines in
the English interface, Chinese ones in the Chinese interface, and they switch with it."""

from __future__ import annotations

from pathlib import Path

from gui_fixtures import _shared_formula_cache, formula_cache, started  # noqa: F401 - fixtures
from pytestqt.qtbot import QtBot

from quizapp import paths
from quizapp.gui.app import Started

BROKEN = """\
format: 1
module: b
questions:
  - id: b-001
    topic: rnn-forward
    difficulty: hardest
    type: true_false
    source: "Elman 1990, Finding Structure in Time, §2"
    prompt: { en: "A question.", zh: "一个问题。" }
    answer: { en: "True." }
    explanation: { en: "Shared.", zh: "共享。" }
    options:
      - { id: true, en: "true", zh: "正确" }
      - { id: false, en: "false", zh: "错误" }
    correct: [true]
"""


def _write_pack() -> Path:
    path = paths.packs_dir() / "broken.yaml"
    path.write_text(BROKEN, "utf-8")
    return path


def test_pack_problems_are_shown_in_the_interface_language(
    started: Started,  # noqa: F811
    qtbot: QtBot,
) -> None:
    path = _write_pack()
    window = started.window
    assert window.open_question_id(window.questions()[0].id)
    english = window.question.banner.message()
    assert english == (
        "A question file has problems; the questions concerned are left out:\n"
        f"{path}:6: question 'b-001', field 'difficulty': unknown difficulty 'hardest'; "
        "expected easy, medium or hard (and 1 more problem)"
    )
    started.state.update(interface_language="zh")
    qtbot.waitUntil(lambda: window.question.banner.message() != english)
    assert window.question.banner.message() == (
        "1 个题目文件有问题，相关题目已略去：\n"
        f"{path}:6: 题目 'b-001'，字段 'difficulty'：未知的难度 'hardest'；"
        "应为 easy、medium 或 hard（另有 1 个问题）"
    )
    started.state.update(interface_language="en")
    qtbot.waitUntil(lambda: window.question.banner.message() == english)


def test_the_chinese_interface_shows_chinese_problems_from_the_start(
    started: Started,  # noqa: F811
    qtbot: QtBot,
) -> None:
    path = _write_pack()
    window = started.window
    started.state.update(interface_language="zh")
    qtbot.waitUntil(lambda: window.home_button.text() != "Home")
    assert window.open_question_id(window.questions()[0].id)
    banner = window.question.banner.message()
    assert f"{path}:6: 题目 'b-001'，字段 'difficulty'：未知的难度 'hardest'" in banner
    assert "unknown" not in banner and "expected" not in banner
