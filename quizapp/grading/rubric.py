"""Free-text answers: which key points an answer makes, in English, Chinese or a mix of both.

Matching is deliberately simple and explainable: the answer and every phrase are normalised (NFKC,
so full-width letters match; casefolded; whitespace collapsed) and a phrase matches as a substring,
since Chinese has no spaces between words. An entry of a key point's phrasings matches when all its
phrases appear. A point is made when some entry matches without being negated and none of the
point's own ``negations`` appears.

Negation near a phrase: when a negation word ("not", "n't", "never", "no longer", "cannot",
"no"; 不, 没, 无法, 并非) stands shortly before a phrase, in the same clause, that occurrence
does not count.
Entries that themselves contain a negation word are taken literally (the writer already said what
the negative form is), so "clipping does not cure vanishing" can be a key point. The rubric only
suggests ticks: the learner confirms them in the self-check, so a rare false reading is harmless.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from questions.schema import KeyPoint, Question

# How far before a phrase a negation word still counts (characters, within the same clause).
NEGATION_WINDOW = 16
CHINESE_NEGATION_WINDOW = 4

_ENGLISH_NEGATION = re.compile(r"(?:\b(?:not|never|no longer|cannot|no)\b|n't\b)")
_CHINESE_NEGATIONS = ("不", "没", "无法", "并非")
# Words that start with a negation character but do not negate what follows.
_NOT_NEGATING = (
    "not only",
    "no matter",
    "不同",
    "不仅",
    "不只",
    "不断",
    "不少",
    "不管",
    "不论",
    "没错",
)
# A clause ends at these (after NFKC full-width punctuation is already ASCII).
_CLAUSE_BREAK = re.compile(r"[.;:!?,、。；！？\n]|\bbut\b|\bhowever\b|但|而是|然而")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class KeyPointMatch:
    """Whether an answer makes ``point``; ``negated`` when it matched only in negated form."""

    point: KeyPoint
    made: bool
    negated: bool


def normalise(text: str) -> str:
    """NFKC (full-width to ASCII), casefold, whitespace collapsed to single spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    # NFKC keeps typographic apostrophes; "doesn’t" must read like "doesn't".
    folded = folded.replace("\u2019", "'").replace("\u2018", "'")
    return _SPACES.sub(" ", folded).strip()


def has_negation_word(text: str) -> bool:
    """True when ``text`` (normalised) holds a negation word of either language."""
    cleaned = _strip_not_negating(text)
    return bool(_ENGLISH_NEGATION.search(cleaned)) or any(
        word in cleaned for word in _CHINESE_NEGATIONS
    )


def _strip_not_negating(text: str) -> str:
    for word in _NOT_NEGATING:
        text = text.replace(word, " " * len(word))
    return text


def _negated_before(answer: str, start: int) -> bool:
    """Whether a negation word stands shortly before ``answer[start:]`` in the same clause."""
    window = answer[max(0, start - NEGATION_WINDOW) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    window = _strip_not_negating(window)
    if _ENGLISH_NEGATION.search(window):
        return True
    near = window[-CHINESE_NEGATION_WINDOW:]
    return any(word in near for word in _CHINESE_NEGATIONS)


def _phrase_affirmed(answer: str, phrase: str) -> bool | None:
    """None when ``phrase`` is absent; else whether some occurrence is not negated."""
    start = answer.find(phrase)
    if start < 0:
        return None
    while start >= 0:
        if not _negated_before(answer, start):
            return True
        start = answer.find(phrase, start + 1)
    return False


def _spacing_free(phrase: str) -> bool:
    """Phrases with formulas, digits or Chinese are matched whatever the spacing ("接近 1", "f*c")."""
    return any(not (ch.isascii() and (ch.isalpha() or ch == " ")) for ch in phrase)


def _locate(answer: str, compact_answer: str, phrase: str) -> tuple[str, str] | None:
    """The (text, phrase) pair in which ``phrase`` occurs, trying a spacing-free form second."""
    if phrase in answer:
        return answer, phrase
    if _spacing_free(phrase):
        compact = phrase.replace(" ", "")
        if compact and compact in compact_answer:
            return compact_answer, compact
    return None


def _match_point(point: KeyPoint, answer: str) -> KeyPointMatch:
    matched = False
    compact_answer = answer.replace(" ", "")
    for entry in point.phrasings:
        located = [_locate(answer, compact_answer, normalise(p)) for p in entry]
        found = [pair for pair in located if pair is not None]
        if len(found) < len(located):
            continue
        matched = True
        literal = any(has_negation_word(p) for _, p in found)
        if literal or all(_phrase_affirmed(text, p) for text, p in found):
            denied = any(normalise(n) in answer for n in point.negations)
            return KeyPointMatch(point, made=not denied, negated=denied)
    denied = any(normalise(n) in answer for n in point.negations)
    return KeyPointMatch(point, made=False, negated=matched or denied)


def match_key_points(question: Question, text: str) -> tuple[KeyPointMatch, ...]:
    """Which of ``question``'s key points ``text`` makes, in the question's order."""
    answer = normalise(text)
    return tuple(_match_point(point, answer) for point in question.key_points)


def suggested_score(matches: Sequence[KeyPointMatch]) -> float:
    """The share of key points made (0 when there are none)."""
    return sum(m.made for m in matches) / len(matches) if matches else 0.0


def checklist_score(ticked: Sequence[bool]) -> float:
    """The share of key points the learner ticked in the self-check (0 for an empty list)."""
    return sum(bool(t) for t in ticked) / len(ticked) if ticked else 0.0
