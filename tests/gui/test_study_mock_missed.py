"""The mock interview's free-text items: the report names each missed question and the key points
its answer missed, in the interface and content language (not "Missed question: Free text" without
saying which); checking an empty answer says "Write an answer first." until the learner writes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QTableWidget, QWidget

from questions.vocab import Lang
from quizapp.gui.app import start
from quizapp.gui.study import StudyPages, install_study_pages
from quizapp.gui.views.answers.free_text import FreeTextAnswer
from quizapp.richtext import to_unicode
from quizapp.settings import Settings
from quizapp.study.session import StudySession

MOMENT = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
TITLES: dict[Lang, tuple[str, tuple[str, ...]]] = {
    "en": ("Missed questions", ("Question", "Score", "Key points missed")),
    "zh": ("没答对的题目", ("题目", "得分", "漏掉的要点")),
}
UNRELATED: dict[Lang, str] = {"en": "It depends on the weather.", "zh": "这取决于天气。"}
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


def _body(pages: StudyPages) -> list[QWidget]:
    """The widgets of the summary's body, in order."""
    body = pages.summary.body
    items = [body.itemAt(i) for i in range(body.count())]
    return [w for w in (item.widget() for item in items if item is not None) if w is not None]


def _table_after(pages: StudyPages, title: str) -> QTableWidget:
    """The table the summary shows under the sub-heading ``title``."""
    widgets = _body(pages)
    for index, widget in enumerate(widgets):
        if isinstance(widget, QLabel) and widget.text() == title:
            table = widgets[index + 1]
            assert isinstance(table, QTableWidget), f"no table under {title!r}"
            return table
    raise AssertionError(f"no section {title!r}")


def _cells(table: QTableWidget) -> list[list[str]]:
    items = [
        [table.item(r, c) for c in range(table.columnCount())] for r in range(table.rowCount())
    ]
    return [[item.text() if item is not None else "" for item in row] for row in items]


def _mock_at_free_text(pages: StudyPages) -> tuple[StudySession, FreeTextAnswer]:
    """A mock interview started and skipped to its first free-text item, with that item's answer."""
    assert pages.controller.start_mock(minutes=30)
    session = pages.controller.session
    assert session is not None
    while session.current is not None and (
        session.current.question is None or session.current.question.type != "free_text"
    ):
        pages.page.skip()
    assert session.current is not None, "the mock plan has a free-text question"
    answer = pages.page.answer
    assert isinstance(answer, FreeTextAnswer)
    return session, answer


def test_the_mock_report_names_the_missed_question_and_points(
    app_pages: tuple[Lang, StudyPages],
) -> None:
    lang, pages = app_pages
    session, answer = _mock_at_free_text(pages)
    question = answer.question
    answer.edit.setPlainText(UNRELATED[lang])  # makes none of the key points
    pages.page.submit()
    session.finish()
    pages.controller._on_finished(session)

    title, headers = TITLES[lang]
    table = _table_after(pages, title)
    shown_headers = [table.horizontalHeaderItem(c) for c in range(table.columnCount())]
    assert [h.text() if h is not None else "" for h in shown_headers] == list(headers)
    points = "; ".join(to_unicode(point.text.get(lang)) for point in question.key_points)
    assert _cells(table) == [[to_unicode(question.prompt.get(lang)), "0 %", points]]
    # Question and points share the width and wrap: no column runs past the table's edge (the
    # points, sized to their one-line text, used to push the row out of view).
    table.resize(900, table.height())
    assert table.horizontalHeader().length() <= table.viewport().width()
    assert table.columnWidth(2) >= table.viewport().width() // 3
    # The question is named in its own section, never as "Missed question: Free text".
    texts = [w.text() for w in _body(pages) if isinstance(w, QLabel)]
    texts += [
        cell
        for w in _body(pages)
        if isinstance(w, QTableWidget)
        for row in _cells(w)
        for cell in row
    ]
    assert not [t for t in texts if "Missed question:" in t or "没答对的自由" in t]


def test_the_empty_answer_line_goes_when_the_learner_writes(
    app_pages: tuple[Lang, StudyPages],
) -> None:
    lang, pages = app_pages
    session, answer = _mock_at_free_text(pages)
    item, hint = session.current, pages.page.hint
    pages.page.submit()  # nothing written: said, nothing recorded, the question stays
    assert not hint.isHidden()
    assert hint.text() == WRITE_FIRST[lang]
    assert session.current is item
    answer.edit.setPlainText("x")
    assert hint.isHidden()  # it used to stay until the next check
    assert session.current is item
