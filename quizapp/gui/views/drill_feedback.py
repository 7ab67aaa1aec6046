"""After Submit: the score, the named mistakes beside the right formula, and the worked solution.

The worked solution opens one step at a time ("Next step"), each step as rendered formulas: the
equation, the numbers put in (one line per element), and the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from quizapp.gui.theme import set_role
from quizapp.gui.widgets.math_label import MathLabel
from quizapp.gui.widgets.paper import Paper

if TYPE_CHECKING:
    from quizapp.drills import DrillGrade, Mistake
    from quizapp.formulas import WorkedStep
    from quizapp.grading.feedback import Feedback


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()


class HorizontalScroll(QScrollArea):
    """Scrolls its widget sideways only, as tall as the widget (so nothing is cut vertically)."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(widget)
        self.setWidgetResizable(True)
        widget.installEventFilter(self)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.viewport().setAutoFillBackground(False)
        widget.setAutoFillBackground(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A formula image arrived and the lines grew: take their new height.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:
        widget = self.widget()
        inner = widget.sizeHint() if widget is not None else QSize(0, 0)
        bar = self.horizontalScrollBar().sizeHint().height()
        return QSize(min(inner.width(), 600), inner.height() + bar + 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())


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
        # The numbers put in can be wider than the sheet: they scroll on their own.
        lines = QWidget()
        lines_layout = QVBoxLayout(lines)
        lines_layout.setContentsMargins(0, 0, 0, 0)
        for line in step.substituted_lines:
            if line.strip():
                lines_layout.addWidget(MathLabel(line, scale=1.0))
        layout.addWidget(HorizontalScroll(lines))
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

    def show_result(
        self,
        grade: DrillGrade,
        feedback: Feedback,
        mistakes: Sequence[Mistake],
        lang: str,
    ) -> None:
        """Show the grade, the diagnosis and the first step of the worked solution."""
        self.clear()
        percent = round(100 * grade.score)
        self.score.setText(self.tr("Score: %1 %").replace("%1", str(percent)))
        for text in feedback.lines:
            label = QLabel(text.get(lang))  # type: ignore[arg-type]
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.lines.addWidget(label)
        for mistake in mistakes:
            title = QLabel(mistake.title.get(lang))  # type: ignore[arg-type]
            set_role(title, "bad")
            title.setWordWrap(True)
            self.mistakes.addWidget(title)
            if mistake.formula_latex:
                self.mistakes.addWidget(MathLabel(mistake.formula_latex, scale=1.0))
            explanation = QLabel(mistake.explanation.get(lang))  # type: ignore[arg-type]
            explanation.setWordWrap(True)
            self.mistakes.addWidget(explanation)
        self.mistakes_title.setVisible(bool(mistakes))
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
