"""The ``quizapp`` command: global options and dispatch to one module per subcommand.

Each subcommand module exposes ``add_parser(subparsers)`` which registers its parser and sets
``func`` (a callable taking the parsed namespace and returning an exit status). The modules are
imported only when their command runs (``registry``); ``parsing`` reads the command line.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys
from collections.abc import Callable, Sequence

from quizapp.cli import parsing, registry


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


def _run_gui(data_dir: str | None) -> int:
    gui = importlib.import_module("quizapp.cli.gui")
    return int(gui.run_default(argparse.Namespace(command=None, data_dir=data_dir)))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    has_gui = importlib.util.find_spec("quizapp.cli.gui") is not None
    data_dir = _gui_without_command(arguments)
    if data_dir is not None and has_gui:
        # The desktop app: skip the command-line parsers before its window.
        if data_dir:
            from quizapp import paths

            paths.set_data_dir(data_dir)
        return _run_gui(data_dir or None)
    args = parsing.parse(arguments)
    if args.data_dir:
        from quizapp import paths

        paths.set_data_dir(args.data_dir)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        if args.command is None and has_gui:
            return _run_gui(args.data_dir)
        parsing.top_parser(registry.available()).print_help()
        return 0
    try:
        return int(func(args))
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``quizapp drill --json | head``): stop quietly, as Unix tools do, and
        # keep Python from complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
