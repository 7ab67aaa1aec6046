"""Single choice, multiple choice and true/false: radio buttons or check boxes, keys 1–9.

A button's own text never wraps, so each button carries no text and a word-wrapped label beside it
shows the option (clicking the label chooses it, as clicking a button's text would). After grading,
right options are marked, and a wrongly chosen option shows why it is wrong.

The options of a single or multiple choice are shown in a fresh random order at every attempt
(true/false keeps True first), so the place of the right option teaches nothing; the answer is
graded and recorded by option id, whatever the order on screen.
"""

from __future__ import annotations

import functools
import random

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from questions.schema import Lang, Option, Question
from quizapp.grading.answers import QuestionGrade, grade_choice
from quizapp.gui.theme import set_role
from quizapp.gui.views.answers.base import AnswerWidget
from quizapp.gui.widgets.rich_text import set_rich_text
from quizapp.richtext import to_unicode


class OptionLabel(QLabel):
    """The word-wrapped text of one option; a click on it is a click on its button (the buddy)."""

    clicked = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Inline math and code rendered; everything else escaped, so "a < b" is never markup.
        set_rich_text(self, text)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


def first_line_ascent(label: QLabel) -> float:
    """The ascent of the first line of ``label`` as shown: a line with Chinese takes the CJK
    font's ascent, several pixels more than the primary font's (which a line of digits has)."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(label.font())
    if label.textFormat() == Qt.TextFormat.RichText:
        document.setHtml(label.text())
    else:
        document.setPlainText(label.text())
    document.setTextWidth(1e6)  # the first line only: as far as the first break
    document.size()  # lays the document out
    layout = document.firstBlock().layout()
    if layout is None or layout.lineCount() == 0:
        return float(label.fontMetrics().ascent())
    return layout.lineAt(0).ascent()


def baseline_drop(number: QLabel, label: QLabel) -> int:
    """How far ``number`` moves down so that its baseline meets the first line of ``label``."""
    return max(0, round(first_line_ascent(label) - first_line_ascent(number)))


def beside_first_line(button: QAbstractButton, label: QLabel, drop: int = 0) -> QVBoxLayout:
    """``button`` in a column, moved down to sit level with the first line of ``label`` (and
    ``drop`` pixels more, where that line is a Chinese one)."""
    column = QVBoxLayout()
    offset = drop + max(0, (label.fontMetrics().height() - button.sizeHint().height()) // 2)
    column.setContentsMargins(0, offset, 0, 0)
    column.addWidget(button)
    column.addStretch(1)
    return column


# The order of the options on screen; tests replace it with a seeded generator or None (bank order).
OPTION_ORDER: random.Random | None = random.Random()


def shown_options(question: Question) -> list[Option]:
    """The options in the order to show them this time."""
    options = list(question.options)
    if OPTION_ORDER is not None and question.answer_type != "true_false":
        OPTION_ORDER.shuffle(options)
    return options


class ChoiceAnswer(AnswerWidget):
    """One button per option, numbered 1, 2, 3 … so the keys can pick them."""

    shows_why = True

    def __init__(self, question: Question, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(question, lang, parent)
        self.multiple = question.answer_type == "multi_choice"
        self.group = QButtonGroup(self)
        self.group.setExclusive(not self.multiple)
        self.buttons: list[QAbstractButton] = []
        self.labels: list[OptionLabel] = []
        self.notes: list[QLabel] = []
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(6)
        layout.setColumnStretch(2, 1)
        self.options = shown_options(question)
        for number, option in enumerate(self.options, start=1):
            text = option.text.get(lang)
            button: QAbstractButton = QCheckBox() if self.multiple else QRadioButton()
            button.setAccessibleName(to_unicode(text))
            button.setProperty("option_id", option.id)
            self.group.addButton(button, number)
            button.toggled.connect(self.changed)
            # The number has a column of its own so that wrapped lines hang under the text.
            number_label = OptionLabel(f"{number}.")
            label = OptionLabel(text)
            for clickable in (number_label, label):
                clickable.setBuddy(button)
                clickable.clicked.connect(functools.partial(self._click, button))
            note = QLabel()
            note.setWordWrap(True)
            note.setContentsMargins(0, 0, 0, 4)
            note.hide()
            # A Chinese first line sits lower than the digits: the number and button follow it.
            drop = baseline_drop(number_label, label)
            number_label.setContentsMargins(0, drop, 0, 0)
            row = 2 * (number - 1)
            layout.addLayout(beside_first_line(button, label, drop), row, 0)
            layout.addWidget(number_label, row, 1, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(label, row, 2)
            layout.addWidget(note, row + 1, 2)
            self.buttons.append(button)
            self.labels.append(label)
            self.notes.append(note)

    def _click(self, button: QAbstractButton) -> None:
        if button.isEnabled():
            button.click()
            button.setFocus(Qt.FocusReason.MouseFocusReason)

    def chosen(self) -> list[str]:
        """The ids of the chosen options."""
        return [str(b.property("option_id")) for b in self.buttons if b.isChecked()]

    def grade(self) -> QuestionGrade:
        return grade_choice(self.question, self.chosen())

    def recorded_text(self) -> str:
        """The chosen option ids (not their place on screen, which changes every attempt)."""
        return ",".join(self.chosen())

    def choose_number(self, number: int) -> bool:
        if not 1 <= number <= len(self.buttons) or not self.isEnabled():
            return False
        button = self.buttons[number - 1]
        button.setChecked(not button.isChecked() if self.multiple else True)
        button.setFocus()
        return True

    def show_marks(self, grade: QuestionGrade) -> None:
        del grade
        right = set(self.question.correct)
        for button, note, option in zip(self.buttons, self.notes, self.options, strict=True):
            if option.id in right:
                set_role(note, "good")
                note.setText(self.tr("✓ right option"))
                note.show()
            elif button.isChecked():
                set_role(note, "bad")
                why = option.why_wrong.get(self.lang) if option.why_wrong else ""
                set_rich_text(note, self.tr("✗ not right") + (f": {why}" if why else ""))
                note.show()

    def fill_plausible(self) -> None:
        right = set(self.question.correct)
        wrong = [k for k, o in enumerate(self.options) if o.id not in right]
        good = [k for k, o in enumerate(self.options) if o.id in right]
        if self.multiple:
            # A typical slip: all but one right option, plus one wrong one.
            for k in good[:-1] + wrong[:1]:
                self.buttons[k].setChecked(True)
        elif wrong:
            self.buttons[wrong[0]].setChecked(True)
