"""The app with a history it cannot write (a link to /dev/null, a read-only file) and an undo
that another process made impossible: said on the status line, never a crash dialog."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from gui_fixtures import (  # noqa: F401 - fixtures
    _shared_formula_cache,
    formula_cache,
    run_fresh,
    started,
)

from quizapp import paths
from quizapp.gui.app import Started
from quizapp.gui.study import StudyPages
from quizapp.study.schedule import ReviewScheduler
from quizapp.study.session import StudyItem
from quizapp.study.store import Store, StudyMode


def _study(started: Started) -> StudyPages:  # noqa: F811
    assert started.study is not None
    return started.study


def test_history_linked_to_dev_null_is_said_and_the_app_keeps_working(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "history.sqlite3").symlink_to("/dev/null")
    out = run_fresh(
        "from quizapp.gui.app import start\n"
        "started = start(persist=False)\n"
        "study = started.study\n"
        "study.open_history()\n"
        "print('review', study.controller.start_review())\n"
        "print('message', started.window.statusBar().currentMessage())\n"
        "started.window.show_page('settings')\n"
        "print('page', started.window.current_page())\n",
        data,
    )
    assert "review False\n" in out
    assert "not a regular file (it leads to /dev/null)" in out
    assert "page settings\n" in out
    assert (data / "history.sqlite3").is_symlink()


def test_read_only_history_makes_the_study_modes_say_so(
    started: Started,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    study = _study(started)
    study.controller.close()  # reopen below, as the app would at its next start
    with Store.open(backup=False):
        pass

    def read_only(path: Path) -> sqlite3.Connection:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=1.0)

    monkeypatch.setattr(Store, "_connect", staticmethod(read_only))
    assert not study.controller.start_review()
    assert not study.controller.start_drills(2)
    message = started.window.statusBar().currentMessage()
    assert "cannot be written" in message and str(paths.database_path()) in message
    assert started.window.current_page() == "home"


def test_undo_after_another_process_reviewed_the_item_is_refused_on_the_status_line(
    started: Started,  # noqa: F811
) -> None:
    study = _study(started)
    question = next(q for q in started.window.questions() if q.answer_type == "numeric")
    key = f"q:{question.id}"
    assert study.controller._run([StudyItem.of_question(question)], StudyMode.REVIEW)
    study.page.reveal()
    study.page.choose_rating(3)
    session = study.controller.session
    assert session is not None and session.can_undo()
    with Store.open(paths.database_path(), backup=False) as other:
        later = ReviewScheduler(other).review(key, 4, datetime.now(UTC))
        card = other.card_json(key)
    study.page.undo()
    assert "Not undone" in started.window.statusBar().currentMessage()
    assert "reviewed again since" in started.window.statusBar().currentMessage()
    store = study.controller.store()
    assert store.card_json(key) == card
    assert store.review(later.review_id) is not None
    assert not session.can_undo()
