"""The window studies the user's packs: a pack's question opens with "pack: <file>" on its meta
line, a shipped question without it, and a bad pack is named in the banner without stopping."""

from __future__ import annotations

from pathlib import Path

from gui_fixtures import _shared_formula_cache, formula_cache, started  # noqa: F401 - fixtures

from quizapp import paths
from quizapp.gui.app import Started

PACK = """\
format: 1
module: mine
questions:
  - id: mine-tf-001
    topic: rnn-forward
    difficulty: easy
    type: true_false
    source: "Elman 1990, Finding Structure in Time, §2"
    prompt: { en: "My own question.", zh: "我的问题。" }
    answer: { en: "True.", zh: "正确。" }
    explanation: { en: "Shared.", zh: "共享。" }
    options:
      - { id: true, en: "true", zh: "正确" }
      - { id: false, en: "false", zh: "错误" }
    correct: [true]
"""


def _write_packs() -> Path:
    folder = paths.packs_dir()
    (folder / "my_pack.yaml").write_text(PACK, "utf-8")
    (folder / "broken.yaml").write_text("format: 1\nmodule: b\nquestions: [oops]\n", "utf-8")
    return folder


def test_a_pack_question_shows_where_it_came_from(started: Started) -> None:  # noqa: F811
    folder = _write_packs()
    window = started.window
    assert window.open_question_id("mine-tf-001")
    meta = window.question.meta.text()
    assert meta.endswith("  ·  mine-tf-001  ·  pack: my_pack.yaml")
    banner = window.question.banner.message()
    assert banner.count("broken.yaml") == 1
    assert f"{folder / 'broken.yaml'}:3: question #1 is text 'oops'" in banner
    shipped = next(q for q in window.questions() if q.id != "mine-tf-001")
    assert window.open_question_id(shipped.id)
    assert window.question.meta.text().endswith(f"  ·  {shipped.id}")


def test_a_packs_file_does_not_stop_the_window(started: Started) -> None:  # noqa: F811
    packs = paths.data_dir() / "packs"
    if packs.is_dir():
        packs.rmdir()
    packs.write_text("not a folder", "utf-8")
    window = started.window
    assert len(window.questions()) > 100  # the shipped bank
    shipped = window.questions()[0]
    assert window.open_question_id(shipped.id)
    assert "the packs folder is a file, not a folder" in window.question.banner.message()
