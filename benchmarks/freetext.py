"""Free-text grading on the labelled corpus: precision, recall and reversed answers' scores by kind,
language and split, and the time to grade one answer.

Run from the project root: ``python benchmarks/freetext.py``. ``--errors`` lists the train split's
mistakes for tuning the lexicon; the held-out split's answers are never listed, only counted.
``--dev`` grades the second corpus (``tests/data/freetext_dev``, written later by other writers to
decide changes to the matcher itself, then used to harden the rubrics); ``--probe`` grades a third
corpus of reversed answers only, written after both (for the last hardening pass); ``--corpus DIR``
grades the corpus files of another folder (e.g. ``tests/data/freetext_more``). None of these is split.
``--train-only`` prints the train split alone, for tuning without looking at the held-out figures.
``tests/data/freetext_probe2`` is a second blind set of reversed answers (issue 11): ``--corpus`` it.
``--blind`` grades ``tests/data/freetext_blind`` (paraphrases, partial and fully reversed answers to
every free-text question, written blind), split like the first corpus: tune on its train part only.
Aims on the held-out split: precision >= 0.95, recall >= 0.85, no reversed answer above 25 %;
grading one answer <= 5 ms median.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from questions.load import load_bank
from quizapp.grading.freetext import PointStatus, default_grader
from quizapp.grading.freetext.evaluate import (
    KINDS,
    REVERSED_LIMIT,
    SPLITS,
    Tally,
    evaluate,
    read_corpus,
)

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
CORPUS = DATA / "freetext"
DEV_CORPUS = DATA / "freetext_dev"
PROBE_CORPUS = DATA / "freetext_probe"
BLIND_CORPUS = DATA / "freetext_blind"


def _figures(tally: Tally, *, short: bool = False) -> str:
    """Precision and recall, or what stands in their place: a set with no answers, or with no
    point to make (only reversed answers), has no recall, and its precision would only say
    whether any false credit was given, so its false credits are counted instead."""
    if not tally.answers:
        return "-"
    if not tally.tp + tally.fn:
        return f"FP {tally.fp}" if short else f"no point to make, {tally.fp} false credits"
    if short:
        return f"P {tally.precision:.2f} R {tally.recall:.2f}"
    return f"precision {tally.precision:.3f}, recall {tally.recall:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="list the train split's mistakes")
    parser.add_argument("--question", help="only this question id (train errors)")
    parser.add_argument("--module", help="only the corpus file of this module (m1 ... m6)")
    parser.add_argument("--dev", action="store_true", help="grade the dev corpus instead")
    parser.add_argument(
        "--probe", action="store_true", help="grade the probe corpus of reversed answers instead"
    )
    parser.add_argument(
        "--blind",
        action="store_true",
        help="grade the blind corpus (split like the first: a third held out by hash)",
    )
    parser.add_argument(
        "--corpus", type=Path, help="grade the corpus files in this folder instead (not split)"
    )
    parser.add_argument(
        "--train-only",
        action="store_true",
        help="print the train split's figures only (the held-out ones stay unseen while tuning)",
    )
    args = parser.parse_args()
    questions = {q.id: q for q in load_bank(include_user_packs=False).questions}
    folder = PROBE_CORPUS if args.probe else DEV_CORPUS if args.dev else CORPUS
    if args.blind:
        folder = BLIND_CORPUS
    if args.corpus is not None:
        if not args.corpus.is_dir():
            parser.error(f"--corpus: {args.corpus} is not a folder")
        folder = args.corpus
    args.dev = args.dev or args.probe or args.corpus is not None  # none of them is split
    files = sorted(folder.glob(f"{args.module}.yaml" if args.module else "*.yaml"))
    answers = read_corpus(files)
    skipped = [a for a in answers if a.question not in questions]
    if skipped:
        print(f"{len(skipped)} answers skipped: their question did not load")
        answers = [a for a in answers if a.question in questions]
    grader = default_grader()
    grader.grade(next(iter(questions.values())), "warm up")
    report = evaluate(answers, questions, grader)

    print(f"{len(answers)} labelled answers, {len({a.question for a in answers})} questions")
    shown = ("train",) if args.train_only else (*SPLITS, None)
    for split in (None,) if args.dev else shown:
        name = split or "all"
        total = report.tally(split)
        scores = report.reversed_scores(split)
        over = sum(s > REVERSED_LIMIT for s in scores)
        false = sum(c > REVERSED_LIMIT for c in report.reversed_false_credit(split))
        print(
            f"\n[{name}] {total.answers} answers: {_figures(total)}; "
            f"reversed answers above {REVERSED_LIMIT:.0%}: "
            f"{over} of {len(scores)} (max {max(scores, default=0):.2f}); "
            f"with false credit above {REVERSED_LIMIT:.0%}: {false}"
        )
        doubtful = [
            (p, o)
            for o in report.select(split)
            for p in o.grade.points
            if p.status is PointStatus.DOUBTFUL
        ]
        print(
            f"  points left doubtful (answer contradicts as many as it makes): {len(doubtful)}, "
            f"{sum(p.point.id in o.answer.made for p, o in doubtful)} of them labelled made"
        )
        alarms, right = report.misconception_alarms(split)
        print(
            f"  right answers told they state a misconception: {alarms} of {right}"
            + (f" ({alarms / right:.1%})" if right else "")
        )
        for kind in KINDS:
            cells = []
            for lang in ("en", "zh"):
                t = report.tally(split, kind, lang)
                cells.append(f"{lang} {_figures(t, short=True)} (n={t.answers})")
            print(f"  {kind:<10} " + "   ".join(cells))

    times = []
    sample = [(questions[a.question], a.text) for a in answers[:400]]
    for question, text in sample:
        start = time.perf_counter()
        grader.grade(question, text)
        times.append((time.perf_counter() - start) * 1000)
    if times:
        print(
            f"\ngrading one answer: median {statistics.median(times):.2f} ms, "
            f"p95 {sorted(times)[int(len(times) * 0.95)]:.2f} ms over {len(times)} answers"
        )

    if args.errors:
        print("\nMistakes (the held-out split's answers are never shown):")
        for outcome in report.select(None if args.dev else "train"):
            a = outcome.answer
            if args.question and a.question != args.question:
                continue
            wrong_reversed = a.kind == "reversed" and outcome.grade.score > REVERSED_LIMIT
            if outcome.false_positives or outcome.false_negatives or wrong_reversed:
                print(f"- {a.question} [{a.lang} {a.kind}] {a.text}")
                if outcome.false_positives:
                    print(f"    false +: {sorted(outcome.false_positives)}")
                    for p in outcome.grade.points:
                        if p.point.id in outcome.false_positives:
                            print(f"       {p.point.id} by clause: {p.clause}")
                if outcome.false_negatives:
                    print(f"    missed : {sorted(outcome.false_negatives)}")
                for m in outcome.grade.misconceptions:
                    print(f"    misconception {m.misconception.id}: {m.clause}")
    sys.exit(0)


if __name__ == "__main__":
    main()
