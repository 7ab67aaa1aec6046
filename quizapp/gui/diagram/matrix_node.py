"""A matrix-valued state drawn as a small grid in brackets (the mLSTM's memory C_t, linear
attention's S_t): its entries once the drill's values are known, its name before.

The values arrive flat (row by row, as the drill view passes every record value); a square matrix
has ``isqrt(len)`` rows. Entries are written with two decimals in a font fitted to the cells, so a
3 × 3 matrix stays inside its node at any size; the values list under the caption repeats them at
the body size.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from quizapp.gui.diagram.labels import format_number
from quizapp.gui.diagram.rich import draw_rich_centered, make_font, rich_width

SMALLEST_PX = 7
READABLE_PX = 9  # below this, entries are written with one decimal
EMPTY_ROWS = 2  # the grid drawn before the values are known


def matrix_rows(values: Sequence[float] | None) -> list[list[float]]:
    """Flat ``values`` as the rows of a square matrix ([] for none or a count that is not a
    square)."""
    if not values:
        return []
    size = math.isqrt(len(values))
    if size * size != len(values):
        return []
    return [list(values[row * size : (row + 1) * size]) for row in range(size)]


def paint_matrix(
    painter: QPainter,
    rect: QRectF,
    family: str,
    label: str,
    values: Sequence[float] | None,
    ink: QColor,
    grid: QColor,
) -> None:
    """Brackets and a grid inside ``rect``; the entries (or ``label`` when none are known)."""
    rows = matrix_rows(values)
    size = len(rows) or EMPTY_ROWS
    inset = rect.width() * 0.08
    inner = rect.adjusted(inset, rect.height() * 0.1, -inset, -rect.height() * 0.1)
    pen = QPen(ink, max(1.0, rect.height() * 0.025))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    tick = inner.width() * 0.06
    for side, direction in ((inner.left(), 1), (inner.right(), -1)):
        painter.drawPolyline(
            [
                QPointF(side + direction * tick, inner.top()),
                QPointF(side, inner.top()),
                QPointF(side, inner.bottom()),
                QPointF(side + direction * tick, inner.bottom()),
            ]
        )
    cells = inner.adjusted(tick, 0, -tick, 0)
    cell_w, cell_h = cells.width() / size, cells.height() / size
    painter.setPen(ink)
    if not rows:
        painter.setPen(QPen(grid, 1.0, Qt.PenStyle.DotLine))
        for index in range(1, size):
            x = cells.left() + index * cell_w
            y = cells.top() + index * cell_h
            painter.drawLine(QPointF(x, cells.top()), QPointF(x, cells.bottom()))
            painter.drawLine(QPointF(cells.left(), y), QPointF(cells.right(), y))
        painter.setPen(ink)
        font = make_font(family, max(SMALLEST_PX, inner.height() * 0.3), italic=True)
        _fit(font, rich_width(font, label), cells.width() * 0.9)
        draw_rich_centered(painter, font, label, cells.center())
        return
    texts, font = _entries(rows, family, cell_w, cell_h)
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            center = QPointF(cells.left() + (c + 0.5) * cell_w, cells.top() + (r + 0.5) * cell_h)
            draw_rich_centered(painter, font, text, center)


def _fit(font: QFont, width: float, room: float) -> None:
    """Shrink ``font`` so that a text ``width`` pixels wide fits ``room`` (not below the least)."""
    if width > room:
        font.setPixelSize(max(SMALLEST_PX, math.floor(font.pixelSize() * room / width)))


def _entries(
    rows: list[list[float]], family: str, cell_w: float, cell_h: float
) -> tuple[list[list[str]], QFont]:
    """The entries as text and their font: two decimals, or one when two would need a font
    smaller than ``READABLE_PX`` (the values list under the caption keeps two)."""
    for decimals in (2, 1):
        texts = [[_number(v, decimals) for v in row] for row in rows]
        font = make_font(family, max(SMALLEST_PX, cell_h * 0.6))
        widest = max(rich_width(font, text) for row in texts for text in row)
        _fit(font, widest, cell_w * 0.9)
        if font.pixelSize() >= READABLE_PX:
            break
    return texts, font


def _number(value: float, decimals: int) -> str:
    """``format_number`` with one decimal when asked (a true minus sign, no "−0.0")."""
    if decimals == 2:
        return format_number(value)
    text = f"{value:.1f}"
    return ("0.0" if text == "-0.0" else text).replace("-", "−")
