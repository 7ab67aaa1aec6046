"""Every quantity label a drill shows renders with mathtext (a failed one fell back to raw text)."""

from __future__ import annotations

import pytest

from quizapp.drills import quantities
from quizapp.drills.quantities import FRAMEWORK_KEYS, label_of
from quizapp.formulas.render import FormulaRenderError, render_png
from quizapp.gui.widgets.math_label import plain_formula


def test_every_label_renders_and_its_fallback_has_no_command_names() -> None:
    keys = set(quantities._LABELS) | {"a_f", "da_o", "da"}
    assert FRAMEWORK_KEYS[1] in keys
    for key in sorted(keys):
        latex, _ = label_of(key)
        try:
            assert render_png(latex, fontsize=8.0, dpi=20).stat().st_size > 0
        except FormulaRenderError as error:  # pragma: no cover - the message names the label
            pytest.fail(f"{key}: {error}")
    # The mock interview's shape question read "textttoutput.shape" while its image was missing.
    assert plain_formula(label_of("shape_output")[0]) == "output.shape"
    assert plain_formula(label_of("shape_h_n")[0]) == "h_n.shape"
    assert plain_formula(r"\texttt{x}") == "x"
