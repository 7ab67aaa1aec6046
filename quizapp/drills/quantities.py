"""What a drill can ask: quantity names, their labels, their kind and how they depend on each other.

Forward quantities are the engine's record keys (``f``, ``c``, ``a_f``, …; ``all`` expands to the
spec's output keys); backward ones are ``dc_prev``, ``dh_prev``, ``dc``, ``dx`` and ``da_<gate>``;
framework ones are ``count``, ``shape_output``, ``shape_h_n``, ``shape_c_n``; symbolic ones start with
``formula`` (see ``symbolic_drills``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import engine
from engine.params import resolve_convention
from questions.vocab import Text
from quizapp.drills.errors import DrillError
from quizapp.drills.modern_keys import MODERN_DEPENDS, is_scan_key, modern_label, scan_keys

DRILL_CELLS: tuple[str, ...] = (*engine.CELLS, *MODERN_DEPENDS)
"""Every cell a drill can be about: the classic cells, then the modern ones (minGRU … attention)."""
BACKWARD_CELLS: tuple[str, ...] = ("rnn", "lstm", "gru")
TORCH_CELLS: tuple[str, ...] = ("rnn", "lstm", "gru")
COUNT_CELLS: tuple[str, ...] = ("rnn", "lstm", "gru", "peephole", "cifg", "mgu", "sru")
FRAMEWORK_KEYS: tuple[str, ...] = ("count", "shape_output", "shape_h_n", "shape_c_n")
FORMULA_KEYS: tuple[str, ...] = ("formula_dc_prev", "formula_h", "formula_c_f1_i0", "formula_count")

# Record keys in computation order and their direct inputs, per cell (the engine's keys).
DEPENDS: dict[str, dict[str, tuple[str, ...]]] = {
    "rnn": {"a": (), "h": ("a",)},
    "clockwork": {"a": (), "active": (), "h": ("a", "active")},
    "lstm": {"a_i": (), "a_f": (), "a_g": (), "a_o": (), "i": ("a_i",), "f": ("a_f",),
             "g": ("a_g",), "o": ("a_o",), "c": ("i", "f", "g"), "h": ("o", "c")},
    "peephole": {"a_i": (), "a_f": (), "a_g": (), "a_o": ("c",), "i": ("a_i",), "f": ("a_f",),
                 "g": ("a_g",), "o": ("a_o",), "c": ("i", "f", "g"), "h": ("o", "c")},
    "cifg": {"a_f": (), "a_g": (), "a_o": (), "i": ("f",), "f": ("a_f",), "g": ("a_g",),
             "o": ("a_o",), "c": ("i", "f", "g"), "h": ("o", "c")},
    "depth_gated": {"a_d": (), "a_i": (), "a_f": (), "a_g": (), "a_o": ("c",), "d": ("a_d",),
                    "i": ("a_i",), "f": ("a_f",), "g": ("a_g",), "o": ("a_o",),
                    "c": ("d", "i", "f", "g"), "h": ("o", "c")},
    "gru": {"a_r": (), "a_z": (), "r": ("a_r",), "z": ("a_z",), "s": (), "a_n": ("r",),
            "n": ("a_n",), "h": ("z", "n")},
    "mgu": {"a_f": (), "f": ("a_f",), "a_n": ("f",), "n": ("a_n",), "h": ("f", "n")},
    "sru": {"a_f": (), "a_r": (), "f": ("a_f",), "r": ("a_r",), "u": (), "c": ("f", "u"),
            "h": ("r", "c")},
    **MODERN_DEPENDS,
}  # fmt: skip

_LABELS: dict[str, tuple[str, str, str]] = {
    # key: (LaTeX, English, Chinese)
    "f": ("f_t", "forget gate f_t", "遗忘门 f_t"),
    "i": ("i_t", "input gate i_t", "输入门 i_t"),
    "g": (r"\tilde{C}_t", "candidate cell state C̃_t", "候选记忆元 C̃_t"),
    "o": ("o_t", "output gate o_t", "输出门 o_t"),
    "c": ("C_t", "new cell state C_t", "新记忆元 C_t"),
    "h": ("h_t", "new hidden state h_t", "新隐状态 h_t"),
    "r": ("r_t", "reset gate r_t", "重置门 r_t"),
    "z": ("z_t", "update gate z_t", "更新门 z_t"),
    "n": (r"\tilde{h}_t", "candidate hidden state h̃_t", "候选隐状态 h̃_t"),
    "a": ("a_t", "pre-activation a_t", "预激活 a_t"),
    "d": ("d_t", "depth gate d_t", "深度门 d_t"),
    "u": ("u_t", "input projection u_t = W_c x_t", "输入投影 u_t = W_c x_t"),
    "s": ("s_t", "hidden-side product s_t = U_n h_{t−1} + bh_n",
          "隐状态侧乘积 s_t = U_n h_{t−1} + bh_n"),
    "active": (r"\text{active}", "which modules update (1 or 0)", "哪些模块更新（1 或 0）"),
    "dc_prev": (r"\delta C_{t-1}", "gradient δC_{t−1}", "梯度 δC_{t−1}"),
    "dh_prev": (r"\delta h_{t-1}", "gradient δh_{t−1}", "梯度 δh_{t−1}"),
    "dc": (r"\delta C_t", "total gradient δC_t", "δC_t 的总梯度"),
    "dx": (r"\delta x_t", "gradient δx_t", "梯度 δx_t"),
    "count": (r"\#\,\text{parameters}", "number of parameters", "参数个数"),
    # \mathtt, not \texttt: matplotlib's mathtext has no \texttt (the label showed "texttt…").
    "shape_output": (r"\mathtt{output.shape}", "shape of output", "output 的形状"),
    "shape_h_n": (r"\mathtt{h\_n.shape}", "shape of h_n", "h_n 的形状"),
    "shape_c_n": (r"\mathtt{c\_n.shape}", "shape of c_n", "c_n 的形状"),
    "formula_dc_prev": (r"\partial C_t / \partial C_{t-1}", "∂C_t/∂C_{t−1} as a formula",
                        "∂C_t/∂C_{t−1} 的公式"),
    "formula_h": ("h_t", "the update of h_t as a formula", "h_t 的更新公式"),
    "formula_c_f1_i0": ("C_t", "C_t when f_t = 1 and i_t = 0", "f_t = 1、i_t = 0 时的 C_t"),
    "formula_count": (r"\#\,\text{parameters}", "parameter count as a formula in d and n",
                      "以 d 和 n 表示的参数个数公式"),
}  # fmt: skip


@dataclass(frozen=True)
class QuantityInfo:
    """One askable quantity: its key, how to show its name, and what kind of answer it takes."""

    key: str
    label_latex: str
    label_text: Text
    kind: str  # "vector", "scalar", "shape" or "formula"


def label_of(key: str, cell: str = "", *, two_biases: bool = True) -> tuple[str, Text]:
    """LaTeX and words for a quantity key (pre-activations and δa_k built on the fly); ``cell``
    picks the modern cells' own meaning of a name (``z``, ``n``, ``C``, …). A drill with one
    bias per gate (``two_biases`` False) has no hidden-side bias: the GRU's s_t = U_n h_{t−1}."""
    modern = modern_label(key, cell) if cell in MODERN_DEPENDS or is_scan_key(key) else None
    if modern is not None:
        latex, en, zh = modern
        return latex, Text(en, zh)
    if key in _LABELS:
        latex, en, zh = _LABELS[key]
        if key == "s" and not two_biases:
            en, zh = en.replace(" + bh_n", ""), zh.replace(" + bh_n", "")
        return latex, Text(en, zh)
    if key.startswith("a_"):
        gate = key[2:]
        return f"a_{{{gate}}}", Text(f"pre-activation a_{gate}", f"预激活 a_{gate}")
    if key == "da" or key.startswith("da_"):
        gate = key[3:]
        latex = rf"\delta a_{{{gate}}}" if gate else r"\delta a_t"
        name = f"a_{gate}" if gate else "a_t"
        return latex, Text(f"gradient δ{name}", f"梯度 δ{name}")
    return key, Text(key, key)


def category(key: str) -> str:
    """``forward``, ``backward``, ``framework``, ``formula`` or ``scan``."""
    if is_scan_key(key):
        return "scan"
    if key in FRAMEWORK_KEYS:
        return "framework"
    if key.startswith("formula"):
        return "formula"
    if key in ("dc_prev", "dh_prev", "dc", "dx", "da") or key.startswith("da_"):
        return "backward"
    return "forward"


@cache
def backward_keys(cell: str) -> tuple[str, ...]:
    """Backward quantities of a cell (empty when the engine has no backward step for it)."""
    if cell == "rnn":
        return ("da", "dh_prev", "dx")
    if cell == "lstm":
        return ("dc", "dc_prev", "da_i", "da_f", "da_g", "da_o", "dh_prev", "dx")
    if cell == "gru":
        return ("da_r", "da_z", "da_n", "dh_prev", "dx")
    return ()


def framework_keys(cell: str) -> tuple[str, ...]:
    """Count and shape quantities a cell supports."""
    keys: list[str] = []
    if cell in COUNT_CELLS:
        keys.append("count")
    if cell in TORCH_CELLS:
        keys += ["shape_output", "shape_h_n"]
    if cell == "lstm":
        keys.append("shape_c_n")
    return tuple(keys)


def forward_keys(cell: str, convention: str) -> tuple[str, ...]:
    """Record keys of a cell in the convention (``s`` only in PyTorch's GRU)."""
    keys = tuple(DEPENDS[cell])
    if cell == "gru" and convention != "pytorch":
        keys = tuple(k for k in keys if k != "s")
    return keys


_LSTM_FAMILY = ("lstm", "peephole", "cifg", "depth_gated")


def formula_keys(cell: str) -> tuple[str, ...]:
    """The symbolic drill kinds (``symbolic_drills``) that make sense for ``cell``."""
    keys: list[str] = []
    if cell in _LSTM_FAMILY:
        keys.append("formula_dc_prev")
    if cell in ("lstm", "peephole", "cifg"):
        keys.append("formula_c_f1_i0")
    if cell in ("gru", "mgu"):
        keys.append("formula_h")
    if cell in COUNT_CELLS:
        keys.append("formula_count")
    return tuple(keys)


def quantities_for(
    cell: str, convention: str, *, two_biases: bool = True
) -> tuple[QuantityInfo, ...]:
    """Everything a drill on ``cell`` in ``convention`` can ask, forward keys first (named for a
    drill with ``two_biases`` or, when False, one bias per gate; see ``label_of``)."""
    try:
        convention = resolve_convention(cell, convention or None)
    except engine.EngineError as exc:
        raise DrillError(str(exc)) from exc
    infos: list[QuantityInfo] = []
    for key in (*forward_keys(cell, convention), *backward_keys(cell), *scan_keys(cell)):
        latex, text = label_of(key, cell, two_biases=two_biases)
        infos.append(QuantityInfo(key, latex, text, "vector"))
    for key in framework_keys(cell):
        latex, text = label_of(key)
        infos.append(QuantityInfo(key, latex, text, "scalar" if key == "count" else "shape"))
    for key in formula_keys(cell):
        latex, text = label_of(key)
        infos.append(QuantityInfo(key, latex, text, "formula"))
    return tuple(infos)


def expand(cell: str, convention: str, asked: Iterable[str]) -> tuple[str, ...]:
    """The asked keys with ``all`` expanded to the output keys, duplicates dropped, order kept;
    raises DrillError for unknown keys or a mix of categories."""
    allowed = {
        *forward_keys(cell, convention),
        *backward_keys(cell),
        *framework_keys(cell),
        *formula_keys(cell),
        *scan_keys(cell),
    }
    if formula_keys(cell):
        allowed.add("formula")
    result: list[str] = []
    for key in asked:
        keys = engine.OUTPUT_KEYS[cell] if key == "all" else (key,)
        for one in keys:
            if one not in allowed:
                raise DrillError(
                    f"cannot ask {one!r} for {cell}; expected 'all' or one of: "
                    + ", ".join(sorted(allowed))
                )
            if one not in result:
                result.append(one)
    if not result:
        raise DrillError("ask at least one quantity")
    kinds = {category(key) for key in result}
    if len(kinds) > 1:
        raise DrillError(
            "a drill asks one kind of quantity (forward, backward, count/shape, formula or scan), "
            "got: " + ", ".join(result)
        )
    # keep computation order, so that a later quantity can use the learner's earlier answers
    order = {
        key: index
        for index, key in enumerate(
            (
                *forward_keys(cell, convention),
                *backward_keys(cell),
                *framework_keys(cell),
                *scan_keys(cell),
            )
        )
    }
    return tuple(sorted(result, key=lambda k: order.get(k, len(order))))


# Dependencies through which a change arrives much weakened (the peephole output gate sees C_t only
# through p_o ⊙ C_t inside σ), so a slip upstream may legitimately vanish there.
WEAK_EDGES: frozenset[tuple[str, str, str]] = frozenset(
    {("peephole", "a_o", "c"), ("depth_gated", "a_o", "c")}
)


@cache
def affected(cell: str, sites: frozenset[str], strong_only: bool = False) -> frozenset[str]:
    """Record keys whose value changes when the formulas of ``sites`` change (``strong_only``:
    reached without passing a weak edge)."""
    deps = DEPENDS[cell]
    hit = set(sites)
    changed = True
    while changed:  # the graphs have at most a dozen nodes
        changed = False
        for key, inputs in deps.items():
            if key in hit:
                continue
            if any(k in hit and not (strong_only and (cell, key, k) in WEAK_EDGES) for k in inputs):
                hit.add(key)
                changed = True
    return frozenset(hit)


def ancestors(cell: str, keys: Iterable[str]) -> tuple[str, ...]:
    """The record keys needed to compute ``keys`` (themselves included), in computation order."""
    deps = DEPENDS[cell]
    needed: set[str] = set()
    stack = [k for k in keys if k in deps]
    while stack:
        key = stack.pop()
        if key not in needed:
            needed.add(key)
            stack.extend(deps[key])
    return tuple(k for k in deps if k in needed)
