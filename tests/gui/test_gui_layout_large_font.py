"""The smallest window at the largest font (1024×700, 18 pt, Chinese): home names whole, boxes as
wide as their text, the seed field holding its digits, worked lines broken instead of scrolled,
"More" buttons that shrink back, equal settings boxes, a window title without the app name twice."""

from __future__ import annotations

from gui_fixtures import _shared_formula_cache, formula_cache, started  # noqa: F401 - fixtures
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox, QPushButton
from pytestqt.qtbot import QtBot

from quizapp.formulas.breaking import break_latex, flat_parentheses, visible_length
from quizapp.gui.app import Started
from quizapp.gui.widgets.broken_formulas import BrokenFormulas

LONG = (
    r"f_{t,1} = \sigma\left(0.462 \cdot (-2.251) + 0.225 \cdot (-0.139) + 0.041 \cdot 0.033"
    r" + 0.277 \cdot (-1.425) + 0.113 \cdot 0.333 + 0.417 \cdot (-0.651) + 0.093 + 0.009\right)"
    r" = \sigma\left(-1.595\right)"
)


def _large(app: Started, qtbot: QtBot) -> None:
    app.window.resize(1024, 700)
    app.state.update(font_size=18, interface_language="zh", content_language="zh", theme="dark")
    qtbot.waitUntil(lambda: QApplication.font().pointSize() == 18)
    QApplication.processEvents()


def test_break_latex_keeps_every_term_and_the_budget() -> None:
    pieces = break_latex(LONG, 40)
    assert len(pieces) >= 3
    assert " ".join(pieces) == flat_parentheses(LONG)  # nothing lost, nothing added
    assert all(piece.startswith(("+ ", "= ")) for piece in pieces[1:])
    assert all(visible_length(piece) <= 40 for piece in pieces)
    assert break_latex(r"h_{t,1} = 0.369 \cdot \tanh\left(0.415\right)", 40) == (
        r"h_{t,1} = 0.369 \cdot \tanh\left(0.415\right)",
    )
    assert visible_length(r"\sigma\left(1\right)") == 4


def test_worked_lines_fit_the_sheet_at_18_pt(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    _large(started, qtbot)
    window = started.window
    window.open_drills(window.home.current_plan(), seed=7)
    drill = window.drill_controller.drill
    assert drill is not None
    window.drill.reveal()
    feedback = window.drill.feedback
    feedback.show_all_steps()
    qtbot.waitUntil(lambda: bool(feedback.findChildren(BrokenFormulas)))
    QApplication.processEvents()
    column = window.drill.scroll_area.viewport()
    assert window.drill.scroll_area.horizontalScrollBar().maximum() == 0
    broken = [b for b in feedback.findChildren(BrokenFormulas) if b.isVisible()]
    assert broken
    assert any(level == 1 for b in broken for level, _ in b.shown())  # some line was broken
    for lines in broken:
        assert lines.width() <= column.width()
        for _level, piece in lines.shown():
            assert visible_length(piece) <= lines.max_chars(lines.width()) or " + " not in piece


def test_seed_field_holds_its_digits(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    window = started.window
    window.open_drills(window.home.current_plan(), seed=999999)
    seed = window.drill.seed_edit
    for size in (18, 11):
        started.state.update(font_size=size)
        qtbot.waitUntil(lambda size=size: QApplication.font().pointSize() == size)
        QApplication.processEvents()
        text = seed.fontMetrics().horizontalAdvance(seed.text())
        assert seed.width() >= text + 2 * seed.fontMetrics().averageCharWidth(), size
    assert seed.text() == "999999"


def test_home_at_18_pt_shows_names_and_boxes_whole(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    _large(started, qtbot)
    home = started.window.home
    QApplication.processEvents()
    for box in (home.difficulty_box, home.convention_box):
        assert box.width() >= box.sizeHint().width(), box.currentText()
    for widget in (home.cell_list, home.type_list):
        room = widget.viewport().width()
        metrics = widget.fontMetrics()
        for row in range(widget.count()):
            rect = widget.visualItemRect(widget.item(row))
            text = widget.item(row).text()
            # one line and whole: the item is as wide as its text (no wrapping, no cut)
            assert metrics.horizontalAdvance(text) <= room, text
            assert rect.height() < 2 * metrics.height(), text
    assert started.window.width() >= home.findChild(type(home.cell_list)).parentWidget().x()


def test_home_cards_side_by_side_at_the_default_size(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    home = started.window.home
    QApplication.processEvents()
    drill_card, question_card = home._card_widgets
    assert drill_card.y() == question_card.y() and drill_card.x() < question_card.x()


def test_more_buttons_follow_the_font_back(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    home = started.window.home
    buttons = [b for b in home.findChildren(QPushButton) if b.objectName().startswith("entry-")]
    assert buttons
    small = max(b.minimumWidth() for b in buttons)
    started.state.update(font_size=18)
    qtbot.waitUntil(lambda: max(b.minimumWidth() for b in buttons) > small)
    started.state.update(font_size=11)
    qtbot.waitUntil(lambda: max(b.minimumWidth() for b in buttons) == small)


def test_settings_boxes_are_equally_wide(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    window = started.window
    window.show_page("settings")
    page = window.settings_page
    for size in (11, 18):
        started.state.update(font_size=size)
        qtbot.waitUntil(lambda size=size: QApplication.font().pointSize() == size)
        QApplication.processEvents()
        found = [*page.findChildren(QComboBox), *page.findChildren(QDoubleSpinBox)]
        boxes = [w for w in found if w.isVisible()]
        assert len(boxes) >= 8
        assert len({box.width() for box in boxes}) == 1, [box.width() for box in boxes]
        assert all(box.width() >= box.sizeHint().width() for box in boxes)


def test_window_title_names_the_app_once(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    window = started.window
    assert "quizapp" not in window.windowTitle().lower()
    started.state.update(interface_language="zh")
    qtbot.waitUntil(lambda: window.windowTitle() == "手算循环神经网络")
    started.state.update(interface_language="en")


def test_diagram_keeps_its_width_and_scrolls_at_18_pt(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    _large(started, qtbot)
    window = started.window
    window.open_drills(window.home.current_plan(), seed=7)
    panel = window.drill.diagram_panel
    assert panel is not None
    diagram = panel.diagram
    diagram.set_values({"h": [0.1, 0.2, 0.3], "c": [0.1, 0.2, 0.3], "f": [0.1, 0.2, 0.3]})
    QApplication.processEvents()
    viewport = panel.scroll_area.viewport()
    frame = diagram.frame()
    assert frame.view is not None
    picture = 16 * frame.view.scale  # the grid's width in pixels
    assert diagram.width() <= viewport.width()  # nothing cut at the right
    assert picture >= 0.6 * viewport.width()  # the picture takes the width, not a corner
    assert diagram.height() >= diagram.heightForWidth(diagram.width()) - 1  # all of it, scrolling
