"""Loading question files and folders: the shipped bank in ``bank/`` plus a user's packs.

A question with a problem is skipped and reported; the other questions of its file still load. A
file that is not YAML, or whose top level is wrong, gives one problem. Ids must be unique across
everything loaded together: the first definition wins (the shipped bank is loaded before packs).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from questions.schema import Question
from questions.validate import DUPLICATE_ID, BankError, Problem, QuestionChecker, describe
from questions.yamlsafe import Refused, YamlList, YamlMap, YamlSyntaxError, read_yaml

__all__ = [
    "BANK_DIR",
    "FORMAT_VERSION",
    "BankError",
    "LoadResult",
    "Problem",
    "load_bank",
    "load_file",
    "load_paths",
]

BANK_DIR = Path(__file__).parent / "bank"
FORMAT_VERSION = 1
YAML_SUFFIXES = (".yaml", ".yml")
# A question file is a few hundred kilobytes at most; refuse anything far larger unread.
MAX_FILE_BYTES = 4_000_000
TOP_LEVEL_KEYS = ("format", "module", "questions")


@dataclass(frozen=True)
class LoadResult:
    """The questions that loaded and the problems found, in file order."""

    questions: tuple[Question, ...]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """True when nothing was wrong."""
        return not self.problems


def load_file(path: str | os.PathLike[str]) -> LoadResult:
    """Load one YAML question file."""
    return load_paths([path])


def load_paths(paths: Iterable[str | os.PathLike[str]]) -> LoadResult:
    """Load files, and the ``*.yaml`` / ``*.yml`` files directly inside folders, in order."""
    questions: list[Question] = []
    problems: list[Problem] = []
    for path in paths:
        for file in _expand(Path(path), problems):
            file_questions, file_problems = _read_file(file)
            questions.extend(file_questions)
            problems.extend(file_problems)
    unique, duplicates = _drop_duplicates(questions)
    return LoadResult(tuple(unique), tuple(problems + duplicates))


def load_bank(include_user_packs: bool = True, packs_folder: Path | None = None) -> LoadResult:
    """The shipped bank, plus the packs in ``packs_folder`` unless told not to.

    A missing packs folder is no problem; one that is a file, a looping link or unreadable is one
    problem naming it, and the shipped bank still loads.
    """
    paths: list[Path] = [BANK_DIR]
    folder_problems: list[Problem] = []
    if include_user_packs and packs_folder is not None:
        problem = _packs_folder_problem(packs_folder)
        if problem is None and packs_folder.is_dir():
            paths.append(packs_folder)
        elif problem is not None:
            folder_problems.append(problem)
    result = load_paths(paths)
    return LoadResult(result.questions, result.problems + tuple(folder_problems))


def _packs_folder_problem(folder: Path) -> Problem | None:
    """Why ``folder`` cannot be read as the packs folder (None when it can, or does not exist)."""
    try:
        link = folder.lstat()
    except FileNotFoundError:
        return None
    except OSError as error:
        return Problem(
            str(folder), 0, None, None, f"cannot read the packs folder: {error.strerror}"
        )
    try:
        mode = folder.stat().st_mode
    except OSError as error:
        if not stat.S_ISLNK(link.st_mode):
            message = f"cannot read the packs folder: {error.strerror}"
        elif error.errno == errno.ELOOP:
            message = "the packs folder is a symbolic link that loops; no packs were loaded"
        else:
            message = "the packs folder is a symbolic link to nothing; no packs were loaded"
        return Problem(str(folder), 0, None, None, message)
    if not stat.S_ISDIR(mode):
        message = (
            f"the packs folder is {_kind(mode)}, not a folder; no packs were loaded "
            "(move it aside so a folder can take its place)"
        )
        return Problem(str(folder), 0, None, None, message)
    try:
        next(os.scandir(folder), None)
    except OSError as error:
        message = f"cannot read the packs folder: {error.strerror}; no packs were loaded"
        return Problem(str(folder), 0, None, None, message)
    return None


def _kind(mode: int) -> str:
    """What a non-folder entry is, for messages."""
    if stat.S_ISREG(mode):
        return "a file"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file or folder"


def _expand(path: Path, problems: list[Problem]) -> list[Path]:
    """The question files ``path`` stands for; what cannot be read is reported, never skipped."""
    if path.is_dir():
        try:
            entries = sorted(path.iterdir())
        except OSError as error:
            message = f"cannot read the folder: {error.strerror}"
            problems.append(Problem(str(path), 0, None, None, message))
            return []
        files: list[Path] = []
        for entry in entries:
            if entry.suffix not in YAML_SUFFIXES or is_lexicon_file(entry):
                continue
            problem = _entry_problem(entry)
            if problem is None:
                files.append(entry)
            else:
                problems.append(problem)
        return files
    problem = _entry_problem(path)
    if problem is None:
        return [path]
    problems.append(problem)
    return []


def _entry_problem(path: Path) -> Problem | None:
    """Why ``path`` is not a regular file that can be read (None when it is)."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            message = "a symbolic link that loops; skipped"
        elif error.errno == errno.ENOENT and path.is_symlink():
            message = "a symbolic link to a missing file; skipped"
        elif error.errno == errno.ENOENT:
            message = "no such file or folder"
        else:
            message = f"cannot read the file: {error.strerror}; skipped"
        return Problem(str(path), 0, None, None, message)
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        # only a folder found inside a folder gets here: packs are read one level deep
        message = "a folder, not a question file; skipped (packs are read one level deep)"
    else:
        # a named pipe would block the reader forever, a device could be endless
        message = f"not a regular file ({_kind(mode)}); skipped"
    return Problem(str(path), 0, None, None, message)


def is_lexicon_file(path: Path) -> bool:
    """A pack's own lexicon (``*.lexicon.yaml``): concepts and misconceptions, not questions."""
    return path.name.endswith((".lexicon.yaml", ".lexicon.yml"))


def _read_file(path: Path) -> tuple[list[Question], list[Problem]]:
    file = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            message = f"file is {size} bytes; question files are limited to {MAX_FILE_BYTES}"
            return [], [Problem(file, 0, None, None, message)]
        raw = path.read_bytes()
    except OSError as error:
        return [], [Problem(file, 0, None, None, f"cannot read the file: {error.strerror}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return [], [Problem(file, line, None, None, "not UTF-8 text; save the file as UTF-8")]
    try:
        document = read_yaml(text)
    except YamlSyntaxError as error:
        return [], [Problem(file, error.line, None, None, error.message)]
    entries, problems = _top_level(file, document)
    questions: list[Question] = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, YamlMap):
            line = entries.line_of(index)
            message = f"question #{index + 1} is {describe(entry)}; expected a mapping"
            if isinstance(entry, Refused):
                line, message = entry.line, entry.message
            problems.append(Problem(file, line, None, None, message))
            continue
        checker = QuestionChecker(file, entry)
        question = checker.check()
        problems.extend(checker.problems)
        if question is not None:
            questions.append(question)
    return questions, problems


def _top_level(file: str, document: object) -> tuple[YamlList, list[Problem]]:
    """The question entries of a file, or one problem when the top level is wrong."""
    expected = "expected a mapping with 'format: 1', 'module' and a 'questions' list"
    if document is None:
        return YamlList(0), [Problem(file, 0, None, None, f"the file is empty; {expected}")]
    if isinstance(document, Refused):
        return YamlList(0), [Problem(file, document.line, None, None, document.message)]
    if not isinstance(document, YamlMap):
        return YamlList(0), [
            Problem(file, 1, None, None, f"the top level is {describe(document)}; {expected}")
        ]
    for key in ("format", "questions"):
        value = document.get(key)
        if isinstance(value, Refused):
            return YamlList(0), [Problem(file, value.line, None, key, value.message)]
        if key not in document:
            return YamlList(0), [Problem(file, document.line, None, key, f"missing; {expected}")]
    version = document["format"]
    if version != FORMAT_VERSION or isinstance(version, bool):
        message = f"got {describe(version)}; this version reads format {FORMAT_VERSION}"
        return YamlList(0), [Problem(file, document.line_of("format"), None, "format", message)]
    entries = document["questions"]
    if not isinstance(entries, YamlList):
        message = f"got {describe(entries)}; expected a list of questions"
        return YamlList(0), [
            Problem(file, document.line_of("questions"), None, "questions", message)
        ]
    problems: list[Problem] = []
    module = document.get("module")
    if not isinstance(module, str) or not module.strip():
        problems.append(
            Problem(
                file,
                document.line_of("module"),
                None,
                "module",
                f"got {describe(module)}; expected a short name such as m3 or my-pack",
            )
        )
    for key in document:
        if key not in TOP_LEVEL_KEYS:
            problems.append(
                Problem(
                    file,
                    document.line_of(key),
                    None,
                    key,
                    "unknown top-level key; expected " + ", ".join(TOP_LEVEL_KEYS),
                )
            )
    return entries, problems


def _drop_duplicates(questions: list[Question]) -> tuple[list[Question], list[Problem]]:
    first: dict[str, Question] = {}
    problems: list[Problem] = []
    for question in questions:
        earlier = first.get(question.id)
        if earlier is None:
            first[question.id] = question
            continue
        message = f"duplicate id '{question.id}'; already used at {earlier.file}:{earlier.line}"
        problems.append(
            Problem(question.file, question.line, question.id, "id", message, DUPLICATE_ID)
        )
    return list(first.values()), problems
