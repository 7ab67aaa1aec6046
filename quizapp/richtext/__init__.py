"""The bank's inline markup (code in backticks, math such as ``h_{t-1}`` or ``C̃_t``) as segments.

``segments`` splits a text into plain text, code and math with subscripts and superscripts;
``to_html`` renders them as Qt rich text (and HTML exports), ``to_mathjax`` as HTML with MathJax
``\\( … \\)`` for Anki, ``to_markdown`` for Markdown exports, ``to_plain`` (the bank's notation,
normalised), ``to_unicode`` (Unicode sub- and superscripts) for widgets that show no markup, and
``to_terminal`` (Unicode, no markup left at all) for what the command line prints.
No Qt here; every function is total (any text, even a user's pack with stray markup, renders).
"""

from quizapp.richtext.render import (
    to_html,
    to_markdown,
    to_mathjax,
    to_plain,
    to_terminal,
    to_unicode,
)
from quizapp.richtext.segments import Code, Math, Plain, Segment, segments

__all__ = [
    "Code",
    "Math",
    "Plain",
    "Segment",
    "segments",
    "to_html",
    "to_markdown",
    "to_mathjax",
    "to_plain",
    "to_terminal",
    "to_unicode",
]
