"""The installed Qt binding keeps Python's reference counts intact.

PySide6 6.12.0 on Python 3.11 dropped one reference to ``None`` on every call of a Qt method that
returns nothing, and the app aborted after a few hundred repaints ("none_dealloc"). pyproject.toml
excludes that release; this test catches any binding with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_keep_none_and_bool_references() -> None:
    obj = QObject()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(200):
        obj.setObjectName("probe")
        obj.blockSignals(False)
    assert abs(sys.getrefcount(None) - none_before) < 50
    assert abs(sys.getrefcount(True) - true_before) < 50
