"""``quizapp questions grade``: key points with their clauses, misconceptions, JSON, bad input."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from quizapp import paths
from quizapp.cli import main

GOOD = Path(__file__).parents[1] / "data" / "packs" / "good"


@pytest.fixture
def pack_installed(_isolated_data_dir: Path) -> Path:
    """The good pack and its lexicon in the data folder's packs/ (as a pack author would)."""
    target = paths.packs_dir()
    target.mkdir(parents=True, exist_ok=True)
    for file in GOOD.iterdir():
        shutil.copy(file, target / file.name)
    return target


def test_json_lists_points_with_clauses_and_misconceptions(
    pack_installed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = "BatchNorm cures vanishing gradients. Gating helps, e.g. the forget gate."
    assert main(["questions", "grade", "pack-free-001", "--answer", answer, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["question"] == "pack-free-001" and result["lang"] == "en"
    # One point contradicted, one made: half of the answer is wrong, so the made point is only
    # proposed as doubtful (the learner ticks it) and the score counts nothing yet.
    assert (result["made"], result["total"], result["score"]) == (0, 2, 0.0)
    bn, gating = result["points"]
    assert bn == {
        "id": "bn-poor-fit",
        "text": "BatchNorm is a poor fit across time",
        "status": "contradicted",
        "clause": "BatchNorm cures vanishing gradients",
        "cancelled_by": "pack-batchnorm-cures",
        "formula": False,
    }
    assert gating["status"] == "doubtful"
    assert gating["clause"] == "Gating helps, e.g. the forget gate"
    # The shipped catalogue of the topic and the pack's own both name the wrong claim.
    ids = [m["id"] for m in result["misconceptions"]]
    assert ids == ["batchnorm-fixes-vanishing", "pack-batchnorm-cures"]
    wrong = result["misconceptions"][1]
    assert wrong["clause"] == "BatchNorm cures vanishing gradients"
    assert wrong["correction"].startswith("Per-step batch statistics")


def test_text_output_in_chinese_from_standard_input(
    pack_installed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(
        io.BytesIO("BatchNorm 在时间维上并不合适。".encode()), encoding="utf-8"
    )
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["questions", "grade", "pack-free-001", "-", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "✓ 1. BatchNorm 在时间维上不合适" in out
    assert "出现在：“BatchNorm 在时间维上并不合适”" in out
    assert "· 2. 门控有帮助" in out
    assert "建议得分：2 个要点中做到 1 个" in out


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["pack-free-001"], b"", "give the answer as --answer TEXT or '-'"),
        (["pack-free-001", "-", "--answer", "x"], b"", "give the answer as --answer TEXT or '-'"),
        (["pack-free-001", "-"], b"\xff\xfe bad", "standard input is not UTF-8 (byte 0)"),
        (["no-such-id", "--answer", "x"], b"", "no question with id 'no-such-id'"),
        (["pack-numeric-001", "--answer", "56"], b"", "is numeric, not free text"),
    ],
)
def test_bad_input_is_one_clear_line(
    pack_installed: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    stdin: bytes,
    message: str,
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    assert main(["questions", "grade", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.strip().splitlines()
    assert line.startswith("quizapp questions grade: error: ") and message in line


def _edited_pack(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the good pack with one text of its questions file replaced."""
    pack = tmp_path / "pack"
    shutil.copytree(GOOD, pack)
    questions = pack / "all_types.yaml"
    text = questions.read_text(encoding="utf-8")
    assert old in text
    questions.write_text(text.replace(old, new), encoding="utf-8")
    return pack


def test_validate_checks_the_rubrics_against_the_lexicon(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = _edited_pack(
        tmp_path, 'claims: ["gate|forget-gate"]', 'claims: ["gate|no-such-concept"]'
    )
    assert main(["questions", "validate", str(pack)]) == 1
    out = capsys.readouterr().out
    assert "question 'pack-free-001': key point 'gating': claim 'gate|no-such-concept' names" in out
    assert "unknown concept no-such-concept" in out
    (pack / "all_types.lexicon.yaml").unlink()
    assert main(["questions", "validate", str(pack)]) == 1
    assert "names unknown concepts pack-batchnorm, pack-fit" in capsys.readouterr().out


def test_validate_says_when_a_model_answer_misses_its_own_point(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = _edited_pack(
        tmp_path, "gating such as the forget gate helps instead", "something else helps"
    )
    assert main(["questions", "validate", str(pack)]) == 1
    assert "the model answer (en) does not make key point gating" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("lang", "note"),
    [("en", "tick it yourself if you meant it"), ("zh", "如果你确实是这个意思，请自己勾选")],
)
def test_a_doubtful_point_is_marked_and_explained(
    pack_installed: Path, capsys: pytest.CaptureFixture[str], lang: str, note: str
) -> None:
    answer = "BatchNorm cures vanishing gradients. Gating helps, e.g. the forget gate."
    assert main(["questions", "grade", "pack-free-001", "--answer", answer, "--lang", lang]) == 0
    lines = capsys.readouterr().out.splitlines()
    mark = next(k for k, line in enumerate(lines) if line.startswith("  ? 2."))
    assert "Gating helps, e.g. the forget gate" in lines[mark + 1]
    assert note in lines[mark + 1]
    assert lines[-1] in ("Proposed: 0 of 2 key points", "建议得分：2 个要点中做到 0 个")


def test_a_wrong_formula_is_named_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    answer = (
        "δh_t = ∂L_t/∂h_t + Uᵀ δa_{t+1}, then δa_t = δh_t + (1 − h_t²); ∂L/∂U = Σ_t δa_t h_{t-1}ᵀ."
    )
    assert main(["questions", "grade", "bptt-007", "--answer", answer, "--json"]) == 0
    recursion, tanh_prime, outer = json.loads(capsys.readouterr().out)["points"]
    assert (outer["status"], outer["formula"]) == ("made", True)
    assert (recursion["status"], recursion["formula"]) == ("made", True)
    assert recursion["clause"] == "δh_t = ∂L_t/∂h_t + Uᵀ δa_{t+1}"
    assert (tanh_prime["status"], tanh_prime["formula"]) == ("contradicted", True)
    assert tanh_prime["clause"] == "δa_t = δh_t + (1 − h_t²)"
    assert main(["questions", "grade", "bptt-007", "--lang", "zh", "--answer", answer]) == 0
    assert "你写的公式与此不同：“δaₜ = δhₜ + (1 − hₜ²)”" in capsys.readouterr().out
