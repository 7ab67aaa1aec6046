"""The exact numbers a key point states, and whether an answer's clause states others instead.

A key point such as "a self-connection with fixed weight 1" or "so the ratio is 3/4" is decided by
its number as much as by its words: "the self-loop weight is fixed at 0.5" says the words and gets
the number wrong. The claims (``questions.claims``) name concepts, not values, so the grader reads
the values here: the numbers a point's text states as exact values, and the numbers written next to
the words that make one of its claims (in their fragment, a few characters either side:
``NUMBER_REACH``). When those are numbers and none of them is one of the point's, the clause states
another value, which contradicts the point (``other_values``).

Only exact values count: a number after "<", "≈", "near", "below", 小于, 约 … is a bound or an
example ("decays when f < 1"), years are citations ("Gers et al. 2000"), and digits that belong to
a name or an index ("fp16", "h_{t-1}", "O(1)", "e^0") are not values. An answer's number words
count from "two" and as fractions ("three quarters"); "one" and "zero" alone are left to the words
("the one-step Jacobian", "zero-padded").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from questions.schema import KeyPoint
from quizapp.grading.freetext.clauses import Segmented

# How far from the claim's words a number is read as the value they state ("fixed at 0.5").
NUMBER_REACH = 16

# A number standing on its own: not inside a name ("fp16", "x2"), an index ("t-1", "_2"), an
# exponent ("e^0", "1e-4") or an "O(…)"; a fraction "3/4" or a percentage "75%" is read whole, a
# size's coefficient ("2n", "4n", "2L") by its number.
# (ASCII letters only: a Chinese measure word may follow a number, "4 块", "3块".) "ln 65" and
# "ln65" both write 65.
_NUMBER = re.compile(
    r"(?:(?<=\bln)|(?<=\blog)|(?<![A-Za-z0-9_.^\-−/⁄:]))(?<![A-Za-z0-9_)}]\+)(?<!o\()(?<!O\()"
    r"(\d+(?:\.\d+)?)(?:\s*[/⁄:]\s*(\d+(?:\.\d+)?))?(\s*%)?"
    r"(?:(?![A-Za-z0-9_.^]|[/⁄:][A-Za-z0-9_])|(?=[ndhlvtNDHLVT](?![A-Za-z0-9_])))"
)
# What makes a number in a key point a bound or an example rather than the value it states.
_NOT_EXACT_BEFORE = re.compile(
    r"(?:[<>≤≥≈~∼]|\bnear|\bbelow|\babove|\baround|\babout|\bunder|\bover|\bat most|\bat least"
    r"|接近|小于|大于|低于|高于|约|不超过|至多|至少)\s*$",
    re.IGNORECASE,
)
_RESULT_BEFORE = re.compile(r"(\S+)\s*[=＝]\s*$")
_YEARS = range(1900, 2100)
_SAME = 1e-9


# An index in brackets ("h_n[-1]", "out[:, -1]") is a position, not a value.
_INDEX = re.compile(r"\[[^\[\]]{0,24}\]")
# A minus sign that makes a number negative ("a bias of -1", "(−1, 1)"), not an index ("t-1").
_NEGATIVE = re.compile(r"(?<![A-Za-z0-9_)}\]])[-−](?=\d)")


def _values(text: str, *, exact_only: bool, results: bool = True) -> frozenset[float]:
    values: set[float] = set()
    text = _INDEX.sub(lambda m: " " * len(m.group()), text)
    for match in _NUMBER.finditer(_NEGATIVE.sub("~", text)):
        before = text[: match.start()]
        if exact_only and _NOT_EXACT_BEFORE.search(before):
            continue
        result = _RESULT_BEFORE.search(before)
        if not results and result and any(c.isdigit() for c in result.group(1)):
            continue  # "e^0 = 1": a worked value, not a claim ("t mod T = 1" is one)
        whole, denominator, percent = match.group(1), match.group(2), match.group(3)
        value = float(whole)
        if denominator is None and percent is None and "." not in whole and int(value) in _YEARS:
            continue
        if denominator is not None:
            if float(denominator) == 0:
                continue
            value /= float(denominator)
        if percent is not None:
            value /= 100
        values.add(-value if match.start() > 0 and text[match.start() - 1] in "-−" else value)
    return frozenset(values)


@dataclass(frozen=True)
class PointValues:
    """The numbers of a key point: ``exact``, the values it states, and ``allowed``, every number
    its texts write (with the bounds and examples: "≈ 0.73")."""

    exact: frozenset[float]
    allowed: frozenset[float]

    @classmethod
    def of(cls, texts: Iterable[str]) -> PointValues:
        """The numbers of a key point written in ``texts`` (its English and Chinese)."""
        texts = tuple(texts)
        return cls(
            frozenset().union(*(_values(t, exact_only=True) for t in texts)),
            frozenset().union(*(_values(t, exact_only=False) for t in texts)),
        )

    def contradicted_by(self, written: frozenset[float]) -> bool:
        """Whether an answer writing ``written`` gives the point other values: the point states
        an exact value, the answer writes numbers, and none of them is one of the point's."""
        if not self.exact or not written:
            return False
        return not any(abs(w - a) <= _SAME for w in written for a in self.allowed)


# Number words an answer may write a value with ("shifted by two", "sum to two", "three
# quarters"). Not "one" or "zero" alone: "the one-step Jacobian", "each one", "zero-padded" are
# no values.
_NUMBER_WORDS = {"two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "twice": 2.0}
_COUNTS = {"a": 1.0, "one": 1.0, "two": 2.0, "three": 3.0}
_PARTS = {"half": 2.0, "halves": 2.0, "third": 3.0, "thirds": 3.0, "quarter": 4.0, "quarters": 4.0}
_FRACTION_WORDS = re.compile(r"\b(a|one|two|three)[ -](half|halves|thirds?|quarters?)\b(?!-)")
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS) + r")\b(?![- ]?(?:thirds?|quarters?))")


def _word_values(text: str) -> set[float]:
    values = {_COUNTS[m.group(1)] / _PARTS[m.group(2)] for m in _FRACTION_WORDS.finditer(text)}
    return values | {_NUMBER_WORDS[m.group()] for m in _NUMBER_WORD.finditer(text)}


def written_values(texts: Iterable[str]) -> frozenset[float]:
    """The numbers written in some fragments of an answer, not counting the result after "="
    (a worked value such as "e^0 = 1" is the answer's arithmetic, not its claim)."""
    values: set[float] = set()
    for text in texts:
        values |= _values(text, exact_only=False, results=False)
        values |= _word_values(text)
    return frozenset(values)


@functools.cache
def _point_values(english: str, chinese: str) -> PointValues:
    return PointValues.of((english, chinese))


def other_values(
    point: KeyPoint, segmented: Segmented, spans: Iterable[tuple[int, int, int]]
) -> bool:
    """Whether the claim's words at ``spans`` (fragment, first and last character) of ``segmented``
    stand next to numbers and none of them is a value ``point`` states ("the self-loop weight is
    fixed at 0.5" against "fixed weight 1"). Next to: in the same fragment, at most
    ``NUMBER_REACH`` characters before or after the words."""
    stated = _point_values(point.text.en, point.text.zh)
    if not stated.exact:
        return False
    written = written_values(
        segmented.fragments[index].text[max(0, first - NUMBER_REACH) : last + NUMBER_REACH]
        for index, first, last in spans
    )
    return stated.contradicted_by(written)
