"""Key points written as formulas, compared by structure with the equations an answer writes.

A key point may carry formulas (``formula: "δa_t = δh_t ⊙ (1 - h_t²)"`` in the bank). When an
answer writes an equation with the same left side, its right side is read with the safe expression
reader (``quizapp.grading.reader``; nothing typed reaches ``eval`` or ``sympify``) and compared with
the key's at random points (``quizapp.grading.symbolic.numeric_outcome``):

- equal at every point: the formula is written right;
- different: it is written wrong ("δa_t = δh_t + (1 − h_t²)", "h_t = o_t + tanh(C_t)"), whatever
  right-looking words surround it;
- anything else (a symbol the key formula does not use and no common one such as ``x_t``, notation
  the reader does not know, a right side that does not parse) decides nothing, and the point's
  claims decide as before.

Both sides are first rewritten into the reader's plain names, the same way for the key and for the
answer: subscripts (``C_{t-1}``, ``C_t-1``, ``C_(t−1)`` → ``c_tm1``), δ and ∂ (``δh_t`` → ``dh``),
the tilde of the candidate (``C̃_t`` → ``ctilde``, and PyTorch's ``g_t`` with it), the current
step (``h_t`` is ``h``: "δC ⊙ f" and "δC_t ⊙ f_t" say the same), products
(``⊙ ∘ · × *``), superscripts (``²``), transposes (dropped), ``Σ_t`` and ``diag(·)`` (dropped),
``softmax`` (read as ``exp``: the structure is what is compared), "perplexity" / 困惑度 (``PPL``)
and case (``C_t`` is ``c_t``).
The comparison treats every symbol as a number: it checks which terms are added, multiplied and
passed through which function, not matrix shapes or transposes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from quizapp.grading.reader import ExpressionReading, read_expression

# Symbols an answer's formula may use besides the key formula's own (any other name leaves the
# formula undecided).
COMMON_SYMBOLS = frozenset(
    {"x", "h", "h_tm1", "h_tp1", "c", "c_tm1", "ctilde", "htilde", "f", "i", "o", "z", "r", "y"}
    | {"w", "u", "v", "b"}
)
_FUNCTIONS = frozenset({"tanh", "exp", "sigmoid", "sig", "ln", "log", "sqrt", "pi", "e"})
_LONGEST_SIDE = 160

_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"[\u2010-\u2015\u2212\ufe63\uff0d]", "-"),
        (r"[⊙∘·×∙⋅]", "*"),
        (r"\\odot|\\circ|\\cdot|\\times", "*"),
        (r"\\tilde\{([A-Za-z])\}", r"\1tilde"),
        (r"([A-Za-z])\u0303", r"\1tilde"),
        (r"²", "^2"),
        (r"³", "^3"),
        (r"\^\s*\{?(?:T|⊤|\\top)\}?(?![A-Za-z0-9])|[ᵀ⊤]", ""),
        (r"(tanh|σ|sigmoid)\s*[′']", r"d\1"),
        (r"[′ʹ’]", "'"),  # a prime, however typed: f′ is f'
        (r"(?i)\bperplexity\b|困惑度", "PPL"),  # the name written out is the symbol
        (r"\\sigma", "σ"),
        (r"[Σ∑]\s*(?:_\s*\{?\s*[A-Za-z]\s*\}?)?|\\sum(?:_\{?[A-Za-z]\}?)?", ""),
        (r"\bdiag\s*\(", "("),
        (r"\bsoftmax\s*\(", "exp("),
        (r"[φϕ]", " phi "),
        (r"[δ∂]", "d"),
        (r"_\s*[{(]\s*([A-Za-z])\s*([-+])\s*1\s*[})]", r"_\1\2 1"),
        (r"_\s*\{\s*([A-Za-z0-9]+)\s*\}", r"_\1"),
        (r"_([A-Za-z])([-+])\s*1(?![0-9.])", r"_\1\2 1"),
    )
)
_STEP = re.compile(r"_([A-Za-z])([-+]) 1")
_CANDIDATE = re.compile(r"\bg(_t|_tm1|_tp1)?\b")
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_CURRENT_STEP = re.compile(r"_t\b")  # h_t is h: the step is implied where no other is written


def plain(text: str) -> str:
    """``text`` with the notation rewritten into the reader's plain, lower-case names."""
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    text = _STEP.sub(lambda m: f"_{m.group(1)}{'m' if m.group(2) == '-' else 'p'}1", text)
    text = _CANDIDATE.sub(lambda m: "ctilde" + (m.group(1) or ""), text.lower())
    return _CURRENT_STEP.sub("", text)


_NUMBER = re.compile(r"\s*-?\d+(?:\.\d+)?\s*")
_ONE_NAME = re.compile(r"\s*[A-Za-z_][A-Za-z0-9_']*\s*")


def _value_for_a_case(written: str, key: str) -> bool:
    """Whether a right side is a value for one case, not the formula: a number, or one name the
    key formula does not use ("a uniform model has PPL = V" against PPL = exp(L)). One of the
    key's own names is a formula written wrong ("δa_t = δh_t", the tanh′ left out)."""
    if _NUMBER.fullmatch(key) or _ONE_NAME.fullmatch(key):
        return False
    if _NUMBER.fullmatch(written):
        return True
    return bool(_ONE_NAME.fullmatch(written)) and not names_in(written) <= names_in(key)


def names_in(text: str) -> set[str]:
    """The symbol names of a plain formula side (function names excluded)."""
    return {n for n in _NAME.findall(text) if n not in _FUNCTIONS}


@dataclass(frozen=True)
class Equation:
    """An equation as written in an answer, and its two sides rewritten plain."""

    written: str
    left: str
    right: str


# The left side: the one formula-like word right before "=" ("δh_t", "∂L/∂U", "C_{t-1}").
_LEFT = re.compile(r"([^\s=,，;；:：。(（]+)\s*$")
# Words that end a right side written inline in a sentence.
_RIGHT_STOP = re.compile(
    r"\s+(?:so|and|where|which|then|because|since|with|for|is|are|in|that|to|of|as|when|if|but|"
    r"while|the|a|an|it|this|gives|means|plus|not|from|by|at|on)\b",
    re.I,
)


def _ends_side(text: str, index: int) -> bool:
    char = text[index]
    if char in ",;，；。=＝:：\n" or "\u4e00" <= char <= "\u9fff":
        return True
    return char == "." and (index + 1 == len(text) or text[index + 1].isspace())


def _right_side(text: str) -> str:
    """The right side: up to the end of its statement, and before a bracketed remark that holds
    an equation of its own ("… + Uᵀ δa_{t+1} (δa_{T+1} = 0)")."""
    opened: list[int] = []
    for index, char in enumerate(text):
        if char in "([{（":
            opened.append(index)
        elif char in ")]}）":
            if not opened:
                return text[:index]
            opened.pop()
        elif opened and char in "=＝":
            return text[: opened[0]]
        elif not opened and _ends_side(text, index):
            return text[:index]
    return text


def equations_in(answer: str) -> list[Equation]:
    """Every ``left = right`` an answer writes (a chain ``a = b = c`` gives ``a = b``)."""
    found: list[Equation] = []
    for match in re.finditer("[=＝]", answer):
        before = answer[: match.start()]
        if before.endswith(("<", ">", "!", "=")) or answer[match.end() : match.end() + 1] == "=":
            continue
        left = _LEFT.search(before)
        if left is None:
            continue
        right = _right_side(answer[match.end() :]).strip()
        stop = _RIGHT_STOP.search(right)
        if stop is not None:
            right = right[: stop.start()].strip()
        if not right or len(right) > _LONGEST_SIDE:
            continue
        plain_right = plain(right)
        if _DEFINITION.fullmatch(_compact(plain_right)):
            continue  # "δh_t = ∂L/∂h_t" names the notation, it states no formula
        written = f"{left.group(1)} = {right}"
        found.append(Equation(written, _compact(plain(left.group(1))), plain_right))
    return found


_DEFINITION = re.compile(r"d[a-z0-9_]*/d[a-z0-9_]*")


_SPACES = re.compile(r"\s+")


def _compact(side: str) -> str:
    return _SPACES.sub("", side)


class FormulaVerdict(Enum):
    """What an answer's equations do to one key formula."""

    RIGHT = "right"
    WRONG = "wrong"


@dataclass(frozen=True)
class FormulaHit:
    """An equation of the answer that writes a key formula right or wrong."""

    verdict: FormulaVerdict
    written: str


@dataclass(frozen=True)
class KeyFormula:
    """A key point's formula, rewritten plain."""

    left: str
    right: str

    @staticmethod
    @functools.cache
    def of(text: str) -> KeyFormula | None:
        """The formula ``left = right`` of the bank (None when it has no single ``=``)."""
        if text.count("=") != 1:
            return None
        left, right = text.split("=")
        return KeyFormula(_compact(plain(left)), plain(right).strip())


def _with_shifts(names: set[str]) -> set[str]:
    """The names at every time step (``da_tp1`` brings ``da`` and ``da_tm1``): a wrong step is a
    wrong formula, not another notation."""
    out = set(names)
    for name in names:
        stem = re.sub(r"_t[mp]1$", "", name)
        out |= {stem, f"{stem}_tm1", f"{stem}_tp1"}
    return out


@functools.cache
def _key_expression(right: str, symbols: tuple[str, ...]) -> ExpressionReading:
    """A key formula's right side read once (the bank's formulas are few and fixed)."""
    return read_expression(right, symbols)


def check_formula(key: KeyFormula, equations: Iterable[Equation]) -> FormulaHit | None:
    """What the answer's equations with ``key``'s left side say of it (see the module
    docstring): right when one of them is right (an answer may write a rival's formula to
    contrast it), else wrong when one is wrong, else None.

    Only equations over the key's own names (at any time step) and ``COMMON_SYMBOLS`` are
    compared: another name is another notation (``∂L/∂h_t`` for ``∂L_t/∂h_t``), not an error."""
    known = _with_shifts(names_in(key.right)) | COMMON_SYMBOLS
    symbols = tuple(sorted(known))
    wrong: FormulaHit | None = None
    for equation in equations:
        if equation.left != key.left or not names_in(equation.right) <= known:
            continue
        if _value_for_a_case(equation.right, key.right):
            continue
        expected = _key_expression(key.right, symbols)
        written = read_expression(equation.right, symbols)
        if expected.expr is None or written.expr is None:
            continue
        # Imported here: sympy loads at the first formula compared, not with the grader.
        from quizapp.grading.symbolic import Verdict, numeric_outcome

        outcome, _ = numeric_outcome(written.expr, expected.expr, symbols)
        if outcome is Verdict.EQUAL:
            return FormulaHit(FormulaVerdict.RIGHT, equation.written)
        if outcome is Verdict.DIFFERENT and wrong is None:
            wrong = FormulaHit(FormulaVerdict.WRONG, equation.written)
    return wrong
