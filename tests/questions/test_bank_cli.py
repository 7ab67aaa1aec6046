"""``quizapp questions validate`` and ``stats`` on good and broken packs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quizapp.cli import main

PACKS = Path(__file__).parents[1] / "data" / "packs"
GOOD = PACKS / "good"
BROKEN = PACKS / "broken"


def test_validate_good_pack_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "validate", str(GOOD)]) == 0
    assert capsys.readouterr().out.strip() == "10 questions loaded, 0 problems"


def test_validate_broken_packs_exits_1_and_prints_each_problem(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["questions", "validate", str(BROKEN)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1] == "12 questions loaded, 9 problems"
    unknown_topic = BROKEN / "unknown_topic.yaml"
    assert (
        f"{unknown_topic}:17: question 'topic-bad-001', field 'topic': "
        "unknown topic 'lstm-gatez'; expected a topic id from the topic list"
    ) in lines


def test_validate_counts_one_problem_in_the_singular(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "validate", str(BROKEN / "bad_syntax.yaml")]) == 1
    assert capsys.readouterr().out.strip().splitlines()[-1] == "0 questions loaded, 1 problem"
    assert main(["questions", "validate", str(BROKEN / "duplicate_id.yaml")]) == 1
    assert capsys.readouterr().out.strip().splitlines()[-1] == "2 questions loaded, 1 problem"


def test_validate_without_paths_reads_bank_and_user_packs(
    capsys: pytest.CaptureFixture[str], _isolated_data_dir: Path
) -> None:
    main(["questions", "validate"])
    bank_only = capsys.readouterr().out.strip().splitlines()[-1]
    shipped = int(bank_only.split()[0])
    shutil.copy(BROKEN / "unknown_topic.yaml", _isolated_data_dir / "packs" / "mine.yaml")
    assert main(["questions", "validate"]) == 1
    out = capsys.readouterr().out
    assert "mine.yaml:17: question 'topic-bad-001'" in out
    assert out.strip().splitlines()[-1].startswith(f"{shipped + 2} questions loaded, ")


def test_stats_counts_by_topic_type_and_difficulty(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "stats", str(GOOD)]) == 0
    out = capsys.readouterr().out
    rows = {tuple(line.split()) for line in out.splitlines()}
    # all_types.yaml: lstm-gates has 3 questions (starred, target 10), tensor-shapes 2, ...
    assert ("<", "*", "lstm-gates", "3", "/", "10") in rows
    assert ("<", "*", "tensor-shapes", "2", "/", "10") in rows
    assert ("<", "grad-remedies", "2", "/", "5") in rows
    assert ("free_text", "1", "10.0", "%") in rows
    assert ("easy", "4", "40.0", "%") in rows
    assert ("medium", "5", "50.0", "%") in rows
    assert "Total: 10 questions, 32 topics below target, 0 problems" in out


def test_stats_json_and_missing_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "stats", "--json", str(GOOD), str(BROKEN / "missing_zh.yaml")]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["total"] == 12
    assert stats["by_topic"]["grad-remedies"] == {"count": 2, "target": 5, "starred": False}
    assert stats["by_type"]["true_false"] == 2
    assert stats["by_difficulty"] == {"easy": 6, "medium": 5, "hard": 1}
    assert len(stats["missing_language"]) == 1
    assert stats["missing_language"][0].startswith("zh-missing-001 (")
    assert "param-count" in stats["below_target"]


def test_questions_without_action_shows_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions"]) == 2
    assert "validate" in capsys.readouterr().out
