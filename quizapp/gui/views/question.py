"""The question-review screen: one bank question at a time, its answer widget, Check, feedback.

Feedback shows the verdict, how the answer was read, the model answer and the explanation in the
content language. Keys: Ctrl+Enter (or Enter in a one-line answer) checks, 1–9 pick options,
Alt+Right / Alt+Left go to the next / previous question.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from questions.schema import Lang, Question
from questions.topics import TOPICS
from quizapp.gui import keys, names
from quizapp.gui.grading_worker import GradingWorker
from quizapp.gui.theme import set_role
from quizapp.gui.views.answers import AnswerWidget, answer_widget_for, typed_text
from quizapp.gui.widgets.banner import Banner
from quizapp.gui.widgets.paper import Paper
from quizapp.gui.widgets.rich_text import set_rich_text
from quizapp.gui.widgets.shown_focus import give_focus

if TYPE_CHECKING:
    from questions.load import Problem
    from quizapp.grading.answers import QuestionGrade

_TOPIC_TITLES = {topic.id: topic.title for topic in TOPICS}


def _wrapped(role: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        set_role(label, role)
    return label


class QuestionView(QWidget):
    """Shows ``questions`` one by one; ``answered(question, grade)`` fires after each check."""

    answered = Signal(object, object)  # Question, QuestionGrade
    # A checked practice answer: Question, QuestionGrade, the answer as text, seconds on it; and a
    # free-text score the learner changed afterwards by ticking (Question, QuestionGrade).
    practised = Signal(object, object, str, float)
    rescored = Signal(object, object)
    # "Show the answer" before answering: Question, seconds on it (a miss in the history).
    revealed = Signal(object, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.questions: tuple[Question, ...] = ()
        self.index = 0
        self.lang: Lang = "en"
        self._problems: tuple[Problem | str, ...] = ()
        self._problems_text = ""  # the banner's text while it shows the problems
        self.answer: AnswerWidget | None = None
        self.grade: QuestionGrade | None = None
        self.grading = GradingWorker(self)
        self._shown_at = time.monotonic()

        self.progress = QLabel()
        set_role(self.progress, "heading")
        self.meta = _wrapped("muted")
        self.banner = Banner()
        self.prompt = _wrapped()
        self.code = QPlainTextEdit()
        set_role(self.code, "code")
        self.code.setReadOnly(True)
        self.code.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.code.hide()
        self.answer_box = QVBoxLayout()
        self.check_button = QPushButton()
        set_role(self.check_button, "primary")
        self.reveal_button = QPushButton()
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.verdict = _wrapped()
        self.read_as = _wrapped("muted")
        self.why_wrong = _wrapped()
        self.model_title = QLabel()
        set_role(self.model_title, "subheading")
        self.model_answer = _wrapped()
        self.explanation_title = QLabel()
        set_role(self.explanation_title, "subheading")
        self.explanation = _wrapped()
        self.references = _wrapped("muted")
        self.feedback = QFrame()
        feedback_layout = QVBoxLayout(self.feedback)
        feedback_layout.setContentsMargins(0, 12, 0, 0)
        for widget in (
            self.verdict,
            self.read_as,
            self.why_wrong,
            self.model_title,
            self.model_answer,
            self.explanation_title,
            self.explanation,
            self.references,
        ):
            feedback_layout.addWidget(widget)
        self.feedback.hide()

        paper = Paper()
        paper_layout = QVBoxLayout(paper)
        paper_layout.setContentsMargins(36, 28, 36, 28)
        paper_layout.setSpacing(12)
        paper_layout.addWidget(self.prompt)
        paper_layout.addWidget(self.code)
        paper_layout.addLayout(self.answer_box)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.reveal_button)
        actions.addWidget(self.check_button)
        paper_layout.addLayout(actions)
        paper_layout.addWidget(self.feedback)
        column = QWidget()
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 8, 0)
        column_layout.addWidget(paper)
        column_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(column)

        header = QHBoxLayout()
        header.addWidget(self.progress, 1)
        header.addWidget(self.previous_button)
        header.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.meta)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll_area, 1)

        self.check_button.clicked.connect(self.check)
        self.reveal_button.clicked.connect(self.reveal)
        self.previous_button.clicked.connect(self.previous_question)
        self.next_button.clicked.connect(self.next_question)
        keys.bind(self, "check", self._check_or_next)
        keys.bind(self, "reveal", self.reveal)
        keys.bind_numbers(self, "choose", self.choose_number)
        # Window-wide: they work wherever the focus is while this page is on screen (checking
        # disables the answer and takes the focus away from it).
        keys.bind(
            self,
            "previous_next",
            self.previous_question,
            self.next_question,
            context=Qt.ShortcutContext.WindowShortcut,
        )
        self.retranslate()

    # --- filling ------------------------------------------------------------------------------

    def set_questions(self, questions: Sequence[Question], lang: Lang, start: int = 0) -> None:
        """Show ``questions`` starting at ``start``."""
        self.questions = tuple(questions)
        self.lang = lang
        self.show_question(start)

    def set_language(self, lang: Lang) -> None:
        """Switch the content language (the current question is shown afresh)."""
        if lang != self.lang:
            self.lang = lang
            if self.questions:
                self.show_question(self.index)

    def show_problems(self, problems: Sequence[Problem | str]) -> None:
        """Questions that could not be loaded: named in the banner (one line per file, in the
        interface language), the rest still usable; a text is a message shown as it is."""
        self._problems = tuple(problems)
        self._show_problems()

    def _show_problems(self) -> None:
        from quizapp.bank import pack_notices
        from quizapp.gui.translations import interface_language

        lang: Lang = "zh" if interface_language() == "zh" else "en"
        found = tuple(p for p in self._problems if not isinstance(p, str))
        lines = [p for p in self._problems if isinstance(p, str)]
        lines += pack_notices(found, terminal=False, lang=lang)
        if lines:
            head = self.tr(
                "%n question files have problems; the questions concerned are left out:",
                "",
                len(lines),
            )
            shown = "\n".join(lines[:5]) + ("\n…" if len(lines) > 5 else "")
            self._problems_text = head + "\n" + shown
            self.banner.show_message(self._problems_text)
        else:
            self._problems_text = ""
            self.banner.hide()

    def current(self) -> Question | None:
        """The question on screen."""
        return self.questions[self.index] if self.questions else None

    def show_question(self, index: int) -> None:
        """Show question ``index`` with a fresh answer widget."""
        if not self.questions:
            return
        self.index = max(0, min(index, len(self.questions) - 1))
        question = self.questions[self.index]
        self.grade = None
        self.grading.cancel()
        self._shown_at = time.monotonic()
        if self.answer is not None:
            self.answer.hide()
            self.answer.deleteLater()
            self.answer = None
        set_rich_text(self.prompt, question.prompt.get(self.lang))
        self.code.setVisible(bool(question.code))
        if question.code:
            self.code.setPlainText(question.code)
            lines = question.code.count("\n") + 1
            height = self.code.fontMetrics().lineSpacing() * (lines + 1) + 16
            self.code.setFixedHeight(min(height, 360))
        try:
            self.answer = answer_widget_for(question, self.lang)
        except ValueError as error:
            self.banner.show_message(str(error))
            self.answer = None
        if self.answer is not None:
            self.answer_box.addWidget(self.answer)
            self.answer.changed.connect(self._on_answer_changed)
            for line_edit in self.answer.findChildren(QLineEdit):
                line_edit.returnPressed.connect(self.check)
        self.feedback.hide()
        self.check_button.setEnabled(self.answer is not None)
        self.reveal_button.setEnabled(self.answer is not None)
        self._update_header()
        self.scroll_area.verticalScrollBar().setValue(0)
        focus = self._first_focus()
        if focus is not None:
            focus.setFocus()

    def _first_focus(self) -> QWidget | None:
        if self.answer is None:
            return None
        for child in self.answer.findChildren(QWidget):
            if child.focusPolicy() != Qt.FocusPolicy.NoFocus and child.isVisibleTo(self.answer):
                return child
        return None

    # --- actions ------------------------------------------------------------------------------

    def check(self) -> None:
        """Grade the answer and show the feedback (a formula is graded off the GUI thread)."""
        question, answer = self.current(), self.answer
        if answer is None or question is None:
            return
        job = answer.grading_job()
        if job is None:
            self._apply_grade(answer.grade())
            return
        set_role(self.verdict, "muted")
        self.verdict.setText(self.tr("Checking…"))
        for widget in self.feedback.findChildren(QLabel):
            widget.setVisible(widget is self.verdict)
        self.feedback.show()
        self.grading.run(
            job,
            functools.partial(self._graded_in_background, question, answer),
            self._grading_failed,
        )

    def _graded_in_background(
        self, question: Question, answer: AnswerWidget, grade: QuestionGrade
    ) -> None:
        if self.current() is question and self.answer is answer and self.grade is None:
            self._apply_grade(grade)

    def _grading_failed(self, error: Exception) -> None:
        set_role(self.verdict, "warn")
        self.verdict.setText(
            self.tr("Not counted: the answer could not be checked (%1)").replace("%1", str(error))
        )

    def _apply_grade(self, grade: QuestionGrade) -> None:
        assert self.answer is not None and self.current() is not None
        if grade.message:
            set_role(self.verdict, "warn")
            # A typed answer's own line may already show the reader's message: not twice.
            message = "" if self.answer.says(grade.message) else grade.message
            self.verdict.setText(
                self.tr("Not counted: %1").replace("%1", message)
                if message
                else self.tr("Not counted: correct the answer and check again")
            )
            for widget in self.feedback.findChildren(QLabel):
                widget.setVisible(widget is self.verdict)
            self.feedback.show()
            return
        self.grade = grade
        self.answer.show_marks(grade)
        self.answer.lock(True)
        self.reveal_button.setEnabled(False)
        # Free text: the score follows the ticks from now on; there is nothing left to check.
        self.check_button.setEnabled(False)
        self._show_feedback(grade)
        self._focus_after_answer()
        self.answered.emit(self.current(), grade)
        self.practised.emit(
            self.current(), grade, typed_text(self.answer), time.monotonic() - self._shown_at
        )

    def reveal(self) -> None:
        """ "I don't know": show the model answer and explanation; it counts as a miss."""
        question = self.current()
        if question is None or self.answer is None or not self.reveal_button.isEnabled():
            return
        from quizapp.grading.answers import QuestionGrade

        self.grading.cancel()
        self.answer.lock(True)
        self.check_button.setEnabled(False)
        self.reveal_button.setEnabled(False)
        self._show_feedback(QuestionGrade(0.0, False, "", None))
        set_role(self.verdict, "bad")
        self.verdict.setText(self.tr("Answer shown: counted as a miss"))
        self._focus_after_answer()
        self.revealed.emit(question, time.monotonic() - self._shown_at)

    def _focus_after_answer(self) -> None:
        """Locking the answer takes the focus from it: give it to "Next" (Enter goes on), or to
        the feedback's scroll area on the last question, so the page's keys keep working."""
        if self.next_button.isEnabled():
            give_focus(self.next_button)
        else:
            self.scroll_area.setFocus()

    def _check_or_next(self) -> None:
        """Ctrl+Enter: check the answer; once it is checked, the next question."""
        if self.grade is None:
            self.check()
        else:
            self.next_question()

    def _on_answer_changed(self) -> None:
        if self.grading.busy():  # the answer being checked is no longer the one on screen
            self.grading.cancel()
            self.feedback.hide()
        # Free text: the score follows the learner's ticks after checking.
        if self.grade is not None and self.answer is not None:
            question = self.current()
            if question is not None and question.type == "free_text":
                self.grade = self.answer.grade()
                self._show_feedback(self.grade)
                self.rescored.emit(question, self.grade)

    def _show_feedback(self, grade: QuestionGrade) -> None:
        question = self.current()
        assert question is not None
        for widget in self.feedback.findChildren(QLabel):
            widget.show()
        percent = round(100 * grade.score)
        if grade.correct:
            set_role(self.verdict, "good")
            self.verdict.setText(self.tr("✓ Right"))
        elif grade.score > 0:
            set_role(self.verdict, "warn")
            self.verdict.setText(self.tr("Partly right: %1 %").replace("%1", str(percent)))
        else:
            set_role(self.verdict, "bad")
            self.verdict.setText(self.tr("✗ Not quite"))
        # Each thing said once: a typed answer shows "read as …" under its field, a choice says
        # why beside the option; the feedback repeats neither.
        shown_by_answer = self.answer is not None and self.answer.shows_reading()
        typed = question.answer_type in ("numeric", "shape", "symbolic") and not shown_by_answer
        read_as = grade.read_as if typed else ""
        self.read_as.setText(names.read_as(read_as) if read_as else "")
        self.read_as.setVisible(bool(read_as))
        why_beside = self.answer is not None and self.answer.shows_why
        why = grade.feedback.get(self.lang) if grade.feedback and not why_beside else ""
        set_rich_text(self.why_wrong, why)
        self.why_wrong.setVisible(bool(why))
        self.model_title.setText(self.tr("Model answer"))
        set_rich_text(self.model_answer, question.answer.get(self.lang))
        self.explanation_title.setText(self.tr("Why"))
        set_rich_text(self.explanation, question.explanation.get(self.lang))
        refs = "; ".join(question.citations())
        self.references.setText(self.tr("Sources: %1").replace("%1", refs) if refs else "")
        self.references.setVisible(bool(refs))
        self.feedback.show()

    def choose_number(self, number: int) -> None:
        """Keys 1–9."""
        if self.answer is not None:
            self.answer.choose_number(number)

    def next_question(self) -> None:
        """Go to the next question."""
        if self.index + 1 < len(self.questions):
            self.show_question(self.index + 1)

    def previous_question(self) -> None:
        """Go to the previous question."""
        if self.index > 0:
            self.show_question(self.index - 1)

    # --- language -----------------------------------------------------------------------------

    def _update_header(self) -> None:
        # not at import: the pack loader is not needed to start
        from quizapp.bank import pack_file_name

        question = self.current()
        if question is None:
            self.progress.setText(self.tr("Questions"))
            self.meta.clear()
            return
        self.progress.setText(
            self.tr("Question %1 of %2")
            .replace("%1", str(self.index + 1))
            .replace("%2", str(len(self.questions)))
        )
        topic = _TOPIC_TITLES.get(question.topic)
        parts = [
            topic.get(self.lang) if topic else question.topic,
            names.question_type_name(question.type),
            names.question_difficulty_name(question.difficulty),
            question.id,
        ]
        pack = pack_file_name(question)
        if pack:
            parts.append(self.tr("pack: %1").replace("%1", pack))
        self.meta.setText("  ·  ".join(parts))
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index + 1 < len(self.questions))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Interface texts."""
        self.check_button.setText(self.tr("Check  (Ctrl+Enter)"))
        self.reveal_button.setText(self.tr("Show the answer  (Ctrl+D)"))
        self.reveal_button.setToolTip(
            self.tr("I don't know: show the model answer (counts as a miss)")
        )
        self.check_button.setAccessibleName(self.tr("Check"))
        self.previous_button.setText(self.tr("← Previous"))
        self.next_button.setText(self.tr("Next →"))
        self.previous_button.setAccessibleName(self.tr("Previous question"))
        self.next_button.setAccessibleName(self.tr("Next question"))
        self._update_header()
        if self._problems_text and self.banner.message() == self._problems_text:
            self._show_problems()
        if self.grade is not None:
            self._show_feedback(self.grade)
