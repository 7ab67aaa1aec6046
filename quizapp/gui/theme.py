"""Light and dark themes: a calm palette, the Fusion style, and text roles in place of a style sheet.

``apply_theme`` sets the application palette and font; widgets that paint themselves read colours
from ``current_colors()`` (or their palette), and re-render on ``QEvent.PaletteChange``.

A few widgets have a role (``set_role``): a heading, a muted note, a good or bad mark, the primary
button, a code listing. A role is a font and a few palette colours set on that widget alone, kept
up to date by ``apply_theme``. There is deliberately no application style sheet: with one, Qt
styles every widget through its (slow) style sheet engine, which cost about 45 ms at start-up.
Only the primary button keeps a small sheet of its own (a flat fill with padding). Check boxes,
radio buttons and item views get a class palette whose Window colour makes Fusion's indicator
outline ``ThemeColors.indicator`` (at least 3:1 against the box's fill, in both themes).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

# Passed to QApplication, so that Qt starts with Fusion: asking the application for its style
# from Python would build the QStyle wrapper and its hundreds of enum members (about 9 ms).
STYLE_ARGUMENTS = ("-style", "Fusion")


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
    # The outline of check boxes and radio buttons: at least 3:1 against ``base`` (WCAG 1.4.11).
    indicator: str


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
    indicator="#7d7a72",
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
    indicator="#8d939c",
)

_current: ThemeColors = LIGHT
_current_font_size = 11
_fusion_set = False
_indicators_set = ""  # the theme whose indicator palette is set


def current_colors() -> ThemeColors:
    """The colours of the theme applied last."""
    return _current


def resolve(theme: str) -> ThemeColors:
    """``light``, ``dark`` or ``system`` (the platform's colour scheme; light when unknown)."""
    if theme == "dark":
        return DARK
    if theme == "light":
        return LIGHT
    return DARK if system_is_dark() else LIGHT


def system_is_dark() -> bool:
    """Whether the platform's colour scheme is dark (False when the platform does not say)."""
    return bool(QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark)


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


# Fusion draws a check box's or radio button's outline in the Window colour darkened by this
# factor (QFusionStylePrivate::outline); the indicator palette sets Window so that the outline
# comes out as ``ThemeColors.indicator``.
FUSION_OUTLINE_DARKER = 140
INDICATOR_CLASSES = ("QCheckBox", "QRadioButton", "QAbstractItemView")


def indicator_palette(colors: ThemeColors) -> QPalette:
    """The palette of check boxes, radio buttons and item views (their check boxes): the app's,
    with a Window colour whose Fusion outline is ``colors.indicator``. None of these paints its
    background with Window (an item view paints Base), so only the outline changes."""
    palette = _palette(colors)
    outline = QColor(colors.indicator)
    source = QColor.fromHsvF(
        outline.hsvHueF() if outline.hsvHueF() >= 0 else 0.0,
        outline.hsvSaturationF(),
        min(1.0, outline.valueF() * FUSION_OUTLINE_DARKER / 100),
    )
    palette.setColor(QPalette.ColorRole.Window, source)
    return palette


def plain_buttons(box: QDialogButtonBox) -> None:
    """Text-only standard buttons: the style's icons are fixed dark pictures (the Close cross was
    dark on dark in the dark theme), and the words say it all."""
    for button in box.buttons():
        button.setIcon(QIcon())


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(color: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(color.redF())
            + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF())
        )

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@dataclass(frozen=True)
class RoleStyle:
    """How a role changes a widget: font size above the base, weight, colours by ThemeColors name;
    ``primary_button`` gives it ``primary_button_sheet``."""

    size_offset: int = 0
    bold: bool = False
    fixed_pitch: bool = False
    text: str = ""
    base: str = ""
    primary_button: bool = False


ROLES: dict[str, RoleStyle] = {
    "heading": RoleStyle(size_offset=6, bold=True),
    "subheading": RoleStyle(size_offset=2, bold=True),
    "muted": RoleStyle(text="muted"),
    "good": RoleStyle(text="good", bold=True),
    "bad": RoleStyle(text="bad", bold=True),
    "warn": RoleStyle(text="warn"),
    "primary": RoleStyle(bold=True, primary_button=True),
    "code": RoleStyle(fixed_pitch=True, base="alternate"),
}


def set_role(widget: QWidget, role: str) -> None:
    """Give ``widget`` a role of ``ROLES`` ("" for none) and style it for the current theme.

    Setting the role a widget already has changes nothing (the "read as" line sets its role on
    every keystroke); ``apply_theme`` restyles every role when the theme or font size changes."""
    if role and role not in ROLES:
        raise ValueError(f"unknown role {role!r}; known: {', '.join(ROLES)}")
    if widget.property("role") == role:
        return
    widget.setProperty("role", role)
    _style(widget, ROLES.get(role, RoleStyle()), _current, _current_font_size)


def role_font(style: RoleStyle, font_size: int) -> QFont:
    """The font a role sets: only what it changes, the rest inherited from the parent."""
    font = QFont()
    if style.fixed_pitch:
        font.setFamilies(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).families())
    if style.size_offset:
        font.setPointSize(font_size + style.size_offset)
    if style.bold:
        font.setWeight(QFont.Weight.DemiBold)
    return font


def role_palette(style: RoleStyle, colors: ThemeColors) -> QPalette:
    """The palette a role sets: only the colours it changes, the rest inherited."""
    palette = QPalette()
    role = QPalette.ColorRole
    if style.text:
        palette.setColor(role.WindowText, QColor(getattr(colors, style.text)))
        palette.setColor(role.Text, QColor(getattr(colors, style.text)))
    if style.base:
        palette.setColor(role.Base, QColor(getattr(colors, style.base)))
    return palette


def primary_button_sheet(colors: ThemeColors) -> str:
    """The primary button's own style sheet: a flat accent fill with room around the text, which
    the Fusion style cannot draw from a palette."""
    return (
        f"QPushButton {{ background: {colors.accent}; color: {colors.accent_text}; border: none;"
        " border-radius: 4px; padding: 6px 18px; }"
        f" QPushButton:disabled {{ background: {colors.paper_border}; color: {colors.muted}; }}"
        f" QPushButton:focus {{ border: 2px solid {colors.text}; padding: 4px 16px; }}"
    )


def _style(widget: QWidget, style: RoleStyle, colors: ThemeColors, font_size: int) -> None:
    widget.setFont(role_font(style, font_size))
    widget.setPalette(role_palette(style, colors))
    sheet = primary_button_sheet(colors) if style.primary_button else ""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def _restyle_roles(app: QApplication, colors: ThemeColors, font_size: int) -> None:
    for widget in app.allWidgets():
        role = widget.property("role")
        if isinstance(role, str) and role in ROLES:
            _style(widget, ROLES[role], colors, font_size)


def style_set_by_arguments() -> None:
    """Note that the QApplication was created with ``STYLE_ARGUMENTS`` (Fusion is in place)."""
    global _fusion_set
    _fusion_set = True


def apply_theme(app: QApplication, theme: str, font_size: int) -> ThemeColors:
    """Apply the theme and base font size to the whole application; returns its colours."""
    global _current, _current_font_size, _fusion_set, _indicators_set
    colors = resolve(theme)
    changed = (colors, font_size) != (_current, _current_font_size)
    _current, _current_font_size = colors, font_size
    # Each of these re-polishes every widget: skip the ones that would change nothing.
    if not _fusion_set:
        app.setStyle("Fusion")
        _fusion_set = True
    palette = _palette(colors)
    if app.palette() != palette:
        app.setPalette(palette)
    if _indicators_set != colors.name:
        _indicators_set = colors.name
        indicators = indicator_palette(colors)
        for class_name in INDICATOR_CLASSES:
            # PySide takes the class name as str; its stubs say bytes.
            app.setPalette(indicators, class_name)  # type: ignore[arg-type]
    if app.font().pointSize() != font_size:
        font = QFont(app.font())
        font.setPointSize(font_size)
        app.setFont(font)
    if changed:
        _restyle_roles(app, colors, font_size)
    return colors
