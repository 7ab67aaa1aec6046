"""The keyboard shortcuts sheet (F1 or ?): the table of ``quizapp.gui.keys``, grouped by where the
keys work, sized to its rows at any font size (within the window)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quizapp.gui.keys import SHORTCUTS, translated
from quizapp.gui.theme import plain_buttons


class ShortcutsDialog(QDialog):
    """Three columns: where (one bold cell per group), keys, what they do."""

    KEYS_COLUMN = 1
    ACTION_COLUMN = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(SHORTCUTS), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Keys"), self.tr("Action")])
        # The bold group names say where; no header row, so that every row fits at 18 pt.
        self.table.horizontalHeader().hide()
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        bold = QFont(self.font())
        bold.setBold(True)
        self._texts: list[tuple[str, str, str]] = []  # group (first row only), keys, action
        for row, shortcut in enumerate(SHORTCUTS):
            first = row == 0 or shortcut.group != SHORTCUTS[row - 1].group
            texts = (
                translated(shortcut.group) if first else "",
                translated(shortcut.keys),
                translated(shortcut.action),
            )
            self._texts.append(texts)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setFont(bold)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(row, column, item)
        starts = [row for row, texts in enumerate(self._texts) if texts[0]]
        for start, end in zip(starts, [*starts[1:], len(SHORTCUTS)], strict=True):
            if end - start > 1:
                self.table.setSpan(start, 0, end - start, 1)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.KEYS_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.ACTION_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # read, not edited: Close keeps it
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        plain_buttons(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self._fit(parent)

    def keys_shown(self) -> list[str]:
        """The keys column, row by row."""
        return [keys for _, keys, _ in self._texts]

    def _fit(self, parent: QWidget | None) -> None:
        """Wide enough for the longest action on one line and as tall as all rows, both within
        the window (or screen) it opens over; the group column wraps its words."""
        metrics = self.fontMetrics()
        rows = range(self.table.rowCount())

        def widest(column: int) -> int:
            return max(metrics.horizontalAdvance(texts[column]) for texts in self._texts)

        bold = QFontMetrics(self.table.item(0, 0).font())  # type: ignore[union-attr]
        group_width = (
            min(
                max(bold.horizontalAdvance(texts[0]) for texts in self._texts),
                12 * bold.averageCharWidth(),
            )
            + 2 * metrics.averageCharWidth()
        )
        self.table.setColumnWidth(0, group_width)
        for row, texts in enumerate(self._texts):
            if texts[0]:  # a group name may wrap within its rows, never make its first row taller
                self.table.item(row, 0).setSizeHint(QSize(group_width, 1))  # type: ignore[union-attr]
        width = (
            group_width
            + widest(self.KEYS_COLUMN)
            + widest(self.ACTION_COLUMN)
            + 12 * metrics.averageCharWidth()
        )
        self.table.resizeRowsToContents()
        height = sum(self.table.rowHeight(row) for row in rows)
        height += 2 * metrics.height() + 40
        bounds = parent.window().size() if parent is not None else None
        screen = self.screen()
        if bounds is None and screen is not None:
            bounds = screen.availableGeometry().size()
        if bounds is not None:
            width = min(width, bounds.width() - 16)
            height = min(height, bounds.height() - 16)
        self.resize(width, height)
