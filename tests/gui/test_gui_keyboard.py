"""The whole flow without the mouse: Ctrl+N, typing, Enter, arrows, Esc, F1, 1–9, Tab order."""

from __future__ import annotations

from gui_fixtures import _shared_formula_cache, formula_cache, started  # noqa: F401 - fixtures
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from quizapp.gui.app import Started
from quizapp.gui.sample_answers import sample_answer
from quizapp.gui.views.shortcuts import ShortcutsDialog


def test_drill_by_keyboard(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    window = started.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.current_page() == "home"
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_page() == "drill")
    drill = window.drill_controller.drill
    assert drill is not None
    fields = window.drill.sheet.fields
    first_key = drill.asked[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is fields[first_key].edit)
    answer = sample_answer(drill)
    for index, key in enumerate(drill.asked):
        focused = QApplication.focusWidget()
        assert isinstance(focused, QLineEdit) and focused is fields[key].edit
        qtbot.keyClicks(focused, answer.texts[key])
        if index + 1 < len(drill.asked):
            qtbot.keyClick(focused, Qt.Key.Key_Tab)
    with qtbot.waitSignal(window.drill_controller.graded):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    seed = drill.spec.seed
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    next_drill = window.drill_controller.drill
    assert next_drill is not None and window.drill_controller.grade is None
    assert next_drill is not drill or next_drill.spec.seed != seed
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.current_page() == "home"


def test_f1_opens_the_shortcuts_sheet(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    window = started.window
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(window.findChildren(ShortcutsDialog)))
    dialog = window.findChildren(ShortcutsDialog)[0]
    assert dialog.table.rowCount() >= 10
    assert {"Ctrl+N", "Esc", "Ctrl+Q", "F1 or ?"} <= set(dialog.keys_shown())
    dialog.close()


def test_ctrl_q_closes_the_window(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    window = started.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(window.closing):
        qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_escape_goes_back_through_pages(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    window = started.window
    window.show_page("settings")
    window.show_page("question")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.current_page() == "settings"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.current_page() == "home"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.current_page() == "home"


def test_home_tab_order_follows_reading_order(started: Started) -> None:  # noqa: F811
    home = started.window.home
    for row in range(home.cell_list.count()):  # GRU among the cells: its convention is asked
        item = home.cell_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == "gru":
            item.setCheckState(Qt.CheckState.Checked)
    chain = [home.cell_list]
    for _ in range(8):
        chain.append(chain[-1].nextInFocusChain())
        # Tab skips widgets without tab focus and hidden ones ("Back to your drill" until needed).
        while not (
            chain[-1].focusPolicy() & Qt.FocusPolicy.TabFocus and chain[-1].isVisibleTo(home)
        ):
            chain[-1] = chain[-1].nextInFocusChain()
    expected = [
        home.cell_list,
        home.quantity_list,
        home.difficulty_box,
        home.convention_box,
        home.start_drills,
        home.topic_list,
        home.type_list,
        home.question_difficulty_box,
        home.start_questions,
    ]
    assert chain == expected
