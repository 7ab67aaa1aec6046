"""A plausible learner's answer to a drill, with one catalogued mistake in it (no Qt).

Used by ``quizapp gui --screenshot --answered`` and the GUI tests: the first asked quantity that a
catalogued mistake affects takes that mistake's value, and every later quantity the same mistake
reaches takes it too (the learner carried it forward); the rest are answered right. Numbers are
written the way a person would: three decimals, commas between elements.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.drills import Drill


@dataclass(frozen=True)
class SampleAnswer:
    """The typed texts per asked quantity and the mistake id they contain (None if none applied)."""

    texts: dict[str, str]
    mistake: str | None


def typed(values: Sequence[float], decimals: int = 3) -> str:
    """``(0.1234, -0.5)`` -> ``"0.123, -0.5"``, the way a learner types a vector."""
    parts = []
    for value in values:
        text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
        parts.append("0" if text in ("-0", "") else text)
    return ", ".join(parts)


def sample_answer(drill: Drill, mistake: str | None = None) -> SampleAnswer:
    """Right answers except where ``mistake`` (default: the first that applies) changes them."""
    chosen = mistake
    detail: str | None = None
    for key in drill.asked:
        for alternative in drill.alternatives.get(key, ()):
            if chosen is None or alternative.mistake == chosen:
                chosen, detail = alternative.mistake, alternative.detail
                break
        if detail is not None:
            break
    texts: dict[str, str] = {}
    for key in drill.asked:
        values = drill.expected.get(key, ())
        candidates = [a for a in drill.alternatives.get(key, ()) if a.mistake == chosen]
        # The same slip in the same place reaches every later quantity (carried forward).
        same_place = [a for a in candidates if a.detail == detail]
        if same_place or candidates:
            values = (same_place or candidates)[0].values
        texts[key] = typed(values)
    if drill.formula is not None and chosen is not None:
        for mistake_id, expression in drill.formula.wrong:
            if mistake_id == chosen:
                texts = {key: expression for key in drill.asked}
    return SampleAnswer(texts, chosen)
