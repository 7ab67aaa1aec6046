"""Answers typed on a study item but not checked, kept when the learner leaves the session.

Going home (Esc, Home) ends a running session; an answer typed but not yet checked used to go
with it silently. The page now keeps such a draft for the rest of the run: when the same item
comes up again (the review or the mistakes are started again), its fields are filled back in, and
the status line says so both times. A draft belongs to the item and, for a drill, to its seed: a
drill drawn afresh (a review draws a new seed each time) has other numbers, so there the status
line says the typed answer was not kept instead. Questions keep the text of a one-line or
free-text answer (choices, matching and ordering are quick to redo and are not kept).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from quizapp.gui.views.drill_sheet import DrillSheet

QUESTION_TEXT = ""  # the key of a question's typed text among a draft's texts


def draft_key(item_key: str, seed: int | None) -> str:
    """Where a draft is kept: the item, and for a drill its seed (the numbers the answer fits)."""
    return item_key if seed is None else f"{item_key}#{seed}"


def typed_texts(sheet: DrillSheet | None, answer: QWidget | None) -> dict[str, str]:
    """What is typed on the item now (``sheet`` for a drill, ``answer`` for a question); empty
    when nothing is."""
    if sheet is not None:
        texts = sheet.answers_typed()
    else:
        edit = getattr(answer, "edit", None)
        if isinstance(edit, QLineEdit):
            texts = {QUESTION_TEXT: edit.text()}
        elif isinstance(edit, QPlainTextEdit):
            texts = {QUESTION_TEXT: edit.toPlainText()}
        else:
            texts = {}
    return texts if any(text.strip() for text in texts.values()) else {}


def fill_in(sheet: DrillSheet | None, answer: QWidget | None, texts: Mapping[str, str]) -> None:
    """Put a kept draft back into the item's fields."""
    if sheet is not None:
        for key, text in texts.items():
            field = sheet.fields.get(key)
            if field is not None:
                field.set_text(text)
        return
    edit = getattr(answer, "edit", None)
    text = texts.get(QUESTION_TEXT, "")
    if isinstance(edit, QLineEdit):
        edit.setText(text)
    elif isinstance(edit, QPlainTextEdit):
        edit.setPlainText(text)


class Drafts:
    """The kept drafts of one run, by item key (in memory: an unchecked answer is no attempt)."""

    def __init__(self) -> None:
        self._texts: dict[str, dict[str, str]] = {}

    def keep(self, key: str, texts: Mapping[str, str]) -> bool:
        """Keep ``texts`` for item ``key``; False when there is nothing typed to keep."""
        if not texts:
            return False
        self._texts[key] = dict(texts)
        return True

    def take(self, key: str) -> dict[str, str]:
        """The draft kept for ``key`` (removed), or an empty dict."""
        return self._texts.pop(key, {})
