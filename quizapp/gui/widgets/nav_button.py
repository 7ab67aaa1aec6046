"""A flat button that shows it has the keyboard focus.

Fusion draws no panel for a flat button, and with it no focus ring: Tab stopped on the window's
Home / Settings / Shortcuts links without a visible mark. This button is flat except while the
keyboard has brought the focus to it, when the style draws it as a normal button with its
highlighted focus outline.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPushButton, QWidget

KEYBOARD_REASONS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)


class NavButton(QPushButton):
    """A flat link-like button, raised while focused."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setFlat(True)

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Raised when the keyboard brought the focus (as Fusion shows focus rings only then).
        if event.reason() in KEYBOARD_REASONS:
            self.setFlat(False)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.setFlat(True)
        super().focusOutEvent(event)
