"""Answer widgets of the question view, one per question type; ``answer_widget_for`` picks one.

Each widget module is imported when its type is first shown: grading typed answers needs sympy,
which the app does not load at start.
"""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QWidget

from questions.schema import Lang, Question
from quizapp.gui.views.answers.base import AnswerWidget

_WIDGETS: dict[str, tuple[str, str]] = {
    "single_choice": ("choices", "ChoiceAnswer"),
    "multi_choice": ("choices", "ChoiceAnswer"),
    "true_false": ("choices", "ChoiceAnswer"),
    "numeric": ("typed", "TypedAnswer"),
    "shape": ("typed", "TypedAnswer"),
    "symbolic": ("typed", "TypedAnswer"),
    "ordering": ("ordering", "OrderingAnswer"),
    "matching": ("matching", "MatchingAnswer"),
    "free_text": ("free_text", "FreeTextAnswer"),
}


def answer_widget_for(
    question: Question, lang: Lang, parent: QWidget | None = None
) -> AnswerWidget:
    """The widget for ``question.answer_type`` (code_reading questions use their inner type)."""
    entry = _WIDGETS.get(question.answer_type)
    if entry is None:
        raise ValueError(
            f"question '{question.id}' has answer type {question.answer_type!r}; "
            f"expected one of {', '.join(_WIDGETS)}"
        )
    module = importlib.import_module(f"quizapp.gui.views.answers.{entry[0]}")
    widget_type: type[AnswerWidget] = getattr(module, entry[1])
    return widget_type(question, lang, parent)


def typed_text(answer: AnswerWidget) -> str:
    """What the learner answered, as text for the history (see ``AnswerWidget.recorded_text``)."""
    return answer.recorded_text()


__all__ = ["AnswerWidget", "answer_widget_for", "typed_text"]
