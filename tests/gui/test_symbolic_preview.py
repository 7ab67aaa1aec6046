"""The preview of a typed formula can be drawn for every symbolic question of the bank."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.load import load_bank
from questions.schema import Question
from quizapp import paths
from quizapp.formulas import render_png
from quizapp.gui.views.answers.typed import describe_typed


def _symbolic_questions() -> list[Question]:
    result = load_bank(include_user_packs=False)
    return [q for q in result.questions if q.answer_type == "symbolic" and q.expression]


def test_the_bank_has_symbolic_questions() -> None:
    assert len(_symbolic_questions()) >= 10


def test_every_model_expression_previews_as_drawable_latex(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "cache_dir", lambda: tmp_path)
    for question in _symbolic_questions():
        assert question.expression is not None
        shown, latex, ok = describe_typed(question, question.expression)
        assert ok, (question.id, shown)
        assert latex and not latex.startswith("$"), (question.id, latex)
        assert render_png(latex, fontsize=12.0, color="#000000", dpi=96).is_file(), question.id
