"""``quizapp questions practice``: interview questions in the terminal, remembered.

Questions matching ``--topic`` / ``--type`` / ``--difficulty`` come in a fair shuffled order
(``quizapp.study.order.spread``), each at most once; every answer is graded as in ``quizapp
review`` (``?`` shows the answer and counts as a miss), recorded in the history in mode
``practice`` and its card reviewed with the rating the learner accepts. ``--no-record`` (or the
setting ``record_practice`` turned off) keeps nothing: the session then runs on a throwaway
history.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from questions.topics import TOPIC_IDS
from questions.vocab import DIFFICULTIES, QUESTION_TYPES
from quizapp import settings as settings_module
from quizapp.bank import load_questions, pack_notices
from quizapp.cli.review import Console, print_summary, review_loop
from quizapp.cli.review_words import word
from quizapp.study import StudyError
from quizapp.study.order import spread
from quizapp.study.schedule import ReviewScheduler
from quizapp.study.session import StudyItem, StudySession
from quizapp.study.store import Store, StudyMode

DEFAULT_COUNT = 10
MAX_COUNT = 500


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``questions practice``."""
    parser.add_argument(
        "--topic", action="append", default=[], metavar="T", help="a topic id (repeat for more)"
    )
    parser.add_argument(
        "--type", action="append", default=[], metavar="K", help="a question type (repeat)"
    )
    parser.add_argument("--difficulty", default="any", help="easy, medium, hard or any")
    parser.add_argument(
        "--count", type=int, default=DEFAULT_COUNT, help=f"questions to ask (1 to {MAX_COUNT})"
    )
    parser.add_argument("--lang", choices=("en", "zh"), default=None, help="content language")
    parser.add_argument("--seed", type=int, default=None, help="seed of the order (replays it)")
    parser.add_argument(
        "--no-record", action="store_true", help="practise without keeping anything"
    )


def _problem(args: argparse.Namespace) -> str | None:
    for topic in args.topic:
        if topic not in TOPIC_IDS:
            return f"--topic: unknown topic {topic!r}"
    for kind in args.type:
        if kind not in QUESTION_TYPES:
            return f"--type: unknown type {kind!r}; one of {', '.join(QUESTION_TYPES)}"
    if args.difficulty not in (*DIFFICULTIES, "any"):
        return f"--difficulty: expected one of {', '.join(DIFFICULTIES)} or any"
    if not 1 <= args.count <= MAX_COUNT:
        return f"--count: expected 1 to {MAX_COUNT}, got {args.count}"
    return None


def run(args: argparse.Namespace) -> int:
    """Entry point of ``quizapp questions practice``."""
    return run_practice(args, sys.stdin, sys.stdout)


def run_practice(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    """Ask the chosen questions; exit 2 on bad options, 1 when the history cannot be opened."""
    problem = _problem(args)
    if problem is not None:
        print(f"quizapp questions practice: error: {problem}", file=sys.stderr)
        return 2
    loaded_settings = settings_module.load()
    for settings_problem in loaded_settings.problems:
        print(f"quizapp questions practice: {settings_problem}", file=sys.stderr)
    settings = loaded_settings.settings
    lang = args.lang or settings.content_language
    loaded = load_questions()
    for notice in pack_notices(loaded.problems):
        print(f"quizapp questions practice: {notice}", file=sys.stderr)
    questions = [
        q
        for q in loaded.questions
        if (not args.topic or q.topic in args.topic)
        and (not args.type or q.type in args.type)
        and args.difficulty in ("any", q.difficulty)
    ]
    console = Console(stdin, stdout)
    if not questions:
        console.say(word("no_questions", lang))
        return 0
    rng = random.Random(args.seed)
    items = [StudyItem.of_question(q) for q in spread(questions, rng)[: args.count]]
    record = settings.record_practice and not args.no_record
    try:
        if record:
            return _ask(Store.open(), items, console, lang, rng)
        with tempfile.TemporaryDirectory(prefix="quizapp-practice-") as folder:
            return _ask(
                Store.open(Path(folder) / "h.sqlite3", backup=False), items, console, lang, rng
            )
    except (StudyError, OSError) as error:
        print(f"quizapp questions practice: {error}", file=sys.stderr)
        return 1


def _ask(
    store: Store, items: list[StudyItem], console: Console, lang: str, rng: random.Random
) -> int:
    with store:
        if store.report.message:
            print(store.report.message, file=sys.stderr)
        session = StudySession(
            store,
            items,
            StudyMode.PRACTICE,
            scheduler=ReviewScheduler(store),
            seed=rng.randrange(1 << 30),
        )
        summary = review_loop(session, console, lang)
        print_summary(summary, console, lang)
    return 0
