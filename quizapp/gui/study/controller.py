"""Starts the study modes and owns what they share: the history store, the clock, the timer.

``now`` is injectable (tests move the clock over simulated days); the store is opened on first
use. Modes: a drill session from the home screen's choices, review due, mock interview, mistakes.
"""

from __future__ import annotations

import logging
import random
import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from questions.schema import Lang
from quizapp.gui.status_line import tell
from quizapp.study import StudyError
from quizapp.study.mock import DEFAULT_MINUTES, mock_items, mock_report
from quizapp.study.modes import drill_session_items, mistake_items, review_items
from quizapp.study.schedule import ReviewScheduler
from quizapp.study.session import StudyItem, StudySession, system_now
from quizapp.study.store import Store, StoreError, StudyMode

if TYPE_CHECKING:
    from quizapp.gui.main_window import MainWindow
    from quizapp.gui.study.session_page import StudyPage
    from quizapp.gui.study.summary_page import SummaryPage

log = logging.getLogger(__name__)

DRILLS_PER_SESSION = 10


class StudyController(QObject):
    """Connects the study pages to the Qt-free session code."""

    def __init__(
        self,
        window: MainWindow,
        page: StudyPage,
        summary_page: SummaryPage,
        *,
        now: Callable[[], datetime] | None = None,
        store: Store | None = None,
        seed: int | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.page = page
        self.summary_page = summary_page
        self.now = now or system_now
        self._store = store
        self._rng = random.Random(seed)
        self.session: StudySession | None = None
        self._finished: StudySession | None = None
        self.mock_plan: tuple[StudyItem, ...] = ()
        self.mock_budget = DEFAULT_MINUTES * 60.0
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(page.tick)
        page.finished.connect(self._on_finished)
        summary_page.home_requested.connect(lambda: window.show_page("home"))
        summary_page.confirm_requested.connect(self._confirm_scores)

    # ----- shared things -----------------------------------------------------------------------

    def store(self) -> Store:
        """The history store (opened on first use, kept open); raises what ``Store.open`` raises.

        A damaged database is moved aside by ``Store.open``; where it went is said on the status
        line (kept until another message replaces it).
        """
        if self._store is None:
            self._store = Store.open(now=self.now())
            if self._store.report.message:
                log.warning("history: %s", self._store.report.message)
                tell(self.window, self._store.report.message)
        return self._store

    def usable_store(self) -> Store | None:
        """The store, or ``None`` after telling the learner on the status line why it cannot open."""
        try:
            return self.store()
        except (StudyError, sqlite3.Error, OSError) as error:
            log.exception("the history database could not be opened")
            tell(
                self.window,
                self.tr("The study history could not be opened: %1").replace("%1", str(error)),
            )
            return None

    def close(self) -> None:
        """End a running session and close the store (the window is closing); the store is opened
        again if needed later."""
        self.timer.stop()
        if self.session is not None and self.session.summary is None and self._store is not None:
            try:
                self.session.finish()  # its answers are already saved: this records the end
            except (StudyError, sqlite3.Error):
                log.exception("could not record the end of the session")
        if self._store is not None:
            self._store.close()
            self._store = None

    def scheduler(self) -> ReviewScheduler:
        """FSRS with the learner's desired retention (the settings' ``desired_retention``)."""
        retention = self.window.state.settings.desired_retention
        return ReviewScheduler(self.store(), desired_retention=retention)

    def lang(self) -> Lang:
        return "zh" if self.window.state.settings.content_language == "zh" else "en"

    def _tolerance(self) -> object:
        from quizapp.drills import Tolerance

        settings = self.window.state.settings
        return Tolerance(settings.tolerance_absolute, settings.tolerance_relative)

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)

    # ----- modes -------------------------------------------------------------------------------

    def _run(
        self,
        items: Sequence[StudyItem],
        mode: StudyMode,
        *,
        scheduled: bool = True,
        budget: float | None = None,
    ) -> bool:
        if not items or self.usable_store() is None:
            return False
        if self.session is not None and self.session.summary is None:
            self.session.finish()  # a session left half-way is ended, its answers kept
        self.session = StudySession(
            self.store(),
            items,
            mode,
            scheduler=self.scheduler() if scheduled else None,
            now=self.now,
            seed=self._rng.randrange(1 << 30),
            show_feedback=mode is not StudyMode.MOCK,
            time_budget_seconds=budget,
            tolerance=self._tolerance(),  # type: ignore[arg-type]
        )
        self.page.start(self.session, self.lang())
        if self.session.summary is None:
            self.window.show_page("study")
        if budget is not None:
            self.timer.start()
        return True

    def start_drills(self, count: int = DRILLS_PER_SESSION) -> bool:
        """N drills from the cells, quantities and difficulty chosen on the home screen."""
        plan = self.window.home.current_plan()
        if not plan.cells:
            self._say(self.tr("Choose at least one cell on the home screen first."))
            return False
        items = drill_session_items(plan.spec_for, count, self._rng)
        return self._run(items, StudyMode.DRILL)

    def start_review(self) -> bool:
        """Questions and drill templates due today, interleaved (plus a few new questions)."""
        store = self.usable_store()
        if store is None:
            return False
        items = review_items(store, self.window.questions(), self.now(), rng=self._rng)
        if not items:
            self._say(self.tr("Nothing is due today."))
            return False
        return self._run(items, StudyMode.REVIEW)

    def start_mistakes(self) -> bool:
        """Retry what went wrong, newest first."""
        store = self.usable_store()
        if store is None:
            return False
        items = mistake_items(store, self.window.questions())
        if not items:
            self._say(self.tr("No mistakes to retry yet."))
            return False
        return self._run(items, StudyMode.MISTAKES)

    def start_mock(self, minutes: float = DEFAULT_MINUTES) -> bool:
        """A timed interview; nothing is shown until the report."""
        items = mock_items(self.window.questions(), self._rng)
        self.mock_plan = tuple(items)
        self.mock_budget = minutes * 60.0
        return self._run(items, StudyMode.MOCK, scheduled=False, budget=self.mock_budget)

    def end_session(self) -> None:
        """End the running session without its summary (the learner went home): every answer
        is already saved; the session's end is recorded and its page cannot take input."""
        session = self.session
        if session is None or session.summary is not None:
            return
        self.timer.stop()
        try:
            session.finish()
        except (StudyError, sqlite3.Error):
            log.exception("could not record the end of the session")

    def _on_finished(self, session: StudySession) -> None:
        self.timer.stop()
        session.finish()
        self._finished = session
        self._show_summary(session)
        self.window.show_page("study_summary")

    def _show_summary(self, session: StudySession) -> None:
        summary = session.summary
        assert summary is not None
        mock = session.mode is StudyMode.MOCK
        report = mock_report(summary, self.mock_plan, self.mock_budget) if mock else None
        pending = session.unconfirmed() if mock else ()
        self.summary_page.show_summary(
            summary, self.store(), self.lang(), report, self.mock_plan, pending
        )

    def _confirm_scores(self, scores: list[tuple[int, float, tuple[str, ...]]]) -> None:
        """The learner confirmed the mock's free-text ticks: record them, then the final report."""
        session = self._finished
        if session is None:
            return
        try:
            for attempt_id, score, missed in scores:
                session.confirm_score(attempt_id, score, missed)
        except StoreError as error:
            self._say(
                self.tr("Could not record the confirmed scores: %1").replace("%1", str(error))
            )
            return
        self._show_summary(session)
