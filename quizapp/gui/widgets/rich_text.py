"""Show a text of the bank (inline math and code) in a QLabel as Qt rich text.

The markup comes from ``quizapp.richtext.to_html``, which escapes everything from the text itself,
so a question's ``<`` or ``&`` shows as written and never as markup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from quizapp.richtext import to_html


def set_rich_text(label: QLabel, text: str) -> None:
    """Show ``text`` in ``label`` with subscripts, superscripts and code rendered."""
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(to_html(text))
