"""The shared bilingual lexicon of concepts and the catalogue of misconceptions.

Concepts live in ``questions/lexicon/*.yaml`` (every file of the folder is read, in name order;
a pack may add its own in ``*.lexicon.yaml`` files beside its questions):
a concept id maps to its English forms, Chinese forms and notation, an optional ``group`` (concepts
of one group are rivals as the subject of a claim: ``norm-clipping`` and ``value-clipping``) and an
optional ``opposite`` (``keep`` / ``change``: stating one is stating the other negated). A synonym
added once serves every question that names the concept.

The same files hold ``misconceptions``: catalogued wrong claims of a topic, each with the wrong
claim in both languages and a correction. This module reads and checks the files; it has no
matching logic (that is ``quizapp.grading.freetext``) and imports no Qt.
"""

from __future__ import annotations

import errno
import functools
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from questions.claims import CONCEPT_ID, Claim, ClaimSyntaxError, parse_claim
from questions.topics import TOPIC_IDS
from questions.vocab import LANGS, Text
from questions.yamlsafe import YamlList, YamlMap, YamlSyntaxError, read_yaml

LEXICON_DIR = Path(__file__).parent / "lexicon"
MAX_LEXICON_BYTES = 4_000_000
# A form that is only a negation would hide the negation it stands for ("not", 并不).
_NEGATION_ONLY = re.compile(
    r"(?:not|no|never|without|none|nor|neither|n't|不|没|没有|并不|并非|不是|不会|不能|无|非|未|别|\s)+\Z"
)
CONCEPT_KEYS = frozenset({"id", "en", "zh", "notation", "group", "opposite"})
MISCONCEPTION_KEYS = frozenset({"id", "topics", "claims", "en", "zh", "correction"})


@dataclass(frozen=True)
class Concept:
    """One concept: its forms in each language and in notation, its group and its opposite."""

    id: str
    en: tuple[str, ...]
    zh: tuple[str, ...]
    notation: tuple[str, ...]
    group: str | None
    opposite: str | None

    def forms(self) -> tuple[str, ...]:
        """Every form, whatever the language (answers mix English terms into Chinese)."""
        return self.en + self.zh + self.notation


@dataclass(frozen=True)
class Misconception:
    """A catalogued wrong claim: how it is stated, what it says, and the correction."""

    id: str
    topics: tuple[str, ...]
    claims: tuple[Claim, ...]
    text: Text
    correction: Text


@dataclass(frozen=True)
class LexiconProblem:
    """One thing wrong in a lexicon file; ``line`` is 1-based (0 when unknown)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Lexicon:
    """All concepts by id, the misconceptions in file order, and what was wrong while reading."""

    concepts: dict[str, Concept]
    misconceptions: tuple[Misconception, ...]
    problems: tuple[LexiconProblem, ...]

    def group_of(self, concept_id: str) -> str | None:
        """The group of a concept (``None`` for an unknown concept or one without a group)."""
        concept = self.concepts.get(concept_id)
        return concept.group if concept is not None else None

    @functools.cached_property
    def _members(self) -> dict[str, frozenset[str]]:
        """Each group's concept ids (built once: the grader asks for rivals at every claim)."""
        members: dict[str, set[str]] = {}
        for concept in self.concepts.values():
            if concept.group is not None:
                members.setdefault(concept.group, set()).add(concept.id)
        return {group: frozenset(ids) for group, ids in members.items()}

    def rivals(self, concept_ids: Iterable[str]) -> frozenset[str]:
        """The concepts of the groups of ``concept_ids`` (the ids themselves included)."""
        ids = set(concept_ids)
        for concept_id in list(ids):
            group = self.group_of(concept_id)
            if group is not None:
                ids |= self._members[group]
        return frozenset(ids)

    def opposite_of(self, concept_id: str) -> str | None:
        """The concept that states the opposite (symmetric), or ``None``."""
        concept = self.concepts.get(concept_id)
        return concept.opposite if concept is not None else None

    def misconceptions_for(self, topic: str) -> tuple[Misconception, ...]:
        """The catalogued misconceptions of ``topic``."""
        return tuple(m for m in self.misconceptions if topic in m.topics)

    def misconception(self, misconception_id: str) -> Misconception | None:
        """The misconception with that id, or ``None``."""
        for item in self.misconceptions:
            if item.id == misconception_id:
                return item
        return None

    def unknown_concepts(self, claim: Claim) -> tuple[str, ...]:
        """The concept ids a claim names that the lexicon does not have."""
        return tuple(c for c in claim.concepts() if c not in self.concepts)


class _Reader:
    """Reads lexicon files into concepts and misconceptions, collecting problems."""

    def __init__(self) -> None:
        self.concepts: dict[str, Concept] = {}
        self.misconceptions: list[Misconception] = []
        self.problems: list[LexiconProblem] = []
        self.file = ""

    def fail(self, line: int, message: str) -> None:
        self.problems.append(LexiconProblem(self.file, line, message))

    def read_file(self, path: Path) -> None:
        self.file = str(path)
        odd = _odd_entry(path)
        if odd is not None:
            self.fail(0, odd)
            return
        try:
            if path.stat().st_size > MAX_LEXICON_BYTES:
                self.fail(0, f"larger than {MAX_LEXICON_BYTES} bytes; not read")
                return
            data = read_yaml(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            self.fail(0, f"cannot be read: {error}")
            return
        except YamlSyntaxError as error:
            self.fail(error.line, error.message)
            return
        if not isinstance(data, YamlMap):
            self.fail(0, "the top level must be a mapping with 'concepts' and/or 'misconceptions'")
            return
        for key in data:
            if key not in ("format", "concepts", "misconceptions"):
                self.fail(data.line_of(key), f"unknown top-level key {key!r}")
        concepts = data.get("concepts", YamlList(data.line))
        if isinstance(concepts, YamlList):
            for index, item in enumerate(concepts):
                self.concept(item, concepts.line_of(index))
        else:
            self.fail(data.line_of("concepts"), "'concepts' must be a list")
        misconceptions = data.get("misconceptions", YamlList(data.line))
        if isinstance(misconceptions, YamlList):
            for index, item in enumerate(misconceptions):
                self.misconception(item, misconceptions.line_of(index))
        else:
            self.fail(data.line_of("misconceptions"), "'misconceptions' must be a list")

    def strings(self, item: YamlMap, key: str, line: int) -> tuple[str, ...]:
        raw = item.get(key)
        if raw is None:
            return ()
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not all(isinstance(s, str) and s.strip() for s in raw):
            self.fail(item.line_of(key), f"{key!r} must be a list of non-empty strings")
            return ()
        return tuple(str(s).strip() for s in raw)

    def concept(self, item: object, line: int) -> None:
        if not isinstance(item, YamlMap):
            self.fail(line, "a concept must be a mapping with id, en, zh")
            return
        concept_id = item.get("id")
        if not isinstance(concept_id, str) or not CONCEPT_ID.match(concept_id):
            self.fail(line, f"concept id {concept_id!r}: lowercase letters, digits and '-'")
            return
        for key in item:
            if key not in CONCEPT_KEYS:
                self.fail(item.line_of(key), f"concept {concept_id!r}: unknown key {key!r}")
        if concept_id in self.concepts:
            self.fail(line, f"concept {concept_id!r} is defined twice")
            return
        group, opposite = item.get("group"), item.get("opposite")
        if group is not None and not isinstance(group, str):
            self.fail(item.line_of("group"), f"concept {concept_id!r}: group must be a string")
            group = None
        if opposite is not None and not isinstance(opposite, str):
            self.fail(item.line_of("opposite"), f"concept {concept_id!r}: opposite must be an id")
            opposite = None
        concept = Concept(
            concept_id,
            self.strings(item, "en", line),
            self.strings(item, "zh", line),
            self.strings(item, "notation", line),
            group,
            opposite,
        )
        if not concept.forms():
            self.fail(line, f"concept {concept_id!r} has no forms (en, zh or notation)")
        for form in concept.forms():
            if _NEGATION_ONLY.match(form.casefold()):
                self.fail(
                    line,
                    f"concept {concept_id!r}: form {form!r} is only a negation word; it would "
                    "hide every negation it matches (write the claim with 'not' instead)",
                )
        self.concepts[concept_id] = concept

    def text(self, raw: object, line: int, what: str) -> Text | None:
        if not isinstance(raw, YamlMap) and not isinstance(raw, dict):
            self.fail(line, f"{what} must be a mapping with en and zh")
            return None
        values = [raw.get(lang) for lang in LANGS]
        if not all(isinstance(v, str) and v.strip() for v in values):
            self.fail(line, f"{what} needs non-empty en and zh")
            return None
        return Text(str(values[0]).strip(), str(values[1]).strip())

    def misconception(self, item: object, line: int) -> None:
        if not isinstance(item, YamlMap):
            self.fail(line, "a misconception must be a mapping")
            return
        misconception_id = item.get("id")
        if not isinstance(misconception_id, str) or not CONCEPT_ID.match(misconception_id):
            self.fail(
                line, f"misconception id {misconception_id!r}: lowercase letters, digits, '-'"
            )
            return
        what = f"misconception {misconception_id!r}"
        for key in item:
            if key not in MISCONCEPTION_KEYS:
                self.fail(item.line_of(key), f"{what}: unknown key {key!r}")
        if any(m.id == misconception_id for m in self.misconceptions):
            self.fail(line, f"{what} is defined twice")
            return
        claims: list[Claim] = []
        for text in self.strings(item, "claims", line):
            try:
                claims.append(parse_claim(text))
            except ClaimSyntaxError as error:
                self.fail(item.line_of("claims"), f"{what}: claim {text!r}: {error}")
        if not claims:
            self.fail(line, f"{what} needs at least one claim")
        topics = self.strings(item, "topics", line)
        if not topics:
            self.fail(line, f"{what} needs at least one topic")
        for topic in topics:
            if topic not in TOPIC_IDS:
                self.fail(item.line_of("topics"), f"{what}: unknown topic {topic!r}")
        wrong = self.text(item, line, what)
        correction = self.text(
            item.get("correction"), item.line_of("correction"), f"{what}: correction"
        )
        if claims and topics and wrong is not None and correction is not None:
            self.misconceptions.append(
                Misconception(misconception_id, topics, tuple(claims), wrong, correction)
            )

    def finish(self) -> Lexicon:
        concepts = dict(self.concepts)
        self.file = "lexicon"
        for concept in list(concepts.values()):
            if concept.opposite is None:
                continue
            other = concepts.get(concept.opposite)
            if other is None:
                self.fail(0, f"concept {concept.id!r}: opposite {concept.opposite!r} is unknown")
            elif other.opposite is None:
                concepts[other.id] = Concept(
                    other.id, other.en, other.zh, other.notation, other.group, concept.id
                )
            elif other.opposite != concept.id:
                self.fail(0, f"concepts {concept.id!r} and {other.id!r} disagree on opposites")
        for misconception in self.misconceptions:
            for claim in misconception.claims:
                for unknown in (c for c in claim.concepts() if c not in concepts):
                    self.fail(
                        0, f"misconception {misconception.id!r} names unknown concept {unknown!r}"
                    )
        return Lexicon(concepts, tuple(self.misconceptions), tuple(self.problems))


def read_lexicon(paths: Iterable[Path]) -> Lexicon:
    """Concepts and misconceptions from the given files (in order), with every problem found."""
    reader = _Reader()
    for path in paths:
        reader.read_file(path)
    return reader.finish()


def lexicon_files(folder: Path = LEXICON_DIR) -> list[Path]:
    """The lexicon files of a folder, in name order."""
    return sorted(p for p in folder.glob("*.yaml") if p.is_file())


def pack_lexicon_files(paths: Iterable[Path]) -> list[Path]:
    """A pack's own lexicon files (``*.lexicon.yaml``) among ``paths`` and inside folders.

    Every entry with such a name is listed, whatever it is: reading one that is a folder, a pipe
    or a looping link reports it (``read_lexicon``) instead of leaving it out without a word."""
    found: list[Path] = []
    for path in paths:
        candidates = sorted(path.iterdir()) if path.is_dir() else [path]
        found += [p for p in candidates if p.name.endswith((".lexicon.yaml", ".lexicon.yml"))]
    return found


def _odd_entry(path: Path) -> str | None:
    """Why ``path`` is not a regular file to read (None when it is); a pipe would block forever."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link that loops; skipped"
        if error.errno == errno.ENOENT and path.is_symlink():
            return "a symbolic link to a missing file; skipped"
        return f"cannot be read: {error.strerror}; skipped"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder, not a lexicon file; skipped"
    kind = "a named pipe" if stat.S_ISFIFO(mode) else "not a file or folder"
    return f"not a regular file ({kind}); skipped"


@functools.cache
def shipped_lexicon() -> Lexicon:
    """The lexicon shipped with the bank (read once)."""
    return read_lexicon(lexicon_files())
