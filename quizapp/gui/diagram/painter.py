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
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from quizapp.gui.diagram import labels
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
from quizapp.gui.diagram.placement import LabelRequest, Placement, place_labels

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


# Label placement is a search worth a few milliseconds; the same labels on the same diagram at the
# same scale land in the same spots, so animation frames and repaints reuse the answer.
_PLACEMENTS: dict[object, list[Placement]] = {}
_PLACEMENTS_KEPT = 64


def cached_placements(
    requests: Sequence[LabelRequest],
    obstacles: Sequence[Rect],
    wires: Sequence[Sequence[Point]],
    bounds: Rect,
) -> list[Placement]:
    """``place_labels`` remembered by its arguments (a few dozen layouts at most)."""
    key = (tuple(requests), tuple(obstacles), tuple(tuple(w) for w in wires), bounds)
    found = _PLACEMENTS.get(key)
    if found is None:
        if len(_PLACEMENTS) >= _PLACEMENTS_KEPT:
            _PLACEMENTS.clear()
        found = place_labels(requests, obstacles, wires, bounds)
        _PLACEMENTS[key] = found
    return found


def make_font(family: str, pixels: float, *, bold: bool = False, italic: bool = False) -> QFont:
    """A font of ``family`` at ``pixels`` (at least 7 px so it stays legible)."""
    font = QFont(family)
    font.setPixelSize(max(7, round(pixels)))
    font.setBold(bold)
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def _sub_font(font: QFont) -> QFont:
    sub = QFont(font)
    sub.setPixelSize(max(6, round(font.pixelSize() * 0.72)))
    return sub


def rich_width(font: QFont, text: str) -> float:
    """Width in pixels of ``text`` with its subscripts (see ``labels.split_subscripts``)."""
    main, sub = QFontMetricsF(font), QFontMetricsF(_sub_font(font))
    return sum(
        (sub if lowered else main).horizontalAdvance(span)
        for span, lowered in labels.split_subscripts(text)
    )


def draw_rich(painter: QPainter, font: QFont, text: str, left: float, baseline: float) -> None:
    """Draw ``text`` with lowered subscripts starting at ``left`` on ``baseline``."""
    sub_font = _sub_font(font)
    main, sub = QFontMetricsF(font), QFontMetricsF(sub_font)
    x = left
    for span, lowered in labels.split_subscripts(text):
        painter.setFont(sub_font if lowered else font)
        shift = main.ascent() * 0.3 if lowered else 0.0
        painter.drawText(QPointF(x, baseline + shift), span)
        x += (sub if lowered else main).horizontalAdvance(span)


def draw_rich_centered(painter: QPainter, font: QFont, text: str, center: QPointF) -> None:
    """Draw ``text`` centred on ``center`` (the main letters' box, subscripts hang below)."""
    metrics = QFontMetricsF(font)
    width = rich_width(font, text)
    baseline = center.y() + (metrics.ascent() - metrics.descent()) / 2
    has_sub = any(lowered for _, lowered in labels.split_subscripts(text))
    if has_sub:
        baseline -= metrics.ascent() * 0.12
    draw_rich(painter, font, text, center.x() - width / 2, baseline)


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
        self._paint_labels()

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
            self._paint_terminal(node, rect, state, asked)
            return
        fill = {
            "sigma": self.c["layer"],
            "tanh": self.c["layer"],
            "linear": self.c["linear"],
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
        sizes = {"sigma": 0.46, "tanh": 0.3, "one_minus": 0.25, "switch": 0.34, "tanh_op": 0.27}
        units = sizes.get(node.kind, 0.26 if node.kind in BOX_KINDS else 0.24)
        font = make_font(self.family, self.view.px(units), italic=node.kind == "linear")
        # keep long labels inside their box
        room = rect.width() * 0.9
        width = rich_width(font, node.label)
        if width > room:
            font.setPixelSize(max(7, math.floor(font.pixelSize() * room / width)))
        self.p.setPen(ink)
        draw_rich_centered(self.p, font, node.label, center)

    def _paint_terminal(self, node: Node, rect: QRectF, state: ElementState, asked: bool) -> None:
        font = make_font(self.family, self.view.px(0.34), italic=True)
        if asked:
            color = QColor(self.c["asked"])
            color.setAlpha(50)
            self.p.setPen(Qt.PenStyle.NoPen)
            self.p.setBrush(color)
            radius = rect.height() / 2
            self.p.drawRoundedRect(rect, radius, radius)
        ink = {
            ElementState.LATER: self.c["later_ink"],
            ElementState.CURRENT: self.c["accent"],
        }.get(state, self.c["ink"])
        room = rect.width() * 0.95
        width = rich_width(font, node.label)
        if width > room:
            font.setPixelSize(max(7, math.floor(font.pixelSize() * room / width)))
        self.p.setPen(ink)
        draw_rich_centered(self.p, font, node.label, rect.center())

    # --- tags and value labels ----------------------------------------------------------------

    def _label_texts(self, wire: Wire) -> list[list[str]] | None:
        """The size options of a wire's label: a list of lines per option."""
        key = wire.key
        if key is None or not wire.labelled:
            return None
        numbers = self.scene.values.get(key)
        if numbers:
            row = [labels.value_row(key, numbers)]
            if len(numbers) == 1:
                return [row]
            return [row, labels.value_column(key, numbers)]
        if key in labels.TAGGED:
            return [[labels.display_name(key)]]
        return None

    def _paint_labels(self) -> None:
        diagram = self.scene.diagram
        wanted: list[tuple[Wire, list[list[str]]]] = []
        for wire in diagram.wires:
            options = self._label_texts(wire)
            if options:
                wanted.append((wire, options))
        wanted.sort(key=lambda item: self._label_rank(item[0]))
        has_values = bool(self.scene.values)
        value_font = make_font(self.family, self.view.px(0.27))
        tag_font = make_font(self.family, self.view.px(0.3), italic=True)
        line = QFontMetricsF(value_font).height() / self.view.scale
        pad = 0.06
        requests: list[LabelRequest] = []
        fonts: dict[str, QFont] = {}
        for wire, options in wanted:
            is_value = bool(self.scene.values.get(wire.key or ""))
            font = value_font if is_value else tag_font
            fonts[wire.id] = font
            height = QFontMetricsF(font).height() / self.view.scale
            sizes = tuple(
                (
                    max(rich_width(font, text) for text in lines) / self.view.scale + 2 * pad,
                    (line if is_value else height) * len(lines) + pad,
                )
                for lines in options
            )
            polyline = tuple(wire_polyline(diagram, wire))
            requests.append(LabelRequest(wire.id, polyline, sizes))
        obstacles = [node.rect for node in diagram.nodes if node.kind != "join"]
        lines_of_wires = [wire_polyline(diagram, w) for w in diagram.wires]
        bounds = (0.0, 0.0, diagram.width, diagram.height)
        texts = {wire.id: options for wire, options in wanted}
        states = {wire.id: self._state(wire.id) for wire, _ in wanted}
        for placed in cached_placements(requests, obstacles, lines_of_wires, bounds):
            lines = texts[placed.wire_id][placed.option]
            font = fonts[placed.wire_id]
            rect = self.view.rect(placed.rect)
            state = states[placed.wire_id]
            is_value = font is value_font and has_values
            if is_value:
                background = QColor(self.c["label_paper"])
                background.setAlpha(235)
                border = (
                    self.c["accent"] if state is ElementState.CURRENT else self.c["body_border"]
                )
                self.p.setPen(QPen(border, 1.0))
                self.p.setBrush(background)
                radius = self.view.px(0.08)
                self.p.drawRoundedRect(rect, radius, radius)
            # values stay readable in every state; tags of later stages fade like their wires
            ink = {
                ElementState.CURRENT: self.c["accent"],
                ElementState.LATER: self.c["muted"] if is_value else self.c["later_ink"],
            }.get(state, self.c["ink"] if is_value else self.c["muted"])
            self.p.setPen(ink)
            metrics = QFontMetricsF(font)
            step = metrics.height()
            baseline = rect.top() + self.view.px(pad / 2) + metrics.ascent()
            for text in lines:
                draw_rich(self.p, font, text, rect.left() + self.view.px(pad), baseline)
                baseline += step

    def _label_rank(self, wire: Wire) -> tuple[int, int]:
        asked = 0 if wire.id in self.scene.asked else 1
        keys = list(self.scene.stage_keys)
        order = keys.index(wire.key) if wire.key in keys else len(keys)
        return (asked, order)
