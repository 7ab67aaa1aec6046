"""A drawn cell that has none of the chosen quantities asks h_t instead, and the sheet says so."""

from __future__ import annotations

from gui_fixtures import _shared_formula_cache, formula_cache, started  # noqa: F401 - fixtures

from quizapp.gui.app import Started
from quizapp.gui.drill_plan import DrillPlan


def _plan(cells: tuple[str, ...], quantities: tuple[str, ...]) -> DrillPlan:
    return DrillPlan(cells=cells, quantities=quantities, difficulty="standard")


def test_plan_knows_when_a_cell_falls_back() -> None:
    assert _plan(("rnn",), ("dc",)).falls_back("rnn")
    assert _plan(("rnn",), ("dc",)).quantities_for("rnn") == ("h",)
    assert not _plan(("lstm",), ("dc",)).falls_back("lstm")
    assert not _plan(("rnn",), ("all",)).falls_back("rnn")
    assert not _plan(("rnn",), ()).falls_back("rnn")
    assert not _plan(("rnn", "lstm"), ("dc", "h")).falls_back("rnn")  # h is there


def test_the_sheet_names_the_fallback(started: Started) -> None:  # noqa: F811
    window = started.window
    banner = window.drill.banner
    assert window.open_drills(_plan(("rnn",), ("dc",)), seed=3) is not False
    assert window.drill_controller.drill is not None
    assert window.drill_controller.drill.asked == ("h",)
    message = banner.message()
    assert "Vanilla RNN" in message and "new hidden state" in message
    assert banner.property("kind") == "info"
    window.open_drills(_plan(("lstm",), ("dc",)), seed=3)
    assert banner.message() == ""


def test_the_fallback_notice_in_chinese(started: Started) -> None:  # noqa: F811
    started.state.update(interface_language="zh", content_language="zh")
    started.window.open_drills(_plan(("gru",), ("c",)), seed=3)
    message = started.window.drill.banner.message()
    assert message.startswith("GRU 没有你所选的量")
    assert message.endswith("本题改为求：新隐状态 h_t。")
