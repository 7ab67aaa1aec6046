"""The catalogued mistakes that apply to a modern-cell drill, as ``Variant``s with a ``ModernTwist``.

Each entry: the mistake id (``modern_mistakes``), where it is made, the record keys whose own formula
changes (``sites``) and the slip the batched pass (``modern_forward``) applies. A mistake that the
drawn numbers cannot show is left out, as ``variants`` does for a zero bias: the minGRU gate reading
h_{t−1} needs W_z to fit h (d = n), the missing max(·, 1) needs a denominator the max changes.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from quizapp.drills.modern_forward import ModernTwist
from quizapp.drills.variants import Variant

Array = npt.NDArray[np.float64]

# Sigmoid gates of each cell (the gate-tanh mistake, and the informative-gate check).
MODERN_SIGMOID_GATES: dict[str, tuple[str, ...]] = {
    "mingru": ("z",),
    "minlstm": ("f", "i"),
    "slstm": ("o",),
    "mlstm": ("o",),
}


def _variant(mistake: str, detail: str, sites: set[str], slip: str, where: str = "") -> Variant:
    return Variant(mistake, detail, frozenset(sites), twist=ModernTwist(slip=slip, where=where))


def applies(variant: Variant, right: Mapping[str, Array]) -> bool:
    """Whether the drawn numbers can show ``variant`` (the max of the mLSTM's denominator must be
    the exp(−m_t) side for its omission to change anything)."""
    if variant.mistake == "mlstm-no-max-denominator":
        return bool(np.all(np.abs(right["qn"]) < np.exp(-right["m"])))
    return True


def modern_variants(cell: str, convention: str, d: int, n: int) -> list[Variant]:
    """Every modern mistake that can apply to this cell and its sizes (``applies`` then checks the
    drawn numbers)."""
    out: list[Variant] = []
    if cell == "mingru":
        out.append(Variant("gate-tanh", "z", frozenset({"z"}),
                           twist=ModernTwist(tanh_gates=frozenset({"z"}))))  # fmt: skip
        if d == n:
            out.append(_variant("mingru-gate-reads-h", "z", {"a_z"}, "gate-reads-h"))
        out.append(_variant("mingru-update-swapped", "h", {"h"}, "update-swapped"))
    elif cell == "minlstm":
        if convention != "unnormalised":
            out.append(
                _variant("minlstm-not-normalised", "f′, i′", {"f_prime", "i_prime"},
                         "not-normalised")
            )  # fmt: skip
    elif cell in ("slstm", "mlstm"):
        if cell == "slstm":
            out.append(Variant("gate-tanh", "o", frozenset({"o"}),
                               twist=ModernTwist(tanh_gates=frozenset({"o"}))))  # fmt: skip
            out.append(_variant("slstm-no-stabiliser", "i′, f′", {"i_prime", "f_prime"},
                                "no-stabiliser"))  # fmt: skip
            # On the gate left unstabilised this is the no-stabiliser slip; it shows in c and n
            for where in ("i", "f"):
                out.append(_variant("slstm-stabiliser-one-gate", f"stabilised {where}′ only",
                                    {"c", "n"}, "stabiliser-one-gate", where))  # fmt: skip
            out.append(_variant("slstm-h-no-normaliser", "h", {"h"}, "h-no-normaliser"))
        else:
            out.append(_variant("mlstm-kv-order", "C", {"C"}, "kv-order"))
            out.append(_variant("mlstm-key-unscaled", "k", {"k"}, "key-unscaled"))
            out.append(_variant("mlstm-no-max-denominator", "den", {"den"}, "no-max-denominator"))
            out.append(_variant("mlstm-no-denominator", "h̃", {"h_tilde"}, "no-denominator"))
    elif cell == "ssm":
        out.append(_variant("ssm-abar-linear", "Ā", {"A_bar"}, "abar-linear"))
        out.append(_variant("ssm-delta-no-softplus", "Δ", {"delta"}, "delta-no-softplus"))
    elif cell == "linear_attention":
        out.append(_variant("linattn-no-normaliser", "y", {"y"}, "no-normaliser"))
    return out
