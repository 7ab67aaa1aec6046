"""Vectors and matrices drawn as aligned tables between brackets, like on paper.

Numbers in one table share their number of decimals and are right-aligned, so decimal points line
up; a vector is drawn as a column. The values are also given as the accessible description, so a
screen reader can read them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

_PAD_X = 10.0
_PAD_Y = 4.0
_COLUMN_GAP = 14.0
_BRACKET = 5.0


def decimals_needed(values: Sequence[float], most: int = 3) -> int:
    """The fewest decimals (up to ``most``) that show every value exactly to ``most`` places."""
    needed = 0
    for value in values:
        text = f"{value:.{most}f}".rstrip("0")
        if "." in text:
            needed = max(needed, len(text.split(".")[1]))
    return max(needed, 1)


def format_cell(value: float, decimals: int) -> str:
    """A number with ``decimals`` places and a typographic minus sign."""
    text = f"{value:.{decimals}f}"
    if text.startswith("-") and float(text) == 0.0:
        text = text[1:]
    return text.replace("-", "−")


class MatrixTable(QWidget):
    """A matrix (rows of numbers) or a vector (one column) between square brackets."""

    def __init__(self, rows: Sequence[Sequence[float]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[tuple[float, ...], ...] = ()
        self._cells: tuple[tuple[str, ...], ...] = ()
        self._widths: tuple[str, list[float]] = ("", [])  # font key, column widths in that font
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.set_rows(rows)

    @classmethod
    def column(cls, values: Sequence[float], parent: QWidget | None = None) -> MatrixTable:
        """A vector drawn as a column."""
        return cls([[v] for v in values], parent)

    def set_rows(self, rows: Sequence[Sequence[float]]) -> None:
        """Show ``rows`` (all of the same length)."""
        self._rows = tuple(tuple(float(v) for v in row) for row in rows)
        flat = [v for row in self._rows for v in row]
        decimals = decimals_needed(flat) if flat else 1
        self._cells = tuple(tuple(format_cell(v, decimals) for v in row) for row in self._rows)
        self._widths = ("", [])
        self.setAccessibleDescription("; ".join(", ".join(row) for row in self._cells))
        self.updateGeometry()
        self.update()

    def cell_texts(self) -> tuple[tuple[str, ...], ...]:
        """The numbers as shown."""
        return self._cells

    def _column_widths(self, metrics: QFontMetricsF) -> list[float]:
        key = self.font().key()
        if self._widths[0] != key:
            columns = len(self._cells[0]) if self._cells else 0
            widths = [
                max(metrics.horizontalAdvance(row[j]) for row in self._cells)
                for j in range(columns)
            ]
            self._widths = (key, widths)
        return self._widths[1]

    def sizeHint(self) -> QSize:
        metrics = QFontMetricsF(self.font())
        widths = self._column_widths(metrics)
        width = sum(widths) + _COLUMN_GAP * max(len(widths) - 1, 0) + 2 * _PAD_X + 2
        height = metrics.height() * 1.25 * len(self._cells) + 2 * _PAD_Y
        return QSize(int(width + 1), int(height + 1))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        if not self._cells:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(self.font())
        color = self.palette().color(QPalette.ColorRole.WindowText)
        line_height = metrics.height() * 1.25
        widths = self._column_widths(metrics)
        height = float(self.height())
        width = float(self.width())
        pen = QPen(color, 1.2)
        painter.setPen(pen)
        top, bottom = 1.0, height - 1.0
        for x, direction in ((1.0, 1.0), (width - 1.0, -1.0)):
            painter.drawLine(int(x), int(top), int(x), int(bottom))
            painter.drawLine(int(x), int(top), int(x + direction * _BRACKET), int(top))
            painter.drawLine(int(x), int(bottom), int(x + direction * _BRACKET), int(bottom))
        for i, row in enumerate(self._cells):
            x = _PAD_X + 1
            y = _PAD_Y + i * line_height
            for j, text in enumerate(row):
                rect = QRectF(x, y, widths[j], line_height)
                align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                painter.drawText(rect, int(align), text)
                x += widths[j] + _COLUMN_GAP
        painter.end()
