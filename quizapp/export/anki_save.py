"""One call for the app's Anki button: the questions (bank and packs) or the ones got wrong, from
an open history, written as a deck. Returns the number of notes (0: nothing to write, no file)."""

from __future__ import annotations

from pathlib import Path

from questions.vocab import Lang
from quizapp.study.store import Store


def save_anki_deck(store: Store, target: Path, lang: Lang, mistakes: bool) -> int:
    """Write the deck to ``target`` (``OSError`` when it cannot be written)."""
    from quizapp.bank import load_questions, origin
    from quizapp.export.anki import write_apkg
    from quizapp.export.wrong import mistaken, wrong_question_ids

    questions = load_questions().questions
    chosen = list(mistaken(questions, wrong_question_ids(store), ())) if mistakes else questions
    if not chosen:
        return 0
    return write_apkg([(q, origin(q)) for q in chosen], target, lang, mistakes)
