"""A read-only table of the summary page that is exactly as tall as its rows.

Rows are sized to their text once the table knows its width, and again when the width or the font
changes: a Chinese line is taller than the default row (the CJK font's line height), and a long
cell wraps onto more lines at a large font. Past ``MAX_HEIGHT`` the table scrolls.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

MAX_HEIGHT = 360  # pixels; a longer table scrolls inside the page
ROW_PADDING = 4  # pixels above and below a row's text together, at least the style's default row


class FittedTable(QTableWidget):
    """``rows`` of text; the ``stretch`` columns share the spare width (their text wraps), the
    others fit their text."""

    def __init__(
        self,
        rows: Sequence[Sequence[str]],
        stretch: int | Sequence[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(len(rows), len(rows[0]) if rows else 0, parent)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.setItem(r, c, QTableWidgetItem(text))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (stretch,) if isinstance(stretch, int) else stretch:
            if column < self.columnCount():
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self._fitted_width = -1
        self.fit()

    def needed_height(self) -> int:
        """Header, every row and the frame: the height that shows all rows without scrolling."""
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        if self.horizontalScrollBar().isVisible():
            height += self.horizontalScrollBar().height()
        return height + sum(self.rowHeight(r) for r in range(self.rowCount()))

    def fit(self) -> None:
        """Rows as tall as their text at the current width (never below the style's default
        row), the table as tall as its rows."""
        default = self.verticalHeader().defaultSectionSize()
        for row in range(self.rowCount()):
            self.setRowHeight(row, max(default, self.sizeHintForRow(row) + ROW_PADDING))
        self.setFixedHeight(min(self.needed_height(), MAX_HEIGHT))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._fitted_width:  # a new height alone changes nothing
            self._fitted_width = event.size().width()
            self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
