"""Every catalogued mistake that applies to a drill, as an alternative computation.

A ``Variant`` is one way of getting a quantity wrong: a mistake id, a short note of where it was made
(``"f"``, ``"all gates"``, …), the parameters the learner would have used and a ``Twist`` of the
formulas. ``sites`` are the record keys whose own formula changes; a variant applies to an asked
quantity when that quantity is a site or depends on one (so a mistake in f reaches C_t and h_t).
Parameter conditions decide whether a mistake applies at all (no-bias needs a non-zero bias).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from quizapp.drills.forward import NO_TWIST, Twist, forward_batch
from quizapp.drills.quantities import affected

if TYPE_CHECKING:
    from quizapp.drills.backward import BackTwist

Array = npt.NDArray[np.float64]

SIGMOID_GATES: dict[str, tuple[str, ...]] = {
    "lstm": ("i", "f", "o"),
    "peephole": ("i", "f", "o"),
    "cifg": ("f", "o"),
    "depth_gated": ("d", "i", "f", "o"),
    "gru": ("r", "z"),
    "mgu": ("f",),
    "sru": ("f", "r"),
}
CANDIDATE: dict[str, str] = {
    "lstm": "g", "peephole": "g", "cifg": "g", "depth_gated": "g", "gru": "n", "mgu": "n",
}  # fmt: skip
AFFINE_GATES: dict[str, tuple[str, ...]] = {
    "rnn": ("",),
    "clockwork": ("",),
    "lstm": ("i", "f", "g", "o"),
    "peephole": ("i", "f", "g", "o"),
    "cifg": ("f", "g", "o"),
    "depth_gated": ("d", "i", "f", "g", "o"),
    "gru": ("r", "z", "n"),
    "mgu": ("f", "n"),
    "sru": ("f", "r"),
}
# Reading PyTorch's stacked rows in another framework's order: role gate <- the block it really is.
GATE_ORDERS: dict[str, dict[str, dict[str, str]]] = {
    "lstm": {
        "ONNX order i, o, f, c": {"i": "i", "o": "f", "f": "g", "g": "o"},
        "TF order i, j, f, o": {"i": "i", "g": "f", "f": "g", "o": "o"},
    },
    "gru": {"Keras order z, r, h": {"z": "r", "r": "z", "n": "n"}},
}


@dataclass(frozen=True)
class Variant:
    """One catalogued mistake made in one place."""

    mistake: str
    detail: str
    sites: frozenset[str]
    twist: Twist = NO_TWIST
    edits: Mapping[str, Array] = field(default_factory=dict)
    back: BackTwist | None = None
    propagates: bool = True  # False: fairness-checked only where the mistake is made

    def local_keys(self) -> frozenset[str]:
        """The sites and the gate values computed straight from them."""
        keys = set(self.sites)
        for site in self.sites:
            if site.startswith("a_"):
                keys.add(site[2:])
        if "s" in keys:
            keys.add("n")
        return frozenset(keys)


def _name(prefix: str, gate: str) -> str:
    return f"{prefix}_{gate}" if gate else prefix


def _site(gate: str) -> str:
    return _name("a", gate)


@cache
def _param_sites(cell: str, convention: str, name: str) -> frozenset[str]:
    """Record keys whose formula reads parameter ``name`` directly."""
    if cell == "sru" and name == "W_c":
        return frozenset({"u"})
    if cell in ("rnn", "clockwork"):
        return frozenset({"a"})
    gate = name.split("_", 1)[1]
    sites = {_site(gate)}
    if cell == "gru" and convention == "pytorch" and name in ("U_n", "bh_n"):
        sites.add("s")
    return frozenset(sites)


def _sites_of(cell: str, convention: str, edits: Mapping[str, Array]) -> frozenset[str]:
    sites: set[str] = set()
    for name in edits:
        sites |= _param_sites(cell, convention, name)
    return frozenset(sites)


def _bias_names(cell: str, gate: str) -> tuple[str, ...]:
    if cell in ("rnn", "clockwork"):
        return ("b", "bh")
    if cell == "sru" or gate == "d":
        return (_name("b", gate),)
    return (_name("b", gate), _name("bh", gate))


def _recurrent_name(cell: str, gate: str) -> str | None:
    if cell == "sru":
        return _name("v", gate)
    if gate == "d":
        return None
    return _name("U", gate)


def _nonzero(array: Array) -> bool:
    return bool(np.count_nonzero(array))


def _param_variants(
    cell: str, convention: str, params: Mapping[str, Array], d: int, n: int
) -> list[Variant]:
    """no-bias, no-recurrent and transposed-weight, per gate and for all gates at once."""
    out: list[Variant] = []
    gates = AFFINE_GATES[cell]

    single = len(gates) == 1  # the plain and clockwork RNN: one gate is every gate

    def add(mistake: str, detail: str, edits: dict[str, Array], propagates: bool) -> None:
        if edits:
            sites = _sites_of(cell, convention, edits)
            out.append(Variant(mistake, detail, sites, edits=edits, propagates=propagates))

    def add_family(mistake: str, per_gate: dict[str, dict[str, Array]], suffix: str = "") -> None:
        together: dict[str, Array] = {}
        for gate, edits in per_gate.items():
            add(mistake, (gate or "a") + suffix, edits, single)
            together.update(edits)
        if len(per_gate) > 1:
            add(mistake, "all gates" + suffix, together, True)

    both: dict[str, dict[str, Array]] = {}
    hidden_only: dict[str, dict[str, Array]] = {}
    recurrent: dict[str, dict[str, Array]] = {}
    transposed_u: dict[str, dict[str, Array]] = {}
    transposed_wu: dict[str, dict[str, Array]] = {}
    for gate in gates:
        names = [nm for nm in _bias_names(cell, gate) if _nonzero(params[nm])]
        if names:
            both[gate] = {nm: np.zeros_like(params[nm]) for nm in names}
        if len(names) == 2:
            hidden_only[gate] = {names[1]: np.zeros_like(params[names[1]])}
        rec = _recurrent_name(cell, gate)
        if rec is not None and _nonzero(params[rec]):
            recurrent[gate] = {rec: np.zeros_like(params[rec])}
        if cell != "sru" and rec is not None and n >= 2:
            transposed_u[gate] = {rec: params[rec].T.copy()}
        w_name = _name("W", gate)
        if d == n >= 2:
            edits = {w_name: params[w_name].T.copy()}
            if cell != "sru" and rec is not None and n >= 2:
                edits[rec] = params[rec].T.copy()
            transposed_wu[gate] = edits
    if cell == "sru" and n >= 2:
        transposed_wu["c"] = {"W_c": params["W_c"].T.copy()}
    add_family("no-bias", both)
    # one of PyTorch's two biases, and both matrices transposed, are slips made everywhere at once
    hidden_everywhere: dict[str, Array] = {}
    for edits in hidden_only.values():
        hidden_everywhere.update(edits)
    add("no-bias", "bh everywhere", hidden_everywhere, True)
    add_family("no-recurrent", recurrent)
    for gate, edits in transposed_u.items():
        add("transposed-weight", (gate or "a") + " (U)", edits, single)
    if single:
        for gate, edits in transposed_wu.items():
            add("transposed-weight", (gate or "a") + " (W and U)", edits, True)
    everything: dict[str, Array] = {}
    for table in (transposed_u, transposed_wu):
        for edits in table.values():
            everything.update(edits)
    if len(transposed_u) + len(transposed_wu) > 1:
        add("transposed-weight", "everywhere", everything, True)
    return out


def _order_variants(cell: str, convention: str, params: Mapping[str, Array]) -> list[Variant]:
    out: list[Variant] = []
    for detail, roles in GATE_ORDERS.get(cell, {}).items():
        edits: dict[str, Array] = {}
        for role, source in roles.items():
            if role != source:
                for prefix in ("W", "U", "b", "bh"):
                    edits[f"{prefix}_{role}"] = params[f"{prefix}_{source}"]
        out.append(Variant("gate-order", detail, _sites_of(cell, convention, edits), edits=edits))
    return out


def _twist_variants(
    cell: str, convention: str, params: Mapping[str, Array], two_biases: bool
) -> list[Variant]:
    out: list[Variant] = []

    def add(mistake: str, detail: str, sites: set[str], twist: Twist) -> None:
        out.append(Variant(mistake, detail, frozenset(sites), twist=twist))

    gates = SIGMOID_GATES.get(cell, ())
    for gate in gates:
        add("gate-tanh", gate, {gate}, Twist(tanh_gates=frozenset({gate})))
    if len(gates) > 1:
        add("gate-tanh", "all gates", set(gates), Twist(tanh_gates=frozenset(gates)))
    if cell in CANDIDATE:
        add("candidate-sigmoid", CANDIDATE[cell], {CANDIDATE[cell]}, Twist(sigmoid_candidate=True))
    if cell in ("lstm", "peephole", "cifg", "depth_gated"):
        for form in ("old-cell", "no-tanh", "tanh-outside"):
            add(f"h-{form}", "h", {"h"}, Twist(h_form=form))
        add("cell-swap-fi", "c", {"c"}, Twist(cell_form="swap-fi"))
        add("cell-no-input-gate", "c", {"c"}, Twist(cell_form="no-input-gate"))
        add("cell-no-forget-gate", "c", {"c"}, Twist(cell_form="no-forget-gate"))
        add("h-no-output-gate", "h", {"h"}, Twist(h_form="no-output-gate"))
    if cell in ("peephole", "depth_gated"):
        add("peephole-old-cell", "o", {"a_o"}, Twist(peephole_old_cell=True))
    if cell in ("gru", "mgu"):
        add("gru-z-swapped", "h", {"h"}, Twist(update_swapped=True))
        add("gru-reset-before", "n", {"a_n"}, Twist(reset_flipped=True))
        add("gru-no-reset", "n", {"a_n"}, Twist(no_reset=True))
        add("gru-no-carry", "h", {"h"}, Twist(no_carry=True))
        add("gru-no-update", "h", {"h"}, Twist(no_update=True))
        if cell == "gru" and convention == "pytorch" and _nonzero(params["bh_n"]):
            add("gru-bias-outside-reset", "n", {"a_n"}, Twist(bias_outside_reset=True))
    if cell == "sru":
        add("sru-no-highway", "h", {"h"}, Twist(h_form="no-highway"))
    if cell in ("rnn", "clockwork"):
        own = "relu" if convention == "relu" else "tanh"
        for name in ("tanh", "sigmoid", "relu", "identity"):
            if name != own:
                add("rnn-wrong-activation", name, {"h"}, Twist(activation=name))
    return out


def forward_variants(
    cell: str,
    convention: str,
    params: Mapping[str, Array],
    d: int,
    n: int,
    *,
    stacked: bool,
    two_biases: bool,
) -> list[Variant]:
    """Every forward mistake that applies to this cell and these parameters."""
    variants = _twist_variants(cell, convention, params, two_biases)
    variants += _param_variants(cell, convention, params, d, n)
    if stacked:
        variants += _order_variants(cell, convention, params)
    return variants


@dataclass(frozen=True)
class Batch:
    """Values of the asked quantities for the right computation (row 0) and every variant (row r
    is ``variants[r - 1]``); per asked key, the rows fairness checks and the rows only used to
    diagnose (a one-gate slip seen far downstream, where its effect may be within tolerance)."""

    values: Mapping[str, Array]  # key -> (V + 1, size)
    variants: Sequence[Variant]
    checked: Mapping[str, Sequence[int]]
    weak: Mapping[str, Sequence[int]]

    def mistake_numbers(self) -> npt.NDArray[np.int64]:
        """One number per row: -1 for the right row, equal numbers for equal mistake ids."""
        numbering: dict[str, int] = {}
        numbers = [-1] + [numbering.setdefault(v.mistake, len(numbering)) for v in self.variants]
        return np.array(numbers)


def forward_alternatives(
    cell: str,
    convention: str,
    params: Mapping[str, Array],
    inputs: Mapping[str, Array],
    variants: Sequence[Variant],
    asked: Sequence[str],
    *,
    t: int | None = None,
    periods: Sequence[int] | None = None,
) -> tuple[Batch, dict[str, Array]]:
    """Every variant's value of each asked quantity in one batched pass, and every right
    intermediate (row 0)."""
    size = len(variants) + 1
    batched: dict[str, Array] = {}
    for name, value in params.items():
        batched[name] = np.repeat(value[None], size, axis=0)
    for row, variant in enumerate(variants, start=1):
        for name, value in variant.edits.items():
            batched[name][row] = value
    twists = [NO_TWIST, *(v.twist for v in variants)]
    values = forward_batch(cell, convention, batched, inputs, twists, t=t, periods=periods)
    checked: dict[str, list[int]] = {key: [] for key in asked}
    weak: dict[str, list[int]] = {key: [] for key in asked}
    for row, variant in enumerate(variants, start=1):
        reach = affected(cell, variant.sites)
        strong = affected(cell, variant.sites, True) if variant.propagates else variant.local_keys()
        for key in asked:
            if key in reach:
                (checked if key in strong else weak)[key].append(row)
    batch = Batch({key: values[key] for key in asked}, variants, checked, weak)
    return batch, {key: value[0] for key, value in values.items()}


# Backward mistakes: (id, detail, twist, gradients it changes, condition)
def backward_variants(cell: str, convention: str, n: int, dc_nonzero: bool) -> list[Variant]:
    """Every backward mistake that applies to this cell (``sites`` are gradient keys)."""
    # Imported here: backward drills are the only users, and start-up shows a forward drill.
    from quizapp.drills.backward import BackTwist

    out: list[Variant] = []

    def add(mistake: str, detail: str, keys: set[str], twist: BackTwist) -> None:
        out.append(Variant(mistake, detail, frozenset(keys), back=twist))

    through_dc = {"dc", "dc_prev", "da_i", "da_f", "da_g", "dh_prev", "dx"}
    if cell == "lstm":
        add("bw-no-forget", "dc_prev", {"dc_prev"}, BackTwist(dc_prev_form="no-forget"))
        add("bw-input-gate", "dc_prev", {"dc_prev"}, BackTwist(dc_prev_form="input-gate"))
        if dc_nonzero:
            add("bw-missing-carry", "δC_in", through_dc, BackTwist(dc_form="no-carry-in"))
        add("bw-missing-carry", "δh path", through_dc, BackTwist(dc_form="no-h-path"))
        add("bw-tanh-prime", "dc", through_dc, BackTwist(dc_form="tanh-prime"))
    if cell == "gru":
        add("bw-gru-sign", "dz", {"da_z", "dh_prev", "dx"}, BackTwist(gru_sign=True))
        add("bw-gru-no-direct", "dh_prev", {"dh_prev"}, BackTwist(no_direct=True))
    if cell == "rnn" and convention == "tanh":
        add("bw-tanh-prime", "da", {"da", "dh_prev", "dx"}, BackTwist(tanh_prime=True))
    if n >= 2:
        add("transposed-weight", "dh_prev (U)", {"dh_prev"}, BackTwist(transposed=True))
    return out


def backward_alternatives(
    cell: str,
    convention: str,
    params: Mapping[str, Array],
    forward: Mapping[str, Array],
    inputs: Mapping[str, Array],
    right: Mapping[str, Array],
    variants: Sequence[Variant],
    asked: Sequence[str],
) -> Batch:
    """Every applicable backward variant's value of each asked gradient (row 0: ``right``)."""
    from quizapp.drills.backward import backward_values

    used = [v for v in variants if any(key in v.sites for key in asked)]
    rows: dict[str, list[Array]] = {key: [np.asarray(right[key])] for key in asked}
    checked: dict[str, list[int]] = {key: [] for key in asked}
    for row, variant in enumerate(used, start=1):
        assert variant.back is not None
        values = backward_values(cell, convention, params, forward, inputs, variant.back)
        for key in asked:
            rows[key].append(values[key])
            if key in variant.sites:
                checked[key].append(row)
    stacked = {key: np.array(value) for key, value in rows.items()}
    return Batch(stacked, used, checked, {key: [] for key in asked})
