"""The study layer without Qt: history (SQLite), backups, FSRS scheduling, statistics, exports.

Modules: ``items`` (study item keys), ``store`` (the history database and its records),
``migrations`` (schema versions), ``backup`` (rotated copies and recovery of damaged files),
``schedule`` (FSRS cards), ``stats`` (statistics data) and ``export`` (Markdown, HTML and CSV).
This file only holds the package's exception base so that importing it stays cheap.
"""

from __future__ import annotations


class StudyError(Exception):
    """Base class for errors of the study layer (bad item keys, unusable databases, bad records)."""
