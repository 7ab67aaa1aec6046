"""The focus the app gives after a check is drawn: a keyboard learner sees where Enter goes.

Fusion draws a plain button's focus outline only while Qt's keyboard-focus flag is set, and a page
switch clears it; "Next" (practice questions) and "Another like this" (drills) took the focus with
no mark. Both tests fail on the code before ``give_focus``.
"""

from __future__ import annotations

from gui_fixtures import (  # noqa: F401 - fixtures
    _shared_formula_cache,
    formula_cache,
    open_questions,
    started,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from quizapp.gui.app import Started
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.sample_answers import typed


def _looks_focused(qtbot: QtBot, widget: QWidget) -> bool:
    """Whether the style draws ``widget``'s focus: its look changes when the focus leaves it the
    way a click takes it (which cannot set the keyboard-focus flag)."""
    widget.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    focused = widget.grab().toImage()
    widget.window().setFocus(Qt.FocusReason.MouseFocusReason)
    assert QApplication.focusWidget() is not widget
    return widget.grab().toImage() != focused


def test_next_shows_its_focus_after_a_free_text_check(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    open_questions(started, qtbot, "free_text")
    window = started.window
    view = window.question
    qtbot.keyClicks(QApplication.focusWidget(), "Something unrelated.")
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: view.grade is not None)
    assert window.focusWidget() is view.next_button
    assert _looks_focused(qtbot, view.next_button)


def test_another_shows_its_focus_after_a_drill_check(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    window = started.window
    assert window.open_drills(DrillPlan(("gru",), ("h",), "standard"), seed=3)
    drill = window.drill_controller.drill
    assert drill is not None
    wrong = tuple(v + 1.0 for v in drill.expected["h"])
    window.drill.sheet.fields["h"].set_text(typed(wrong, 6))
    window.drill.submit()
    qtbot.waitUntil(lambda: window.drill_controller.grade is not None)
    assert window.focusWidget() is window.drill.another_button
    assert _looks_focused(qtbot, window.drill.another_button)
