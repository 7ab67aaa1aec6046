"""One step of a modern cell for many variants at once, each bent by a ``ModernTwist``.

The modern cells (minGRU, minLSTM, sLSTM, mLSTM, the selective SSM step, linear attention) keep
matrices in their state, so this pass works on arrays with a leading variant axis and returns every
record key flattened to (V, size). Twist 0 is the right computation; a test holds it to the engine's
record. ``overrides`` replace named intermediates by the learner's answers (flattened), which is how
an error is carried forward, exactly as ``forward.forward_batch`` does for the classic cells.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from engine.modern.shapes import MODERN_CELLS, modern_param_shapes, state_shapes
from quizapp.drills.forward import Twist, sigmoid

Array = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class ModernTwist(Twist):
    """A classic ``Twist`` (only ``tanh_gates`` is read here) plus the modern cells' slips."""

    slip: str = ""  # "gate-reads-h", "update-swapped", "not-normalised", "no-stabiliser", …
    where: str = ""  # "i" / "f" for the stabiliser applied to one gate only


def _softplus(a: Array) -> Array:
    out: Array = np.logaddexp(0.0, a)
    return out


def _log_sigmoid(a: Array) -> Array:
    return -_softplus(-a)


def _g(a: Array) -> Array:
    """The minGRU reference's g: a + 0.5 for a >= 0, σ(a) otherwise."""
    out: Array = np.where(a >= 0, a + 0.5, sigmoid(a))
    return out


def _elu1(a: Array) -> Array:
    out: Array = np.where(a > 0, a + 1.0, np.exp(np.minimum(a, 0.0)))
    return out


def _mv(matrix: Array, vector: Array) -> Array:
    """(V, r, c) @ (c,) or (V, c) -> (V, r)."""
    if vector.ndim == 1:
        out: Array = np.einsum("vrc,c->vr", matrix, vector)
    else:
        out = np.einsum("vrc,vc->vr", matrix, vector)
    return out


class _Pass:
    """Values of one batched pass; ``rows(slip)`` masks the variants that make that slip."""

    def __init__(
        self, twists: Sequence[Twist], overrides: Mapping[str, Array] | None, size: int
    ) -> None:
        self.twists = twists
        self.size = size
        self.overrides = overrides or {}
        self.out: dict[str, Array] = {}
        # the rows of each slip (and of each place it is made), found once
        self.slips: dict[tuple[str, str], list[int]] = {}
        self.tanh: dict[str, list[int]] = {}
        for row, twist in enumerate(twists):
            if isinstance(twist, ModernTwist) and twist.slip:
                self.slips.setdefault((twist.slip, ""), []).append(row)
                self.slips.setdefault((twist.slip, twist.where), []).append(row)
            for gate in twist.tanh_gates:
                self.tanh.setdefault(gate, []).append(row)
        self.none = np.zeros(size, dtype=bool)

    def _mask(self, rows: list[int] | None) -> Mask:
        if not rows:
            return self.none
        mask = np.zeros(self.size, dtype=bool)
        mask[rows] = True
        return mask

    def rows(self, slip: str, where: str = "") -> Mask:
        return self._mask(self.slips.get((slip, where)))

    def tanh_rows(self, gate: str) -> Mask:
        return self._mask(self.tanh.get(gate))

    def pick(self, mask: Mask, wrong: Array, right: Array) -> Array:
        if not mask.any():
            return right
        shaped = mask.reshape((-1,) + (1,) * (np.ndim(right) - 1))
        out: Array = np.where(shaped, wrong, right)
        return out

    def put(self, key: str, value: Array) -> Array:
        if value.shape[0] != self.size:
            value = np.broadcast_to(value, (self.size, *value.shape[1:])).copy()
        given = self.overrides.get(key)
        if given is not None:
            value = np.broadcast_to(
                np.asarray(given, dtype=np.float64).reshape(value.shape[1:]), value.shape
            ).copy()
        self.out[key] = value
        return value

    def gate(self, gate: str, a: Array) -> Array:
        return self.pick(self.tanh_rows(gate), np.tanh(a), sigmoid(a))


def _affine(p: Mapping[str, Array], gate: str, x: Array) -> Array:
    return _mv(p[f"W_{gate}"], x) + p[f"b_{gate}"]


def _candidate(run: _Pass, p: Mapping[str, Array], x: Array, conv: str) -> Array:
    a_h = run.put("a_h", _affine(p, "h", x))
    return run.put("h_tilde", _g(a_h) if conv == "log_space" else a_h)


def _mingru(run: _Pass, p: Mapping[str, Array], s: Mapping[str, Array], conv: str) -> None:
    x, h = s["x"], s["h"]
    a_z = _affine(p, "z", x)
    reads_h = run.rows("gate-reads-h")
    if reads_h.any():
        a_z = run.pick(reads_h, _mv(p["W_z"], h) + p["b_z"], a_z)
    z = run.put("z", run.gate("z", run.put("a_z", a_z)))
    h_tilde = _candidate(run, p, x, conv)
    right = (1.0 - z) * h + z * h_tilde
    run.put("h", run.pick(run.rows("update-swapped"), z * h + (1.0 - z) * h_tilde, right))


def _minlstm(run: _Pass, p: Mapping[str, Array], s: Mapping[str, Array], conv: str) -> None:
    x, h = s["x"], s["h"]
    a_f = run.put("a_f", _affine(p, "f", x))
    a_i = run.put("a_i", _affine(p, "i", x))
    f = run.put("f", sigmoid(a_f))
    i = run.put("i", sigmoid(a_i))
    h_tilde = _candidate(run, p, x, conv)
    if conv == "unnormalised":
        f_prime, i_prime = f, i
    else:
        plain = run.rows("not-normalised")
        f_prime = run.pick(plain, f, f / (f + i))
        i_prime = run.pick(plain, i, i / (f + i))
    f_prime = run.put("f_prime", f_prime)
    i_prime = run.put("i_prime", i_prime)
    run.put("h", f_prime * h + i_prime * h_tilde)


def _gates(run: _Pass, a_i: Array, a_f: Array, conv: str) -> tuple[Array, Array]:
    """i = exp(ĩ) and the forget gate σ(f̃) or exp(f̃)."""
    i = run.put("i", np.exp(a_i))
    f = run.put("f", np.exp(a_f) if conv == "exp" else sigmoid(a_f))
    return i, f


def _stabilised(
    run: _Pass, a_i: Array, f: Array, m_prev: Array, i: Array
) -> tuple[Array, Array, Array]:
    """m_t, then i′ and f′, with the stabiliser slips (log f is read from f, so that a learner's
    own f carries forward)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        log_f = np.log(f)
    m = run.put("m", np.maximum(log_f + m_prev, a_i))
    i_prime = np.exp(a_i - m)
    f_prime = np.exp(log_f + m_prev - m)
    none = run.rows("no-stabiliser")
    only_i = run.rows("stabiliser-one-gate", "i")
    only_f = run.rows("stabiliser-one-gate", "f")
    i_prime = run.pick(none | only_f, i, i_prime)
    f_prime = run.pick(none | only_i, f, f_prime)
    return m, run.put("i_prime", i_prime), run.put("f_prime", f_prime)


def _slstm(run: _Pass, p: Mapping[str, Array], s: Mapping[str, Array], conv: str) -> None:
    x, h = s["x"], s["h"]
    a = {}
    for k in "zifo":
        a[k] = run.put(f"a_{k}", _mv(p[f"W_{k}"], x) + _mv(p[f"U_{k}"], h) + p[f"b_{k}"])
    z = run.put("z", np.tanh(a["z"]))
    i, f = _gates(run, a["i"], a["f"], conv)
    o = run.put("o", run.gate("o", a["o"]))
    _, i_prime, f_prime = _stabilised(run, a["i"], f, s["m"], i)
    c = run.put("c", f_prime * s["c"] + i_prime * z)
    n = run.put("n", f_prime * s["n"] + i_prime)
    with np.errstate(divide="ignore", invalid="ignore"):
        right = o * c / n
    run.put("h", run.pick(run.rows("h-no-normaliser"), o * c, right))


def _mlstm(run: _Pass, p: Mapping[str, Array], s: Mapping[str, Array], conv: str) -> None:
    x = s["x"]
    q = run.put("q", _affine(p, "q", x))
    a_k = run.put("a_k", _affine(p, "k", x))
    k = run.put("k", run.pick(run.rows("key-unscaled"), a_k, a_k / np.sqrt(a_k.shape[-1])))
    v = run.put("v", _affine(p, "v", x))
    a_i = run.put("a_i", np.einsum("vd,d->v", p["w_i"], x)[:, None] + p["b_i"])
    a_f = run.put("a_f", np.einsum("vd,d->v", p["w_f"], x)[:, None] + p["b_f"])
    a_o = run.put("a_o", _affine(p, "o", x))
    i, f = _gates(run, a_i, a_f, conv)
    o = run.put("o", sigmoid(a_o))
    m, i_prime, f_prime = _stabilised(run, a_i, f, s["m"], i)
    outer = run.pick(
        run.rows("kv-order"), np.einsum("vj,vl->vjl", k, v), np.einsum("vj,vl->vjl", v, k)
    )
    C = run.put("C", f_prime[:, :, None] * s["C"] + i_prime[:, :, None] * outer)
    n = run.put("n", f_prime * s["n"] + i_prime * k)
    num = run.put("num", np.einsum("vjl,vl->vj", C, q))
    qn = run.put("qn", np.einsum("vj,vj->v", n, q)[:, None])
    right = np.maximum(np.abs(qn), np.exp(-m))
    den = run.put("den", run.pick(run.rows("no-max-denominator"), np.abs(qn), right))
    with np.errstate(divide="ignore", invalid="ignore"):
        h_tilde = run.put("h_tilde", run.pick(run.rows("no-denominator"), num, num / den))
    run.put("h", o * h_tilde)


def _ssm(run: _Pass, p: Mapping[str, Array], s: Mapping[str, Array], conv: str) -> None:
    x, h = s["x"], s["h"]
    a_delta = run.put("a_delta", _affine(p, "delta", x))
    delta = run.put("delta", run.pick(run.rows("delta-no-softplus"), a_delta, _softplus(a_delta)))
    B = run.put("B", _mv(p["W_B"], x))
    C = run.put("C", _mv(p["W_C"], x))
    dA = delta[:, :, None] * p["A"]
    A_bar = run.put("A_bar", run.pick(run.rows("abar-linear"), dA, np.exp(dA)))
    if conv == "zoh":  # the exact hold: B̄ = expm1(ΔA) / A ⊙ B (Δ B where A = 0)
        safe = np.where(p["A"] == 0.0, 1.0, p["A"])
        factor = np.where(
            p["A"] == 0.0, delta[:, :, None], np.expm1(delta[:, :, None] * p["A"]) / safe
        )
    else:
        factor = delta[:, :, None]
    B_bar = run.put("B_bar", factor * B[:, None, :])
    h_new = run.put("h", A_bar * h + B_bar * x[:, None])
    run.put("y", np.einsum("vjs,vs->vj", h_new, C) + p["D"] * x)


def _linear_attention(
    run: _Pass, p: Mapping[str, Array], s: Mapping[str, Array], conv: str
) -> None:
    x = s["x"]
    q = run.put("q", _affine(p, "q", x))
    k = run.put("k", _affine(p, "k", x))
    v = run.put("v", _affine(p, "v", x))
    phi_q = run.put("phi_q", _elu1(q))
    phi_k = run.put("phi_k", _elu1(k))
    S = run.put("S", s["S"] + np.einsum("vj,vl->vjl", phi_k, v))
    z = run.put("z", s["z"] + phi_k)
    num = run.put("num", np.einsum("vjl,vj->vl", S, phi_q))
    den = run.put("den", np.einsum("vj,vj->v", z, phi_q)[:, None])
    with np.errstate(divide="ignore", invalid="ignore"):
        right = num / den
    run.put("y", run.pick(run.rows("no-normaliser"), num, right))


_STEPS = {
    "mingru": _mingru, "minlstm": _minlstm, "slstm": _slstm, "mlstm": _mlstm, "ssm": _ssm,
    "linear_attention": _linear_attention,
}  # fmt: skip


_SIZE_PARAM = {
    "mingru": "W_z", "minlstm": "W_f", "slstm": "W_z", "mlstm": "W_q", "ssm": "W_B",
    "linear_attention": "W_q",
}  # fmt: skip


def cell_sizes(cell: str, params: Mapping[str, Array]) -> tuple[int, int]:
    """(d, n) read from the parameters (with a leading variant axis or without)."""
    shape = np.shape(params[_SIZE_PARAM[cell]])
    return int(shape[-1]), int(shape[-2])


def state_inputs(cell: str, inputs: Mapping[str, Array], d: int, n: int) -> dict[str, Array]:
    """The inputs (x and the previous state, flat or shaped) in their shapes."""
    shaped = {"x": np.asarray(inputs["x"], dtype=np.float64).reshape(d)}
    for key, shape in state_shapes(cell, d, n).items():
        shaped[key] = np.asarray(inputs[key], dtype=np.float64).reshape(shape)
    return shaped


def modern_batch(
    cell: str,
    convention: str,
    params: Mapping[str, Array],
    inputs: Mapping[str, Array],
    twists: Sequence[Twist],
    overrides: Mapping[str, Array] | None = None,
) -> dict[str, Array]:
    """Every record key of one step for each of V variants, as (V, size) arrays.

    ``params`` carry a leading variant axis (V, …) or none; ``inputs`` hold x and the previous state
    under the state's keys (``h``, ``c``, ``n``, ``m``, ``C``, ``S``, ``z``), flat or shaped.
    """
    if cell not in MODERN_CELLS:
        raise ValueError(f"not a modern cell: {cell!r}")
    size = len(twists)
    d, n = cell_sizes(cell, params)
    expected = modern_param_shapes(cell, d, n)
    batched: dict[str, Array] = {}
    for name, value in params.items():
        array = np.asarray(value, dtype=np.float64)
        if array.ndim == len(expected[name]):
            array = array[None]
        if array.shape[0] != size:
            array = np.broadcast_to(array, (size, *expected[name]))
        batched[name] = array
    run = _Pass(twists, overrides, size)
    _STEPS[cell](run, batched, state_inputs(cell, inputs, d, n), convention)
    return {key: value.reshape(size, -1) for key, value in run.out.items()}
