"""Printable drill sheets: the PDF has one page per drill plus the answer key, its text layer holds
every seed and every right answer (checked against ``quizapp drill --json``), Chinese renders, and
the command refuses bad settings and the data folder."""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pdf_text import pdf_pages, squeeze

from quizapp.cli import main
from quizapp.drills import DrillSpec, generate_drill
from quizapp.drills.quantities import DRILL_CELLS
from quizapp.export.sheet import SheetSpec, replay_command, sheet_drills
from quizapp.export.sheet_html import sheet_html
from quizapp.export.sheet_key import expected_text
from quizapp.export.sheet_write import write_sheet
from quizapp.grading.reader import format_number


def _drill_json_expected(
    capsys: pytest.CaptureFixture[str], spec: DrillSpec
) -> dict[str, list[float]]:
    """The expected values ``quizapp drill --json`` reports for the drill of ``spec``."""
    capsys.readouterr()
    argv = ["drill", "--json", "--cell", spec.cell, "--ask", ",".join(spec.quantities),
            "--difficulty", spec.difficulty, "--seed", str(spec.seed), "--no-record"]  # fmt: skip
    first = generate_drill(spec).asked[0]
    assert main([*argv, "--answer", f"{first}=0"]) == 0
    graded = json.loads(capsys.readouterr().out)
    return {key: q["expected"] for key, q in graded["quantities"].items()}


def test_sheet_pages_seeds_and_answers_match_the_drill_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = SheetSpec("lstm", "", ("i", "c", "h"), "whiteboard", 7, 3)
    target = tmp_path / "sheet.pdf"
    result = write_sheet(spec, target, "en")
    pages = pdf_pages(target.read_bytes())
    assert result.pages == len(pages) and result.seeds == (7, 8, 9)
    # One page per drill (these fit), then the key on pages of its own.
    assert len(pages) >= 4
    for index, seed in enumerate(result.seeds):
        assert squeeze(f"Drill {index + 1} of 3 · seed {seed}") in squeeze(pages[index])
        assert squeeze(f"--seed {seed}") in squeeze(pages[index])
        assert "Answer key" not in pages[index]
    key = squeeze("".join(pages[3:]))
    assert key.startswith("Answerkey")
    for seed in result.seeds:
        drill_spec = DrillSpec("lstm", "", ("i", "c", "h"), "whiteboard", seed)
        expected = _drill_json_expected(capsys, drill_spec)
        assert set(expected) == {"i", "c", "h"}
        assert squeeze(f"Drill {seed - 6} · seed {seed}") in key
        for values in expected.values():
            printed = "[" + ", ".join(format_number(v) for v in values) + "]"
            assert squeeze(printed) in key
    # The worked solution of the key is the app's: the formula of C_t with numbers substituted.
    assert squeeze("C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t").replace("̃", "") in key.replace("\ufffd", "")


def test_whiteboard_sheet_shows_the_lookup_table_and_the_givens(tmp_path: Path) -> None:
    spec = SheetSpec("gru", "", ("all",), "whiteboard", 40, 1)
    (drill,) = sheet_drills(spec)
    target = tmp_path / "gru.pdf"
    write_sheet(spec, target, "en")
    first = squeeze(pdf_pages(target.read_bytes())[0])
    assert drill.lookup_table, "a whiteboard drill carries its σ/tanh table"
    assert squeeze("Values you may use") in first
    for label, value in drill.lookup_table:
        assert squeeze(f"{label} = {value:.4f}") in first
    for value in drill.inputs["x"]:
        assert f"{value:.1f}" in first


def test_chinese_sheet_renders_cjk_glyphs(tmp_path: Path) -> None:
    target = tmp_path / "zh.pdf"
    write_sheet(SheetSpec("lstm", "", ("h",), "standard", 5, 1), target, "zh")
    pages = pdf_pages(target.read_bytes())
    # Qt maps a few CJK glyphs back to radicals (⼿ for 手, ⻔ for 门); NFKC folds the Kangxi ones.
    first = unicodedata.normalize("NFKC", squeeze(pages[0]))
    assert "手算练习" in first and "第1题,共1题" in first and "种子5" in first
    assert "你的答案" in first and "新隐状态" in first
    assert squeeze(unicodedata.normalize("NFKC", pages[1])).startswith("答案")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler) not installed")
def test_pdftotext_reads_the_same_seeds(tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    write_sheet(SheetSpec("rnn", "", ("h",), "standard", 120, 2), target, "en")
    text = subprocess.run(
        ["pdftotext", str(target), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "seed 120" in text and "seed 121" in text
    assert squeeze(text).count("Drill") == squeeze("".join(pdf_pages(target.read_bytes()))).count(
        "Drill"
    )


@pytest.mark.parametrize("cell", DRILL_CELLS)
def test_every_cell_the_drills_offer_makes_a_sheet(cell: str) -> None:
    """No cell list of our own: whatever the drills offer (``DRILL_CELLS``) gets a sheet with its
    answers."""
    drills = sheet_drills(SheetSpec(cell, "", ("all",), "standard", 3, 1))
    html = sheet_html(drills, "en")
    assert "seed 3" in html and "Answer key" in html
    for key in drills[0].asked:
        assert expected_text(drills[0], key) in html


def test_sheet_html_escapes_drill_text() -> None:
    (drill,) = sheet_drills(SheetSpec("lstm", "", ("count",), "standard", 9, 1))
    html = sheet_html((drill,), "en")
    assert "<code>nn.LSTM(" in html  # the prompt's code, as code
    assert expected_text(drill, "count") == str(int(drill.expected["count"][0]))
    assert replay_command(drill.spec) in html.replace("&#x27;", "'")


def test_command_writes_a_sheet_and_refuses_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], _isolated_data_dir: Path
) -> None:
    target = tmp_path / "cli.pdf"
    argv = ["export", "sheet", str(target), "--cell", "gru", "--count", "2", "--seed", "11"]
    assert main(argv) == 0
    assert "Wrote 2 drills" in capsys.readouterr().out
    assert len(pdf_pages(target.read_bytes())) >= 3
    cases = [
        (["--cell", "nope"], "unknown cell 'nope'"),
        (["--count", "0"], "--count must be between 1 and 50"),
        (["--seed", "x"], "--seed must be a whole number"),
        (["--difficulty", "easy"], "--difficulty: expected one of"),
        (["--ask", "zz"], "zz"),
    ]
    for extra, message in cases:
        assert main(["export", "sheet", str(tmp_path / "bad.pdf"), *extra]) == 2
        assert message in capsys.readouterr().err
        assert not (tmp_path / "bad.pdf").exists()
    inside = _isolated_data_dir / "sheet.pdf"
    assert main(["export", "sheet", str(inside)]) == 2
    assert "inside the data folder" in capsys.readouterr().err and not inside.exists()
    assert main(["export", "sheet", str(tmp_path / "sheet.txt")]) == 2
    assert "must end in .pdf" in capsys.readouterr().err
