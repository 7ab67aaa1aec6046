"""Hostile and broken packs: huge numbers, control characters in names, odd entries in packs/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from questions.load import load_bank, load_file, load_paths

BASE = {
    "id": "gen-001",
    "topic": "lstm-gates",
    "difficulty": "easy",
    "type": "numeric",
    "source": "Gers, Schmidhuber & Cummins 2000, Learning to Forget, §2",
    "prompt": {"en": "p", "zh": "问"},
    "answer": {"en": "a", "zh": "答"},
    "explanation": {"en": "e", "zh": "释"},
    "value": 1.5,
}


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def write_pack(path: Path, *questions: dict[str, object], huge: str = "") -> Path:
    """A pack of ``questions``; the text HUGE in a value is replaced by ``huge`` as written."""
    document = {"format": 1, "module": "gen", "questions": list(questions)}
    text = yaml.dump(document, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)
    path.write_text(text.replace("HUGE", huge), "utf-8")
    return path


# -- numbers too large for a float ---------------------------------------------------------------


@pytest.mark.parametrize("field", ["value", "tolerance"])
@pytest.mark.parametrize("digits", [400, 4000])
def test_huge_integer_is_one_problem_for_its_question(
    tmp_path: Path, field: str, digits: int
) -> None:
    path = write_pack(
        tmp_path / "huge.yaml",
        {**BASE, field: "HUGE"},
        {**BASE, "id": "gen-002", "value": 2},
        huge="9" * digits,
    )
    result = load_file(path)
    assert [q.id for q in result.questions] == ["gen-002"]
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert (problem.question_id, problem.field) == ("gen-001", field)
    assert problem.message == f"got a number with {digits} digits; too large for this app"
    assert "999" not in str(problem)


def test_integer_beyond_what_python_reads_is_one_short_problem(tmp_path: Path) -> None:
    path = write_pack(
        tmp_path / "huge.yaml",
        {**BASE, "value": "HUGE"},
        {**BASE, "id": "gen-002", "value": 2},
        huge="9" * 5000,
    )
    result = load_file(path)
    assert [q.id for q in result.questions] == ["gen-002"]
    assert len(result.problems) == 1
    assert result.problems[0].field == "value"
    assert result.problems[0].message.startswith("cannot read '99999")
    assert len(str(result.problems[0])) < 200


# -- control characters in what validate prints ----------------------------------------------------


def test_printable_escapes_control_characters_only() -> None:
    from questions.validate import printable

    assert printable("a\x1b[31mred\x07\n\u202eb") == "a\\x1b[31mred\\x07\\n\\u202eb"
    assert printable("plain 中文 text: 'x'") == "plain 中文 text: 'x'"
    assert printable(printable("\x1b")) == "\\x1b"


def test_problems_escape_keys_ids_topics_option_ids_and_file_names(tmp_path: Path) -> None:
    esc = "\x1b[2J"
    folder = tmp_path / f"evil{esc}"
    folder.mkdir()
    options = [
        {"id": f"a{esc}", "en": "one", "zh": "一"},
        {"id": f"a{esc}", "en": "two", "zh": "二"},
    ]
    path = write_pack(
        folder / f"pack{esc}.yaml",
        {**BASE, "id": f"x{esc}", "topic": f"t{esc}", f"k{esc}": 1},
        {
            **{k: v for k, v in BASE.items() if k != "value"},
            "id": "gen-003",
            "type": "single_choice",
            "difficulty": f"d{esc}",
            "options": options,
            "correct": f"b{esc}",
        },
    )
    result = load_file(path)
    texts = [str(p) for p in result.problems]
    assert len(texts) >= 5
    assert all("\x1b" not in text for text in texts)
    joined = "\n".join(texts)
    assert "evil\\x1b[2J" in joined and "pack\\x1b[2J.yaml" in joined
    assert "k\\x1b[2J" in joined  # an unknown key
    assert "'t\\x1b[2J'" in joined  # the unknown topic
    assert "'a\\x1b[2J' is used twice" in joined  # an option id
    assert "'b\\x1b[2J' is not among the options" in joined


# -- odd entries in a packs folder -------------------------------------------------------------------


def test_odd_entries_in_a_folder_are_reported_not_skipped(tmp_path: Path) -> None:
    good = write_pack(tmp_path / "good.yaml", BASE)
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "missing.yaml")
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "notes.txt").write_text("not a pack", "utf-8")
    result = load_paths([tmp_path])
    assert [q.file for q in result.questions] == [str(good)]
    reported = {Path(p.file).name: p.message for p in result.problems}
    assert set(reported) == {"folder.yaml", "loop.yaml", "dangling.yaml", "pipe.yaml"}
    assert reported["folder.yaml"].startswith("a folder, not a question file; skipped")
    assert reported["loop.yaml"].startswith("a symbolic link that loops; skipped")
    assert reported["dangling.yaml"].startswith("a symbolic link to a missing file; skipped")
    assert reported["pipe.yaml"].startswith("not a regular file (a named pipe); skipped")


def test_a_fifo_named_on_the_command_line_is_refused_without_reading(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    result = load_paths([tmp_path / "pipe.yaml"])  # would hang if opened
    assert [p.message for p in result.problems] == ["not a regular file (a named pipe); skipped"]


@pytest.mark.parametrize("kind", ["file", "self-link", "unreadable"])
def test_a_packs_folder_that_is_not_a_folder_is_one_clear_problem(
    tmp_path: Path, kind: str
) -> None:
    packs = tmp_path / "packs"
    if kind == "file":
        packs.write_text("oops", "utf-8")
    elif kind == "self-link":
        packs.symlink_to(packs)
    else:
        packs.mkdir()
        write_pack(packs / "mine.yaml", BASE)
        packs.chmod(0)
    try:
        if kind == "unreadable" and os.access(packs, os.R_OK):
            pytest.skip("running as root: permissions are not enforced")
        result = load_bank(packs_folder=packs)
    finally:
        if kind == "unreadable":
            packs.chmod(0o755)
    shipped = load_bank(include_user_packs=False)
    assert result.questions == shipped.questions
    assert len(result.problems) == len(shipped.problems) + 1
    problem = result.problems[-1]
    assert problem.file == str(packs)
    expected = {
        "file": "the packs folder is a file, not a folder; no packs were loaded",
        "self-link": "the packs folder is a symbolic link that loops; no packs were loaded",
        "unreadable": "cannot read the packs folder",
    }[kind]
    assert problem.message.startswith(expected)


def test_a_missing_packs_folder_is_no_problem(tmp_path: Path) -> None:
    shipped = load_bank(include_user_packs=False)
    assert load_bank(packs_folder=tmp_path / "nope") == shipped
