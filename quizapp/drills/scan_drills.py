"""Parallel-scan drills of minGRU, minLSTM and the selective SSM (T = 2–4 steps).

Each of these cells is the linear recurrence h_t = a_t ⊙ h_{t−1} + b_t (``engine.scan``). A drill asks
for the step pairs (a_t, b_t), the prefix pairs (A_{1:t}, B_{1:t}) with h_t = A_{1:t} ⊙ h_0 + B_{1:t}
and h_T, or for the combined pair of steps 1 and 2, (a₁, b₁) ∘ (a₂, b₂) = (a₂ a₁, a₂ b₁ + b₂), the
operation that makes the scan associative. The cell's own mistakes (minGRU sides swapped, minLSTM
gates not normalised, Ā = ΔA, Δ without softplus) and the scan's (steps combined in the wrong order,
earlier offset not decayed) are told apart by ``fairness.separated`` as in every other drill.
"""

from __future__ import annotations

from types import MappingProxyType

import numpy as np
import numpy.typing as npt

from engine import scan as engine_scan
from quizapp.drills.errors import DrillError
from quizapp.drills.fairness import separated
from quizapp.drills.forward import NO_TWIST, Twist, forward_batch
from quizapp.drills.model import Alternative, Drill, DrillSpec
from quizapp.drills.modern_forward import ModernTwist
from quizapp.drills.modern_generate import _tenths, draw_params, sensible
from quizapp.drills.modern_keys import COMBINE_KEYS
from quizapp.drills.modern_table import modern_lookup_table
from quizapp.drills.modern_texts import modern_convention_text, scan_prompt
from quizapp.drills.variants import Batch, Variant
from quizapp.grading.numeric import Tolerance

Array = npt.NDArray[np.float64]

MAX_ATTEMPTS = 500

# The cell's own slips that change (a_t, b_t): (mistake id, slip), per cell and convention.
_CELL_SLIPS: dict[str, tuple[tuple[str, str], ...]] = {
    "mingru": (("mingru-update-swapped", "update-swapped"),),
    "minlstm": (("minlstm-not-normalised", "not-normalised"),),
    "ssm": (("ssm-abar-linear", "abar-linear"), ("ssm-delta-no-softplus", "delta-no-softplus")),
}
_SCAN_SLIPS: tuple[str, ...] = ("scan-combine-order", "scan-b-not-decayed")


def _sizes(cell: str, difficulty: str, rng: np.random.Generator) -> tuple[int, int]:
    if cell == "ssm":
        return (2 if difficulty == "hard" else 1), (2 if difficulty == "whiteboard" else
                                                    int(rng.integers(2, 4)))  # fmt: skip
    n = 2 if difficulty == "whiteboard" else int(rng.integers(2, 4))
    return int(rng.integers(1, 3)), n


def _pairs(
    cell: str, convention: str, params: dict[str, Array], xs: Array, twists: list[Twist]
) -> tuple[Array, Array, list[dict[str, Array]]]:
    """(a, b) of shape (V, T, size) for every twist, and the right values of every step."""
    a_rows, b_rows, right = [], [], []
    for x in xs:
        zero = {"h": np.zeros((len(x), params["W_B"].shape[0]) if cell == "ssm" else
                              params["W_h"].shape[0])}  # fmt: skip
        v = forward_batch(cell, convention, params, {"x": x, **zero}, twists)
        right.append({key: value[0] for key, value in v.items()})
        if cell == "mingru":
            swapped = np.array([isinstance(t, ModernTwist) and t.slip == "update-swapped"
                                for t in twists])[:, None]  # fmt: skip
            a = np.where(swapped, v["z"], 1.0 - v["z"])
            b = np.where(swapped, 1.0 - v["z"], v["z"]) * v["h_tilde"]
        elif cell == "minlstm":
            a, b = v["f_prime"], v["i_prime"] * v["h_tilde"]
        else:
            size = v["B"].shape[1]
            a, b = v["A_bar"], v["B_bar"] * np.repeat(x, size)[None]
        a_rows.append(a)
        b_rows.append(b)
    return np.stack(a_rows, axis=1), np.stack(b_rows, axis=1), right


def _prefix(a: Array, b: Array, slip: str = "") -> tuple[Array, Array]:
    """Prefix pairs over axis 1 (steps), the right way or with a scan slip."""
    A, B = [a[:, 0]], [b[:, 0]]
    for t in range(1, a.shape[1]):
        A.append(a[:, t] * A[-1])
        if slip == "scan-combine-order":
            B.append(A[-2] * b[:, t] + B[-1])
        elif slip == "scan-b-not-decayed":
            B.append(B[-1] + b[:, t])
        else:
            B.append(a[:, t] * B[-1] + b[:, t])
    return np.stack(A, axis=1), np.stack(B, axis=1)


def _values(a: Array, b: Array, h0: Array, slip: str = "") -> dict[str, Array]:
    """Every scan quantity for each row, flattened to (V, size)."""
    A, B = _prefix(a, b, slip)
    rows = a.shape[0]
    return {
        "scan_a": a.reshape(rows, -1), "scan_b": b.reshape(rows, -1),
        "scan_A": A.reshape(rows, -1), "scan_B": B.reshape(rows, -1),
        "scan_h": A[:, -1] * h0.ravel() + B[:, -1],
        "combine_a": A[:, 1], "combine_b": B[:, 1],
    }  # fmt: skip


def _batch(
    cell: str, convention: str, params: dict[str, Array], xs: Array, h0: Array,
    asked: tuple[str, ...],
) -> tuple[Batch, list[dict[str, Array]]]:  # fmt: skip
    slips = [
        s for s in _CELL_SLIPS[cell] if not (cell == "minlstm" and convention == "unnormalised")
    ]
    twists: list[Twist] = [NO_TWIST, *(ModernTwist(slip=slip) for _, slip in slips)]
    a, b, right = _pairs(cell, convention, params, xs, twists)
    cell_values = _values(a, b, h0)
    variants = [Variant(mistake, slip, frozenset()) for mistake, slip in slips]
    rows = {key: [cell_values[key]] for key in asked}
    for slip in _SCAN_SLIPS:
        wrong = _values(a[:1], b[:1], h0, slip)
        variants.append(Variant(slip, slip, frozenset()))
        for key in asked:
            rows[key].append(wrong[key])
    stacked = {key: np.concatenate(value) for key, value in rows.items()}
    size = len(variants) + 1
    # the cell's slips reach every quantity; the scan's change the offsets B and what follows
    own = list(range(1, len(slips) + 1))
    scan = [len(slips) + 1 + i for i in range(len(_SCAN_SLIPS))]
    checked = {key: own + (scan if key in ("scan_B", "scan_h", "combine_b") else [])
               for key in asked}  # fmt: skip
    if "scan_b" in checked:  # Ā = ΔA leaves the offsets b_t alone
        checked["scan_b"] = [r for r in own if variants[r - 1].mistake != "ssm-abar-linear"]
    assert all(v.shape[0] == size for v in stacked.values())
    weak: dict[str, list[int]] = {key: [] for key in asked}
    return Batch(stacked, variants, checked, weak), right


def scan_drill(spec: DrillSpec, asked: tuple[str, ...]) -> Drill:
    """A fair parallel-scan drill (``spec`` already checked, ``asked`` expanded)."""
    cell, convention = spec.cell, spec.convention
    if cell not in engine_scan.SCAN_CELLS:
        raise DrillError(f"the scan drills are for {', '.join(engine_scan.SCAN_CELLS)}, not {cell}")
    whiteboard = spec.difficulty == "whiteboard"
    combine = any(key in COMBINE_KEYS for key in asked)
    tolerance = Tolerance()
    rng = np.random.default_rng(spec.seed)
    for attempt in range(1, MAX_ATTEMPTS + 1):  # noqa: B007 (reported in the drill)
        d, n = _sizes(cell, spec.difficulty, rng)
        steps = 2 if combine else int(rng.integers(2, 4 if whiteboard else 5))
        params = draw_params(cell, d, n, rng, 1 if whiteboard else 2)
        xs = _tenths(rng, (steps, d), (2, 10, False))
        h0 = _tenths(rng, (d, n) if cell == "ssm" else (n,), (1, 10, False))
        batch, right = _batch(cell, convention, params, xs, h0, asked)
        if all(sensible(cell, values) for values in right) and separated(batch, tolerance):
            break
    else:
        raise DrillError(
            f"could not draw a fair {spec.difficulty} scan drill of {cell} asking "
            f"{', '.join(asked)} in {MAX_ATTEMPTS} attempts"
        )
    from quizapp.drills.generate import _frozen, _read_only

    trace = engine_scan.run(cell, params, xs, h0, convention=convention)
    expected = {
        "scan_a": trace.a, "scan_b": trace.b, "scan_A": trace.prefix_a, "scan_B": trace.prefix_b,
        "scan_h": trace.h[-1], "combine_a": trace.prefix_a[1], "combine_b": trace.prefix_b[1],
    }  # fmt: skip
    inputs = {f"x_{t + 1}": tuple(float(v) for v in x) for t, x in enumerate(xs)}
    inputs["h_0"] = tuple(float(v) for v in np.ravel(h0))
    table: tuple[tuple[str, float], ...] = ()
    if whiteboard:
        entries: dict[str, float] = {}
        for x, values in zip(xs, right, strict=True):
            entries.update(modern_lookup_table(cell, convention, values, {"x": x}))
        table = tuple(entries.items())
    alternatives = {
        key: tuple(
            Alternative(batch.variants[row - 1].mistake, batch.variants[row - 1].detail,
                        tuple(float(v) for v in batch.values[key][row]))
            for row in batch.checked[key]
        )
        for key in asked
    }  # fmt: skip
    return Drill(
        spec=spec, d=d, n=n, inputs=_frozen(inputs), params=_read_only(params), record=None,
        asked=asked,
        expected=_frozen({key: tuple(float(v) for v in np.ravel(expected[key])) for key in asked}),
        convention_text=modern_convention_text(cell, convention),
        prompt=scan_prompt(cell, asked, steps, whiteboard), lookup_table=table,
        extra=MappingProxyType({"layout": "per-gate", "steps": steps}),
        alternatives=MappingProxyType(alternatives), tolerance=tolerance, attempts=attempt,
    )  # fmt: skip
