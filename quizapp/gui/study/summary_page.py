"""The end of a session: totals, results by topic or cell, mistakes, and the export buttons.

A mock interview shows its report (score by topic, mistakes by kind, time per item, what to study
next). Its free-text answers were scored by the grader alone during the interview: the report
first asks the learner to confirm or change those ticks, and says the score is not final until
then (``confirm_requested`` carries the confirmed scores to the controller). Exports go through ``files.ask_save_path`` (tests replace it) and ``study.export`` /
``study.mock`` writers.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from questions.schema import Lang
from quizapp.gui import names
from quizapp.gui.study import files
from quizapp.gui.study.fitted_table import FittedTable
from quizapp.gui.theme import set_role
from quizapp.gui.views.answers.free_text import FreeTextAnswer
from quizapp.gui.widgets.paper import Paper
from quizapp.gui.widgets.rich_text import set_rich_text
from quizapp.gui.widgets.shown_focus import give_focus
from quizapp.paths import inside_data_folder
from quizapp.richtext import to_unicode
from quizapp.study.display_names import item_title
from quizapp.study.mock import QUESTION_MISS, MockReport, mistake_title
from quizapp.study.mock import topic_title as mock_topic_title
from quizapp.study.session import ItemResult, SessionSummary, StudyItem
from quizapp.study.store import Store, StudyMode

log = logging.getLogger(__name__)


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{round(100 * share)} %"


class SummaryPage(QWidget):
    """Shows a finished session; ``home_requested`` when the learner is done."""

    home_requested = Signal()
    # [(attempt id, confirmed score), ...] for the mock's free-text answers.
    confirm_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: SessionSummary | None = None
        self.report: MockReport | None = None
        self.items: tuple[StudyItem, ...] = ()
        self.store: Store | None = None
        self.lang: Lang = "en"
        self.pending: tuple[ItemResult, ...] = ()
        self.pending_answers: list[tuple[ItemResult, FreeTextAnswer]] = []
        self._kept_ticks: dict[int, list[bool]] = {}
        self.heading = QLabel()
        set_role(self.heading, "heading")
        self.overview = QLabel()
        self.overview.setWordWrap(True)
        set_role(self.overview, "subheading")
        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        self.status = QLabel()
        set_role(self.status, "muted")
        self.status.setWordWrap(True)
        self.markdown_button = QPushButton()
        self.html_button = QPushButton()
        self.home_button = QPushButton()
        set_role(self.home_button, "primary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.markdown_button)
        buttons.addWidget(self.html_button)
        buttons.addWidget(self.home_button)

        paper = Paper()
        paper_layout = QVBoxLayout(paper)
        paper_layout.setContentsMargins(36, 28, 36, 28)
        paper_layout.setSpacing(10)
        paper_layout.addWidget(self.overview)
        paper_layout.addLayout(self.body)
        column = QWidget()
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 8, 0)
        column_layout.addWidget(paper)
        column_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        self.markdown_button.clicked.connect(lambda: self.export("md"))
        self.html_button.clicked.connect(lambda: self.export("html"))
        self.home_button.clicked.connect(self.home_requested)
        self.retranslate()

    def show_summary(
        self,
        summary: SessionSummary,
        store: Store,
        lang: Lang,
        report: MockReport | None = None,
        items: Sequence[StudyItem] = (),
        pending: Sequence[ItemResult] = (),
    ) -> None:
        """Fill the page for a finished session (``report`` and its ``items`` for a mock;
        ``pending``: free-text answers whose proposed score the learner has to confirm)."""
        self.items = tuple(items)
        self.pending = tuple(pending)
        self._kept_ticks = {}
        self.summary = summary
        self.store = store
        self.lang = lang
        self.report = report
        self.status.clear()
        self._fill()
        QTimer.singleShot(0, self.focus_first)

    def focus_first(self) -> None:
        """Keyboard first: Enter goes home, or on a mock report with answers to confirm, Enter
        confirms (Shift+Tab reaches the ticks, Space toggles one)."""
        confirm = getattr(self, "confirm_button", None)
        if self.pending_answers and isinstance(confirm, QPushButton):
            target = confirm
        else:
            target = self.home_button
        target.setDefault(True)
        give_focus(target)

    def _clear_body(self) -> None:
        for result, answer in self.pending_answers:
            if answer.checks:
                self._kept_ticks[result.attempt_id] = [c.isChecked() for c in answer.checks]
        self.pending_answers = []
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _section(
        self,
        title: str,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        stretch: Sequence[int] = (),
    ) -> None:
        label = QLabel(title)
        set_role(label, "subheading")
        self.body.addWidget(label)
        if not rows:
            empty = QLabel(self.tr("None."))
            set_role(empty, "muted")
            self.body.addWidget(empty)
            return
        # The name column takes the spare width (after the "#" column when there is one), or the
        # ``stretch`` columns share it: two long texts side by side each wrap in their half.
        table = FittedTable(rows, stretch or (1 if headers[0] == "#" else 0))
        table.setHorizontalHeaderLabels(list(headers))
        self.body.addWidget(table)

    def _subject_name(self, subject: str) -> str:
        title = mock_topic_title(subject, self.lang)
        return title if title != subject else names.cell_name(subject)

    def _mistake_name(self, kind: str) -> str:
        if kind.startswith(QUESTION_MISS):
            kind_name = names.question_type_name(kind.removeprefix(QUESTION_MISS))
            return self.tr("Missed question: %1").replace("%1", kind_name)
        return mistake_title(kind, self.lang)

    def _item_name(self, item: StudyItem) -> str:
        if item.template is not None:  # named as the exports name it, its notation rendered
            return to_unicode(item_title(item.key, "zh" if self.lang == "zh" else "en"))
        return f"{mock_topic_title(item.topic, self.lang)}  ·  {item.key.partition(':')[2]}"

    def _fill(self) -> None:
        self._clear_body()
        summary = self.summary
        if summary is None:
            return
        self.heading.setText(self._title(summary.mode))
        if self.report is not None:
            self._fill_mock(self.report)
            return
        if not summary.results:
            self.overview.setText(self.tr("No answers were recorded in this session."))
        else:
            self.overview.setText(
                self.tr("%1 answered · mean score %2 · %3 min")
                .replace("%1", str(summary.answered))
                .replace("%2", _percent(summary.mean_score))
                .replace("%3", f"{summary.total_seconds / 60:.1f}")
            )
        self._section(
            self.tr("By topic or cell"),
            [self.tr("Topic / cell"), self.tr("Answers"), self.tr("Mean score")],
            [[self._subject_name(s), str(n), _percent(m)] for s, n, m in summary.by_subject],
        )
        self._section(
            self.tr("Named mistakes"),
            [self.tr("Mistake"), self.tr("Times")],
            [[self._mistake_name(k), str(n)] for k, n in summary.mistakes],
        )
        self._section(
            self.tr("Answers"),
            ["#", self.tr("Item"), self.tr("Score"), self.tr("Time")],
            [
                [str(n), self._item_name(r.item), _percent(r.score), f"{r.seconds:.0f} s"]
                for n, r in enumerate(summary.results, start=1)
            ],
        )

    def _fill_mock(self, report: MockReport) -> None:
        summary = report.summary
        overview = (
            self.tr("Score %1 (unanswered count as 0) · %2 of %3 answered · %4 of %5 min")
            .replace("%1", _percent(report.score))
            .replace("%2", str(summary.answered))
            .replace("%3", str(len(report.times)))
            .replace("%4", f"{summary.elapsed_seconds / 60:.1f}")
            .replace("%5", f"{report.budget_seconds / 60:.0f}")
        )
        if self.pending:
            overview += "\n" + self.tr(
                "Not final: confirm the key points of your free-text answers below."
            )
            self._confirm_section()
        self.overview.setText(overview)
        self._section(
            self.tr("Score by topic"),
            [self.tr("Topic"), self.tr("Answered"), self.tr("Score")],
            [
                [
                    mock_topic_title(r.topic, self.lang),
                    f"{r.answered}/{r.asked}",
                    _percent(r.mean_score),
                ]
                for r in report.by_topic
            ],
        )
        self._section(
            self.tr("Mistakes by kind"),
            [self.tr("Mistake"), self.tr("Times")],
            [[self._mistake_name(k), str(n)] for k, n in report.mistakes_by_kind],
        )
        lang = self.lang
        self._section(
            self.tr("Missed questions"),
            [self.tr("Question"), self.tr("Score"), self.tr("Key points missed")],
            [
                [
                    to_unicode(m.prompt.get(lang)),
                    _percent(m.score),
                    "; ".join(to_unicode(p.get(lang)) for p in m.missed_points) or "—",
                ]
                for m in report.missed
            ],
            stretch=(0, 2),
        )
        self._section(
            self.tr("Time per item"),
            ["#", self.tr("Item"), self.tr("Score"), self.tr("Time")],
            [
                [
                    str(n),
                    self._item_name(item),
                    _percent(t.score),
                    "—" if t.seconds is None else f"{t.seconds:.0f} s",
                ]
                for n, (t, item) in enumerate(zip(report.times, self.items, strict=False), start=1)
            ],
        )
        study = [[mock_topic_title(t, self.lang)] for t in report.study_next]
        self._section(self.tr("What to study next"), [self.tr("Topic")], study)

    def _confirm_section(self) -> None:
        """Each pending free-text answer with its proposed ticks, and the Confirm button."""
        title = QLabel(self.tr("Your free-text answers: which key points did each make?"))
        set_role(title, "subheading")
        title.setWordWrap(True)
        self.body.addWidget(title)
        for result in self.pending:
            question = result.item.question
            if question is None:
                continue
            prompt = QLabel()
            set_rich_text(prompt, question.prompt.get(self.lang))
            prompt.setWordWrap(True)
            set_role(prompt, "muted")
            self.body.addWidget(prompt)
            answer = FreeTextAnswer(question, self.lang)
            answer.edit.setPlainText(result.answer)
            answer.lock(True)
            answer.show_as_given()
            answer.grade()  # opens the checklist, pre-ticked by the grader
            for check, ticked in zip(
                answer.checks, self._kept_ticks.get(result.attempt_id, ()), strict=False
            ):
                check.setChecked(ticked)
            self.body.addWidget(answer)
            self.pending_answers.append((result, answer))
        self.confirm_button = QPushButton(self.tr("Confirm scores"))
        set_role(self.confirm_button, "primary")
        self.confirm_button.setShortcut("Ctrl+Return")
        self.confirm_button.clicked.connect(self.confirm)
        self.body.addWidget(self.confirm_button, 0, Qt.AlignmentFlag.AlignLeft)

    def confirm(self) -> None:
        """Send the learner's ticks as the confirmed scores."""
        scores = [
            (result.attempt_id, answer.score(), answer.missed_points())
            for result, answer in self.pending_answers
        ]
        if scores:
            self.confirm_requested.emit(scores)

    # ----- export ------------------------------------------------------------------------------

    def export(self, kind: str) -> bool:
        """Save the report as Markdown (``md``) or HTML (``html``); False when cancelled."""
        from quizapp.study.export import report_html, report_markdown, session_report
        from quizapp.study.mock_export import mock_report_html, mock_report_markdown

        if self.summary is None or self.store is None:
            return False
        name_filter = self.tr("Markdown (*.md)") if kind == "md" else self.tr("Web page (*.html)")
        suggested = f"quizapp-session-{self.summary.session_id}.{kind}"
        path = files.ask_save_path(self, self.tr("Save the report"), name_filter, suggested)
        if path is None:
            return False
        if inside_data_folder(path):
            self.status.setText(
                self.tr(
                    "Not saved: %1 is inside the data folder (it would overwrite the history); "
                    "choose a file outside it."
                ).replace("%1", str(path))
            )
            return False
        lang = "zh" if self.lang == "zh" else "en"
        if self.report is not None:
            mock = self.report
            text = (
                mock_report_markdown(mock, lang) if kind == "md" else mock_report_html(mock, lang)
            )
        else:
            report = session_report(self.store, self.summary.session_id)
            text = report_markdown(report, lang) if kind == "md" else report_html(report, lang)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            log.exception("could not write the report")
            self.status.setText(self.tr("Could not save: %1").replace("%1", str(error)))
            return False
        self.status.setText(self.tr("Saved to %1").replace("%1", str(path)))
        return True

    # ----- language ----------------------------------------------------------------------------

    def _title(self, mode: StudyMode) -> str:
        titles = {
            StudyMode.DRILL: self.tr("Drill session: summary"),
            StudyMode.REVIEW: self.tr("Review: summary"),
            StudyMode.MOCK: self.tr("Mock interview: report"),
            StudyMode.MISTAKES: self.tr("Mistakes: summary"),
            StudyMode.QUESTIONS: self.tr("Questions: summary"),
        }
        return titles[mode]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Interface texts."""
        self.markdown_button.setText(self.tr("Save as Markdown"))
        self.markdown_button.setToolTip(self.tr("Save this report as a Markdown file"))
        self.html_button.setText(self.tr("Save as HTML"))
        self.html_button.setToolTip(self.tr("Save this report as a web page"))
        self.home_button.setText(self.tr("Back to home"))
        if self.summary is not None:
            self._fill()
        else:
            self.heading.setText(self.tr("Summary"))
