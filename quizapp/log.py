"""Logging to the user log folder: ``paths.log_dir() / "quizapp.log"``, rotated at 1 MB.

``setup_logging`` is idempotent, so the CLI, the GUI and tests may all call it.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from quizapp import paths

LOG_FILE_NAME = "quizapp.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_handler: logging.Handler | None = None
_handler_path: Path | None = None


def log_file() -> Path:
    """Where the log is written."""
    return paths.log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the ``quizapp`` loggers to the log file; returns the file's path."""
    global _handler, _handler_path
    path = log_file()
    logger = logging.getLogger("quizapp")
    if _handler is not None and _handler_path == path:
        return path
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    logger.setLevel(level)
    _handler, _handler_path = handler, path
    return path
