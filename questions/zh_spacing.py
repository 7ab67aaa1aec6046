"""The bank's rule for spaces in Chinese text, and the first place a text breaks it.

No space next to full-width punctuation (，。：；、！？（）《》“” …) and none between two Chinese
characters; one space between a Chinese character and a Latin letter or digit ("第 t 步", "做 detach").
YAML folding (``>-``) turns every line break into a space, which is how most breaks of the rule
arise; FORMAT.md says where a zh line may be broken.
"""

from __future__ import annotations

import re

__all__ = ["FULL_WIDTH_PUNCTUATION", "spacing_problem"]

FULL_WIDTH_PUNCTUATION = "，。：；、！？（）《》〈〉「」『』【】〔〕“”‘’"
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PUNCT = re.escape(FULL_WIDTH_PUNCTUATION)
_SPACE = r"[ \t\u3000]+"

# (pattern, what is wrong, what to write); the first rule that matches is reported.
_RULES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(rf"(?<=[{_PUNCT}]){_SPACE}|{_SPACE}(?=[{_PUNCT}])"),
        "a space next to full-width punctuation",
        "write no space before or after ，。：；、！？（）《》“” and the like",
    ),
    (
        re.compile(rf"(?<=[{_HAN}]){_SPACE}(?=[{_HAN}])"),
        "a space between two Chinese characters",
        "join them (a line break inside a folded >- block becomes a space)",
    ),
    (
        re.compile(rf"[{_HAN}](?=[A-Za-z0-9])|[A-Za-z0-9](?=[{_HAN}])"),
        "no space between Chinese and a Latin letter or digit",
        "write one space between them, as in '第 t 步', 'GRU 的'",
    ),
    (
        re.compile(r"  +"),
        "two spaces in a row",
        "write one",
    ),
)
_CONTEXT = 8


def spacing_problem(text: str) -> str | None:
    """What is wrong with the spaces of the Chinese ``text`` (first case, with its snippet), or None."""
    for pattern, wrong, fix in _RULES:
        found = list(pattern.finditer(text))
        if not found:
            continue
        first = found[0]
        start = max(0, first.start() - _CONTEXT)
        end = min(len(text), first.end() + _CONTEXT + 1)
        snippet = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
        more = f" ({len(found) - 1} more like it)" if len(found) > 1 else ""
        return f"Chinese spacing: {wrong} in “{snippet}”{more}; {fix}"
    return None
