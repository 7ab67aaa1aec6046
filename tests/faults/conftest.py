"""The fault suite runs against a shipped bank of one question (the real one takes seconds to
validate), in a data folder seeded by ``fault_harness.seed``."""

from __future__ import annotations

from pathlib import Path

import pytest
from fault_harness import seed, tiny_bank


@pytest.fixture(autouse=True)
def _tiny_bank(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    bank = tiny_bank(tmp_path_factory.mktemp("bank"))
    monkeypatch.setattr("questions.load.BANK_DIR", bank)
    return bank


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder seeded once; each run copies it (``fault_harness.seed_from``)."""
    folder = tmp_path_factory.mktemp("template")
    seed(folder / "data")
    return folder
