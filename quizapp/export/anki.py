"""Write an Anki package (``.apkg``) of bank questions with genanki.

One note type ("quizapp question") with a stable id, one deck per language choice (and one for the
mistakes) with stable ids, and notes whose guid comes from the question id and language: importing a
second export updates the learner's cards (Anki matches notes by guid) instead of adding copies.
genanki numbers the notes' row ids from the clock; Anki does not use them to match.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import genanki

from questions.schema import Question
from quizapp.export.anki_fields import FIELD_NAMES, AnkiLang, note_content, stable_id

MODEL_NAME = "quizapp question"
MODEL_ID = stable_id("model", MODEL_NAME, "v1")
DECK_NAMES: dict[tuple[AnkiLang, bool], str] = {
    ("en", False): "quizapp::RNN interview (English)",
    ("zh", False): "quizapp::RNN 面试（中文）",
    ("both", False): "quizapp::RNN interview · 面试",
    ("en", True): "quizapp::My mistakes (English)",
    ("zh", True): "quizapp::我的错题（中文）",
    ("both", True): "quizapp::My mistakes · 我的错题",
}

FRONT = """<div class="prompt">{{Prompt}}</div>
{{#Options}}<div class="options">{{Options}}</div>{{/Options}}"""
BACK = """{{FrontSide}}
<hr id="answer">
{{#Key}}<div class="key">{{Key}}</div>{{/Key}}
<div class="model-answer">{{ModelAnswer}}</div>
{{#KeyPoints}}<div class="key-points">{{KeyPoints}}</div>{{/KeyPoints}}
<div class="explanation">{{Explanation}}</div>
{{#Source}}<div class="source">{{Source}}</div>{{/Source}}
<div class="id">{{QuestionId}}</div>"""
CSS = """.card { font-family: sans-serif; font-size: 18px; text-align: left; }
.zh { margin-top: 0.6em; } .key { font-weight: bold; }
.explanation, .source, .id { margin-top: 0.8em; } .source, .id { color: #777; font-size: 14px; }
pre.code { background: rgba(127, 127, 127, 0.12); padding: 0.5em; overflow-x: auto; }"""


def deck_id(lang: AnkiLang, mistakes: bool) -> int:
    """The stable id of the deck an export goes into."""
    return stable_id("deck", lang, "mistakes" if mistakes else "bank")


def build_model() -> genanki.Model:
    """The note type: the fields of ``anki_fields`` and one card (prompt, then the answer)."""
    return genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": name} for name in FIELD_NAMES],
        templates=[{"name": "Question", "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
    )


def build_deck(
    chosen: Sequence[tuple[Question, str | None]], lang: AnkiLang, mistakes: bool
) -> genanki.Deck:
    """A deck of ``chosen`` (question, origin) in that order; new cards come up in that order."""
    model = build_model()
    deck = genanki.Deck(deck_id(lang, mistakes), DECK_NAMES[(lang, mistakes)])
    for position, (question, origin) in enumerate(chosen):
        content = note_content(question, lang, origin)
        deck.add_note(
            genanki.Note(
                model=model,
                fields=list(content.fields),
                tags=list(content.tags),
                guid=content.guid,
                due=position,
            )
        )
    return deck


def write_apkg(
    chosen: Sequence[tuple[Question, str | None]], target: Path, lang: AnkiLang, mistakes: bool
) -> int:
    """Write the package to ``target``; returns the number of notes (``OSError`` on failure)."""
    genanki.Package(build_deck(chosen, lang, mistakes)).write_to_file(str(target))
    return len(chosen)
