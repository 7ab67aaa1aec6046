"""The wrapping layout of the drill sheet and the bracketed number tables: sizes follow changes."""

from __future__ import annotations

import pytest
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


def test_nested_flow_wraps_inside_a_group_wider_than_the_line(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    outer = FlowLayout(holder, spacing=10)
    group = QWidget()
    inner = FlowLayout(group, spacing=10)
    boxes = [_box(100, 40) for _ in range(3)]
    for box in boxes:
        inner.addWidget(box)
    outer.addWidget(group)
    assert inner.sizeHint().width() == 320  # one line
    assert inner.minimumSize().width() == 100  # the widest item
    assert outer.heightForWidth(400) == 40
    assert outer.heightForWidth(250) == 90  # the group wraps its third box
    holder.resize(250, 200)
    holder.show()
    qtbot.waitExposed(holder)
    qtbot.waitUntil(lambda: group.width() == 250)
    assert all(box.geometry().right() < group.width() for box in boxes)
    assert boxes[2].y() == 50


@pytest.mark.parametrize(("squeeze", "group_x", "group_y"), [(True, 210, 0), (False, 0, 50)])
def test_squeeze_narrows_a_nested_flow_into_the_rest_of_the_line(
    qtbot: QtBot, squeeze: bool, group_x: int, group_y: int
) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    outer = FlowLayout(holder, spacing=10, squeeze=squeeze)
    outer.addWidget(_box(200, 40))
    group = QWidget()
    inner = FlowLayout(group, spacing=10)
    for _ in range(3):
        inner.addWidget(_box(100, 40))
    outer.addWidget(group)
    holder.resize(450, 300)
    holder.show()
    qtbot.waitExposed(holder)
    qtbot.waitUntil(lambda: (group.x(), group.y()) == (group_x, group_y))
    assert group.geometry().right() < 450
    # Squeezed beside the box the group wraps to two lines; below it, it keeps one.
    assert group.height() == (90 if squeeze else 40)
    assert outer.heightForWidth(450) == 90
