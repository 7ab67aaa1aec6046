"""The linear recurrence h_t = a_t ⊙ h_{t−1} + b_t and its parallel (associative) scan.

minGRU, minLSTM and the selective SSM all reduce to this recurrence because their a_t and b_t read only
x_t: minGRU ``a = 1 − z``, ``b = z ⊙ h̃``; minLSTM ``a = f′``, ``b = i′ ⊙ h̃``; SSM ``a = Ā``,
``b = B̄ ⊙ x`` (d×N). Pairs compose with ``(a₁, b₁) ∘ (a₂, b₂) = (a₁ a₂, a₂ b₁ + b₂)`` ("first step 1,
then step 2"), which is associative, so the prefix coefficients ``(A_t, B_t) = (a₁, b₁) ∘ … ∘ (a_t, b_t)``
— with ``h_t = A_t ⊙ h_0 + B_t`` — can be computed in log₂T rounds (Hillis–Steele, here) instead of T.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from engine.errors import EngineError, ShapeError
from engine.params import Array, as_array, resolve_convention
from engine.step import step

SCAN_CELLS: tuple[str, ...] = ("mingru", "minlstm", "ssm")


@dataclass(frozen=True)
class ScanTrace:
    """A scan over T steps: step pairs ``a``, ``b``, prefix pairs ``prefix_a``, ``prefix_b`` and the
    states ``h`` (h_1 … h_T), each of shape (T, *state shape); ``h0`` is the starting state."""

    a: Array
    b: Array
    prefix_a: Array
    prefix_b: Array
    h0: Array
    h: Array


def combine(first: tuple[Array, Array], second: tuple[Array, Array]) -> tuple[Array, Array]:
    """(a₁, b₁) ∘ (a₂, b₂) = (a₁ a₂, a₂ b₁ + b₂): apply step 1, then step 2."""
    (a1, b1), (a2, b2) = first, second
    return a1 * a2, a2 * b1 + b2


def _check_pairs(a: object, b: object) -> tuple[Array, Array]:
    a_arr, b_arr = as_array(a, "a"), as_array(b, "b")
    if a_arr.ndim < 1 or a_arr.shape[0] == 0:
        raise ShapeError(f"a: got shape {a_arr.shape}, expected (T, …) with T ≥ 1")
    if a_arr.shape != b_arr.shape:
        raise ShapeError(f"b: got shape {b_arr.shape}, expected {a_arr.shape} (the shape of a)")
    return a_arr, b_arr


def prefix_coefficients(a: object, b: object) -> tuple[Array, Array]:
    """Inclusive prefix pairs (A_t, B_t) of T step pairs, by recursive doubling with ``combine``."""
    a_arr, b_arr = _check_pairs(a, b)
    A, B = a_arr.copy(), b_arr.copy()
    offset = 1
    while offset < A.shape[0]:
        # Each t ≥ offset absorbs the prefix ending `offset` steps earlier (on the left).
        new_A, new_B = combine((A[:-offset], B[:-offset]), (A[offset:], B[offset:]))
        A[offset:], B[offset:] = new_A, new_B
        offset *= 2
    return A, B


def sequential(a: object, b: object, h0: object) -> Array:
    """The loop h_t = a_t ⊙ h_{t−1} + b_t for t = 1 … T; returns h_1 … h_T stacked."""
    a_arr, b_arr = _check_pairs(a, b)
    h = as_array(h0, "h0")
    if h.shape != a_arr.shape[1:]:
        raise ShapeError(f"h0: got shape {h.shape}, expected {a_arr.shape[1:]}")
    out = []
    for a_t, b_t in zip(a_arr, b_arr, strict=True):
        h = a_t * h + b_t
        out.append(h)
    return np.stack(out)


def scan(a: object, b: object, h0: object) -> ScanTrace:
    """The prefix pairs and the states h_t = A_t ⊙ h_0 + B_t."""
    a_arr, b_arr = _check_pairs(a, b)
    h0_arr = as_array(h0, "h0")
    if h0_arr.shape != a_arr.shape[1:]:
        raise ShapeError(f"h0: got shape {h0_arr.shape}, expected {a_arr.shape[1:]}")
    A, B = prefix_coefficients(a_arr, b_arr)
    return _trace(a_arr, b_arr, A, B, h0_arr, A * h0_arr + B)


def _trace(a: Array, b: Array, A: Array, B: Array, h0: Array, h: Array) -> ScanTrace:
    for array in (a, b, A, B, h0, h):
        array.setflags(write=False)
    return ScanTrace(a, b, A, B, h0, h)


def coefficients(
    cell: str,
    params: Mapping[str, object],
    xs: Sequence[object] | object,
    *,
    convention: str | None = None,
) -> tuple[Array, Array]:
    """The step pairs (a_t, b_t) of ``cell`` (mingru, minlstm or ssm) for inputs xs of shape (T, d)."""
    if cell not in SCAN_CELLS:
        raise EngineError(f"the scan is defined for {', '.join(SCAN_CELLS)}, not {cell!r}")
    convention = resolve_convention(cell, convention)
    inputs = as_array(xs, "xs")
    if inputs.ndim != 2 or 0 in inputs.shape:
        raise ShapeError(f"xs: got shape {inputs.shape}, expected (T, d) with T, d ≥ 1")
    d = inputs.shape[1]
    size_param = {"mingru": "W_z", "minlstm": "W_f", "ssm": "W_B"}[cell]
    if size_param not in params:
        raise EngineError(f"missing parameter {size_param!r} for {cell}")
    n = as_array(params[size_param], size_param).shape[0]
    zero = np.zeros((d, n) if cell == "ssm" else (n,))
    a_list, b_list = [], []
    for x in inputs:
        # a_t and b_t do not read the state, so a zero state gives them.
        record = step(cell, params, x, zero, convention=convention)
        if cell == "mingru":
            a_list.append(1.0 - record["z"])
            b_list.append(record["z"] * record["h_tilde"])
        elif cell == "minlstm":
            a_list.append(record["f_prime"])
            b_list.append(record["i_prime"] * record["h_tilde"])
        else:
            a_list.append(record["A_bar"])
            b_list.append(record["B_bar"] * x[:, None])
    return np.stack(a_list), np.stack(b_list)


def run(
    cell: str,
    params: Mapping[str, object],
    xs: object,
    h0: object,
    *,
    convention: str | None = None,
) -> ScanTrace:
    """The scan of ``cell`` over inputs xs (T, d) from state h0."""
    a, b = coefficients(cell, params, xs, convention=convention)
    return scan(a, b, h0)
