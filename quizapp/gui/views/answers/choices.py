"""Single choice, multiple choice and true/false: radio buttons or check boxes, keys 1–9.

After grading, right options are marked, and a wrongly chosen option shows why it is wrong.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from questions.schema import Lang, Question
from quizapp.grading.answers import QuestionGrade, grade_choice
from quizapp.gui.views.answers.base import AnswerWidget


class ChoiceAnswer(AnswerWidget):
    """One button per option, numbered 1, 2, 3 … so the keys can pick them."""

    def __init__(self, question: Question, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(question, lang, parent)
        self.multiple = question.answer_type == "multi_choice"
        self.group = QButtonGroup(self)
        self.group.setExclusive(not self.multiple)
        self.buttons: list[QAbstractButton] = []
        self.notes: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for number, option in enumerate(question.options, start=1):
            text = f"{number}.  {option.text.get(lang)}"
            button: QAbstractButton = QCheckBox(text) if self.multiple else QRadioButton(text)
            button.setAccessibleName(option.text.get(lang))
            button.setProperty("option_id", option.id)
            self.group.addButton(button, number)
            button.toggled.connect(self.changed)
            note = QLabel()
            note.setWordWrap(True)
            note.setContentsMargins(28, 0, 0, 4)
            note.hide()
            layout.addWidget(button)
            layout.addWidget(note)
            self.buttons.append(button)
            self.notes.append(note)

    def chosen(self) -> list[str]:
        """The ids of the chosen options."""
        return [str(b.property("option_id")) for b in self.buttons if b.isChecked()]

    def grade(self) -> QuestionGrade:
        return grade_choice(self.question, self.chosen())

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
        for button, note, option in zip(
            self.buttons, self.notes, self.question.options, strict=True
        ):
            if option.id in right:
                note.setProperty("role", "good")
                note.setText(self.tr("✓ right option"))
                note.show()
            elif button.isChecked():
                note.setProperty("role", "bad")
                why = option.why_wrong.get(self.lang) if option.why_wrong else ""
                note.setText(self.tr("✗ not right") + (f": {why}" if why else ""))
                note.show()
            note.style().unpolish(note)
            note.style().polish(note)

    def fill_plausible(self) -> None:
        right = set(self.question.correct)
        wrong = [k for k, o in enumerate(self.question.options) if o.id not in right]
        good = [k for k, o in enumerate(self.question.options) if o.id in right]
        if self.multiple:
            # A typical slip: all but one right option, plus one wrong one.
            for k in good[:-1] + wrong[:1]:
                self.buttons[k].setChecked(True)
        elif wrong:
            self.buttons[wrong[0]].setChecked(True)
