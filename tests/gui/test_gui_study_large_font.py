"""The study screens at the smallest window and the largest font (1024×700, 18 pt), both languages:
the rating bar's sentence gets a line of its own instead of a column one word wide, the statistics
header's buttons show their whole labels, the summary tables' rows are as tall as their (Chinese)
text, and the mock report's exports follow the chosen language."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from gui_fixtures import _shared_formula_cache, formula_cache, started  # noqa: F401 - fixtures
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QWidget
from pytestqt.qtbot import QtBot

from questions.schema import Lang
from quizapp.gui.app import Started
from quizapp.gui.sample_answers import sample_answer
from quizapp.gui.study import StudyPages
from quizapp.gui.study.fitted_table import MAX_HEIGHT, FittedTable
from quizapp.gui.views.answers.choices import ChoiceAnswer, OptionLabel
from quizapp.richtext import to_unicode


def _size(app: Started, qtbot: QtBot, lang: Lang, large: bool) -> None:
    app.window.resize(1024, 700) if large else app.window.resize(1280, 860)
    size = 18 if large else 11
    app.state.update(font_size=size, interface_language=lang, content_language=lang)
    qtbot.waitUntil(lambda: QApplication.font().pointSize() == size)
    QApplication.processEvents()


def _is_whole(widget: QWidget) -> bool:
    """The widget is shown at least as wide as it asks to be, inside its window."""
    right = widget.mapTo(widget.window(), widget.rect().topRight()).x()
    return (
        widget.isVisible()
        and widget.width() >= widget.sizeHint().width()
        and right <= widget.window().width()
    )


def _whole(qtbot: QtBot, *widgets: QWidget) -> None:
    """Once the layouts have caught up with the new size, every widget is whole."""
    qtbot.waitUntil(lambda: all(_is_whole(w) for w in widgets), timeout=3000)


def _study(app: Started) -> StudyPages:
    assert app.study is not None
    return app.study


def _answer_drill(app: Started) -> None:
    page = _study(app).page
    session = page.session
    assert session is not None and session.drill is not None
    for key, text in sample_answer(session.drill).texts.items():
        page.sheet.fields[key].set_text(text)
    page.submit()
    page.grading.wait_idle()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rating_sentence_takes_a_line_of_its_own_when_narrow(
    started: Started,  # noqa: F811
    qtbot: QtBot,
    lang: Lang,
) -> None:
    assert _study(started).controller.start_drills(2)
    _answer_drill(started)
    page = _study(started).page
    bar = page.rating_bar
    qtbot.waitUntil(bar.isVisible)
    label = bar.label
    for large in (True, False, True):
        _size(started, qtbot, lang, large)
        qtbot.waitUntil(functools.partial(lambda wanted: bar.stacked() == wanted, large))
        _whole(qtbot, *page.rating_buttons.values(), page.undo_button, page.next_button)
        one_line = label.fontMetrics().horizontalAdvance(label.text())
        room = bar.contentsRect().width() - 32  # the bar's margins
        # The sentence gets its own width: on one line if it fits the bar, never a narrow column.
        assert label.width() >= min(one_line, room) - 1, (large, label.width(), one_line)
    assert "\u00a0%" in label.text()  # "0 %" is not broken between the number and its sign


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_statistics_header_shows_whole_labels(
    started: Started,  # noqa: F811
    qtbot: QtBot,
    lang: Lang,
) -> None:
    started.window.show_page("stats")
    stats = _study(started).stats
    _size(started, qtbot, lang, large=True)
    _whole(qtbot, stats.heading, stats.streak_box, stats.csv_button, stats.anki_button)
    for button in (stats.csv_button, stats.anki_button):
        # No ending "…": it read as a label cut off; the tooltip says what the button does.
        assert not button.text().endswith("…") and button.toolTip()
        assert button.fontMetrics().horizontalAdvance(button.text()) < button.width()


def test_summary_tables_rows_fit_their_chinese_text(
    started: Started,  # noqa: F811
    qtbot: QtBot,
) -> None:
    _size(started, qtbot, "zh", large=True)
    controller = _study(started).controller
    assert controller.start_drills(3)
    for _ in range(3):
        _answer_drill(started)
        _study(started).page.go_next()
    summary = _study(started).summary
    qtbot.waitUntil(summary.isVisible)
    tables = [t for t in summary.findChildren(FittedTable) if t.isVisible()]
    assert len(tables) == 3  # by cell, named mistakes, answers
    cells = [t.item(r, c) for t in tables for r in range(t.rowCount()) for c in (0, 1)]
    shown = [cell.text() for cell in cells if cell is not None]
    assert not [text for text in shown if re.search(r"_[{A-Za-z]", text)]  # h_t shown as hₜ
    assert any("ₜ" in text for text in shown)
    for _ in range(2):  # at 18 pt, then back at 11 pt: the rows follow the font
        QApplication.processEvents()
        for table in tables:
            for row in range(table.rowCount()):
                assert table.rowHeight(row) >= table.sizeHintForRow(row), row
                assert table.rowHeight(row) > table.fontMetrics().height()
            if table.needed_height() <= MAX_HEIGHT:
                assert table.verticalScrollBar().maximum() == 0
                assert table.height() == table.needed_height()
        _size(started, qtbot, "zh", large=False)
    assert not summary.markdown_button.text().endswith("…")


@pytest.mark.parametrize(("lang", "title", "heading"), [("zh", "# 模拟面试", "## 各主题得分"),
                                                         ("en", "# Mock interview",
                                                          "## Score by topic")])  # fmt: skip
def test_mock_report_exports_in_the_chosen_language(
    started: Started,  # noqa: F811
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: Lang,
    title: str,
    heading: str,
) -> None:
    _size(started, qtbot, lang, large=False)
    assert _study(started).controller.start_mock()
    page = _study(started).page
    page.skip()
    page.finish()
    summary = _study(started).summary
    qtbot.waitUntil(summary.isVisible)
    assert summary.report is not None
    monkeypatch.setattr("quizapp.gui.study.files.ask_save_path", lambda *a: tmp_path / "r.md")
    assert summary.export("md")
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert text.startswith(title + "\n") and heading in text
    monkeypatch.setattr("quizapp.gui.study.files.ask_save_path", lambda *a: tmp_path / "r.html")
    assert summary.export("html")
    page_html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert f"<h1>{title.removeprefix('# ')}</h1>" in page_html


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_long_key_points_wrap_at_18_pt(
    started: Started,  # noqa: F811
    qtbot: QtBot,
    lang: Lang,
) -> None:
    from questions.load import load_bank

    bank = load_bank(include_user_packs=False).questions
    free = [q for q in bank if q.type == "free_text"]
    longest = max(free, key=lambda q: max(len(p.text.get(lang)) for p in q.key_points))
    _size(started, qtbot, lang, large=True)
    window = started.window
    assert window.open_question_id(longest.id)
    view = window.question
    assert view.answer is not None
    view.answer.fill_plausible()
    view.check()  # opens the key-point checklist
    labels = view.answer.findChildren(OptionLabel)
    assert len(labels) == len(longest.key_points)
    qtbot.waitUntil(lambda: all(label.isVisible() for label in labels))
    qtbot.waitUntil(lambda: view.scroll_area.horizontalScrollBar().maximum() == 0, timeout=3000)
    viewport = view.scroll_area.viewport()
    for label in labels:
        right = label.mapTo(viewport, label.rect().topRight()).x()
        assert right <= viewport.width()
        assert label.height() >= label.heightForWidth(label.width())  # every wrapped line shown
    # The longest point does not fit one line at 18 pt: it wraps instead of widening the page.
    assert max(label.height() for label in labels) > 1.5 * labels[0].fontMetrics().height()


def _first_baseline(label: QLabel, text: str, parent: QWidget) -> float:
    """Where the first line of ``text`` in ``label`` has its baseline, in ``parent``'s pixels
    (laid out with QTextLayout: the fonts actually used, a CJK fallback included)."""
    layout = QTextLayout(text, label.font())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1e6)
    layout.endLayout()
    top = label.mapTo(parent, label.contentsRect().topLeft()).y()
    return top + line.ascent()


def test_option_numbers_sit_on_the_line_of_chinese_options(
    started: Started,  # noqa: F811
    qtbot: QtBot,
) -> None:
    from questions.load import load_bank

    bank = load_bank(include_user_packs=False).questions
    question = next(q for q in bank if q.type == "true_false")
    _size(started, qtbot, "zh", large=True)
    window = started.window
    assert window.open_question_id(question.id)
    answer = window.question.answer
    assert isinstance(answer, ChoiceAnswer)
    qtbot.waitUntil(lambda: all(label.isVisible() for label in answer.labels))
    grid = answer.layout()
    assert isinstance(grid, QGridLayout)
    for number, (label, option) in enumerate(zip(answer.labels, answer.options, strict=True), 1):
        place = grid.itemAtPosition(2 * (number - 1), 1)
        assert place is not None
        number_label = place.widget()
        assert isinstance(number_label, QLabel) and number_label.text() == f"{number}."
        text = to_unicode(option.text.zh)
        drop = abs(
            _first_baseline(number_label, f"{number}.", answer)
            - _first_baseline(label, text, answer)
        )
        assert drop <= 1, (text, drop)  # it was 6 px at 18 pt: the number sat high


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_drill_header_buttons_show_whole_labels(
    started: Started,  # noqa: F811
    qtbot: QtBot,
    lang: Lang,
) -> None:
    _size(started, qtbot, lang, large=True)
    window = started.window
    assert window.open_drills(window.home.current_plan(), seed=7)
    drill = window.drill
    _whole(qtbot, drill.replay_button, drill.another_button, drill.print_button)
    assert not drill.print_button.text().endswith("…") and drill.print_button.toolTip()
