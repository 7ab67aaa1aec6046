"""Text with lowered subscripts (``labels.split_subscripts`` markup) drawn with QPainter: fonts,
sizes, drawing, and wrapping a caption into lines of a given width."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from quizapp.gui.diagram import labels


def make_font(family: str, pixels: float, *, bold: bool = False, italic: bool = False) -> QFont:
    """A font of ``family`` at ``pixels`` (at least 7 px so it stays legible)."""
    font = QFont(family)
    font.setPixelSize(max(7, round(pixels)))
    font.setBold(bold)
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def sub_font(font: QFont) -> QFont:
    """The font of a subscript of ``font``."""
    sub = QFont(font)
    sub.setPixelSize(max(6, round(font.pixelSize() * 0.72)))
    return sub


def rich_width(font: QFont, text: str) -> float:
    """Width in pixels of ``text`` with its subscripts."""
    main, sub = QFontMetricsF(font), QFontMetricsF(sub_font(font))
    return sum(
        (sub if lowered else main).horizontalAdvance(span)
        for span, lowered in labels.split_subscripts(text)
    )


def rich_height(font: QFont, text: str) -> float:
    """Height in pixels of one line of ``text``: the font's height, and the lowered subscripts."""
    main = QFontMetricsF(font)
    if any(lowered for _, lowered in labels.split_subscripts(text)):
        return main.height() + main.ascent() * 0.15
    return main.height()


def draw_rich(painter: QPainter, font: QFont, text: str, left: float, baseline: float) -> None:
    """Draw ``text`` with lowered subscripts starting at ``left`` on ``baseline``."""
    lowered_font = sub_font(font)
    main, sub = QFontMetricsF(font), QFontMetricsF(lowered_font)
    x = left
    for span, lowered in labels.split_subscripts(text):
        painter.setFont(lowered_font if lowered else font)
        shift = main.ascent() * 0.3 if lowered else 0.0
        painter.drawText(QPointF(x, baseline + shift), span)
        x += (sub if lowered else main).horizontalAdvance(span)


def draw_rich_centered(painter: QPainter, font: QFont, text: str, center: QPointF) -> None:
    """Draw ``text`` centred on ``center`` (the main letters' box, subscripts hang below)."""
    metrics = QFontMetricsF(font)
    width = rich_width(font, text)
    baseline = center.y() + (metrics.ascent() - metrics.descent()) / 2
    if any(lowered for _, lowered in labels.split_subscripts(text)):
        baseline -= metrics.ascent() * 0.12
    draw_rich(painter, font, text, center.x() - width / 2, baseline)


def wrap_rich(font: QFont, text: str, width: float) -> list[str]:
    """``text`` in lines no wider than ``width`` (broken at spaces; a word wider than the line,
    such as a run of Chinese, is broken between its characters, never inside a subscript)."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if rich_width(font, candidate) <= width or (not current and not _breakable(word)):
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while rich_width(font, current) > width and _breakable(current):
            cut = len(current) - 1
            while cut > 1 and rich_width(font, current[:cut]) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current or not lines:
        lines.append(current)
    return lines


def _breakable(word: str) -> bool:
    """A word that may be broken between characters: no subscript markup in it."""
    return "_" not in word and len(word) > 1
