"""The user's packs in the terminal: ``quizapp review`` and ``questions practice`` load them, show
where each question came from, name a bad pack once, and survive a ``packs`` that is no folder."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from questions.load import load_bank
from quizapp.cli import main
from quizapp.plural import count_en
from quizapp.study.store import Store

PACK = """\
format: 1
module: mine
questions:
  - id: mine-tf-001
    topic: rnn-forward
    difficulty: easy
    type: true_false
    source: "Elman 1990, Finding Structure in Time, §2"
    prompt: { en: "My own question: weights are shared over time.", zh: "我的问题。" }
    answer: { en: "True.", zh: "正确。" }
    explanation: { en: "Shared.", zh: "共享。" }
    options:
      - { id: true, en: "true", zh: "正确" }
      - { id: false, en: "false", zh: "错误" }
    correct: [true]
"""

BROKEN = """\
format: 1
module: broken
questions:
  - id: bad-001
    topic: no-such-topic
  - id: bad-002
    topic: nor-this
"""


@pytest.fixture
def only_packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty shipped bank, so the questions asked are the packs' own."""
    empty = tmp_path / "empty-bank"
    empty.mkdir()
    monkeypatch.setattr("questions.load.BANK_DIR", empty)
    return empty


def _packs(data_dir: Path) -> Path:
    folder = data_dir / "packs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize(
    "command",
    [["review", "--new", "1", "--seed", "1"], ["questions", "practice", "--seed", "1"]],
)
def test_pack_questions_are_asked_with_their_origin(
    command: list[str],
    only_packs: Path,
    _isolated_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (_packs(_isolated_data_dir) / "my_pack.yaml").write_text(PACK, "utf-8")
    (_packs(_isolated_data_dir) / "broken.yaml").write_text(BROKEN, "utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO("?\n\n"))
    assert main(command) == 0
    captured = capsys.readouterr()
    assert "[1/1] rnn-forward  ·  pack: my_pack.yaml" in captured.out
    assert "My own question: weights are shared over time." in captured.out
    # the bad pack is named once, with its count, and did not stop the session
    (notice,) = [line for line in captured.err.splitlines() if "broken.yaml" in line]
    assert "question 'bad-001', field 'topic'" in notice
    assert "more problems); questions with problems were left out" in notice
    with Store.open() as store:
        (attempt,) = store.attempts()
        assert attempt.item_key == "q:mine-tf-001"


@pytest.mark.parametrize("kind", ["file", "self-link"])
@pytest.mark.parametrize(
    "command",
    [
        ["review", "--new", "1", "--seed", "1"],
        ["questions", "practice", "--seed", "1", "--no-record"],
        ["questions", "validate"],
        ["questions", "stats"],
    ],
)
def test_a_packs_entry_that_is_no_folder_is_a_message_not_a_traceback(
    kind: str,
    command: list[str],
    _isolated_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _isolated_data_dir.mkdir(parents=True, exist_ok=True)
    packs = _isolated_data_dir / "packs"
    if kind == "file":
        packs.write_text("not a folder", "utf-8")
    else:
        packs.symlink_to(packs)
    monkeypatch.setattr("sys.stdin", io.StringIO("?\n\n"))
    status = main(command)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    expected = "is a file, not a folder" if kind == "file" else "is a symbolic link that loops"
    if command[-1] == "stats":
        shipped = len(load_bank(include_user_packs=False).problems)
        assert status == 0 and f"{count_en(shipped + 1, 'problem')}\n" in captured.out
    elif command[-1] == "validate":
        assert status == 1 and f"{packs}:0: the packs folder {expected}" in captured.out
    else:
        assert status == 0 and f"{packs}:0: the packs folder {expected}" in captured.err
        assert "\n[1/" in captured.out  # the shipped bank is still studied


def test_validate_prints_names_from_a_pack_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    esc = "\x1b]0;owned\x07"
    folder = tmp_path / "packs"
    folder.mkdir()
    # YAML text may not hold control characters, but its double-quoted escapes make them
    text = PACK.replace("topic: rnn", '"k\\e]0;owned\\a": 1\n    topic: rnn')
    (folder / f"p{esc}.yaml").write_text(text, "utf-8")
    assert main(["questions", "validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "p\\x1b]0;owned\\x07.yaml" in out
    assert "field 'k\\x1b]0;owned\\x07'" in out


def test_review_prints_a_pack_prompt_with_its_control_characters_escaped(
    only_packs: Path,
    _isolated_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    hostile = PACK.replace('"My own question:', '"\\e[2J\\e]0;owned\\a My own question:')
    (_packs(_isolated_data_dir) / "my_pack.yaml").write_text(hostile, "utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO("?\n\n"))
    assert main(["review", "--new", "1", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J\\x1b]0;owned\\x07 My own question:" in out
