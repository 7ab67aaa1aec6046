"""One-step backward of rnn, lstm and gru as sympy trees, and their worked solutions with numbers.

The trees follow the spec's "One-step backward" section. Inputs are the upstream gradients ``dh``
(∂L/∂h_t) and, for the LSTM, ``dc_in`` (∂L/∂C_t arriving from step t+1); forward quantities (``h``,
``c``, ``i``, …, ``s``) are the forward record's keys. Keys are those of ``engine.backward.Gradients``.
The numbers shown in a worked solution come from ``engine.backward.backward``; ``numeric`` evaluates
these trees and a test requires agreement.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

import numpy as np

from engine.backward import BACKWARD_CELLS, backward
from engine.errors import EngineError
from engine.params import resolve_convention
from engine.step import step
from quizapp.formulas.cells import Definitions
from quizapp.formulas.numeric import Array, input_values, run
from quizapp.formulas.records import WorkedStep
from quizapp.formulas.symbols import (
    V,
    add,
    matvec_t,
    minus,
    mul,
    one_minus,
    positive,
    square,
    tanh,
)


def _rnn(convention: str) -> Definitions:
    if convention == "tanh":
        da = mul(V("dh"), one_minus(square(V("h"))))
    else:
        da = mul(V("dh"), positive(V("a")))
    return (("da", da), ("dh_prev", matvec_t("U", V("da"))), ("dx", matvec_t("W", V("da"))))


def _lstm() -> Definitions:
    dc, dh = V("dc"), V("dh")

    def gate_slope(gate: str) -> tuple[object, object]:
        return V(gate), one_minus(V(gate))

    return (
        ("dc", add(V("dc_in"), mul(dh, V("o"), one_minus(square(tanh(V("c"))))))),
        ("dc_prev", mul(dc, V("f"))),
        ("da_i", mul(dc, V("g"), *gate_slope("i"))),
        ("da_f", mul(dc, V("c_prev"), *gate_slope("f"))),
        ("da_g", mul(dc, V("i"), one_minus(square(V("g"))))),
        ("da_o", mul(dh, tanh(V("c")), *gate_slope("o"))),
        ("dh_prev", add(*(matvec_t(f"U_{k}", V(f"da_{k}")) for k in "ifgo"))),
        ("dx", add(*(matvec_t(f"W_{k}", V(f"da_{k}")) for k in "ifgo"))),
    )


def _gru(convention: str) -> Definitions:
    dh, z, n, r, h_prev = V("dh"), V("z"), V("n"), V("r"), V("h_prev")
    candidate_slope = one_minus(square(n))
    if convention == "colah":  # h_t = (1 - z) ⊙ h_{t-1} + z ⊙ n
        da_n = mul(dh, z, candidate_slope)
        da_z = mul(dh, minus(n, h_prev), z, one_minus(z))
        direct = mul(one_minus(z), dh)
    else:  # h_t = (1 - z) ⊙ n + z ⊙ h_{t-1}
        da_n = mul(dh, one_minus(z), candidate_slope)
        da_z = mul(dh, minus(h_prev, n), z, one_minus(z))
        direct = mul(z, dh)
    gate_paths = (matvec_t("U_r", V("da_r")), matvec_t("U_z", V("da_z")))
    if convention == "pytorch":  # r multiplies s = U_n h_{t-1} + bh_n
        da_r = mul(V("da_n"), V("s"), r, one_minus(r))
        dh_prev = add(direct, *gate_paths, matvec_t("U_n", mul(r, V("da_n"))))
    else:  # r multiplies h_{t-1} before U_n
        through_reset = matvec_t("U_n", V("da_n"))
        da_r = mul(through_reset, h_prev, r, one_minus(r))
        dh_prev = add(direct, *gate_paths, mul(through_reset, r))
    dx = add(*(matvec_t(f"W_{k}", V(f"da_{k}")) for k in "rzn"))
    return (("da_n", da_n), ("da_z", da_z), ("da_r", da_r), ("dh_prev", dh_prev), ("dx", dx))


@cache
def backward_definitions(
    cell: str, convention: str | None = None, two_biases: bool = True
) -> Definitions:
    """The backward equations of ``cell`` as ``(gradient key, sympy tree)`` in computing order.

    ``two_biases`` is accepted for symmetry with ``definitions``; no backward formula shows a bias.
    """
    del two_biases
    if cell not in BACKWARD_CELLS:
        raise EngineError(f"backward is defined for {', '.join(BACKWARD_CELLS)}, not {cell!r}")
    convention = resolve_convention(cell, convention)
    if cell == "rnn":
        return _rnn(convention)
    if cell == "lstm":
        return _lstm()
    return _gru(convention)


def symbolic_backward(
    cell: str,
    convention: str | None,
    params: Mapping[str, object],
    x: object,
    h: object,
    c: object | None,
    dh: object,
    dc: object | None = None,
) -> dict[str, Array]:
    """The backward keys computed from the sympy trees (forward values from ``symbolic_step``)."""
    from quizapp.formulas.numeric import symbolic_step

    convention = resolve_convention(cell, convention)
    values, sizes = input_values(cell, params, x, h, c)
    values.update(symbolic_step(cell, convention, params, x, h, c))
    values["dh"] = np.asarray(dh, dtype=np.float64)
    values["dc_in"] = np.zeros(sizes["n"]) if dc is None else np.asarray(dc, dtype=np.float64)
    return run("backward", cell, convention, values, sizes)


def backward_worked(
    cell: str,
    convention: str | None,
    params: Mapping[str, object],
    x: object,
    h: object,
    c: object | None,
    dh: object,
    dc: object | None = None,
    *,
    keys: Sequence[str] | None = None,
) -> tuple[WorkedStep, ...]:
    """Worked backward steps (rnn, lstm, gru): formula, numbers substituted per element, result.

    Values are ``engine.backward.backward``'s; ``dc`` is ∂L/∂C_t from step t+1 (LSTM, default 0).
    ``keys`` picks gradient keys (default: every key of ``backward_definitions``, in order).
    """
    from quizapp.formulas.worked import shows_two_biases, worked_steps

    convention = resolve_convention(cell, convention)
    gradients = backward(cell, params, x, h, dh, c=c, dc=dc, convention=convention)
    record = step(cell, params, x, h, c, convention=convention)
    values, sizes = input_values(cell, params, x, h, c)
    values.update(record.as_dict())
    values["dh"] = np.asarray(dh, dtype=np.float64)
    values["dc_in"] = np.zeros(sizes["n"]) if dc is None else np.asarray(dc, dtype=np.float64)
    defs = backward_definitions(cell, convention)
    for key, _ in defs:
        values[key] = np.asarray(gradients[key], dtype=np.float64)
    two = shows_two_biases(cell, values, None)
    return worked_steps(
        cell, convention, defs, values, sizes, keys, backward_of=True, two_biases=two
    )
