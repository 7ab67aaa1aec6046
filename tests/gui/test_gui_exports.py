"""The exports inside the app: the drill page's Print button writes the drill on screen with its
answer key; the statistics page's Anki menu writes every question or the mistakes; both refuse the
data folder (dialogs replaced as in the other GUI tests)."""

from __future__ import annotations

from pathlib import Path

import pytest
from anki_reading import read_apkg
from gui_fixtures import _shared_formula_cache, formula_cache, started  # noqa: F401 - fixtures
from pdf_text import pdf_pages, squeeze

from questions.load import load_bank
from quizapp.export.sheet_key import expected_text
from quizapp.gui.app import Started
from quizapp.gui.drill_plan import DrillPlan

PLAN = DrillPlan(cells=("gru",), quantities=("z", "h"), difficulty="whiteboard")


def test_print_button_writes_the_drill_on_screen(
    started: Started,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = started.window
    assert window.open_drills(PLAN, seed=321)
    drill = window.drill_controller.drill
    assert drill is not None
    monkeypatch.setattr("quizapp.gui.study.files.ask_save_path", lambda *a: tmp_path / "mine")
    window.drill.print_button.click()
    target = tmp_path / "mine.pdf"  # the suffix is added
    pages = pdf_pages(target.read_bytes())
    assert squeeze("Drill 1 of 1 · seed 321") in squeeze(pages[0])
    key = squeeze("".join(pages[1:]))
    assert key.startswith("Answerkey")
    for quantity in ("z", "h"):
        assert squeeze(expected_text(drill, quantity)) in key
    banner = window.drill.banner
    assert banner.isVisibleTo(window) and str(target) in banner.label.text()
    assert banner.property("kind") == "info"


def test_print_refuses_the_data_folder_and_cancel_does_nothing(
    started: Started,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    _isolated_data_dir: Path,
) -> None:
    window = started.window
    assert window.open_drills(PLAN, seed=5)
    inside = _isolated_data_dir / "sheet.pdf"
    monkeypatch.setattr("quizapp.gui.study.files.ask_save_path", lambda *a: inside)
    assert not window.drill.print_sheet()
    assert not inside.exists() and "inside the data folder" in window.drill.banner.label.text()
    monkeypatch.setattr("quizapp.gui.study.files.ask_save_path", lambda *a: None)
    assert not window.drill.print_sheet()


def test_stats_anki_menu_writes_every_question_or_refuses(
    started: Started,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert started.study is not None
    stats = started.study.stats
    assert [a.text() for a in stats.anki_menu.actions()] == [
        "All questions…", "My mistakes (newest first)…",
    ]  # fmt: skip
    monkeypatch.setattr("quizapp.gui.study.files.ask_save_path", lambda *a: tmp_path / "all.apkg")
    stats.anki_all.trigger()
    package = read_apkg(tmp_path / "all.apkg", tmp_path / "read")
    bank = load_bank(include_user_packs=False).questions
    assert len(package.notes) == len(bank)
    assert "Wrote" in stats.status.text() and "all.apkg" in stats.status.text()
    # No wrong answers yet: nothing is written, and the page says so.
    monkeypatch.setattr("quizapp.gui.study.files.ask_save_path", lambda *a: tmp_path / "m.apkg")
    assert not stats.export_anki(mistakes=True)
    assert not (tmp_path / "m.apkg").exists() and "No wrong answers" in stats.status.text()
