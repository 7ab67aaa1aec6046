"""GUI tests see choice options in the bank's order unless a test asks for the shuffle."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _options_in_bank_order(monkeypatch: pytest.MonkeyPatch) -> None:
    from quizapp.gui.views.answers import choices

    monkeypatch.setattr(choices, "OPTION_ORDER", None)
