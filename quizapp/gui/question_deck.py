"""Which bank questions to show, chosen on the home screen (no Qt).

An empty tuple of topics or types means "all"; ``difficulty`` "any" means all difficulties.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from questions.schema import Question


@dataclass(frozen=True)
class QuestionFilter:
    """The topics, types and difficulty the learner chose."""

    topics: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    difficulty: str = "any"

    def accepts(self, question: Question) -> bool:
        """Whether ``question`` matches."""
        if self.topics and question.topic not in self.topics:
            return False
        if self.types and question.type not in self.types:
            return False
        return self.difficulty in ("any", question.difficulty)


def select(questions: Sequence[Question], chosen: QuestionFilter) -> tuple[Question, ...]:
    """The questions ``chosen`` accepts, in bank order."""
    return tuple(q for q in questions if chosen.accepts(q))
