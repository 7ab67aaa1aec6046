"""``quizapp questions``: check question files and count what the bank holds.

``validate [PATH ...]`` prints every problem as ``file:line: question 'id', field 'f': message`` and
exits 1 when any was found. ``stats [PATH ...] [--json]`` counts questions by topic (marking topics
below their target), type and difficulty. Without paths both read the shipped bank plus the user's
packs folder.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from questions.load import LoadResult, load_bank, load_paths
from questions.schema import DIFFICULTIES, QUESTION_TYPES
from questions.topics import TOPICS
from questions.validate import MISSING_TRANSLATION
from quizapp import paths


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

    def show_help(_: argparse.Namespace) -> int:
        parser.print_help()
        return 2

    parser.set_defaults(func=show_help)


def _load(path_args: list[str]) -> LoadResult:
    if path_args:
        return load_paths(Path(p) for p in path_args)
    return load_bank(include_user_packs=True, packs_folder=paths.packs_dir())


def run_validate(args: argparse.Namespace) -> int:
    """Print every problem and a summary; 1 when anything is invalid."""
    result = _load(args.paths)
    for problem in result.problems:
        print(problem)
    print(f"{len(result.questions)} questions loaded, {len(result.problems)} problems")
    return 1 if result.problems else 0


def bank_stats(result: LoadResult) -> dict[str, Any]:
    """Counts by topic, type and difficulty, topics below target, questions missing a language."""
    questions = result.questions
    by_topic = Counter(q.topic for q in questions)
    by_type = Counter(q.type for q in questions)
    by_difficulty = Counter(q.difficulty for q in questions)
    missing = sorted(
        {
            f"{p.question_id or '?'} ({p.file}:{p.line})"
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
    """Print the counts (or JSON with ``--json``)."""
    stats = bank_stats(_load(args.paths))
    if args.json:
        print(json.dumps(stats, indent=2, ensure_ascii=False))
        return 0
    total: int = stats["total"]
    print("By topic (* starred, target 7; others 3; '<' below target):")
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
    print(f"Total: {total} questions, {below} topics below target, {stats['problems']} problems")
    return 0
