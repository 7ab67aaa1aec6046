"""LaTeX of the formula layer as plain unicode text, for the terminal (σ, ⊙, C̃_t, h_{t-1} …).

Only the small subset of LaTeX that ``quizapp.formulas`` writes is handled; anything else passes
through unchanged.
"""

from __future__ import annotations

import re

_COMMANDS: tuple[tuple[str, str], ...] = (
    (r"\left(", "("),
    (r"\right)", ")"),
    (r"\left[", "["),
    (r"\right]", "]"),
    (r"\left|", "|"),
    (r"\right|", "|"),
    (r"\sigma", "σ"),
    (r"\tanh", "tanh"),
    (r"\odot", "⊙"),
    (r"\cdot", "·"),
    (r"\times", "×"),
    (r"\partial", "∂"),
    (r"\delta", "δ"),
    (r"\sum", "Σ"),
    (r"\neq", "≠"),
    (r"\mathrm{mod}", "mod"),
    (r"\quad", "  "),
    (r"\,", " "),
    (r"\ ", " "),
    (r"^{\top}", "ᵀ"),
    (r"^\top", "ᵀ"),
    (r"\top", "ᵀ"),
    (r"\max", "max"),
    (r"\log", "log"),
    (r"\exp", "exp"),
    (r"\phi", "φ"),
    (r"\Delta", "Δ"),
    (r"\sqrt", "√"),
    (r"\bar{A}", "Ā"),
    (r"\bar{B}", "B̄"),
)
_TILDE = re.compile(r"\\tilde\{([A-Za-z])\}")
_TEXT = re.compile(r"\\(?:mathrm|text|operatorname)\{([^{}]*)\}")
_BRACED = re.compile(r"([_^])\{([^{}]*)\}")
_SPACES = re.compile(r"\s{2,}")
_PRIME = re.compile(r"(?<=[A-Za-z])'")  # f'_t: a prime after a letter is written ′


def _unbrace(match: re.Match[str]) -> str:
    marker, group = match.group(1), match.group(2)
    return marker + (group if re.fullmatch(r"[\w,]+", group) else "{" + group + "}")


def latex_to_text(latex: str) -> str:
    """A readable plain-text form of one line of the formula layer's LaTeX."""
    text = _TILDE.sub(lambda m: m.group(1) + "\u0303", latex)
    text = _TEXT.sub(r"\1", text)
    text = _PRIME.sub("′", text)
    for command, replacement in _COMMANDS:
        text = text.replace(command, replacement)
    # a^{i}_{t} -> a^i_t; keep braces where the group holds more than one token (h_{t-1})
    text = _BRACED.sub(_unbrace, text)
    return _SPACES.sub(" ", text).strip()
