"""A small helper that the per-cell shape modules use to declare nodes, wires and stages tersely."""

from __future__ import annotations

from collections.abc import Iterable

from quizapp.gui.diagram.model import Diagram, Node, NodeKind, Point, Rect, Stage, Wire

# Node labels shared by every cell (an underscore starts the subscript).
C_PREV, C_NEW = "C_t−1", "C_t"
H_PREV, H_NEW = "h_t−1", "h_t"
X_T = "x_t"

BODY: Rect = (1.25, 0.55, 13.3, 7.45)  # the cell outline most diagrams use


class Builder:
    """Collects nodes, wires and stages, checking ids as it goes."""

    def __init__(self, cell: str, convention: str) -> None:
        self.cell = cell
        self.convention = convention
        self._nodes: dict[str, Node] = {}
        self._wires: dict[str, Wire] = {}
        self._stages: list[Stage] = []
        self._produces: dict[str, str] = {}

    def node(
        self,
        node_id: str,
        kind: NodeKind,
        label: str,
        at: Point,
        *,
        produces: Iterable[str] = (),
        size: tuple[float, float] = (0.0, 0.0),
    ) -> str:
        """Add a node; ``produces`` lists the quantity keys it computes."""
        if node_id in self._nodes:
            raise ValueError(f"{self.cell}: node id {node_id!r} declared twice")
        self._nodes[node_id] = Node(node_id, kind, label, at[0], at[1], size[0], size[1])
        for key in produces:
            self._produces[key] = node_id
        return node_id

    def wire(
        self,
        source: str,
        target: str,
        key: str | None,
        *points: Point,
        labelled: bool = False,
        wire_id: str = "",
    ) -> str:
        """Add a wire from ``source`` to ``target`` through the corner ``points``."""
        wire_id = wire_id or f"{source}->{target}"
        if wire_id in self._wires:
            raise ValueError(f"{self.cell}: wire id {wire_id!r} declared twice")
        self._wires[wire_id] = Wire(wire_id, source, target, key, tuple(points), labelled)
        return wire_id

    def produces(self, key: str, node_id: str) -> None:
        """Record that ``node_id`` computes the quantity ``key``."""
        self._produces[key] = node_id

    def stage(self, key: str, title: str, equation: str, lit: Iterable[str]) -> None:
        """Append the next stage of the update; ``lit`` mixes node and wire ids."""
        lit = set(lit)
        unknown = lit - self._nodes.keys() - self._wires.keys()
        if unknown:
            raise ValueError(f"{self.cell}: stage {key!r} lights unknown ids {sorted(unknown)}")
        nodes = frozenset(lit & self._nodes.keys())
        wires = frozenset(lit & self._wires.keys())
        self._stages.append(Stage(key, title, equation, nodes, wires))

    def build(self, body: Rect = BODY) -> Diagram:
        """The finished, frozen diagram."""
        return Diagram(
            cell=self.cell,
            convention=self.convention,
            nodes=tuple(self._nodes.values()),
            wires=tuple(self._wires.values()),
            stages=tuple(self._stages),
            produces=dict(self._produces),
            body=body,
        )
