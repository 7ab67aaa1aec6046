"""Every question of the bank, shown in the question view in both languages, has its inline math
and code rendered: no raw ``_{``, backticks, ``\\texttt`` or stray backslash on screen."""

from __future__ import annotations

import re

from gui_fixtures import _shared_formula_cache, formula_cache  # noqa: F401 - fixtures
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from questions.load import load_bank
from quizapp.gui.views.question import QuestionView

_RAW = re.compile(r"_\{|`|\\texttt|\\|(?<![A-Za-z0-9_])[A-Za-z]{1,2}_[A-Za-z0-9]\b")


def _outside_code(html: str) -> str:
    return re.sub(r"<code>.*?</code>", "", html)


def test_every_prompt_option_answer_and_explanation_is_rendered(qtbot: QtBot) -> None:
    view = QuestionView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    questions = load_bank(include_user_packs=False).questions
    checked = 0
    for lang in ("en", "zh"):
        for question in questions:
            view.set_questions([question], lang)
            view.reveal()
            QApplication.processEvents()
            labels = [view.prompt, view.model_answer, view.explanation]
            if view.answer is not None:
                labels += view.answer.findChildren(QLabel)
            for label in labels:
                shown = _outside_code(label.text())
                assert not _RAW.search(shown), (question.id, lang, label.text())
                checked += 1
    assert checked > 4 * len(questions)
