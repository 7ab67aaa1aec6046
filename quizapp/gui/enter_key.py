"""Enter presses the focused push button, anywhere in the app (Qt does that only in dialogs).

Installed once on the application: a Return or Enter key press without Ctrl, Alt or Shift that
reaches an enabled ``QPushButton`` or ``QToolButton`` clicks it. Answer fields are line edits and
keep their own Enter (submit / check).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton, QToolButton

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_BLOCKING = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.MetaModifier
)


class EnterClicksButtons(QObject):
    """The application-wide event filter (see the module docstring)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER
            and not event.modifiers() & _BLOCKING
            and isinstance(watched, (QPushButton, QToolButton))
            and watched.isEnabled()
            and watched.hasFocus()
        ):
            watched.click()
            return True
        return super().eventFilter(watched, event)


def install(app: QApplication) -> EnterClicksButtons:
    """Install the filter on ``app`` once (it is kept as the application's child)."""
    existing = app.findChild(EnterClicksButtons)
    if existing is not None:
        return existing
    enter = EnterClicksButtons(app)
    app.installEventFilter(enter)
    return enter
