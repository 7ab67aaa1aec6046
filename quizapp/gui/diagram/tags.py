"""Where the diagram's texts go, in pixels: the wire tags (f_t, C̃_t, …) inside the cell box and
the terminal names (h_t−1, x_t, C_t, …) at the wire ends, all at the body text's size.

``scene_texts`` is what the painter draws and what the tests measure: every text's rectangle
and font. Tags are placed by ``placement.place_labels`` beside their wire, inside the cell's
outline, clear of boxes, terminals and the other tags; terminal names are centred on their
terminal. ``terminal_overflow`` says how far terminal names reach past the grid, so the widget
can keep them on screen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont

from quizapp.gui.diagram import labels
from quizapp.gui.diagram.model import TERMINAL_KINDS, Diagram, Node, Rect, Wire, wire_polyline
from quizapp.gui.diagram.placement import LabelRequest, Placement, place_labels
from quizapp.gui.diagram.rich import make_font, rich_height, rich_width

PAD = 0.25  # padding around a text, in multiples of its pixel size (half on each side)


@dataclass(frozen=True)
class SceneText:
    """One text drawn on the diagram: ``kind`` is "tag" (beside a wire) or "terminal"."""

    kind: str
    element: str  # the wire id (tag) or node id (terminal)
    text: str
    rect: QRectF  # in pixels, padding included
    font: QFont


def text_size(font: QFont, text: str) -> tuple[float, float]:
    """Width and height in pixels of ``text`` with its subscripts, padding included."""
    pad = PAD * font.pixelSize()
    return rich_width(font, text) + 2 * pad, rich_height(font, text) + pad


def tagged_wires(diagram: Diagram, asked: frozenset[str] = frozenset()) -> list[Wire]:
    """The wires that carry a tag: the labelled wire of each quantity a stage computes inside the
    cell, and of an intermediate one (such as the GRU's s_t) when it is on the ``asked`` path."""
    stages = {stage.key for stage in diagram.stages}
    return [
        w
        for w in diagram.wires
        if w.labelled
        and labels.is_tagged(w.key, diagram.cell)
        and (w.key in stages or w.id in asked)
    ]


def terminal_rects(
    diagram: Diagram, font: QFont, scale: float, left: float, top: float
) -> dict[str, QRectF]:
    """Each terminal name's rectangle in pixels: centred on its node, then, from the top down,
    moved straight down below any name above it that it would overlap (x_t below h_t−1; the
    xLSTM's c_t−1, n_t−1 and m_t−1 stacked when the picture is small)."""
    rects: dict[str, QRectF] = {}
    terminals = [n for n in diagram.nodes if n.kind in TERMINAL_KINDS and not is_port(diagram, n)]
    for node in sorted(terminals, key=lambda n: n.y):
        width, height = text_size(font, node.label)
        cx, cy = left + node.x * scale, top + node.y * scale
        rect = QRectF(cx - width / 2, cy - height / 2, width, height)
        moved = True
        while moved:  # each move goes down, past one name: this ends
            moved = False
            for other in rects.values():
                if rect.intersects(other):
                    rect.moveTop(other.bottom() + 1)
                    moved = True
        rects[node.id] = rect
    return {node.id: rects[node.id] for node in terminals}


def is_port(diagram: Diagram, node: Node) -> bool:
    """A terminal inside the cell's outline (the peephole's second C_t−1 input): drawn at its
    node's size like the symbols, not as a name at the body size."""
    left, top, width, height = diagram.body
    return node.kind in TERMINAL_KINDS and (
        left < node.x < left + width and top < node.y < top + height
    )


def terminal_overflow(
    diagram: Diagram, font: QFont, scale: float
) -> tuple[float, float, float, float]:
    """How many pixels terminal names reach past the grid's left, top, right and bottom edges."""
    edges = [0.0, 0.0, 0.0, 0.0]
    for rect in terminal_rects(diagram, font, scale, 0.0, 0.0).values():
        edges[0] = max(edges[0], -rect.left())
        edges[1] = max(edges[1], -rect.top())
        edges[2] = max(edges[2], rect.right() - diagram.width * scale)
        edges[3] = max(edges[3], rect.bottom() - diagram.height * scale)
    return (edges[0], edges[1], edges[2], edges[3])


def scene_texts(
    diagram: Diagram,
    family: str,
    text_px: float,
    scale: float,
    origin: tuple[float, float],
    order: Mapping[str, int],
    asked: frozenset[str] = frozenset(),
) -> list[SceneText]:
    """Every tag and terminal name of ``diagram`` drawn at ``scale`` pixels per grid unit with its
    grid origin at ``origin``; tags are placed in ``order`` of their wires (lower first), ``asked``
    holds the ids on the asked path."""
    left, top = origin
    terminal_font = make_font(family, text_px, italic=True)
    tag_font = make_font(family, text_px, italic=True)
    result: list[SceneText] = []
    terminal_boxes: list[Rect] = []
    for node_id, rect in terminal_rects(diagram, terminal_font, scale, left, top).items():
        label = diagram.node(node_id).label
        result.append(SceneText("terminal", node_id, label, rect, terminal_font))
        x, y = (rect.left() - left) / scale, (rect.top() - top) / scale
        terminal_boxes.append((x, y, rect.width() / scale, rect.height() / scale))
    wires = sorted(tagged_wires(diagram, asked), key=lambda w: order.get(w.id, len(order)))
    requests = []
    for wire in wires:
        text = labels.display_name(wire.key or "", diagram.cell)
        width, height = text_size(tag_font, text)
        polyline = tuple(wire_polyline(diagram, wire))
        requests.append(LabelRequest(wire.id, polyline, ((width / scale, height / scale),)))
    boxes = [
        n.rect
        for n in diagram.nodes
        if n.kind != "join" and (n.kind not in TERMINAL_KINDS or is_port(diagram, n))
    ]
    lines = [wire_polyline(diagram, w) for w in diagram.wires]
    for placed in _placements(tuple(requests), (*boxes, *terminal_boxes), lines, diagram.body):
        x, y, w, h = placed.rect
        rect = QRectF(left + x * scale, top + y * scale, w * scale, h * scale)
        key = next(wire.key for wire in wires if wire.id == placed.wire_id)
        result.append(
            SceneText(
                "tag", placed.wire_id, labels.display_name(key or "", diagram.cell), rect, tag_font
            )
        )
    return result


# The same tags on the same diagram at the same size land in the same spots: animation frames
# and repaints reuse the answer (a few dozen layouts at most).
_PLACEMENTS: dict[object, list[Placement]] = {}
_KEPT = 64


def _placements(
    requests: tuple[LabelRequest, ...],
    obstacles: Sequence[Rect],
    wires: Sequence[Sequence[tuple[float, float]]],
    bounds: Rect,
) -> list[Placement]:
    key = (requests, tuple(obstacles), tuple(tuple(w) for w in wires), bounds)
    found = _PLACEMENTS.get(key)
    if found is None:
        if len(_PLACEMENTS) >= _KEPT:
            _PLACEMENTS.clear()
        found = place_labels(requests, obstacles, wires, bounds)
        _PLACEMENTS[key] = found
    return found
