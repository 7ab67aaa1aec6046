"""Small pieces of a drill sheet's HTML shared by the problem pages and the answer key: escaping,
the formula layer's LaTeX as plain text, and a quantity's name."""

from __future__ import annotations

from html import escape

from questions.vocab import Lang
from quizapp.drills.quantities import label_of
from quizapp.formulas.plain import latex_to_text
from quizapp.richtext import to_html


def esc(text: str) -> str:
    """``text`` escaped for HTML (quotes too)."""
    return escape(text, quote=True)


def plain(latex: str) -> str:
    """A formula of the formula layer as plain unicode, with the true minus of the prose."""
    return latex_to_text(latex).replace("_{t-1}", "_{t−1}").replace("δ ", "δ")


def label_html(key: str, lang: Lang, cell: str = "", *, two_biases: bool = True) -> str:
    """``i<sub>t</sub> (input gate i<sub>t</sub>)``: the symbol with its subscripts, then the words;
    ``cell`` gives the modern cells' own names (the mLSTM's ``den``, ``i_prime``, ``C``, …)."""
    latex, words = label_of(key, cell, two_biases=two_biases)
    symbol = to_html(plain(latex))
    return f"{symbol} ({to_html(words.en)})" if lang == "en" else f"{symbol}（{to_html(words.zh)}）"
