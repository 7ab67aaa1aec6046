"""Texts drawn on the diagram (no Qt): wire tags, value labels and the subscript markup.

Markup: ``_{…}`` or an underscore followed by letters, digits and minus signs is a subscript, so
``"h_t−1 = [0.1]"`` and ``"h_{t−1} = [0.1]"`` are both drawn h with t−1 lowered, then `` = [0.1]``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np

# The name a quantity carries on the diagram: the seed's notation, as in the answer fields and the
# worked solutions (Colah's capital C for cells, C̃_t and h̃_t for the candidates; PyTorch's g and n
# are named in the diagram's tooltip).
DISPLAY = {
    "g": "C̃_t",
    "n": "h̃_t",
    "c": "C_t",
    "h": "h_t",
    "x": "x_t",
    "h_prev": "h_t−1",
    "c_prev": "C_t−1",
    "c_low": "C_low",
    "active": "active",
}
# Quantities inside the cell that show a tag (f_t, …) even before any value is known.
TAGGED = frozenset({"f", "i", "g", "o", "d", "r", "z", "n", "s", "u", "a"})
MAX_SHOWN = 4

# The modern cells' names (the drills' notation: Feng et al. 2024, Beck et al. 2024, Gu & Dao 2023,
# Katharopoulos et al. 2020). Some keys mean other things than in the classic cells: the sLSTM's and
# mLSTM's ``n`` is the normaliser n_t, not the GRU's candidate, so names depend on the cell.
MODERN_DISPLAY = {
    "h_tilde": "h̃_t",
    "f_prime": "f′_t",
    "i_prime": "i′_t",
    "delta": "Δ_t",
    "A_bar": "Ā_t",
    "B_bar": "B̄_t",
    "phi_q": "φ(q_t)",
    "phi_k": "φ(k_t)",
    "qn": "n_tᵀq_t",
    "h_prev": "h_t−1",
    "c_prev": "c_t−1",
    "x": "x_t",
}
# Per modern cell, the quantities whose labelled wire carries a tag inside the cell.
MODERN_TAGGED = {
    "mingru": frozenset({"z", "h_tilde"}),
    "minlstm": frozenset({"f", "i", "f_prime", "i_prime", "h_tilde"}),
    "slstm": frozenset({"z", "i", "f", "o"}),  # i′_t and f′_t: named by their ports
    "mlstm": frozenset({"i", "f", "o"}),  # q, k, v: named by their boxes W_q, W_k/√n, W_v
    "ssm": frozenset({"delta", "A_bar", "B_bar"}),  # B_t, C_t: named by their boxes W_B, W_C
    "linear_attention": frozenset({"phi_q", "phi_k", "v"}),
}


def display_name(key: str, cell: str = "") -> str:
    """``f`` -> ``f_t``; ``c_prev`` -> ``C_t−1``; an unknown key is shown as it is. For a modern
    cell (``cell`` in ``MODERN_TAGGED``) ``n`` -> ``n_t``, ``h_tilde`` -> ``h̃_t`` and so on."""
    if cell in MODERN_TAGGED:
        if key in MODERN_DISPLAY:
            return MODERN_DISPLAY[key]
        return f"{key}_t" if key and not key.startswith(("a_", "scan_")) else key
    if key in DISPLAY:
        return DISPLAY[key]
    if key in TAGGED:
        return f"{key}_t"
    return key


def is_tagged(key: str | None, cell: str = "") -> bool:
    """Whether the labelled wire of ``key`` carries a tag in ``cell``'s diagram."""
    if key is None:
        return False
    if cell in MODERN_TAGGED:
        return key in MODERN_TAGGED[cell]
    return key in TAGGED


def value_numbers(raw: object) -> list[float] | None:
    """The numbers to show for a value (the first example of a batch); None if not numeric."""
    try:
        array = np.asarray(raw, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    if array.ndim == 0:
        array = array.reshape(1)
    while array.ndim > 1:
        array = array[0]
    return [float(v) for v in array]


def format_number(value: float) -> str:
    """Two decimals with a true minus sign."""
    if not np.isfinite(value):
        return str(value)
    text = f"{value:.2f}"
    if text in ("-0.00",):
        text = "0.00"
    return text.replace("-", "−")


def shown_numbers(numbers: Sequence[float]) -> list[str]:
    """At most ``MAX_SHOWN`` formatted numbers, then an ellipsis."""
    texts = [format_number(v) for v in numbers[:MAX_SHOWN]]
    if len(numbers) > MAX_SHOWN:
        texts.append("…")
    return texts


def value_row(key: str, numbers: Sequence[float], cell: str = "") -> str:
    """``f_t = [0.62, 0.45]``."""
    return f"{display_name(key, cell)} = [{', '.join(shown_numbers(numbers))}]"


def value_column(key: str, numbers: Sequence[float]) -> list[str]:
    """``["f_t =", "0.62", "0.45"]``: the same label stacked, to sit beside a vertical wire."""
    return [f"{display_name(key)} =", *shown_numbers(numbers)]


def numeric_values(values: Mapping[str, object] | None) -> dict[str, list[float]]:
    """The numeric entries of a record mapping (others are dropped)."""
    result: dict[str, list[float]] = {}
    for key, raw in (values or {}).items():
        numbers = value_numbers(raw)
        if numbers:
            result[str(key)] = numbers
    return result


_SUBSCRIPT = re.compile(r"_\{([^}]*)\}|_([A-Za-z0-9−]+)")


def split_subscripts(text: str) -> list[tuple[str, bool]]:
    """``"h_t−1 = 0"`` -> ``[("h", False), ("t−1", True), (" = 0", False)]``.

    A subscript is ``_{…}`` or the run of letters, digits and minus signs after ``_``.
    """
    spans: list[tuple[str, bool]] = []
    last = 0
    for match in _SUBSCRIPT.finditer(text):
        if match.start() > last:
            spans.append((text[last : match.start()], False))
        spans.append((match.group(1) if match.group(1) is not None else match.group(2), True))
        last = match.end()
    if last < len(text):
        spans.append((text[last:], False))
    return spans
