"""The sheet tests print with Qt: give them pytest-qt's QApplication first, so that the sheet writer
finds it (instead of making a bare QGuiApplication that later GUI tests could not use)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _qt_application(qapp: QApplication) -> QApplication:
    return qapp
