"""The bank's vocabulary: the two languages, a text in both, question types and difficulties.

Split from ``schema.py`` so that code needing only bilingual texts (the drills, the topic list,
the home screen) does not build the question records at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")

QUESTION_TYPES: tuple[str, ...] = (
    "single_choice",
    "multi_choice",
    "true_false",
    "numeric",
    "shape",
    "symbolic",
    "ordering",
    "matching",
    "code_reading",
    "free_text",
)
CHOICE_TYPES: tuple[str, ...] = ("single_choice", "multi_choice", "true_false")
TEXT_ANSWER_TYPES: tuple[str, ...] = ("numeric", "shape", "symbolic")
DIFFICULTIES: tuple[str, ...] = ("easy", "medium", "hard")


@dataclass(frozen=True)
class Text:
    """One text in English and Simplified Chinese."""

    en: str
    zh: str

    def get(self, lang: Lang) -> str:
        """The text in ``lang``."""
        return self.zh if lang == "zh" else self.en
