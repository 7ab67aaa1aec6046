"""The rules of docs/faults.md cover every file and fault the harness can make, with known codes."""

from __future__ import annotations

from fault_harness import FAULTS, FILES
from fault_rules import COMMANDS, OUTCOMES, rules


def test_every_file_has_a_usage_row_and_a_rule_row() -> None:
    table = rules()
    assert set(table.named) == set(FILES)
    assert {file for file, _ in table.cells} == set(FILES)


def test_every_fault_is_a_column() -> None:
    assert rules().faults == FAULTS


def test_every_cell_is_an_outcome_with_overrides_for_known_commands() -> None:
    for (file, fault), cell in rules().cells.items():
        code, *overrides = cell.split()
        assert code in OUTCOMES, (file, fault, cell)
        for override in overrides:
            command, _, other = override.partition(":")
            assert command in COMMANDS and other in OUTCOMES, (file, fault, override)


def test_a_side_use_turns_refusal_into_continuing() -> None:
    table = rules()
    assert table.expected("history", "folder", "review") == "R"
    assert table.expected("history", "folder", "drill") == "C"
    assert table.expected("history", "locked", "stats") == "U"
    assert table.expected("history", "folder", "compute") == "U"
    assert table.expected("settings", "locked", "review") == "-"
