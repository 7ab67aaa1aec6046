"""The fields, tags and guid of one Anki note made from a bank question (pure; no genanki here).

Every text goes through ``quizapp.richtext.to_mathjax``: HTML-escaped, code in ``<code>``, the bank's
math (h_{t-1}, C̃_t) as MathJax ``\\( … \\)``, which Anki renders. Code blocks are ``<pre>``. With
``both`` languages a field holds the English text, then the Chinese one. Ordering and matching
questions list their items sorted by text on the front, so the front never gives the order away.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Literal

from questions.schema import Question, Text
from quizapp.grading.reader import format_number
from quizapp.richtext import to_mathjax

AnkiLang = Literal["en", "zh", "both"]
ANKI_LANGS: tuple[AnkiLang, ...] = ("en", "zh", "both")

FIELD_NAMES: tuple[str, ...] = (
    "Prompt", "Options", "Key", "ModelAnswer", "KeyPoints", "Explanation", "Source", "QuestionId",
)  # fmt: skip


@dataclass(frozen=True)
class NoteContent:
    """One note: ``fields`` in the order of ``FIELD_NAMES``, its tags, and its stable guid."""

    guid: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]


def stable_id(*parts: str) -> int:
    """A 31-bit id (Anki's model and deck ids) that depends only on ``parts``, above 2**30 so it
    never meets the small ids Anki gives its own decks."""
    digest = hashlib.sha256("\x1f".join(("quizapp", *parts)).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_guid(question_id: str, lang: AnkiLang) -> str:
    """The note's guid: from the question id and the language only, so a second export of the
    same question updates the note Anki already has instead of adding a copy."""
    digest = hashlib.sha256(f"quizapp\x1fquestion\x1f{question_id}\x1f{lang}".encode()).hexdigest()
    return "qz" + digest[:20]


def _in(text: Text, lang: AnkiLang, render: Callable[[str], str] = to_mathjax) -> str:
    if lang == "both":
        return f'<div class="en">{render(text.en)}</div><div class="zh" lang="zh">{render(text.zh)}</div>'
    return render(text.get(lang))


def _list(items: list[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>" if items else ""


def _options(question: Question, lang: AnkiLang) -> str:
    if question.options:
        return _list([f"<b>{escape(o.id)}.</b> {_in(o.text, lang)}" for o in question.options])
    if question.items:
        return _list(
            [_in(item.text, lang) for item in sorted(question.items, key=lambda i: i.text.en)]
        )
    if question.pairs:
        lefts = [_in(p.left, lang) for p in question.pairs]
        rights = [_in(p.right, lang) for p in sorted(question.pairs, key=lambda p: p.right.en)]
        return _list(lefts) + "<hr>" + _list(rights)
    return ""


def _key(question: Question, lang: AnkiLang) -> str:
    if question.options:
        right = [o for o in question.options if o.id in question.correct]
        return _list([f"<b>{escape(o.id)}.</b> {_in(o.text, lang)}" for o in right])
    if question.items:
        return _list([_in(item.text, lang) for item in question.items], ordered=True)
    if question.pairs:
        return _list([f"{_in(p.left, lang)} → {_in(p.right, lang)}" for p in question.pairs])
    if question.value is not None:
        unit = f" {_in(question.unit, lang)}" if question.unit is not None else ""
        return escape(format_number(question.value, 6)) + unit
    if question.shape is not None:
        return "<code>" + escape(str(question.shape)) + "</code>"
    if question.expression is not None:
        return "<code>" + escape(question.expression) + "</code>"
    return ""


def _prompt(question: Question, lang: AnkiLang) -> str:
    prompt = _in(question.prompt, lang)
    if question.code:
        language = escape(question.code_language or "")
        prompt += f'<pre class="code" data-language="{language}"><code>{escape(question.code)}</code></pre>'
    return prompt


def _source(question: Question, origin: str | None) -> str:
    lines = [escape(reference) for reference in question.citations()]
    if origin:
        lines.append(escape(origin))
    return "<br>".join(lines)


def _tag(kind: str, value: str) -> str:
    """A tag without spaces (Anki splits tags at spaces): ``topic::lstm-gates``."""
    return f"{kind}::" + "_".join(value.split())


def note_content(question: Question, lang: AnkiLang, origin: str | None = None) -> NoteContent:
    """The note of ``question`` in ``lang`` (``origin`` names a user pack, if it came from one)."""
    fields = (
        _prompt(question, lang),
        _options(question, lang),
        _key(question, lang),
        _in(question.answer, lang),
        _list([_in(point.text, lang) for point in question.key_points]),
        _in(question.explanation, lang),
        _source(question, origin),
        escape(question.id),
    )
    tags = (
        "quizapp",
        _tag("topic", question.topic),
        _tag("difficulty", question.difficulty),
        _tag("type", question.type),
    )
    return NoteContent(note_guid(question.id, lang), fields, tags)
