"""``quizapp gui --screenshot FILE``: build one screen as a learner would see it and save a PNG.

Works offscreen (``QT_QPA_PLATFORM=offscreen``). Settings come from the options, not the user's
file, and nothing is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quizapp.gui.app import start
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.main_window import MainWindow
from quizapp.gui.sample_answers import sample_answer
from quizapp.gui.widgets.math_label import shared_renderer
from quizapp.settings import Settings

VIEWS: tuple[str, ...] = ("home", "drill", "diagram", "question", "settings")
DEFAULT_SIZE = (1280, 860)


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


def parse_size(text: str) -> tuple[int, int]:
    """``"1280x860"`` -> ``(1280, 860)``; ValueError names what was expected."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise ValueError(f"size {text!r}: expected WIDTHxHEIGHT, e.g. 1280x860")
    size = (int(width), int(height))
    if size[0] < 400 or size[1] < 300:
        raise ValueError(f"size {text!r}: at least 400x300")
    return size


def _build_drill(window: MainWindow, options: ScreenshotOptions) -> None:
    plan = DrillPlan(
        cells=(options.cell,),
        quantities=options.ask,
        difficulty=options.difficulty,
        gru_convention=options.convention,
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


def take_screenshot(options: ScreenshotOptions) -> Path:
    """Build the screen ``options`` describe and save it as a PNG; returns the file."""
    if options.view not in VIEWS:
        raise ScreenshotError(f"unknown view {options.view!r}; expected one of {', '.join(VIEWS)}")
    settings = Settings(
        interface_language=options.lang,
        content_language=options.lang,
        theme=options.theme,
        difficulty=options.difficulty,
        gru_convention=options.convention,
        drill_cells=(options.cell,),
        drill_quantities=options.ask,
    )
    started = start(settings, persist=False)
    window = started.window
    window.resize(*options.size)
    window.show()
    if options.view == "home":
        window.questions()
    elif options.view in ("drill", "diagram"):
        _build_drill(window, options)
    elif options.view == "question":
        _build_question(window, options)
    elif options.view == "settings":
        window.show_page("settings")
    renderer = shared_renderer()
    for _ in range(3):  # a rendered formula may change the layout, which may request another
        renderer.wait_idle(60.0)
        started.app.processEvents()
    options.file.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(options.file), "PNG"):
        raise ScreenshotError(f"could not write {options.file}")
    window.close()
    return options.file
