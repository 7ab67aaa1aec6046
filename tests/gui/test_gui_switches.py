"""Language and theme switches apply at once and reach every screen; settings are restored."""

from __future__ import annotations

import json

import pytest
from gui_fixtures import _shared_formula_cache, formula_cache, started  # noqa: F401 - fixtures
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from quizapp import paths
from quizapp import settings as settings_module
from quizapp.gui import theme
from quizapp.gui.app import Started, start
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.main_window import first_window_size
from quizapp.gui.widgets.math_label import MathLabel, shared_renderer


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_interface_language_switch(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    window = started.window
    assert window.home_button.text() == "Home"
    assert window.open_drills(DrillPlan(("gru",), ("h",), "standard"), seed=3)
    submit = window.drill.sheet.submit_button
    english_submit = submit.text()
    started.state.update(interface_language="zh", content_language="zh")
    qtbot.waitUntil(lambda: _has_cjk(window.home_button.text()))
    assert _has_cjk(window.home.heading.text())
    assert _has_cjk(submit.text()) and submit.text() != english_submit
    assert _has_cjk(window.settings_page.heading.text())
    assert _has_cjk(window.drill.sheet.prompt.text())  # content language follows
    started.state.update(interface_language="en", content_language="en")
    qtbot.waitUntil(lambda: window.home_button.text() == "Home")
    assert submit.text() == english_submit


def test_theme_switch_recolours_formulas(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    window = started.window
    assert window.open_drills(DrillPlan(("lstm",), ("h",), "standard"), seed=4)
    labels = window.drill.sheet.findChildren(MathLabel)
    assert labels
    started.state.update(theme="dark")
    palette = started.app.palette()
    assert palette.color(QPalette.ColorRole.Window).name() == theme.DARK.window
    shared_renderer().wait_idle(30.0)
    request = labels[0].current_request()
    assert request is not None and request.color == theme.DARK.text
    qtbot.waitUntil(labels[0].is_rendered)
    started.state.update(theme="light")
    assert started.app.palette().color(QPalette.ColorRole.Window).name() == theme.LIGHT.window


def test_settings_page_writes_and_next_start_restores(qtbot: QtBot) -> None:
    first = start()
    qtbot.addWidget(first.window)
    first.window.show()
    page = first.window.settings_page
    page.gru_convention.setCurrentIndex(page.gru_convention.findData("colah"))
    page.font_size.setCurrentIndex(page.font_size.findData(13))
    page.tolerance_absolute.setValue(0.01)
    first.window.resize(1100, 760)
    first.window.close()
    saved = json.loads(paths.settings_path().read_text(encoding="utf-8"))
    assert saved["gru_convention"] == "colah"
    assert saved["font_size"] == 13
    assert saved["tolerance_absolute"] == 0.01
    assert saved["window_geometry"]

    second = start()
    qtbot.addWidget(second.window)
    assert second.state.settings.gru_convention == "colah"
    assert second.window.home.convention_box.currentData() == "colah"
    assert second.window.settings_page.font_size.currentData() == 13
    # The offscreen screen is small, so Qt may clamp the width when restoring; the height fits.
    assert second.window.height() == 760
    assert settings_module.load().settings == second.state.settings
    theme.apply_theme(second.app, "light", settings_module.DEFAULTS.font_size)


def test_damaged_settings_file_still_starts(qtbot: QtBot) -> None:
    paths.settings_path().write_text("{broken", encoding="utf-8")
    result = start()
    qtbot.addWidget(result.window)
    assert result.state.settings == settings_module.DEFAULTS
    assert "settings.json" in result.window.statusBar().currentMessage()


@pytest.mark.parametrize(
    ("available", "expected"),
    [
        (None, (1280, 860)),
        ((1920, 1040), (1280, 860)),
        ((1366, 728), (1280, 728)),
        ((1024, 660), (1024, 700)),  # never below the smallest supported window
    ],
)
def test_first_window_size_fits_the_screen(
    available: tuple[int, int] | None, expected: tuple[int, int]
) -> None:
    assert first_window_size(available) == expected


def test_first_start_opens_within_the_screen(qtbot: QtBot) -> None:
    first = start(persist=False)
    qtbot.addWidget(first.window)
    screen = first.window.screen()
    assert screen is not None
    area = screen.availableGeometry()
    expected = first_window_size((area.width(), area.height()))
    assert (first.window.width(), first.window.height()) == expected
