"""Open a written ``.apkg`` as Anki would: a zip holding the SQLite collection (``collection.anki21``
or ``collection.anki2``), read into plain records for the tests."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ReadNote:
    """One note of the collection, with its card's deck and position in the new queue."""

    id: int
    guid: str
    model_id: int
    fields: dict[str, str]
    tags: tuple[str, ...]
    deck_id: int
    due: int


@dataclass(frozen=True)
class ReadPackage:
    """The notes (in card order), the note types by id and the decks by id."""

    notes: tuple[ReadNote, ...]
    models: dict[int, dict[str, object]]
    decks: dict[int, str]

    def by_question(self) -> dict[str, ReadNote]:
        """The notes by their QuestionId field."""
        return {note.fields["QuestionId"]: note for note in self.notes}


def read_apkg(path: Path, tmp: Path) -> ReadPackage:
    """Unzip ``path`` into ``tmp`` and read its collection."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        name = "collection.anki21" if "collection.anki21" in names else "collection.anki2"
        assert name in names, names
        archive.extract(name, tmp)
    connection = sqlite3.connect(tmp / name)
    try:
        models_json, decks_json = connection.execute("SELECT models, decks FROM col").fetchone()
        models = {int(k): v for k, v in json.loads(models_json).items()}
        decks = {int(k): v["name"] for k, v in json.loads(decks_json).items()}
        rows = connection.execute(
            "SELECT n.id, n.guid, n.mid, n.flds, n.tags, c.did, c.due "
            "FROM notes n JOIN cards c ON c.nid = n.id ORDER BY c.due, n.id"
        ).fetchall()
    finally:
        connection.close()
    notes = []
    for note_id, guid, mid, flds, tags, did, due in rows:
        names_ = [f["name"] for f in models[mid]["flds"]]  # type: ignore[index]
        fields = dict(zip(names_, flds.split("\x1f"), strict=True))
        notes.append(ReadNote(note_id, guid, mid, fields, tuple(tags.split()), did, due))
    return ReadPackage(tuple(notes), models, decks)
