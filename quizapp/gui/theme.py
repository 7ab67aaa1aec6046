"""Light and dark themes: a calm palette, the Fusion style and one small style sheet.

``apply_theme`` sets the application palette and font; widgets that paint themselves read colours
from ``current_colors()`` (or their palette), and re-render on ``QEvent.PaletteChange``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class ThemeColors:
    """The handful of colours the app uses, as ``#rrggbb``."""

    name: str
    window: str
    paper: str
    paper_border: str
    text: str
    muted: str
    accent: str
    accent_text: str
    good: str
    bad: str
    warn: str
    banner_error: str
    banner_info: str
    base: str
    alternate: str
    button: str


LIGHT = ThemeColors(
    name="light",
    window="#eeece6",
    paper="#fffefa",
    paper_border="#d9d5ca",
    text="#1f2328",
    muted="#5f6368",
    accent="#2f6690",
    accent_text="#ffffff",
    good="#23784a",
    bad="#b3261e",
    warn="#8a5300",
    banner_error="#fbe3e0",
    banner_info="#e3eef7",
    base="#ffffff",
    alternate="#f6f4ef",
    button="#f7f6f2",
)

DARK = ThemeColors(
    name="dark",
    window="#1d1f23",
    paper="#25282d",
    paper_border="#3a3e45",
    text="#e4e4e2",
    muted="#a0a4aa",
    accent="#7fb2d9",
    accent_text="#10161c",
    good="#7cc79b",
    bad="#f08b80",
    warn="#e0b060",
    banner_error="#4a2623",
    banner_info="#1f3547",
    base="#2b2e34",
    alternate="#30343a",
    button="#33373e",
)

_current: ThemeColors = LIGHT


def current_colors() -> ThemeColors:
    """The colours of the theme applied last."""
    return _current


def resolve(theme: str) -> ThemeColors:
    """``light``, ``dark`` or ``system`` (the platform's colour scheme; light when unknown)."""
    if theme == "dark":
        return DARK
    if theme == "light":
        return LIGHT
    scheme = QGuiApplication.styleHints().colorScheme()
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def _palette(colors: ThemeColors) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: colors.window,
        role.WindowText: colors.text,
        role.Base: colors.base,
        role.AlternateBase: colors.alternate,
        role.Text: colors.text,
        role.Button: colors.button,
        role.ButtonText: colors.text,
        role.Highlight: colors.accent,
        role.HighlightedText: colors.accent_text,
        role.ToolTipBase: colors.paper,
        role.ToolTipText: colors.text,
        role.PlaceholderText: colors.muted,
        role.Link: colors.accent,
        role.BrightText: colors.bad,
    }
    for color_role, value in pairs.items():
        palette.setColor(color_role, QColor(value))
    disabled = QColor(colors.muted)
    for color_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, color_role, disabled)
    return palette


def style_sheet(colors: ThemeColors, font_size: int = 11) -> str:
    """The few rules the palette cannot express: the paper sheet, banners, marks, headings."""
    return f"""
QFrame#paper {{
    background: {colors.paper};
    border: 1px solid {colors.paper_border};
    border-radius: 6px;
}}
QFrame#card {{
    background: {colors.paper};
    border: 1px solid {colors.paper_border};
    border-radius: 8px;
}}
QLabel[role="heading"] {{ font-size: {font_size + 6}pt; font-weight: 600; }}
QLabel[role="subheading"] {{ font-size: {font_size + 2}pt; font-weight: 600; }}
QLabel[role="muted"] {{ color: {colors.muted}; }}
QLabel[role="good"] {{ color: {colors.good}; font-weight: 600; }}
QLabel[role="bad"] {{ color: {colors.bad}; font-weight: 600; }}
QLabel[role="warn"] {{ color: {colors.warn}; }}
QFrame#banner[kind="error"] {{ background: {colors.banner_error}; border-radius: 4px; }}
QFrame#banner[kind="info"] {{ background: {colors.banner_info}; border-radius: 4px; }}
QPushButton[role="primary"] {{
    background: {colors.accent};
    color: {colors.accent_text};
    border: none;
    border-radius: 4px;
    padding: 6px 18px;
    font-weight: 600;
}}
QPushButton[role="primary"]:disabled {{ background: {colors.paper_border}; }}
QPlainTextEdit#code {{ font-family: monospace; background: {colors.alternate}; }}
"""


def apply_theme(app: QApplication, theme: str, font_size: int) -> ThemeColors:
    """Apply the theme and base font size to the whole application; returns its colours."""
    global _current
    colors = resolve(theme)
    _current = colors
    # Each of these re-polishes every widget: skip the ones that would change nothing.
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    palette = _palette(colors)
    if app.palette() != palette:
        app.setPalette(palette)
    if app.font().pointSize() != font_size:
        font = QFont(app.font())
        font.setPointSize(font_size)
        app.setFont(font)
    sheet = style_sheet(colors, font_size)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    return colors
