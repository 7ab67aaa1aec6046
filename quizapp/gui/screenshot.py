"""``quizapp gui --screenshot FILE``: build one screen as a learner would see it and save a PNG.

Works offscreen (``QT_QPA_PLATFORM=offscreen``). Settings come from the options, not the user's
file, and nothing is saved; only the home view shows the choices remembered in the data folder's
settings (cells, quantities, difficulties, convention, topics, types), as after a restart.

The study views (``STUDY_VIEWS``) need a history. They never touch the learner's real one: with
``demo_history`` a simulated history is written to a temporary folder that is removed afterwards;
without it, the simulated history is written into the data folder only when that folder holds no
history yet (a scratch ``--data-dir``), and otherwise the screenshot is refused.
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent

from quizapp import paths
from quizapp import settings as settings_module
from quizapp.gui.app import Started, start
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.home_choices import HomeChoices
from quizapp.gui.main_window import MainWindow
from quizapp.gui.sample_answers import sample_answer
from quizapp.gui.widgets.math_label import shared_renderer
from quizapp.settings import DEFAULTS, GRU_CONVENTIONS, MODERN_CONVENTIONS, Settings

if TYPE_CHECKING:
    from collections.abc import Iterator

    from quizapp.gui.study import StudyPages
    from quizapp.study.store import Store

STUDY_VIEWS: tuple[str, ...] = ("review", "mock", "mistakes", "stats", "summary")
VIEWS: tuple[str, ...] = ("home", "drill", "diagram", "question", "settings", *STUDY_VIEWS)
DEFAULT_SIZE = (1280, 860)
SMALLEST_SIZE = (400, 300)
LARGEST_SIZE = (4096, 4096)
"""Window sizes a screenshot accepts (width, height), both ends included."""
_SIZE_RANGE = (
    f"the size must be at least {SMALLEST_SIZE[0]}x{SMALLEST_SIZE[1]} "
    f"and at most {LARGEST_SIZE[0]}x{LARGEST_SIZE[1]}"
)


class ScreenshotError(Exception):
    """The screen asked for cannot be built (unknown view, question or cell)."""


@dataclass(frozen=True)
class ScreenshotOptions:
    """What to show."""

    file: Path
    view: str = "drill"
    cell: str = "lstm"
    ask: tuple[str, ...] = ("h",)
    seed: int = 7
    question: str | None = None
    lang: str = "en"
    theme: str = "light"
    answered: bool = False
    size: tuple[int, int] = DEFAULT_SIZE
    difficulty: str = "standard"
    convention: str = "pytorch"
    demo_history: bool = False
    font_size: int = DEFAULTS.font_size


def parse_size(text: str) -> tuple[int, int]:
    """``"1280x860"`` -> ``(1280, 860)``; ValueError names what was expected."""
    width, sep, height = text.lower().partition("x")
    digits = width + height
    # ASCII digits only, and few of them: int() must not read '²' or a 5,000-digit number.
    if not sep or not (width.isdigit() and height.isdigit() and digits.isascii()):
        raise ValueError(f"size {text!r}: expected WIDTHxHEIGHT, e.g. 1280x860")
    if len(width) > 6 or len(height) > 6:
        raise ValueError(f"size {text!r}: {_SIZE_RANGE}")
    size = (int(width), int(height))
    problem = size_problem(size)
    if problem is not None:
        raise ValueError(f"size {text!r}: {problem}")
    return size


def size_problem(size: tuple[int, int]) -> str | None:
    """Why a window of ``size`` (width, height) cannot be captured, or None when it can.

    The upper limit bounds the memory of the grab: 20000x20000 took 18 s and 3.2 GB."""
    (width, height), (least_width, least_height) = size, SMALLEST_SIZE
    (most_width, most_height) = LARGEST_SIZE
    if least_width <= width <= most_width and least_height <= height <= most_height:
        return None
    return _SIZE_RANGE


def folder_problem(file: Path) -> str | None:
    """Why ``file`` cannot be written as a screenshot, or None; no folder is ever created."""
    folder = file.parent
    if file.is_dir():
        return f"{file} is a folder; give a file name such as {file / 'screen.png'}"
    if not folder.exists():
        return f"the folder {folder} does not exist (it is not created); make it first"
    if not folder.is_dir():
        return f"{folder} is not a folder, so {file.name} cannot be written in it"
    return None


def _build_drill(window: MainWindow, options: ScreenshotOptions) -> None:
    settings = window.state.settings
    plan = DrillPlan(
        cells=(options.cell,),
        quantities=options.ask,
        difficulty=options.difficulty,
        gru_convention=settings.gru_convention,
        conventions=settings.cell_conventions(),
    )
    if not window.open_drills(plan, options.seed):
        raise ScreenshotError(window.drill.banner.message() or "the drill could not be made")
    drill = window.drill_controller.drill
    assert drill is not None
    if options.answered:
        answer = sample_answer(drill)
        for key, text in answer.texts.items():
            window.drill.sheet.fields[key].set_text(text)
        window.drill.submit()
        window.drill_controller.grading.wait_idle()  # a formula is graded on the grading thread
        window.drill.feedback.next_step()
    if options.view == "diagram":
        window.drill.emphasise_diagram()
        if options.answered:
            for _ in range(3):
                window.drill.next_stage()


def _build_question(window: MainWindow, options: ScreenshotOptions) -> None:
    bank = window.questions()
    if not bank:
        raise ScreenshotError("the question bank is empty")
    wanted = options.question or bank[0].id
    if not window.open_question_id(wanted):
        raise ScreenshotError(f"no question with id {wanted!r} in the bank")
    if options.answered and window.question.answer is not None:
        window.question.answer.fill_plausible()
        window.question.check()
        window.question.grading.wait_idle()  # a formula is graded on the grading thread


@contextmanager
def _history(options: ScreenshotOptions, window: MainWindow) -> Iterator[Store]:
    """The store the study views use, filled with the simulated history (see the module doc)."""
    from quizapp.gui.study.demo_history import write_demo_history
    from quizapp.study.store import Store

    folder: Path | None = None
    if options.demo_history:
        folder = Path(tempfile.mkdtemp(prefix="quizapp-screenshot-"))
        path, backups = folder / "history.sqlite3", folder / "backups"
    else:
        path, backups = paths.database_path(), paths.backups_dir()
        if path.exists():
            raise ScreenshotError(
                f"--view {options.view} needs a study history, and the data folder "
                f"{paths.data_dir()} already holds one ({path.name}); a screenshot never writes "
                "into a real history. Pass --demo-history (a simulated history in a temporary "
                "folder) or --data-dir with an empty folder."
            )
    now = datetime.now(UTC)
    store = Store.open(path, backups=backups, now=now, backup=False)
    try:
        write_demo_history(store, window.questions(), now)
        yield store
    finally:
        store.close()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def _answer_current(study: StudyPages) -> None:
    """Answer the study page's current item plausibly (one catalogued mistake) and submit it."""
    page = study.page
    session = page.session
    if session is None:
        return
    if session.drill is not None:
        for key, text in sample_answer(session.drill).texts.items():
            page.sheet.fields[key].set_text(text)
    elif page.answer is not None:
        page.answer.fill_plausible()
    page.submit()
    page.grading.wait_idle()  # a formula is graded on the grading thread
    page.submit()  # a free-text answer asks for the key-point checklist first


def _build_study(window: MainWindow, study: StudyPages, options: ScreenshotOptions) -> None:
    controller = study.controller
    if options.view == "stats":
        window.show_page("stats")
        return
    if options.view == "review":
        started = controller.start_review()
    elif options.view == "mistakes":
        started = controller.start_mistakes()
    elif options.view == "mock":
        started = controller.start_mock()
    else:  # summary: a short drill session, answered with slips
        started = controller.start_drills(3)
        for _ in range(3):
            _answer_current(study)
            study.page.go_next()
    if not started:
        raise ScreenshotError(f"--view {options.view}: {window.statusBar().currentMessage()}")
    if options.answered and options.view in ("review", "mistakes"):
        _answer_current(study)
    if options.answered and options.view == "mock":
        _mock_to_report(study)


def _mock_to_report(study: StudyPages) -> None:
    """Answer the interview's first free-text question plausibly, skip the rest, and finish:
    the report then asks to confirm that answer's key points."""
    page = study.page
    session = page.session
    while session is not None and session.current is not None:
        question = session.current.question
        if question is not None and question.type == "free_text" and page.answer is not None:
            page.answer.fill_plausible()
            page.submit()
            break
        page.skip()
    page.finish()


def _convention_fields(options: ScreenshotOptions) -> dict[str, str]:
    """The settings field ``--convention`` sets: the GRU's, or the drilled modern cell's."""
    if options.convention in GRU_CONVENTIONS:
        return {"gru_convention": options.convention}
    choices = MODERN_CONVENTIONS.get(options.cell, ())
    if options.convention not in choices:
        allowed = ", ".join((*GRU_CONVENTIONS, *choices))
        raise ScreenshotError(
            f"--convention {options.convention!r} is not one of {options.cell}'s; one of {allowed}"
        )
    return {f"{options.cell}_convention": options.convention}


def take_screenshot(options: ScreenshotOptions) -> Path:
    """Build the screen ``options`` describe and save it as a PNG; returns the file."""
    if options.view not in VIEWS:
        raise ScreenshotError(f"unknown view {options.view!r}; expected one of {', '.join(VIEWS)}")
    # Both checked before any window is built, so a refused screenshot costs nothing.
    problem = size_problem(options.size)
    if problem is not None:
        raise ScreenshotError(f"size {options.size[0]}x{options.size[1]}: {problem}")
    problem = folder_problem(options.file)
    if problem is not None:
        raise ScreenshotError(problem)
    settings = Settings(
        interface_language=options.lang,
        content_language=options.lang,
        theme=options.theme,
        difficulty=options.difficulty,
        drill_cells=(options.cell,),
        drill_quantities=options.ask,
        font_size=options.font_size,
        record_practice=False,  # a screenshot never writes into a history
    ).replace(**_convention_fields(options))
    if options.view == "home":
        remembered = HomeChoices.of(settings_module.load().settings)
        settings = settings.replace(**remembered.settings_changes())
    # The study views install the study pages themselves, on the screenshot's own history.
    started = start(settings, persist=False, study=options.view not in STUDY_VIEWS)
    window = started.window
    window.resize(*options.size)
    window.show()
    try:
        if options.view in STUDY_VIEWS:
            _shoot_study(started, options)
        else:
            _build(window, options)
            _save(started, options)
    finally:
        window.close()
        # Delete it now: a window left behind would be re-styled by every later theme change.
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    return options.file


def _shoot_study(started: Started, options: ScreenshotOptions) -> None:
    from quizapp.gui.study import install_study_pages

    window = started.window
    with _history(options, window) as store:
        study = install_study_pages(window, store=store, seed=options.seed)
        _build_study(window, study, options)
        _save(started, options)
        study.controller.close()


def _build(window: MainWindow, options: ScreenshotOptions) -> None:
    if options.view == "home":
        window.questions()
    elif options.view in ("drill", "diagram"):
        _build_drill(window, options)
    elif options.view == "question":
        _build_question(window, options)
    elif options.view == "settings":
        window.show_page("settings")


def _save(started: Started, options: ScreenshotOptions) -> None:
    window = started.window
    renderer = shared_renderer()
    for _ in range(3):  # a rendered formula may change the layout, which may request another
        renderer.wait_idle(60.0)
        started.app.processEvents()
    problem = folder_problem(options.file)  # the folder may have gone while the screen was built
    if problem is not None:
        raise ScreenshotError(problem)
    if not window.grab().save(str(options.file), "PNG"):
        raise ScreenshotError(f"could not write {options.file}")
