"""Text roles and paper frames follow the theme and the font size without an application style sheet."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from quizapp.gui import theme
from quizapp.gui.widgets.banner import Banner
from quizapp.gui.widgets.paper import Paper
from quizapp.settings import Settings


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    theme.apply_theme(qapp, "light", 11)
    yield qapp
    theme.apply_theme(qapp, "light", Settings().font_size)


def _text_color(widget: QWidget) -> str:
    return str(widget.palette().color(QPalette.ColorRole.WindowText).name())


def test_the_application_has_no_style_sheet(app: QApplication) -> None:
    assert app.styleSheet() == ""


def test_heading_and_muted_roles_set_size_weight_and_colour(
    app: QApplication, qtbot: QtBot
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    heading, note, plain = QLabel("Title", parent), QLabel("note", parent), QLabel("x", parent)
    theme.set_role(heading, "heading")
    theme.set_role(note, "muted")
    assert heading.font().pointSize() == 17
    assert heading.font().weight() == QFont.Weight.DemiBold
    assert note.font().pointSize() == plain.font().pointSize() == 11
    assert _text_color(note) == theme.LIGHT.muted
    assert _text_color(plain) == theme.LIGHT.text


def test_a_new_role_replaces_the_old_one(app: QApplication, qtbot: QtBot) -> None:
    label = QLabel("mark")
    qtbot.addWidget(label)
    theme.set_role(label, "bad")
    assert _text_color(label) == theme.LIGHT.bad
    assert label.font().weight() == QFont.Weight.DemiBold
    theme.set_role(label, "warn")
    assert label.property("role") == "warn"
    assert _text_color(label) == theme.LIGHT.warn
    assert label.font().weight() == QFont.Weight.Normal


def test_theme_and_font_size_changes_reach_styled_widgets(app: QApplication, qtbot: QtBot) -> None:
    label, button = QLabel("good"), QPushButton("Start")
    qtbot.addWidget(label)
    qtbot.addWidget(button)
    theme.set_role(label, "good")
    theme.set_role(button, "primary")
    subheading = QLabel("Section")
    qtbot.addWidget(subheading)
    theme.set_role(subheading, "subheading")
    theme.apply_theme(app, "dark", 14)
    assert _text_color(label) == theme.DARK.good
    assert subheading.font().pointSize() == 16
    assert theme.DARK.accent in button.styleSheet()
    assert theme.LIGHT.accent not in button.styleSheet()


def test_unknown_role_is_refused(app: QApplication, qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match="unknown role 'loud'"):
        theme.set_role(label, "loud")


def _center_pixel(widget: QWidget) -> str:
    image = widget.grab().toImage()
    return str(QColor(image.pixel(image.width() // 2, image.height() // 2)).name())


@pytest.mark.parametrize("name", ["light", "dark"])
def test_paper_and_banner_paint_the_theme_colours(
    app: QApplication, qtbot: QtBot, name: str
) -> None:
    colors = theme.apply_theme(app, name, 11)
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    paper, card, banner = Paper(), Paper(kind="card"), Banner()
    for widget in (paper, card, banner):
        widget.setMinimumSize(120, 60)
        layout.addWidget(widget)
    banner.show_message("The file could not be read.", "error")
    holder.show()
    qtbot.waitExposed(holder)
    assert _center_pixel(paper) == colors.paper
    assert _center_pixel(card) == colors.paper
    banner.label.hide()  # the centre pixel is then the banner's own fill
    assert _center_pixel(banner) == colors.banner_error
    banner.show_message("Saved.", "info")
    banner.label.hide()
    assert _center_pixel(banner) == colors.banner_info


def test_unknown_kind_of_paper_is_refused(app: QApplication) -> None:
    with pytest.raises(ValueError, match="unknown kind of paper"):
        Paper(kind="parchment")
