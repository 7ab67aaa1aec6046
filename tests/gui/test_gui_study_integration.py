"""The study modes inside the started app: home entries, lazy start, language, theme, settings,
a damaged or unopenable history, closing, and the "read as" line translated once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gui_fixtures import (  # noqa: F401 - fixtures
    _shared_formula_cache,
    formula_cache,
    run_fresh,
    started,
)
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from quizapp import paths
from quizapp.gui import theme
from quizapp.gui.app import Started
from quizapp.gui.study import StudyPages
from quizapp.study.session import StudyItem
from quizapp.study.store import StoreError, StudyMode

ENTRIES = ("review", "drill-session", "mock", "mistakes", "stats")


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _study(started: Started) -> StudyPages:  # noqa: F811
    assert started.study is not None
    return started.study


def test_home_shows_every_study_entry_and_they_open_pages(started: Started) -> None:  # noqa: F811
    home = started.window.home
    buttons = {key: home.findChild(QPushButton, f"entry-{key}") for key in ENTRIES}
    assert all(button is not None and button.text() for button in buttons.values())
    assert buttons["mock"].text().startswith("Mock interview")  # type: ignore[union-attr]
    buttons["stats"].click()  # type: ignore[union-attr]
    assert started.window.current_page() == "stats"


def test_start_is_lean_no_matplotlib_no_database(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from quizapp import paths\n"
        "from quizapp.gui.app import start\n"
        "s = start(persist=False)\n"
        "assert s.study is not None\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported at start'\n"
        "assert not paths.database_path().exists(), 'history opened at start'\n"
        "s.window.close()\n"
    )
    run_fresh(code, tmp_path)


def test_language_switch_reaches_study_pages(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    study = _study(started)
    assert study.page.skip_button.text() == "Skip"
    started.state.update(interface_language="zh")
    qtbot.waitUntil(lambda: _has_cjk(study.page.skip_button.text()))
    assert _has_cjk(study.stats.heading.text())
    entry = started.window.home.findChild(QPushButton, "entry-review")
    assert entry is not None and _has_cjk(entry.text())
    started.state.update(interface_language="en")
    qtbot.waitUntil(lambda: study.page.skip_button.text() == "Skip")
    assert study.stats.heading.text() == "Statistics"


def test_theme_switch_redraws_charts(started: Started) -> None:  # noqa: F811
    study = _study(started)
    started.window.show_page("stats")
    assert study.stats.canvas is not None
    figure = study.stats.canvas.figure
    assert _hex(figure.get_facecolor()) == theme.LIGHT.window
    started.state.update(theme="dark")
    assert _hex(figure.get_facecolor()) == theme.DARK.window
    started.state.update(theme="light")
    assert _hex(figure.get_facecolor()) == theme.LIGHT.window


def _hex(rgba: tuple[float, ...]) -> str:
    return "#" + "".join(f"{round(255 * c):02x}" for c in rgba[:3])


def test_streak_box_and_retention_are_settings(started: Started) -> None:  # noqa: F811
    study = _study(started)
    assert not study.stats.streak_box.isChecked()
    study.stats.streak_box.setChecked(True)
    assert started.state.settings.show_streak is True
    assert json.loads(paths.settings_path().read_text(encoding="utf-8"))["show_streak"] is True
    assert started.window.settings_page.show_streak.isChecked()
    started.window.settings_page.show_streak.setChecked(False)
    assert not study.stats.streak_box.isChecked()

    started.window.settings_page.desired_retention.setValue(0.8)
    assert started.state.settings.desired_retention == 0.8
    assert study.controller.scheduler().desired_retention == pytest.approx(0.8)


def test_damaged_history_is_moved_aside_and_reported(started: Started) -> None:  # noqa: F811
    study = _study(started)
    database = paths.database_path()
    database.parent.mkdir(parents=True, exist_ok=True)
    database.write_bytes(b"this is not an SQLite database" * 100)
    store = study.controller.usable_store()
    assert store is not None and store.report.moved_to is not None
    assert store.report.moved_to.exists()
    message = started.window.statusBar().currentMessage()
    assert store.report.moved_to.name in message and "damaged" in message


def test_history_that_cannot_open_is_reported(
    started: Started,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    study = _study(started)

    def refuse(*args: object, **kwargs: object) -> None:
        raise StoreError("cannot open the history database /nowhere/history.sqlite3: locked")

    monkeypatch.setattr("quizapp.gui.study.controller.Store.open", refuse)
    assert not study.controller.start_review()
    assert "/nowhere/history.sqlite3" in started.window.statusBar().currentMessage()
    assert started.window.current_page() == "home"


def test_closing_the_window_closes_the_history(started: Started) -> None:  # noqa: F811
    study = _study(started)
    assert study.controller.start_drills(2)
    session = study.controller.session
    assert session is not None
    started.window.close()
    assert study.controller._store is None
    assert session.summary is not None  # the half-done session was ended, its answers kept


def test_read_as_line_is_translated_once(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    study = _study(started)
    question = next(q for q in started.window.questions() if q.answer_type == "numeric")
    assert study.controller._run([StudyItem.of_question(question)], StudyMode.QUESTIONS)
    answer = study.page.answer
    assert answer is not None
    answer.fill_plausible()
    study.page.submit()
    # Said once: by the answer's own line, not again in the feedback.
    text = answer.reading.text()  # type: ignore[attr-defined]
    assert text.lower().count("read as") == 1 and text.startswith("read as ")
    assert study.page.read_as.isHidden()

    assert study.controller.start_drills(1)
    session = study.controller.session
    assert session is not None and session.drill is not None
    key = session.drill.asked[0]
    shown, ok = study.page._describe(key, ", ".join(["0.5"] * session.drill.n))
    assert ok and shown.lower().count("read as") == 1
    started.state.update(interface_language="zh")
    qtbot.waitUntil(lambda: _has_cjk(study.page.skip_button.text()))
    shown, ok = study.page._describe(key, ", ".join(["0.5"] * session.drill.n))
    assert ok and "read as" not in shown and shown.startswith("识别为")
