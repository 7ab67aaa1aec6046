"""Measuring the free-text grader on labelled answers: key-point precision and recall, and the
scores of answers that reverse the right claims.

A corpus file (``tests/data/freetext/*.yaml``) lists answers with the question, language, kind
(``paraphrase``, ``partial``, ``reversed``, ``off_topic``), the text, and the key points a fair
grader ticks (``made``) or sees stated wrongly (``reversed``). A third of the answers, chosen by a
hash of the text, is *held out*: tuning the lexicon looks only at the rest (``train``), and the
held-out figures say how the grader does on answers it was not tuned on.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from questions.schema import Question
from quizapp.grading.freetext.grade import FreeTextGrade, Grader

KINDS = ("paraphrase", "partial", "reversed", "off_topic")
SPLITS = ("train", "heldout")
# A reversed answer may keep at most this share of the points (the aim: none above it).
REVERSED_LIMIT = 0.25
# Kinds whose answers state nothing wrong: a misconception found in one is a false alarm.
RIGHT_KINDS = ("paraphrase", "partial")


@dataclass(frozen=True)
class LabelledAnswer:
    """One answer of the corpus with its labels."""

    question: str
    lang: str
    kind: str
    text: str
    made: frozenset[str]
    reversed: frozenset[str]
    source: str

    @property
    def split(self) -> str:
        """``heldout`` for a third of the answers (by a hash of the text), else ``train``."""
        digest = hashlib.sha256(self.text.encode("utf-8")).digest()
        return "heldout" if digest[0] % 3 == 0 else "train"


def read_corpus(paths: Iterable[Path]) -> list[LabelledAnswer]:
    """Every answer of the given corpus files, in file order."""
    answers: list[LabelledAnswer] = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in data["answers"]:
            answers.append(
                LabelledAnswer(
                    str(item["question"]),
                    str(item["lang"]),
                    str(item["kind"]),
                    str(item["text"]),
                    frozenset(item.get("made") or ()),
                    frozenset(item.get("reversed") or ()),
                    path.name,
                )
            )
    return answers


@dataclass
class Tally:
    """Counts of true and false positives and false negatives over key points."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    answers: int = 0

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1 when nothing was to be found."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass(frozen=True)
class Outcome:
    """One graded answer of the corpus."""

    answer: LabelledAnswer
    grade: FreeTextGrade

    @property
    def predicted(self) -> frozenset[str]:
        """The key points the grader proposes as made."""
        return frozenset(p.point.id for p in self.grade.points if p.made)

    @property
    def false_positives(self) -> frozenset[str]:
        return self.predicted - self.answer.made

    @property
    def false_negatives(self) -> frozenset[str]:
        return self.answer.made - self.predicted


@dataclass
class Report:
    """Tallies by (split, kind, lang) and the graded answers."""

    outcomes: list[Outcome] = field(default_factory=list)

    def tally(
        self, split: str | None = None, kind: str | None = None, lang: str | None = None
    ) -> Tally:
        """Key-point counts over the answers that match the filters (None: any)."""
        total = Tally()
        for outcome in self.select(split, kind, lang):
            total.tp += len(outcome.predicted & outcome.answer.made)
            total.fp += len(outcome.false_positives)
            total.fn += len(outcome.false_negatives)
            total.answers += 1
        return total

    def select(
        self, split: str | None = None, kind: str | None = None, lang: str | None = None
    ) -> list[Outcome]:
        """The outcomes that match the filters."""
        return [
            o
            for o in self.outcomes
            if (split is None or o.answer.split == split)
            and (kind is None or o.answer.kind == kind)
            and (lang is None or o.answer.lang == lang)
        ]

    def reversed_scores(self, split: str | None = None) -> list[float]:
        """The proposed scores of the reversed answers."""
        return [o.grade.score for o in self.select(split, "reversed")]

    def reversed_false_credit(self, split: str | None = None) -> list[float]:
        """For each reversed answer, the share of points credited that its labels do not make
        (a reversed answer that keeps one point right earns that point fairly)."""
        return [
            len(o.false_positives) / len(o.grade.points)
            for o in self.select(split, "reversed")
            if o.grade.points
        ]

    def misconception_alarms(self, split: str | None = None) -> tuple[int, int]:
        """How many right answers (paraphrases and partial answers, which state nothing wrong)
        are told they state a catalogued misconception, out of how many: a false alarm tells a
        learner who was right that they were wrong."""
        right = [o for o in self.select(split) if o.answer.kind in RIGHT_KINDS]
        return sum(bool(o.grade.misconceptions) for o in right), len(right)


def evaluate(
    answers: Iterable[LabelledAnswer], questions: Mapping[str, Question], grader: Grader
) -> Report:
    """Grade every labelled answer (answers to unknown questions are an error)."""
    report = Report()
    for answer in answers:
        question = questions.get(answer.question)
        if question is None:
            raise KeyError(f"{answer.source}: unknown question {answer.question!r}")
        report.outcomes.append(Outcome(answer, grader.grade(question, answer.text)))
    return report


def by_kind_and_lang(report: Report, split: str | None) -> dict[tuple[str, str], Tally]:
    """Tallies for every kind and language of one split."""
    table: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for kind in KINDS:
        for lang in ("en", "zh"):
            table[(kind, lang)] = report.tally(split, kind, lang)
    return table
