"""The cell diagram widget: renders every cell, steps stage by stage, reacts to keys, shows values."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

import engine
from quizapp.gui.diagram.palette import DARK, LIGHT
from quizapp.gui.diagram.widget import CellDiagram

CELL_CONVENTIONS = [
    (cell, convention)
    for cell in engine.CELLS
    for convention in engine.CONVENTIONS.get(cell, ("standard",))
]


@pytest.fixture
def diagram(qtbot: QtBot) -> CellDiagram:
    widget = CellDiagram()
    qtbot.addWidget(widget)
    widget.resize(800, 450)
    return widget


def step_values(cell: str, convention: str) -> dict[str, object]:
    """One real engine step of ``cell`` with its inputs, as the drill view would pass them."""
    rng = np.random.default_rng(3)
    d = n = 3
    periods = (1, 3, 9) if cell == "clockwork" else None
    params = engine.random_params(cell, d, n, rng, periods=periods)
    x, h, c = rng.normal(size=d), rng.normal(size=n), rng.normal(size=n)
    if cell == "sru":
        record = engine.step(cell, params, x, c=c)
    elif cell == "clockwork":
        record = engine.step(cell, params, x, h, t=3, periods=periods)
    elif cell == "depth_gated":
        record = engine.step(cell, params, x, h, c, c_low=rng.normal(size=n))
    elif cell in ("lstm", "peephole", "cifg"):
        record = engine.step(cell, params, x, h, c)
    else:
        record = engine.step(cell, params, x, h, convention=convention)
    return {**record.as_dict(), "x": x, "h_prev": h, "c_prev": c}


def count_near(image: QImage, color: str, tolerance: int = 40) -> int:
    """How many pixels are within ``tolerance`` (sum of RGB differences) of ``color``."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(rgb.constBits(), dtype=np.uint8).reshape(
        rgb.height(), rgb.bytesPerLine() // 4, 4
    )[:, : rgb.width(), :3]  # little-endian BGRA
    target = QColor(color)
    wanted = np.array([target.blue(), target.green(), target.red()], dtype=np.int32)
    distance = np.abs(pixels.astype(np.int32) - wanted).sum(axis=2)
    return int((distance <= tolerance).sum())


@pytest.mark.parametrize(("cell", "convention"), CELL_CONVENTIONS)
def test_every_cell_renders_with_values_and_highlight(
    diagram: CellDiagram, cell: str, convention: str
) -> None:
    diagram.set_cell(cell, convention)
    diagram.set_highlight(list(engine.OUTPUT_KEYS[cell])[-1:])
    diagram.next_stage()
    diagram.set_values(step_values(cell, convention))  # type: ignore[arg-type]
    image = diagram.grab().toImage()
    assert image.width() == 800 and image.height() == 450
    # something besides the paper was drawn: the lit stage in the accent colour
    assert count_near(image, LIGHT.accent) > 50


def test_stepping_emits_the_stage_keys_in_order_and_stops_at_the_ends(
    diagram: CellDiagram,
) -> None:
    seen: list[tuple[int, str]] = []
    diagram.stage_changed.connect(lambda index, key: seen.append((index, key)))
    diagram.set_cell("lstm", "standard")
    assert seen == [(-1, "")] and diagram.current_stage() == -1
    assert diagram.stage_count() == 6
    for _ in range(8):
        diagram.next_stage()
    assert diagram.current_stage() == 5
    assert [key for _, key in seen[1:]] == ["f", "i", "g", "c", "o", "h"]
    assert [index for index, _ in seen[1:]] == [0, 1, 2, 3, 4, 5]
    seen.clear()
    for _ in range(8):
        diagram.previous_stage()
    assert seen == [(4, "o"), (3, "c"), (2, "g"), (1, "i"), (0, "f"), (-1, "")]
    assert diagram.current_stage() == -1
    diagram.next_stage()
    diagram.next_stage()
    diagram.reset_stages()
    assert diagram.current_stage() == -1


def test_gru_steps_follow_its_stages(diagram: CellDiagram) -> None:
    keys: list[str] = []
    diagram.set_cell("gru", "pytorch")
    diagram.stage_changed.connect(lambda _index, key: keys.append(key))
    for _ in range(diagram.stage_count()):
        diagram.next_stage()
    assert keys == ["r", "z", "n", "h"]


def test_accessible_texts_follow_the_stage(diagram: CellDiagram) -> None:
    assert diagram.accessibleName() == "Cell diagram"
    diagram.set_cell("lstm", "standard")
    whole = diagram.accessibleDescription()
    assert "6 stages" in whole
    diagram.next_stage()
    diagram.next_stage()
    description = diagram.accessibleDescription()
    assert description.startswith("Stage 2 of 6: input gate")
    assert "i_t = σ(W_i x_t + U_i h_{t−1} + b_i)" in description
    diagram.next_stage()
    assert diagram.accessibleDescription().startswith("Stage 3 of 6")


def test_arrow_keys_step_when_focused(qtbot: QtBot, diagram: CellDiagram) -> None:
    diagram.set_cell("mgu", "standard")
    diagram.show()
    qtbot.waitExposed(diagram)
    diagram.setFocus()
    qtbot.waitUntil(diagram.hasFocus)
    QTest.keyClick(diagram, Qt.Key.Key_Right)
    QTest.keyClick(diagram, Qt.Key.Key_Right)
    assert diagram.current_stage() == 1
    QTest.keyClick(diagram, Qt.Key.Key_Left)
    assert diagram.current_stage() == 0


def test_flow_animates_while_shown_and_stops_when_hidden(
    qtbot: QtBot, diagram: CellDiagram
) -> None:
    diagram.set_cell("lstm", "standard")
    diagram.show()
    qtbot.waitExposed(diagram)
    diagram.next_stage()
    assert diagram.is_animating()
    qtbot.waitUntil(lambda: not diagram.is_animating(), timeout=3000)
    diagram.next_stage()
    assert diagram.is_animating()
    diagram.hide()
    assert not diagram.is_animating()
    diagram.next_stage()  # hidden: no animation starts
    assert not diagram.is_animating()


def test_stage_lights_change_the_picture_and_dark_palette_applies(diagram: CellDiagram) -> None:
    diagram.set_cell("gru", "colah")
    whole = diagram.grab().toImage()
    diagram.next_stage()
    lit = diagram.grab().toImage()
    assert whole != lit
    assert count_near(lit, LIGHT.accent) > count_near(whole, LIGHT.accent) + 50
    diagram.set_dark(True)
    dark = diagram.grab().toImage()
    assert dark.pixelColor(2, 2) == QColor(DARK.paper)
    assert lit.pixelColor(2, 2) == QColor(LIGHT.paper)


def test_odd_values_and_unknown_names(diagram: CellDiagram) -> None:
    diagram.set_cell("lstm", "standard")
    diagram.set_highlight(["c", "dh_prev", "f"])  # a backward key the diagram does not draw
    batch = np.arange(6.0).reshape(2, 3)
    diagram.set_values({"f": batch, "i": [0.5] * 9, "g": "not numbers", "o": []})  # type: ignore[dict-item]
    diagram.set_values(None)
    diagram.grab()
    with pytest.raises(engine.UnknownNameError, match="expected one of"):
        diagram.set_cell("transformer", "standard")
    with pytest.raises(engine.UnknownNameError, match="pytorch"):
        diagram.set_cell("gru", "keras")


def test_size_hints(diagram: CellDiagram) -> None:
    assert diagram.minimumSizeHint().width() >= 420
    assert diagram.minimumSizeHint().height() >= 260
    empty = CellDiagram()
    assert empty.stage_count() == 0 and empty.current_stage() == -1
    empty.next_stage()
    assert empty.current_stage() == -1
    empty.deleteLater()
