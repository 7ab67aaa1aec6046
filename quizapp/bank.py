"""The questions the app studies: the shipped bank plus the packs in the data folder's ``packs/``.

Every place that studies questions (the window, ``quizapp review``, ``quizapp questions practice``)
loads them here, so a pack is seen everywhere or nowhere. A broken pack never stops the app: its
readable questions load, and ``pack_notices`` names each file with problems once.
"""

from __future__ import annotations

from pathlib import Path

import questions.load
from questions.load import LoadResult, Problem, load_bank
from questions.problems_zh import problem_line
from questions.schema import Question
from questions.validate import printable
from questions.vocab import Lang
from quizapp import paths


def packs_folder() -> Path | None:
    """The packs folder (created when missing), or its path when it cannot be made or used."""
    try:
        return paths.packs_dir()
    except OSError:
        # `packs` is a file or a looping link, or the data folder itself cannot be used:
        # ``load_bank`` reports the packs folder by name, and the shipped bank still loads.
        return paths.data_dir_location() / "packs"


def load_questions() -> LoadResult:
    """The shipped bank and the user's packs, with every problem found."""
    return load_bank(include_user_packs=True, packs_folder=packs_folder())


def pack_file_name(question: Question) -> str | None:
    """The name of the learner's pack file ``question`` came from (``my_pack.yaml``, printable);
    None for the shipped bank. The GUI words it in the interface language."""
    if not question.file:
        return None
    file = Path(question.file)
    if file.parent == questions.load.BANK_DIR:  # looked up now: tests point it elsewhere
        return None
    return printable(file.name)


def origin(question: Question) -> str | None:
    """Where ``question`` came from for people (``pack: my_pack.yaml``); None for the shipped bank."""
    name = pack_file_name(question)
    return None if name is None else f"pack: {name}"


def pack_notices(
    problems: tuple[Problem, ...], *, terminal: bool = True, lang: Lang = "en"
) -> list[str]:
    """One line per file (or folder) with problems: what was wrong first, and how many in all.

    In the terminal each line says that those questions were left out and which command lists
    every problem; the GUI (``terminal=False``) says that once, in the banner's heading, and asks
    for the lines in its interface language ``lang`` (``questions.problems_zh``)."""
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    notices: list[str] = []
    for found in by_file.values():
        more = len(found) - 1
        also = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
        if lang == "zh":
            also = f"（另有 {more} 个问题）" if more else ""
        hint = (
            "; questions with problems were left out (quizapp questions validate lists them all)"
            if terminal
            else ""
        )
        notices.append(f"{problem_line(found[0], lang)}{also}{hint}")
    return [printable(notice) for notice in notices]
