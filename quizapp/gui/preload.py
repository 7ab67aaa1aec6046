"""Importing what a drill needs in the background while the learner looks at the home screen,
and compiling the free-text grader's lexicon.

The home screen needs none of these modules, so start-up leaves them out; the first drill would
then pay for them, unless this thread has imported them first. Only Qt-free modules are listed:
the thread is not the GUI thread, and Qt types are made on the GUI thread alone. This module is
itself free of Qt, so a test can import the list without PySide6.
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading

log = logging.getLogger(__name__)

# In the order the first drill needs them. Not concurrent.futures.thread (the formula renderer's
# worker): importing it registers an exit hook, which fails when the app quits during the preload.
PRELOADED = (
    "numpy.random",
    "quizapp.drills.generate",
    "quizapp.formulas",
    "quizapp.formulas.breaking",
    "quizapp.gui.diagram.placement",
    "quizapp.gui.diagram.labels",
    "quizapp.gui.diagram.layout",
    "quizapp.gui.diagram.texts",
    "quizapp.gui.diagram.palette",
    "quizapp.grading.messages",
    "quizapp.grading.feedback",
    "quizapp.richtext",
)


def preload_in_background() -> threading.Thread:
    """Start importing ``PRELOADED`` on a daemon thread; returns the thread."""

    def preload() -> None:
        try:
            for name in PRELOADED:
                if sys.is_finalizing():  # the app is quitting: nothing left to prepare
                    return
                importlib.import_module(name)
            if not sys.is_finalizing():
                # The free-text grader reads and compiles the lexicon (about half a second):
                # here, not on the GUI thread at the learner's first Check.
                from quizapp.grading.freetext import default_grader

                default_grader()
        except Exception:
            log.exception("preloading the drill modules failed")

    thread = threading.Thread(target=preload, name="preload", daemon=True)
    thread.start()
    return thread
