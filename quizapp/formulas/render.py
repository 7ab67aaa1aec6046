"""Rendering LaTeX to PNG with matplotlib's mathtext, cached on disk.

Images live in ``quizapp.paths.cache_dir() / "formulas"``, named by the SHA-256 of every argument and
``RENDER_VERSION`` (bump it when the drawing changes). A file is written to a temporary name and moved
into place with ``os.replace``, so a reader never sees half a file. ``render_cached_path`` answers
from the cache alone and never imports matplotlib; ``render_png`` imports it only on a cache miss.

Rendering uses a private ``Figure`` with the Agg canvas (no pyplot, no global backend switch, so a Qt
backend elsewhere is untouched), under a lock because matplotlib's font caches are shared.
A string with ``"\\n"`` is drawn as stacked lines, each its own formula.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from pathlib import Path

from quizapp import paths

RENDER_VERSION = "formulas-1"
_LOCK = threading.Lock()


class FormulaRenderError(ValueError):
    """A LaTeX string that mathtext cannot draw; the message quotes the string."""


def _cache_folder() -> Path:
    folder = paths.cache_dir() / "formulas"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def cache_key(latex: str, fontsize: float, color: str, dpi: int) -> str:
    """The SHA-256 hex digest naming the image of these arguments."""
    payload = json.dumps([RENDER_VERSION, latex, float(fontsize), color, int(dpi)])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _path_for(latex: str, fontsize: float, color: str, dpi: int) -> Path:
    return _cache_folder() / f"{cache_key(latex, fontsize, color, dpi)}.png"


def render_cached_path(
    latex: str, *, fontsize: float = 14.0, color: str = "#000000", dpi: int = 200
) -> Path | None:
    """The cached image of these arguments, or None when it has not been rendered yet."""
    path = _path_for(latex, fontsize, color, dpi)
    return path if path.is_file() else None


def _as_mathtext(latex: str) -> str:
    lines = [line.strip() for line in latex.split("\n")]
    return "\n".join(f"${line}$" if line else " " for line in lines)


def _draw(latex: str, fontsize: float, color: str, dpi: int, target: Path) -> None:
    """Draw once on a canvas that is surely large enough, then crop to the ink (plus a margin).

    ``savefig(bbox_inches="tight")`` would lay the text out twice, and mathtext parsing is the slow
    part; a canvas sized from the string's length (one em per character, three per line) and an
    alpha-channel crop need one pass. Ink touching the border means the guess was short: retry.
    """
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from PIL import Image

    em = fontsize * dpi / 72.0  # pixels per em
    lines = latex.split("\n")
    width, height = (max(len(line) for line in lines) + 4) * em, (3 * len(lines) + 2) * em
    for attempt in range(4):
        indent = (2 * em + 4) * 2**attempt  # pixels left of the text
        figure = Figure(figsize=(width / dpi, height / dpi), dpi=dpi)
        figure.patch.set_alpha(0.0)
        canvas = FigureCanvasAgg(figure)
        figure.text(indent / width, 0.5, _as_mathtext(latex), fontsize=fontsize, color=color,
                    ha="left", va="center")  # fmt: skip
        try:
            canvas.draw()  # type: ignore[no-untyped-call]
        except ValueError as error:  # mathtext reports a parse error as ValueError
            raise FormulaRenderError(f"cannot render the formula {latex!r}: {error}") from error
        rgba = np.asarray(canvas.buffer_rgba())  # type: ignore[no-untyped-call]
        ink = rgba[..., 3] > 0
        rows, columns = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
        if rows.size == 0:
            cropped = rgba[:1, :1]
            break
        touches = rows[0] == 0 or columns[0] == 0
        touches = touches or rows[-1] == ink.shape[0] - 1 or columns[-1] == ink.shape[1] - 1
        if not touches:
            margin = max(1, round(0.2 * em))
            top, left = max(rows[0] - margin, 0), max(columns[0] - margin, 0)
            cropped = rgba[top : rows[-1] + margin + 1, left : columns[-1] + margin + 1]
            break
        width, height = 2 * width + indent, 2 * height + 8
    else:
        raise FormulaRenderError(f"cannot fit the formula {latex!r} on a canvas")
    Image.fromarray(np.ascontiguousarray(cropped)).save(target, format="PNG", dpi=(dpi, dpi))


def render_png(
    latex: str, *, fontsize: float = 14.0, color: str = "#000000", dpi: int = 200
) -> Path:
    """The PNG image of ``latex`` (mathtext, without ``$``), rendered once and then cached.

    Raises FormulaRenderError for a string mathtext cannot parse, ValueError for bad arguments.
    """
    if fontsize <= 0 or dpi <= 0:
        raise ValueError(f"fontsize and dpi must be positive, got fontsize={fontsize}, dpi={dpi}")
    path = _path_for(latex, fontsize, color, dpi)
    if path.is_file():
        return path
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".render-", suffix=".png")
    os.close(handle)
    try:
        with _LOCK:
            _draw(latex, fontsize, color, dpi, Path(temporary))
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path
