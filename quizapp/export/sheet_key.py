"""The answer key of a drill sheet: each asked value as the key prints it, then the worked solution
(the formula layer's steps, the text ``quizapp drill`` prints)."""

from __future__ import annotations

import logging

from questions.vocab import Lang
from quizapp.drills import Drill, grade_drill
from quizapp.export.sheet_text import esc, label_html, plain
from quizapp.export.sheet_words import word
from quizapp.grading.reader import format_number, format_vector

log = logging.getLogger(__name__)


def expected_text(drill: Drill, key: str) -> str:
    """The right answer to ``key`` as the key prints it (four decimals, whole counts, shapes)."""
    if drill.formula is not None:
        return drill.formula.expected
    values = drill.expected[key]
    if drill.framework is not None:
        whole = [str(int(v)) for v in values]
        return whole[0] if len(whole) == 1 else "(" + ", ".join(whole) + ")"
    return format_vector(values) if len(values) != 1 else format_number(values[0])


def key_html(drill: Drill, index: int, lang: Lang) -> str:
    """The answer-key entry of one drill: the asked values, then the worked solution."""
    from quizapp.grading.feedback import feedback_for

    heading = f"{word('key_drill', lang, index=index)} · {word('seed', lang, seed=drill.spec.seed)}"
    parts = [f"<h3>{esc(heading)}</h3>"]
    rows = "".join(
        f"<tr><td>{label_html(key, lang, drill.spec.cell, two_biases=drill.spec.two_biases)}</td>"
        f"<td><b>{esc(expected_text(drill, key))}</b></td></tr>"
        for key in drill.asked
    )
    parts.append(f'<table class="layout" cellspacing="0" cellpadding="3">{rows}</table>')
    try:
        steps = feedback_for(drill, grade_drill(drill, {}), worked=True).steps
    except ValueError:  # a cell whose worked solution the formula layer cannot write yet
        log.warning("no worked solution for %s (seed %s)", drill.spec.cell, drill.spec.seed)
        parts.append(f'<p class="muted">{esc(word("no_worked", lang))}</p>')
        return "\n".join(parts)
    if steps:
        parts.append(f"<p><i>{esc(word('worked', lang))}</i></p>")
        lines: list[str] = []
        for step in steps:
            lines.append(esc(plain(step.formula_latex)))
            lines += ["&nbsp;&nbsp;&nbsp;&nbsp;" + esc(plain(s)) for s in step.substituted_lines]
            lines.append("&nbsp;&nbsp;&nbsp;&nbsp;" + esc(plain(step.result_latex)))
        parts.append('<p class="work">' + "<br/>".join(lines) + "</p>")
    return "\n".join(parts)
