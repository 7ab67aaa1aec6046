"""Rendering LaTeX formulas off the GUI thread, with an in-memory cache of the images.

``quizapp.formulas.render_png`` caches PNGs on disk; a miss imports matplotlib and takes tens of
milliseconds per formula, so every request goes to one worker thread and the result comes back as a
signal. One worker keeps matplotlib's mathtext on a single thread. Images already in memory are
returned at once, and so are images already on disk (``render_cached_path`` reads the cache without
importing matplotlib), so with a warm cache the first drill shows its formulas in the first paint.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QImage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FormulaRequest:
    """What to render: the LaTeX, its size in points, its colour and the rendering dpi."""

    latex: str
    fontsize: float
    color: str
    dpi: int


class FormulaRenderer(QObject):
    """Renders formulas in a worker thread; ``rendered`` fires with the request when it is ready."""

    rendered = Signal(object)  # FormulaRequest
    _finished = Signal(object, object)  # FormulaRequest, QImage | None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._images: dict[FormulaRequest, QImage | None] = {}
        self._pending: set[FormulaRequest] = set()
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="formulas")
        self._finished.connect(self._store)

    def image(self, request: FormulaRequest) -> QImage | None:
        """The rendered image if it is ready; otherwise start rendering and return ``None``."""
        if request in self._images:
            return self._images[request]
        cached = self._load_cached(request)
        if cached is not None:
            self._images[request] = cached
            return cached
        self._submit(request)
        return None

    def failed(self, request: FormulaRequest) -> bool:
        """Whether rendering ``request`` was tried and failed."""
        return request in self._images and self._images[request] is None

    def prewarm(self, requests: list[FormulaRequest]) -> None:
        """Render ``requests`` in the background so that they are ready when shown."""
        for request in requests:
            if request not in self._images:
                self._submit(request)

    def pending(self) -> int:
        """How many requests are still being rendered."""
        with self._lock:
            return len(self._pending)

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Process events until every request is rendered (screenshots and tests)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            if self.pending() == 0:
                QCoreApplication.processEvents()
                return True
            time.sleep(0.005)
        return False

    def shutdown(self) -> None:
        """Stop the worker (pending renders are dropped)."""
        self._executor.shutdown(wait=False, cancel_futures=True)

    @staticmethod
    def _load_cached(request: FormulaRequest) -> QImage | None:
        """The image from the disk cache, or None when it is not there (or unreadable)."""
        from quizapp.formulas import render_cached_path

        try:
            path = render_cached_path(
                request.latex, fontsize=request.fontsize, color=request.color, dpi=request.dpi
            )
        except Exception:
            log.exception("could not look up the cached formula %r", request.latex)
            return None
        if path is None:
            return None
        image = QImage(str(path))
        return None if image.isNull() else image

    def _submit(self, request: FormulaRequest) -> None:
        with self._lock:
            if request in self._pending:
                return
            self._pending.add(request)
        future: Future[None] = self._executor.submit(self._render, request)
        del future

    def _render(self, request: FormulaRequest) -> None:
        image: QImage | None = None
        try:
            from quizapp.formulas import render_png

            path = render_png(
                request.latex, fontsize=request.fontsize, color=request.color, dpi=request.dpi
            )
            loaded = QImage(str(path))
            image = None if loaded.isNull() else loaded
            if image is None:
                log.warning("formula image could not be read: %s", path)
        except Exception:
            log.exception("could not render formula %r", request.latex)
        self._finished.emit(request, image)

    def _store(self, request: FormulaRequest, image: QImage | None) -> None:
        self._images[request] = image
        with self._lock:
            self._pending.discard(request)
        self.rendered.emit(request)
