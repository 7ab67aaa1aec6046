"""Moving the focus for the learner, with the focus drawn.

Fusion draws a button's focus outline (and a check box's tint) only while the window carries
Qt's ``WA_KeyboardFocusChange`` flag. Qt sets it when Tab or a shortcut moves the focus and clears
it on any other focus change, a page switch included. So when the app itself moved the focus
after a key (to "Next" once an answer is checked, to "Confirm" on a report), the button that
Enter now presses showed no mark. Giving the focus with the shortcut reason sets the flag.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def give_focus(widget: QWidget) -> None:
    """Focus ``widget`` the way a shortcut would, so the style draws its focus mark."""
    widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
