"""Make tests/data/modern_golden.json from the modern cells' reference implementations (run by hand).

Not imported by the tests and not a project dependency. Run it in a separate environment:

    python -m venv /tmp/ref && /tmp/ref/bin/pip install torch==2.13.0 numpy
    /tmp/ref/bin/pip install --no-deps xlstm==2.0.5 minGRU-pytorch==0.2.1
    /tmp/ref/bin/python tests/reference/make_modern_golden.py

Forward values come from the reference code, in float64; gradients are PyTorch autograd through that
same code of the loss L = Σ_name Σ w_name ⊙ output_name (w: the case's ``upstream``), so the engine's
hand-written backward is checked against them. Which reference each case used is in its ``reference``
field; where a package cannot be installed here (mamba_ssm needs CUDA, pytorch-fast-transformers builds
C++ extensions) or where no code exists for a convention, the function is transcribed below, with the
file and commit it was copied from. Cases are drawn with random sizes d, n in 1..3, random non-zero
parameters in [-1, 1] and a random state (n and z positive, as in any real run; the mLSTM/sLSTM
stabiliser m random).
"""

from __future__ import annotations

import json
import math
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from minGRU_pytorch.minGRU import minGRU
from minGRU_pytorch.minLSTM import minLSTM
from torch.func import functional_call
from xlstm.blocks.mlstm.backends import recurrent_step_stabilized_simple
from xlstm.blocks.slstm.src.vanilla.slstm import slstm_forward_pointwise

torch.set_default_dtype(torch.float64)
OUT = Path(__file__).parents[1] / "data" / "modern_golden.json"
CASES_PER_CELL = 20
MINGRU = f"minGRU-pytorch {version('minGRU-pytorch')} (lucidrains/minGRU-pytorch@38b26e1)"
XLSTM = f"xlstm {version('xlstm')} (NX-AI/xlstm@032a6fb)"
MAMBA = (
    "transcribed from state-spaces/mamba@e9594ce1c732d97440f0332fdc43170a2294dbfa "
    "(mamba_ssm 2.3.2.post1): mamba_ssm/ops/triton/selective_state_update.py "
    "selective_state_update_ref; mamba_ssm/ops/selective_scan_interface.py selective_scan_ref"
)
FAST = (
    "transcribed from idiap/fast-transformers@2ad36b97e64cb93862937bd21fcc9568d989561f (0.4.0): "
    "fast_transformers/recurrent/attention/self_attention/linear_attention.py "
    "RecurrentLinearAttention.forward with elu_feature_map, eps=0"
)

# ---------------------------------------------------------------------------------------------------
# Transcribed reference functions.


def selective_state_update_ref(
    state, x, dt, A, B, C, D=None, z=None, dt_bias=None, dt_softplus=False
):
    """mamba_ssm selective_state_update_ref for state (batch, dim, dstate), no heads.

    Changed from the original: the head axis handling is cut to the no-head case, and
    ``state.copy_(…)`` (in place, which autograd refuses here) became a returned new state.
    """
    dt = dt + dt_bias
    dt = F.softplus(dt) if dt_softplus else dt
    dA = torch.exp(dt[..., None] * A)  # (batch, dim, dstate)
    dB = dt[..., None] * B[:, None, :]  # (batch, dim, dstate)
    state = state * dA + dB * x[..., None]
    out = torch.einsum("bdn,bn->bd", state.to(C.dtype), C)
    if D is not None:
        out += (x * D).to(out.dtype)
    out = out if z is None else out * F.silu(z)
    return out, state


def selective_scan_ref(u, delta, A, B, C, D=None, delta_bias=None, delta_softplus=False):
    """mamba_ssm selective_scan_ref for real A and input-dependent B, C of shape (batch, N, L).

    Changed from the original: the ``.float()`` casts are dropped (they would round float64 to float32),
    the complex and grouped branches and ``z`` are cut; the last state is always returned.
    """
    if delta_bias is not None:
        delta = delta + delta_bias[..., None]
    if delta_softplus:
        delta = F.softplus(delta)
    batch, dim, dstate = u.shape[0], A.shape[0], A.shape[1]
    x = A.new_zeros((batch, dim, dstate))
    ys = []
    deltaA = torch.exp(torch.einsum("bdl,dn->bdln", delta, A))
    deltaB_u = torch.einsum("bdl,bnl,bdl->bdln", delta, B, u)
    for i in range(u.shape[2]):
        x = deltaA[:, :, i] * x + deltaB_u[:, :, i]
        y = torch.einsum("bdn,bn->bd", x, C[:, :, i])
        ys.append(y)
    y = torch.stack(ys, dim=2)  # (batch dim L)
    out = y if D is None else y + u * D[:, None]
    return out, x


def recurrent_linear_attention(query, key, value, state=None, eps=0.0):
    """fast-transformers RecurrentLinearAttention.forward (feature map elu + 1), as a function."""
    Q = F.elu(query) + 1
    K = F.elu(key) + 1
    N, H, D = Q.shape
    _, _, M = value.shape
    if state is None:
        Si = query.new_zeros((N, H, D, M))
        Zi = query.new_zeros((N, H, D))
    else:
        Si, Zi = state
    Zi = Zi + K
    Si = Si + torch.einsum("nhd,nhm->nhdm", K, value)
    Z = 1.0 / (torch.einsum("nhd,nhd->nh", Q, Zi) + eps)
    V = torch.einsum("nhd,nhdm,nh->nhm", Q, Si, Z)
    return V, [Si, Zi]


def paper_min_step(
    gates: dict[str, torch.Tensor],
    h_tilde: torch.Tensor,
    h: torch.Tensor,
    cell: str,
    normalise: bool,
):
    """Feng et al. 2024, sequential minGRU (Alg. 1) and minLSTM (Alg. 3): h̃ = Linear(x), no g."""
    if cell == "mingru":
        z = torch.sigmoid(gates["z"])
        return (1 - z) * h + z * h_tilde
    f, i = torch.sigmoid(gates["f"]), torch.sigmoid(gates["i"])
    if normalise:
        f, i = f / (f + i), i / (f + i)
    return f * h + i * h_tilde


def paper_stabilised_exp(a_i, a_f, m):
    """Beck et al. 2024 eqs. 15–17 with f = exp(f̃): (m_t, i′, f′)."""
    m_new = torch.maximum(a_f + m, a_i)
    return m_new, torch.exp(a_i - m_new), torch.exp(a_f + m - m_new)


# ---------------------------------------------------------------------------------------------------
# Cases.


def _leaf(array: np.ndarray) -> torch.Tensor:
    return torch.tensor(array, dtype=torch.float64, requires_grad=True)


def _draw(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    values = rng.uniform(-1.0, 1.0, size=shape)
    return np.where(np.abs(values) < 0.05, 0.3, values)  # non-zero


def _params(cell: str, d: int, n: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    shapes: dict[str, tuple[int, ...]]
    if cell == "mingru":
        shapes = {"W_z": (n, d), "b_z": (n,), "W_h": (n, d), "b_h": (n,)}
    elif cell == "minlstm":
        shapes = {
            "W_f": (n, d),
            "b_f": (n,),
            "W_i": (n, d),
            "b_i": (n,),
            "W_h": (n, d),
            "b_h": (n,),
        }
    elif cell == "slstm":
        shapes = {}
        for k in "zifo":
            shapes.update({f"W_{k}": (n, d), f"U_{k}": (n, n), f"b_{k}": (n,)})
    elif cell == "mlstm":
        shapes = {"W_q": (n, d), "b_q": (n,), "W_k": (n, d), "b_k": (n,), "W_v": (n, d), "b_v": (n,),
                  "w_i": (d,), "b_i": (1,), "w_f": (d,), "b_f": (1,), "W_o": (n, d), "b_o": (n,)}  # fmt: skip
    elif cell == "ssm":
        shapes = {
            "W_delta": (d, d),
            "b_delta": (d,),
            "W_B": (n, d),
            "W_C": (n, d),
            "A": (d, n),
            "D": (d,),
        }
    else:
        shapes = {
            "W_q": (n, d),
            "b_q": (n,),
            "W_k": (n, d),
            "b_k": (n,),
            "W_v": (n, d),
            "b_v": (n,),
        }
    params = {name: _draw(rng, shape) for name, shape in shapes.items()}
    if cell == "ssm":
        params["A"] = -rng.uniform(0.1, 2.0, size=(d, n))
    return params


def _state(cell: str, d: int, n: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    if cell in ("mingru", "minlstm"):
        return {"h": rng.normal(size=n)}
    if cell == "slstm":
        return {"h": rng.normal(size=n), "c": rng.normal(size=n), "n": rng.uniform(0.2, 2.0, size=n),
                "m": rng.normal(size=n)}  # fmt: skip
    if cell == "mlstm":
        return {"C": rng.normal(size=(n, n)), "n": rng.normal(size=n), "m": rng.normal(size=1)}
    if cell == "ssm":
        return {"h": rng.normal(size=(d, n))}
    return {"S": rng.normal(size=(n, n)), "z": rng.uniform(0.2, 2.0, size=n)}


def _forward(
    cell: str,
    convention: str,
    p: dict[str, torch.Tensor],
    x: torch.Tensor,
    s: dict[str, torch.Tensor],
) -> tuple[dict[str, torch.Tensor], str]:
    """The reference's outputs under the engine's names, and the reference used."""
    n = next(iter(s.values())).shape[-1]
    if cell in ("mingru", "minlstm"):
        if convention == "log_space":
            if cell == "mingru":
                module, names = minGRU(x.shape[0]), ("h", "z")
                linear = "to_hidden_and_gate"
            else:
                module, names = minLSTM(x.shape[0]), ("h", "f", "i")
                linear = "to_hidden_and_f_i_gate"
            # The reference's Linear has no bias; a biased one (same forward code) covers b_*.
            setattr(module, linear, torch.nn.Linear(x.shape[0], len(names) * n, bias=True))
            weights = {f"{linear}.weight": torch.cat([p[f"W_{k}"] for k in names]),
                       f"{linear}.bias": torch.cat([p[f"b_{k}"] for k in names])}  # fmt: skip
            out = functional_call(
                module, weights, (x[None, None, :],), {"prev_hidden": s["h"][None, None, :]}
            )
            return {"h": out[0, 0]}, MINGRU + f": {module.__class__.__name__}.forward, seq_len 1"
        gates = {k: p[f"W_{k}"] @ x + p[f"b_{k}"] for k in ("z", "f", "i") if f"W_{k}" in p}
        h_tilde = p["W_h"] @ x + p["b_h"]
        h = paper_min_step(gates, h_tilde, s["h"], cell, convention == "paper")
        return {"h": h}, "paper (transcribed): Feng et al. 2024, sequential mode without g"
    if cell == "slstm":
        order = "ifzo"  # the xlstm package's gate order
        Wx = (torch.cat([p[f"W_{k}"] for k in order]) @ x)[None]
        Ry = (torch.cat([p[f"U_{k}"] for k in order]) @ s["h"])[None]
        b = torch.cat([p[f"b_{k}"] for k in order])[None]
        if convention == "sigmoid":
            states = torch.stack([s["h"], s["c"], s["n"], s["m"]])[:, None, :]
            new, gates = slstm_forward_pointwise(Wx, Ry, b, states, {})
            h, c, nn, m = new[:, 0]
            return ({"h": h, "c": c, "n": nn, "m": m, "i_prime": gates[0, 0], "f_prime": gates[1, 0],
                     "o": gates[3, 0]}, XLSTM + ": blocks/slstm/src/vanilla/slstm.py slstm_forward_pointwise")  # fmt: skip
        a_i, a_f, a_z, a_o = (Wx + Ry + b)[0].view(4, n)
        m, i_p, f_p = paper_stabilised_exp(a_i, a_f, s["m"])
        c = f_p * s["c"] + i_p * torch.tanh(a_z)
        nn = f_p * s["n"] + i_p
        h = torch.sigmoid(a_o) * c / nn
        return ({"h": h, "c": c, "n": nn, "m": m, "i_prime": i_p, "f_prime": f_p},
                "paper (transcribed): Beck et al. 2024 eqs. 8–17 with f = exp(f̃)")  # fmt: skip
    if cell == "mlstm":
        q = p["W_q"] @ x + p["b_q"]
        k = p["W_k"] @ x + p["b_k"]  # the package scales k by 1/√DH itself
        v = p["W_v"] @ x + p["b_v"]
        a_i = p["w_i"] @ x + p["b_i"]
        a_f = p["w_f"] @ x + p["b_f"]
        o = torch.sigmoid(p["W_o"] @ x + p["b_o"])
        if convention == "sigmoid":
            shape4 = (1, 1, 1, n)
            h_tilde, (C, nn, m) = recurrent_step_stabilized_simple(
                s["C"].T[None, None], s["n"][None, None, :, None], s["m"].view(1, 1, 1, 1),
                q.view(shape4), k.view(shape4), v.view(shape4),
                a_i.view(1, 1, 1, 1), a_f.view(1, 1, 1, 1), eps=0.0,
            )  # fmt: skip
            # The package stores C as k vᵀ (DH_k × DH_v), the transpose of the paper's v kᵀ.
            out = {
                "h_tilde": h_tilde.reshape(n),
                "C": C[0, 0].T,
                "n": nn.reshape(n),
                "m": m.reshape(1),
            }
            out["h"] = o * out["h_tilde"]
            return (
                out,
                XLSTM
                + ": blocks/mlstm/backends.py recurrent_step_stabilized_simple (eps=0); o = σ(W_o x + b_o) from the paper",
            )
        ks = k / math.sqrt(n)
        m, i_p, f_p = paper_stabilised_exp(a_i, a_f, s["m"])
        C = f_p * s["C"] + i_p * torch.outer(v, ks)
        nn = f_p * s["n"] + i_p * ks
        h_tilde = C @ q / torch.maximum((nn @ q).abs(), torch.exp(-m))
        return ({"h_tilde": h_tilde, "C": C, "n": nn, "m": m, "h": o * h_tilde},
                "paper (transcribed): Beck et al. 2024 eqs. 19–27 with f = exp(f̃), stabilised")  # fmt: skip
    if cell == "ssm" and convention == "zoh":
        delta = F.softplus(p["W_delta"] @ x + p["b_delta"])
        dA = delta[:, None] * p["A"]
        B_bar = (torch.exp(dA) - 1) / dA * delta[:, None] * (p["W_B"] @ x)[None, :]
        h = torch.exp(dA) * s["h"] + B_bar * x[:, None]
        y = h @ (p["W_C"] @ x) + p["D"] * x
        return {
            "y": y,
            "h": h,
        }, "paper (transcribed): Gu & Dao 2023 eq. 4 (exact ZOH, diagonal A) in eq. 2"
    if cell == "ssm":
        y, h = selective_state_update_ref(
            s["h"][None], x[None], (p["W_delta"] @ x)[None], p["A"], (p["W_B"] @ x)[None],
            (p["W_C"] @ x)[None], D=p["D"], dt_bias=p["b_delta"], dt_softplus=True,
        )  # fmt: skip
        return {"y": y[0], "h": h[0]}, MAMBA.split("; ")[0]
    one = (1, 1, n)
    y, (S, z) = recurrent_linear_attention(
        (p["W_q"] @ x + p["b_q"]).view(one), (p["W_k"] @ x + p["b_k"]).view(one),
        (p["W_v"] @ x + p["b_v"]).view(one), state=(s["S"][None, None], s["z"][None, None]),
    )  # fmt: skip
    return {"y": y.reshape(n), "S": S.reshape(n, n), "z": z.reshape(n)}, FAST


UPSTREAM = {
    "mingru": ("h",), "minlstm": ("h",), "slstm": ("h", "c", "n", "m"), "mlstm": ("C", "n", "m", "h"),
    "ssm": ("h", "y"), "linear_attention": ("S", "z", "y"),
}  # fmt: skip
CONVENTIONS = {
    "mingru": ("paper", "log_space"), "minlstm": ("paper", "log_space", "unnormalised"),
    "slstm": ("sigmoid", "exp"), "mlstm": ("sigmoid", "exp"), "ssm": ("simplified", "zoh"),
    "linear_attention": ("standard",),
}  # fmt: skip


def _case(cell: str, convention: str, rng: np.random.Generator) -> dict[str, Any]:
    d, n = int(rng.integers(1, 4)), int(rng.integers(1, 4))
    params_np, state_np, x_np = (
        _params(cell, d, n, rng),
        _state(cell, d, n, rng),
        rng.normal(size=d),
    )
    params = {k: _leaf(v) for k, v in params_np.items()}
    state = {k: _leaf(v) for k, v in state_np.items()}
    x = _leaf(x_np)
    outputs, reference = _forward(cell, convention, params, x, state)
    upstream = {name: rng.normal(size=tuple(outputs[name].shape)) for name in UPSTREAM[cell]}
    loss = sum((torch.tensor(w) * outputs[name]).sum() for name, w in upstream.items())
    leaves = {"x": x, **{f"{k}_prev": v for k, v in state.items()}, **params}
    grads = torch.autograd.grad(loss, list(leaves.values()), allow_unused=True)
    return {
        "cell": cell, "convention": convention, "d": d, "n": n, "reference": reference,
        "x": x_np.tolist(), "params": {k: v.tolist() for k, v in params_np.items()},
        "state": {k: v.tolist() for k, v in state_np.items()},
        "upstream": {k: v.tolist() for k, v in upstream.items()},
        "forward": {k: v.detach().numpy().tolist() for k, v in outputs.items()},
        "grads": {f"d{name}": (np.zeros(tuple(leaf.shape)) if g is None else g.numpy()).tolist()
                  for (name, leaf), g in zip(leaves.items(), grads, strict=True)},
    }  # fmt: skip


def _ssm_scan_case(rng: np.random.Generator) -> dict[str, Any]:
    """T = 2–4 steps of selective_scan_ref from a zero state: outputs y_1..y_T and the last state."""
    d, n, steps = int(rng.integers(1, 4)), int(rng.integers(1, 4)), int(rng.integers(2, 5))
    p = _params("ssm", d, n, rng)
    xs = rng.normal(size=(steps, d))
    t = {k: torch.tensor(v) for k, v in p.items()}
    u = torch.tensor(xs.T)[None]  # (1, d, T)
    delta = (t["W_delta"] @ u[0])[None]
    B, C = (t["W_B"] @ u[0])[None], (t["W_C"] @ u[0])[None]
    y, last = selective_scan_ref(
        u, delta, t["A"], B, C, D=t["D"], delta_bias=t["b_delta"], delta_softplus=True
    )
    return {"cell": "ssm", "reference": MAMBA.split("; ")[0].split(":")[0] + ": " + MAMBA.split("; ")[1],
            "params": {k: v.tolist() for k, v in p.items()}, "xs": xs.tolist(),
            "y": y[0].T.numpy().tolist(), "h_last": last[0].numpy().tolist()}  # fmt: skip


def _mingru_scan_case(rng: np.random.Generator) -> dict[str, Any]:
    """T = 2–4 steps of minGRU's parallel (log-space Heinsen) mode from a positive h_0."""
    d, n, steps = int(rng.integers(1, 4)), int(rng.integers(1, 4)), int(rng.integers(2, 5))
    p = _params("mingru", d, n, rng)
    xs, h0 = rng.normal(size=(steps, d)), rng.uniform(0.1, 2.0, size=n)
    module = minGRU(d)
    module.to_hidden_and_gate = torch.nn.Linear(d, 2 * n, bias=True)
    weights = {"to_hidden_and_gate.weight": torch.tensor(np.concatenate([p["W_h"], p["W_z"]])),
               "to_hidden_and_gate.bias": torch.tensor(np.concatenate([p["b_h"], p["b_z"]]))}  # fmt: skip
    with torch.no_grad():
        out = functional_call(
            module,
            weights,
            (torch.tensor(xs)[None],),
            {"prev_hidden": torch.tensor(h0)[None, None]},
        )
    return {"cell": "mingru", "convention": "log_space", "reference": MINGRU + ": minGRU.forward, parallel mode",
            "params": {k: v.tolist() for k, v in p.items()}, "xs": xs.tolist(), "h0": h0.tolist(),
            "h": out[0].numpy().tolist()}  # fmt: skip


def main() -> None:
    rng = np.random.default_rng(20261206)
    cases = []
    for cell, conventions in CONVENTIONS.items():
        for index in range(CASES_PER_CELL):
            cases.append(_case(cell, conventions[index % len(conventions)], rng))
    scans = [_ssm_scan_case(rng) for _ in range(6)] + [_mingru_scan_case(rng) for _ in range(6)]
    data = {
        "about": "Modern cells' golden values from their reference code; made by "
        "tests/reference/make_modern_golden.py (torch " + torch.__version__ + ", float64).",
        "cases": cases,
        "scans": scans,
    }
    OUT.write_text(json.dumps(data) + "\n", encoding="utf-8")
    print(f"wrote {len(cases)} cases and {len(scans)} scans to {OUT}")


if __name__ == "__main__":
    main()
