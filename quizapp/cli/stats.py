"""``quizapp stats``: print the statistics summary of the history, or export the history as CSV."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from quizapp.plural import count_en
from quizapp.study import StudyError


def add_parser(subparsers: Any) -> None:
    """Register the ``stats`` subcommand."""
    parser = subparsers.add_parser(
        "stats",
        help="show accuracy, frequent mistakes, streak and due reviews",
        description="Show statistics of your answer history.",
    )
    parser.add_argument(
        "--csv",
        metavar="FILE",
        type=Path,
        help="also write the whole history to FILE as CSV",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the summary; returns the exit status."""
    from quizapp.study.export import export_history_csv
    from quizapp.study.stats import build_stats, format_stats_text
    from quizapp.study.store import Store

    now = datetime.now().astimezone()  # local time zone, so "today" is the user's today
    try:
        with Store.open() as store:
            if store.report.message:
                print(store.report.message, file=sys.stderr)
            print(format_stats_text(build_stats(store, now)), end="")
            if args.csv is not None:
                rows = export_history_csv(store, args.csv)
                print(f"Wrote {count_en(rows, 'answer')} to {args.csv}")
    except (StudyError, OSError) as error:
        print(f"quizapp stats: {error}", file=sys.stderr)
        return 1
    return 0
