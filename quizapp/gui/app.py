"""Starting the Qt application: settings, logging, translations, theme, the crash dialog, the window.

``run`` is what ``quizapp`` / ``quizapp gui`` call; ``start`` builds everything without entering the
event loop (tests, screenshots, the startup benchmark).

Import order matters for start-up time: once PySide6 is imported, its ``__feature__`` import hook
reads the source of every module imported after it (to see whether it uses PySide6), which makes
each later import slower. The Qt-free modules the home screen needs (numpy, the engine, the
settings, the question filters) are therefore imported here before the first PySide6 import. What
only a drill needs (the generator with numpy.random, the cached formulas, the diagram's geometry,
grading) is imported in the background once the home screen is up (``quizapp.gui.preload``), or
by the first drill if that comes first.
"""

from __future__ import annotations

# Before PySide6 (see the module docstring): what the home screen imports anyway.
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy  # noqa: F401

import questions.topics  # noqa: F401
import quizapp.drills
import quizapp.gui.drill_plan
import quizapp.gui.question_deck  # noqa: F401
from quizapp import settings as settings_module
from quizapp.gui import home_choices
from quizapp.settings import Settings

# isort: split
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from quizapp.gui import enter_key, theme
from quizapp.gui.app_state import AppState
from quizapp.gui.main_window import MainWindow

if TYPE_CHECKING:
    from quizapp.gui.study import StudyPages

log = logging.getLogger(__name__)

APP_NAME = "quizapp"
HISTORY_DELAY_MS = 300
# The preload thread holds the interpreter lock for most of its ~45 ms: started at once, it held
# up the home screen's first paint by ~35 ms; started after it, the learner does not notice.
PRELOAD_DELAY_MS = 200


@dataclass
class Started:
    """What ``start`` built; ``study`` is ``None`` when started with ``study=False``."""

    app: QApplication
    state: AppState
    window: MainWindow
    study: StudyPages | None = None


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (the existing one if there is one)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    arguments = list(argv) if argv is not None else [sys.argv[0]]
    app = QApplication([*arguments, *theme.STYLE_ARGUMENTS])
    theme.style_set_by_arguments()
    app.setApplicationDisplayName("quizapp")
    return app


def start(
    settings: Settings | None = None,
    *,
    persist: bool = True,
    argv: Sequence[str] | None = None,
    study: bool = True,
) -> Started:
    """Build the app and its window (not shown); ``settings`` default to the saved ones.

    ``study=False`` leaves out the study modes (tests that install them with their own clock).
    """
    app = application(argv)
    enter_key.install(app)
    problems: tuple[str, ...] = ()
    if settings is None:
        loaded = settings_module.load()
        settings, problems = loaded.settings, loaded.problems
    for problem in problems:
        log.warning("settings: %s", problem)
    state = AppState(settings, persist=persist)
    _drop_choices_not_offered(state)
    state.apply_to_application()
    window = MainWindow(state)
    window.closing.connect(state.stop_following_system)
    pages = None
    if study:
        from quizapp.gui.study import install_study_pages

        pages = install_study_pages(window)
    if problems:
        window.statusBar().showMessage("; ".join(problems), 15000)
    return Started(app, state, window, pages)


def _drop_choices_not_offered(state: AppState) -> None:
    """Remove from the settings (and the file) the home screen's saved cells, quantities, topics
    and types that the app no longer offers, with a log line for each."""
    restored = home_choices.restore(state.settings)
    for line in restored.dropped:
        log.warning("settings: %s", line)
    if restored.dropped:
        state.update(**restored.choices.settings_changes())


def run(argv: Sequence[str] | None = None) -> int:
    """Start the GUI and run it until the window closes; returns the exit status."""
    from quizapp.gui.crash import install_excepthook

    install_excepthook(_logging())
    return int(launch(argv).app.exec())


def _logging() -> Path:
    from quizapp.log import setup_logging  # logging.handlers pulls in socket: not needed by start

    return setup_logging()


def launch(argv: Sequence[str] | None = None) -> Started:
    """What ``run`` does before the event loop: the window shown, the bank and the history to be
    loaded once it is up, the log file's problem (if any) on the status line."""
    from quizapp import log as log_module
    from quizapp.gui.preload import preload_in_background
    from quizapp.gui.status_line import tell

    log_path = _logging()
    started = start(argv=argv)
    started.window.show()
    log_problem = log_module.problem()
    if log_problem is not None:
        log.warning("%s", log_problem)
        tell(started.window, log_problem)
    started.window.load_bank_later()
    if started.study is not None:
        # Open the history once the window is up, so a repaired database is reported at once;
        # after a short delay, so that building the study pages does not hold up the first paint.
        QTimer.singleShot(HISTORY_DELAY_MS, started.study.open_history)
    QTimer.singleShot(PRELOAD_DELAY_MS, preload_in_background)
    log.info("quizapp started; log at %s", log_path)
    return started
