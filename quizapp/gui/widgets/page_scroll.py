"""PageDown / PageUp for a page's scroll area wherever the focus is on the page.

The scroll areas of the drill and study pages take no Tab stop (a focused scroll area shows no
focus ring, so a keyboard learner lost track of the focus there); a page passes its unhandled key
presses here instead, so that the keys still scroll the page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSlider, QScrollArea

_ACTIONS = {
    Qt.Key.Key_PageDown: QAbstractSlider.SliderAction.SliderPageStepAdd,
    Qt.Key.Key_PageUp: QAbstractSlider.SliderAction.SliderPageStepSub,
}


def scroll_page(area: QScrollArea, event: QKeyEvent) -> bool:
    """Scroll ``area`` by a page for PageDown / PageUp (``event`` accepted); False for other keys."""
    if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return False
    action = _ACTIONS.get(Qt.Key(event.key()))
    if action is None:
        return False
    area.verticalScrollBar().triggerAction(action)
    event.accept()
    return True
