"""A GRU drill with one bias per gate never mentions the hidden-side bias bh_n (its s_t is
U_n h_{t−1}); a two-bias drill shows it; the framework call and the formula symbols are rendered
(code and math), not shown as raw markup."""

from __future__ import annotations

from gui_fixtures import _shared_formula_cache, formula_cache, started  # noqa: F401 - fixtures
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from quizapp.drills import DrillSpec, generate_drill, grade_drill
from quizapp.drills.quantities import label_of, quantities_for
from quizapp.grading.feedback import feedback_for
from quizapp.gui.app import Started
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.widgets.math_label import MathLabel


def test_the_label_of_s_follows_the_biases() -> None:
    one = label_of("s", "gru", two_biases=False)[1]
    two = label_of("s", "gru", two_biases=True)[1]
    assert one.en == "hidden-side product s_t = U_n h_{t−1}"
    assert one.zh == "隐状态侧乘积 s_t = U_n h_{t−1}"
    assert two.en == "hidden-side product s_t = U_n h_{t−1} + bh_n"
    infos = {i.key: i for i in quantities_for("gru", "pytorch", two_biases=False)}
    assert infos["s"].label_text == one


def test_feedback_of_a_single_bias_drill_names_s_without_bh_n() -> None:
    drill = generate_drill(DrillSpec("gru", "pytorch", ("s",), "standard", 3))
    assert not drill.spec.two_biases and not any(drill.params["bh_n"])
    lines = feedback_for(drill, grade_drill(drill, {}), worked=False).lines
    assert [line.en for line in lines] == [
        "hidden-side product s_t = U_n h_{t−1}: left empty, counts as wrong."
    ]
    two = generate_drill(DrillSpec("gru", "pytorch", ("s",), "hard", 3, two_biases=True))
    lines = feedback_for(two, grade_drill(two, {}), worked=False).lines
    assert lines[0].en.startswith("hidden-side product s_t = U_n h_{t−1} + bh_n:")


def _texts(app: Started) -> list[str]:
    view = app.window.drill
    labels = view.findChildren(QLabel)
    return [label.text() for label in labels] + [
        label.latex() for label in view.findChildren(MathLabel)
    ]


def test_a_single_bias_gru_drill_shows_no_hidden_side_bias(
    started: Started,  # noqa: F811
    qtbot: QtBot,
) -> None:
    window = started.window
    assert window.open_drills(DrillPlan(("gru",), ("s", "h"), "standard"), seed=3)
    drill = window.drill_controller.drill
    assert drill is not None and not drill.spec.two_biases
    view = window.drill
    with qtbot.waitSignal(window.drill_controller.graded):
        view.submit()
    shown = "\n".join(_texts(started))
    assert "U<sub>n</sub> h<sub>t−1</sub>" in shown or "U_n h_{t−1}" in shown
    assert "bh_n" not in shown and "b^{h}" not in shown and "b<sup>h</sup>" not in shown
    equations = [label.latex() for label in view.sheet.findChildren(MathLabel)]
    candidate = (
        r"\tilde{h}_{t} = \tanh\left(W_{n} x_{t} + b_{n} + r_{t} \odot \left(U_{n} h_{t-1}\right)"
    )
    assert any(latex.startswith(candidate) for latex in equations), equations


def test_a_two_bias_gru_drill_shows_the_hidden_side_bias_in_its_equations(
    started: Started,  # noqa: F811
) -> None:
    window = started.window
    drawn = []
    for seed in range(40):  # hard drills draw the second bias for some seeds
        assert window.open_drills(DrillPlan(("gru",), ("h",), "hard"), seed=seed)
        drill = window.drill_controller.drill
        assert drill is not None
        drawn.append(drill.spec.two_biases)
        if drill.spec.two_biases:
            break
    assert drawn[-1], "no two-bias drill in 40 seeds"
    equations = [label.latex() for label in window.drill.sheet.findChildren(MathLabel)]
    assert any("b^{h}_{n}" in latex for latex in equations), equations


def test_the_framework_call_and_formula_symbols_are_rendered(
    started: Started,  # noqa: F811
) -> None:
    window = started.window
    assert window.open_drills(DrillPlan(("lstm",), ("count",), "standard"), seed=3)
    extra = window.drill.sheet.extra_text
    assert extra.isVisibleTo(window)
    assert "<code>nn.LSTM(input_size=" in extra.text() and "`" not in extra.text()
    assert window.open_drills(DrillPlan(("gru",), ("formula_h",), "standard"), seed=3)
    text = window.drill.sheet.extra_text.text()
    assert "<code>h_prev</code>: h<sub>t−1</sub>" in text
    assert "_{" not in text and "`" not in text
