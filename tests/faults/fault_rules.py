"""The fault rules of ``docs/faults.md``, read from its two tables (the one place they are written).

``usage(file, command)`` is ``n``, ``o`` or ``""``; ``expected(file, fault, command)`` is the
outcome code a run must show: ``C`` continue with a message, ``R`` refuse with a message, ``B``
recover from a backup, ``U`` not affected, or ``-`` (the fault does not apply to that file). A
command that uses a file on the side (``o``) continues (``C``) where the rule says refuse, unless
the cell names that command (``validate:R``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "faults.md"
OUTCOMES = ("C", "R", "B", "U", "-")
COMMANDS = (
    "stats",
    "stats_csv",
    "review",
    "drill",
    "practice",
    "validate",
    "qstats",
    "compute",
    "anki",
    "gui",
)


@dataclass(frozen=True)
class Rules:
    """Both tables: who uses which file (and how a message names it), and the outcome cells."""

    named: dict[str, str]
    uses: dict[tuple[str, str], str]
    cells: dict[tuple[str, str], str]
    faults: tuple[str, ...]

    def usage(self, file: str, command: str) -> str:
        return self.uses[(file, command)]

    def expected(self, file: str, fault: str, command: str) -> str:
        """The outcome ``command`` must show when ``fault`` is put on ``file``."""
        cell = self.cells[(file, fault)].split()
        how = self.usage(file, command)
        if cell[0] == "-":
            return "-"
        if not how:
            return "U"
        for override in cell[1:]:
            name, _, code = override.partition(":")
            if name == command:
                return code  # said for this command: as it stands
        if cell[0] == "R" and how == "o":
            return "C"
        return cell[0]


def _table(lines: list[str], header_start: str) -> list[list[str]]:
    """The rows (cells stripped) of the Markdown table whose header row starts so."""
    start = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    rows: list[list[str]] = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return [rows[0], *rows[2:]]  # without the |---| line


@cache
def rules() -> Rules:
    """The rules as ``docs/faults.md`` writes them."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    usage_rows = _table(lines, "| File | Path in the data folder |")
    header = usage_rows[0]
    assert tuple(header[3:]) == COMMANDS, header
    named: dict[str, str] = {}
    uses: dict[tuple[str, str], str] = {}
    for row in usage_rows[1:]:
        named[row[0]] = row[2]
        for command, how in zip(COMMANDS, row[3:], strict=True):
            assert how in ("n", "o", ""), (row[0], command, how)
            uses[(row[0], command)] = how
    rule_rows = _table(lines, "| File | missing |")
    faults = tuple(rule_rows[0][1:])
    cells: dict[tuple[str, str], str] = {}
    for row in rule_rows[1:]:
        for fault, cell in zip(faults, row[1:], strict=True):
            cells[(row[0], fault)] = cell
    return Rules(named, uses, cells, faults)
