"""``quizapp gui --screenshot``: every view builds and saves a PNG of the asked size."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_fixtures import _shared_formula_cache, formula_cache  # noqa: F401 - fixtures
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from quizapp.cli import main
from quizapp.gui import theme, translations
from quizapp.gui.screenshot import ScreenshotError, ScreenshotOptions, parse_size, take_screenshot
from quizapp.settings import DEFAULTS

# The offscreen platform notes that it cannot pass size hints to a window; that is not our warning.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(autouse=True)
def _reset(qtbot: QtBot) -> object:
    del qtbot
    yield None
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    translations.set_language("en")
    if isinstance(app, QApplication):
        theme.apply_theme(app, "light", DEFAULTS.font_size)


def test_answered_drill_screenshot(tmp_path: Path) -> None:
    file = tmp_path / "drill.png"
    options = ScreenshotOptions(file=file, view="drill", answered=True, size=(1024, 700))
    assert take_screenshot(options) == file
    image = QImage(str(file))
    assert (image.width(), image.height()) == (1024, 700)


@pytest.mark.parametrize("view", ["home", "settings", "diagram"])
def test_cli_screenshot_of_each_view(tmp_path: Path, view: str) -> None:
    file = tmp_path / f"{view}.png"
    status = main(
        [
            "gui",
            "--screenshot",
            str(file),
            "--view",
            view,
            "--lang",
            "zh",
            "--theme",
            "dark",
            "--size",
            "1100x760",
        ]
    )
    assert status == 0
    assert QImage(str(file)).width() == 1100


def test_unknown_question_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ScreenshotError, match="no-such-id"):
        take_screenshot(
            ScreenshotOptions(file=tmp_path / "q.png", view="question", question="no-such-id")
        )


def test_parse_size() -> None:
    assert parse_size("1280x860") == (1280, 860)
    with pytest.raises(ValueError, match="WIDTHxHEIGHT"):
        parse_size("big")
