"""The keyboard shortcuts sheet (F1 or ?)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ShortcutsDialog(QDialog):
    """A two-column table: keys and what they do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [
            (self.tr("Enter"), self.tr("Submit the drill / check a typed answer")),
            (self.tr("Ctrl+Enter"), self.tr("Check the answer to a question")),
            (self.tr("Ctrl+N"), self.tr("Another drill like this one")),
            (self.tr("Ctrl+D"), self.tr("Show the answer (counts as a miss)")),
            (self.tr("← / →"), self.tr("Step through the cell diagram")),
            (self.tr("1 – 9"), self.tr("Choose an option (or tick a key point)")),
            (self.tr("Alt+↑ / Alt+↓"), self.tr("Move an item when putting things in order")),
            (self.tr("Alt+← / Alt+→"), self.tr("Previous / next question")),
            (self.tr("Tab / Shift+Tab"), self.tr("Next / previous field")),
            (self.tr("Ctrl+,"), self.tr("Settings")),
            (self.tr("Esc"), self.tr("Go back")),
            (self.tr("F1 or ?"), self.tr("This sheet")),
        ]
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        for row, (keys, action) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(action))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 440)
