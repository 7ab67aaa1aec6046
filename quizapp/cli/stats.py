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


def export_refusal(target: Path) -> str | None:
    """Why the CSV export must not be written to ``target`` (``None``: it may).

    Anything inside the data folder (the history, its journal, backups, settings, packs) is
    refused, links followed: an export over the live history would destroy it.
    """
    from quizapp import paths

    try:
        data = paths.data_dir().resolve()
        resolved = target.expanduser().resolve()
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop (Python < 3.13)
        return f"--csv {target}: cannot check where this file is ({error}); nothing was written"
    if resolved == data or data in resolved.parents:
        return (
            f"--csv {target}: refusing to write the export inside the data folder {data} "
            "(it would overwrite the history or its files); nothing was written. Choose a "
            "file outside that folder."
        )
    if resolved.is_dir():
        return f"--csv {target}: is a folder; nothing was written. Give a file name."
    if resolved.exists() and not resolved.is_file():  # a pipe would block the writer forever
        return f"--csv {target}: is not a regular file (a pipe or a device); nothing was written."
    return None


def run(args: argparse.Namespace) -> int:
    """Print the summary; returns the exit status."""
    from quizapp.study.export import export_history_csv
    from quizapp.study.stats import build_stats, format_stats_text
    from quizapp.study.store import Store

    now = datetime.now().astimezone()  # local time zone, so "today" is the user's today
    if args.csv is not None:
        refusal = export_refusal(args.csv)
        if refusal is not None:
            print(f"quizapp stats: {refusal}", file=sys.stderr)
            return 2
    try:
        with Store.open() as store:
            if store.report.message:
                print(store.report.message, file=sys.stderr)
            print(format_stats_text(build_stats(store, now)), end="")
            if args.csv is not None:
                try:
                    rows = export_history_csv(store, args.csv)
                except OSError as error:
                    reason = error.strerror or str(error)
                    print(
                        f"quizapp stats: --csv {args.csv}: {reason}; nothing was written",
                        file=sys.stderr,
                    )
                    return 1
                print(f"Wrote {count_en(rows, 'answer')} to {args.csv}")
    except (StudyError, OSError) as error:
        print(f"quizapp stats: {error}", file=sys.stderr)
        return 1
    return 0
