"""Drawing one diagram with QPainter: the cell body, wires with arrows, nodes, tags and value labels.

``ScenePainter`` receives everything it draws (diagram, element states, asked path, values, flow
progress) and keeps no state between paints; the widget decides what to show.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen

from quizapp.gui.diagram.matrix_node import paint_matrix
from quizapp.gui.diagram.model import (
    BOX_KINDS,
    ROUND_KINDS,
    TERMINAL_KINDS,
    Diagram,
    ElementState,
    Node,
    Point,
    Rect,
    Wire,
    polyline_length,
    wire_polyline,
)
from quizapp.gui.diagram.palette import DiagramColors
from quizapp.gui.diagram.rich import (
    draw_rich,
    draw_rich_centered,
    make_font,
    rich_width,
)
from quizapp.gui.diagram.tags import PAD, SceneText, is_port, scene_texts

FONT_FAMILIES = ("DejaVu Sans", "Noto Sans", "Noto Sans CJK JP")
_STATE_ORDER = {
    ElementState.LATER: 0,
    ElementState.NORMAL: 1,
    ElementState.DONE: 2,
    ElementState.CURRENT: 3,
}


@dataclass(frozen=True)
class View:
    """Maps grid units to pixels: ``pixel = origin + units × scale``."""

    scale: float
    left: float
    top: float

    def pt(self, point: Point) -> QPointF:
        """A grid point in pixels."""
        return QPointF(self.left + point[0] * self.scale, self.top + point[1] * self.scale)

    def rect(self, rect: Rect) -> QRectF:
        """A grid rectangle in pixels."""
        x, y = self.pt((rect[0], rect[1])).toTuple()
        return QRectF(x, y, rect[2] * self.scale, rect[3] * self.scale)

    def px(self, units: float) -> float:
        """A length in pixels."""
        return units * self.scale


@dataclass(frozen=True)
class SceneInput:
    """What one paint shows."""

    diagram: Diagram
    states: Mapping[str, ElementState]
    asked: frozenset[str]
    values: Mapping[str, Sequence[float]]
    depths: Mapping[str, int]  # flow order of the lit wires
    progress: float  # 0..1 through the flow animation
    stage_keys: Sequence[str]  # for ordering labels
    text_px: float = 15.0  # the body text's pixel size: tags and terminal names use it


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        1.0,
    )


class ScenePainter:
    """Paints a ``SceneInput`` through a ``View`` with a palette."""

    def __init__(
        self, painter: QPainter, view: View, colors: DiagramColors, family: str, scene: SceneInput
    ) -> None:
        self.p = painter
        self.view = view
        self.scene = scene
        self.family = family
        self.c = {name: QColor(value) for name, value in vars(colors).items()}

    # --- the whole picture ----------------------------------------------------------------------

    def paint(self) -> None:
        """Body, wires (unlit first), nodes, then labels on top."""
        self._paint_body()
        wires = sorted(self.scene.diagram.wires, key=lambda w: _STATE_ORDER[self._state(w.id)])
        for wire in wires:
            if wire.id in self.scene.asked:
                self._paint_asked_wire(wire)
        for wire in wires:
            self._paint_wire(wire)
        for node in self.scene.diagram.nodes:
            self._paint_node(node)
        self._paint_texts()

    def _state(self, element: str) -> ElementState:
        return self.scene.states.get(element, ElementState.NORMAL)

    def _paint_body(self) -> None:
        body = self.view.rect(self.scene.diagram.body)
        radius = self.view.px(0.35)
        self.p.setPen(QPen(self.c["body_border"], max(1.0, self.view.px(0.03))))
        self.p.setBrush(self.c["body"])
        self.p.drawRoundedRect(body, radius, radius)

    # --- wires ------------------------------------------------------------------------------------

    def _wire_color(self, state: ElementState) -> QColor:
        return {
            ElementState.NORMAL: self.c["ink"],
            ElementState.CURRENT: self.c["accent"],
            ElementState.DONE: self.c["done"],
            ElementState.LATER: self.c["later_ink"],
        }[state]

    def _path(self, points: Sequence[QPointF]) -> QPainterPath:
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        return path

    def _pen(self, color: QColor, units: float, alpha: int = 255) -> QPen:
        color = QColor(color)
        color.setAlpha(alpha)
        pen = QPen(color, max(1.0, self.view.px(units)))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def _paint_asked_wire(self, wire: Wire) -> None:
        points = [self.view.pt(p) for p in wire_polyline(self.scene.diagram, wire)]
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.setPen(self._pen(self.c["asked"], 0.15, 95))
        self.p.drawPath(self._path(points))

    def _paint_wire(self, wire: Wire) -> None:
        grid_points = wire_polyline(self.scene.diagram, wire)
        points = [self.view.pt(p) for p in grid_points]
        state = self._state(wire.id)
        path = self._path(points)
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        arrow_color = self._wire_color(state)
        if state is ElementState.CURRENT:
            self.p.setPen(self._pen(self.c["accent"], 0.32, 45))
            self.p.drawPath(path)
            self.p.setPen(self._pen(self.c["done"], 0.06))
            self.p.drawPath(path)
            filled = self._fill_fraction(wire.id)
            if filled > 0:
                head = self._partial(points, filled)
                self.p.setPen(self._pen(self.c["accent"], 0.09))
                self.p.drawPath(self._path(head))
                if filled < 1:
                    self.p.setPen(Qt.PenStyle.NoPen)
                    self.p.setBrush(self.c["accent"])
                    radius = self.view.px(0.11)
                    self.p.drawEllipse(head[-1], radius, radius)
            arrow_color = self.c["accent"] if filled >= 1 else self.c["done"]
        else:
            width = {ElementState.DONE: 0.06, ElementState.LATER: 0.04}.get(state, 0.045)
            self.p.setPen(self._pen(arrow_color, width))
            self.p.drawPath(path)
        if self.scene.diagram.node(wire.target).kind != "join":
            self._paint_arrow(points, arrow_color, state is ElementState.CURRENT)

    def _fill_fraction(self, wire_id: str) -> float:
        depths = self.scene.depths
        phases = max(depths.values(), default=0) + 1
        depth = depths.get(wire_id, 0)
        return min(1.0, max(0.0, self.scene.progress * phases - depth))

    @staticmethod
    def _partial(points: Sequence[QPointF], fraction: float) -> list[QPointF]:
        grid = [(p.x(), p.y()) for p in points]
        remaining = polyline_length(grid) * fraction
        result = [points[0]]
        for a, b in itertools.pairwise(points):
            length = math.dist((a.x(), a.y()), (b.x(), b.y()))
            if length >= remaining:
                t = remaining / length if length else 1.0
                result.append(a + (b - a) * t)
                return result
            result.append(b)
            remaining -= length
        return result

    def _paint_arrow(self, points: Sequence[QPointF], color: QColor, bold: bool) -> None:
        tip, before = points[-1], points[-2]
        dx, dy = tip.x() - before.x(), tip.y() - before.y()
        length = math.hypot(dx, dy)
        if length == 0:
            return
        ux, uy = dx / length, dy / length
        size = self.view.px(0.2 if bold else 0.17)
        back = QPointF(tip.x() - ux * size, tip.y() - uy * size)
        side = QPointF(-uy * size * 0.5, ux * size * 0.5)
        self.p.setPen(Qt.PenStyle.NoPen)
        self.p.setBrush(color)
        self.p.drawPolygon([tip, back + side, back - side])

    # --- nodes ------------------------------------------------------------------------------------

    def _paint_node(self, node: Node) -> None:
        state = self._state(node.id)
        asked = node.id in self.scene.asked
        rect = self.view.rect(node.rect)
        if node.kind == "join":
            self.p.setPen(Qt.PenStyle.NoPen)
            self.p.setBrush(self._wire_color(state))
            radius = self.view.px(0.075)
            self.p.drawEllipse(rect.center(), radius, radius)
            return
        if node.kind in TERMINAL_KINDS:
            if is_port(self.scene.diagram, node):
                self._paint_port(node, rect, state)
            return  # the others are drawn with the texts, at the body text's size
        fill = {
            "sigma": self.c["layer"],
            "tanh": self.c["layer"],
            "layer": self.c["layer"],
            "linear": self.c["linear"],
            "matrix": self.c["label_paper"],
        }.get(node.kind, self.c["operation"])
        ink = self.c["ink"]
        border, border_width = self.c["ink"], 0.035
        if state is ElementState.LATER:
            fill = _blend(fill, self.c["later_fill"], 0.75)
            ink = border = self.c["later_ink"]
        elif state is ElementState.DONE:
            border, border_width = self.c["done"], 0.05
        elif state is ElementState.CURRENT:
            border, border_width = self.c["accent"], 0.075
        shape = self._shape(node, rect)
        if state is ElementState.CURRENT:
            glow = self._shape(node, rect.adjusted(*self._grow(0.12)))
            self.p.setPen(Qt.PenStyle.NoPen)
            color = QColor(self.c["accent"])
            color.setAlpha(55)
            self.p.setBrush(color)
            self.p.drawPath(glow)
        if asked:
            self.p.setBrush(Qt.BrushStyle.NoBrush)
            self.p.setPen(self._pen(self.c["asked"], 0.04))
            self.p.drawPath(self._shape(node, rect.adjusted(*self._grow(0.06))))
        self.p.setPen(self._pen(border, border_width))
        self.p.setBrush(QBrush(fill))
        self.p.drawPath(shape)
        if node.kind == "matrix":
            values = next(
                (
                    self.scene.values[key]
                    for key, node_id in self.scene.diagram.produces.items()
                    if node_id == node.id and key in self.scene.values
                ),
                None,
            )
            paint_matrix(self.p, rect, self.family, node.label, values, ink, self.c["muted"])
            return
        self._paint_symbol(node, rect, ink)

    def _grow(self, units: float) -> tuple[float, float, float, float]:
        g = self.view.px(units)
        return (-g, -g, g, g)

    def _shape(self, node: Node, rect: QRectF) -> QPainterPath:
        path = QPainterPath()
        if node.kind in ROUND_KINDS:
            path.addEllipse(rect)
        else:
            radius = min(self.view.px(0.14), rect.height() / 2)
            path.addRoundedRect(rect, radius, radius)
        return path

    def _paint_symbol(self, node: Node, rect: QRectF, ink: QColor) -> None:
        center = rect.center()
        self.p.setPen(QPen(ink, max(1.0, self.view.px(0.045))))
        if node.kind == "mul":
            self.p.setPen(Qt.PenStyle.NoPen)
            self.p.setBrush(ink)
            radius = self.view.px(0.075)
            self.p.drawEllipse(center, radius, radius)
            return
        if node.kind == "add":
            arm = rect.width() * 0.28
            self.p.drawLine(center + QPointF(-arm, 0), center + QPointF(arm, 0))
            self.p.drawLine(center + QPointF(0, -arm), center + QPointF(0, arm))
            return
        sizes = {
            "sigma": 0.46,
            "tanh": 0.3,
            "layer": 0.3,
            "one_minus": 0.25,
            "switch": 0.34,
            "tanh_op": 0.27,
            "op": 0.27,
        }
        units = sizes.get(node.kind, 0.26 if node.kind in BOX_KINDS else 0.24)
        font = make_font(self.family, self.view.px(units), italic=node.kind == "linear")
        # keep long labels inside their box
        room = rect.width() * 0.9
        width = rich_width(font, node.label)
        if width > room:
            font.setPixelSize(max(7, math.floor(font.pixelSize() * room / width)))
        self.p.setPen(ink)
        draw_rich_centered(self.p, font, node.label, center)

    def _paint_port(self, node: Node, rect: QRectF, state: ElementState) -> None:
        """A terminal inside the cell: its name fitted to its node, on a pill of paper."""
        radius = rect.height() / 2
        self.p.setPen(QPen(self.c["body_border"], 1.0))
        self.p.setBrush(self.c["label_paper"])
        self.p.drawRoundedRect(rect, radius, radius)
        font = make_font(self.family, self.view.px(0.3), italic=True)
        width = rich_width(font, node.label)
        if width > rect.width() * 0.9:
            font.setPixelSize(max(7, math.floor(font.pixelSize() * rect.width() * 0.9 / width)))
        self.p.setPen(self.c["muted"] if state is ElementState.LATER else self.c["ink"])
        draw_rich_centered(self.p, font, node.label, rect.center())

    def _paint_terminal(self, text: SceneText) -> None:
        """A terminal's name on a pill of paper, high contrast in both themes."""
        state = self._state(text.element)
        asked = text.element in self.scene.asked
        radius = text.rect.height() / 2
        self.p.setPen(QPen(self.c["asked"] if asked else self.c["body_border"], 1.5))
        self.p.setBrush(self.c["label_paper"])
        self.p.drawRoundedRect(text.rect, radius, radius)
        ink = {
            ElementState.LATER: self.c["muted"],
            ElementState.CURRENT: self.c["accent"],
        }.get(state, self.c["ink"])
        self.p.setPen(ink)
        draw_rich_centered(self.p, text.font, text.text, text.rect.center())

    # --- tags -------------------------------------------------------------------------------------

    def texts(self) -> list[SceneText]:
        """Every tag and terminal name with its rectangle (what ``paint`` draws)."""
        diagram = self.scene.diagram
        ranks = {wire.id: self._label_rank(wire) for wire in diagram.wires}
        order = {
            wire_id: index for index, wire_id in enumerate(sorted(ranks, key=ranks.__getitem__))
        }
        return scene_texts(
            diagram,
            self.family,
            self.scene.text_px,
            self.view.scale,
            (self.view.left, self.view.top),
            order,
            self.scene.asked,
        )

    def _paint_texts(self) -> None:
        for text in self.texts():
            if text.kind == "terminal":
                self._paint_terminal(text)
                continue
            state = self._state(text.element)
            # tags of later stages fade like their wires, but stay readable
            ink = {
                ElementState.CURRENT: self.c["accent"],
                ElementState.LATER: self.c["muted"],
            }.get(state, self.c["ink"])
            self.p.setPen(ink)
            pad = PAD * text.font.pixelSize()
            metrics = QFontMetricsF(text.font)
            baseline = text.rect.top() + pad / 2 + metrics.ascent()
            draw_rich(self.p, text.font, text.text, text.rect.left() + pad, baseline)

    def _label_rank(self, wire: Wire) -> tuple[int, int]:
        asked = 0 if wire.id in self.scene.asked else 1
        keys = list(self.scene.stage_keys)
        order = keys.index(wire.key) if wire.key in keys else len(keys)
        return (asked, order)
