"""Forward steps that can be bent into catalogued mistakes, many variants at once.

``forward_batch`` runs one step of a cell for V variants in one pass: the parameters carry a leading
variant axis (V, …) and each variant has a ``Twist`` (which formula it gets wrong). Twist 0 with the
drill's own parameters is the right computation; tests check it against the engine. ``overrides``
replaces named intermediates by given values (the learner's own answers) before later quantities use
them, which is how an error is carried forward.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from engine.modern.shapes import MODERN_CELLS

Array = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]

LSTM_FAMILY: frozenset[str] = frozenset({"lstm", "peephole", "cifg", "depth_gated"})
GRU_FAMILY: frozenset[str] = frozenset({"gru", "mgu"})
ACTIVATIONS: tuple[str, ...] = ("tanh", "sigmoid", "relu", "identity")


@dataclass(frozen=True)
class Twist:
    """How one variant departs from the right formulas (the default departs nowhere)."""

    tanh_gates: frozenset[str] = frozenset()  # gates computed with tanh instead of σ
    sigmoid_candidate: bool = False  # g / n computed with σ instead of tanh
    # "swap-fi": i ⊙ c + f ⊙ g; "no-input-gate": f ⊙ c + g; "no-forget-gate": c + i ⊙ g
    cell_form: str = "right"
    # "old-cell", "no-tanh", "tanh-outside", "no-output-gate"; the SRU's "no-highway"
    h_form: str = "right"
    peephole_old_cell: bool = False  # a_o peeks at C_{t-1} instead of C_t
    update_swapped: bool = False  # GRU/MGU: the other convention's update
    reset_flipped: bool = False  # GRU/MGU: reset before the product when it is after, and back
    bias_outside_reset: bool = False  # GRU pytorch: bh_n outside r ⊙ (…)
    no_reset: bool = False  # GRU/MGU: reset gate taken as 1
    no_carry: bool = False  # GRU/MGU: the carried z ⊙ h term left out
    no_update: bool = False  # GRU/MGU: update gate left out, h_t = h̃_t
    activation: str | None = None  # RNN/clockwork: this activation instead of the convention's


NO_TWIST = Twist()
_FIELDS: tuple[str, ...] = tuple(Twist.__dataclass_fields__)


def sigmoid(a: Array) -> Array:
    """σ(a) written through tanh, which never overflows."""
    result: Array = 0.5 * (1.0 + np.tanh(0.5 * a))
    return result


def matvec(matrix: Array, vector: Array) -> Array:
    """Matrix times vector where either may carry a leading variant axis: result (V, n) or (n,)."""
    if vector.ndim == 1:
        result: Array = matrix @ vector
        return result
    if matrix.ndim == 2:
        product: Array = vector @ matrix.T
        return product
    batched: Array = np.einsum("vij,vj->vi", matrix, vector)
    return batched


def _name(prefix: str, gate: str) -> str:
    return f"{prefix}_{gate}" if gate else prefix


class _Run:
    """One batched forward pass: masks from the twists and the values computed so far."""

    def __init__(
        self,
        params: Mapping[str, Array],
        twists: Sequence[Twist],
        overrides: Mapping[str, Array] | None,
    ) -> None:
        self.p = params
        self.twists = twists
        self.overrides = overrides or {}
        self.out: dict[str, Array] = {}
        # rows of each (field, value) that differs from the default: most variants are untwisted,
        # so masks are built from these short lists instead of scanning every twist
        self.rows: dict[tuple[str, object], list[int]] = {}
        for row, twist in enumerate(twists):
            if twist is NO_TWIST:
                continue
            for name in _FIELDS:
                value = getattr(twist, name)
                if value != getattr(NO_TWIST, name):
                    if name == "tanh_gates":
                        for gate in value:
                            self.rows.setdefault((name, gate), []).append(row)
                    else:
                        self.rows.setdefault((name, value), []).append(row)

    def _mask(self, key: tuple[str, object]) -> Mask | None:
        rows = self.rows.get(key)
        if not rows:
            return None
        mask = np.zeros((len(self.twists), 1), dtype=bool)
        mask[rows] = True
        return mask

    def field_is(self, field: str, value: object) -> Mask:
        """Variants whose twist has ``field == value`` (``value`` a gate for ``tanh_gates``)."""
        mask = self._mask((field, value))
        return mask if mask is not None else np.zeros((len(self.twists), 1), dtype=bool)

    def put(self, key: str, value: Array) -> Array:
        given = self.overrides.get(key)
        if given is not None:
            value = np.broadcast_to(given, value.shape).astype(np.float64)
        self.out[key] = value
        return value

    def pre(self, gate: str, x: Array, h: Array) -> Array:
        """W x + U h + b + bh for gate ``gate`` (``""`` for the plain RNN)."""
        p = self.p
        return (
            matvec(p[_name("W", gate)], x)
            + matvec(p[_name("U", gate)], h)
            + p[_name("b", gate)]
            + p[_name("bh", gate)]
        )

    def gate(self, gate: str, a: Array) -> Array:
        use_tanh = self._mask(("tanh_gates", gate))
        if use_tanh is None:
            return sigmoid(a)
        return np.where(use_tanh, np.tanh(a), sigmoid(a))

    def candidate(self, a: Array) -> Array:
        use_sigmoid = self._mask(("sigmoid_candidate", True))
        if use_sigmoid is None:
            return np.tanh(a)
        return np.where(use_sigmoid, sigmoid(a), np.tanh(a))


def _lstm_family(cell: str, run: _Run, inputs: Mapping[str, Array]) -> None:
    p, put = run.p, run.put
    x, h, c = inputs["x"], inputs["h"], inputs["c"]
    peephole = cell in ("peephole", "depth_gated")
    if cell == "depth_gated":
        a_d = matvec(p["W_d"], x) + p["w_cd"] * c + p["w_ld"] * inputs["c_low"] + p["b_d"]
        a_d = put("a_d", a_d)
    if cell != "cifg":
        a_i = put("a_i", run.pre("i", x, h) + (p["p_i"] * c if peephole else 0.0))
    a_f = put("a_f", run.pre("f", x, h) + (p["p_f"] * c if peephole else 0.0))
    a_g = put("a_g", run.pre("g", x, h))
    if not peephole:
        a_o = put("a_o", run.pre("o", x, h))
    if cell == "depth_gated":
        d = put("d", run.gate("d", a_d))
    f = put("f", run.gate("f", a_f))
    i = put("i", 1.0 - f if cell == "cifg" else run.gate("i", a_i))
    g = put("g", run.candidate(a_g))
    base = d * inputs["c_low"] if cell == "depth_gated" else 0.0
    right = base + f * c + i * g
    c_new = right
    cell_forms = {
        "swap-fi": base + i * c + f * g,
        "no-input-gate": base + f * c + g,
        "no-forget-gate": base + c + i * g,
    }
    for form, value in cell_forms.items():
        chosen = run.field_is("cell_form", form)
        if chosen.any():
            c_new = np.where(chosen, value, c_new)
    c_new = put("c", c_new)
    if peephole:
        old = run.field_is("peephole_old_cell", True)
        peek = np.where(old, c, c_new) if old.any() else c_new
        a_o = put("a_o", run.pre("o", x, h) + p["p_o"] * peek)
    o = put("o", run.gate("o", a_o))
    h_new = o * np.tanh(c_new)
    forms = {
        "old-cell": o * np.tanh(c),
        "no-tanh": o * c_new,
        "tanh-outside": np.tanh(o * c_new),
        "no-output-gate": np.tanh(c_new),
    }
    for form, value in forms.items():
        chosen = run.field_is("h_form", form)
        if chosen.any():
            h_new = np.where(chosen, value, h_new)
    put("h", h_new)


def _gru_family(cell: str, convention: str, run: _Run, inputs: Mapping[str, Array]) -> None:
    p, put = run.p, run.put
    x, h = inputs["x"], inputs["h"]
    if cell == "gru":
        put("a_r", run.pre("r", x, h))
        put("a_z", run.pre("z", x, h))
        r = put("r", run.gate("r", run.out["a_r"]))
        z = put("z", run.gate("z", run.out["a_z"]))
        reset_after_by_convention = convention == "pytorch"
    else:
        put("a_f", run.pre("f", x, h))
        r = z = put("f", run.gate("f", run.out["a_f"]))
        reset_after_by_convention = False
    no_reset = run.field_is("no_reset", True)
    r_used = np.where(no_reset, 1.0, r) if no_reset.any() else r
    flipped = run.field_is("reset_flipped", True)
    reset_after = flipped != reset_after_by_convention
    wx = matvec(p["W_n"], x) + p["b_n"]
    uh = matvec(p["U_n"], h)
    after = wx + r_used * (uh + p["bh_n"])
    outside = run.field_is("bias_outside_reset", True)
    if outside.any():
        after = np.where(outside, wx + p["bh_n"] + r_used * uh, after)
    before = wx + matvec(p["U_n"], r_used * h) + p["bh_n"]
    if cell == "gru" and convention == "pytorch":
        put("s", uh + p["bh_n"])
    a_n = put("a_n", np.where(reset_after, after, before))
    n = put("n", run.candidate(a_n))
    # weight of the new candidate: (1 - z) in pytorch/d2l, z in colah and the MGU (with f)
    new_weight_is_z = cell == "mgu" or convention == "colah"
    swapped = run.field_is("update_swapped", True)
    weight = np.where(swapped != new_weight_is_z, z, 1.0 - z)
    no_carry = run.field_is("no_carry", True)
    carry = np.where(no_carry, 0.0, (1.0 - weight) * h)
    h_new = weight * n + carry
    no_update = run.field_is("no_update", True)
    put("h", np.where(no_update, n, h_new) if no_update.any() else h_new)


def _activation(name: str, a: Array) -> Array:
    if name == "tanh":
        return np.tanh(a)
    if name == "sigmoid":
        return sigmoid(a)
    if name == "relu":
        return np.maximum(a, 0.0)
    return a


def _rnn_family(
    cell: str,
    convention: str,
    run: _Run,
    inputs: Mapping[str, Array],
    t: int | None,
    periods: Sequence[int] | None,
) -> None:
    x, h = inputs["x"], inputs["h"]
    a = run.put("a", run.pre("", x, h))
    own = "relu" if convention == "relu" else "tanh"
    value = _activation(own, a)
    for name in ACTIVATIONS:
        if name != own:
            chosen = run.field_is("activation", name)
            if chosen.any():
                value = np.where(chosen, _activation(name, a), value)
    if cell == "clockwork":
        assert t is not None and periods is not None
        active = np.array([1.0 if t % period == 0 else 0.0 for period in periods])
        active = run.put("active", np.broadcast_to(active, (a.shape[0], len(periods))).copy())
        rows = np.repeat(active, h.shape[-1] // len(periods), axis=-1) > 0.5
        value = np.where(rows, value, h)
    run.put("h", value)


def _sru(run: _Run, inputs: Mapping[str, Array]) -> None:
    p, put = run.p, run.put
    x, c = inputs["x"], inputs["c"]
    a_f = put("a_f", matvec(p["W_f"], x) + p["v_f"] * c + p["b_f"])
    a_r = put("a_r", matvec(p["W_r"], x) + p["v_r"] * c + p["b_r"])
    f = put("f", run.gate("f", a_f))
    r = put("r", run.gate("r", a_r))
    u = put("u", matvec(p["W_c"], x))
    c_new = put("c", f * c + (1.0 - f) * u)
    h_new = r * c_new + (1.0 - r) * x
    no_highway = run.field_is("h_form", "no-highway")
    put("h", np.where(no_highway, r * c_new, h_new) if no_highway.any() else h_new)


def forward_batch(
    cell: str,
    convention: str,
    params: Mapping[str, Array],
    inputs: Mapping[str, Array],
    twists: Sequence[Twist],
    *,
    t: int | None = None,
    periods: Sequence[int] | None = None,
    overrides: Mapping[str, Array] | None = None,
) -> dict[str, Array]:
    """Every intermediate of one step for each of V variants, as (V, size) arrays.

    ``params`` hold a leading variant axis (V, …) or none (shared); ``inputs`` are 1-D (x, h, c,
    c_low as the cell needs); ``twists`` has one entry per variant.
    """
    if cell in MODERN_CELLS:  # minGRU … linear attention: matrix states, their own pass
        from quizapp.drills.modern_forward import modern_batch

        return modern_batch(cell, convention, params, inputs, twists, overrides)
    run = _Run(params, twists, overrides)
    if cell in LSTM_FAMILY:
        _lstm_family(cell, run, inputs)
    elif cell in GRU_FAMILY:
        _gru_family(cell, convention, run, inputs)
    elif cell in ("rnn", "clockwork"):
        _rnn_family(cell, convention, run, inputs, t, periods)
    elif cell == "sru":
        _sru(run, inputs)
    else:
        raise ValueError(f"unknown cell {cell!r}")
    size = len(twists)
    return {
        key: value if value.ndim == 2 else np.broadcast_to(value, (size, value.shape[-1]))
        for key, value in run.out.items()
    }
