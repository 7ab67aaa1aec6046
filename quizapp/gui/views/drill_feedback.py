"""After Submit: the score, the named mistakes beside the right formula, and the worked solution.

The worked solution opens one step at a time ("Next step"), each step as rendered formulas: the
equation, the numbers put in (one line per element), and the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quizapp.gui.theme import set_role
from quizapp.gui.widgets.broken_formulas import BrokenFormulas
from quizapp.gui.widgets.math_label import MathLabel
from quizapp.gui.widgets.paper import Paper
from quizapp.gui.widgets.rich_text import set_rich_text

if TYPE_CHECKING:
    from quizapp.drills import DrillGrade
    from quizapp.formulas import WorkedStep
    from quizapp.grading.feedback import Diagnosis, Feedback


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()


class StepCard(QFrame):
    """One worked step: formula, substituted numbers, result."""

    def __init__(self, index: int, step: WorkedStep, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.setSpacing(4)
        self.heading = QLabel()
        set_role(self.heading, "muted")
        self.heading.setText(f"{index + 1}.")
        layout.addWidget(self.heading)
        layout.addWidget(MathLabel(step.formula_latex))
        # The numbers put in can be wider than the sheet: long lines break before a + or =.
        self.lines = BrokenFormulas(step.substituted_lines)
        layout.addWidget(self.lines)
        layout.addWidget(MathLabel(step.result_latex))
        self.setAccessibleName(f"step {index + 1}: {step.key}")


class DrillFeedback(Paper):
    """Shown under the sheet once a drill is graded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = QLabel()
        set_role(self.score, "subheading")
        self.lines = QVBoxLayout()
        self.lines.setSpacing(4)
        self.mistakes_title = QLabel()
        set_role(self.mistakes_title, "subheading")
        self.mistakes = QVBoxLayout()
        self.solution_title = QLabel()
        set_role(self.solution_title, "subheading")
        self.steps_box = QVBoxLayout()
        self.next_step_button = QPushButton()
        self.all_steps_button = QPushButton()
        self.next_step_button.clicked.connect(self.next_step)
        self.all_steps_button.clicked.connect(self.show_all_steps)
        buttons = QHBoxLayout()
        buttons.addWidget(self.next_step_button)
        buttons.addWidget(self.all_steps_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 24, 36, 24)
        layout.setSpacing(8)
        layout.addWidget(self.score)
        layout.addLayout(self.lines)
        layout.addWidget(self.mistakes_title)
        layout.addLayout(self.mistakes)
        layout.addWidget(self.solution_title)
        layout.addLayout(self.steps_box)
        layout.addLayout(buttons)
        self._steps: list[StepCard] = []
        self.hide()

    def retranslate(self) -> None:
        """Interface texts of the panel."""
        self.mistakes_title.setText(self.tr("What went wrong"))
        self.solution_title.setText(self.tr("Worked solution"))
        self.next_step_button.setText(self.tr("Next step"))
        self.all_steps_button.setText(self.tr("Show all steps"))
        self._update_buttons()

    def clear(self) -> None:
        """Hide everything (a new drill)."""
        _clear(self.lines)
        _clear(self.mistakes)
        _clear(self.steps_box)
        self._steps = []
        self.hide()

    def show_result(self, grade: DrillGrade, feedback: Feedback, lang: str) -> None:
        """Show the grade, the diagnosis and the first step of the worked solution.

        The verdict lines come first; each matched mistake is told once, under "What went wrong":
        its title with the quantities it reached, the formula as used, why, and the right formula.
        """
        self.clear()
        percent = round(100 * grade.score)
        self.score.setText(self.tr("Score: %1 %").replace("%1", str(percent)))
        for text in feedback.lines:
            label = QLabel()
            set_rich_text(label, text.get(lang))  # type: ignore[arg-type]
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.lines.addWidget(label)
        from quizapp.drills.quantities import label_of

        diagnoses: tuple[Diagnosis, ...] = getattr(feedback, "diagnoses", ())
        for diagnosis in diagnoses:
            mistake = diagnosis.mistake
            names = " · ".join(label_of(key)[1].get(lang) for key in diagnosis.keys)  # type: ignore[arg-type]
            heading = f"{mistake.title.get(lang)} — {names}"  # type: ignore[arg-type]
            if diagnosis.where:
                heading += " (" + self.tr("made in %1").replace("%1", diagnosis.where) + ")"
            title = QLabel()
            set_rich_text(title, heading)
            set_role(title, "bad")
            title.setWordWrap(True)
            self.mistakes.addWidget(title)
            if mistake.formula_latex:
                self.mistakes.addWidget(MathLabel(mistake.formula_latex, scale=1.0))
            why = mistake.explanation.get(lang)  # type: ignore[arg-type]
            if diagnosis.correct:
                why += " " + self.tr("Correct: %1").replace("%1", diagnosis.correct)
            explanation = QLabel()
            set_rich_text(explanation, why)
            explanation.setWordWrap(True)
            self.mistakes.addWidget(explanation)
        self.mistakes_title.setVisible(bool(diagnoses))
        for index, step in enumerate(feedback.steps):
            card = StepCard(index, step)
            card.setVisible(index == 0)
            self.steps_box.addWidget(card)
            self._steps.append(card)
        self.solution_title.setVisible(bool(self._steps))
        self.retranslate()
        self.show()

    def shown_steps(self) -> int:
        """How many steps are open."""
        return sum(1 for card in self._steps if not card.isHidden())

    def next_step(self) -> None:
        """Open the next step of the worked solution."""
        for card in self._steps:
            if card.isHidden():
                card.show()
                break
        self._update_buttons()

    def show_all_steps(self) -> None:
        """Open every step."""
        for card in self._steps:
            card.show()
        self._update_buttons()

    def _update_buttons(self) -> None:
        more = self.shown_steps() < len(self._steps)
        self.next_step_button.setVisible(more)
        self.all_steps_button.setVisible(more)
