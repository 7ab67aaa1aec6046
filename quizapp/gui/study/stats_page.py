"""The statistics screen: headline numbers, six charts, an opt-in streak and the CSV export.

The charts (``charts``, matplotlib) are built the first time the page is shown, not at start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from questions.schema import Lang
from quizapp.gui import theme
from quizapp.gui.study import files
from quizapp.gui.theme import set_role
from quizapp.paths import inside_data_folder
from quizapp.study.display_names import cell_title, quantity_title
from quizapp.study.mock import mistake_title, topic_title
from quizapp.study.stats import StatsSummary, build_stats
from quizapp.study.store import Store

log = logging.getLogger(__name__)


class StatsPage(QWidget):
    """Statistics of the whole history, refreshed each time the page is shown.

    ``streak_toggled(bool)`` when the learner ticks or clears "Show my streak" (kept in settings).
    """

    streak_toggled = Signal(bool)

    def __init__(
        self,
        store: Callable[[], Store],
        now: Callable[[], datetime],
        lang: Callable[[], Lang] = lambda: "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._now = now
        self._lang = lang
        self.summary: StatsSummary | None = None
        self.canvas: Any = None
        self.heading = QLabel()
        set_role(self.heading, "heading")
        self.headline = QLabel()
        set_role(self.headline, "subheading")
        self.headline.setWordWrap(True)
        self.streak_box = QCheckBox()
        self.streak = QLabel()
        set_role(self.streak, "muted")
        self.streak.hide()
        self.status = QLabel()
        set_role(self.status, "muted")
        self.status.setWordWrap(True)
        self.csv_button = QPushButton()
        self.anki_button = QPushButton()  # a menu: all questions or my mistakes, as an Anki deck
        self.anki_menu = QMenu(self)
        self.anki_all = self.anki_menu.addAction("")
        self.anki_mistakes = self.anki_menu.addAction("")
        self.anki_button.setMenu(self.anki_menu)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.streak_box)
        top.addWidget(self.csv_button)
        top.addWidget(self.anki_button)
        self.chart_box = QVBoxLayout()
        column = QWidget()
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 8, 0)
        column_layout.addLayout(self.chart_box)
        column_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addWidget(self.streak)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll_area, 1)
        self.streak_box.toggled.connect(self._on_streak_box)
        self.csv_button.clicked.connect(self.export_csv)
        self.anki_all.triggered.connect(lambda: self.export_anki(mistakes=False))
        self.anki_mistakes.triggered.connect(lambda: self.export_anki(mistakes=True))
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Recompute the statistics and redraw (creating the charts on first use)."""
        try:
            self.summary = build_stats(self._store(), self._now())
        except Exception as error:  # the page must open even if the history cannot be read
            log.exception("statistics could not be computed")
            self.status.setText(self.tr("Statistics unavailable: %1").replace("%1", str(error)))
            return
        self._update_headline()
        self._update_streak()
        self._draw()

    def _draw(self) -> None:
        from quizapp.gui.study import charts

        if self.summary is None:
            return
        if self.canvas is None:
            self.canvas = charts.make_canvas()
            self.canvas.setMinimumHeight(900)
            self.chart_box.addWidget(self.canvas)
        texts = charts.ChartTexts(
            topics=self.tr("Accuracy by topic (%, weakest first)"),
            quantities=self.tr("Accuracy by cell and quantity (%)"),
            mistakes=self.tr("Most frequent mistakes (↓ fading)"),
            per_day=self.tr("Answers per day"),
            forecast=self.tr("Reviews due (today includes overdue)"),
            seconds=self.tr("Median seconds per drill"),
            empty=self.tr("No data yet"),
        )
        charts.draw_stats(
            self.canvas.figure,
            self.summary,
            theme.current_colors(),
            texts,
            lambda topic: topic_title(topic, self._lang()),
            lambda kind: mistake_title(kind, self._lang()),
            lambda cell, key: quantity_title(cell, key, self._lang()),
            lambda cell: cell_title(cell, self._lang()),
        )

    def _update_headline(self) -> None:
        summary = self.summary
        if summary is None:
            return
        median = summary.median_drill_seconds
        text = self.tr("%n answers recorded", "", summary.total_attempts)
        if median is not None:
            text += " · " + self.tr("median %1 s per drill").replace("%1", f"{median:.0f}")
        due = summary.due_forecast[0][1] if summary.due_forecast else 0
        text += " · " + self.tr("%1 due today").replace("%1", str(due))
        if summary.unconfirmed_scores:
            text += " · " + self.tr("free-text scores never confirmed: %1").replace(
                "%1", str(summary.unconfirmed_scores)
            )
        self.headline.setText(text)

    def set_streak_shown(self, shown: bool) -> None:
        """Tick or clear the streak box from the settings (no ``streak_toggled``)."""
        if self.streak_box.isChecked() != shown:
            self.streak_box.blockSignals(True)
            self.streak_box.setChecked(shown)
            self.streak_box.blockSignals(False)
        self._update_streak()

    def _on_streak_box(self, shown: bool) -> None:
        self._update_streak()
        self.streak_toggled.emit(shown)

    def redraw(self) -> None:
        """Draw the charts again in the current theme's colours (when they exist)."""
        if self.canvas is not None:
            self._draw()

    def _update_streak(self) -> None:
        shown = self.streak_box.isChecked() and self.summary is not None
        self.streak.setVisible(shown)
        if shown and self.summary is not None:
            self.streak.setText(self.tr("Streak: %n days in a row", "", self.summary.streak_days))

    def export_csv(self) -> bool:
        """Write the whole history as CSV where the learner chooses; False when cancelled."""
        from quizapp.study.export import export_history_csv

        path = files.ask_save_path(
            self, self.tr("Export the history"), self.tr("CSV (*.csv)"), "quizapp-history.csv"
        )
        if path is None:
            return False
        if inside_data_folder(path):
            self.status.setText(self._refusal(path))
            return False
        try:
            rows = export_history_csv(self._store(), path)
        except OSError as error:
            self.status.setText(self.tr("Could not save: %1").replace("%1", str(error)))
            return False
        self.status.setText(self.tr("Wrote %n answers to %1", "", rows).replace("%1", str(path)))
        return True

    def export_anki(self, mistakes: bool) -> bool:
        """Write an Anki deck of every question (or of those got wrong, newest first) in the
        content language where the learner chooses; False when cancelled or not written."""
        from quizapp.export.anki_save import save_anki_deck

        path = files.ask_save_path(
            self,
            self.tr("Export an Anki deck"),
            self.tr("Anki package (*.apkg)"),
            "quizapp-mistakes.apkg" if mistakes else "quizapp-questions.apkg",
        )
        if path is None:
            return False
        if path.suffix.lower() != ".apkg":
            path = path.with_name(path.name + ".apkg")
        if inside_data_folder(path):
            self.status.setText(self._refusal(path))
            return False
        try:
            notes = save_anki_deck(self._store(), path, self._lang(), mistakes)
        except OSError as error:
            self.status.setText(self.tr("Could not save: %1").replace("%1", str(error)))
            return False
        if notes == 0:
            self.status.setText(self.tr("No wrong answers to questions yet; nothing was written."))
            return False
        self.status.setText(
            self.tr("Wrote %n cards to %1 (import it in Anki)", "", notes).replace("%1", str(path))
        )
        return True

    def _refusal(self, path: Path) -> str:
        return self.tr(
            "Not saved: %1 is inside the data folder (it would overwrite the history); "
            "choose a file outside it."
        ).replace("%1", str(path))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Interface texts (and the charts' titles)."""
        self.heading.setText(self.tr("Statistics"))
        self.streak_box.setText(self.tr("Show my streak"))
        # Short labels (an ending "…" read as text cut off); the tooltips say the rest.
        self.csv_button.setText(self.tr("Export CSV"))
        self.csv_button.setToolTip(
            self.tr("Save the whole history as a CSV file, one row per answer")
        )
        self.anki_button.setText(self.tr("Anki deck"))
        self.anki_button.setToolTip(
            self.tr("Cards for Anki; exporting again updates the cards instead of adding copies")
        )
        self.anki_all.setText(self.tr("All questions…"))
        self.anki_mistakes.setText(self.tr("My mistakes (newest first)…"))
        self._update_headline()
        self._update_streak()
        if self.canvas is not None:
            self._draw()
