"""Checks every free-text rubric of the bank against its own model answers and the lexicon.

``python benchmarks/freetext_check.py [--module m1]`` prints each problem and a count;
``quizapp questions validate`` runs the same checks on the bank and the packs.
"""

from __future__ import annotations

import argparse

from questions.load import load_bank
from quizapp.grading.freetext import default_grader
from quizapp.grading.freetext.rubric_check import check_rubrics


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--module", help="only questions from this bank file prefix (m1 ... m6)")
    args = parser.parse_args()
    result = load_bank(include_user_packs=False)
    grader = default_grader()
    problems = [f"LEXICON {p}" for p in grader.lexicon.problems]
    problems += [
        f"BANK {p}" for p in result.problems if args.module is None or f"/{args.module}_" in p.file
    ]
    questions = [q for q in result.questions if args.module is None or f"/{args.module}_" in q.file]
    problems += [str(p) for p in check_rubrics(questions, grader)]
    for line in problems:
        print(line)
    print(f"{len(problems)} problems")


if __name__ == "__main__":
    main()
