"""The wrapping layout of the drill sheet and the bracketed number tables: sizes follow changes."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from quizapp.gui.widgets.flow_layout import FlowLayout
from quizapp.gui.widgets.matrix_table import MatrixTable


def _box(width: int, height: int) -> QWidget:
    widget = QWidget()
    widget.setFixedSize(width, height)
    return widget


def test_flow_layout_wraps_and_follows_hidden_and_added_items(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = FlowLayout(holder, spacing=10)
    boxes = [_box(100, 40) for _ in range(3)]
    for box in boxes:
        layout.addWidget(box)
    assert layout.heightForWidth(400) == 40  # one line: 100 + 10 + 100 + 10 + 100
    assert layout.heightForWidth(250) == 90  # two lines: 40 + 10 + 40
    assert layout.heightForWidth(150) == 140  # three lines
    holder.show()
    qtbot.waitExposed(holder)
    boxes[2].hide()
    assert layout.heightForWidth(150) == 90
    layout.addWidget(_box(100, 60))  # shown by Qt on the next pass of the event loop
    qtbot.waitUntil(lambda: layout.heightForWidth(150) == 40 + 10 + 40 + 10 + 60)


def test_matrix_table_grows_with_its_numbers_and_its_font(qtbot: QtBot) -> None:
    table = MatrixTable([[0.5, -0.25], [1.0, 2.0]])
    qtbot.addWidget(table)
    narrow = table.sizeHint().width()
    table.set_rows([[0.5, -0.25], [1.0, 123.125]])
    wider = table.sizeHint().width()
    assert wider > narrow
    assert table.cell_texts() == (("0.500", "−0.250"), ("1.000", "123.125"))
    font = QFont(table.font())
    font.setPointSize(font.pointSize() * 2)
    table.setFont(font)
    assert table.sizeHint().width() > wider
