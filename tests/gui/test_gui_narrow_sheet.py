"""At the smallest supported window (1024×700, diagram open) every drill sheet fits its width.

Every cell at every difficulty, in both languages: the sheet never needs a horizontal scroll bar
(parameter groups, the given vectors and the σ/tanh table wrap instead), and every table lies
inside the visible width of the sheet.
"""

from __future__ import annotations

import pytest
from gui_fixtures import _shared_formula_cache, formula_cache, started  # noqa: F401 - fixtures
from pytestqt.qtbot import QtBot

from engine import CELLS
from quizapp.gui.app import Started
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.widgets.math_label import shared_renderer
from quizapp.gui.widgets.matrix_table import MatrixTable
from quizapp.settings import DRILL_DIFFICULTIES


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_drill_fits_a_1024_wide_window(
    started: Started,  # noqa: F811
    qtbot: QtBot,
    lang: str,
) -> None:
    window = started.window
    window.resize(1024, 700)
    started.state.update(interface_language=lang, content_language=lang)
    too_wide = []
    for cell in CELLS:
        for difficulty in DRILL_DIFFICULTIES:
            plan = DrillPlan(cells=(cell,), quantities=("h",), difficulty=difficulty)
            window.open_drills(plan, seed=5)
            shared_renderer().wait_idle(60.0)  # a formula not yet drawn shows as (wider) text
            qtbot.wait(1)
            area = window.drill.scroll_area
            viewport = area.viewport().width()
            bar = area.horizontalScrollBar()
            tables = window.drill.sheet.findChildren(MatrixTable)
            right = max(table.mapTo(area.widget(), table.rect().topRight()).x() for table in tables)
            if bar.maximum() > 0 or right >= viewport:
                too_wide.append((cell, difficulty, bar.maximum(), right, viewport))
    assert window.drill.diagram_panel is not None
    assert window.drill.diagram_panel.isVisible()
    assert too_wide == []
