"""Split a text of the bank into plain text, code and math segments (no Qt, no evaluation).

The bank writes math as plain text: ``h_t``, ``h_{t-1}``, ``C̃_t``, ``W_f``, ``e^(−a/2)``,
``h^(2)_{t-1}``; code between backticks, and Python identifiers (``hidden_size``,
``weight_ih_l0``, ``h_n.shape``) bare. A name is math when its base is one or two letters
(optionally with a tilde or a bar, or after ``d``/``δ``/``∂``; a prime may follow: ``i′_t``) and its
subscript ends the word; a longer snake_case or dotted word is code. LaTeX leftovers (``\\texttt{…}``, ``\\tilde{C}``, ``\\sigma``,
``\\_``) are turned into the same notation first; any other backslash is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

TILDE = "\u0303"  # combining tilde: C̃ is "C" + TILDE
MACRON = "\u0304"  # combining macron: B̄ is "B" + MACRON (Mamba's discretised B̄_t; Ā is precomposed)


@dataclass(frozen=True)
class Plain:
    """Text shown as it is."""

    text: str


@dataclass(frozen=True)
class Code:
    """Code or an identifier, shown in a monospace font."""

    text: str


@dataclass(frozen=True)
class Math:
    """A symbol with a subscript and/or a superscript; ``base`` may be empty (``0.9^66``)."""

    base: str
    sub: str = ""
    sup: str = ""


Segment = Plain | Code | Math

_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "eta": "η",
    "theta": "θ", "lambda": "λ", "mu": "μ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ",
    "phi": "φ", "omega": "ω", "Delta": "Δ", "Sigma": "Σ", "partial": "∂", "odot": "⊙",
    "cdot": "·", "times": "×", "leq": "≤", "geq": "≥", "neq": "≠", "approx": "≈",
    "to": "→", "infty": "∞", "sum": "Σ", "nabla": "∇", "tanh": "tanh", "exp": "exp",
    "log": "log", "ldots": "…", "dots": "…", "quad": " ", "left": "", "right": "",
}  # fmt: skip

_LETTER = "A-Za-zα-ωΑ-Ω"
PRIMES = "′″"  # a prime belongs to its name: i′_t is i′ with subscript t (xLSTM, minLSTM)
# A math name: one or two letters (each may carry a tilde), optionally after d, δ or ∂, then an
# optional prime.
# Letters that carry a tilde or a bar precomposed (Ā, ĩ): the bank writes both forms.
_ACCENTED = "ÃãẼẽĨĩÑñÕõŨũỸỹĀāĒēĪīŌōŪūȲȳ"
_BASE = rf"(?:[dδ∂](?=[{_LETTER}]))?(?:[{_LETTER}{_ACCENTED}][{TILDE}{MACRON}]?){{1,2}}[{PRIMES}]?"
_SUB = re.compile(r"_(?:\{(?P<braced>[^{}]*)\}|(?P<word>[A-Za-z0-9]+)(?![A-Za-z0-9_]))")
_SUP = re.compile(
    r"\^(?:\{(?P<braced>[^{}]*)\}|\((?P<group>[^()]*)\)|(?P<word>[−-]?[A-Za-z0-9]+(?:\.[0-9]+)?))"
)
_NOT_AFTER_WORD = r"(?<![A-Za-z0-9_.])"
_NAME = re.compile(rf"{_NOT_AFTER_WORD}{_BASE}(?=[_^])")
# An identifier with an underscore (dotted parts allowed): hidden_size, torch.nn.utils.clip_grad_norm_.
_STARTS = frozenset(
    "^dδ∂ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzαβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ"
    + _ACCENTED
)
_IDENTIFIER = re.compile(
    rf"{_NOT_AFTER_WORD}[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)*_(?:[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)*_?)?"
)
_BACKTICKS = re.compile(r"`([^`\n]+)`")
_TEXTTT = re.compile(r"\\(?:texttt|mathtt)\{((?:[^{}]|\\[{}])*)\}")
_WRAPPER = re.compile(r"\\(?:text|mathrm|mathit|mathbf|operatorname)\{([^{}]*)\}")
_TILDE_CMD = re.compile(r"\\(?:tilde|widetilde)\{([A-Za-zα-ωΑ-Ω])\}")
_COMMAND = re.compile(r"\\([A-Za-z]+)")


def _from_latex(text: str) -> str:
    """LaTeX leftovers written in the bank's plain notation (code as backticks)."""
    text = _TEXTTT.sub(lambda m: "`" + m.group(1).replace("\\_", "_") + "`", text)
    text = _WRAPPER.sub(lambda m: m.group(1), text)
    text = _TILDE_CMD.sub(lambda m: m.group(1) + TILDE, text)
    text = _COMMAND.sub(lambda m: _GREEK.get(m.group(1), m.group(1)), text)
    for escaped, plain in (("\\_", "_"), ("\\#", "#"), ("\\%", "%"), ("\\&", "&"), ("\\,", " ")):
        text = text.replace(escaped, plain)
    text = text.replace("\\{", "{").replace("\\}", "}")
    return text.replace("\\", "")


def _script(text: str) -> str:
    """A subscript or superscript as shown: a hyphen between terms is a minus sign."""
    return text.replace("-", "−").strip()


def _sup_text(match: re.Match[str]) -> str:
    group = match.group("group")
    if group is not None:
        # h^(2): a layer index keeps its parentheses; e^(−a/2) needs none once raised.
        return f"({group.strip()})" if group.strip().isdigit() else _script(group)
    return _script(match.group("braced") or match.group("word") or "")


def _math_at(text: str, position: int) -> tuple[Math, int] | None:
    """A name with its scripts (or a lone superscript) starting at ``position``."""
    name = _NAME.match(text, position)
    base, end = (name.group(0), name.end()) if name is not None else ("", position)
    sub = sup = ""
    for _ in range(2):
        sub_match = None if sub or not base else _SUB.match(text, end)
        if sub_match is not None:
            sub, end = (
                _script(sub_match.group("braced") or sub_match.group("word")),
                sub_match.end(),
            )
            continue
        sup_match = None if sup else _SUP.match(text, end)
        if sup_match is not None:
            sup, end = _sup_text(sup_match), sup_match.end()
            continue
        break
    if not (sub or sup):
        return None
    return Math(base, sub, sup), end


def _split_plain(text: str) -> list[Segment]:
    """Math, identifiers and plain text of a piece with no backticks."""
    result: list[Segment] = []
    plain_start = 0
    position = 0
    while position < len(text):
        math = _math_at(text, position) if text[position] in _STARTS else None
        word = _IDENTIFIER.match(text, position)
        found: Segment | None = None
        end = position
        if word is not None and (math is None or word.end() > math[1]):
            found, end = Code(word.group(0)), word.end()
        elif math is not None:
            found, end = math
        if found is None:
            position += 1
            continue
        if plain_start < position:
            result.append(Plain(text[plain_start:position]))
        result.append(found)
        position = plain_start = end
    if plain_start < len(text):
        result.append(Plain(text[plain_start:]))
    return result


@lru_cache(maxsize=4096)
def segments(text: str) -> tuple[Segment, ...]:
    """``text`` as plain, code and math segments, in order (adjacent plain pieces merged)."""
    if "\\" in text:
        text = _from_latex(text)
    pieces: list[Segment] = []
    start = 0
    for match in _BACKTICKS.finditer(text):
        pieces.extend(_split_plain(text[start : match.start()]))
        pieces.append(Code(match.group(1)))
        start = match.end()
    pieces.extend(_split_plain(text[start:]))
    merged: list[Segment] = []
    for piece in pieces:
        if isinstance(piece, Plain) and merged and isinstance(merged[-1], Plain):
            merged[-1] = Plain(merged[-1].text + piece.text)
        elif not (isinstance(piece, Plain) and not piece.text):
            merged.append(piece)
    return tuple(merged)
