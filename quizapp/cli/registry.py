"""The commands of ``quizapp``: names and one-line summaries, and each command's parser on demand.

``quizapp --help`` lists the summaries written here, so it imports no command module (several load
numpy, the question bank or Qt). A command's full parser comes from its module's
``add_parser(subparsers)`` and is built only when that command runs; ``test_cli_parsing`` checks
that the summaries here are the ones the modules register.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util

# name (also the module ``quizapp.cli.<name>``) → summary; a plain dict keeps ``--help`` light.
COMMANDS: dict[str, str] = {
    "compute": "compute one step of a cell from JSON",
    "drill": "practise computing a cell step, a gradient, a count, a shape or a formula",
    "export": "write an Anki deck of the questions or a printable drill sheet (PDF)",
    "questions": "validate question files and show bank statistics",
    "review": "review the questions and drills due today",
    "stats": "show accuracy, frequent mistakes, streak and due reviews",
    "gui": "open the desktop app (the default when no command is given)",
}

DATA_DIR_HELP = (
    "folder for history, settings, packs and logs (default: $QUIZAPP_DATA_DIR or the user data "
    "folder)"
)


def available() -> dict[str, str]:
    """The commands whose module is installed (a build may leave out the GUI), with summaries."""
    return {n: s for n, s in COMMANDS.items() if importlib.util.find_spec(f"quizapp.cli.{n}")}


def subcommand_action(
    parser: argparse.ArgumentParser,
) -> argparse._SubParsersAction[argparse.ArgumentParser] | None:
    """The parser's own subcommands (``questions validate|stats|grade``), or ``None``."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def subcommand_parsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The parsers of the parser's own subcommands by name; empty when it has none."""
    action = subcommand_action(parser)
    return dict(action._name_parser_map) if action is not None else {}


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    """``--data-dir`` after the command too; unset unless given, so it never hides the global one."""
    children = subcommand_parsers(parser)
    if not children:
        parser.add_argument(
            "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=DATA_DIR_HELP
        )
    for child in children.values():
        _add_data_dir(child)


def command_parser(name: str) -> argparse.ArgumentParser:
    """The full parser of the command ``name`` (usage reads ``quizapp NAME …``)."""
    module = importlib.import_module(f"quizapp.cli.{name}")
    holder = argparse.ArgumentParser(prog="quizapp")
    module.add_parser(holder.add_subparsers())
    parser = subcommand_parsers(holder)[name]
    _add_data_dir(parser)
    return parser
