"""Ordering: drag the items, or move the selected one with Alt+Up / Alt+Down (or the buttons).

Items start in a shuffled order fixed by the question id, never already in the right order.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from questions.schema import Lang, Question
from quizapp.grading.answers import QuestionGrade, grade_ordering
from quizapp.gui.views.answers.base import AnswerWidget
from quizapp.richtext import to_unicode


def shuffled_ids(question: Question) -> list[str]:
    """The item ids in a fixed shuffled order that differs from the right one (when it can)."""
    ids = [item.id for item in question.items]
    if len(ids) < 2:
        return ids
    rng = random.Random(question.id)
    order = ids[:]
    while order == ids:
        rng.shuffle(order)
    return order


class OrderingAnswer(AnswerWidget):
    """A reorderable list."""

    def __init__(self, question: Question, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(question, lang, parent)
        texts = {item.id: to_unicode(item.text.get(lang)) for item in question.items}
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setWordWrap(True)
        for item_id in shuffled_ids(question):
            item = QListWidgetItem(texts[item_id])
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.setMinimumHeight(min(60 + 34 * len(question.items), 320))
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        # The list uses Up/Down itself, so Alt+Up/Down are caught before it sees them.
        self.list.installEventFilter(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.list.model().rowsMoved.connect(self.changed)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() == Qt.KeyboardModifier.AltModifier:
                step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
                if step is not None:
                    self.move_current(step)
                    return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.up_button.setText(self.tr("Move up  (Alt+↑)"))
        self.down_button.setText(self.tr("Move down  (Alt+↓)"))
        self.list.setAccessibleName(self.tr("Items to put in order"))

    def order(self) -> list[str]:
        """The item ids in the learner's order."""
        return [
            str(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
        ]

    def move_current(self, step: int) -> None:
        """Move the selected item ``step`` rows (−1 up, +1 down)."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()

    def set_order(self, ids: list[str]) -> None:
        """Put the items in the order ``ids`` (tests and screenshots)."""
        for target, item_id in enumerate(ids):
            for row in range(self.list.count()):
                if self.list.item(row).data(Qt.ItemDataRole.UserRole) == item_id:
                    self.list.insertItem(target, self.list.takeItem(row))
                    break
        self.changed.emit()

    def grade(self) -> QuestionGrade:
        return grade_ordering(self.question, self.order())

    def show_marks(self, grade: QuestionGrade) -> None:
        del grade
        right = [item.id for item in self.question.items]
        for row in range(self.list.count()):
            item = self.list.item(row)
            ok = item.data(Qt.ItemDataRole.UserRole) == right[row]
            text = item.text().removeprefix("✓ ").removeprefix("✗ ")
            item.setText(("✓ " if ok else "✗ ") + text)

    def fill_plausible(self) -> None:
        right = [item.id for item in self.question.items]
        if len(right) >= 2:
            right[0], right[1] = right[1], right[0]  # the first two swapped
        self.set_order(right)
