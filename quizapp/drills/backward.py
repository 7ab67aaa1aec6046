"""One backward step of rnn, lstm and gru that can be bent into the catalogued backward mistakes.

``backward_values`` follows the spec's "One-step backward" formulas (the engine's ``backward`` is the
reference; tests check that the untwisted form agrees with it) and returns the askable gradients.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]


@dataclass(frozen=True)
class BackTwist:
    """How one backward variant departs from the right formulas."""

    dc_form: str = "right"  # "no-carry-in", "no-h-path", "tanh-prime" (LSTM's δC_t)
    dc_prev_form: str = "right"  # "no-forget", "input-gate"
    transposed: bool = False  # δh_{t-1} with U instead of Uᵀ
    gru_sign: bool = False  # δz with the sign of the other update
    no_direct: bool = False  # δh_{t-1} without the direct path of the GRU update
    tanh_prime: bool = False  # RNN: δa = δh ⊙ (1 - a²)


NO_BACK_TWIST = BackTwist()


def _hidden(delta: Array, matrix: Array, transposed: bool) -> Array:
    """Uᵀ δ (written δ @ U), or U δ for the transposed-weight mistake."""
    result: Array = matrix @ delta if transposed else delta @ matrix
    return result


def backward_values(
    cell: str,
    convention: str,
    params: Mapping[str, Array],
    forward: Mapping[str, Array],
    inputs: Mapping[str, Array],
    twist: BackTwist = NO_BACK_TWIST,
) -> dict[str, Array]:
    """The gradients of one step: δa_k, δh_{t-1}, δx and, for the LSTM, δC_t and δC_{t-1}."""
    h, dh = inputs["h"], inputs["dh"]
    out: dict[str, Array] = {}
    if cell == "rnn":
        if convention == "relu":
            da = dh * (forward["a"] > 0)
        elif twist.tanh_prime:
            da = dh * (1.0 - forward["a"] ** 2)
        else:
            da = dh * (1.0 - forward["h"] ** 2)
        out.update(da=da, dh_prev=_hidden(da, params["U"], twist.transposed), dx=da @ params["W"])
        return out
    if cell == "lstm":
        i, f, g, o, c_new = (forward[k] for k in ("i", "f", "g", "o", "c"))
        tanh_c = np.tanh(c_new)
        slope = 1.0 - c_new**2 if twist.dc_form == "tanh-prime" else 1.0 - tanh_c**2
        through_h = dh * o * slope
        carried = inputs["dc"]
        if twist.dc_form == "no-carry-in":
            dc = through_h
        elif twist.dc_form == "no-h-path":
            dc = carried.copy()
        else:
            dc = carried + through_h
        factor: Array | float = f
        if twist.dc_prev_form == "no-forget":
            factor = 1.0
        elif twist.dc_prev_form == "input-gate":
            factor = i
        das = {
            "i": dc * g * i * (1.0 - i),
            "f": dc * inputs["c"] * f * (1.0 - f),
            "g": dc * i * (1.0 - g**2),
            "o": dh * tanh_c * o * (1.0 - o),
        }
        out.update(dc=dc, dc_prev=dc * factor)
        out.update({f"da_{k}": v for k, v in das.items()})
        out["dh_prev"] = sum(
            (_hidden(das[k], params[f"U_{k}"], twist.transposed) for k in "ifgo"), np.zeros_like(h)
        )
        out["dx"] = sum((das[k] @ params[f"W_{k}"] for k in "ifgo"), np.zeros_like(inputs["x"]))
        return out
    # GRU
    r, z, n = forward["r"], forward["z"], forward["n"]
    if convention == "colah":
        dn, dz, direct = dh * z, dh * (n - h), dh * (1.0 - z)
    else:
        dn, dz, direct = dh * (1.0 - z), dh * (h - n), dh * z
    if twist.gru_sign:
        dz = -dz
    if twist.no_direct:
        direct = np.zeros_like(direct)
    da_n = dn * (1.0 - n**2)
    da_z = dz * z * (1.0 - z)
    if convention == "pytorch":
        s = params["U_n"] @ h + params["bh_n"]
        da_r = da_n * s * r * (1.0 - r)
        from_candidate = _hidden(r * da_n, params["U_n"], twist.transposed)
    else:
        d_rh = _hidden(da_n, params["U_n"], twist.transposed)
        da_r = (da_n @ params["U_n"]) * h * r * (1.0 - r)
        from_candidate = d_rh * r
    out.update(da_r=da_r, da_z=da_z, da_n=da_n)
    out["dh_prev"] = (
        direct
        + _hidden(da_r, params["U_r"], twist.transposed)
        + _hidden(da_z, params["U_z"], twist.transposed)
        + from_candidate
    )
    out["dx"] = da_r @ params["W_r"] + da_z @ params["W_z"] + da_n @ params["W_n"]
    return out
