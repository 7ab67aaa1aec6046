"""Grading one free-text answer: which key points it makes, which it contradicts, which catalogued
misconceptions it states, and the proposed score.

The proposal is the learner's to confirm: every mode shows the ticks and lets the learner change
them before the score counts (``checklist_score``). A point is *made* when one clause makes one of
its claims (for a point that states an exact value, without writing another number instead:
``numbers``; and without one fragment of that clause denying another of its claims:
``denied_inside``); a catalogued misconception that the point lists takes the credit away again
(not one offered as the other of two alternatives whose first makes a point, "it shrinks or blows
up": ``hedged``);
a point whose claim the answer states the other way round is *contradicted* (no credit, and said
so). When
an answer contradicts at least as many points as it makes, the points it makes are proposed as
*doubtful*, not ticked (measured on blind answers that reverse every claim: most of the credit such
an answer still got came from clauses that only looked right).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

from questions.lexicon import Lexicon, Misconception, shipped_lexicon
from questions.schema import KeyPoint, Question
from quizapp.grading.freetext.clauses import Segmented, segment
from quizapp.grading.freetext.formulas import (
    Equation,
    FormulaHit,
    FormulaVerdict,
    KeyFormula,
    check_formula,
    equations_in,
)
from quizapp.grading.freetext.match import ClaimHit, ClaimReader, Verdict
from quizapp.grading.freetext.mentions import ConceptIndex
from quizapp.grading.freetext.numbers import other_values


class PointStatus(Enum):
    """What the answer does with one key point."""

    MADE = "made"
    MISSED = "missed"
    CONTRADICTED = "contradicted"
    # Stated, but in an answer that contradicts at least as many key points as it makes: the
    # matcher does not propose the tick (an answer that reverses most
    # claims in the right words also assembles a right-looking clause by accident); the learner
    # ticks it if it was meant.
    DOUBTFUL = "doubtful"


@dataclass(frozen=True)
class PointResult:
    """One key point: its status, the clause that decided it (as written), and why it lost credit."""

    point: KeyPoint
    status: PointStatus
    clause: str | None
    cancelled_by: str | None = None
    by_formula: bool = False  # decided by an equation the answer wrote (``clause``)

    @property
    def made(self) -> bool:
        """Whether the point earns credit."""
        return self.status is PointStatus.MADE


@dataclass(frozen=True)
class MisconceptionFound:
    """A catalogued wrong claim the answer states, with the clause that states it."""

    misconception: Misconception
    clause: str


@dataclass(frozen=True)
class FreeTextGrade:
    """The proposed grading of one answer."""

    points: tuple[PointResult, ...]
    misconceptions: tuple[MisconceptionFound, ...]

    @property
    def score(self) -> float:
        """The share of key points made (0 when there are none)."""
        return sum(p.made for p in self.points) / len(self.points) if self.points else 0.0

    @property
    def ticks(self) -> tuple[bool, ...]:
        """One proposed tick per key point, in the question's order."""
        return tuple(p.made for p in self.points)


@dataclass(frozen=True)
class Grader:
    """A lexicon compiled for grading; the shipped one is ``default_grader()``."""

    lexicon: Lexicon
    index: ConceptIndex

    def analyse(self, text: str) -> Segmented:
        """The answer cut into clauses and fragments with the concepts found in each."""
        return segment(text, self.index.find)

    def grade(self, question: Question, text: str) -> FreeTextGrade:
        """Grade ``text`` against ``question``'s key points and the misconceptions of its topic."""
        segmented = self.analyse(text)
        reader = ClaimReader(segmented, self.lexicon)

        def clause_text(index: int) -> str:
            return segmented.clauses[index].original

        @functools.cache
        def made_claims() -> tuple[ClaimHit, ...]:
            """The point claims the answer makes (read once, and only if a misconception is)."""
            hits = (reader.read(claim) for point in question.key_points for claim in point.claims)
            return tuple(hit for hit in hits if hit is not None and hit.verdict is Verdict.MADE)

        found: dict[str, MisconceptionFound] = {}
        for misconception in self._misconceptions(question):
            for claim in misconception.claims:
                hit = reader.read(claim, explicit_subject=True)
                if (
                    hit is not None
                    and hit.verdict is Verdict.MADE
                    and not hedged(hit, made_claims(), segmented)
                ):
                    found[misconception.id] = MisconceptionFound(
                        misconception, clause_text(hit.clause)
                    )
                    break
        written = formula_reading(question, text)
        results: list[PointResult] = []
        for point in question.key_points:
            results.append(self._point(point, reader, found, clause_text, written))
        return FreeTextGrade(held_back(results), tuple(found.values()))

    def _misconceptions(self, question: Question) -> list[Misconception]:
        chosen = list(self.lexicon.misconceptions_for(question.topic))
        for point in question.key_points:
            for misconception_id in point.misconceptions:
                item = self.lexicon.misconception(misconception_id)
                if item is not None and item not in chosen:
                    chosen.append(item)
        return chosen

    def _point(
        self,
        point: KeyPoint,
        reader: ClaimReader,
        found: dict[str, MisconceptionFound],
        clause_text: Callable[[int], str],
        written: FormulaReading,
    ) -> PointResult:
        cancelled = next((m for m in point.misconceptions if m in found), None)
        if cancelled is not None:
            # A catalogued wrong claim about this point takes its credit, made or not.
            return PointResult(point, PointStatus.CONTRADICTED, found[cancelled].clause, cancelled)
        by_formula = written.decide(point)
        if by_formula is not None:
            # A formula written out decides its point, whatever words surround it.
            right = by_formula.verdict is FormulaVerdict.RIGHT
            status = PointStatus.MADE if right else PointStatus.CONTRADICTED
            return PointResult(point, status, by_formula.written, by_formula=True)
        made: ClaimHit | None = None
        contradictions: list[ClaimHit] = []
        for claim in point.claims:
            hit = reader.read(claim)
            if hit is None:
                continue
            if hit.verdict is Verdict.MADE and not other_values(point, reader.segmented, hit.spans):
                if len(hit.fragments) == 1 and made is None:
                    # Said in one fragment: no later claim can deny it inside (``denied_inside``).
                    return PointResult(point, PointStatus.MADE, clause_text(hit.clause))
                made = made or hit
            else:
                contradictions.append(hit)
        if made is not None and not any(denied_inside(made, c) for c in contradictions):
            return PointResult(point, PointStatus.MADE, clause_text(made.clause))
        if contradictions:
            return PointResult(
                point, PointStatus.CONTRADICTED, clause_text(contradictions[0].clause)
            )
        return PointResult(point, PointStatus.MISSED, None)


# Two alternatives offered together: "it shrinks or blows up", 消失或者爆炸.
_OR_BETWEEN = re.compile(r"\s*(?:or|and/or|或者|或是|或)\s*")


def hedged(wrong: ClaimHit, made: Sequence[ClaimHit], segmented: Segmented) -> bool:
    """Whether a misconception's words are one of two alternatives whose other one makes a key
    point (one of the ``made`` claim hits: "the gradient shrinks or blows up exponentially"):
    offering both is no statement of the wrong one alone. Read only where the two stand apart,
    joined by "or"; where one claim's words enclose the other's ("gradients from distant steps
    vanish or explode") the "or" may join two parts of one claim ("正交或单位矩阵初始化"), and the
    misconception stands: measured, reading those too gave two reversed answers credit and took
    no false alarm away."""
    for fragment, start, end in wrong.spans:
        text = segmented.fragments[fragment].text
        for right in made:
            for other, first, last in right.spans:
                if other != fragment:
                    continue
                if last <= start and _OR_BETWEEN.fullmatch(text, last, start):
                    return True
                if end <= first and _OR_BETWEEN.fullmatch(text, end, first):
                    return True
    return False


def denied_inside(made: ClaimHit, contradiction: ClaimHit) -> bool:
    """Whether ``contradiction`` takes the credit of ``made``: ``made`` gathers its words from
    several fragments of a clause, and inside one of them the point's claim of two or more
    concepts is said the other way round ("只学到远距离的模式，局部模式学不到": "只" and "局部模式"
    would make "only local patterns", but "局部模式学不到" denies "learns local patterns").

    A compact denial is the learner's own statement; words gathered across fragments are the
    matcher's guess. A one-concept claim does not decide (its denial is often a passing
    mention: "exp overflows" is no denial that the stabiliser prevents overflow)."""
    return (
        contradiction.clause == made.clause
        and len(contradiction.claim.slots) >= 2
        and len(made.fragments) > 1
        and len(contradiction.fragments) == 1
        and contradiction.fragments <= made.fragments
    )


@dataclass(frozen=True)
class FormulaReading:
    """The equations an answer writes, to be read against its question's key formulas."""

    equations: tuple[Equation, ...]

    def decide(self, point: KeyPoint) -> FormulaHit | None:
        """A formula of ``point`` written wrong (the first); else all of them written right
        (the last); else None (the claims decide)."""
        if not point.formulas or not self.equations:
            return None
        hits: list[FormulaHit | None] = []
        for text in point.formulas:
            key = KeyFormula.of(text)
            hits.append(None if key is None else check_formula(key, self.equations))
        wrong = [h for h in hits if h is not None and h.verdict is FormulaVerdict.WRONG]
        if wrong:
            return wrong[0]
        if all(h is not None for h in hits):
            return hits[-1]
        return None


def formula_reading(question: Question, text: str) -> FormulaReading:
    """The equations of ``text`` (none looked for when the question has no key formula)."""
    if not any(point.formulas for point in question.key_points):
        return FormulaReading(())
    if "=" not in text and "＝" not in text:
        return FormulaReading(())
    return FormulaReading(tuple(equations_in(text)))


def held_back(results: Sequence[PointResult]) -> tuple[PointResult, ...]:
    """The results, with the points made marked doubtful when the answer contradicts at least
    as many key points as it makes (see ``PointStatus.DOUBTFUL``).

    A contradiction read in the very clause that makes another point does not count (unless a
    catalogued misconception states it): "the steps run one after another" makes "sequential"
    and is misread as denying the parallel scan of another point far more often than a learner
    states one point right and another wrong in one clause."""
    made_in = {r.clause for r in results if r.made}
    contradicted = sum(
        r.status is PointStatus.CONTRADICTED
        and (r.cancelled_by is not None or r.clause not in made_in)
        for r in results
    )
    made = sum(r.made for r in results)
    if contradicted == 0 or made > contradicted:
        return tuple(results)
    return tuple(
        dataclasses.replace(r, status=PointStatus.DOUBTFUL) if r.made else r for r in results
    )


def grader_for(lexicon: Lexicon) -> Grader:
    """A grader over ``lexicon``."""
    return Grader(lexicon, ConceptIndex(lexicon))


@functools.cache
def default_grader() -> Grader:
    """The grader over the shipped lexicon (compiled once)."""
    return grader_for(shipped_lexicon())


def grade_free_text(question: Question, text: str) -> FreeTextGrade:
    """Grade one answer with the shipped lexicon."""
    return default_grader().grade(question, text)


def checklist_score(ticked: Sequence[bool]) -> float:
    """The share of key points the learner ticked (0 for an empty list)."""
    return sum(bool(t) for t in ticked) / len(ticked) if ticked else 0.0
