"""The modern cells' diagrams: what each path reads (the min cells and the mLSTM see x_t only), the
conventions drawn where they differ, the names that depend on the cell (the sLSTM's n_t is not the
GRU's h̃_t), value rows shortened to fit, and the mLSTM's memory drawn as a matrix of its values."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication

import engine
from quizapp.drills.modern_keys import MODERN_DEPENDS
from quizapp.gui.diagram.frame import fit_value
from quizapp.gui.diagram.labels import display_name, value_row
from quizapp.gui.diagram.layout import diagram_for, path_to, stage_keys
from quizapp.gui.diagram.matrix_node import matrix_rows
from quizapp.gui.diagram.rich import make_font, rich_width
from quizapp.gui.diagram.widget import CellDiagram
from quizapp.gui.views.drill_sheet import input_latex, parameter_latex


@pytest.mark.parametrize(
    ("cell", "gate"),
    [("mingru", "z"), ("minlstm", "f"), ("minlstm", "i"), ("mlstm", "f"), ("mlstm", "q")],
)
def test_parallel_friendly_cells_gates_read_x_only(cell: str, gate: str) -> None:
    ids = {node.id for node in diagram_for(cell).nodes}
    assert "h_prev" not in path_to(cell, gate) and "x" in path_to(cell, gate)
    # the mLSTM has no h_{t−1} input at all; the min cells have it only on the state line
    assert ("h_prev" in ids) is (cell != "mlstm")


def test_slstm_gates_read_the_previous_hidden_state() -> None:
    for gate in ("z", "i", "f", "o"):
        assert {"h_prev", "x"} <= path_to("slstm", gate)


def test_paths_follow_the_modern_equations() -> None:
    # mLSTM: C_t = f′ C + i′ v kᵀ uses v, k and the stabiliser, not q or o
    to_c = path_to("mlstm", "C")
    assert {"gate_v", "gate_k", "outer", "stab", "c_prev"} <= to_c
    assert not {"gate_q", "gate_o", "read"} & to_c
    assert {"read", "gate_q", "gate_o", "add_c", "add_n"} <= path_to("mlstm", "h")
    # the sLSTM's h_t = o ⊙ c_t / n_t reaches back to both states and every gate
    assert {"add_c", "add_n", "gate_z", "stab", "div", "mul_h"} <= path_to("slstm", "h")
    # SSM: Ā_t = exp(Δ A) does not see B; B̄_t does
    assert "w_b" not in path_to("ssm", "A_bar") and "delta" in path_to("ssm", "A_bar")
    assert {"w_b", "delta"} <= path_to("ssm", "B_bar")
    assert {"w_c", "add_h"} <= path_to("ssm", "y")
    # linear attention: the output reads S_t and z_t through both feature maps
    assert {"s_matrix", "add_z", "phi_q", "phi_k", "num", "den"} <= path_to("linear_attention", "y")


def test_conventions_are_drawn_where_they_differ() -> None:
    assert "normalise" in {n.id for n in diagram_for("minlstm", "paper").nodes}
    assert "normalise" not in {n.id for n in diagram_for("minlstm", "unnormalised").nodes}
    assert stage_keys("minlstm", "unnormalised") == ("f", "i", "h_tilde", "h")
    assert diagram_for("mingru", "log_space").node("g").kind == "op"
    assert "g" not in {n.id for n in diagram_for("mingru", "paper").nodes}
    assert diagram_for("slstm", "exp").node("gate_f").label == "exp"
    assert diagram_for("slstm", "sigmoid").node("gate_f").label == "σ"
    assert diagram_for("ssm", "zoh").node("b_bar").label == "hold"
    zoh = [s.equation for s in diagram_for("ssm", "zoh").stages if s.key == "B_bar"]
    assert zoh == ["B̄_t = (exp(Δ_t A) − 1) / A ⊙ B_tᵀ   (the exact zero-order hold)"]


def test_names_depend_on_the_cell() -> None:
    assert display_name("n", "gru") == "h̃_t"
    assert display_name("n", "slstm") == "n_t"
    assert display_name("h_tilde", "mingru") == "h̃_t"
    assert display_name("f_prime", "minlstm") == "f′_t"
    assert display_name("A_bar", "ssm") == "Ā_t"
    assert display_name("phi_k", "linear_attention") == "φ(k_t)"
    assert display_name("c", "slstm") == "c_t" and display_name("c", "lstm") == "C_t"
    assert value_row("den", [4.19], "mlstm") == "den_t = [4.19]"


def test_value_rows_are_shortened_to_the_width(qapp: QApplication) -> None:
    font = make_font(QFont(qapp.font()).family(), 24)
    row = "C_t = [−0.28, −0.05, −0.03, −0.30, …]"
    assert fit_value(font, row, 10_000) == row
    short = fit_value(font, row, rich_width(font, row) - 1)
    assert short == "C_t = [−0.28, −0.05, −0.03, …]"
    assert fit_value(font, row, 1) == "C_t = [−0.28, …]"  # one number is always kept
    assert fit_value(font, "den_t = [4.19]", 1) == "den_t = [4.19]"


def test_matrix_rows() -> None:
    assert matrix_rows([1, 2, 3, 4]) == [[1, 2], [3, 4]]
    assert len(matrix_rows(list(range(9)))) == 3
    assert matrix_rows([1, 2, 3]) == [] and matrix_rows(None) == []


def _matrix_pixels(widget: CellDiagram) -> QImage:
    view = widget.frame().view
    assert view is not None and widget._diagram is not None
    rect = view.rect(widget._diagram.node("c_matrix").rect).toRect()
    return widget.grab().toImage().copy(rect)


def test_mlstm_memory_is_drawn_as_a_matrix_of_its_values(qapp: QApplication) -> None:
    widget = CellDiagram()
    widget.resize(470, 650)
    widget.set_cell("mlstm", "sigmoid")
    empty = _matrix_pixels(widget)
    widget.set_values({"C": [0.5, -0.25, 1.0, 0.0]})
    two = _matrix_pixels(widget)
    widget.set_values({"C": [0.5, -0.25, 1.0, 0.0, 0.1, 0.2, 0.3, 0.4, 0.5]})
    three = _matrix_pixels(widget)
    assert empty != two != three
    assert widget._value_rows()[0][1] == "C_t = [0.50, −0.25, 1.00, 0.00, …]"
    # the matrix stays inside the diagram and clear of the tags
    view = widget.frame().view
    assert view is not None and widget._diagram is not None
    box = view.rect(widget._diagram.node("c_matrix").rect)
    assert QRectF(widget.rect()).contains(box)
    assert not any(text.rect.intersects(box) for text in widget.scene_texts())
    assert widget.toolTip() == ""  # no PyTorch note: the mLSTM's n_t is not PyTorch's n
    widget.deleteLater()


@pytest.mark.parametrize(
    ("cell", "convention"),
    [(c, v) for c in engine.MODERN_CELLS for v in engine.CONVENTIONS.get(c, ("standard",))],
)
def test_stages_light_in_the_order_the_step_computes(cell: str, convention: str) -> None:
    # the record's keys are in computation order (engine.modern); the drill asks them in it
    order = [k for k in MODERN_DEPENDS[cell] if k in stage_keys(cell, convention)]
    assert list(stage_keys(cell, convention)) == order
    # every quantity a drill asks has its own stage (unnormalised minLSTM: f′ = f, i′ = i)
    drilled = set(engine.OUTPUT_KEYS[cell])
    if (cell, convention) == ("minlstm", "unnormalised"):
        drilled -= {"f_prime", "i_prime"}
    assert drilled <= set(stage_keys(cell, convention))


def test_given_state_names_follow_the_drills() -> None:
    assert input_latex("mlstm", "C") == "C_{t-1}" and input_latex("mlstm", "m") == "m_{t-1}"
    assert input_latex("slstm", "c") == "c_{t-1}" and input_latex("lstm", "c") == "C_{t-1}"
    assert input_latex("linear_attention", "S") == "S_{t-1}"
    assert input_latex("gru", "x") == "x_t" == input_latex("ssm", "x")
    assert parameter_latex("W_delta") == r"W_{\Delta}" and parameter_latex("W_f") == "W_{f}"
