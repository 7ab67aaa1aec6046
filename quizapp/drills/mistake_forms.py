"""A catalogued mistake written with the drill's own gates and convention.

The catalogue keeps one example formula per mistake (an LSTM's ``f_t = tanh(a_f)``); a GRU drill
must show its own gates (``r_t = tanh(a_r)``), its own update rule and its own activation, so the
feedback asks here for the mistake as it was made in this drill (``detail`` is where: a gate letter,
``all gates``, an activation name, …, as the variants record it).
"""

from __future__ import annotations

from dataclasses import replace

from quizapp.drills.mistakes import MISTAKES, Mistake
from quizapp.drills.quantities import label_of
from quizapp.drills.variants import AFFINE_GATES, CANDIDATE, SIGMOID_GATES


def _gate_of(detail: str, gates: tuple[str, ...]) -> str:
    """The gate a detail names (``"f"``, ``"f (U)"``), else the cell's first gate."""
    head = detail.split(" ", 1)[0]
    return head if head in gates else (gates[0] if gates else "")


def _pre(
    cell: str, gate: str, *, bias: bool = True, recurrent: bool = True, t: bool = False
) -> str:
    if cell in ("rnn", "clockwork"):
        w, u, b = ("W^\\top", "U^\\top", "b") if t else ("W", "U", "b")
        terms = [f"{w} x_t", f"{u} h_{{t-1}}" if recurrent else "", b if bias else ""]
        return " + ".join(term for term in terms if term)
    if cell == "sru":
        terms = [f"W_{gate} x_t", rf"v_{gate} \odot C_{{t-1}}" if recurrent else "",
                 f"b_{gate}" if bias else ""]  # fmt: skip
        return " + ".join(term for term in terms if term)
    top = "^\\top" if t else ""
    terms = [f"W_{gate}{top} x_t", f"U_{gate}{top} h_{{t-1}}" if recurrent else "",
             f"b_{gate}" if bias else ""]  # fmt: skip
    return " + ".join(term for term in terms if term)


def _a(cell: str, gate: str) -> str:
    return "a_t" if cell in ("rnn", "clockwork") else f"a_{gate}"


def _update(cell: str, convention: str, form: str) -> str:
    """GRU/MGU updates: the right one, ``swapped`` or ``no-carry``, in the drill's letters."""
    z = "f_t" if cell == "mgu" else "z_t"
    new_is_z = cell == "mgu" or convention == "colah"  # weight of the candidate
    new, old = (z, f"(1 - {z})") if new_is_z else (f"(1 - {z})", z)
    if form == "swapped":
        new, old = old, new
    if form == "no-carry":
        return rf"h_t = {new} \odot \tilde{{h}}_t"
    return rf"h_t = {new} \odot \tilde{{h}}_t + {old} \odot h_{{t-1}}"


def _formula(mistake_id: str, cell: str, convention: str, detail: str) -> str | None:
    """The mistaken formula in this drill's letters, or None to keep the catalogue's."""
    affine = AFFINE_GATES.get(cell, ("",))
    gate = _gate_of(detail, affine)
    reset = "f_t" if cell == "mgu" else "r_t"
    if mistake_id == "gate-tanh":
        sig = _gate_of(detail, SIGMOID_GATES.get(cell, ("f",)))
        return rf"{label_of(sig)[0]} = \tanh(a_{sig})"
    if mistake_id == "candidate-sigmoid" and cell in CANDIDATE:
        key = CANDIDATE[cell]
        return rf"{label_of(key)[0]} = \sigma(a_{key})"
    if mistake_id == "no-bias":
        # "bh everywhere": PyTorch's hidden-side bias left out, the input-side b kept
        kept = detail.startswith("bh")
        return f"{_a(cell, gate)} = {_pre(cell, gate, bias=kept)}"
    if mistake_id == "no-recurrent":
        return f"{_a(cell, gate)} = {_pre(cell, gate, recurrent=False)}"
    if mistake_id == "transposed-weight" and not detail.startswith("dh"):
        return f"{_a(cell, gate)} = {_pre(cell, gate, t=True)}"
    if mistake_id == "rnn-wrong-activation":
        name = {"sigmoid": r"\sigma", "tanh": r"\tanh", "relu": r"\mathrm{relu}"}.get(detail)
        inside = _pre(cell, "")
        return f"h_t = {name}({inside})" if name else f"h_t = {inside}"
    if cell in ("gru", "mgu"):
        if mistake_id == "gru-z-swapped":
            return _update(cell, convention, "swapped")
        if mistake_id == "gru-no-carry":
            return _update(cell, convention, "no-carry")
        if mistake_id == "gru-reset-before" and not (cell == "gru" and convention == "pytorch"):
            return rf"\tilde{{h}}_t = \tanh(W_n x_t + b_n + {reset} \odot (U_n h_{{t-1}}))"
        if mistake_id == "gru-reset-before":
            return rf"\tilde{{h}}_t = \tanh(W_n x_t + U_n ({reset} \odot h_{{t-1}}) + b_n)"
    if mistake_id == "cell-no-forget-gate" and cell == "depth_gated":
        return r"C_t = d_t \odot C_{low} + C_{t-1} + i_t \odot \tilde{C}_t"
    return None


def mistake_for(mistake_id: str, cell: str, convention: str, detail: str = "") -> Mistake:
    """The catalogue's mistake with its formula written for this cell, convention and place."""
    mistake = MISTAKES[mistake_id]
    if cell not in AFFINE_GATES:  # the modern cells' entries are written for their own cell
        return mistake
    formula = _formula(mistake_id, cell, convention, detail)
    return mistake if formula is None else replace(mistake, formula_latex=formula)
