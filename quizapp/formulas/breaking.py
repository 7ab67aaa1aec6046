"""Breaking a long worked-solution line into shorter ones (no Qt): a 3 × 3 step with every number
put in is wider than the sheet, so it is shown as several lines, broken before a `` + `` or an
`` = ``, instead of scrolling sideways.

The pieces stay valid for the renderer: ``\\left(`` / ``\\right)`` become plain parentheses (the
contents are flat numbers, so nothing needs growing brackets) and a continuation line starts with
its ``+`` or ``=``.
"""

from __future__ import annotations

import re

_SIZING = re.compile(r"\\(?:left|right)\b")
_COMMAND = re.compile(r"\\[A-Za-z]+|\\.")
_BREAKS = re.compile(r" (?=\+ |= )")


def visible_length(latex: str) -> int:
    """About how many characters ``latex`` shows: a command such as ``\\cdot`` counts as one,
    ``\\left`` / ``\\right``, braces, subscript marks and spaces as none."""
    text = _COMMAND.sub("x", _SIZING.sub("", latex))
    return sum(1 for ch in text if ch not in "{}_^ ")


def flat_parentheses(latex: str) -> str:
    """``\\left(`` and ``\\right)`` as plain parentheses (so that a piece may hold just one)."""
    return latex.replace(r"\left(", "(").replace(r"\right)", ")")


def break_latex(latex: str, max_chars: int) -> tuple[str, ...]:
    """``latex`` in lines of at most about ``max_chars`` visible characters, broken before
    `` + `` and `` = `` (a single term longer than that stays whole); a line that fits is
    returned unchanged."""
    if visible_length(latex) <= max_chars:
        return (latex,)
    pieces = _BREAKS.split(flat_parentheses(latex))
    lines: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current} {piece}" if current else piece
        if current and visible_length(candidate) > max_chars:
            lines.append(current)
            current = piece
        else:
            current = candidate
    lines.append(current)
    return tuple(lines)
