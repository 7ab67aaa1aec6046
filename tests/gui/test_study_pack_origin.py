"""A question from the learner's packs says where it came from on the study page's meta line too
(as it does in the question view): "pack: <file>", in Chinese "题包：<file>"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quizapp import paths
from quizapp.gui.app import start
from quizapp.gui.study import install_study_pages
from quizapp.settings import Settings

PACK = """\
format: 1
module: mine
questions:
  - id: mine-tf-001
    topic: rnn-forward
    difficulty: easy
    type: true_false
    source: "Elman 1990, Finding Structure in Time, §2"
    prompt: { en: "My own question: weights are shared over time.", zh: "我的问题。" }
    answer: { en: "True.", zh: "正确。" }
    explanation: { en: "Shared.", zh: "共享。" }
    options:
      - { id: true, en: "true", zh: "正确" }
      - { id: false, en: "false", zh: "错误" }
    correct: [true]
"""


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("en", "pack: my_pack.yaml"), ("zh", "题包：my_pack.yaml")],
)
def test_a_pack_question_in_a_review_names_its_pack(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, shown: str
) -> None:
    empty = tmp_path / "empty-bank"
    empty.mkdir()
    monkeypatch.setattr("questions.load.BANK_DIR", empty)  # the pack's question is the only one
    (paths.packs_dir() / "my_pack.yaml").write_text(PACK, "utf-8")
    started = start(Settings(interface_language=lang), persist=False, study=False)
    window = started.window
    qtbot.addWidget(window)
    pages = install_study_pages(window, seed=1)
    window.show()
    try:
        assert pages.controller.start_review(), window.statusBar().currentMessage()
        session = pages.controller.session
        assert session is not None and session.current is not None
        assert session.current.question is not None
        assert session.current.question.id == "mine-tf-001"
        assert pages.page.meta.text().endswith(f"  ·  {shown}")
        assert (lang == "zh") == ("pack:" not in pages.page.meta.text()), pages.page.meta.text()
    finally:
        pages.controller.close()
