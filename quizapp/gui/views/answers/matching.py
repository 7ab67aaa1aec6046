"""Matching: for each left item, choose its partner from a list (keyboard friendly combo boxes).

The right-hand texts are offered in a fixed shuffled order so their position gives nothing away.
"""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from questions.schema import Lang, Question
from quizapp.grading.answers import QuestionGrade, grade_matching
from quizapp.gui.theme import set_role
from quizapp.gui.views.answers.base import AnswerWidget
from quizapp.gui.widgets.rich_text import set_rich_text
from quizapp.richtext import to_unicode


class MatchingAnswer(AnswerWidget):
    """One combo box per left item; the data of each entry is its index in ``question.pairs``."""

    def __init__(self, question: Question, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(question, lang, parent)
        order = list(range(len(question.pairs)))
        random.Random(question.id).shuffle(order)
        self.boxes: list[QComboBox] = []
        self.marks: list[QLabel] = []
        # A grid rather than a form layout: a form layout clips word-wrapped labels of two or more
        # lines, and the columns share the width so a long text wraps instead of widening the page.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(6)
        layout.setColumnStretch(0, 2)
        layout.setColumnStretch(1, 3)
        for row, pair in enumerate(question.pairs):
            box = QComboBox()
            for index in order:
                box.addItem(to_unicode(question.pairs[index].right.get(lang)), index)
            box.setCurrentIndex(-1)
            box.setAccessibleName(to_unicode(pair.left.get(lang)))
            # The longest right text must not set the width of the page; the list that drops
            # down is as wide as its texts.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(12)
            box.view().setMinimumWidth(box.view().sizeHintForColumn(0) + 24)
            box.currentIndexChanged.connect(self.changed)
            label = QLabel()
            set_rich_text(label, pair.left.get(lang))
            label.setWordWrap(True)
            label.setBuddy(box)
            mark = QLabel()
            mark.setWordWrap(True)
            mark.hide()
            layout.addWidget(label, 2 * row, 0, Qt.AlignmentFlag.AlignVCenter)
            layout.addWidget(box, 2 * row, 1, Qt.AlignmentFlag.AlignVCenter)
            layout.addWidget(mark, 2 * row + 1, 1)
            self.boxes.append(box)
            self.marks.append(mark)
        self.retranslate()

    def retranslate(self) -> None:
        for box in self.boxes:
            box.setPlaceholderText(self.tr("Choose…"))

    def rights(self) -> list[int]:
        """For each left item, the index of the chosen right text (−1 when none)."""
        return [int(b.currentData()) if b.currentIndex() >= 0 else -1 for b in self.boxes]

    def set_rights(self, rights: list[int]) -> None:
        """Choose the partners (tests and screenshots)."""
        for box, right in zip(self.boxes, rights, strict=True):
            box.setCurrentIndex(box.findData(right))

    def grade(self) -> QuestionGrade:
        return grade_matching(self.question, self.rights())

    def show_marks(self, grade: QuestionGrade) -> None:
        del grade
        for k, (box, mark) in enumerate(zip(self.boxes, self.marks, strict=True)):
            ok = box.currentData() == k
            set_role(mark, "good" if ok else "bad")
            if ok:
                mark.setText(self.tr("✓ right"))
            else:
                right = self.question.pairs[k].right.get(self.lang)
                set_rich_text(mark, self.tr("✗ it goes with: %1").replace("%1", right))
            mark.show()

    def fill_plausible(self) -> None:
        rights = list(range(len(self.boxes)))
        if len(rights) >= 2:
            rights[0], rights[1] = rights[1], rights[0]
        self.set_rights(rights)
