"""The modern cells (minGRU, minLSTM, sLSTM, mLSTM, selective SSM, linear attention) in the GUI: listed
on the home screen in both languages, their conventions chosen in Settings and used by the drills,
and a drill of each shown, answered and checked, with its diagram stepping through the stages and
showing the values (the mLSTM's memory as a matrix)."""

from __future__ import annotations

import numpy as np
import pytest
from gui_fixtures import _shared_formula_cache, formula_cache, started  # noqa: F401 - fixtures
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget
from pytestqt.qtbot import QtBot

import engine
from engine.modern.shapes import state_shapes
from quizapp.drills import MISTAKES
from quizapp.gui import translations
from quizapp.gui.app import Started
from quizapp.gui.diagram.matrix_node import matrix_rows
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.sample_answers import sample_answer, typed
from quizapp.settings import MODERN_CONVENTIONS

MODERN = engine.MODERN_CELLS


def _listed(widget: QListWidget) -> dict[str, str]:
    return {
        str(widget.item(row).data(Qt.ItemDataRole.UserRole)): widget.item(row).text()
        for row in range(widget.count())
    }


def test_home_lists_every_cell_with_its_name_in_both_languages(
    started: Started,  # noqa: F811
) -> None:
    home = started.window.home
    listed = _listed(home.cell_list)
    assert list(listed) == [*engine.CELLS, *MODERN]  # the classic cells first, as before
    assert listed["mingru"] == "minGRU"
    assert listed["ssm"] == "Selective SSM"
    assert listed["linear_attention"] == "Linear attention"
    started.window.state.update(interface_language="zh")
    translations.set_language("zh")
    listed = _listed(home.cell_list)
    assert listed["linear_attention"] == "线性注意力"
    assert listed["ssm"] == "选择性 SSM"
    assert listed["slstm"] == "sLSTM"


def test_settings_offer_each_modern_convention_and_the_drill_uses_it(
    started: Started,  # noqa: F811
) -> None:
    window = started.window
    page = window.settings_page
    for cell, choices in MODERN_CONVENTIONS.items():
        box = page.cell_conventions[cell]
        assert [box.itemData(i) for i in range(box.count())] == list(engine.CONVENTIONS[cell])
        assert choices == engine.CONVENTIONS[cell]
        assert box.currentData() == engine.CONVENTIONS[cell][0]  # the default
    minlstm = page.cell_conventions["minlstm"]
    texts = [minlstm.itemText(i) for i in range(minlstm.count())]
    assert texts[2] == "Gates not normalised" and "normalised gates" in texts[0]
    assert page.labels["slstm_convention"].text() == "sLSTM convention"

    page.cell_conventions["mingru"].setCurrentIndex(1)  # log_space
    page.cell_conventions["slstm"].setCurrentIndex(1)  # exp
    assert window.state.settings.mingru_convention == "log_space"
    assert window.state.settings.slstm_convention == "exp"
    plan = window.home.current_plan()
    assert plan.convention_for("mingru") == "log_space"
    assert plan.convention_for("slstm") == "exp"
    assert plan.convention_for("minlstm") == "paper"
    assert window.open_drills(plan.with_cells(("mingru",)), seed=5)
    drill = window.drill_controller.drill
    assert drill is not None and drill.spec.convention == "log_space"
    panel = window.drill.diagram_panel
    assert panel is not None
    diagram = panel.diagram
    assert diagram._diagram.convention == "log_space"
    assert "g" in {node.id for node in diagram._diagram.nodes}  # the log-space g after W_h
    assert "Log-space" in window.drill.title.text()


def _engine_record(drill: object) -> engine.StepRecord:
    """The step recomputed with the engine from the inputs the sheet shows (an independent path)."""
    spec = drill.spec  # type: ignore[attr-defined]
    inputs = drill.inputs  # type: ignore[attr-defined]
    shapes = state_shapes(spec.cell, drill.d, drill.n)  # type: ignore[attr-defined]
    state = {key: np.reshape(np.array(inputs[key]), shape) for key, shape in shapes.items()}
    return engine.step(
        spec.cell,
        drill.params,  # type: ignore[attr-defined]
        np.array(inputs["x"]),
        state=state,
        convention=spec.convention,
    )


@pytest.mark.parametrize("cell", MODERN)
def test_a_drill_of_each_modern_cell_is_shown_checked_and_drawn(
    started: Started,  # noqa: F811
    qtbot: QtBot,
    cell: str,
) -> None:
    window = started.window
    plan = DrillPlan(cells=(cell,), quantities=("all",), difficulty="standard")
    assert window.open_drills(plan, seed=3)
    view = window.drill
    drill = window.drill_controller.drill
    assert drill is not None and drill.spec.cell == cell
    assert set(view.sheet.fields) == set(drill.asked) and drill.asked
    record = _engine_record(drill)
    for key in drill.asked:
        right = np.ravel(record[key])
        assert np.allclose(right, drill.expected[key], atol=1e-9), key
        view.sheet.fields[key].set_text(typed(tuple(float(v) for v in right), decimals=6))
    assert view.diagram_panel is not None
    diagram = view.diagram_panel.diagram
    assert diagram._diagram.cell == cell
    assert diagram.stage_count() >= 3
    with qtbot.waitSignal(window.drill_controller.graded):
        view.submit()
    grade = window.drill_controller.grade
    assert grade is not None and grade.score == 1.0
    # graded: the diagram lists the record's values and steps through every stage
    assert diagram._values
    for index in range(diagram.stage_count()):
        diagram.next_stage()
        assert diagram.current_stage() == index
        assert diagram.stage_key() in record.values
    # the sheet gives the previous state in the drills' notation, a matrix state as its matrix
    shapes = state_shapes(cell, drill.d, drill.n)
    for name, shape in shapes.items():
        table = view.sheet._tables[f"input:{name}"].cell_texts()
        assert (len(table), len(table[0])) == (shape if len(shape) == 2 else (shape[0], 1))
    if cell == "mlstm":
        n = drill.n
        rows = matrix_rows(diagram._values["C"])
        assert len(rows) == n and all(len(row) == n for row in rows)
        assert np.allclose(rows, np.reshape(record["C"], (n, n)))


def test_a_catalogued_mistake_on_a_modern_drill_is_named(
    started: Started,  # noqa: F811
    qtbot: QtBot,
) -> None:
    window = started.window
    plan = DrillPlan(cells=("linear_attention",), quantities=("y",), difficulty="standard")
    assert window.open_drills(plan, seed=8)
    drill = window.drill_controller.drill
    assert drill is not None
    answer = sample_answer(drill, "linattn-no-normaliser")
    assert answer.mistake == "linattn-no-normaliser"
    for key, text in answer.texts.items():
        window.drill.sheet.fields[key].set_text(text)
    window.drill.submit()
    grade = window.drill_controller.grade
    assert grade is not None and grade.score < 1.0
    assert "linattn-no-normaliser" in {m for q in grade.quantities for m in q.mistakes}
    title = MISTAKES["linattn-no-normaliser"].title.en
    shown = [label.text() for label in window.drill.feedback.findChildren(QLabel)]
    assert any(title in text for text in shown), shown


def test_a_study_drill_session_uses_the_chosen_modern_cell_and_convention(
    started: Started,  # noqa: F811
) -> None:
    window = started.window
    window.settings_page.cell_conventions["mlstm"].setCurrentIndex(1)  # exp
    home = window.home
    for row in range(home.cell_list.count()):
        entry = home.cell_list.item(row)
        wanted = entry.data(Qt.ItemDataRole.UserRole) == "mlstm"
        entry.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
    assert started.study is not None
    assert started.study.controller.start_drills(count=3)
    session = started.study.controller.session
    assert session is not None and len(session.items) == 3
    for item in session.items:
        assert item.template is not None
        assert (item.template.cell, item.template.convention) == ("mlstm", "exp")
        assert item.key.startswith("d:mlstm:exp:")
