"""Logging to the user log folder: ``paths.log_dir() / "quizapp.log"``, rotated at 1 MB.

``setup_logging`` is idempotent, so the CLI, the GUI and tests may all call it. A log that cannot
be written never stops the app: when the ``logs`` folder or the log file is unusable (a file where
the folder should be, a folder, a pipe or a looping link where the file should be), the log goes to
the system's temporary folder and ``problem()`` says why; a write that fails later (a full disk)
is dropped without a word on the terminal.
"""

from __future__ import annotations

import logging
import logging.handlers
import stat
import tempfile
from pathlib import Path

from quizapp import paths

LOG_FILE_NAME = "quizapp.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_handler: logging.Handler | None = None
_handler_path: Path | None = None


def log_file() -> Path:
    """Where the log is written."""
    return paths.log_dir() / LOG_FILE_NAME


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file whose write errors are dropped instead of printed as a traceback."""

    def handleError(self, record: logging.LogRecord) -> None:
        del record


_problem: str | None = None


def problem() -> str | None:
    """Why the log is not in the data folder's ``logs`` (``None`` when it is)."""
    return _problem


def _usable_log_file() -> Path:
    """The log file of the data folder; OSError saying why when it cannot be written."""
    path = log_file()
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            raise OSError(f"the log file {path} is a link to nothing") from None
        return path
    except (OSError, RuntimeError) as error:  # a looping link
        raise OSError(f"the log file {path} cannot be used ({error})") from None
    if not stat.S_ISREG(mode):  # a pipe would block the first write forever
        raise OSError(f"the log file {path} is not a regular file")
    return path


def _writable(path: Path) -> Path:
    """``path`` once it is known that it can be opened for appending (OSError otherwise)."""
    try:
        with path.open("a", encoding="utf-8"):
            pass
    except OSError as error:
        raise OSError(f"the log file {path} cannot be written ({error.strerror})") from None
    return path


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the ``quizapp`` loggers to the log file; returns the file's path."""
    global _handler, _handler_path, _problem
    try:
        path = _writable(_usable_log_file())
        _problem = None
    except OSError as error:
        path = Path(tempfile.gettempdir()) / LOG_FILE_NAME
        _problem = f"{error}; the log is written to {path} instead"
    logger = logging.getLogger("quizapp")
    if _handler is not None and _handler_path == path:
        return path
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
    # Opened at the first record (delay): a file that cannot be opened then is dropped quietly.
    handler = _QuietFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    logger.setLevel(level)
    _handler, _handler_path = handler, path
    return path
