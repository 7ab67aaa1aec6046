"""Claims: how a key point or a misconception is written so that a grader can read it.

A claim is one short line of concept ids from the lexicon (``questions/lexicon/*.yaml``)::

    norm-clipping: keep direction        # subject "norm-clipping", predicate slots keep, direction
    gru: not output-gate                 # a negative claim: the GRU has no output gate
    cnn|conv: fixed receptive-field      # a slot may list alternatives with "|"
    loss spike                           # no subject: both concepts in one clause
    upper-layer > lower-layer read       # ">": the slot before it is named first

The subject (before ``:``) is optional; when given, a clause makes the claim only if the thing it
talks about is that subject and not a rival of the same lexicon group ("value clipping keeps the
direction" does not make the claim above). ``not`` anywhere after the colon makes the claim
negative. ``>`` between two slots fixes their order: a clause that names them the other way round
("the lower layer reads the upper layer") states the relation reversed — unless a passive "by" /
被 / 由 stands between them ("… is read by the upper layer"). This module only parses the line;
matching lives in ``quizapp.grading.freetext``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CONCEPT_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
NEGATION_WORD = "not"
ORDER_WORD = ">"


@dataclass(frozen=True)
class Claim:
    """A parsed claim: subject alternatives (may be empty), predicate slots, and polarity."""

    subject: tuple[str, ...]
    slots: tuple[tuple[str, ...], ...]
    negated: bool
    text: str
    # Pairs of slot indices (i, j): slot i is named before slot j (``>`` in the line).
    ordered: tuple[tuple[int, int], ...] = ()

    def concepts(self) -> tuple[str, ...]:
        """Every concept id the claim names, subject first."""
        return self.subject + tuple(c for slot in self.slots for c in slot)


class ClaimSyntaxError(ValueError):
    """A claim line that cannot be read; the message says what is wrong."""


def _alternatives(word: str, where: str) -> tuple[str, ...]:
    ids = tuple(word.split("|"))
    for concept in ids:
        if not CONCEPT_ID.match(concept):
            raise ClaimSyntaxError(
                f"{where} {concept!r} is not a concept id (lowercase letters, digits and '-')"
            )
    return ids


def parse_claim(text: str) -> Claim:
    """Read one claim line; raises ``ClaimSyntaxError`` with a message that says what is wrong."""
    line = " ".join(text.split())
    if not line:
        raise ClaimSyntaxError("empty claim")
    subject: tuple[str, ...] = ()
    rest = line
    if ":" in line:
        head, rest = line.split(":", 1)
        if ":" in rest:
            raise ClaimSyntaxError("a claim has at most one ':' (after the subject)")
        head = head.strip()
        if not head or " " in head:
            raise ClaimSyntaxError("the subject before ':' must be one concept (or a|b)")
        subject = _alternatives(head, "subject")
    negations = 0
    slots: list[tuple[str, ...]] = []
    ordered: list[tuple[int, int]] = []
    pending_order = False
    for word in rest.replace(ORDER_WORD, f" {ORDER_WORD} ").split():
        if word == NEGATION_WORD:
            negations += 1
        elif word == ORDER_WORD:
            if not slots or pending_order:
                raise ClaimSyntaxError("'>' stands between two concepts (the first is named first)")
            pending_order = True
        else:
            slots.append(_alternatives(word, "slot"))
            if pending_order:
                ordered.append((len(slots) - 2, len(slots) - 1))
                pending_order = False
    if pending_order:
        raise ClaimSyntaxError("'>' stands between two concepts (the first is named first)")
    if not slots:
        raise ClaimSyntaxError("a claim needs at least one concept after the subject")
    return Claim(subject, tuple(slots), negations % 2 == 1, line, tuple(ordered))
