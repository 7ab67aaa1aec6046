"""The diagram of each cell as plain data (no Qt): ``diagram_for(cell, convention)`` and ``path_to``.

A ``Diagram`` lists nodes (id, kind, label, position in a 16 × 9 unit grid), wires (source,
target, the quantity key they carry, corner points) and the ordered stages of the update, each
naming the nodes and wires it lights. The shapes live in ``shapes_lstm``, ``shapes_gru`` and
``shapes_simple``; this module picks one and answers questions about it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

from engine.params import resolve_convention
from quizapp.gui.diagram.model import (
    Diagram,
    ElementState,
    Node,
    Stage,
    Wire,
    element_states,
    paths_to,
    wire_polyline,
)
from quizapp.gui.diagram.model import path_to as _path_in
from quizapp.gui.diagram.shapes_gru import gru_diagram
from quizapp.gui.diagram.shapes_lstm import lstm_diagram
from quizapp.gui.diagram.shapes_minimal import mingru_diagram, minlstm_diagram
from quizapp.gui.diagram.shapes_simple import rnn_diagram, sru_diagram
from quizapp.gui.diagram.shapes_state_space import linear_attention_diagram, ssm_diagram
from quizapp.gui.diagram.shapes_xlstm import mlstm_diagram, slstm_diagram

__all__ = [
    "Diagram",
    "ElementState",
    "Node",
    "Stage",
    "Wire",
    "diagram_for",
    "element_states",
    "path_to",
    "paths_to",
    "stage_keys",
    "wire_polyline",
]

_BUILDERS: dict[str, Callable[[str, str], Diagram]] = {
    "rnn": rnn_diagram,
    "clockwork": rnn_diagram,
    "lstm": lstm_diagram,
    "peephole": lstm_diagram,
    "cifg": lstm_diagram,
    "depth_gated": lstm_diagram,
    "gru": gru_diagram,
    "mgu": gru_diagram,
    "sru": sru_diagram,
    "mingru": mingru_diagram,
    "minlstm": minlstm_diagram,
    "slstm": slstm_diagram,
    "mlstm": mlstm_diagram,
    "ssm": ssm_diagram,
    "linear_attention": linear_attention_diagram,
}


@cache
def diagram_for(cell: str, convention: str | None = None) -> Diagram:
    """The diagram of ``cell`` under ``convention`` (None or "" = the cell's default).

    Raises ``engine.UnknownNameError`` naming the allowed values for an unknown cell or convention.
    """
    resolved = resolve_convention(cell, convention or None)
    return _BUILDERS[cell](cell, resolved)


def path_to(cell: str, key: str, convention: str | None = None) -> frozenset[str]:
    """Ids of the nodes and wires that compute quantity ``key`` of ``cell`` (empty if not drawn)."""
    return _path_in(diagram_for(cell, convention), key)


def stage_keys(cell: str, convention: str | None = None) -> tuple[str, ...]:
    """The stage keys in order, e.g. ``("f", "i", "g", "c", "o", "h")`` for the LSTM."""
    return tuple(stage.key for stage in diagram_for(cell, convention).stages)


def highlight_ids(diagram: Diagram, keys: Iterable[str]) -> frozenset[str]:
    """The union of the paths of the asked keys (unknown keys add nothing)."""
    return paths_to(diagram, keys)
