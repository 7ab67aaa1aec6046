"""The study page's rating bar: what the answer scored and the proposed rating, the 1–4 rating
buttons, Undo and Next.

The text sits beside the buttons when it fits on one line there; otherwise (a narrow window, a
large font, a long Chinese sentence) it takes a line of its own above them, so it is never squeezed
into a column one word wide. The texts themselves come from the study page (``tr`` there).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QHBoxLayout, QLabel, QPushButton, QWidget

from quizapp.gui.theme import set_role
from quizapp.gui.widgets.paper import Paper

SPACING = 12  # pixels between the text and the buttons, and before Undo


class RatingBar(Paper):
    """``label``, ``buttons`` (1–4 in ``group``), ``undo`` and ``next``; ``stacked()`` tells
    whether the label is above the buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, kind="card")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[int, QPushButton] = {}
        self.undo = QPushButton()
        self.next = QPushButton()
        set_role(self.next, "primary")
        self.next.setDefault(True)
        self.row = QHBoxLayout()
        self.row.setSpacing(6)
        for rating in (1, 2, 3, 4):
            button = QPushButton()
            button.setCheckable(True)
            button.setObjectName(f"rate-{rating}")
            self.group.addButton(button, rating)
            self.buttons[rating] = button
            self.row.addWidget(button)
        self.row.addSpacing(SPACING)
        self.row.addWidget(self.undo)
        self.row.addWidget(self.next)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(16, 10, 16, 10)
        self.box.setSpacing(SPACING)
        self.box.addWidget(self.label, 1)
        self.box.addLayout(self.row)
        self.box.setAlignment(self.row, Qt.AlignmentFlag.AlignRight)
        for widget in (self.label, *self.buttons.values(), self.undo, self.next):
            widget.installEventFilter(self)

    def needed_width(self) -> int:
        """The width the text on one line and the buttons beside it would take."""
        margins = self.box.contentsMargins()
        text = self.label.fontMetrics().horizontalAdvance(self.label.text())
        return margins.left() + text + SPACING + self.row.sizeHint().width() + margins.right()

    def stacked(self) -> bool:
        """True when the text is above the buttons."""
        return self.box.direction() == QBoxLayout.Direction.TopToBottom

    def arrange(self) -> None:
        """Text beside the buttons when it fits there on one line, else above them."""
        wanted = (
            QBoxLayout.Direction.TopToBottom
            if self.needed_width() > self.width()
            else QBoxLayout.Direction.LeftToRight
        )
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)

    def set_text(self, text: str) -> None:
        """The score and rating sentence (re-arranged to fit)."""
        self.label.setText(text)
        self.arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A new font size or button text changes the widths: arrange again.
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.Show, QEvent.Type.Hide):
            self.arrange()
        return super().eventFilter(watched, event)
