"""What every answer widget of the question view offers (one widget per question type).

The widget collects the learner's answer, grades it with ``quizapp.grading`` when asked, and shows
per-part marks after grading; the question view shows the model answer and explanation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget

from questions.schema import Lang, Question

if TYPE_CHECKING:
    from quizapp.grading.answers import QuestionGrade


class AnswerWidget(QWidget):
    """Base class: ``grade``, ``lock``, ``choose_number`` (keys 1–9), ``fill_plausible``."""

    changed = Signal()
    # The widget says why a wrongly chosen option is wrong beside it (the view then does not).
    shows_why = False

    def __init__(self, question: Question, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.lang = lang

    def grade(self) -> QuestionGrade:
        """Grade the current answer."""
        raise NotImplementedError

    def grading_job(self) -> Callable[[], QuestionGrade] | None:
        """A Qt-free function that grades the current answer as it is now, when grading may be
        slow enough to run off the GUI thread (``GradingWorker``); None when ``grade`` is quick."""
        return None

    def recorded_text(self) -> str:
        """What the learner answered, as text for the history: what was typed (default)."""
        from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

        for edit in self.findChildren(QPlainTextEdit):
            return edit.toPlainText()
        return " | ".join(edit.text() for edit in self.findChildren(QLineEdit))

    def shows_reading(self) -> bool:
        """Whether a line under the field already says how the answer reads (or why it cannot be
        read), so that the view does not say it a second time."""
        return False

    def says(self, message: str) -> bool:
        """Whether the line under the field already gives ``message`` (why the answer cannot be
        read); a message the line does not give (e.g. a formula too large to check, which reads
        fine) must be shown by the view."""
        del message
        return False

    def show_marks(self, grade: QuestionGrade) -> None:
        """Mark the parts of the answer after grading (default: nothing to mark)."""
        del grade

    def lock(self, locked: bool) -> None:
        """Stop editing once graded."""
        self.setEnabled(not locked)

    def choose_number(self, number: int) -> bool:
        """Keys 1–9: pick option ``number`` (1-based); False if this type has no such option."""
        del number
        return False

    def fill_plausible(self) -> None:
        """Fill in a plausible learner's answer with one slip (screenshots and tests)."""

    def retranslate(self) -> None:
        """Interface texts."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
