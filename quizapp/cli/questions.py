"""``quizapp questions``: check question files, count what the bank holds, grade a free-text answer.

``validate [PATH ...]`` prints every problem as ``file:line: question 'id', field 'f': message`` and
exits 1 when any was found; it also checks the lexicon and every free-text rubric (claims name
known concepts, each model answer makes all of its points and no misconception).
``grade ID (--answer TEXT | -) [--lang en|zh] [--json]`` shows what the free-text grader makes of
an answer: each key point made or missed with the clause that decided it, the misconceptions
found, and the proposed score. ``stats [PATH ...] [--json]`` counts questions by topic (marking topics
below their target), type and difficulty. Without paths both read the shipped bank plus the user's
packs folder.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from questions.load import LoadResult, is_lexicon_file, load_paths
from questions.schema import DIFFICULTIES, QUESTION_TYPES
from questions.topics import OTHER_TARGET, STARRED_TARGET, TOPICS
from questions.validate import MISSING_TRANSLATION, printable
from quizapp.bank import load_questions, packs_folder
from quizapp.plural import count_en

if TYPE_CHECKING:
    from quizapp.grading.freetext import Grader

# A typed answer is a few hundred bytes; anything far larger is a mistake, not an answer.
_MAX_ANSWER_BYTES = 100_000


def add_parser(subparsers: Any) -> None:
    """Register ``questions`` with its ``validate`` and ``stats`` subcommands."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "questions", help="validate question files and show bank statistics"
    )
    sub = parser.add_subparsers(dest="questions_command", metavar="ACTION")
    validate = sub.add_parser("validate", help="check question files; exit 1 on any problem")
    validate.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: bank and packs)"
    )
    validate.set_defaults(func=run_validate)
    stats = sub.add_parser("stats", help="count questions by topic, type and difficulty")
    stats.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: bank and packs)"
    )
    stats.add_argument("--json", action="store_true", help="print machine-readable JSON")
    stats.set_defaults(func=run_stats)
    practice = sub.add_parser(
        "practice",
        help="practise interview questions in the terminal (answers are remembered)",
        description="Interview questions in a fair shuffled order, graded and remembered in the "
        "history (mode practice); type ? to see an answer (counts as a miss).",
    )
    from quizapp.cli import practice as practice_cli

    practice_cli.add_arguments(practice)
    practice.set_defaults(func=practice_cli.run)
    grade = sub.add_parser(
        "grade",
        help="grade a free-text answer against a question's key points",
        description="Grade a free-text answer: key points made or missed with the clause that "
        "made them, misconceptions found, and the proposed score.",
    )
    grade.add_argument("question_id", metavar="ID", help="a free-text question id")
    grade.add_argument("stdin", nargs="?", metavar="-", help="read the answer from standard input")
    grade.add_argument("--answer", metavar="TEXT", help="the answer text")
    grade.add_argument("--lang", choices=("en", "zh"), default="en", help="feedback language")
    grade.add_argument("--json", action="store_true", help="print the result as JSON")
    grade.set_defaults(func=run_grade)

    def show_help(_: argparse.Namespace) -> int:
        parser.print_help()
        return 2

    parser.set_defaults(func=show_help)


def _load(path_args: list[str]) -> LoadResult:
    if path_args:
        return load_paths(Path(p) for p in path_args if not is_lexicon_file(Path(p)))
    return load_questions()


def _grader(path_args: list[str]) -> tuple[Grader, list[str]]:
    """The shipped lexicon plus the packs' own ``*.lexicon.yaml`` files, and the problems found
    in those files."""
    from questions.lexicon import lexicon_files, pack_lexicon_files, read_lexicon
    from quizapp.grading.freetext import default_grader, grader_for

    packs = packs_folder()
    folders = [Path(p) for p in path_args] if path_args else [packs] if packs else []
    try:
        extra = pack_lexicon_files(p for p in folders if p.is_dir() or p.is_file())
    except OSError:
        extra = []  # an unreadable folder: the question loader reports it by name
    if not extra:
        return default_grader(), [str(p) for p in default_grader().lexicon.problems]
    own = read_lexicon(extra)
    if not own.concepts and not own.misconceptions:
        # Nothing usable in the pack's lexicon (unreadable, empty, not a file): the shipped
        # grader, compiled once, grades as well; compiling it again takes a second or two.
        shipped = default_grader()
        return shipped, [str(p) for p in (*shipped.lexicon.problems, *own.problems)]
    grader = grader_for(read_lexicon([*lexicon_files(), *extra]))
    return grader, [str(p) for p in grader.lexicon.problems]


def run_validate(args: argparse.Namespace) -> int:
    """Print every problem (files, lexicon, rubrics) and a summary; 1 when anything is invalid."""
    from quizapp.grading.freetext.rubric_check import check_rubrics

    result = _load(args.paths)
    grader, lexicon_problems = _grader(args.paths)
    problems = [str(p) for p in result.problems]
    problems += lexicon_problems
    problems += [str(p) for p in check_rubrics(result.questions, grader)]
    for problem in problems:
        # names from a pack (keys, ids, file names) may hold terminal escapes: shown escaped
        print(printable(problem))
    print(
        f"{count_en(len(result.questions), 'question')} loaded, {count_en(len(problems), 'problem')}"
    )
    return 1 if problems else 0


def _error(message: str) -> None:
    print(f"quizapp questions grade: error: {message}", file=sys.stderr)


def run_grade(args: argparse.Namespace) -> int:
    """Grade one free-text answer; exit 2 with a one-line error on bad input."""
    from quizapp.grading.freetext.report import grade_json, grade_text
    from quizapp.richtext import to_terminal

    if (args.answer is None) == (args.stdin is None) or args.stdin not in (None, "-"):
        _error("give the answer as --answer TEXT or '-' (standard input)")
        return 2
    if args.answer is not None:
        text = args.answer
    else:
        raw = sys.stdin.buffer.read(_MAX_ANSWER_BYTES + 1)
        if len(raw) > _MAX_ANSWER_BYTES:
            _error(f"the answer is over {_MAX_ANSWER_BYTES} bytes")
            return 2
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            _error(f"standard input is not UTF-8 (byte {error.start}); save the answer as UTF-8")
            return 2
    result = _load([])
    question = next((q for q in result.questions if q.id == args.question_id), None)
    if question is None:
        _error(f"no question with id {args.question_id!r}")
        return 2
    if not question.key_points:
        _error(f"question {question.id!r} is {question.answer_type}, not free text")
        return 2
    grade = _grader([])[0].grade(question, text)
    if args.json:
        print(json.dumps(grade_json(question, grade, args.lang), indent=2, ensure_ascii=False))
    else:
        print(to_terminal(grade_text(question, grade, args.lang)))  # hₜ₋₁, no backticks
    return 0


def bank_stats(result: LoadResult) -> dict[str, Any]:
    """Counts by topic, type and difficulty, topics below target, questions missing a language."""
    questions = result.questions
    by_topic = Counter(q.topic for q in questions)
    by_type = Counter(q.type for q in questions)
    by_difficulty = Counter(q.difficulty for q in questions)
    missing = sorted(
        {
            printable(f"{p.question_id or '?'} ({p.file}:{p.line})")
            for p in result.problems
            if p.kind == MISSING_TRANSLATION
        }
    )
    return {
        "total": len(questions),
        "problems": len(result.problems),
        "by_topic": {
            t.id: {"count": by_topic[t.id], "target": t.target, "starred": t.starred}
            for t in TOPICS
        },
        "below_target": [t.id for t in TOPICS if by_topic[t.id] < t.target],
        "by_type": {name: by_type[name] for name in QUESTION_TYPES},
        "by_difficulty": {name: by_difficulty[name] for name in DIFFICULTIES},
        "missing_language": missing,
    }


def _percent(count: int, total: int) -> str:
    return f"{100 * count / total:5.1f} %" if total else "    - %"


def run_stats(args: argparse.Namespace) -> int:
    """Print the counts (or JSON with ``--json``); files with problems are named on stderr."""
    from quizapp.bank import pack_notices

    loaded = _load(args.paths)
    for notice in pack_notices(loaded.problems):
        print(f"quizapp questions stats: {printable(notice)}", file=sys.stderr)
    stats = bank_stats(loaded)
    if args.json:
        print(json.dumps(stats, indent=2, ensure_ascii=False))
        return 0
    total: int = stats["total"]
    print(
        f"By topic (* starred, target {STARRED_TARGET}; others {OTHER_TARGET}; '<' below target):"
    )
    for topic in TOPICS:
        entry = stats["by_topic"][topic.id]
        star = "*" if topic.starred else " "
        mark = "<" if entry["count"] < entry["target"] else " "
        print(f"  {mark} {star} {topic.id:22} {entry['count']:4} / {entry['target']}")
    print("By type:")
    for name, count in stats["by_type"].items():
        print(f"    {name:22} {count:4}  {_percent(count, total)}")
    print("By difficulty:")
    for name, count in stats["by_difficulty"].items():
        print(f"    {name:22} {count:4}  {_percent(count, total)}")
    missing: list[str] = stats["missing_language"]
    print(f"Missing a language: {len(missing)}")
    for item in missing:
        print(f"    {item}")
    below = len(stats["below_target"])
    print(
        f"Total: {count_en(total, 'question')}, {count_en(below, 'topic')} below target, "
        f"{count_en(stats['problems'], 'problem')}"
    )
    return 0
