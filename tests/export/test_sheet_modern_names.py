"""A printed sheet of a modern cell names its answers and its previous state as the app does
(q_t (query q_t), C_{t−1}), not by internal keys (``q (q)``, ``i_prime``, ``C =``)."""

from __future__ import annotations

import re

from quizapp.drills import DrillSpec, generate_drill
from quizapp.export.sheet_html import sheet_html


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&nbsp;", " ")


def test_mlstm_sheet_uses_the_cell_names() -> None:
    drill = generate_drill(DrillSpec("mlstm", "sigmoid", ("all",), "standard", 838886))
    text = _text(sheet_html([drill], "en"))
    assert "(query q" in text and "(denominator)" in text and "(matrix memory C" in text
    for raw in ("q (q)", "den (den)", "i_prime", "f_prime", "h_tilde", "C (C)"):
        assert raw not in text, raw
    assert "Ct−1 =" in text and "nt−1 =" in text and "mt−1 =" in text  # the previous state
    assert re.search(r"\bC =", text) is None and re.search(r"\bn =", text) is None


def test_classic_sheet_keeps_its_names() -> None:
    drill = generate_drill(DrillSpec("lstm", "standard", ("c", "h"), "standard", 7))
    text = _text(sheet_html([drill], "en"))
    assert "xt =" in text and "Ct−1 =" in text and "(new cell state C" in text
