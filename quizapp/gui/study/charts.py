"""Statistics charts drawn with matplotlib inside Qt (``FigureCanvasQTAgg``).

matplotlib is imported here only, and this module only when the statistics page is first shown,
so the app starts without it. Colours follow the current theme; the Chinese font is found and
registered with matplotlib explicitly (``chart_fonts``), so a font cache older than the font does
not turn Chinese labels into boxes. A chart without data says so instead of drawing empty axes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QWidget

from quizapp.gui.study.chart_fonts import chart_font_family
from quizapp.gui.theme import ThemeColors
from quizapp.richtext import to_unicode
from quizapp.study.stats import StatsSummary

ROWS_SHOWN = 8
LABEL_CHARS = 28


def _short(label: str) -> str:
    """A bar label cut to ``LABEL_CHARS`` characters, with an ellipsis when it was cut."""
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


@dataclass(frozen=True)
class ChartTexts:
    """The translated titles of the six charts and the label of "no data"."""

    topics: str
    quantities: str
    mistakes: str
    per_day: str
    forecast: str
    seconds: str
    empty: str


def make_canvas(parent: QWidget | None = None) -> Any:
    """A matplotlib canvas widget (``FigureCanvasQTAgg``) with an empty figure."""
    import matplotlib
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    del matplotlib
    canvas = FigureCanvasQTAgg(Figure(figsize=(10, 11), layout="constrained"))  # type: ignore[no-untyped-call]
    if parent is not None:
        canvas.setParent(parent)
    return canvas


def _style(ax: Any, colors: ThemeColors, title: str) -> None:
    ax.set_facecolor(colors.paper)
    ax.set_title(title, color=colors.text, fontsize=10, loc="left")
    ax.tick_params(colors=colors.muted, labelsize=8)
    for spine in ax.spines.values():
        spine.set_color(colors.paper_border)


def _barh(
    ax: Any,
    labels: Sequence[str],
    values: Sequence[float],
    color: str,
    colors: ThemeColors,
    empty: str,
) -> None:
    if not labels:
        _no_data(ax, colors, empty)
        return
    positions = list(range(len(labels)))
    ax.barh(positions, values, color=color)
    # Names in the bank's notation (h_t, C_{t−1}) drawn with Unicode scripts: hₜ, Cₜ₋₁.
    ax.set_yticks(positions, labels=[_short(to_unicode(label)) for label in labels])
    ax.invert_yaxis()


def _integer_axis(axis: Any) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def _no_data(ax: Any, colors: ThemeColors, empty: str) -> None:
    """The "no data yet" message in place of the chart, on axes from 0 to 1 without ticks."""
    ax.text(0.5, 0.5, empty, ha="center", va="center", color=colors.muted, transform=ax.transAxes)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xticks([])
    ax.set_yticks([])


def _bars_by_day(
    ax: Any,
    days: Sequence[Any],
    counts: Sequence[int],
    color: str,
    colors: ThemeColors,
    empty: str,
) -> None:
    if not days or max(counts, default=0) <= 0:
        _no_data(ax, colors, empty)
        return
    positions = list(range(len(days)))
    ax.bar(positions, counts, color=color)
    _integer_axis(ax.yaxis)
    ax.set_ylim(0, max(counts) * 1.08)
    step = max(len(days) // 7, 1)
    ax.set_xticks(positions[::step], labels=[f"{d:%m-%d}" for d in days][::step])


def draw_stats(
    figure: Any,
    summary: StatsSummary,
    colors: ThemeColors,
    texts: ChartTexts,
    topic_name: Any,
    mistake_name: Any,
    quantity_name: Any,
    cell_name: Any,
) -> None:
    """Draw the six charts of ``summary`` on ``figure`` (cleared first); the ``…_name``
    callables give the names the app shows (``quantity_name(cell, key)``, ``cell_name(cell)``)."""
    import matplotlib as mpl

    family = chart_font_family()
    families = [*([family] if family else []), "DejaVu Sans"]
    # The families themselves, not "sans-serif": only then does matplotlib take a glyph the CJK
    # font lacks (the transpose ᵀ of the mLSTM's mistakes) from the next family.
    mpl.rcParams["font.family"] = families
    mpl.rcParams["font.sans-serif"] = families
    mpl.rcParams["axes.unicode_minus"] = False
    figure.clear()
    figure.set_facecolor(colors.window)
    axes = figure.subplots(3, 2)
    (topics, quantities), (mistakes, per_day), (forecast, seconds) = axes

    rows = summary.accuracy_by_topic[:ROWS_SHOWN]
    _style(topics, colors, texts.topics)
    _barh(
        topics,
        [topic_name(r.topic) for r in rows],
        [100 * r.mean_score for r in rows],
        colors.accent,
        colors,
        texts.empty,
    )
    if rows:
        topics.set_xlim(0, 100)

    cells = summary.accuracy_by_quantity[:ROWS_SHOWN]
    _style(quantities, colors, texts.quantities)
    _barh(
        quantities,
        [quantity_name(r.cell, r.quantity) for r in cells],
        [100 * r.mean_score for r in cells],
        colors.accent,
        colors,
        texts.empty,
    )
    if cells:
        quantities.set_xlim(0, 100)

    trends = summary.frequent_mistakes[:ROWS_SHOWN]
    _style(mistakes, colors, texts.mistakes)
    _barh(
        mistakes,
        [mistake_name(t.mistake_id) + (" ↓" if t.fading else "") for t in trends],
        [t.count for t in trends],
        colors.bad,
        colors,
        texts.empty,
    )
    if trends:
        _integer_axis(mistakes.xaxis)

    _style(per_day, colors, texts.per_day)
    _bars_by_day(
        per_day,
        [d for d, _ in summary.answers_per_day],
        [n for _, n in summary.answers_per_day],
        colors.good,
        colors,
        texts.empty,
    )
    _style(forecast, colors, texts.forecast)
    _bars_by_day(
        forecast,
        [d for d, _ in summary.due_forecast],
        [n for _, n in summary.due_forecast],
        colors.warn,
        colors,
        texts.empty,
    )

    cell_times = summary.median_seconds_by_cell
    _style(seconds, colors, texts.seconds)
    _barh(
        seconds,
        [cell_name(t.cell) for t in cell_times],
        [t.median_seconds for t in cell_times],
        colors.accent,
        colors,
        texts.empty,
    )
    figure.canvas.draw_idle()
