"""Paper: the rounded, bordered sheet that drills, questions and cards sit on.

Painted here rather than by a style sheet (see ``quizapp.gui.theme``); the colours come from the
current theme, so a theme switch only needs a repaint.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QWidget

from quizapp.gui.theme import ThemeColors, current_colors

# Corner radius in pixels by kind: a sheet of the exercise, a card of the home screen, a banner.
RADII = {"paper": 6.0, "card": 8.0, "banner": 4.0}


class Paper(QFrame):
    """A frame drawn as paper; ``kind`` is a key of ``RADII`` (also the object name)."""

    def __init__(self, parent: QWidget | None = None, *, kind: str = "paper") -> None:
        if kind not in RADII:
            raise ValueError(f"unknown kind of paper {kind!r}")
        super().__init__(parent)
        self.setObjectName(kind)
        self._radius = RADII[kind]

    def paper_colors(self, colors: ThemeColors) -> tuple[str, str]:
        """Fill and border colour ("" for no border); a subclass may change them."""
        return colors.paper, colors.paper_border

    def paintEvent(self, event: QPaintEvent) -> None:
        fill, border = self.paper_colors(current_colors())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if border:
            painter.setPen(QPen(QColor(border), 1.0))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(
            QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), self._radius, self._radius
        )
        painter.end()
