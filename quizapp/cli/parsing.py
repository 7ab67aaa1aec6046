"""Reading the command line: global options, the command, then its own arguments in any order.

``quizapp [--version] [--data-dir DIR] COMMAND ARGUMENTS…``. The top-level parser reads the global
options and the command's name only, so ``--version`` and ``--help`` import no command module. The
command's own parser (``registry.command_parser``) then reads the rest with
``parse_intermixed_args``: options may come before, between or after the positionals
(``compute gru --convention d2l FILE`` reads as ``compute gru FILE --convention d2l``). A command
with subcommands of its own (``questions validate``) takes only flags before the subcommand's
name; the subcommand reads the rest the same way.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence

from quizapp import __version__
from quizapp.cli import registry

DESCRIPTION = "Drills and interview questions on RNN, LSTM, GRU and their variants."
EPILOG = (
    "Run 'quizapp COMMAND --help' for the options of a command. Options may come before,\n"
    "between or after a command's arguments."
)


def top_parser(commands: Mapping[str, str]) -> argparse.ArgumentParser:
    """The global options and the command's name (one of ``commands``, name → summary); the
    command's arguments are left as they are."""
    width = max((len(name) for name in commands), default=0) + 2
    listing = "\n".join(f"  {name.ljust(width)}{summary}" for name, summary in commands.items())
    parser = argparse.ArgumentParser(
        prog="quizapp",
        usage="%(prog)s [-h] [--version] [--data-dir DIR] [COMMAND] [ARGUMENTS ...]",
        description=f"{DESCRIPTION}\n\ncommands:\n{listing}",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"quizapp {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help=registry.DATA_DIR_HELP)
    parser.add_argument(
        "command", nargs="?", choices=list(commands), metavar="COMMAND",
        help=argparse.SUPPRESS,
    )  # fmt: skip
    parser.add_argument("arguments", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def parse_command(parser: argparse.ArgumentParser, args: Sequence[str]) -> argparse.Namespace:
    """Parse a command's arguments with options anywhere; descends into its subcommands."""
    action = registry.subcommand_action(parser)
    if action is None:
        return parser.parse_intermixed_args(args)
    # parse_intermixed_args refuses subparsers: this parser's flags first, then the subcommand.
    index = next((i for i, a in enumerate(args) if a == "-" or not a.startswith("-")), len(args))
    namespace = parser.parse_args(args[:index])
    if index == len(args):
        return namespace
    children = registry.subcommand_parsers(parser)
    name = args[index]
    if name not in children:
        choices = ", ".join(repr(c) for c in children)
        parser.error(
            f"argument {action.metavar or action.dest}: invalid choice: {name!r} "
            f"(choose from {choices})"
        )
    if action.dest != argparse.SUPPRESS:
        setattr(namespace, action.dest, name)
    # As argparse's own subparsers do, the subcommand's values (its ``func``) win.
    for key, value in vars(parse_command(children[name], args[index + 1 :])).items():
        setattr(namespace, key, value)
    return namespace


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """The whole command line: ``command`` (``None`` when none is given), ``data_dir`` and the
    command's own values (with ``func``, the callable that runs it)."""
    namespace = top_parser(registry.available()).parse_args(argv)
    rest: list[str] = namespace.arguments
    del namespace.arguments
    if namespace.command is None:
        return namespace
    for key, value in vars(parse_command(registry.command_parser(namespace.command), rest)).items():
        setattr(namespace, key, value)
    return namespace
