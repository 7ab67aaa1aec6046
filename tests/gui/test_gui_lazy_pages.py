"""The main window builds each page when it is first needed: home when shown with no page open,
the drill page (and only it) when opened straight into a drill; the study entries registered before
the home page exists appear on it once it is built. Start-up imports, in fresh interpreters: the home
screen loads nothing only a drill needs, and the background preload covers the drill's Qt-free
modules without touching Qt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_fixtures import (  # noqa: F401 - fixtures
    _shared_formula_cache,
    formula_cache,
    run_fresh,
)
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from quizapp.gui.app import Started, start
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.question_deck import select
from quizapp.gui.widgets.math_label import shared_renderer
from quizapp.settings import Settings

PLAN = DrillPlan(cells=("gru",), quantities=("h",), difficulty="standard")


@pytest.fixture
def unshown(qtbot: QtBot) -> Iterator[Started]:
    """The app with its window built but not shown, study modes installed."""
    result = start(Settings(theme="light"))
    qtbot.addWidget(result.window)
    result.window.resize(1280, 860)
    yield result
    shared_renderer().wait_idle(30.0)


def test_no_page_is_built_with_the_window(unshown: Started) -> None:
    window = unshown.window
    assert [window.page_built(name) for name in ("home", "drill", "question", "settings")] == [
        False,
        False,
        False,
        False,
    ]
    assert window.pages.count() == 0


def test_a_window_shown_with_no_page_opens_home(unshown: Started, qtbot: QtBot) -> None:
    window = unshown.window
    window.show()
    qtbot.waitExposed(window)
    assert window.current_page() == "home"
    assert not window.page_built("drill")
    # The study modes registered their entries before home existed: they are on it now.
    entries = {
        button.objectName()
        for button in window.home.findChildren(QPushButton)
        if button.isVisible()
    }
    assert {"entry-review", "entry-mock", "entry-mistakes", "entry-stats"} <= entries


def test_opening_a_drill_first_never_builds_home(unshown: Started, qtbot: QtBot) -> None:
    window = unshown.window
    assert window.open_drills(PLAN, seed=4)
    window.show()
    qtbot.waitExposed(window)
    assert window.current_page() == "drill"
    assert window.drill_controller.drill is not None
    assert window.drill_controller.drill.spec.seed == 4
    assert not window.page_built("home")
    # Esc still leads home, which is built then, with its entries.
    window.go_back()
    assert window.current_page() == "home"
    assert window.home.findChild(QPushButton, "entry-review") is not None


def test_a_home_entry_added_after_home_is_built_shows_at_once(
    unshown: Started, qtbot: QtBot
) -> None:
    from quizapp.gui.home_entry import HomeEntry

    window = unshown.window
    window.show()
    qtbot.waitExposed(window)
    opened: list[str] = []
    window.add_home_entry(
        HomeEntry("extra", lambda: "Extra", lambda: "one more screen", lambda: opened.append("x"))
    )
    button = window.home.findChild(QPushButton, "entry-extra")
    assert button is not None and button.text() == "Extra"
    button.click()
    assert opened == ["x"]


def test_the_question_count_reaches_a_home_built_after_the_bank(unshown: Started) -> None:
    window = unshown.window
    bank = window.questions()  # loaded before home exists
    assert len(bank) > 0
    assert not window.page_built("home")
    home = window.home
    matching = len(select(bank, home.current_filter()))
    assert matching > 0
    assert home.match_count.text() == f"Matching questions: {matching}"
    assert home.start_questions.isEnabled()


DRILL_ONLY = (
    "numpy.random",
    "quizapp.drills.generate",
    "quizapp.formulas",
    "quizapp.gui.views.drill",
)


def test_the_home_screen_loads_nothing_only_a_drill_needs(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from quizapp.gui.app import start\n"
        "s = start(persist=False)\n"
        "s.window.show()\n"
        "s.app.processEvents()\n"
        "assert s.window.current_page() == 'home'\n"
        f"print(sorted(m for m in {DRILL_ONLY!r} if m in sys.modules))\n"
        "s.window.close()\n"
    )
    assert run_fresh(code, tmp_path).strip() == "[]"


def test_what_is_preloaded_in_the_background_is_free_of_qt(tmp_path: Path) -> None:
    # The preload runs off the GUI thread, where no Qt type may be created.
    code = (
        "import sys\n"
        "from quizapp.gui.preload import PRELOADED, preload_in_background\n"
        "preload_in_background().join(60)\n"
        "assert all(name in sys.modules for name in PRELOADED)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    assert run_fresh(code, tmp_path).strip() == "[]"


def test_after_the_preload_a_drill_imports_only_modules_that_use_qt(tmp_path: Path) -> None:
    # Every Qt-free module of ours the first drill needs was imported by the preload already.
    code = (
        "import inspect, sys\n"
        "from quizapp.gui.app import start\n"
        "from quizapp.gui.drill_plan import DrillPlan\n"
        "from quizapp.gui.preload import preload_in_background\n"
        "s = start(persist=False)\n"
        "s.window.show()\n"
        "s.app.processEvents()\n"
        "preload_in_background().join(60)\n"
        "before = set(sys.modules)\n"
        "plan = DrillPlan(cells=('lstm',), quantities=('h',), difficulty='standard')\n"
        "assert s.window.open_drills(plan, seed=1)\n"
        "s.app.processEvents()\n"
        "ours = sorted(m for m in set(sys.modules) - before if m.split('.')[0] in\n"
        "              ('quizapp', 'engine', 'questions'))\n"
        "assert 'quizapp.gui.views.drill' in ours\n"
        "print(sorted(m for m in ours if 'PySide6' not in inspect.getsource(sys.modules[m])))\n"
        "s.window.close()\n"
    )
    assert run_fresh(code, tmp_path).strip() == "[]"
