"""Renderers of inline segments: Qt rich text / HTML, HTML with MathJax, Markdown and plain text.

Every piece of the source text is escaped for its target, so a question can never inject markup:
``to_html`` escapes with ``html.escape``; ``to_mathjax`` also escapes LaTeX's special characters
inside ``\\( … \\)``; ``to_markdown`` takes the caller's escaper for plain text (the exports have one).
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Callable

from quizapp.richtext.segments import MACRON, TILDE, Code, Math, Plain, Segment, segments


def _html_text(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def math_html(piece: Math) -> str:
    """A math segment as HTML: the base, then ``<sub>`` and ``<sup>``."""
    parts = [html.escape(piece.base, quote=False)]
    # Raised before lowered (h^(2)_{t−1} reads as h⁽²⁾ₜ₋₁): HTML cannot stack the two.
    if piece.sup:
        parts.append(f"<sup>{html.escape(piece.sup, quote=False)}</sup>")
    if piece.sub:
        parts.append(f"<sub>{html.escape(piece.sub, quote=False)}</sub>")
    return "".join(parts)


def _html_of(piece: Segment) -> str:
    if isinstance(piece, Code):
        return f"<code>{html.escape(piece.text, quote=False)}</code>"
    if isinstance(piece, Math):
        return math_html(piece)
    return _html_text(piece.text)


def to_html(text: str) -> str:
    """``text`` as Qt rich text (also valid HTML): escaped, code in ``<code>``, scripts raised."""
    return "".join(_html_of(piece) for piece in segments(text))


_LATEX_SPECIAL = {
    "\\": r"\backslash{}", "{": r"\{", "}": r"\}", "#": r"\#", "$": r"\$", "%": r"\%",
    "&": r"\&", "_": r"\_", "^": r"\^{}", "~": r"\sim{}",
}  # fmt: skip
_LATEX_SYMBOLS = {
    "σ": r"\sigma ", "δ": r"\delta ", "∂": r"\partial ", "α": r"\alpha ", "β": r"\beta ",
    "γ": r"\gamma ", "λ": r"\lambda ", "η": r"\eta ", "θ": r"\theta ", "μ": r"\mu ",
    "ε": r"\epsilon ", "τ": r"\tau ", "φ": r"\phi ", "ω": r"\omega ", "π": r"\pi ",
    "ρ": r"\rho ", "Δ": r"\Delta ", "Σ": r"\Sigma ", "−": "-", "·": r"\cdot ", "⊙": r"\odot ",
    "×": r"\times ", "′": "'", "″": "''",
}  # fmt: skip


_ACCENTS = {TILDE: "tilde", MACRON: "bar"}  # a combining accent and its LaTeX command


def _latex_chars(text: str) -> str:
    text = unicodedata.normalize("NFD", text)  # Ā, ĩ: the letter, then its combining accent
    out: list[str] = []
    for index, char in enumerate(text):
        if char in (TILDE, MACRON):
            continue
        latex = _LATEX_SPECIAL.get(char) or _LATEX_SYMBOLS.get(char, char)
        accent = _ACCENTS.get(text[index + 1]) if index + 1 < len(text) else None
        if accent:
            latex = rf"\{accent}{{{latex}}}"
        out.append(latex)
    return "".join(out).strip()


def _latex_script(text: str) -> str:
    """A script in LaTeX: a word of several letters upright (``prev``), anything else as math."""
    if len(text) > 1 and text.isascii() and text.isalpha():
        return rf"\mathrm{{{text}}}"
    return _latex_chars(text)


def math_latex(piece: Math) -> str:
    """A math segment as LaTeX (``C_{t-1}``, ``\\tilde{C}_{t}``, ``{}^{10}``)."""
    latex = _latex_chars(piece.base) or "{}"
    if piece.sub:
        latex += f"_{{{_latex_script(piece.sub)}}}"
    if piece.sup:
        latex += f"^{{{_latex_script(piece.sup)}}}"
    return latex


def to_mathjax(text: str) -> str:
    """``text`` as HTML for Anki: math as MathJax ``\\( … \\)``, code in ``<code>``, all escaped."""
    parts: list[str] = []
    for piece in segments(text):
        if isinstance(piece, Math):
            parts.append(r"\(" + html.escape(math_latex(piece), quote=False) + r"\)")
        else:
            parts.append(_html_of(piece))
    return "".join(parts)


def _code_span(text: str) -> str:
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def to_markdown(text: str, escape: Callable[[str], str]) -> str:
    """``text`` as Markdown: plain text through ``escape``, code spans, ``<sub>``/``<sup>``."""
    parts: list[str] = []
    for piece in segments(text):
        if isinstance(piece, Code):
            parts.append(_code_span(piece.text))
        elif isinstance(piece, Math):
            parts.append(math_html(piece))
        else:
            parts.append(escape(piece.text))
    return "".join(parts)


def to_plain_math(piece: Math) -> str:
    """A math segment in the bank's own notation, normalised (``h_{t−1}``, ``e^(−a)``)."""
    parts = [piece.base]
    if piece.sub:
        parts.append(f"_{piece.sub}" if len(piece.sub) == 1 else f"_{{{piece.sub}}}")
    if piece.sup:
        simple = piece.sup.replace(".", "").isalnum() or piece.sup.startswith("(")
        parts.append(f"^{piece.sup}" if simple else f"^({piece.sup})")
    return "".join(parts)


def to_plain(text: str) -> str:
    """``text`` for a terminal: code without backticks, scripts written ``C_t``, ``h_{t−1}``."""
    return "".join(
        piece.text if isinstance(piece, Plain | Code) else to_plain_math(piece)
        for piece in segments(text)
    )


_SUBSCRIPTS = dict(
    zip("0123456789+−-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", strict=True)
)
_SUPERSCRIPTS = dict(
    zip(
        "0123456789+−-=()abcdefghijklmnoprstuvwxyz",
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ",
        strict=True,
    )
)


def _raised(script: str, table: dict[str, str]) -> str | None:
    """``script`` in Unicode sub- or superscript characters, or None when one has none."""
    chars = [table.get(char) for char in script]
    return None if any(c is None for c in chars) else "".join(c for c in chars if c)


def to_unicode(text: str) -> str:
    """``text`` for widgets that show no markup (lists, combo boxes, check boxes): ``hₜ₋₁``.

    A script with a character Unicode cannot lower or raise (``W_f``) keeps the ``_``/``^`` form.
    """
    parts: list[str] = []
    for piece in segments(text):
        if isinstance(piece, Plain | Code):
            parts.append(piece.text)
            continue
        lowered = _raised(piece.sub, _SUBSCRIPTS) if piece.sub else ""
        raised = _raised(piece.sup, _SUPERSCRIPTS) if piece.sup else ""
        if lowered is None or raised is None:
            parts.append(to_plain_math(piece))
        else:
            parts.append(piece.base + (raised or "") + (lowered or ""))
    return "".join(parts)


def to_terminal(text: str) -> str:
    """``text`` for a terminal, with no markup left: ``to_unicode``, and where Unicode has no
    lowered form for a subscript, the subscript after a bare ``_`` (``C_low``, ``Δ_(t,j)``).

    Code is shown without its backticks (as ``to_plain`` and ``to_unicode`` do)."""
    parts: list[str] = []
    for piece in segments(text):
        if isinstance(piece, Plain | Code):
            parts.append(piece.text)
            continue
        shown = to_unicode(to_plain_math(piece))
        if piece.sub and "_{" in shown:
            sub = piece.sub if piece.sub.replace(".", "").isalnum() else f"({piece.sub})"
            shown = shown.replace(f"_{{{piece.sub}}}", f"_{sub}", 1)
        parts.append(shown)
    return "".join(parts)
