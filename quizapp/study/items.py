"""Study item keys: one string names each thing a learner can be scheduled to review.

A question is ``q:<question id>``; a drill template is
``d:<cell>:<convention>:<quantities joined by +>:<difficulty>``, for example
``d:gru:pytorch:h:standard``. A drill template card is reviewed with fresh random numbers each
time, so the key names the template, never the seed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from quizapp.study import StudyError

QUESTION_PREFIX = "q"
DRILL_PREFIX = "d"
_SEPARATOR = ":"
_QUANTITY_JOINER = "+"


class ItemKind(StrEnum):
    """What a study item is."""

    QUESTION = "question"
    DRILL = "drill"


class ItemKeyError(StudyError, ValueError):
    """An item key or one of its parts is malformed."""


@dataclass(frozen=True)
class QuestionItem:
    """A bank question, named by its id."""

    question_id: str

    @property
    def key(self) -> str:
        return question_key(self.question_id)


@dataclass(frozen=True)
class DrillTemplate:
    """A drill template: which cell, convention, asked quantities and difficulty (no numbers)."""

    cell: str
    convention: str
    quantities: tuple[str, ...]
    difficulty: str

    @property
    def key(self) -> str:
        return drill_template_key(self.cell, self.convention, self.quantities, self.difficulty)


def _check_part(name: str, value: str, forbidden: str) -> None:
    if not value:
        raise ItemKeyError(f"item key part {name!r} is empty; expected a non-empty name")
    if value != value.strip():
        raise ItemKeyError(f"item key part {name}={value!r} has surrounding spaces")
    for char in forbidden:
        if char in value:
            raise ItemKeyError(f"item key part {name}={value!r} must not contain {char!r}")


def question_key(question_id: str) -> str:
    """The key of a bank question (the id may contain anything but must not be empty)."""
    if not question_id or question_id != question_id.strip():
        raise ItemKeyError(
            f"question id {question_id!r} must be non-empty without surrounding spaces"
        )
    return f"{QUESTION_PREFIX}{_SEPARATOR}{question_id}"


def drill_template_key(
    cell: str, convention: str, quantities: Sequence[str], difficulty: str
) -> str:
    """The key of a drill template; ``quantities`` keep the order given (the drill's order)."""
    _check_part("cell", cell, _SEPARATOR)
    _check_part("convention", convention, _SEPARATOR)
    _check_part("difficulty", difficulty, _SEPARATOR)
    if isinstance(quantities, str):
        raise ItemKeyError(f"quantities must be a sequence of names, got the string {quantities!r}")
    if not quantities:
        raise ItemKeyError("quantities is empty; expected at least one asked quantity")
    for quantity in quantities:
        _check_part("quantity", quantity, _SEPARATOR + _QUANTITY_JOINER)
    if len(set(quantities)) != len(quantities):
        raise ItemKeyError(f"quantities {list(quantities)} repeat a name")
    joined = _QUANTITY_JOINER.join(quantities)
    return _SEPARATOR.join((DRILL_PREFIX, cell, convention, joined, difficulty))


def parse_item_key(key: str) -> QuestionItem | DrillTemplate:
    """Read a key made by ``question_key`` or ``drill_template_key`` back into its parts."""
    prefix, separator, rest = key.partition(_SEPARATOR)
    if not separator:
        raise ItemKeyError(f"item key {key!r} has no 'q:' or 'd:' prefix")
    if prefix == QUESTION_PREFIX:
        question_key(rest)  # validates the id
        return QuestionItem(rest)
    if prefix == DRILL_PREFIX:
        parts = rest.split(_SEPARATOR)
        if len(parts) != 4:
            raise ItemKeyError(
                f"drill key {key!r} has {len(parts)} parts after 'd:'; "
                "expected cell:convention:quantities:difficulty"
            )
        cell, convention, joined, difficulty = parts
        template = DrillTemplate(
            cell, convention, tuple(joined.split(_QUANTITY_JOINER)), difficulty
        )
        if template.key != key:  # re-validates every part
            raise ItemKeyError(f"drill key {key!r} is not in canonical form")
        return template
    raise ItemKeyError(f"item key {key!r} starts with {prefix!r}; expected 'q' or 'd'")


def item_kind(key: str) -> ItemKind:
    """The kind of item a key names (the key is fully validated)."""
    item = parse_item_key(key)
    return ItemKind.QUESTION if isinstance(item, QuestionItem) else ItemKind.DRILL
