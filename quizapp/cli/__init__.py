"""The ``quizapp`` command: global options and dispatch to one module per subcommand.

Each subcommand module exposes ``add_parser(subparsers)`` which registers its parser and sets
``func`` (a callable taking the parsed namespace and returning an exit status).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Callable, Sequence

from quizapp import __version__, paths

# Subcommand modules, imported lazily so that `quizapp compute` does not pay for Qt or sympy.
SUBCOMMANDS: tuple[str, ...] = ("compute", "drill", "questions", "review", "stats", "gui")


def _available_subcommands() -> list[str]:
    return [n for n in SUBCOMMANDS if importlib.util.find_spec(f"quizapp.cli.{n}") is not None]


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every available subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="quizapp",
        description="Drills and interview questions on RNN, LSTM, GRU and their variants.",
    )
    parser.add_argument("--version", action="version", version=f"quizapp {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"folder for history, settings, packs and logs (default: ${paths.ENV_VAR} "
        "or the user data folder)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _available_subcommands():
        module = importlib.import_module(f"quizapp.cli.{name}")
        module.add_parser(subparsers)
    return parser


def _gui_without_command(argv: Sequence[str]) -> str | None:
    """For ``quizapp`` with no command (only perhaps ``--data-dir``): the data folder given ("" for
    none); ``None`` when there is more, which the full parser handles."""
    if not argv:
        return ""
    if len(argv) == 1 and argv[0].startswith("--data-dir=") and len(argv[0]) > len("--data-dir="):
        return argv[0].removeprefix("--data-dir=")
    if len(argv) == 2 and argv[0] == "--data-dir" and argv[1] and not argv[1].startswith("-"):
        return argv[1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    data_dir = _gui_without_command(arguments)
    if data_dir is not None and importlib.util.find_spec("quizapp.cli.gui") is not None:
        # The desktop app: skip importing every subcommand (about 0.2 s) before its window.
        if data_dir:
            paths.set_data_dir(data_dir)
        gui = importlib.import_module("quizapp.cli.gui")
        return int(gui.run_default(argparse.Namespace(command=None, data_dir=data_dir or None)))
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        if args.command is None and "gui" in _available_subcommands():
            gui = importlib.import_module("quizapp.cli.gui")
            return int(gui.run_default(args))
        parser.print_help()
        return 0
    try:
        return int(func(args))
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
