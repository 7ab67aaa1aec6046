"""``quizapp --version`` and ``--help`` start light: no numpy, bank, Qt, sympy or YAML."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quizapp import __version__
from quizapp.cli import registry

ROOT = Path(__file__).parents[2]
# What the console script runs (see ``[project.scripts]``).
ENTRY = "import sys; from quizapp.cli import main; sys.exit(main())"
FORBIDDEN = ("numpy", "questions", "engine", "PySide6", "sympy", "yaml", "matplotlib", "fsrs")
# The only project modules a start without a command may load.
LIGHT = {"quizapp", "quizapp.cli", "quizapp.cli.parsing", "quizapp.cli.registry"}


def _imported(option: str) -> tuple[str, set[str]]:
    """Standard output and every module imported by ``quizapp OPTION`` in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", ENTRY, option],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    lines = [line for line in result.stderr.splitlines() if line.startswith("import time:")]
    modules = {line.rsplit("|", 1)[1].strip() for line in lines[1:]}  # the first is the header
    return result.stdout, modules


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_version_and_help_import_nothing_heavy(option: str) -> None:
    out, modules = _imported(option)
    assert "argparse" in modules  # the list is real: the parser was imported
    heavy = sorted(m for m in modules if m.split(".")[0] in FORBIDDEN)
    assert heavy == []
    assert {m for m in modules if m.split(".")[0] == "quizapp"} <= LIGHT
    if option == "--version":
        assert out == f"quizapp {__version__}\n"
    else:
        assert out.startswith("usage: quizapp ")
        for name, summary in registry.COMMANDS.items():
            assert f"{name}  " in out and summary in out
