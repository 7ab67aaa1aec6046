"""The diagram's texts at the body size: tags and terminal names at least as large as the body font and
growing with it, clear of each other and of the boxes, tags inside the cell's outline, the caption
and the values at the body size too, one notation (C̃_t, h̃_t) and readable colours in both themes."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QFontInfo
from PySide6.QtWidgets import QApplication

import engine
from quizapp.gui.diagram.labels import display_name, is_tagged
from quizapp.gui.diagram.layout import diagram_for, wire_polyline
from quizapp.gui.diagram.model import TERMINAL_KINDS
from quizapp.gui.diagram.palette import DARK, LIGHT, DiagramColors
from quizapp.gui.diagram.tags import is_port
from quizapp.gui.diagram.widget import CellDiagram

CELL_CONVENTIONS = [
    (cell, convention)
    for cell in (*engine.CELLS, *engine.MODERN_CELLS)
    for convention in engine.CONVENTIONS.get(cell, ("standard",))
]
# The diagram panel's size at 1280×860 with the default font and at 1024×700 with 18 pt.
SIZES = [(470, 650, 11), (430, 500, 18)]


@pytest.fixture
def make(qapp: QApplication) -> Iterator[object]:
    made: list[CellDiagram] = []

    def build(cell: str, convention: str, width: int, height: int, points: int) -> CellDiagram:
        widget = CellDiagram()
        font = QFont(qapp.font())
        font.setPointSize(points)
        widget.setFont(font)
        widget.resize(width, height)
        widget.set_cell(cell, convention)
        made.append(widget)
        return widget

    yield build
    for widget in made:
        widget.deleteLater()


def _values(cell: str, convention: str) -> dict[str, list[float]]:
    diagram = diagram_for(cell, convention)
    keys = {w.key for w in diagram.wires if w.labelled and w.key}
    return {key: [-0.98, -0.04, -0.74] for key in keys}


@pytest.mark.parametrize(("width", "height", "points"), SIZES)
@pytest.mark.parametrize(("cell", "convention"), CELL_CONVENTIONS)
def test_texts_are_body_sized_clear_and_inside(
    make: object, cell: str, convention: str, width: int, height: int, points: int
) -> None:
    widget = make(cell, convention, width, height, points)  # type: ignore[operator]
    body_px = QFontInfo(widget.font()).pixelSize()
    assert body_px >= (22 if points == 18 else 13)
    texts = widget.scene_texts()
    diagram = widget._diagram
    view = widget.frame().view
    assert view is not None
    stage_keys = {stage.key for stage in diagram.stages}
    tagged = {t.text for t in texts if t.kind == "tag"}
    gates = {
        display_name(w.key, cell)
        for w in diagram.wires
        if w.labelled and w.key in stage_keys and is_tagged(w.key, cell)
    }
    assert gates and tagged == gates  # every gate and candidate of the cell is named
    terminals = [n for n in diagram.nodes if n.kind in TERMINAL_KINDS and not is_port(diagram, n)]
    assert len([t for t in texts if t.kind == "terminal"]) == len(terminals)
    outline = view.rect(diagram.body)
    frame = QRectF(widget.rect())
    boxes = [view.rect(n.rect) for n in diagram.nodes if n.kind not in TERMINAL_KINDS | {"join"}]
    for text in texts:
        assert text.font.pixelSize() >= body_px, text.text
        assert frame.contains(text.rect), text.text
        if text.kind == "tag":
            assert outline.contains(text.rect), text.text
            assert not any(text.rect.intersects(box) for box in boxes), text.text
    for a, b in itertools.combinations(texts, 2):
        assert not a.rect.intersects(b.rect), (a.text, b.text)
    if points == 11:  # with room to spare, no tag lies on another quantity's wire either
        for text in (t for t in texts if t.kind == "tag"):
            for wire in diagram.wires:
                if wire.id == text.element:
                    continue
                points_px = [view.pt(p) for p in wire_polyline(diagram, wire)]
                for start, end in itertools.pairwise(points_px):
                    segment = QRectF(start, end).normalized().adjusted(-1, -1, 1, 1)
                    assert not text.rect.intersects(segment), (text.text, wire.id)


@pytest.mark.parametrize(
    ("cell", "convention"), [(c, v) for c, v in CELL_CONVENTIONS if c in engine.MODERN_CELLS]
)
def test_modern_cells_fit_the_drill_panel_of_the_smallest_window(
    make: object, cell: str, convention: str
) -> None:
    # The drill page at 1024×700 with 18 pt leaves the diagram about 370 px: the denser modern
    # diagrams (three state lines, the stabiliser) keep every text clear there too.
    test_texts_are_body_sized_clear_and_inside(make, cell, convention, 370, 480, 18)


@pytest.mark.parametrize(("cell", "convention"), [("lstm", "standard"), ("gru", "pytorch")])
def test_caption_and_values_at_body_size_and_growing(
    make: object, cell: str, convention: str
) -> None:
    sizes = []
    for width, height, points in SIZES:
        widget = make(cell, convention, width, height, points)  # type: ignore[operator]
        widget.set_values(_values(cell, convention))
        widget.next_stage()
        body_px = QFontInfo(widget.font()).pixelSize()
        lines = widget.frame().lines
        roles = {line.role for line in lines}
        assert roles == {"title", "equation", "value"}
        for line in lines:
            assert line.font.pixelSize() >= body_px, line.text
            assert QRectF(widget.rect()).contains(line.rect), line.text
        for a, b in itertools.combinations(lines, 2):
            assert not a.rect.intersects(b.rect), (a.text, b.text)
        tags = [t.font.pixelSize() for t in widget.scene_texts()]
        sizes.append((body_px, min(tags)))
    (small_body, small_tag), (large_body, large_tag) = sizes
    assert large_body > small_body and large_tag > small_tag


def test_one_notation_for_the_candidates(make: object) -> None:
    lstm = make("lstm", "standard", 470, 650, 11)  # type: ignore[operator]
    assert display_name("g") == "C̃_t" and display_name("n") == "h̃_t"
    equations = " ".join(stage.equation for stage in lstm._diagram.stages)
    assert "C̃_t = tanh(" in equations and "g_t" not in equations
    assert "C̃_t" in {t.text for t in lstm.scene_texts()}
    assert "PyTorch" in lstm.toolTip() and " g " in lstm.toolTip()
    gru = make("gru", "pytorch", 470, 650, 11)  # type: ignore[operator]
    equations = " ".join(stage.equation for stage in gru._diagram.stages)
    assert "h̃_t = tanh(" in equations and "n_t" not in equations
    assert " n " in gru.toolTip()
    gru.set_language("zh")
    assert "PyTorch 中叫 n" in gru.toolTip()
    rnn = make("rnn", "tanh", 470, 650, 11)  # type: ignore[operator]
    assert rnn.toolTip() == ""


def _contrast(a: str, b: str) -> float:
    def luminance(color: str) -> float:
        channels = []
        for value in QColor(color).getRgbF()[:3]:
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("colors", [LIGHT, DARK])
def test_terminal_names_and_faded_tags_are_readable(colors: DiagramColors) -> None:
    # Terminal names sit on label paper in ink (muted when their stage is not reached yet);
    # faded tags are muted on the cell's body: all at least 4.5 : 1 (WCAG AA for text).
    assert _contrast(colors.ink, colors.label_paper) >= 4.5
    assert _contrast(colors.muted, colors.label_paper) >= 4.5
    assert _contrast(colors.muted, colors.body) >= 4.5
    assert _contrast(colors.accent, colors.body) >= 3.0
