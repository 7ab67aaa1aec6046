"""The words a formula drill gives its symbols ("input size", "hidden size") follow the language:
in the prompt, on the printed sheet and in the drill sheet's list of symbols."""

from __future__ import annotations

import pytest

from quizapp.drills import DrillSpec, generate_drill
from quizapp.drills.symbolic_drills import meaning_in, meanings_in
from quizapp.export.sheet_html import sheet_html


def _count_drill() -> object:
    return generate_drill(DrillSpec("lstm", "standard", ("formula_count",), "standard", 5, True))


def test_symbol_meanings_in_each_language() -> None:
    drill = _count_drill()
    ask = drill.formula  # type: ignore[attr-defined]
    assert meanings_in(ask, "en") == (("d", "input size"), ("n", "hidden size"))
    assert meanings_in(ask, "zh") == (("d", "输入维度"), ("n", "隐状态维度"))
    assert meaning_in("C̃_t", "zh") == "C̃_t"  # notation reads the same in both
    prompt = drill.prompt  # type: ignore[attr-defined]
    assert prompt.en.endswith("Use: d = input size, n = hidden size.")
    assert prompt.zh.endswith("可用符号：d = 输入维度，n = 隐状态维度。")
    assert "size" not in prompt.zh


@pytest.mark.parametrize(("lang", "word", "other"), [("zh", "输入维度", "input size"),
                                                     ("en", "input size", "输入维度")])  # fmt: skip
def test_the_printed_sheet_names_the_symbols_in_its_language(
    lang: str, word: str, other: str
) -> None:
    page = sheet_html([_count_drill()], lang)  # type: ignore[arg-type, list-item]
    assert f"d: {word}" in page and other not in page
