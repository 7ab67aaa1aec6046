"""The cell diagram as plain data (no Qt): nodes, wires, stages, and the geometry derived from them.

Coordinates are in a unit grid (a diagram is ``width`` × ``height`` units, y pointing down) so
that the widget only has to scale. A wire runs from its source node's centre through its corner
``points`` to its target node's centre; ``wire_polyline`` clips both ends at the node outlines.
A node label may carry one subscript after an underscore: ``"C_t−1"`` is drawn C with t−1 below.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Literal

Point = tuple[float, float]
Rect = tuple[float, float, float, float]  # left, top, width, height

NodeKind = Literal[
    "sigma",  # a gate layer with weights and a logistic activation (box)
    "tanh",  # a layer with weights and tanh (box)
    "layer",  # a layer with weights and the activation its label names (box): exp, softplus
    "linear",  # a matrix product without activation (box), e.g. U_n h or W_c x
    "op",  # another element-wise operation named by its label (ellipse): ÷, max, exp, …
    "matrix",  # a matrix-valued state drawn as a grid, its entries shown when known (mLSTM's C_t)
    "tanh_op",  # tanh applied element-wise, no weights (ellipse)
    "relu_op",  # ReLU applied element-wise (ellipse)
    "mul",  # ⊙
    "add",  # +
    "one_minus",  # 1 − v
    "switch",  # chooses between two inputs (clockwork modules)
    "join",  # where two wires meet into one bundle (a dot)
    "input",
    "output",
]

BOX_KINDS = frozenset({"sigma", "tanh", "layer", "linear", "matrix"})
ROUND_KINDS = frozenset({"tanh_op", "relu_op", "op", "mul", "add", "one_minus", "switch"})
TERMINAL_KINDS = frozenset({"input", "output"})

_DEFAULT_SIZES: Mapping[str, tuple[float, float]] = {
    "sigma": (1.0, 0.7),
    "tanh": (1.0, 0.7),
    "layer": (1.1, 0.7),
    "linear": (1.0, 0.6),
    "op": (0.7, 0.58),
    "matrix": (1.6, 1.3),
    "tanh_op": (1.0, 0.56),
    "relu_op": (1.0, 0.56),
    "mul": (0.58, 0.58),
    "add": (0.58, 0.58),
    "one_minus": (0.58, 0.58),
    "switch": (0.62, 0.62),
    "join": (0.0, 0.0),
    "input": (1.1, 0.5),
    "output": (1.1, 0.5),
}


@dataclass(frozen=True)
class Node:
    """One drawn element: a layer box, a pointwise operation, a junction or a terminal."""

    id: str
    kind: NodeKind
    label: str
    x: float
    y: float
    width: float = 0.0  # 0 = the default size of the kind
    height: float = 0.0

    @property
    def size(self) -> tuple[float, float]:
        """Width and height in grid units."""
        default_w, default_h = _DEFAULT_SIZES[self.kind]
        return (self.width or default_w, self.height or default_h)

    @property
    def rect(self) -> Rect:
        """The bounding rectangle in grid units."""
        w, h = self.size
        return (self.x - w / 2, self.y - h / 2, w, h)


@dataclass(frozen=True)
class Wire:
    """A directed connection; ``key`` names the quantity it carries (a record key, or None)."""

    id: str
    source: str
    target: str
    key: str | None
    points: tuple[Point, ...] = ()
    labelled: bool = False  # the one wire of a quantity that shows its tag / value


@dataclass(frozen=True)
class Stage:
    """One step of the update: what it computes and which elements it lights."""

    key: str
    title: str
    equation: str
    nodes: frozenset[str]
    wires: frozenset[str]


@dataclass(frozen=True)
class Diagram:
    """The whole diagram of one cell under one convention."""

    cell: str
    convention: str
    nodes: tuple[Node, ...]
    wires: tuple[Wire, ...]
    stages: tuple[Stage, ...]
    produces: Mapping[str, str]  # quantity key -> id of the node that computes it
    body: Rect  # the cell's outline
    width: float = 16.0
    height: float = 9.0

    def node(self, node_id: str) -> Node:
        """The node with this id (KeyError naming the id and cell when missing)."""
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(f"diagram of {self.cell!r} has no node {node_id!r}")

    def stage_index(self, key: str) -> int:
        """Index of the stage computing ``key``, or -1."""
        for index, stage in enumerate(self.stages):
            if stage.key == key:
                return index
        return -1


class ElementState(Enum):
    """How an element is drawn for the stage being shown."""

    NORMAL = "normal"  # no stage lit: the whole diagram in its own colours
    CURRENT = "current"  # lit by the stage being shown
    DONE = "done"  # lit by an earlier stage
    LATER = "later"  # not reached yet


def element_states(diagram: Diagram, stage: int) -> dict[str, ElementState]:
    """State of every node and wire id when stage ``stage`` is shown (-1: none lit)."""
    ids = [n.id for n in diagram.nodes] + [w.id for w in diagram.wires]
    if stage < 0 or stage >= len(diagram.stages):
        return dict.fromkeys(ids, ElementState.NORMAL)
    states = dict.fromkeys(ids, ElementState.LATER)
    for earlier in diagram.stages[:stage]:
        for element in earlier.nodes | earlier.wires:
            states[element] = ElementState.DONE
    current = diagram.stages[stage]
    for element in current.nodes | current.wires:
        states[element] = ElementState.CURRENT
    return states


def path_to(diagram: Diagram, key: str) -> frozenset[str]:
    """Ids of the nodes and wires that compute ``key`` (its node, everything upstream, and the
    wires carrying it); empty for a key the diagram does not show."""
    start = diagram.produces.get(key)
    if start is None:
        return frozenset()
    found: set[str] = set()
    pending = [start]
    while pending:
        node_id = pending.pop()
        if node_id in found:
            continue
        found.add(node_id)
        for wire in diagram.wires:
            if wire.target == node_id and wire.id not in found:
                found.add(wire.id)
                pending.append(wire.source)
            # a port re-enters a quantity computed elsewhere: its path continues from there
            if wire.source == node_id and wire.key and diagram.node(node_id).kind == "input":
                producer = diagram.produces.get(wire.key)
                if producer is not None and producer != node_id:
                    pending.append(producer)
    for wire in diagram.wires:
        if wire.key == key:
            found.add(wire.id)
            target = diagram.node(wire.target)
            if target.kind == "output":
                found.add(target.id)
    return frozenset(found)


def paths_to(diagram: Diagram, keys: Iterable[str]) -> frozenset[str]:
    """Union of ``path_to`` over several keys."""
    found: set[str] = set()
    for key in keys:
        found |= path_to(diagram, key)
    return frozenset(found)


def wire_polyline(diagram: Diagram, wire: Wire) -> list[Point]:
    """The wire's points from the source outline to the target outline."""
    source = diagram.node(wire.source)
    target = diagram.node(wire.target)
    points: list[Point] = [(source.x, source.y), *wire.points, (target.x, target.y)]
    points[0] = _exit_point(source, points[1], points[0])
    points[-1] = _exit_point(target, points[-2], points[-1])
    return points


def polyline_length(points: list[Point]) -> float:
    """Total length of a polyline."""
    return sum(math.dist(a, b) for a, b in itertools.pairwise(points))


def _exit_point(node: Node, outside: Point, inside: Point) -> Point:
    """Where the segment from ``outside`` to ``inside`` crosses the node's outline."""
    w, h = node.size
    if w == 0 or h == 0:
        return inside
    half_w, half_h = w / 2, h / 2
    dx, dy = inside[0] - outside[0], inside[1] - outside[1]
    length = math.hypot(dx, dy)
    if length == 0:
        return inside
    if node.kind in ROUND_KINDS:
        # entry parameter into the ellipse centred on the node
        ox, oy = (outside[0] - node.x) / half_w, (outside[1] - node.y) / half_h
        ex, ey = dx / half_w, dy / half_h
        a = ex * ex + ey * ey
        b = 2 * (ox * ex + oy * ey)
        c = ox * ox + oy * oy - 1
        disc = b * b - 4 * a * c
        if disc < 0 or c <= 0:
            return inside
        t = (-b - math.sqrt(disc)) / (2 * a)
    else:
        entry = _rect_entry(outside, (dx, dy), node.rect)
        if entry is None:
            return inside
        t = entry
    t = min(max(t, 0.0), 1.0)
    return (outside[0] + t * dx, outside[1] + t * dy)


def _rect_entry(start: Point, delta: Point, rect: Rect) -> float | None:
    """Liang–Barsky: the parameter where ``start + t·delta`` enters ``rect`` (None if never)."""
    left, top, width, height = rect
    t_enter, t_leave = 0.0, 1.0
    for p, q in (
        (-delta[0], start[0] - left),
        (delta[0], left + width - start[0]),
        (-delta[1], start[1] - top),
        (delta[1], top + height - start[1]),
    ):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t_enter = max(t_enter, t)
        else:
            t_leave = min(t_leave, t)
    if t_enter > t_leave:
        return None
    return t_enter


def flow_depths(diagram: Diagram, stage: int) -> dict[str, int]:
    """For each wire the stage lights, how many lit wires the "water" passes before reaching it.

    A lit wire whose source no other lit wire feeds has depth 0; the widget fills wires of depth
    d after those of depth d − 1, so the flow visibly runs from the inputs towards the result.
    """
    if stage < 0 or stage >= len(diagram.stages):
        return {}
    lit = [w for w in diagram.wires if w.id in diagram.stages[stage].wires]
    feeding: dict[str, list[Wire]] = {}
    for wire in lit:
        feeding.setdefault(wire.target, []).append(wire)
    depths: dict[str, int] = {}

    def depth(wire: Wire, seen: frozenset[str]) -> int:
        if wire.id in depths:
            return depths[wire.id]
        parents = [w for w in feeding.get(wire.source, []) if w.id not in seen]
        value = 1 + max((depth(p, seen | {wire.id}) for p in parents), default=-1)
        depths[wire.id] = value
        return value

    for wire in lit:
        depth(wire, frozenset())
    return depths
