"""Free text: write an answer, then confirm the key points it makes (pre-ticked by the grader).

The grader reads claims (``quizapp.grading.freetext``): each tick comes with the clause that made
the point, or a note that the answer said the opposite; misconceptions found are named with their
correction. The score is the share of ticked points; the learner has the last word on each tick.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from questions.schema import Lang, Question
from quizapp.grading.answers import QuestionGrade
from quizapp.grading.freetext import (
    FreeTextGrade,
    PointStatus,
    checklist_score,
    grade_free_text,
)
from quizapp.grading.freetext.feedback import misconception_notes, point_note
from quizapp.gui.theme import set_role
from quizapp.gui.views.answers.base import AnswerWidget
from quizapp.gui.views.answers.choices import OptionLabel, beside_first_line, first_line_ascent
from quizapp.richtext import to_unicode


class FreeTextAnswer(AnswerWidget):
    """A text box; ``grade`` opens the key-point checklist and scores the ticks."""

    def __init__(self, question: Question, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(question, lang, parent)
        self.edit = QPlainTextEdit()
        self.edit.setMinimumHeight(140)
        self.edit.setTabChangesFocus(True)
        self.edit.textChanged.connect(self.changed)
        self.checklist_title = QLabel()
        set_role(self.checklist_title, "subheading")
        self.checklist_title.hide()
        self.checks: list[QCheckBox] = []
        self.proposal: FreeTextGrade | None = None
        self.score_label = QLabel()
        self.score_label.hide()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.edit)
        self._layout.addWidget(self.checklist_title)
        self._checks_layout = QVBoxLayout()
        self._layout.addLayout(self._checks_layout)
        self._layout.addWidget(self.score_label)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(
            self.tr("Write your answer as you would say it in an interview")
        )
        self.edit.setAccessibleName(self.tr("Your answer"))
        self.checklist_title.setText(self.tr("Which key points did your answer make?"))
        # Texts only: a language change is no new answer (a rescore would be recorded again).
        self._update_score(emit=False)

    def grade(self) -> QuestionGrade:
        if not self.edit.toPlainText().strip():
            return QuestionGrade(0.0, False, "", self.tr("write an answer first"))
        if not self.checks:
            self._open_checklist()
        score = self.score()
        auto = self.proposal.score if self.proposal is not None else None
        return QuestionGrade(
            score, score >= 1.0, "", None, auto_score=auto, missed_points=self.missed_points()
        )

    def missed_points(self) -> tuple[str, ...]:
        """The ids of the key points left unticked (the checklist follows the question's order)."""
        points = self.question.key_points
        return tuple(p.id for p, c in zip(points, self.checks, strict=False) if not c.isChecked())

    def score(self) -> float:
        """The share of ticked key points."""
        return checklist_score([c.isChecked() for c in self.checks])

    def _open_checklist(self) -> None:
        self.proposal = grade_free_text(self.question, self.edit.toPlainText())
        for number, result in enumerate(self.proposal.points, start=1):
            raw = result.point.text.get(self.lang)
            text = to_unicode(raw)
            # The box and a wrapped label beside it (a check box's own text never wraps, and a
            # long point at a large font widened the page past the window).
            check = QCheckBox()
            check.setChecked(result.made)
            check.setAccessibleName(text)
            check.toggled.connect(lambda _checked: self._update_score())
            label = OptionLabel(f"{number}. {raw}" if number <= 9 else raw)
            label.setBuddy(check)
            label.clicked.connect(functools.partial(self._click, check))
            row = QHBoxLayout()
            row.setSpacing(6)
            drop = max(0, round(first_line_ascent(label)) - label.fontMetrics().ascent())
            row.addLayout(beside_first_line(check, label, drop))
            row.addWidget(label, 1)
            note = QLabel(point_note(result, self.lang))
            note.setWordWrap(True)
            note.setContentsMargins(24, 0, 0, 4)
            set_role(note, "bad" if result.status is PointStatus.CONTRADICTED else "muted")
            self._checks_layout.addLayout(row)
            self._checks_layout.addWidget(note)
            self.checks.append(check)
        for found in misconception_notes(self.proposal, self.lang):
            warning = QLabel(f"{found.wrong}\n{found.correction}")
            warning.setWordWrap(True)
            set_role(warning, "warn")
            self._checks_layout.addWidget(warning)
        self.checklist_title.show()
        self.score_label.show()
        self._update_score()
        if self.checks:
            self.checks[0].setFocus()

    def _click(self, check: QCheckBox) -> None:
        if check.isEnabled():
            check.click()
            check.setFocus(Qt.FocusReason.MouseFocusReason)

    def _update_score(self, emit: bool = True) -> None:
        """The "Score: n of m" line; ``emit``: the ticks changed (``changed`` is emitted)."""
        if not self.checks:
            return
        ticked = sum(c.isChecked() for c in self.checks)
        self.score_label.setText(
            self.tr("Score: %1 of %2 key points")
            .replace("%1", str(ticked))
            .replace("%2", str(len(self.checks)))
        )
        if emit:
            self.changed.emit()

    def show_as_given(self) -> None:
        """Show the answer as plain text (a report of what was written, not an editor)."""
        given = QLabel(self.edit.toPlainText())
        given.setWordWrap(True)
        given.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout.replaceWidget(self.edit, given)
        self.edit.hide()

    def lock(self, locked: bool) -> None:
        # The checklist stays editable after grading: adjusting the ticks is the point.
        self.edit.setReadOnly(locked)

    def choose_number(self, number: int) -> bool:
        if not self.checks or not 1 <= number <= len(self.checks):
            return False
        check = self.checks[number - 1]
        check.setChecked(not check.isChecked())
        return True

    def fill_plausible(self) -> None:
        points = self.question.key_points
        # A learner who makes every point but the last, in the key points' own words.
        sentences = [p.text.get(self.lang) for p in points[:-1]]
        stop = "。" if self.lang == "zh" else ". "
        self.edit.setPlainText(stop.join(sentences) + stop.strip())
