"""An independent oracle for drill tests: right answers from the engine, and the answers a learner
gets from each catalogued mistake, written from the spec's formulas without the drills package.

Parameter slips (no bias, no recurrent term, transposed weights, gate order) edit the parameters and
run ``engine.step``; formula slips are plain per-cell forward steps written out below.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

import engine
from engine.backward import backward

Array = Any


def sig(a: Array) -> Array:
    return 1.0 / (1.0 + np.exp(-a))


def drill_inputs(drill: Any) -> dict[str, Array]:
    return {k: np.array(v) for k, v in drill.inputs.items()}


def run_engine(drill: Any, params: Mapping[str, Array]) -> Any:
    inputs = drill_inputs(drill)
    return engine.step(
        drill.spec.cell, params, inputs["x"], inputs.get("h"), inputs.get("c"),
        convention=drill.spec.convention, t=drill.extra.get("t"),
        periods=drill.extra.get("periods"), c_low=inputs.get("c_low"),
    )  # fmt: skip


def _gates(cell: str) -> list[str]:
    if cell in ("rnn", "clockwork"):
        return [""]
    if cell == "sru":
        return ["f", "r"]
    return list(engine.GATES[cell])


def _n(prefix: str, gate: str) -> str:
    return f"{prefix}_{gate}" if gate else prefix


def param_slips(drill: Any) -> dict[str, dict[str, Array]]:
    """Edited parameters for the slips made in every gate at once."""
    cell, p = drill.spec.cell, {k: np.array(v) for k, v in drill.params.items()}
    d, n = drill.d, drill.n
    slips: dict[str, dict[str, Array]] = {}
    no_bias = dict(p)
    for gate in _gates(cell) + (["d"] if cell == "depth_gated" else []):
        for prefix in ("b", "bh"):
            if _n(prefix, gate) in p:
                no_bias[_n(prefix, gate)] = np.zeros_like(p[_n(prefix, gate)])
    slips["no-bias"] = no_bias
    no_rec = dict(p)
    for gate in _gates(cell):
        name = _n("v" if cell == "sru" else "U", gate)
        no_rec[name] = np.zeros_like(p[name])
    slips["no-recurrent"] = no_rec
    if n >= 2:
        transposed = dict(p)
        for gate in _gates(cell) + (["d"] if cell == "depth_gated" else []):
            if cell != "sru" and gate != "d":
                transposed[_n("U", gate)] = p[_n("U", gate)].T
            if d == n:
                transposed[_n("W", gate)] = p[_n("W", gate)].T
        if cell == "sru":
            transposed["W_c"] = p["W_c"].T
        slips["transposed-weight"] = transposed
    if drill.extra.get("layout") == "pytorch":
        orders = {"lstm": [{"i": "i", "o": "f", "f": "g", "g": "o"},
                           {"i": "i", "g": "f", "f": "g", "o": "o"}],
                  "gru": [{"z": "r", "r": "z", "n": "n"}]}[cell]  # fmt: skip
        for index, roles in enumerate(orders):
            edited = dict(p)
            for role, source in roles.items():
                for prefix in ("W", "U", "b", "bh"):
                    edited[f"{prefix}_{role}"] = p[f"{prefix}_{source}"]
            slips[f"gate-order#{index}"] = edited
    return slips


def plain_forward(drill: Any, slip: str | None = None) -> dict[str, Array]:
    """The forward step with one formula slip (all sigmoid gates for gate-tanh)."""
    cell, conv = drill.spec.cell, drill.spec.convention
    p = {k: np.array(v) for k, v in drill.params.items()}
    inp = drill_inputs(drill)
    x, h, c = inp["x"], inp.get("h"), inp.get("c")

    def gate(a: Array) -> Array:
        return np.tanh(a) if slip == "gate-tanh" else sig(a)

    def cand(a: Array) -> Array:
        return sig(a) if slip == "candidate-sigmoid" else np.tanh(a)

    def pre(k: str) -> Array:
        return p[f"W_{k}"] @ x + p[f"U_{k}"] @ h + p[f"b_{k}"] + p.get(f"bh_{k}", 0.0)

    out: dict[str, Array] = {}
    if cell in ("lstm", "peephole", "cifg", "depth_gated"):
        peep = cell in ("peephole", "depth_gated")
        f = gate(pre("f") + (p["p_f"] * c if peep else 0))
        i = 1 - f if cell == "cifg" else gate(pre("i") + (p["p_i"] * c if peep else 0))
        g = cand(pre("g"))
        base = 0.0
        if cell == "depth_gated":
            dg = gate(p["W_d"] @ x + p["w_cd"] * c + p["w_ld"] * inp["c_low"] + p["b_d"])
            base = dg * inp["c_low"]
            out["d"] = dg
        if slip == "cell-swap-fi":
            c_new = base + i * c + f * g
        elif slip == "cell-no-input-gate":
            c_new = base + f * c + g
        elif slip == "cell-no-forget-gate":
            c_new = base + c + i * g
        else:
            c_new = base + f * c + i * g
        peek = c if slip == "peephole-old-cell" else c_new
        o = gate(pre("o") + (p["p_o"] * peek if peep else 0))
        h_new = {"h-old-cell": o * np.tanh(np.asarray(c)), "h-no-tanh": o * c_new,
                 "h-tanh-outside": np.tanh(o * c_new), "h-no-output-gate": np.tanh(c_new),
                 }.get(slip or "", o * np.tanh(c_new))  # fmt: skip
        out.update(i=i, f=f, g=g, o=o, c=c_new, h=h_new)
    elif cell in ("gru", "mgu"):
        if cell == "gru":
            r, z = gate(pre("r")), gate(pre("z"))
            after = conv == "pytorch"
            keep_weight = 1 - z if conv == "colah" else z  # weight of h_{t-1}
        else:
            r = z = gate(pre("f"))
            after = False
            keep_weight = 1 - z
        r_gate = r
        if slip == "gru-no-reset":
            r = np.ones_like(r)
        if slip == "gru-reset-before":
            after = not after
        bh_n = p.get("bh_n", np.zeros_like(p["b_n"]))
        if slip == "gru-bias-outside-reset":
            a_n = p["W_n"] @ x + p["b_n"] + bh_n + r * (p["U_n"] @ h)
        elif after:
            a_n = p["W_n"] @ x + p["b_n"] + r * (p["U_n"] @ h + bh_n)
        else:
            a_n = p["W_n"] @ x + p["U_n"] @ (r * h) + p["b_n"] + bh_n
        n_ = cand(a_n)
        if slip == "gru-z-swapped":
            keep_weight = 1 - keep_weight
        h_new = (1 - keep_weight) * n_ + (0 if slip == "gru-no-carry" else keep_weight * h)
        if slip == "gru-no-update":
            h_new = n_
        if cell == "gru":
            out.update(r=r_gate, z=z, n=n_, h=h_new)
        else:
            out.update(f=z, n=n_, h=h_new)
    elif cell == "sru":
        f = gate(p["W_f"] @ x + p["v_f"] * c + p["b_f"])
        r = gate(p["W_r"] @ x + p["v_r"] * c + p["b_r"])
        c_new = f * c + (1 - f) * (p["W_c"] @ x)
        highway = 0.0 if slip == "sru-no-highway" else (1 - r) * x
        out.update(f=f, r=r, c=c_new, h=r * c_new + highway)
    else:
        a = p["W"] @ x + p["U"] @ h + p["b"] + p.get("bh", 0.0)
        act = (
            slip.split(":")[1]
            if slip and slip.startswith("rnn-wrong-activation")
            else ("relu" if conv == "relu" else "tanh")
        )
        value = {"tanh": np.tanh(a), "sigmoid": sig(a), "relu": np.maximum(a, 0),
                 "identity": a}[act]  # fmt: skip
        if cell == "clockwork":
            t, periods = drill.extra["t"], drill.extra["periods"]
            size = drill.n // len(periods)
            rows = np.repeat([t % T == 0 for T in periods], size)
            value = np.where(rows, value, h)
        out.update(a=a, h=value)
    return out


FORMULA_SLIPS: dict[str, tuple[str, ...]] = {
    "lstm": ("gate-tanh", "candidate-sigmoid", "cell-swap-fi", "cell-no-input-gate",
             "cell-no-forget-gate", "h-old-cell", "h-no-tanh", "h-tanh-outside", "h-no-output-gate"),
    "cifg": ("gate-tanh", "candidate-sigmoid", "cell-swap-fi", "cell-no-input-gate",
             "cell-no-forget-gate", "h-old-cell", "h-no-tanh", "h-tanh-outside", "h-no-output-gate"),
    "peephole": ("gate-tanh", "candidate-sigmoid", "cell-swap-fi", "cell-no-input-gate",
                 "cell-no-forget-gate", "h-old-cell", "h-no-tanh", "h-tanh-outside",
                 "h-no-output-gate", "peephole-old-cell"),
    "depth_gated": ("gate-tanh", "candidate-sigmoid", "cell-swap-fi", "cell-no-input-gate",
                    "cell-no-forget-gate", "h-old-cell", "h-no-tanh", "h-tanh-outside",
                    "h-no-output-gate", "peephole-old-cell"),
    "gru": ("gate-tanh", "candidate-sigmoid", "gru-z-swapped", "gru-reset-before",
            "gru-bias-outside-reset", "gru-no-reset", "gru-no-carry", "gru-no-update"),
    "mgu": ("gate-tanh", "candidate-sigmoid", "gru-z-swapped", "gru-reset-before",
            "gru-no-reset", "gru-no-carry", "gru-no-update"),
    "sru": ("gate-tanh", "sru-no-highway"),
    "rnn": ("rnn-wrong-activation:tanh", "rnn-wrong-activation:sigmoid",
            "rnn-wrong-activation:relu", "rnn-wrong-activation:identity"),
    "clockwork": ("rnn-wrong-activation:sigmoid", "rnn-wrong-activation:relu",
                  "rnn-wrong-activation:identity"),
}  # fmt: skip


def forward_slip_answers(drill: Any) -> dict[str, dict[str, Array]]:
    """mistake id -> (asked key -> the mistaken value), for every slip that changes something."""
    right = run_engine(drill, drill.params)
    result: dict[str, dict[str, Array]] = {}
    for name, params in param_slips(drill).items():
        record = run_engine(drill, params)
        result[name] = {k: record[k] for k in drill.asked}
    for slip in FORMULA_SLIPS[drill.spec.cell]:
        if slip == "gru-bias-outside-reset" and (
            drill.spec.convention != "pytorch" or not np.any(drill.params["bh_n"])
        ):
            continue
        own = "relu" if drill.spec.convention == "relu" else "tanh"
        if slip == f"rnn-wrong-activation:{own}":
            continue
        values = plain_forward(drill, slip)
        result[slip] = {k: values[k] for k in drill.asked if k in values}
    changed: dict[str, dict[str, Array]] = {}
    for name, per_key in result.items():
        kept = {k: v for k, v in per_key.items() if not np.allclose(v, right[k], atol=1e-12)}
        if kept:
            changed[name] = kept
    return changed


def backward_slip_answers(drill: Any) -> dict[str, dict[str, Array]]:
    """Backward slips, from the spec's one-step backward formulas."""
    cell, conv = drill.spec.cell, drill.spec.convention
    p = {k: np.array(v) for k, v in drill.params.items()}
    inp = drill_inputs(drill)
    x, h, dh = inp["x"], inp["h"], inp["dh"]
    fwd = run_engine(drill, drill.params)
    g = backward(cell, p, x, h, dh, c=inp.get("c"), dc=inp.get("dc"), convention=conv)
    answers: dict[str, dict[str, Array]] = {}
    if cell == "lstm":
        i, f, gg, o, c_new, c = fwd["i"], fwd["f"], fwd["g"], fwd["o"], fwd["c"], inp["c"]

        def from_dc(dc: Array, transposed: bool = False) -> dict[str, Array]:
            da = {"i": dc * gg * i * (1 - i), "f": dc * c * f * (1 - f),
                  "g": dc * i * (1 - gg**2), "o": dh * np.tanh(c_new) * o * (1 - o)}  # fmt: skip
            dh_prev = sum((p[f"U_{k}"] @ da[k] if transposed else p[f"U_{k}"].T @ da[k])
                          for k in "ifgo")  # fmt: skip
            dx = sum(p[f"W_{k}"].T @ da[k] for k in "ifgo")
            return {"dc": dc, "dc_prev": dc * f, "dh_prev": dh_prev, "dx": dx,
                    **{f"da_{k}": v for k, v in da.items()}}  # fmt: skip

        through_h = dh * o * (1 - np.tanh(c_new) ** 2)
        answers["bw-missing-carry#in"] = from_dc(through_h)
        answers["bw-missing-carry#h"] = from_dc(inp["dc"] + 0 * through_h)
        answers["bw-tanh-prime"] = from_dc(inp["dc"] + dh * o * (1 - c_new**2))
        answers["bw-no-forget"] = {"dc_prev": g["dc"]}
        answers["bw-input-gate"] = {"dc_prev": g["dc"] * i}
        answers["transposed-weight"] = {"dh_prev": from_dc(g["dc"], True)["dh_prev"]}
    elif cell == "gru":
        r, z, n_ = fwd["r"], fwd["z"], fwd["n"]
        direct = dh * (1 - z) if conv == "colah" else dh * z
        answers["bw-gru-no-direct"] = {"dh_prev": g["dh_prev"] - direct}
        da_z_wrong = -g["da_z"]
        answers["bw-gru-sign"] = {
            "da_z": da_z_wrong,
            "dh_prev": g["dh_prev"] + p["U_z"].T @ (da_z_wrong - g["da_z"]),
            "dx": g["dx"] + p["W_z"].T @ (da_z_wrong - g["da_z"]),
        }
        after = conv == "pytorch"
        from_n = p["U_n"] @ (r * g["da_n"]) if after else r * (p["U_n"] @ g["da_n"])
        answers["transposed-weight"] = {
            "dh_prev": direct + p["U_r"] @ g["da_r"] + p["U_z"] @ g["da_z"] + from_n
        }
        del n_
    else:
        if conv == "tanh":
            da = dh * (1 - fwd["a"] ** 2)
            answers["bw-tanh-prime"] = {"da": da, "dh_prev": p["U"].T @ da, "dx": p["W"].T @ da}
        answers["transposed-weight"] = {"dh_prev": p["U"] @ g["da"]}
    kept: dict[str, dict[str, Array]] = {}
    for name, per_key in answers.items():
        changed = {
            k: v for k, v in per_key.items()
            if k in drill.asked and not np.allclose(v, g[k], atol=1e-12)
        }  # fmt: skip
        if changed:
            kept[name] = changed
    return kept


def mistake_id(name: str) -> str:
    """The catalogue id of an oracle slip name (``gate-order#1`` -> ``gate-order``)."""
    return name.split("#")[0].split(":")[0]
