"""The cell diagrams as data (no Qt): consistent nodes and wires, stages, paths, geometry, labels."""

from __future__ import annotations

import itertools
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import engine
from engine.modern.shapes import state_shapes
from quizapp.gui.diagram.labels import split_subscripts, value_column, value_row
from quizapp.gui.diagram.layout import diagram_for, path_to, stage_keys, wire_polyline
from quizapp.gui.diagram.model import (
    BOX_KINDS,
    ROUND_KINDS,
    Diagram,
    ElementState,
    element_states,
    flow_depths,
)
from quizapp.gui.diagram.placement import LabelRequest, overlap, place_labels

CELL_CONVENTIONS = [
    (cell, convention)
    for cell in (*engine.CELLS, *engine.MODERN_CELLS)
    for convention in engine.CONVENTIONS.get(cell, ("standard",))
]
ROOT = Path(__file__).resolve().parents[2]


def record_keys(cell: str, convention: str) -> list[str]:
    """The keys the engine really produces for one step (an independent list of quantities)."""
    rng = np.random.default_rng(5)
    d = n = 2
    periods = (1, 2) if cell == "clockwork" else None
    params = engine.random_params(cell, d, n, rng, periods=periods)
    x, h, c = rng.normal(size=d), rng.normal(size=n), rng.normal(size=n)
    if cell in engine.MODERN_CELLS:
        state = {
            key: np.abs(rng.normal(size=shape)) + 1.0
            for key, shape in state_shapes(cell, d, n).items()
        }
        record = engine.step(cell, params, x, state=state, convention=convention)
    elif cell == "sru":
        record = engine.step(cell, params, x, c=c)
    elif cell == "clockwork":
        record = engine.step(cell, params, x, h, t=2, periods=periods)
    elif cell == "depth_gated":
        record = engine.step(cell, params, x, h, c, c_low=rng.normal(size=n))
    elif cell in ("lstm", "peephole", "cifg"):
        record = engine.step(cell, params, x, h, c)
    else:
        record = engine.step(cell, params, x, h, convention=convention)
    return list(record.as_dict())


@pytest.mark.parametrize(("cell", "convention"), CELL_CONVENTIONS)
def test_every_element_is_consistent(cell: str, convention: str) -> None:
    diagram = diagram_for(cell, convention)
    node_ids = [node.id for node in diagram.nodes]
    wire_ids = [wire.id for wire in diagram.wires]
    assert len(set(node_ids)) == len(node_ids)
    assert len(set(wire_ids)) == len(wire_ids)
    assert not set(node_ids) & set(wire_ids)
    for wire in diagram.wires:
        assert wire.source in node_ids, wire
        assert wire.target in node_ids, wire
        assert wire.source != wire.target
    for stage in diagram.stages:
        assert stage.nodes <= set(node_ids), stage.key
        assert stage.wires <= set(wire_ids), stage.key
        assert stage.nodes | stage.wires, stage.key
        assert stage.equation and stage.title
    for node in diagram.nodes:
        left, top, width, height = node.rect
        assert left >= 0 and left + width <= diagram.width, node
        assert top >= 0 and top + height <= diagram.height, node
    # every element is reached by some stage, so stepping through leaves nothing unexplained
    lit = set().union(*(stage.nodes | stage.wires for stage in diagram.stages))
    assert set(node_ids) | set(wire_ids) == lit


@pytest.mark.parametrize(("cell", "convention"), CELL_CONVENTIONS)
def test_every_record_key_has_a_path_and_stages_are_record_keys(cell: str, convention: str) -> None:
    keys = record_keys(cell, convention)
    for key in keys:
        assert path_to(cell, key, convention), f"{cell}/{convention}: no path to {key}"
    assert set(stage_keys(cell, convention)) <= set(keys)
    assert path_to(cell, "no-such-quantity", convention) == frozenset()


@pytest.mark.parametrize(
    ("cell", "convention", "expected"),
    [
        ("lstm", "standard", ("f", "i", "g", "c", "o", "h")),
        ("peephole", "standard", ("f", "i", "g", "c", "o", "h")),
        ("cifg", "standard", ("f", "i", "g", "c", "o", "h")),
        ("gru", "pytorch", ("r", "z", "n", "h")),
        ("gru", "d2l", ("r", "z", "n", "h")),
        ("gru", "colah", ("r", "z", "n", "h")),
        ("rnn", "tanh", ("a", "h")),
        ("rnn", "relu", ("a", "h")),
        ("mgu", "standard", ("f", "n", "h")),
        ("sru", "standard", ("f", "r", "c", "h")),
        ("clockwork", "standard", ("a", "active", "h")),
        ("depth_gated", "standard", ("d", "f", "i", "g", "c", "o", "h")),
        # the modern cells: the record's order (engine.modern), one stage per drilled quantity
        ("mingru", "paper", ("z", "h_tilde", "h")),
        ("minlstm", "paper", ("f", "i", "h_tilde", "f_prime", "i_prime", "h")),
        ("minlstm", "unnormalised", ("f", "i", "h_tilde", "h")),
        ("slstm", "sigmoid", ("z", "i", "f", "o", "m", "i_prime", "f_prime", "c", "n", "h")),
        ("mlstm", "exp", (*"qkvifom", "i_prime", "f_prime", "C", "n", "den", "h_tilde", "h")),
        ("ssm", "zoh", ("delta", "B", "C", "A_bar", "B_bar", "h", "y")),
        (
            "linear_attention",
            "standard",
            ("q", "k", "v", "phi_q", "phi_k", "S", "z", "num", "den", "y"),
        ),
    ],
)
def test_stage_order(cell: str, convention: str, expected: tuple[str, ...]) -> None:
    assert stage_keys(cell, convention) == expected


def kinds_into(diagram: Diagram, node_id: str) -> list[str]:
    return sorted(diagram.node(w.source).kind for w in diagram.wires if w.target == node_id)


def test_lstm_paths_follow_the_equations() -> None:
    # f_t depends on x and h_{t−1} only; C_t on every gate but o; h_t on everything
    to_f = path_to("lstm", "f")
    assert {"sigma_f", "join", "x", "h_prev"} <= to_f
    assert not {"tanh_g", "sigma_o", "mul_h", "c_prev", "add_c"} & to_f
    to_c = path_to("lstm", "c")
    assert {"sigma_f", "sigma_i", "tanh_g", "c_prev", "mul_f", "mul_i", "add_c"} <= to_c
    assert "sigma_o" not in to_c and "mul_h" not in to_c
    to_h = path_to("lstm", "h")
    assert {"sigma_f", "sigma_i", "tanh_g", "sigma_o", "tanh_c", "mul_h", "h_out"} <= to_h


def test_peepholes_and_coupled_gates() -> None:
    lstm, peephole, cifg = diagram_for("lstm"), diagram_for("peephole"), diagram_for("cifg")
    cell_keys = {"c_prev", "c"}
    for gate in ("sigma_f", "sigma_i", "sigma_o"):
        assert not any(w.target == gate and w.key in cell_keys for w in lstm.wires)
        assert any(w.target == gate and w.key in cell_keys for w in peephole.wires)
    # o peeks at the new cell: its path contains the + that makes C_t, f's and i's do not
    assert "add_c" in path_to("peephole", "o")
    assert "add_c" not in path_to("peephole", "f")
    # CIFG: no input-gate layer; a 1− node fed by f feeds the input product
    assert "sigma_i" not in {node.id for node in cifg.nodes}
    assert kinds_into(cifg, "one_minus_f") == ["sigma"]
    assert "one_minus" in kinds_into(cifg, "mul_i")


@pytest.mark.parametrize(
    ("convention", "minus_feeds", "has_u_n"),
    [("pytorch", "mul_new", True), ("d2l", "mul_new", False), ("colah", "mul_keep", False)],
)
def test_gru_conventions_differ_where_the_spec_says(
    convention: str, minus_feeds: str, has_u_n: bool
) -> None:
    diagram = diagram_for("gru", convention)
    # pytorch/d2l: h' = (1−z)⊙n + z⊙h, so 1−z multiplies the candidate; colah the old state
    assert "one_minus" in kinds_into(diagram, minus_feeds)
    # pytorch applies r after the product U_n h, drawn as a U_n box before the reset ⊙
    assert ("u_n" in {node.id for node in diagram.nodes}) is has_u_n
    assert bool(path_to("gru", "s", convention)) is has_u_n


def test_element_states_follow_the_stage() -> None:
    diagram = diagram_for("lstm")
    assert set(element_states(diagram, -1).values()) == {ElementState.NORMAL}
    at_c = element_states(diagram, 3)
    assert at_c["add_c"] is ElementState.CURRENT
    assert at_c["sigma_f"] is ElementState.DONE
    assert at_c["sigma_o"] is ElementState.LATER
    assert at_c["mul_h"] is ElementState.LATER


def test_flow_runs_from_inputs_to_the_gate_output() -> None:
    depths = flow_depths(diagram_for("lstm"), 0)
    assert depths == {"h_prev->join": 0, "x->join": 0, "join->sigma_f": 1, "sigma_f->mul_f": 2}
    assert flow_depths(diagram_for("lstm"), -1) == {}


@pytest.mark.parametrize(("cell", "convention"), CELL_CONVENTIONS)
def test_wires_end_on_node_outlines(cell: str, convention: str) -> None:
    diagram = diagram_for(cell, convention)
    for wire in diagram.wires:
        points = wire_polyline(diagram, wire)
        assert len(points) >= 2
        for end, node_id in ((points[0], wire.source), (points[-1], wire.target)):
            node = diagram.node(node_id)
            w, h = node.size
            dx, dy = end[0] - node.x, end[1] - node.y
            if node.kind in ROUND_KINDS:
                assert math.isclose((dx / (w / 2)) ** 2 + (dy / (h / 2)) ** 2, 1, abs_tol=1e-9)
            elif node.kind in BOX_KINDS or node.kind in ("input", "output"):
                on_side = math.isclose(abs(dx), w / 2) or math.isclose(abs(dy), h / 2)
                assert on_side and abs(dx) <= w / 2 + 1e-9 and abs(dy) <= h / 2 + 1e-9, wire
        # wires are drawn with straight horizontal and vertical runs only
        for a, b in itertools.pairwise(points):
            assert math.isclose(a[0], b[0]) or math.isclose(a[1], b[1]), wire


def test_labels_texts() -> None:
    assert value_row("f", [0.6213, -0.449]) == "f_t = [0.62, −0.45]"
    assert value_row("c_prev", [1, 2, 3, 4, 5]) == "C_t−1 = [1.00, 2.00, 3.00, 4.00, …]"
    assert value_column("h", [-0.001, 0.5]) == ["h_t =", "0.00", "0.50"]
    assert split_subscripts("h_{t−1} + b_f)") == [
        ("h", False),
        ("t−1", True),
        (" + b", False),
        ("f", True),
        (")", False),
    ]
    assert split_subscripts("σ") == [("σ", False)]


def test_placement_avoids_a_box_beside_the_wire() -> None:
    box = (0.6, 1.0, 1.0, 1.0)  # to the left of the vertical wire x = 2
    wire = ((2.0, 0.0), (2.0, 3.0))
    request = LabelRequest("w", wire, ((0.8, 0.4),))
    (placed,) = place_labels([request], [box], [wire], (0.0, 0.0, 4.0, 3.0))
    assert overlap(placed.rect, box) == 0
    assert placed.overlap == 0
    # a second label on the same wire does not land on the first
    second = place_labels([request, request], [box], [wire], (0.0, 0.0, 4.0, 3.0))
    assert overlap(second[0].rect, second[1].rect) == 0


def test_layout_imports_no_qt() -> None:
    code = (
        "import sys, quizapp.gui.diagram.layout, quizapp.gui.diagram.placement;"
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={"PYTHONPATH": str(ROOT)}, check=False
    )
    assert result.returncode == 0
