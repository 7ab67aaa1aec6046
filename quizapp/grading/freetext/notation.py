"""One written form for everything a learner may type: case, width, dashes, products, Greek, indices.

``normalise`` is applied to answers and to every lexicon form alike, so a form written once matches
all the spellings of the same thing:

- NFKC (full-width letters, digits and punctuation become ASCII; ``～`` becomes ``~``), casefold;
- every minus and dash (``−`` ``–`` ``—`` …) is ``-``; every product sign (``·`` ``×`` ``∙`` ``⋅``
  ``⊙`` ``∘`` ``*``) is ``*``; primes (``′``) are ``'``; a combining tilde (``C̃``) is ``~``;
- Greek letters become their names (``σ`` → ``sigma``, ``δ`` → ``delta``), so ``σ`` and ``sigma``
  read the same;
- the time index reads one way: ``C_{t-1}``, ``C_t-1``, ``Ct-1``, ``C_{t−1}`` and ``c_prev`` are all
  ``c_{t-1}``; ``x_{t}`` is ``x_t``;
- contractions are spelled out (``aren't`` → ``are not``, ``cannot`` → ``can not``) so that the
  negation is a word of its own;
- gates sharing one noun are so many gates: "the input and forget gates" is "the input gate and
  forget gate", 输入和遗忘门 is 输入门和遗忘门.
"""

from __future__ import annotations

import re
import unicodedata

_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d]")
_PRODUCTS = re.compile("[\u00b7\u2219\u22c5\u00d7\u2299\u2218\u2022\u30fb\u2027]")
_GREEK = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "epsilon",
    "η": "eta",
    "θ": "theta",
    "λ": "lambda",
    "μ": "mu",
    "π": "pi",
    "ρ": "rho",
    "σ": "sigma",
    "ς": "sigma",
    "τ": "tau",
    "φ": "phi",
    "ϕ": "phi",
    "ω": "omega",
    "∂": "partial",
    "∇": "nabla",
}
_GREEK_RE = re.compile("[" + "".join(_GREEK) + "]")
# C_{t-1}, c_{t - 1}, C_t-1, h_(t-1): one letter (optionally ~), an index t±1 or t.
_INDEX_BRACED = re.compile(r"(?<![a-z0-9])([a-z]~?)\s*_\s*[{(]\s*t\s*([-+])\s*1\s*[})]")
_INDEX_BARE = re.compile(r"(?<![a-z0-9])([a-z]~?)_t\s*([-+])\s*1(?![0-9])")
_INDEX_GLUED = re.compile(r"(?<![a-z0-9_])([a-z]~?)t([-+])1(?![0-9])")
_INDEX_PREV = re.compile(r"(?<![a-z0-9])([a-z]~?)_(?:prev|old)\b")
_INDEX_T = re.compile(r"(?<![a-z0-9])([a-z]~?)\s*_\s*[{(]\s*t\s*[})]")
_CONTRACTIONS = (
    (re.compile(r"\bcan't\b|\bcannot\b"), "can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"n't\b"), " not"),
)
_SPACES = re.compile(r"\s+")
# "the input and forget gates" names two gates: "the input gate and forget gate"; "the forget,
# input and output gates" three.
_GATE_NAMES = r"(?:input|forget|output|update|reset)"
_GATES_SHARED = re.compile(
    rf"\b{_GATE_NAMES}(?:\s*,\s*{_GATE_NAMES})*\s*,?\s+(?:and|or)\s+{_GATE_NAMES}\s+gates\b"
)
_GATE_NAME = re.compile(rf"\b{_GATE_NAMES}\b")
_ZH_GATE_NAMES = "(?:输入|遗忘|输出|更新|重置)"
_ZH_GATES_SHARED = re.compile(f"{_ZH_GATE_NAMES}(?:(?:和|与|或|、){_ZH_GATE_NAMES})+门")
_ZH_GATE_NAME = re.compile(_ZH_GATE_NAMES)


def _each_gate(match: re.Match[str]) -> str:
    return _GATE_NAME.sub(r"\g<0> gate", match.group(0).removesuffix("gates").rstrip())


def _each_zh_gate(match: re.Match[str]) -> str:
    return _ZH_GATE_NAME.sub(r"\g<0>门", match.group(0).removesuffix("门"))


def _greek(match: re.Match[str]) -> str:
    return f" {_GREEK[match.group(0)]} "


def normalise(text: str) -> str:
    """The one written form of ``text`` (see the module docstring); whitespace collapsed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = folded.replace("\u0303", "~").replace("\u2019", "'").replace("\u2018", "'")
    folded = folded.replace("\u2032", "'").replace("\u301c", "~").replace("\u223c", "~")
    folded = _DASHES.sub("-", folded)
    folded = _PRODUCTS.sub("*", folded)
    folded = _INDEX_BRACED.sub(r"\1_{t\2 1}", folded)
    folded = _INDEX_BARE.sub(r"\1_{t\2 1}", folded)
    folded = _INDEX_GLUED.sub(r"\1_{t\2 1}", folded)
    folded = _INDEX_PREV.sub(r"\1_{t- 1}", folded)
    folded = folded.replace("_{t- 1}", "_{t-1}").replace("_{t+ 1}", "_{t+1}")
    folded = _INDEX_T.sub(r"\1_t", folded)
    folded = _GREEK_RE.sub(_greek, folded)
    for pattern, replacement in _CONTRACTIONS:
        folded = pattern.sub(replacement, folded)
    folded = _GATES_SHARED.sub(_each_gate, folded)
    folded = _ZH_GATES_SHARED.sub(_each_zh_gate, folded)
    return _SPACES.sub(" ", folded).strip()
