"""A drill sheet as HTML for ``QTextDocument``: the problems with space to write, then the answer key.

Every text from a drill is escaped (prompts through ``quizapp.richtext.to_html``: code and
subscripts); numbers are laid out as small tables (a vector as a column, a
matrix as its rows, as on the app's drill page). Each drill starts a page; the answer key starts a
page of its own (``sheet_key``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from engine.modern.shapes import MODERN_CELLS
from questions.vocab import Lang
from quizapp.drills import Drill
from quizapp.drills.export import shown_params
from quizapp.drills.modern_keys import input_name
from quizapp.drills.quantities import label_of
from quizapp.drills.symbolic_drills import meanings_in
from quizapp.drills.texts import cell_name
from quizapp.export.sheet import replay_command
from quizapp.export.sheet_key import key_html
from quizapp.export.sheet_text import esc, label_html, plain
from quizapp.export.sheet_words import difficulty_name, word
from quizapp.richtext import to_html

# Given vectors in the tutorial's notation (as the app's drill page names them).
INPUT_NAMES = {"x": "x_t", "h": "h_{t−1}", "c": "C_{t−1}", "c_low": "C^low_t", "dh": "δh_t",
               "dc": "δC_t"}  # fmt: skip
PER_ROW = 6  # named arrays on one line before the next line starts
PAGE_BREAK = '<div style="page-break-before: always"></div>'


def _decimals(array: np.ndarray[tuple[int, ...], np.dtype[np.float64]]) -> int:
    for decimals in range(5):
        if np.allclose(array, np.round(array, decimals), atol=1e-12):
            return decimals
    return 4


def array_table(values: object) -> str:
    """A vector as one column, a matrix as its rows, one decimal count for the whole array."""
    array = np.asarray(values, dtype=np.float64)
    rows = array.reshape(-1, 1) if array.ndim <= 1 else array
    decimals = _decimals(rows)
    body = "".join(
        "<tr>" + "".join(f'<td align="right" nowrap>{v:.{decimals}f}</td>' for v in row) + "</tr>"
        for row in rows
    )
    return (
        '<table class="num" border="0.5" cellspacing="0" cellpadding="2" '
        'style="border-style: solid; border-color: #777777">'
        f"{body}</table>"
    )


def _named_row(arrays: Mapping[str, object]) -> str:
    """Named arrays side by side (``name =`` then its table), ``PER_ROW`` to a line."""
    cells = [
        f'<td valign="middle">{to_html(name)}&nbsp;=</td><td valign="middle">{array_table(v)}</td>'
        for name, v in arrays.items()
    ]
    lines = [cells[i : i + PER_ROW] for i in range(0, len(cells), PER_ROW)]
    return "".join(
        '<table class="layout" cellspacing="0" cellpadding="4"><tr>'
        + "".join(line)
        + "</tr></table>"
        for line in lines
    )


def _param_groups(names: Sequence[str]) -> list[list[str]]:
    """Parameters grouped by gate (the part after ``_``), in order of first appearance."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name.partition("_")[2], []).append(name)
    lists = list(groups.values())
    # two small gates to a line (LSTM's W, U, b of i and f side by side)
    paired: list[list[str]] = []
    for group in lists:
        if paired and len(paired[-1]) + len(group) <= PER_ROW and len(paired[-1]) <= PER_ROW // 2:
            paired[-1] = paired[-1] + group
        else:
            paired.append(group)
    return paired


def _settings(drill: Drill, lang: Lang) -> str:
    spec = drill.spec
    return word(
        "settings", lang, cell=cell_name(spec.cell).get(lang),
        convention=spec.convention,
        difficulty=difficulty_name(spec.difficulty, lang),
    )  # fmt: skip


def _extra_lines(drill: Drill, lang: Lang) -> list[str]:
    lines: list[str] = []
    if drill.framework is not None:
        lines.append(drill.framework.call_text())
        lines.append(word("input_shape", lang, shape=drill.framework.input_shape()))
    if drill.formula is not None:
        lines += [f"{symbol}: {meaning}" for symbol, meaning in meanings_in(drill.formula, lang)]
    for key in ("t", "periods"):
        if key in drill.extra:
            value = drill.extra[key]
            lines.append(f"t = {value}" if key == "t" else word("periods", lang, periods=value))
    return lines


def _lookup(drill: Drill) -> str:
    entries = [f"{label} = {value:.4f}" for label, value in drill.lookup_table]
    rows = [entries[i : i + 4] for i in range(0, len(entries), 4)]
    body = "".join("<tr>" + "".join(f"<td>{esc(e)}</td>" for e in row) + "</tr>" for row in rows)
    return f'<table class="lookup" cellspacing="0" cellpadding="2">{body}</table>'


def matrix_shape(drill: Drill, key: str, size: int) -> tuple[int, int]:
    """Rows and columns to lay ``size`` values of ``key`` out in: a matrix state of the modern
    cells (mLSTM's C, linear attention's S) as its matrix, anything else as one row."""
    from engine.modern.shapes import MODERN_CELLS, state_shapes

    if drill.spec.cell in MODERN_CELLS:
        shape = state_shapes(drill.spec.cell, drill.d, drill.n).get(key, ())
        if len(shape) == 2 and shape[0] * shape[1] == size:
            return shape[0], shape[1]
    return 1, size


def _as_laid_out(drill: Drill, key: str, values: tuple[float, ...]) -> object:
    """Given values as the sheet shows them: a matrix state as its matrix, else as they are."""
    rows, columns = matrix_shape(drill, key, len(values))
    return np.reshape(values, (rows, columns)) if rows > 1 else values


def _input_name(drill: Drill, key: str) -> str:
    """How the problem names an input: the modern cells' previous state is n_{t−1}, m_{t−1}, …"""
    modern = input_name(drill.spec.cell, key) if drill.spec.cell in MODERN_CELLS else ""
    return modern or INPUT_NAMES.get(key, key)


def _answer_boxes(drill: Drill, lang: Lang) -> str:
    """A box per element of each asked value (a grid for a matrix; one wide box for a count, shape
    or formula), two values to a line; the boxes are widened with spaces so that they follow the
    font size."""
    numeric = drill.framework is None and drill.formula is None
    cells = []
    for key in drill.asked:
        size = max(len(drill.expected.get(key, ())), 1) if numeric else 1
        rows, columns = matrix_shape(drill, key, size)
        space = "&nbsp;" * (14 if numeric else 70)
        row_html = "<tr>" + f"<td>{space}<br/>&nbsp;</td>" * columns + "</tr>"
        box = (
            '<table class="box" border="1" cellspacing="0" cellpadding="3" '
            f'style="border-collapse: collapse">{row_html * rows}</table>'
        )
        label = label_html(key, lang, drill.spec.cell, two_biases=drill.spec.two_biases)
        cells.append(f'<td valign="middle">{label} =</td><td>{box}</td>')
    per_line = 2 if numeric else 1
    lines = ["".join(cells[i : i + per_line]) for i in range(0, len(cells), per_line)]
    return (
        '<table class="layout" cellspacing="0" cellpadding="4">'
        + "".join(f"<tr>{line}</tr>" for line in lines)
        + "</table>"
    )


def problem_html(drill: Drill, index: int, total: int, lang: Lang) -> str:
    """One drill: heading with its seed, how to replay it, the problem, the numbers, answer boxes."""
    seed = drill.spec.seed
    parts = [
        f"<h2>{esc(word('drill', lang, index=index, total=total))} · "
        f"{esc(word('seed', lang, seed=seed))}</h2>",
        f'<p class="muted">{esc(_settings(drill, lang))}<br/>'
        f"{esc(word('replay', lang, seed=seed))} "
        f"<code>{esc(replay_command(drill.spec))}</code></p>",
        f"<p>{to_html(drill.prompt.get(lang))}</p>",
        f'<p class="muted">{to_html(drill.convention_text.get(lang))}</p>',
    ]
    extra = _extra_lines(drill, lang)
    if drill.inputs or extra:
        parts.append(f"<h3>{esc(word('given', lang))}</h3>")
    if extra:
        parts.append("<p>" + "<br/>".join(esc(line) for line in extra) + "</p>")
    if drill.inputs:
        inputs = {_input_name(drill, k): _as_laid_out(drill, k, v) for k, v in drill.inputs.items()}
        parts.append(_named_row(inputs))
    if drill.given:
        parts.append(f"<p>{esc(word('given_forward', lang))}:</p>")
        given = {plain(label_of(k)[0]) if k != "tanh_c" else "tanh(C_t)": v
                 for k, v in drill.given.items()}  # fmt: skip
        parts.append(_named_row(given))
    params = shown_params(drill) if drill.framework is None and drill.formula is None else {}
    if params:
        parts.append(f"<h3>{esc(word('parameters', lang))}</h3>")
        for group in _param_groups(list(params)):
            parts.append(_named_row({name: params[name] for name in group}))
    if drill.lookup_table:
        parts.append(f"<h3>{esc(word('table', lang))}</h3>")
        parts.append(_lookup(drill))
    parts.append(f"<h3>{esc(word('answers', lang))}</h3>")
    parts.append(_answer_boxes(drill, lang))
    parts.append(f"<h3>{esc(word('work', lang))}</h3>")
    return "\n".join(parts)


STYLE = """
h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 0; } h3 { font-size: 11pt; }
.muted { color: #555555; }
table.num td { border-color: #999999; }
code { font-family: monospace; }
.work { line-height: 135%; }
"""


def sheet_html(drills: Sequence[Drill], lang: Lang) -> str:
    """The whole sheet: a title, one page per drill, then the answer key."""
    if not drills:
        raise ValueError("a sheet needs at least one drill")
    first = drills[0].spec
    title = word("title", lang, cell=cell_name(first.cell).get(lang))
    subtitle = word(
        "subtitle" if len(drills) > 1 else "subtitle_one", lang, count=len(drills), difficulty=difficulty_name(first.difficulty, lang),
        first=first.seed, last=drills[-1].spec.seed,
    )  # fmt: skip
    tolerance = drills[0].tolerance
    intro = word("key_intro", lang, absolute=tolerance.absolute, relative=tolerance.relative)
    pages = [problem_html(d, i + 1, len(drills), lang) for i, d in enumerate(drills)]
    keys = [key_html(d, i + 1, lang) for i, d in enumerate(drills)]
    return (
        f"<html><head><style>{STYLE}</style></head><body>"
        f'<h1>{esc(title)}</h1><p class="muted">{esc(subtitle)}</p>'
        + PAGE_BREAK.join(pages)
        + PAGE_BREAK
        + f'<h1>{esc(word("key", lang))}</h1><p class="muted">{esc(intro)}</p>'
        + "<hr/>".join(keys)
        + "</body></html>"
    )
