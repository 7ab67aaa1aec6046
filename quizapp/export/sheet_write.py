"""Write a drill sheet: make the drills, lay them out, print them to a PDF (the one entry point of
the command line and the drill page's Print button)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from questions.vocab import Lang
from quizapp.drills import Drill
from quizapp.export.sheet import SheetSpec, sheet_drills
from quizapp.export.sheet_html import sheet_html
from quizapp.export.sheet_words import word


@dataclass(frozen=True)
class SheetResult:
    """What was written: the file, its page count and the seeds of its drills."""

    path: Path
    pages: int
    seeds: tuple[int, ...]


def write_drills(drills: tuple[Drill, ...], target: Path, lang: Lang) -> SheetResult:
    """Print ``drills`` (one page each, then the answer key) to the PDF ``target``.

    ``OSError`` when the file cannot be written.
    """
    from quizapp.export.sheet_pdf import write_pdf  # Qt, loaded only to print

    with target.open("wb"):  # fails here, with the system's reason, when it cannot be written
        pass
    title = word("title", lang, cell=drills[0].spec.cell)
    pages = write_pdf(sheet_html(drills, lang), target, lang, title)
    return SheetResult(target, pages, tuple(d.spec.seed for d in drills))


def write_sheet(spec: SheetSpec, target: Path, lang: Lang) -> SheetResult:
    """Make the drills of ``spec`` and print them to ``target`` (``DrillError``, ``EngineError`` or
    ``ValueError`` for settings that make no drill, ``OSError`` when the file cannot be written)."""
    return write_drills(sheet_drills(spec), target, lang)
