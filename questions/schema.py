"""Frozen records of the question bank: texts in two languages, options, key points and questions.

These are plain data with small accessors; reading and checking YAML lives in ``load.py`` and
``validate.py``, grading in ``quizapp.grading``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from questions.claims import Claim
from questions.vocab import (
    CHOICE_TYPES,
    DIFFICULTIES,
    LANGS,
    QUESTION_TYPES,
    TEXT_ANSWER_TYPES,
    Lang,
    Text,
)

__all__ = [
    "CHOICE_TYPES",
    "DIFFICULTIES",
    "LANGS",
    "QUESTION_TYPES",
    "TEXT_ANSWER_TYPES",
    "Claim",
    "KeyPoint",
    "Lang",
    "Option",
    "OrderItem",
    "Pair",
    "Question",
    "Text",
]


@dataclass(frozen=True)
class Option:
    """A choice option; ``why_wrong`` explains a wrong option and is ``None`` for a right one."""

    id: str
    text: Text
    why_wrong: Text | None


@dataclass(frozen=True)
class OrderItem:
    """One item of an ordering question (the bank lists items in the right order)."""

    id: str
    text: Text


@dataclass(frozen=True)
class Pair:
    """One left/right pair of a matching question."""

    left: Text
    right: Text


@dataclass(frozen=True)
class KeyPoint:
    """A point a free-text answer should make, written as claims (any one of them makes it).

    ``claims`` are parsed claim lines (``questions.claims``) naming lexicon concepts;
    ``misconceptions`` are ids of catalogued wrong claims that contradict this point: an answer
    stating one of them gets no credit for the point. ``formulas`` (``left = right``) are
    compared by structure with the equations an answer writes
    (``quizapp.grading.freetext.formulas``): written right they make the point, written wrong
    they contradict it.
    """

    id: str
    text: Text
    claims: tuple[Claim, ...]
    misconceptions: tuple[str, ...] = ()
    formulas: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    """One question of the bank, of any type; fields that do not belong to its type keep defaults.

    ``answer_type`` equals ``type`` except for ``code_reading``, where it names the inner type whose
    fields (options, value, shape, ...) the question carries. ``source`` names the paper section or
    documentation page that settles the answer; ``file`` and ``line`` say where the question was
    defined.
    """

    id: str
    topic: str
    difficulty: str
    type: str
    prompt: Text
    answer: Text
    explanation: Text
    references: tuple[str, ...]
    tags: tuple[str, ...]
    answer_type: str
    options: tuple[Option, ...] = ()
    correct: tuple[str, ...] = ()
    value: float | None = None
    tolerance: float = 0.0
    unit: Text | None = None
    shape: tuple[int, ...] | None = None
    expression: str | None = None
    symbols: tuple[str, ...] = ()
    items: tuple[OrderItem, ...] = ()
    pairs: tuple[Pair, ...] = ()
    code: str | None = None
    code_language: str | None = None
    key_points: tuple[KeyPoint, ...] = ()
    # A mapping is not hashable, so keep it out of the generated hash and comparison.
    computed: Mapping[str, object] | None = field(default=None, compare=False, hash=False)
    source: str = ""
    file: str = ""
    line: int = 0

    def citations(self) -> tuple[str, ...]:
        """The source first, then each reference it does not already name."""
        extra = (r for r in self.references if r not in self.source)
        return tuple(dict.fromkeys((self.source, *extra) if self.source else self.references))

    def option(self, option_id: str) -> Option | None:
        """The option with ``option_id``, or ``None``."""
        for option in self.options:
            if option.id == option_id:
                return option
        return None
