"""One answer field of a drill: the quantity's name, a line edit, the live "read as" line, a mark
(which goes when the learner types again while the field is open).

The field does not read numbers itself: the drill view gives it a ``describe`` function (built on
``quizapp.drills.read_answers``) that turns the typed text into the line shown under the field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from quizapp.gui.theme import set_role
from quizapp.gui.widgets.math_label import MathLabel


class AnswerField(QWidget):
    """The answer to one asked quantity; ``edited`` fires with the text on every change."""

    edited = Signal(str)
    submitted = Signal()

    def __init__(
        self,
        key: str,
        label_latex: str,
        accessible_label: str,
        describe: Callable[[str], tuple[str, bool]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self._describe = describe
        self.name_label = MathLabel(label_latex)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(accessible_label)
        self.edit.setClearButtonEnabled(False)
        self.edit.setMinimumWidth(260)
        self.reading = QLabel()
        set_role(self.reading, "muted")
        self.reading.setWordWrap(True)
        self.mark = QLabel()
        self.mark.setWordWrap(True)
        self.mark.hide()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(2)
        layout.addWidget(self.name_label, 0, 0)
        layout.addWidget(self.edit, 0, 1)
        layout.addWidget(self.reading, 1, 1)
        layout.addWidget(self.mark, 2, 1)
        layout.setColumnStretch(1, 1)
        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.textEdited.connect(self._on_typed)
        self.edit.returnPressed.connect(self.submitted)

    def text(self) -> str:
        """What the learner typed."""
        return self.edit.text()

    def set_text(self, text: str) -> None:
        """Replace the typed text (updates the "read as" line)."""
        self.edit.setText(text)

    def set_placeholder(self, text: str) -> None:
        """The hint shown in the empty field."""
        self.edit.setPlaceholderText(text)

    def set_read_only(self, read_only: bool) -> None:
        """Lock the field after grading."""
        self.edit.setReadOnly(read_only)

    def refresh_reading(self) -> None:
        """Recompute the "read as" line (after a language change)."""
        self._on_text_changed(self.edit.text())

    def show_mark(self, text: str, good: bool | None) -> None:
        """Show the mark under the field: good, bad or neutral (``None``)."""
        role = "muted" if good is None else ("good" if good else "bad")
        set_role(self.mark, role)
        self.mark.setText(text)
        self.mark.show()

    def clear_mark(self) -> None:
        """Hide the mark (a new drill)."""
        self.mark.clear()
        self.mark.hide()

    def _on_typed(self, text: str) -> None:
        """A mark on a field the learner may still edit ("Not read, not counted: empty answer")
        spoke of the text before: it goes once the learner types (not when a draft is restored)."""
        del text
        if not self.edit.isReadOnly():
            self.clear_mark()

    def _on_text_changed(self, text: str) -> None:
        line, ok = self._describe(text) if text.strip() else ("", True)
        set_role(self.reading, "muted" if ok else "warn")
        self.reading.setText(line)
        self.edited.emit(text)
