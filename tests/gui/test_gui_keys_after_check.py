"""Keys after an answer is checked (Alt+←/→, Ctrl+Enter, 1–9 on key points), Enter on focused
buttons, and the F1 sheet listing every key the app binds, fitting at 18 pt."""

from __future__ import annotations

import pytest
from gui_fixtures import (  # noqa: F401 - fixtures
    _shared_formula_cache,
    formula_cache,
    open_questions,
    started,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from quizapp.gui import keys, theme, translations
from quizapp.gui.app import Started
from quizapp.gui.views.answers.free_text import FreeTextAnswer
from quizapp.gui.views.shortcuts import ShortcutsDialog

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _focused() -> object:
    return QApplication.focusWidget()


def _key(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def test_alt_arrows_after_checking_a_choice(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    open_questions(started, qtbot, "single_choice")
    view = started.window.question
    _key(qtbot, Qt.Key.Key_1)
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: view.grade is not None)
    assert _focused() is view.next_button  # the locked answer gave the focus to "Next"
    _key(qtbot, Qt.Key.Key_Right, ALT)
    assert view.index == 1
    _key(qtbot, Qt.Key.Key_Left, ALT)
    assert view.index == 0


def test_alt_arrows_and_ctrl_enter_after_a_typed_answer(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    open_questions(started, qtbot, "numeric")
    view = started.window.question
    assert isinstance(_focused(), QLineEdit)
    qtbot.keyClicks(_focused(), "3")
    _key(qtbot, Qt.Key.Key_Return)  # Enter in the answer field still checks
    qtbot.waitUntil(lambda: view.grade is not None)
    assert not view.check_button.isEnabled()
    _key(qtbot, Qt.Key.Key_Return, CTRL)  # once checked, Ctrl+Enter goes on
    assert view.index == 1 and view.grade is None
    _key(qtbot, Qt.Key.Key_Left, ALT)
    assert view.index == 0
    # Even with the focus outside the page (a navigation button), the arrows still work.
    started.window.home_button.setFocus()
    _key(qtbot, Qt.Key.Key_Right, ALT)
    assert view.index == 1


def test_last_question_keeps_focus_on_the_page(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    open_questions(started, qtbot, "single_choice")
    view = started.window.question
    view.show_question(2)
    _key(qtbot, Qt.Key.Key_2)
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: view.grade is not None)
    assert _focused() is view.scroll_area
    _key(qtbot, Qt.Key.Key_Left, ALT)
    assert view.index == 1


def test_free_text_check_button_is_disabled_once_checked(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    open_questions(started, qtbot, "free_text")
    view = started.window.question
    assert view.answer is not None
    view.answer.fill_plausible()
    view.check()
    qtbot.waitUntil(lambda: view.grade is not None)
    assert not view.check_button.isEnabled()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_presses_the_focused_button(started: Started, qtbot: QtBot, key: Qt.Key) -> None:  # noqa: F811
    window = started.window
    window.activateWindow()
    home = window.home
    home.start_drills.setFocus()
    qtbot.waitUntil(lambda: _focused() is home.start_drills)
    with qtbot.waitSignal(home.start_drills.clicked, timeout=2000):
        qtbot.keyClick(home.start_drills, key)
    qtbot.waitUntil(lambda: window.current_page() == "drill")
    another = window.drill.another_button
    seed = window.drill_controller.drill.spec.seed  # type: ignore[union-attr]
    another.setFocus()
    with qtbot.waitSignal(another.clicked, timeout=2000):
        qtbot.keyClick(another, key)
    assert window.drill_controller.drill.spec.seed != seed  # type: ignore[union-attr]


def test_enter_with_ctrl_on_a_button_is_not_a_click(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    home = started.window.home
    clicks: list[bool] = []
    home.start_drills.clicked.connect(lambda: clicks.append(True))
    home.start_drills.setFocus()
    qtbot.keyClick(home.start_drills, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.wait(300)
    assert clicks == []


def _build_every_page(app: Started) -> None:
    window = app.window
    for name in ("home", "drill", "question", "settings"):
        window.page(name)
    assert app.study is not None
    app.study.page  # noqa: B018 - the session page binds its own keys


def test_every_bound_key_is_in_the_table(started: Started) -> None:  # noqa: F811
    _build_every_page(started)
    bound = {s.key().toString() for s in started.window.findChildren(QShortcut)}
    assert {"Alt+Right", "Ctrl+Z", "1", "4", "Ctrl+D", "Esc", "F1", "Left"} <= bound
    assert bound <= keys.bound_sequences()


def test_sheet_lists_every_entry_with_undo_and_ratings(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    window = started.window
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(window.findChildren(ShortcutsDialog)))
    dialog = window.findChildren(ShortcutsDialog)[0]
    shown = dialog.keys_shown()
    assert shown == [keys.translated(entry.keys) for entry in keys.SHORTCUTS]
    assert {"Ctrl+Z", "1 – 4", "1 – 9", "Alt+← / Alt+→", "Ctrl+N", "Esc", "F1 or ?"} <= set(shown)
    dialog.close()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_sheet_fits_at_18_pt_in_the_smallest_window(
    started: Started,  # noqa: F811
    qtbot: QtBot,
    language: str,
) -> None:
    translations.set_language(language)
    theme.apply_theme(started.app, "dark", 18)
    window = started.window
    window.resize(1024, 700)
    window.show_shortcuts()
    qtbot.waitUntil(lambda: bool(window.findChildren(ShortcutsDialog)))
    dialog = window.findChildren(ShortcutsDialog)[0]
    qtbot.waitExposed(dialog)
    table = dialog.table
    rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
    line = dialog.fontMetrics().height()
    assert dialog.font().pointSize() == 18
    assert all(table.rowHeight(row) >= line for row in range(table.rowCount()))  # none cut
    assert rows <= table.viewport().height()  # every row on screen, no scrolling
    assert table.verticalScrollBar().maximum() == 0
    assert dialog.width() <= 1024 and dialog.height() <= 700
    assert isinstance(dialog.findChild(QPushButton), QPushButton)
    dialog.close()


def test_number_keys_tick_points_after_free_text(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    open_questions(started, qtbot, "free_text")
    view = started.window.question
    qtbot.keyClicks(_focused(), "Something unrelated.")
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: view.grade is not None)
    assert isinstance(view.answer, FreeTextAnswer)
    checks = view.answer.checks
    assert not checks[1].isChecked()
    _key(qtbot, Qt.Key.Key_2)  # wherever the focus is after checking, 2 ticks the second point
    assert checks[1].isChecked()
    _key(qtbot, Qt.Key.Key_2)
    assert not checks[1].isChecked()
