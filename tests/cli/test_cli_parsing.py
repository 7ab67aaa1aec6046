"""Options anywhere among a command's positionals, ``--data-dir`` after the command, the registry."""

from __future__ import annotations

import argparse
import importlib
import io
import json
from pathlib import Path

import numpy as np
import pytest

import engine
from quizapp import paths
from quizapp.cli import main, parsing, registry

PACKS = Path(__file__).parents[1] / "data" / "packs"
GOOD, BROKEN = PACKS / "good", PACKS / "broken"


def _out(capsys: pytest.CaptureFixture[str], argv: list[str], status: int = 0) -> str:
    assert main(argv) == status
    return capsys.readouterr().out


def _exit(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    out, err = capsys.readouterr()
    return int(stopped.value.code or 0), out, err


@pytest.fixture
def gru_file(tmp_path: Path) -> Path:
    rng = np.random.default_rng(12)
    params = {k: v.tolist() for k, v in engine.random_params("gru", 3, 2, rng).items()}
    x, h = rng.normal(size=3).tolist(), rng.normal(size=2).tolist()
    file = tmp_path / "params.json"
    file.write_text(json.dumps({"x": x, "h": h, "params": params}), encoding="utf-8")
    return file


@pytest.mark.parametrize(
    "order",
    [
        ["compute", "gru", "{file}", "--convention", "d2l"],
        ["compute", "gru", "--convention", "d2l", "{file}"],
        ["compute", "--convention", "d2l", "gru", "{file}"],
        ["compute", "--indent=2", "gru", "--convention=d2l", "{file}"],
        ["compute", "gru", "--convention", "d2l", "--indent", "2", "{file}"],
    ],
)
def test_compute_reads_options_between_its_positionals(
    capsys: pytest.CaptureFixture[str], gru_file: Path, order: list[str]
) -> None:
    argv = [str(gru_file) if a == "{file}" else a for a in order]
    result = json.loads(_out(capsys, argv))
    data = json.loads(gru_file.read_text(encoding="utf-8"))
    expected = engine.step("gru", data["params"], data["x"], data["h"], convention="d2l")
    pytorch = engine.step("gru", data["params"], data["x"], data["h"], convention="pytorch")
    np.testing.assert_allclose(result["h"], expected.values["h"], atol=1e-12)
    assert not np.allclose(result["h"], pytorch.values["h"])  # the convention was read


def test_a_double_dash_keeps_a_file_named_like_an_option(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    gru_file: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    gru_file.rename(tmp_path / "-odd.json")
    canonical = _out(capsys, ["compute", "gru", "--convention", "colah", "--", "-odd.json"])
    assert json.loads(canonical)["h"]
    # (Python 3.11's argparse reads '--' well only right before the last positional.)
    assert _out(capsys, ["compute", "--convention", "colah", "gru", "--", "-odd.json"]) == canonical


def test_unknown_options_and_commands_are_still_refused(
    capsys: pytest.CaptureFixture[str], gru_file: Path
) -> None:
    code, _, err = _exit(capsys, ["compute", "gru", "--bogus", str(gru_file)])
    assert code == 2 and "unrecognized arguments: --bogus" in err
    code, _, err = _exit(capsys, ["compte", "gru"])
    assert code == 2 and "argument COMMAND: invalid choice: 'compte'" in err
    code, _, err = _exit(capsys, ["questions", "validat"])
    assert code == 2 and "argument ACTION: invalid choice: 'validat'" in err
    assert "(choose from 'validate', 'stats', 'practice', 'grade'" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["questions", "validate", str(GOOD), str(BROKEN)],
        ["questions", "validate", str(GOOD), "--data-dir", "{tmp}", str(BROKEN)],
        ["questions", "validate", "--data-dir", "{tmp}", str(GOOD), str(BROKEN)],
    ],
)
def test_questions_validate_reads_options_between_paths(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    argv = [str(tmp_path / "data") if a == "{tmp}" else a for a in argv]
    out = _out(capsys, argv, status=1)
    assert out.strip().splitlines()[-1] == "22 questions loaded, 9 problems"


def test_questions_stats_json_anywhere(capsys: pytest.CaptureFixture[str]) -> None:
    after = _out(capsys, ["questions", "stats", str(GOOD), "--json"])
    before = _out(capsys, ["questions", "stats", "--json", str(GOOD)])
    assert before == after and json.loads(after)["total"] == 10


def test_questions_grade_options_around_id_and_dash(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = "clipping keeps the direction of the gradient"
    canonical = ["questions", "grade", "grad-clipping-002", "--answer", answer, "--json"]
    expected = json.loads(_out(capsys, [*canonical, "--lang", "zh"]))
    assert expected["question"] == "grad-clipping-002" and expected["lang"] == "zh"
    mixed = ["questions", "grade", "--lang", "zh", "--json", "grad-clipping-002", "--answer"]
    assert json.loads(_out(capsys, [*mixed, answer])) == expected
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(answer.encode("utf-8"))))
    piped = ["questions", "grade", "--json", "grad-clipping-002", "--lang", "zh", "-"]
    assert json.loads(_out(capsys, piped)) == expected


def test_data_dir_after_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    out = _out(capsys, ["stats", "--data-dir", str(other)])
    assert "Answers: 0" in out
    assert paths.data_dir() == other.resolve() and paths.database_path().is_file()


def test_registry_summaries_are_the_ones_the_modules_register() -> None:
    for name, summary in registry.COMMANDS.items():
        holder = argparse.ArgumentParser()
        subparsers = holder.add_subparsers()
        importlib.import_module(f"quizapp.cli.{name}").add_parser(subparsers)
        registered = {a.dest: a.help for a in subparsers._choices_actions}
        assert registered == {name: summary}, f"update quizapp/cli/registry.py for {name!r}"


def _parents(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    children = registry.subcommand_parsers(parser)
    return [parser, *(p for c in children.values() for p in _parents(c))] if children else []


def test_a_command_with_subcommands_takes_flags_only_before_them() -> None:
    # ``parse_command`` finds the subcommand's name as the first word that is not an option.
    for name in registry.COMMANDS:
        for parent in _parents(registry.command_parser(name)):
            valued = [
                a.option_strings for a in parent._actions if a.option_strings and a.nargs != 0
            ]
            assert valued == [], f"{parent.prog}: options taking values before a subcommand"


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _exit(capsys, ["--help"])
    assert code == 0 and "usage: quizapp [-h] [--version] [--data-dir DIR] [COMMAND]" in out
    for name, summary in registry.COMMANDS.items():
        assert f"  {name.ljust(11)}{summary}\n" in out
    assert paths.ENV_VAR in registry.DATA_DIR_HELP and "--data-dir DIR" in out


def test_the_command_and_its_values_are_in_one_namespace() -> None:
    args = parsing.parse(["--data-dir", "d", "questions", "stats", "--json", "p1", "p2"])
    assert (args.command, args.questions_command, args.data_dir) == ("questions", "stats", "d")
    assert (args.paths, args.json) == (["p1", "p2"], True)
    assert args.func.__name__ == "run_stats"
    assert parsing.parse(["--data-dir", "d"]).command is None
