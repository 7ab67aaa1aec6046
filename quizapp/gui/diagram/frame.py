"""How the diagram widget divides its rectangle: the picture on top, then the caption (the stage and
its equation, wrapped), then the values of the drill in columns, every text at the body size.

The picture takes what the texts leave; its scale also leaves room for the terminal names, which
are drawn at the body size and may reach past the grid.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from quizapp.gui.diagram.model import Diagram
from quizapp.gui.diagram.painter import View
from quizapp.gui.diagram.rich import make_font, rich_height, rich_width, wrap_rich
from quizapp.gui.diagram.tags import terminal_overflow

INPUT_KEYS = ("h_prev", "x", "c_prev", "c_low", "active")  # listed before the stages' values
GAP = 0.5  # between the picture, the caption and the values, in lines


@dataclass(frozen=True)
class FrameLine:
    """One line of text below the picture; ``role`` is "title", "equation" or "value"."""

    role: str
    key: str  # the quantity of a value line ("" otherwise)
    text: str
    font: QFont
    rect: QRectF
    baseline: float


@dataclass(frozen=True)
class DiagramFrame:
    """The picture's view (None when there is no room or no cell) and the text lines."""

    view: View | None
    lines: tuple[FrameLine, ...]


def layout_frame(
    diagram: Diagram | None,
    family: str,
    text_px: float,
    rect: QRectF,
    caption: tuple[str, str],
    values: Sequence[tuple[str, str]],
) -> DiagramFrame:
    """Divide ``rect`` (see the module docstring); ``values`` are (key, text) rows."""
    width = rect.width()
    bold = make_font(family, text_px, bold=True)
    plain = make_font(family, text_px)
    metrics = QFontMetricsF(plain)
    line = metrics.lineSpacing()
    caption_lines: list[tuple[str, str, QFont]] = []
    for role, text, font in (("title", caption[0], bold), ("equation", caption[1], plain)):
        if text:
            caption_lines.extend((role, part, font) for part in wrap_rich(font, text, width))
    values = [(key, fit_value(plain, text, width)) for key, text in values]
    heights = [max(line, rich_height(font, text)) for _, text, font in caption_lines]
    caption_height = sum(heights)
    column = max((rich_width(plain, text) for _, text in values), default=0.0) + 2 * line
    columns = max(1, int((width + 2 * line) // column)) if values else 1
    rows = math.ceil(len(values) / columns)
    values_height = rows * (line + metrics.ascent() * 0.15) + (GAP * line if values else 0.0)
    picture = QRectF(
        rect.left(),
        rect.top(),
        width,
        rect.height() - caption_height - values_height - GAP * line,
    )
    view = _picture_view(diagram, family, text_px, picture)
    used = picture.height()
    if view is not None and diagram is not None:
        used = (
            view.top
            + diagram.height * view.scale
            - rect.top()
            + _bottom_overflow(diagram, family, text_px, view.scale)
        )
    lines: list[FrameLine] = []
    y = rect.top() + used + GAP * line
    for (role, text, font), height in zip(caption_lines, heights, strict=True):
        box = QRectF(rect.left(), y, width, height - 0.5)
        lines.append(FrameLine(role, "", text, font, box, y + QFontMetricsF(font).ascent()))
        y += height
    y += GAP * line
    row_height = line + metrics.ascent() * 0.15
    for index, (key, text) in enumerate(values):
        col, row = divmod(index, rows) if rows else (0, 0)
        box = QRectF(rect.left() + col * column, y + row * row_height, column, row_height - 0.5)
        lines.append(FrameLine("value", key, text, plain, box, box.top() + metrics.ascent()))
    return DiagramFrame(view, tuple(lines))


def _picture_view(
    diagram: Diagram | None, family: str, text_px: float, area: QRectF
) -> View | None:
    """The largest view of ``diagram`` in ``area`` that keeps the terminal names inside it."""
    if diagram is None or area.width() <= 0 or area.height() <= 0:
        return None
    font = make_font(family, text_px, italic=True)
    scale = min(area.width() / diagram.width, area.height() / diagram.height)
    edges = (0.0, 0.0, 0.0, 0.0)
    for _ in range(4):  # the overflow depends on the scale: a few rounds settle it
        edges = terminal_overflow(diagram, font, scale)
        room_w = area.width() - edges[0] - edges[2]
        room_h = area.height() - edges[1] - edges[3]
        if room_w <= 0 or room_h <= 0:
            return None
        scale = min(room_w / diagram.width, room_h / diagram.height)
    edges = terminal_overflow(diagram, font, scale)
    room_w = area.width() - edges[0] - edges[2]
    left = area.left() + edges[0] + max(0.0, (room_w - diagram.width * scale) / 2)
    return View(scale, left, area.top() + edges[1])


def _bottom_overflow(diagram: Diagram, family: str, text_px: float, scale: float) -> float:
    return terminal_overflow(diagram, make_font(family, text_px, italic=True), scale)[3]


def fit_value(font: QFont, text: str, width: float) -> str:
    """``"C_t = [0.12, −0.30, 0.45, 0.06, …]"`` shortened number by number (ending in "…") until it
    is at most ``width`` wide; a row that fits, or has one number left, is kept as it is."""
    head, bracket, inner = text.partition("[")
    if rich_width(font, text) <= width or not bracket or not inner.endswith("]"):
        return text
    numbers = [n for n in inner[:-1].split(", ") if n != "…"]
    while len(numbers) > 1:
        numbers.pop()
        text = f"{head}[{', '.join(numbers)}, …]"
        if rich_width(font, text) <= width:
            break
    return text
