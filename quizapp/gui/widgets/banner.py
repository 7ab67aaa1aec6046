"""A banner at the top of a view for expected problems (a bad drill setting, a damaged file).

The view keeps working under it; the banner can be dismissed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from quizapp.gui.theme import ThemeColors
from quizapp.gui.widgets.paper import Paper


class Banner(Paper):
    """A dismissible line of text; ``kind`` is ``"error"`` or ``"info"``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, kind="banner")
        self.setProperty("kind", "info")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        """Show ``text``; ``kind`` chooses the colour."""
        self.setProperty("kind", kind)
        self.update()
        self.label.setText(text)
        self.setAccessibleName(text)
        self.show()

    def paper_colors(self, colors: ThemeColors) -> tuple[str, str]:
        kind = self.property("kind")
        return (colors.banner_error if kind == "error" else colors.banner_info), ""

    def message(self) -> str:
        """The text shown, or "" when hidden."""
        return "" if self.isHidden() else self.label.text()
