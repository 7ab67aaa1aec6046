"""Messages on the main window's status line that add to each other instead of replacing.

At start-up several problems may need saying at once (a damaged settings file, a log folder that
cannot be written, a history restored from a backup); ``showMessage`` alone would keep only the
last. ``tell`` keeps what is still shown and adds the new message after it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

SEPARATOR = "  ·  "


def tell(window: QMainWindow, text: str, timeout_ms: int = 0) -> None:
    """Show ``text`` on the status line after the message still shown (if any, and different)."""
    bar = window.statusBar()
    current = bar.currentMessage()
    if current and text in current.split(SEPARATOR):
        return  # said already
    bar.showMessage(current + SEPARATOR + text if current else text, timeout_ms)
