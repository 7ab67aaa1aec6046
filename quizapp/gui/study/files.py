"""Asking where to save an export: one small function that tests replace (monkeypatch)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_path(
    parent: QWidget | None, title: str, name_filter: str, suggested: str
) -> Path | None:
    """The file the learner chose in a save dialog, or ``None`` when they cancelled."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / suggested), name_filter
    )
    return Path(chosen) if chosen else None
