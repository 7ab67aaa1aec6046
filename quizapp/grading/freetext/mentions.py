"""Finding the lexicon's concepts in a piece of normalised text.

English forms match whole words, after stemming both sides with the Snowball English stemmer
(``snowballstemmer``, the maintained pure-Python Snowball package: "keeps", "kept" and "keeping" need
no separate forms except for irregular verbs) and ignoring the articles "a", "an", "the". An
adverb that leaves a claim as it is ("also", "still", "more", "mostly", "strongly" …) may stand
between two words of a form ("depends more on h_{t-1}" is "depends on"); "only", "not" and "less"
may not. A form that starts with "keep" is not read before a verb in -ing ("keeps norms
shrinking" does not keep the norm), nor a form that starts with "only" or "just" after "not"
("not only from the last step" is not "only from the last step").

Chinese forms and notation match as substrings, whatever the spacing between characters ("接近 1",
"f * c"). We do not use a general Chinese segmenter (jieba is the common one; its last release is
from 2020 and it loads a 5 MB dictionary): a segmenter's split of technical terms does not line up
with the lexicon ("遗忘门" may come out as "遗忘/门"), and the lexicon's own forms are the only words
the grader needs. Where forms overlap, the longest wins ("遗忘门" is the forget gate, not "门").
A form that starts or ends with a Latin letter or digit needs a boundary there ("h_t" does not
match inside "with_t", "是 0" not inside "是 0.5").
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass

import snowballstemmer

from questions.lexicon import Lexicon
from quizapp.grading.freetext.notation import normalise

_WORD_FORM = re.compile(r"[a-z -]+\Z")
_WORD = re.compile(r"[a-z]+")
_ARTICLES = frozenset({"a", "an", "the"})
# Adverbs that may stand inside a form without changing its claim ("depends more on h_{t-1}",
# "keeps also the norm"); never "only", "not", "less" or "hardly", which change it, nor "really"
# or "actually" ("doesn't really matter" gave two reversed answers credit, measured).
_INSERTED = frozenset(
    [
        "also",
        "still",
        "directly",
        "mostly",
        "mainly",
        "largely",
        "heavily",
        "strongly",
        "more",
        "always",
        "explicitly",
        "indeed",
    ]
)
# What may stand between the words of one English form: spaces, hyphens, slashes, articles
# and the adverbs above (not Chinese text or punctuation: "weights 依旧 sum" is not "weighted sum").
_JOINS = re.compile(r"(?:[\s/-]|\b(?:a|an|the|" + "|".join(sorted(_INSERTED)) + r")\b)*")
_STEMMER = snowballstemmer.stemmer("english")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    """The Snowball stem of one lowercase word; an acronym's plural ("rnns", "lstms"), which
    Snowball leaves alone, loses its "s" (forms and answers go through the same function)."""
    stemmed = str(_STEMMER.stemWord(word))
    if stemmed == word and len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return str(_STEMMER.stemWord(word[:-1]))
    return stemmed


@dataclass(frozen=True)
class Found:
    """A concept found at ``start:end`` of a normalised text."""

    concept: str
    start: int
    end: int


class ConceptIndex:
    """The lexicon compiled for matching: stemmed word forms by first stem, symbol-form patterns."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.words: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        # Symbol and Chinese forms by their first two characters (spaces aside): a fragment is
        # searched only for the forms whose start it contains (a few instead of every form).
        by_start: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for concept in lexicon.concepts.values():
            for form in concept.forms():
                text = normalise(form)
                if not text:
                    continue
                if _WORD_FORM.match(text):
                    stems = tuple(stem(w) for w in _WORD.findall(text) if w not in _ARTICLES)
                    # A form written twice (in both languages, or "doesn't" and "does not")
                    # is searched once.
                    if stems and (stems, concept.id) not in self.words[stems[0]]:
                        self.words[stems[0]].append((stems, concept.id))
                else:
                    start = "".join(c for c in text if not c.isspace())[:2]
                    by_start[start][concept.id].add(_symbol_pattern(text))
        self.symbols: dict[str, list[tuple[re.Pattern[str], str]]] = {
            start: [
                (re.compile("|".join(sorted(patterns, key=len, reverse=True))), concept_id)
                for concept_id, patterns in concepts.items()
            ]
            for start, concepts in by_start.items()
        }

    def find(self, text: str) -> list[Found]:
        """Concepts in ``text`` (already normalised), overlaps resolved longest first, in order."""
        candidates: list[Found] = []
        tokens = [
            (stem(m.group(0)), m.start(), m.end(), m.group(0) in _INSERTED)
            for m in _WORD.finditer(text)
            if m.group(0) not in _ARTICLES
        ]
        for index, (first, _, _, _) in enumerate(tokens):
            for stems, concept_id in self.words.get(first, ()):
                words = _form_tokens(tokens, index, stems)
                if (
                    words
                    and all(
                        _JOINS.fullmatch(text, tokens[a][2], tokens[b][1])
                        for a, b in itertools.pairwise(words)
                    )
                    and not _MORE_DIGITS.match(text, tokens[words[-1]][2])
                    and not (
                        first == _KEEP
                        and len(stems) > 1
                        and _GOES_ON.match(text, tokens[words[-1]][2])
                    )
                    and not (first in _ONLY and index > 0 and tokens[index - 1][0] == _NOT)
                ):
                    candidates.append(Found(concept_id, tokens[index][1], tokens[words[-1]][2]))
        compact = _SPACES.sub("", text)
        starts = {compact[i : i + 2] for i in range(len(compact))}  # pairs, and the last char
        starts |= set(compact)
        for start in starts:
            for pattern, concept_id in self.symbols.get(start, ()):
                for match in pattern.finditer(text):
                    if match.end() > match.start():
                        candidates.append(Found(concept_id, match.start(), match.end()))
        return _resolve_overlaps(candidates)


def _form_tokens(
    tokens: list[tuple[str, int, int, bool]], index: int, stems: tuple[str, ...]
) -> list[int]:
    """The indices of the tokens that spell the form ``stems`` from token ``index`` (an adverb of
    ``_INSERTED`` may stand between two of its words), or [] when it is not there."""
    found: list[int] = []
    at = index
    for k, wanted in enumerate(stems):
        if k:
            at += 1
            while at < len(tokens) and tokens[at][3] and tokens[at][0] != wanted:
                at += 1
        if at >= len(tokens) or tokens[at][0] != wanted:
            return []
        found.append(at)
    return found


# "keeps the norm" is not "keeps norms shrinking": before a verb in -ing, "keep" is "go on".
_KEEP = stem("keep")
_GOES_ON = re.compile(r"\s+[a-z]+ing\b")
# "not only from the last step" is not "only from the last step" (nor "not just …").
_ONLY = frozenset({stem("only"), stem("just"), stem("merely"), stem("solely")})
_NOT = stem("not")


# A number form ending its words is not the start of a longer number ("at most 1" is not inside
# "at most 1/4" or "at most 1.5").
_MORE_DIGITS = re.compile(r"(?<=\d)\s*[.,/⁄]\s*\d")


def _symbol_pattern(form: str) -> str:
    chars = [c for c in form if not c.isspace()]
    body = r"\s*".join(re.escape(c) for c in chars)
    if chars[0].isascii() and chars[0].isalnum():
        body = r"(?<![a-z0-9_])" + body  # "t 接近 0" is not inside "f_t 接近 0"
    if chars[-1].isascii() and chars[-1].isdigit():
        body += r"(?![a-z0-9]|[.,/⁄]\d)"  # "是 0" is not inside "是 0.5" nor "是 1/4"
    elif chars[-1].isascii() and chars[-1].isalnum():
        body += r"(?![a-z0-9])"
    return body


def _resolve_overlaps(candidates: list[Found]) -> list[Found]:
    """Keep the longest of overlapping finds (two concepts on the very same span are both kept)."""
    ordered = sorted(candidates, key=lambda f: (-(f.end - f.start), f.start, f.concept))
    taken: list[Found] = []
    for found in ordered:
        clash = any(
            found.start < kept.end
            and kept.start < found.end
            and (found.start, found.end) != (kept.start, kept.end)
            for kept in taken
        )
        if not clash and found not in taken:
            taken.append(found)
    return sorted(taken, key=lambda f: (f.start, f.end, f.concept))
