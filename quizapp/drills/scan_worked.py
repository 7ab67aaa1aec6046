"""The worked solution of a parallel-scan drill: the step pairs (a_t, b_t), the prefix pairs by
combining step after step, and the sequential loop h_t = a_t ⊙ h_{t−1} + b_t giving the same h."""

from __future__ import annotations

import numpy as np

from engine import scan as engine_scan
from quizapp.drills.model import Drill
from quizapp.formulas.latex import vector_value
from quizapp.formulas.records import WorkedStep

_PAIR = {
    "mingru": (r"a_t = 1 - z_t", r"b_t = z_t \odot \tilde{h}_t"),
    "minlstm": (r"a_t = f'_t", r"b_t = i'_t \odot \tilde{h}_t"),
    "ssm": (r"a_t = \bar{A}_t", r"b_t = \bar{B}_t \odot x_t"),
}


def _step(key: str, formula: str, lines: list[str], result: str, value: object) -> WorkedStep:
    flat = tuple(float(v) for v in np.ravel(np.asarray(value)))
    return WorkedStep(key, formula, "\n".join(lines), result, flat)


def scan_worked(drill: Drill) -> tuple[WorkedStep, ...]:
    """Pairs, prefix pairs and the loop, with the numbers of this drill."""
    cell, steps = drill.spec.cell, int(drill.extra.get("steps", 2))  # type: ignore[call-overload]
    xs = np.array([drill.inputs[f"x_{t + 1}"] for t in range(steps)])
    h0 = np.array(drill.inputs["h_0"])
    if cell == "ssm":
        h0 = h0.reshape(drill.d, drill.n)
    trace = engine_scan.run(cell, drill.params, xs, h0, convention=drill.spec.convention)
    a_form, b_form = _PAIR[cell]
    v = vector_value
    out = [
        _step("scan_a", a_form,
              [rf"a_{t + 1} = {v(trace.a[t])}" for t in range(steps)], "", trace.a),
        _step("scan_b", b_form,
              [rf"b_{t + 1} = {v(trace.b[t])}" for t in range(steps)], "", trace.b),
    ]  # fmt: skip
    prefix = [
        rf"A_{{1:1}} = a_1 = {v(trace.prefix_a[0])},\ B_{{1:1}} = b_1 = {v(trace.prefix_b[0])}"
    ]
    for t in range(1, steps):
        prefix.append(
            rf"A_{{1:{t + 1}}} = a_{t + 1} \odot A_{{1:{t}}} = {v(trace.prefix_a[t])},\ "
            rf"B_{{1:{t + 1}}} = a_{t + 1} \odot B_{{1:{t}}} + b_{t + 1} = {v(trace.prefix_b[t])}"
        )
    out.append(_step(
        "scan_B", r"(a_1, b_1) \circ (a_2, b_2) = (a_2 \odot a_1,\ a_2 \odot b_1 + b_2)", prefix,
        rf"h_{steps} = A_{{1:{steps}}} \odot h_0 + B_{{1:{steps}}} = {v(trace.h[-1])}",
        trace.prefix_b,
    ))  # fmt: skip
    loop = engine_scan.sequential(trace.a, trace.b, h0)
    lines = [rf"h_0 = {v(h0)}"] + [
        rf"h_{t + 1} = a_{t + 1} \odot h_{t} + b_{t + 1} = {v(loop[t])}" for t in range(steps)
    ]
    same = "the same" if np.allclose(loop[-1], trace.h[-1], atol=1e-12) else "different"
    out.append(_step(
        "scan_h", r"h_t = a_t \odot h_{t-1} + b_t\ \mathrm{(sequential\ loop)}", lines,
        rf"h_{steps} = {v(loop[-1])}\ \mathrm{{({same}\ as\ the\ scan)}}", loop[-1],
    ))  # fmt: skip
    return tuple(out)
