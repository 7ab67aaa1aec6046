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


def test_the_preview_of_a_nested_formula_is_written_without_sympy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sympy
    from sympy.printing.latex import LatexPrinter

    def no_sympy_latex(*args: object, **kwargs: object) -> str:
        raise AssertionError("the preview must not call sympy.latex")

    monkeypatch.setattr(paths, "cache_dir", lambda: tmp_path)
    question = _symbolic_questions()[0]
    symbol = question.symbols[0]
    text = f"exp(-exp(-exp(-exp(-{symbol}))))"  # sympy.latex took 0.3 s to forever
    describe_typed(question, symbol)
    monkeypatch.setattr(sympy, "latex", no_sympy_latex)
    monkeypatch.setattr(LatexPrinter, "doprint", no_sympy_latex)
    shown, latex, ok = describe_typed(question, text)
    assert ok and shown.startswith("read as exp(")
    assert latex is not None and latex.count(r"\exp") == 4
    assert render_png(latex, fontsize=12.0, color="#000000", dpi=96).is_file()
