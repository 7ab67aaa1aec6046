"""A language change with a checked free-text question on screen records nothing again: the new
texts are no new ticks, and an attempt of a closed store is never rescored in a reopened one."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from questions.load import load_paths
from quizapp.gui.app import start
from quizapp.gui.study import StudyPages, install_study_pages
from quizapp.gui.views.answers.free_text import FreeTextAnswer
from quizapp.settings import Settings

NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
PACK = Path(__file__).parent.parent / "data" / "packs" / "good"
QUESTIONS = {q.id: q for q in load_paths([PACK]).questions}


@pytest.fixture
def app(qtbot: Any) -> Iterator[tuple[Any, StudyPages]]:
    settings = Settings(interface_language="en", record_practice=True)
    window = start(settings, persist=False, study=False).window
    qtbot.addWidget(window)
    pages = install_study_pages(window, now=lambda: NOW, seed=5)
    window.resize(1200, 800)
    window.show()
    yield window, pages
    pages.controller.close()


def test_a_language_change_with_a_graded_free_text_answer_records_nothing_again(
    app: tuple[Any, StudyPages], caplog: pytest.LogCaptureFixture, qtbot: Any
) -> None:
    window, pages = app
    view = window.question
    view.set_questions([QUESTIONS["pack-free-001"]], "en")
    assert isinstance(view.answer, FreeTextAnswer)
    view.answer.edit.setPlainText("BatchNorm is a poor fit across time.")
    view.check()
    rescored: list[object] = []
    view.rescored.connect(lambda *args: rescored.append(args))
    pages.controller.close()  # the store is closed, as at the end of a run
    with caplog.at_level(logging.DEBUG):
        window.state.update(interface_language="zh")
        qtbot.wait(50)  # the LanguageChange events are posted
        assert view.answer.checklist_title.text() != "Which key points did your answer make?"
        window.state.update(interface_language="en")
        qtbot.wait(50)
    assert rescored == []  # new texts are no new ticks
    assert not [r for r in caplog.records if "confirm_score" in r.getMessage()]
    assert not [r for r in caplog.records if r.exc_info and "confirm_score" in str(r.exc_info[1])]
    (attempt,) = pages.controller.store().attempts()
    assert attempt.score == 0.5  # unchanged
