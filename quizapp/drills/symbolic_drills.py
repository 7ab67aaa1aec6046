"""Symbolic drills: answers that are formulas, checked for equivalence by the symbolic grader.

Kinds (quantity keys): ``formula_dc_prev`` (∂C_t/∂C_{t−1} along the cell path, LSTM family),
``formula_h`` (the GRU/MGU state update in the drill's convention), ``formula_c_f1_i0`` (C_t when
f_t = 1 and i_t = 0) and ``formula_count`` (the parameter count of one layer as a formula in d and n).
``quantities.formula_keys`` says which of them a cell offers.
Expressions are written in the reader's whitelist syntax; nothing here parses text.
"""

from __future__ import annotations

from questions.vocab import Text
from quizapp.drills.model import FormulaAsk
from quizapp.drills.texts import cell_name

_BLOCKS = {"rnn": 1, "lstm": 4, "gru": 3, "cifg": 3, "mgu": 2}

# What a symbol stands for when that is words, not notation (f_t, C̃_t read the same in both
# languages): English as stored in ``FormulaAsk.meanings``, Chinese as the prompts say it.
_MEANINGS_ZH = {"input size": "输入维度", "hidden size": "隐状态维度"}


def meaning_in(meaning: str, lang: str) -> str:
    """A symbol's meaning (``FormulaAsk.meanings``) in ``lang``: "input size" -> "输入维度"."""
    return _MEANINGS_ZH.get(meaning, meaning) if lang == "zh" else meaning


def meanings_in(ask: FormulaAsk, lang: str) -> tuple[tuple[str, str], ...]:
    """Each (symbol, meaning) of ``ask`` with the meaning in ``lang``."""
    return tuple((symbol, meaning_in(meaning, lang)) for symbol, meaning in ask.meanings)


def _count_formula(cell: str, biases: int) -> tuple[str, str]:
    """(right formula, formula without any bias) for one layer."""
    if cell == "peephole":
        return "4*(n*(n+d)+n)+3*n", "4*n*(n+d)+3*n"
    if cell == "sru":
        return "3*n*d+4*n", "3*n*d+2*n"
    blocks = _BLOCKS[cell]
    bias = "n" if biases == 1 else "2*n"
    prefix = "" if blocks == 1 else f"{blocks}*"
    return f"{prefix}(n*(n+d)+{bias})", f"{prefix}n*(n+d)"


def formula_ask(cell: str, convention: str, key: str, *, two_biases: bool) -> FormulaAsk:
    """The expected expression, symbols and catalogued wrong forms of one symbolic drill."""
    if key == "formula_dc_prev":
        return FormulaAsk(
            "f",
            ("f", "i", "g", "o", "C_prev"),
            (("f", "f_t"), ("i", "i_t"), ("g", "C̃_t"), ("o", "o_t"), ("C_prev", "C_{t−1}")),
            (("bw-input-gate", "i"), ("bw-no-forget", "1")),
        )
    if key == "formula_c_f1_i0":
        return FormulaAsk(
            "C_prev",
            ("C_prev", "g"),
            (("C_prev", "C_{t−1}"), ("g", "C̃_t")),
            (("cell-swap-fi", "g"), ("cell-no-input-gate", "C_prev+g")),
        )
    if key == "formula_h":
        gate = "f" if cell == "mgu" else "z"
        if cell == "mgu" or convention == "colah":
            right = f"(1-{gate})*h_prev+{gate}*h_tilde"
            other, no_carry = f"{gate}*h_prev+(1-{gate})*h_tilde", f"{gate}*h_tilde"
        else:
            right = f"(1-{gate})*h_tilde+{gate}*h_prev"
            other, no_carry = f"{gate}*h_tilde+(1-{gate})*h_prev", f"(1-{gate})*h_tilde"
        return FormulaAsk(
            right,
            (gate, "h_tilde", "h_prev"),
            ((gate, f"{gate}_t"), ("h_tilde", "h̃_t"), ("h_prev", "h_{t−1}")),
            (("gru-z-swapped", other), ("gru-no-carry", no_carry)),
        )
    if key == "formula_count":
        biases = 2 if two_biases and cell in ("rnn", "lstm", "gru") else 1
        right, no_bias = _count_formula(cell, biases)
        wrong = [("no-bias", no_bias)]
        if biases == 2:
            wrong.append(("count-one-bias", _count_formula(cell, 1)[0]))
        return FormulaAsk(right, ("d", "n"), (("d", "input size"), ("n", "hidden size")),
                          tuple(wrong))  # fmt: skip
    raise ValueError(f"unknown formula drill {key!r}")


def formula_prompt(cell: str, convention: str, key: str, ask: FormulaAsk, two_biases: bool) -> Text:
    """The question of a symbolic drill, naming the symbols the learner may use."""
    names = ", ".join(f"{name} = {meaning}" for name, meaning in meanings_in(ask, "en"))
    names_zh = "，".join(f"{name} = {meaning}" for name, meaning in meanings_in(ask, "zh"))
    if key == "formula_dc_prev":
        en = (
            "Along the cell path only (treat the gates as constants), what is ∂C_t/∂C_{t−1} "
            "(element-wise)?"
        )
        zh = "只沿记忆元路径（把各门视为常数），∂C_t/∂C_{t−1}（逐元素）等于什么？"
    elif key == "formula_c_f1_i0":
        en, zh = "What is C_t when f_t = 1 and i_t = 0?", "当 f_t = 1 且 i_t = 0 时，C_t 等于什么？"
    elif key == "formula_h":
        en = f"Write the {cell.upper()} state update h_t in the stated convention."
        zh = f"按题目给定的约定写出 {cell.upper()} 的状态更新 h_t。"
    else:
        biases = (
            "two biases per gate (PyTorch)"
            if two_biases and cell in _BLOCKS and cell not in ("cifg", "mgu")
            else "one bias per gate"
        )
        biases_zh = "每个门两个偏置（PyTorch）" if "two" in biases else "每个门一个偏置"
        en = (
            f"How many parameters does one {cell_name(cell).en} layer with input size d and hidden size n have "
            f"({biases})? Answer as a formula in d and n."
        )
        zh = f"输入维度为 d、隐状态维度为 n 的一层 {cell_name(cell).zh} 有多少参数（{biases_zh}）？用 d 和 n 的公式作答。"
    return Text(f"{en} Use: {names}.", f"{zh} 可用符号：{names_zh}。")
