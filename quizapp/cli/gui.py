"""``quizapp gui``: open the desktop app, or save a screenshot of one screen and exit.

Qt is imported only when the command runs, so other subcommands stay light.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizapp.settings import DEFAULTS, FONT_SIZES, GRU_CONVENTIONS, MODERN_CONVENTIONS

DEFAULT_FONT_SIZE = DEFAULTS.font_size

STUDY_VIEWS = ("review", "mock", "mistakes", "stats", "summary")
VIEWS = ("home", "drill", "diagram", "question", "settings", *STUDY_VIEWS)


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``gui`` and its options."""
    parser = subparsers.add_parser(
        "gui",
        help="open the desktop app (the default when no command is given)",
        description="Open the desktop app, or with --screenshot save one screen as a PNG and exit.",
    )
    parser.add_argument("--screenshot", metavar="FILE", help="save a PNG of one screen and exit")
    parser.add_argument(
        "--view",
        choices=VIEWS,
        default="drill",
        help="screen to capture (default drill); review, mock, mistakes, stats and summary are the "
        "study screens and need a history: see --demo-history",
    )
    parser.add_argument("--cell", default="lstm", help="cell of the drill (default lstm)")
    parser.add_argument(
        "--ask", default="h", help="asked quantities, comma-separated (default h; 'all' for all)"
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of the drill (default 7)")
    parser.add_argument("--question", metavar="ID", help="question id for --view question")
    parser.add_argument("--lang", choices=("en", "zh"), default="en", help="language")
    parser.add_argument("--theme", choices=("light", "dark"), default="light", help="theme")
    parser.add_argument(
        "--difficulty", choices=("whiteboard", "standard", "hard"), default="standard"
    )
    parser.add_argument(
        "--convention",
        choices=(
            *GRU_CONVENTIONS,
            *dict.fromkeys(c for cs in MODERN_CONVENTIONS.values() for c in cs),
        ),
        default="pytorch",
        help="GRU: pytorch, d2l, colah; minGRU, minLSTM: paper, log_space (minLSTM also "
        "unnormalised); sLSTM, mLSTM: sigmoid, exp; SSM: simplified, zoh",
    )
    parser.add_argument(
        "--answered",
        action="store_true",
        help="fill in a plausible answer with one catalogued mistake and show the graded screen",
    )
    parser.add_argument(
        "--demo-history",
        action="store_true",
        help="for the study screens: use a simulated three-week history in a temporary folder "
        "(removed afterwards). Without it the simulated history is written into the data folder, "
        "and only when that folder holds no history yet; a real history is never touched",
    )
    parser.add_argument(
        "--size",
        default="1280x860",
        metavar="WxH",
        help="window size, from 400x300 to 4096x4096 (default 1280x860)",
    )
    parser.add_argument(
        "--font-size",
        type=int,
        choices=FONT_SIZES,
        default=DEFAULT_FONT_SIZE,
        metavar="PT",
        help=f"base font size in points, one of {', '.join(map(str, FONT_SIZES))} "
        f"(default {DEFAULT_FONT_SIZE})",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the GUI, or take the screenshot asked for."""
    if getattr(args, "screenshot", None):
        return _screenshot(args)
    from quizapp.gui.app import run as run_app

    return run_app()


def run_default(args: argparse.Namespace) -> int:
    """``quizapp`` with no command: open the desktop app."""
    del args
    from quizapp.gui.app import run as run_app

    return run_app()


def _screenshot(args: argparse.Namespace) -> int:
    from quizapp.gui.screenshot import (
        ScreenshotError,
        ScreenshotOptions,
        parse_size,
        take_screenshot,
    )

    try:
        size = parse_size(args.size)
    except ValueError as error:
        print(f"quizapp gui: --size: {error}", file=sys.stderr)
        return 2
    options = ScreenshotOptions(
        file=Path(args.screenshot),
        view=args.view,
        cell=args.cell,
        ask=tuple(part.strip() for part in args.ask.split(",") if part.strip()),
        seed=args.seed,
        question=args.question,
        lang=args.lang,
        theme=args.theme,
        answered=args.answered,
        size=size,
        difficulty=args.difficulty,
        convention=args.convention,
        demo_history=args.demo_history,
        font_size=args.font_size,
    )
    try:
        path = take_screenshot(options)
    except ScreenshotError as error:
        print(f"quizapp gui: {error}", file=sys.stderr)
        return 1
    print(path)
    return 0
