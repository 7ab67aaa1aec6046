"""Print a drill sheet's HTML to a PDF with Qt's own writer (``QPdfWriter`` + ``QTextDocument``).

A CJK-capable family is chosen through ``QFontDatabase`` for Chinese sheets (and as the fallback
of English ones), so every glyph has a font. Needs a ``QGuiApplication``; ``ensure_gui_app``
makes one on the offscreen platform when the command line runs without a window system.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from questions.vocab import Lang

LATIN_FAMILIES = ("Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial")
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC",
                "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC")  # fmt: skip
POINT_SIZE = 9
MARGIN_MM = 15.0
_KEEP: list[QGuiApplication] = []


def ensure_gui_app() -> None:
    """A ``QGuiApplication`` for fonts and layout; offscreen unless a platform is chosen."""
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _KEEP.append(QGuiApplication(["quizapp"]))


def cjk_family() -> str | None:
    """An installed family that writes Simplified Chinese, preferring the known good ones."""
    installed = QFontDatabase.families()
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return chinese[0] if chinese else None


def sheet_font(lang: Lang) -> QFont:
    """The body font: a Latin family (its combining marks draw C̃_t, which CJK fonts drop), then a
    CJK family for the Chinese characters. ``lang`` zh without any CJK family is an error."""
    installed = set(QFontDatabase.families())
    latin = [f for f in LATIN_FAMILIES if f in installed][:1]
    cjk = cjk_family()
    if cjk is None and lang == "zh":
        raise OSError("no font with Chinese characters is installed (e.g. Noto Sans CJK SC)")
    families = latin + ([cjk] if cjk else [])
    font = QFont()
    if families:
        font.setFamilies(families)
    font.setPointSize(POINT_SIZE)
    return font


def write_pdf(html: str, target: Path, lang: Lang, title: str) -> int:
    """Write ``html`` to ``target`` as A4 pages; returns the number of pages.

    ``OSError`` when the file cannot be written (Qt only reports that by an unopened device).
    """
    ensure_gui_app()
    writer = QPdfWriter(str(target))
    writer.setTitle(title)
    writer.setCreator("quizapp")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # lay out at the PDF's resolution
    document.setDefaultFont(sheet_font(lang))
    document.setHtml(html)
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    pages = document.pageCount()
    document.print_(writer)
    del writer  # closes and flushes the file
    if not target.is_file() or target.stat().st_size == 0:
        raise OSError(f"{target}: the PDF could not be written")
    return pages
