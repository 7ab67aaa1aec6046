"""The study modes in the app: drill session, review due, mock interview, mistakes, statistics.

``install_study_pages(window)`` registers the pages ("study", "study_summary", "stats"), adds the
home-screen entries and loads this package's own Chinese translation (``i18n/study_zh_CN.qm``),
switched with the interface language. Nothing heavy happens here: the pages and their controller
are built when first opened, the history database is opened on first use and matplotlib is
imported when the statistics page is first shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTranslator

if TYPE_CHECKING:
    from quizapp.gui.main_window import MainWindow
    from quizapp.gui.study.controller import StudyController
    from quizapp.gui.study.practice_recorder import PracticeRecorder
    from quizapp.gui.study.session_page import StudyPage
    from quizapp.gui.study.stats_page import StatsPage
    from quizapp.gui.study.summary_page import SummaryPage
    from quizapp.settings import Settings
    from quizapp.study.store import Store

log = logging.getLogger(__name__)

QM_FILES = {
    "en": Path(__file__).resolve().parent.parent / "i18n" / "study_en.qm",  # plural forms only
    "zh": Path(__file__).resolve().parent.parent / "i18n" / "study_zh_CN.qm",
}
_translator: list[QTranslator] = []


def set_study_language(language: str) -> bool:
    """Install the study pages' translation for ``language``: Chinese, or for English the singular
    and plural of the messages with a count; False if its file is missing."""
    for translator in _translator:
        QCoreApplication.removeTranslator(translator)
    _translator.clear()
    path = QM_FILES["zh" if language == "zh" else "en"]
    app = QCoreApplication.instance()
    translator = QTranslator(app)
    if not translator.load(str(path)):
        log.warning("no study-pages translation at %s", path)
        return False
    QCoreApplication.installTranslator(translator)
    _translator.append(translator)
    return True


@dataclass(frozen=True)
class _Built:
    controller: StudyController
    page: StudyPage
    summary: SummaryPage
    stats: StatsPage
    practice: PracticeRecorder


class StudyPages:
    """What ``install_study_pages`` made (tests and screenshots use it).

    The pages and the controller are built on first use: opening one of the study pages, a home
    entry, or reading an attribute here. Until then nothing of the study code (fsrs, sqlite3, the
    session and statistics modules) is imported, which keeps start-up short.
    """

    def __init__(
        self,
        window: MainWindow,
        now: Callable[[], datetime] | None,
        store: Store | None,
        seed: int | None,
    ) -> None:
        self._window = window
        self._now = now
        self._store = store
        self._seed = seed
        self._built: _Built | None = None

    @property
    def controller(self) -> StudyController:
        """The controller of the study sessions."""
        return self._ensure().controller

    @property
    def page(self) -> StudyPage:
        """The page of a running session ("study")."""
        return self._ensure().page

    @property
    def summary(self) -> SummaryPage:
        """The summary or mock-interview report ("study_summary")."""
        return self._ensure().summary

    @property
    def practice(self) -> PracticeRecorder:
        """Records free practice from the drill and question pages into the history."""
        return self._ensure().practice

    @property
    def stats(self) -> StatsPage:
        """The statistics page ("stats")."""
        return self._ensure().stats

    def session_running(self) -> bool:
        """Whether a study session is under way (its page can be returned to)."""
        if self._built is None:
            return False
        session = self._built.controller.session
        return session is not None and session.summary is None

    def is_built(self) -> bool:
        """Whether the pages and the controller exist yet."""
        return self._built is not None

    def open_history(self) -> None:
        """Open the history database now (a repaired one is reported on the status line)."""
        self.controller.usable_store()

    def close(self) -> None:
        """The window closes: end a running session and close the store (if ever opened)."""
        if self._built is not None:
            self._built.controller.close()

    def apply_settings(self, settings: Settings) -> None:
        """Pass a settings change on to pages that exist (new pages start with the settings)."""
        if self._built is None:
            return
        self._built.stats.set_streak_shown(settings.show_streak)
        self._built.page.set_language("zh" if settings.content_language == "zh" else "en")

    def redraw_charts(self) -> None:
        """The theme's colours changed: draw the statistics charts again (if the page exists)."""
        if self._built is not None:
            self._built.stats.redraw()

    def _ensure(self) -> _Built:
        if self._built is None:
            self._built = self._build()
            for name in PAGE_NAMES:  # into the window's stack at once, so all three get events
                self._window.page(name)
        return self._built

    def _build(self) -> _Built:
        from quizapp.gui.study.controller import StudyController
        from quizapp.gui.study.practice_recorder import PracticeRecorder
        from quizapp.gui.study.session_page import StudyPage
        from quizapp.gui.study.stats_page import StatsPage
        from quizapp.gui.study.summary_page import SummaryPage

        window = self._window
        settings = window.state.settings
        page = StudyPage()
        summary = SummaryPage()
        controller = StudyController(
            window, page, summary, now=self._now, store=self._store, seed=self._seed
        )
        stats = StatsPage(controller.store, controller.now, controller.lang)
        stats.set_streak_shown(settings.show_streak)
        stats.streak_toggled.connect(lambda shown: window.state.update(show_streak=bool(shown)))
        page.set_language("zh" if settings.content_language == "zh" else "en")
        return _Built(controller, page, summary, stats, PracticeRecorder(window, controller))


PAGE_NAMES = ("study", "study_summary", "stats")


def install_study_pages(
    window: MainWindow,
    *,
    now: Callable[[], datetime] | None = None,
    store: Store | None = None,
    seed: int | None = None,
) -> StudyPages:
    """Register the study pages (built on first use) and the home entries on ``window``."""
    from quizapp.gui.home_entry import HomeEntry

    state = window.state
    set_study_language(state.settings.interface_language)
    pages = StudyPages(window, now, store, seed)
    window.register_page("study", lambda: pages.page)
    window.register_page("study_summary", lambda: pages.summary)
    window.register_page("stats", lambda: pages.stats)
    window.set_page_guard("study", pages.session_running)

    def on_page(name: str) -> None:
        # Home from a running session ends it: its answers are saved, and the page cannot be
        # re-entered to take input that would be dropped. (Settings or the shortcut sheet on the
        # way keep it running: Esc comes back to it.)
        if name == "home" and pages.session_running():
            pages.page.keep_draft()  # an answer typed but not checked comes back with its item
            pages.controller.end_session()

    window.page_shown.connect(on_page)
    applied = {"language": state.settings.interface_language}

    def on_settings(settings: Settings) -> None:
        # Only on a real switch: reinstalling a translator makes every widget retranslate.
        if settings.interface_language != applied["language"]:
            applied["language"] = settings.interface_language
            set_study_language(settings.interface_language)
        pages.apply_settings(settings)

    state.settings_changed.connect(on_settings)
    state.colors_changed.connect(pages.redraw_charts)
    window.drill_practised.connect(lambda *args: pages.practice.record_drill(*args))
    window.question_practised.connect(lambda *args: pages.practice.record_question(*args))
    window.question_rescored.connect(lambda *args: pages.practice.rescore(*args))
    window.drill_revealed.connect(lambda *args: pages.practice.record_drill_shown(*args))
    window.question_revealed.connect(lambda *args: pages.practice.record_question_shown(*args))
    # Not window.destroyed: a Python slot run while the interpreter shuts down can crash it.
    window.closing.connect(pages.close)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(pages.close)

    # The texts are literal translate() calls in this list so that pyside6-lupdate finds them.
    entries = (
        (
            "review",
            lambda: QCoreApplication.translate("StudyEntries", "Review due"),
            lambda: QCoreApplication.translate(
                "StudyEntries", "questions and drills due today, interleaved"
            ),
            lambda: pages.controller.start_review(),
        ),
        (
            "drill-session",
            lambda: QCoreApplication.translate("StudyEntries", "Drill session"),
            lambda: QCoreApplication.translate(
                "StudyEntries",
                "10 drills from the cells and quantities chosen above, then a summary",
            ),
            lambda: pages.controller.start_drills(),
        ),
        (
            "mock",
            lambda: QCoreApplication.translate("StudyEntries", "Mock interview"),
            lambda: QCoreApplication.translate(
                "StudyEntries", "25 minutes, questions and computations, a report at the end"
            ),
            lambda: pages.controller.start_mock(),
        ),
        (
            "mistakes",
            lambda: QCoreApplication.translate("StudyEntries", "Mistakes"),
            lambda: QCoreApplication.translate(
                "StudyEntries", "retry what went wrong, newest first"
            ),
            lambda: pages.controller.start_mistakes(),
        ),
        (
            "stats",
            lambda: QCoreApplication.translate("StudyEntries", "Statistics"),
            lambda: QCoreApplication.translate(
                "StudyEntries", "accuracy, frequent mistakes, reviews to come; export"
            ),
            lambda: window.show_page("stats"),
        ),
    )
    for key, title, description, activate in entries:
        window.add_home_entry(HomeEntry(key, title, description, _activator(activate)))
    return pages


def _activator(start: Callable[[], object]) -> Callable[[], None]:
    def activate() -> None:
        start()

    return activate


__all__ = ["StudyPages", "install_study_pages", "set_study_language"]
