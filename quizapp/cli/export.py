"""``quizapp export``: take the practice elsewhere.

``anki FILE.apkg [--topic T …] [--lang en|zh|both] [--mistakes]`` writes an Anki deck of the bank
(and packs), or of the questions got wrong, newest first. ``sheet FILE.pdf --cell C [--ask …]
[--difficulty D] [--count N] [--seed S] [--lang en|zh]`` prints drills for pen and paper, one page
each, then an answer key with the worked solutions; drill k has seed S + k − 1, exactly as
``quizapp drill --count N --seed S`` and the app's seed field make it. Neither writes inside the
data folder.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
from pathlib import Path
from typing import Any

import engine
from quizapp.drills import DIFFICULTIES, DrillError
from quizapp.drills.quantities import DRILL_CELLS
from quizapp.export.sheet import MAX_SHEET_DRILLS, SheetSpec
from quizapp.export.target import export_refusal
from quizapp.plural import count_en
from quizapp.study import StudyError

LARGEST_SEED = 999_999  # the app's seed field takes 0 … 999 999


def add_parser(subparsers: Any) -> None:
    """Register ``export`` with its ``anki`` and ``sheet`` subcommands."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "export", help="write an Anki deck of the questions or a printable drill sheet (PDF)"
    )
    sub = parser.add_subparsers(dest="export_command", metavar="KIND")
    anki = sub.add_parser(
        "anki",
        help="an Anki deck (.apkg) of the questions or of your mistakes",
        description="An Anki deck of the bank and packs. Exporting again updates the cards "
        "already imported (same note ids) instead of adding copies.",
    )
    anki.add_argument("file", type=Path, metavar="FILE.apkg", help="the package to write")
    anki.add_argument("--topic", action="append", default=[], metavar="T",
                      help="only this topic (repeat for several)")  # fmt: skip
    anki.add_argument("--lang", choices=("en", "zh", "both"), default="en",
                      help="language of the cards (both: English then Chinese on one card)")  # fmt: skip
    anki.add_argument("--mistakes", action="store_true",
                      help="only the questions you got wrong, newest first")  # fmt: skip
    anki.set_defaults(func=run_anki)
    sheet = sub.add_parser(
        "sheet",
        help="printable drills with an answer key (PDF)",
        description="Drills for pen and paper, one page each, then the answer key with the worked "
        "solutions. Every drill shows its seed, so it can be replayed in the app.",
    )
    sheet.add_argument("file", type=Path, metavar="FILE.pdf", help="the PDF to write")
    sheet.add_argument("--cell", default="lstm", help=f"one of: {', '.join(DRILL_CELLS)}")
    sheet.add_argument("--convention", default="", help="as for quizapp drill")
    sheet.add_argument("--ask", default="all", metavar="Q[,Q…]", help="as for quizapp drill")
    sheet.add_argument("--difficulty", default="whiteboard",
                       help=f"{', '.join(DIFFICULTIES)} (default: whiteboard, numbers for by hand)")  # fmt: skip
    sheet.add_argument("--count", default="4", help=f"number of drills, 1 to {MAX_SHEET_DRILLS}")
    sheet.add_argument(
        "--seed", default=None, help=f"first seed, 0 to {LARGEST_SEED} (default: random)"
    )
    sheet.add_argument("--two-biases", action="store_true", help="draw PyTorch's second bias")
    sheet.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the sheet")
    sheet.set_defaults(func=run_sheet)

    def show_help(_: argparse.Namespace) -> int:
        parser.print_help()
        return 2

    parser.set_defaults(func=show_help)


def _fail(message: str, status: int = 2) -> int:
    print(f"quizapp export: error: {message}", file=sys.stderr)
    return status


def _whole(text: str, name: str, least: int, most: int) -> int:
    try:
        value = int(text)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a whole number, got {text!r}") from None
    if not least <= value <= most:
        raise ValueError(f"{name} must be between {least} and {most}, got {value}")
    return value


def sheet_spec(args: argparse.Namespace) -> SheetSpec:
    """The sheet the options ask for (``ValueError`` with the option's name when one is bad)."""
    count = _whole(args.count, "--count", 1, MAX_SHEET_DRILLS)
    if args.seed is None:
        seed = random.SystemRandom().randrange(LARGEST_SEED + 2 - count)
    else:
        seed = _whole(args.seed, "--seed", 0, LARGEST_SEED + 1 - count)
    if args.cell not in DRILL_CELLS:
        raise ValueError(f"--cell: unknown cell {args.cell!r}; one of: {', '.join(DRILL_CELLS)}")
    if args.difficulty not in DIFFICULTIES:
        raise ValueError(f"--difficulty: expected one of {', '.join(DIFFICULTIES)}")
    asked = tuple(q.strip() for q in args.ask.split(",") if q.strip())
    if not asked:
        raise ValueError("--ask: name at least one quantity (or all)")
    return SheetSpec(args.cell, args.convention, asked, args.difficulty, seed, count,
                     args.two_biases)  # fmt: skip


def run_sheet(args: argparse.Namespace) -> int:
    """Entry point of ``quizapp export sheet``."""
    from quizapp.export.sheet import sheet_drills
    from quizapp.export.sheet_write import write_drills

    refusal = export_refusal(args.file, ".pdf")
    if refusal is not None:
        return _fail(refusal)
    try:
        drills = sheet_drills(sheet_spec(args))
    except (DrillError, engine.EngineError, ValueError) as error:
        return _fail(str(error))
    try:
        result = write_drills(drills, args.file, args.lang)
    except OSError as error:
        return _fail(f"{args.file}: {error}; nothing was written", 1)
    seeds = result.seeds
    which = f"seed {seeds[0]}" if len(seeds) == 1 else f"seeds {seeds[0]}–{seeds[-1]}"
    print(
        f"Wrote {count_en(len(seeds), 'drill')} ({count_en(result.pages, 'page')}, {which}) "
        f"to {args.file}"
    )
    return 0


def run_anki(args: argparse.Namespace) -> int:
    """Entry point of ``quizapp export anki``."""
    from quizapp.bank import load_questions, origin, pack_notices
    from quizapp.export.anki import write_apkg
    from quizapp.export.wrong import by_topic, check_topics, mistaken, wrong_question_ids

    refusal = export_refusal(args.file, ".apkg")
    if refusal is not None:
        return _fail(refusal)
    try:
        check_topics(args.topic)
    except ValueError as error:
        return _fail(str(error))
    loaded = load_questions()
    for notice in pack_notices(loaded.problems):
        print(notice, file=sys.stderr)
    if args.mistakes:
        from quizapp.study.store import Store

        try:
            with Store.open() as store:
                wrong = wrong_question_ids(store)
        except (StudyError, OSError, sqlite3.Error) as error:
            return _fail(f"the history cannot be read: {error}", 1)
        chosen = mistaken(loaded.questions, wrong, args.topic)
    else:
        chosen = by_topic(loaded.questions, args.topic)
    if not chosen:
        what = "you have no wrong answers to questions" if args.mistakes else "no question matches"
        return _fail(f"{what} (with these topics); nothing was written", 1)
    try:
        notes = write_apkg([(q, origin(q)) for q in chosen], args.file, args.lang, args.mistakes)
    except OSError as error:
        return _fail(f"{args.file}: {error}; nothing was written", 1)
    print(f"Wrote {count_en(notes, 'note')} to {args.file}")
    return 0
