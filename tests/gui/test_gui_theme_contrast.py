"""Check boxes and radio buttons stand out in both themes (outline and tick at least 3:1 against
the box's fill, as Fusion draws them from the palette), and dialog buttons carry no dark icon."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QListWidget,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from quizapp.gui import theme
from quizapp.gui.theme import FUSION_OUTLINE_DARKER, contrast_ratio
from quizapp.gui.views.shortcuts import ShortcutsDialog
from quizapp.settings import Settings


@pytest.fixture(params=["light", "dark"])
def themed(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, request.param, Settings().font_size)
    yield request.param
    theme.apply_theme(app, "light", Settings().font_size)


def test_the_contrast_helper_measures_known_pairs() -> None:
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#2b2e34"), QColor("#2b2e34")) == pytest.approx(1.0)


@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton, QListWidget])
def test_indicator_outline_and_tick_stand_out(themed: str, qtbot: QtBot, kind: type) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    widget = kind(parent)
    parent.show()  # a shown (polished) widget has its class's palette
    palette = widget.palette()
    fill = palette.color(QPalette.ColorRole.Base)
    outline = palette.color(QPalette.ColorRole.Window).darker(FUSION_OUTLINE_DARKER)
    tick = palette.color(QPalette.ColorRole.Text).darker(120)
    assert contrast_ratio(outline, fill) >= 3.0, (themed, outline.name(), fill.name())
    assert contrast_ratio(tick, fill) >= 3.0
    # The outline is the theme's own indicator colour (the palette is not left as before).
    assert outline.name() == theme.current_colors().indicator
    # Text and the rest of the page keep the theme's colours.
    assert palette.color(QPalette.ColorRole.Text).name() == theme.current_colors().text


def test_the_shortcut_sheet_close_button_has_no_icon(themed: str, qtbot: QtBot) -> None:
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    (box,) = dialog.findChildren(QDialogButtonBox)
    assert box.buttons() and all(button.icon().isNull() for button in box.buttons())
