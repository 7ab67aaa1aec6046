"""Numeric, shape and symbolic answers: one line edit with a live "read as" line.

A symbolic answer also shows a preview of the expression as rendered mathematics.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from questions.schema import Lang, Question
from quizapp.grading.answers import QuestionGrade, grade_text_answer
from quizapp.grading.messages import localize
from quizapp.gui import names
from quizapp.gui.theme import set_role
from quizapp.gui.views.answers.base import AnswerWidget
from quizapp.gui.widgets.math_label import MathLabel

log = logging.getLogger(__name__)


def describe_typed(question: Question, text: str) -> tuple[str, str | None, bool]:
    """(the "read as" text, LaTeX of a symbolic answer or None, whether it was read)."""
    from quizapp.grading import reader

    if question.answer_type == "numeric":
        numbers = reader.read_numbers(text, 1)
        return (numbers.shown, None, True) if numbers.ok else (numbers.error or "", None, False)
    if question.answer_type == "shape":
        shape = reader.read_shape(text)
        return (shape.shown, None, True) if shape.ok else (shape.error or "", None, False)
    expression = reader.read_expression(text, question.symbols)
    if not expression.ok:
        return expression.error or "", None, False
    # Written by the reader from its parse tree, never by sympy.latex (which can take seconds on
    # nested calls); MathLabel adds the mathtext dollars.
    return expression.shown, expression.latex or None, True


def graded(question: Question, text: str, lang: Lang) -> QuestionGrade:
    """The grade of ``text``, its message (if any) in ``lang``; Qt-free, safe on a worker thread."""
    grade = grade_text_answer(question, text)
    if grade.message is None:
        return grade
    # The reader writes English; the learner reads the message in the content language.
    return dataclasses.replace(grade, message=localize(grade.message, lang))


class TypedAnswer(AnswerWidget):
    """A line edit; Enter checks the answer (forwarded by the question view)."""

    def __init__(self, question: Question, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(question, lang, parent)
        self.edit = QLineEdit()
        self.reading = QLabel()
        set_role(self.reading, "muted")
        self.reading.setWordWrap(True)
        self.preview = MathLabel()
        self.preview.hide()
        self.unit = QLabel()
        set_role(self.unit, "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.unit)
        layout.addWidget(self.reading)
        layout.addWidget(self.preview)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.update_reading)
        self.edit.textChanged.connect(self._timer.start)
        self.edit.textChanged.connect(self.changed)
        self.retranslate()

    def retranslate(self) -> None:
        kind = self.question.answer_type
        if kind == "numeric":
            self.edit.setPlaceholderText(self.tr("a number, e.g. 0.25 or 1/4"))
        elif kind == "shape":
            self.edit.setPlaceholderText(self.tr("a shape, e.g. (5, 3, 20)"))
        else:
            symbols = ", ".join(self.question.symbols)
            self.edit.setPlaceholderText(self.tr("a formula in %1").replace("%1", symbols))
        self.edit.setAccessibleName(self.tr("Your answer"))
        unit = self.question.unit.get(self.lang) if self.question.unit else ""
        self.unit.setText(self.tr("Unit: %1").replace("%1", unit) if unit else "")
        self.unit.setVisible(bool(unit))

    def update_reading(self) -> None:
        """Refresh the "read as" line and the preview now."""
        text = self.edit.text()
        if not text.strip():
            self.reading.clear()
            self.preview.hide()
            return
        shown, latex, ok = describe_typed(self.question, text)
        self.reading.setText(names.read_as(shown) if ok else localize(shown, self.lang))
        if latex:
            self.preview.set_latex(latex)
            self.preview.show()
        else:
            self.preview.hide()

    def grade(self) -> QuestionGrade:
        return graded(self.question, self.edit.text(), self.lang)

    def shows_reading(self) -> bool:
        self.update_reading()  # Enter may come before the typing pause refreshed the line
        return bool(self.reading.text())

    def says(self, message: str) -> bool:
        self.update_reading()
        return bool(message) and message in self.reading.text()

    def grading_job(self) -> Callable[[], QuestionGrade] | None:
        # Numbers and shapes are read in microseconds; a formula goes through sympy.
        if self.question.answer_type != "symbolic":
            return None
        return functools.partial(graded, self.question, self.edit.text(), self.lang)

    def fill_plausible(self) -> None:
        q = self.question
        if q.answer_type == "numeric" and q.value is not None:
            self.edit.setText(f"{q.value * 2:g}")  # a factor-of-two slip
        elif q.answer_type == "shape" and q.shape is not None:
            self.edit.setText(str(tuple(reversed(q.shape))))  # batch and time swapped
        elif q.expression is not None:
            self.edit.setText(f"2*({q.expression})")
        self.update_reading()
