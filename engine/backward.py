"""One-step backward of the rnn, lstm and gru cells (all three GRU conventions) and the modern cells.

Given the upstream gradients ``dh = ∂L/∂h'`` (and ``dc = ∂L/∂c'`` for the LSTM), returns the
gradients with respect to x, h_{t-1}, C_{t-1}, every pre-activation and every parameter. Shapes follow
the forward step: (n,) for one example or (B, n) for a batch, with parameter gradients summed over the
batch. The formulas are those of the spec's "One-step backward" section. The modern cells
(``engine.modern.backward``) take their state and named upstream gradients instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from engine.errors import EngineError
from engine.modern.gradients import modern_gradients
from engine.modern.shapes import MODERN_CELLS
from engine.params import Array, Params, as_array, check_params, resolve_convention
from engine.record import StepRecord
from engine.step import step

BACKWARD_CELLS: tuple[str, ...] = ("rnn", "lstm", "gru")
# Every modern cell has a backward step too (engine.modern.backward); listed apart because callers of
# BACKWARD_CELLS (the sympy formulas, the drills) cover the classic cells only.
MODERN_BACKWARD_CELLS: tuple[str, ...] = MODERN_CELLS


@dataclass(frozen=True)
class Gradients:
    """Gradients of one backward step: ``dx``, ``dh_prev``, ``dc_prev`` (LSTM), ``dc`` (LSTM: the
    total gradient reaching c'), ``da_k`` for each pre-activation and ``d<name>`` for each parameter."""

    cell: str
    convention: str
    values: Mapping[str, Array]

    def __getitem__(self, name: str) -> Array:
        return self.values[name]


def _outer(delta: Array, inputs: Array) -> Array:
    """δW = δa xᵀ, summed over a batch."""
    if delta.ndim == 1:
        return np.outer(delta, inputs)
    return delta.T @ inputs


def _bias_grad(delta: Array) -> Array:
    return delta if delta.ndim == 1 else delta.sum(axis=0)


def _freeze(cell: str, convention: str, values: dict[str, Array]) -> Gradients:
    for array in values.values():
        array.setflags(write=False)
    return Gradients(cell, convention, MappingProxyType(values))


def _gate_param_grads(out: dict[str, Array], k: str, da: Array, x: Array, h: Array) -> None:
    out[f"da_{k}"] = da
    out[f"dW_{k}"] = _outer(da, x)
    out[f"dU_{k}"] = _outer(da, h)
    out[f"db_{k}"] = _bias_grad(da)
    out[f"dbh_{k}"] = _bias_grad(da).copy()


def rnn_backward(p: Params, fwd: StepRecord, x: Array, h: Array, dh: Array) -> Gradients:
    """δa = δh ⊙ φ'(a); δh_prev = Uᵀ δa; δx = Wᵀ δa."""
    derivative = 1.0 - fwd["h"] ** 2 if fwd.convention == "tanh" else (fwd["a"] > 0) * 1.0
    da = dh * derivative
    out: dict[str, Array] = {
        "da": da,
        "dx": da @ p["W"],
        "dh_prev": da @ p["U"],
        "dW": _outer(da, x),
        "dU": _outer(da, h),
        "db": _bias_grad(da),
        "dbh": _bias_grad(da).copy(),
    }
    return _freeze("rnn", fwd.convention, out)


def lstm_backward(
    p: Params, fwd: StepRecord, x: Array, h: Array, c: Array, dh: Array, dc_in: Array
) -> Gradients:
    """LSTM: δc = δc_in + δh ⊙ o ⊙ (1 - tanh²(c')); δc_prev = δc ⊙ f; per-gate δa_k."""
    i, f, g, o, c_new = fwd["i"], fwd["f"], fwd["g"], fwd["o"], fwd["c"]
    tanh_c = np.tanh(c_new)
    do = dh * tanh_c
    dc = dc_in + dh * o * (1.0 - tanh_c**2)
    da = {
        "i": dc * g * i * (1.0 - i),
        "f": dc * c * f * (1.0 - f),
        "g": dc * i * (1.0 - g**2),
        "o": do * o * (1.0 - o),
    }
    out: dict[str, Array] = {"dc": dc, "dc_prev": dc * f}
    out["dx"] = sum((da[k] @ p[f"W_{k}"] for k in "ifgo"), np.zeros_like(x))
    out["dh_prev"] = sum((da[k] @ p[f"U_{k}"] for k in "ifgo"), np.zeros_like(h))
    for k in "ifgo":
        _gate_param_grads(out, k, da[k], x, h)
    return _freeze("lstm", "standard", out)


def gru_backward(p: Params, fwd: StepRecord, x: Array, h: Array, dh: Array) -> Gradients:
    """GRU in its record's convention; the pytorch form routes r through s = U_n h + bh_n."""
    r, z, n = fwd["r"], fwd["z"], fwd["n"]
    convention = fwd.convention
    if convention == "colah":
        dn, dz, direct = dh * z, dh * (n - h), dh * (1.0 - z)
    else:
        dn, dz, direct = dh * (1.0 - z), dh * (h - n), dh * z
    da_n = dn * (1.0 - n**2)
    da_z = dz * z * (1.0 - z)
    out: dict[str, Array] = {}
    if convention == "pytorch":
        s = fwd["s"]
        da_r = da_n * s * r * (1.0 - r)
        hidden_side = r * da_n  # gradient reaching s = U_n h + bh_n
        dh_prev = direct + da_r @ p["U_r"] + da_z @ p["U_z"] + hidden_side @ p["U_n"]
        out.update(da_n=da_n, dW_n=_outer(da_n, x), dU_n=_outer(hidden_side, h))
        out.update(db_n=_bias_grad(da_n), dbh_n=_bias_grad(hidden_side))
    else:
        d_rh = da_n @ p["U_n"]  # gradient reaching r ⊙ h
        da_r = d_rh * h * r * (1.0 - r)
        dh_prev = direct + da_r @ p["U_r"] + da_z @ p["U_z"] + d_rh * r
        out.update(da_n=da_n, dW_n=_outer(da_n, x), dU_n=_outer(da_n, r * h))
        out.update(db_n=_bias_grad(da_n), dbh_n=_bias_grad(da_n).copy())
    _gate_param_grads(out, "r", da_r, x, h)
    _gate_param_grads(out, "z", da_z, x, h)
    out["dx"] = da_r @ p["W_r"] + da_z @ p["W_z"] + da_n @ p["W_n"]
    out["dh_prev"] = dh_prev
    return _freeze("gru", convention, out)


def backward(
    cell: str,
    params: Mapping[str, object],
    x: object,
    h: object,
    dh: object,
    *,
    c: object | None = None,
    dc: object | None = None,
    convention: str | None = None,
    state: Mapping[str, object] | None = None,
    upstream: Mapping[str, object] | None = None,
) -> Gradients:
    """One checked backward step; ``dh`` is ∂L/∂h' and, for the LSTM, ``dc`` is ∂L/∂c' (default 0).

    The modern cells take their state as ``h`` (and ``c``) or ``state``, and upstream gradients by name
    in ``upstream`` (``{"y": …, "S": …}``; ``dh``, when not None, is the one for ``h``). Their result
    holds ``dx``, ``d<state>_prev``, ``d<param>`` and the intermediates' gradients.
    """
    if cell not in BACKWARD_CELLS and cell not in MODERN_BACKWARD_CELLS:
        known = ", ".join((*BACKWARD_CELLS, *MODERN_BACKWARD_CELLS))
        raise EngineError(f"backward is defined for {known}, not {cell!r}")
    convention = resolve_convention(cell, convention)
    if cell in MODERN_BACKWARD_CELLS:
        named = dict(upstream or {})
        if dh is not None:
            if "h" in named:
                raise EngineError("the gradient for 'h' is given twice (dh and upstream['h'])")
            named["h"] = dh
        grads = modern_gradients(cell, params, x, h, c, state, named, convention)
        return _freeze(cell, convention, grads)
    fwd = step(cell, params, x, h, c, convention=convention)
    x_arr, h_arr = as_array(x, "x"), as_array(h, "h")
    checked = check_params(cell, params, x_arr.shape[-1], h_arr.shape[-1])
    dh_arr = as_array(dh, "dh")
    if dh_arr.shape != fwd.h.shape:
        raise EngineError(f"dh: got shape {dh_arr.shape}, expected {fwd.h.shape}")
    if cell == "rnn":
        return rnn_backward(checked, fwd, x_arr, h_arr, dh_arr)
    if cell == "gru":
        return gru_backward(checked, fwd, x_arr, h_arr, dh_arr)
    c_arr = as_array(c, "c")
    dc_arr = np.zeros_like(c_arr) if dc is None else as_array(dc, "dc")
    if dc_arr.shape != c_arr.shape:
        raise EngineError(f"dc: got shape {dc_arr.shape}, expected {c_arr.shape}")
    return lstm_backward(checked, fwd, x_arr, h_arr, c_arr, dh_arr, dc_arr)
