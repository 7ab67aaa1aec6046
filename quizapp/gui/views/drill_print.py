"""The drill page's Print button: ask where, refuse the data folder, write the sheet (no texts of
its own: the drill page words the outcome)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from quizapp.gui.study import files
from quizapp.paths import inside_data_folder

if TYPE_CHECKING:
    from quizapp.drills import Drill


@dataclass(frozen=True)
class PrintOutcome:
    """Where the sheet went; ``in_data_folder`` when refused for that, ``error`` when not written."""

    path: Path
    in_data_folder: bool = False
    error: str | None = None


def print_drill(parent: QWidget, drill: Drill, lang: str, title: str) -> PrintOutcome | None:
    """Ask for a PDF file (dialog ``title``) and print ``drill`` there; ``None`` when cancelled."""
    from quizapp.export.sheet_write import write_drills

    suggested = f"quizapp-drill-{drill.spec.cell}-{drill.spec.seed}.pdf"
    path = files.ask_save_path(parent, title, "PDF (*.pdf)", suggested)
    if path is None:
        return None
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    if inside_data_folder(path):
        return PrintOutcome(path, in_data_folder=True)
    try:
        write_drills((drill,), path, "zh" if lang == "zh" else "en")
    except OSError as error:
        return PrintOutcome(path, error=str(error))
    return PrintOutcome(path)
