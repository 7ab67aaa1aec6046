"""Grading typed answers off the GUI thread, so that a slow check never freezes the window.

A symbolic answer is compared with sympy and the bounded evaluator (``quizapp.grading.symbolic``):
usually milliseconds. The numeric route stops at ``TIME_BUDGET`` (0.1 s) and the symbolic route is
abandoned at ``SYMBOLIC_BUDGET`` (2 s, ``quizapp.grading.budget.within``), so one check ends a
little over two seconds at most: still too long for the GUI thread. The page hands the grading to
``GradingWorker.run`` as a function without Qt in it and shows "checking…"; the result comes back
on the GUI thread through a queued signal.

One thread, shared by every page, grades one answer at a time. Only the newest job of a page
counts: ``cancel`` (the item left the screen, the answer was edited) and every new
``run`` make an older job's result be dropped when it arrives, so a late result is never applied
to another item. A job that raises is logged and handed to ``failed``; a result that arrives
after the worker's owner is gone is dropped.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

log = logging.getLogger(__name__)

_shared: list[ThreadPoolExecutor] = []


def _executor() -> ThreadPoolExecutor:
    """The one grading thread of the app, shared by every page (made at the first job)."""
    if not _shared:
        _shared.append(ThreadPoolExecutor(max_workers=1, thread_name_prefix="grading"))
    return _shared[0]


class GradingWorker(QObject):
    """Runs grading jobs on one worker thread; only the newest job's result is delivered."""

    _finished = Signal(int, object, object)  # ticket, result, exception or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ticket = 0
        self._waiting: tuple[int, Callable[[Any], None], Callable[[Exception], None]] | None = None
        self._finished.connect(self._deliver)

    def run(
        self,
        job: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> None:
        """Run ``job`` on the worker; ``done(result)`` or ``failed(error)`` follows on the GUI
        thread unless another ``run`` or a ``cancel`` comes first."""
        self._ticket += 1
        self._waiting = (self._ticket, done, failed)
        _executor().submit(self._work, self._ticket, job)

    def cancel(self) -> None:
        """Forget the job in progress: its result will be dropped."""
        self._ticket += 1
        self._waiting = None

    def busy(self) -> bool:
        """Whether a result is awaited."""
        return self._waiting is not None

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Process events until no result is awaited (screenshots and tests)."""
        deadline = time.monotonic() + timeout
        while self.busy() and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.002)
        return not self.busy()

    def _work(self, ticket: int, job: Callable[[], Any]) -> None:
        result: Any = None
        error: Exception | None = None
        try:
            result = job()
        except Exception as problem:  # handed to the GUI thread, which says so
            error = problem
        try:
            self._finished.emit(ticket, result, error)
        except RuntimeError:  # the page that asked is gone: nobody is waiting
            log.debug("a grading result arrived after its page was closed")

    def _deliver(self, ticket: int, result: Any, error: Exception | None) -> None:
        waiting = self._waiting
        if waiting is None or waiting[0] != ticket:
            return  # an older job, or the item is no longer shown
        self._waiting = None
        if error is not None:
            log.error("grading failed", exc_info=error)
            waiting[2](error)
        else:
            waiting[1](result)
