"""Shared fixtures of the GUI tests: a started app with a window, reset to English and light after.

``run_fresh`` runs a snippet in a new offscreen interpreter (what start-up imports, in isolation).

Rendered formulas are cached in one folder for the whole session (each test otherwise gets an empty
data folder and would render every formula again); nothing else is shared.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quizapp import paths
from quizapp.gui import theme, translations
from quizapp.gui.app import Started, start
from quizapp.gui.widgets.math_label import shared_renderer
from quizapp.settings import Settings


@pytest.fixture(scope="session")
def formula_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for rendered formulas, shared by the session's GUI tests."""
    return tmp_path_factory.mktemp("formula-cache")


@pytest.fixture(autouse=True)
def _shared_formula_cache(formula_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "cache_dir", lambda: formula_cache)


@pytest.fixture
def started(qtbot: QtBot) -> Iterator[Started]:
    """The app and a shown main window with default settings (saved to the temporary data dir)."""
    result = start(Settings(theme="light"))
    qtbot.addWidget(result.window)
    result.window.resize(1280, 860)
    result.window.show()
    qtbot.waitExposed(result.window)
    yield result
    shared_renderer().wait_idle(30.0)
    translations.set_language("en")
    theme.apply_theme(result.app, "light", Settings().font_size)


def open_questions(app: Started, qtbot: QtBot, kind: str) -> None:
    """Three questions of one type on the question page, the window active and focused."""
    window = app.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    chosen = [q for q in window.questions() if q.type == kind][:3]
    assert len(chosen) == 3
    window.question.set_questions(chosen, "en")
    window.show_page("question")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


ROOT = Path(__file__).resolve().parents[2]


def run_fresh(code: str, data_dir: Path) -> str:
    """Run ``code`` in a fresh offscreen interpreter with ``data_dir`` as the data folder; its
    standard output (the test fails with its standard error if it exits non-zero)."""
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "QUIZAPP_DATA_DIR": str(data_dir),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout
