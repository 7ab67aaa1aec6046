"""In the mock interview, checking an empty free-text answer says "Write an answer first." and
records nothing; the line goes once the learner starts writing (it used to stay under the box
until the next check)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from questions.vocab import Lang
from quizapp.gui.app import start
from quizapp.gui.study import StudyPages, install_study_pages
from quizapp.gui.views.answers.free_text import FreeTextAnswer
from quizapp.settings import Settings

MOMENT = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
WRITE_FIRST: dict[Lang, str] = {"en": "Write an answer first.", "zh": "请先写下答案。"}


@pytest.fixture(params=["en", "zh"])
def app_pages(request: pytest.FixtureRequest, qtbot: Any) -> Iterator[tuple[Lang, StudyPages]]:
    lang: Lang = request.param
    settings = Settings(interface_language=lang, content_language=lang)
    started = start(settings, persist=False, study=False)
    window = started.window
    qtbot.addWidget(window)
    pages = install_study_pages(window, now=lambda: MOMENT, seed=11)
    window.resize(1200, 800)
    window.show()
    yield lang, pages
    pages.controller.close()
    from quizapp.gui import translations

    translations.set_language("en")


def test_the_empty_answer_line_goes_when_the_learner_writes(
    app_pages: tuple[Lang, StudyPages],
) -> None:
    lang, pages = app_pages
    assert pages.controller.start_mock(minutes=30)
    session = pages.controller.session
    assert session is not None
    while session.current is not None and (
        session.current.question is None or session.current.question.type != "free_text"
    ):
        pages.page.skip()
    item = session.current
    assert item is not None, "the mock plan has a free-text question"
    answer = pages.page.answer
    assert isinstance(answer, FreeTextAnswer)
    hint = pages.page.hint

    pages.page.submit()  # nothing written
    assert not hint.isHidden()
    assert hint.text() == WRITE_FIRST[lang]
    assert session.current is item  # nothing recorded, the question stays

    answer.edit.setPlainText("x")
    assert hint.isHidden()
    assert session.current is item
