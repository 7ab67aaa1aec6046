"""A drill field's mark speaks of the text it was given for: once the learner types again in a field
that is still open, it goes (it used to say "Not read, not counted: empty answer" under a field
whose "read as" line already read the new numbers). A restored draft or a locked field keeps it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from quizapp.gui.widgets.answer_field import AnswerField


def _field(qtbot: Any) -> AnswerField:
    field = AnswerField("h", "h_t", "h_t", lambda text: (f"read as {text}", True))
    qtbot.addWidget(field)
    field.show()
    field.show_mark("Not read, not counted: empty answer", None)
    return field


def test_typing_in_an_open_field_clears_its_mark(qtbot: Any) -> None:
    field = _field(qtbot)
    qtbot.keyClicks(field.edit, "0.5")
    assert field.mark.isHidden()
    assert field.reading.text() == "read as 0.5"


def test_a_restored_draft_or_a_locked_field_keeps_its_mark(qtbot: Any) -> None:
    field = _field(qtbot)
    field.set_text("0.25")  # a draft put back, not typed
    assert not field.mark.isHidden()
    field.set_read_only(True)
    qtbot.keyClick(field.edit, Qt.Key.Key_1)
    assert not field.mark.isHidden()
    assert field.mark.text() == "Not read, not counted: empty answer"
