"""Every text of every modern-cell drill (convention statements, prompts, labels, catalogued
mistakes, printed sheet labels) renders with no raw ``_`` in either language: primes (``i′_t``) and
bars (``Ā_t``, ``B̄_t``) belong to their names."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from engine.params import CONVENTIONS
from questions.vocab import Text
from quizapp.drills.modern_keys import MODERN_DEPENDS, scan_keys
from quizapp.drills.modern_mistakes import MODERN_ENTRIES
from quizapp.drills.modern_texts import modern_convention_text, modern_prompt, scan_prompt
from quizapp.drills.quantities import label_of
from quizapp.export.sheet_text import label_html
from quizapp.richtext import (
    Math,
    segments,
    to_html,
    to_markdown,
    to_mathjax,
    to_terminal,
    to_unicode,
)
from quizapp.richtext.render import _SUBSCRIPTS  # the characters Unicode can lower

_TAGS = re.compile(r"<[^>]+>")
_CODE = re.compile(r"<code>.*?</code>")
_MATHJAX = re.compile(r"\\\(.*?\\\)")
_MD_CODE = re.compile(r"`[^`]*`")


def _both(text: Text) -> tuple[str, str]:
    return text.en, text.zh


def _texts() -> list[str]:
    texts: list[str] = []
    for cell in MODERN_DEPENDS:
        keys = tuple(MODERN_DEPENDS[cell]) + scan_keys(cell)
        for convention in CONVENTIONS.get(cell, ("standard",)):
            texts.extend(_both(modern_convention_text(cell, convention)))
        for whiteboard in (False, True):
            texts.extend(_both(modern_prompt(cell, tuple(MODERN_DEPENDS[cell]), whiteboard)))
            if scan_keys(cell):
                texts.extend(_both(scan_prompt(cell, scan_keys(cell)[:5], 3, whiteboard)))
                texts.extend(_both(scan_prompt(cell, scan_keys(cell)[5:], 2, whiteboard)))
        for key in keys:
            texts.extend(_both(label_of(key, cell)[1]))
    for entry in MODERN_ENTRIES:
        texts.extend(entry[1:3] + entry[4:6])
    return texts


TEXTS = _texts()


def test_the_texts_cover_the_primed_gates() -> None:
    joined = "\n".join(TEXTS)
    for name in ("i′_t", "f′_t", "Ā_t", "B̄_t", "h̃_t", "ĩ_t"):
        assert name in joined
    assert any("门" in t for t in TEXTS)  # the Chinese side is in


def test_a_primed_or_barred_name_is_one_symbol() -> None:
    assert segments("i′_t") == (Math("i′", "t"),)
    assert segments("f′_t ⊙ h̃_t")[0] == Math("f′", "t")
    assert segments("Ā_t")[0] == Math("Ā", "t")
    assert segments("B̄_t")[0] == Math("B̄", "t")
    assert segments("exp(ĩ_t)")[1] == Math("ĩ", "t")  # precomposed i with tilde
    assert to_unicode("i′_t = exp(a_i − m_t)") == "i′ₜ = exp(aᵢ − mₜ)"
    assert to_html("f′_t") == "f′<sub>t</sub>"
    assert to_mathjax("f′_t + B̄_t") == r"\(f'_{t}\) + \(\bar{B}_{t}\)"
    assert to_mathjax("ĩ_t") == r"\(\tilde{i}_{t}\)"
    # a prime on its own, not before a subscript, stays plain text
    assert to_html("f′ and i′") == "f′ and i′"


@pytest.mark.parametrize("text", TEXTS)
def test_no_raw_underscore_in_markup_renderers(text: str) -> None:
    shown_html = _TAGS.sub("", _CODE.sub("", to_html(text)))
    assert "_" not in shown_html, (text, to_html(text))
    outside_math = _TAGS.sub("", _CODE.sub("", _MATHJAX.sub("", to_mathjax(text))))
    assert "_" not in outside_math, (text, to_mathjax(text))
    markdown = _TAGS.sub("", _MD_CODE.sub("", to_markdown(text, lambda s: s)))
    assert "_" not in markdown, (text, markdown)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("render", [to_unicode, to_terminal])
def test_unicode_keeps_an_underscore_only_where_unicode_cannot_lower(
    text: str, render: Callable[[str], str]
) -> None:
    shown = render(text)
    assert "′_" not in shown and "̄_" not in shown and "Ā_" not in shown, shown
    for match in re.finditer(r"_(?:\{([^{}]*)\}|([A-Za-z0-9]+))", shown):
        script = match.group(1) or match.group(2)
        assert any(char not in _SUBSCRIPTS for char in script), (text, shown)


@pytest.mark.parametrize("cell", ["minlstm", "slstm", "mlstm"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sheet_labels_of_the_primed_gates(cell: str, lang: str) -> None:
    for key, letter in (("f_prime", "f"), ("i_prime", "i")):
        label = label_html(key, lang, cell)  # type: ignore[arg-type]
        assert label.startswith(f"{letter}′<sub>t</sub>")
        assert "_" not in label and "'" not in label
    assert label_html("qn", "en", "mlstm").startswith("n<sub>t</sub>ᵀ q<sub>t</sub> (")
