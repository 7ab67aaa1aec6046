"""Every keyboard shortcut of the app in one table: the pages bind their keys from it and the F1
sheet lists it, so the sheet cannot leave out a key the app has.

An entry with ``sequences`` is bound as ``QShortcut``s by ``bind`` (``bind_numbers`` for 1–9); one
without them names keys that widgets handle themselves (Enter in an answer field, Tab, Alt+↑/↓ in
an ordering list, Enter on a focused button), listed so the learner finds them too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

CONTEXT = "Shortcuts"  # the translation context of the texts below


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks ``text`` for translation in ``context`` (translated when shown, by ``translated``)."""
    del context
    return text


@dataclass(frozen=True)
class Shortcut:
    """One row of the sheet: the keys as shown, what they do, where, and the key sequences bound
    (Qt's portable text; empty when a widget handles the keys itself)."""

    name: str
    group: str
    keys: str
    action: str
    sequences: tuple[str, ...] = ()


EVERYWHERE = QT_TRANSLATE_NOOP("Shortcuts", "Everywhere")
DRILLS = QT_TRANSLATE_NOOP("Shortcuts", "Drills")
QUESTIONS = QT_TRANSLATE_NOOP("Shortcuts", "Questions and reviews")
NUMBERS = tuple(str(number) for number in range(1, 10))

SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(
        "another_drill",
        EVERYWHERE,
        "Ctrl+N",
        QT_TRANSLATE_NOOP("Shortcuts", "Another drill like this one (on home: start)"),
        ("Ctrl+N",),
    ),
    Shortcut(
        "settings", EVERYWHERE, "Ctrl+,", QT_TRANSLATE_NOOP("Shortcuts", "Settings"), ("Ctrl+,",)
    ),
    Shortcut("back", EVERYWHERE, "Esc", QT_TRANSLATE_NOOP("Shortcuts", "Go back"), ("Esc",)),
    Shortcut(
        "quit",
        EVERYWHERE,
        "Ctrl+Q",
        QT_TRANSLATE_NOOP("Shortcuts", "Quit (checked answers are already saved)"),
        ("Ctrl+Q",),
    ),
    Shortcut(
        "help",
        EVERYWHERE,
        QT_TRANSLATE_NOOP("Shortcuts", "F1 or ?"),
        QT_TRANSLATE_NOOP("Shortcuts", "This sheet"),
        ("F1", "?"),
    ),
    Shortcut(
        "fields",
        EVERYWHERE,
        "Tab / Shift+Tab",
        QT_TRANSLATE_NOOP("Shortcuts", "Next / previous field"),
    ),
    Shortcut(
        "press",
        EVERYWHERE,
        QT_TRANSLATE_NOOP("Shortcuts", "Enter or Space"),
        QT_TRANSLATE_NOOP("Shortcuts", "Press the focused button"),
    ),
    Shortcut(
        "submit_drill",
        DRILLS,
        "Enter",
        QT_TRANSLATE_NOOP("Shortcuts", "Submit the drill (in an answer field)"),
    ),
    Shortcut(
        "diagram",
        DRILLS,
        "← / →",
        QT_TRANSLATE_NOOP("Shortcuts", "Step through the cell diagram"),
        ("Left", "Right"),
    ),
    Shortcut(
        "reveal_drill",
        DRILLS,
        "Ctrl+D",
        QT_TRANSLATE_NOOP("Shortcuts", "Show the worked solution (counts as a miss)"),
        ("Ctrl+D",),
    ),
    Shortcut(
        "check",
        QUESTIONS,
        "Ctrl+Enter",
        QT_TRANSLATE_NOOP("Shortcuts", "Check (or Enter in a one-line answer); then: go on"),
        ("Ctrl+Return", "Ctrl+Enter"),
    ),
    Shortcut(
        "choose",
        QUESTIONS,
        "1 – 9",
        QT_TRANSLATE_NOOP("Shortcuts", "Choose an option (or tick a key point)"),
        NUMBERS,
    ),
    Shortcut(
        "rate",
        QUESTIONS,
        "1 – 4",
        QT_TRANSLATE_NOOP("Shortcuts", "Reviews, once answered: rate how well you knew it"),
    ),
    Shortcut(
        "undo",
        QUESTIONS,
        "Ctrl+Z",
        QT_TRANSLATE_NOOP("Shortcuts", "Take back the last rating"),
        ("Ctrl+Z",),
    ),
    Shortcut(
        "order",
        QUESTIONS,
        "Alt+↑ / Alt+↓",
        QT_TRANSLATE_NOOP("Shortcuts", "Move an item when putting things in order"),
    ),
    Shortcut(
        "previous_next",
        QUESTIONS,
        "Alt+← / Alt+→",
        QT_TRANSLATE_NOOP("Shortcuts", "Previous / next question"),
        ("Alt+Left", "Alt+Right"),
    ),
    Shortcut(
        "reveal",
        QUESTIONS,
        "Ctrl+D",
        QT_TRANSLATE_NOOP("Shortcuts", "Show the answer (counts as a miss)"),
        ("Ctrl+D",),
    ),
)
BY_NAME = {shortcut.name: shortcut for shortcut in SHORTCUTS}


def translated(text: str) -> str:
    """A text of the table in the interface language."""
    return QCoreApplication.translate(CONTEXT, text)


def bind(
    widget: QWidget,
    name: str,
    *slots: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
) -> list[QShortcut]:
    """``QShortcut``s on ``widget`` for entry ``name``: one slot for all its sequences, or one slot
    per sequence (``bind(w, "previous_next", previous, next)``)."""
    sequences = BY_NAME[name].sequences
    if len(slots) not in (1, len(sequences)):
        raise ValueError(f"{name}: {len(slots)} slots for {len(sequences)} key sequences")
    made = []
    for index, sequence in enumerate(sequences):
        shortcut = QShortcut(QKeySequence(sequence), widget)
        shortcut.setContext(context)
        shortcut.activated.connect(slots[index if len(slots) > 1 else 0])
        made.append(shortcut)
    return made


def bind_numbers(widget: QWidget, name: str, slot: Callable[[int], object]) -> list[QShortcut]:
    """Keys 1–9 of entry ``name``: ``slot(number)``."""
    return bind(widget, name, *(functools.partial(slot, int(s)) for s in BY_NAME[name].sequences))


def bound_sequences() -> frozenset[str]:
    """Every key sequence the table binds, in Qt's portable text."""
    return frozenset(
        QKeySequence(sequence).toString() for entry in SHORTCUTS for sequence in entry.sequences
    )
