"""Worked-solution lines that break to the width they have (``formulas.breaking``): a long line
becomes several rendered lines, continuation lines indented, instead of a sideways scroll."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFontInfo, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from quizapp.formulas.breaking import break_latex
from quizapp.gui.widgets.math_label import MathLabel

CHAR_EM = 0.62  # a rendered number, operator or symbol is about this many font sizes wide
INDENT_EM = 2.0


class BrokenFormulas(QWidget):
    """Shows each of ``lines`` (LaTeX) broken to the widget's width; ``shown()`` lists the
    rendered pieces as (indent level, LaTeX)."""

    def __init__(self, lines: Sequence[str], scale: float = 1.0, parent: QWidget | None = None):
        super().__init__(parent)
        self._lines = tuple(line for line in lines if line.strip())
        self._scale = scale
        self._budget = -1
        self._shown: list[tuple[int, str]] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._rebreak(600)

    def shown(self) -> list[tuple[int, str]]:
        """The pieces on screen: (0 for a first line, 1 for a continuation, LaTeX)."""
        return list(self._shown)

    def max_chars(self, width: int) -> int:
        """How many visible characters fit on a line ``width`` pixels wide."""
        em = QFontInfo(self.font()).pixelSize() * self._scale
        return max(12, int((width - INDENT_EM * em) / (CHAR_EM * em)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rebreak(event.size().width())

    def _rebreak(self, width: int) -> None:
        budget = self.max_chars(width)
        if budget == self._budget:
            return
        self._budget = budget
        shown = [
            (0 if index == 0 else 1, piece)
            for line in self._lines
            for index, piece in enumerate(break_latex(line, budget))
        ]
        if shown == self._shown:
            return
        self._shown = shown
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        em = QFontInfo(self.font()).pixelSize() * self._scale
        for level, piece in shown:
            label = MathLabel(piece, scale=self._scale)
            label.setContentsMargins(round(level * INDENT_EM * em), 0, 0, 0)
            self._layout.addWidget(label)
