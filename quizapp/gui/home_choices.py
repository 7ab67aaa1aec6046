"""What the home screen remembers between runs, and how a saved choice is checked on start (no Qt).

The home screen's seven choices (drill cells, quantities, drill difficulty, GRU convention, question
topics, question types, question difficulty) live in ``Settings``. The settings file checks their
types and fixed choices; whether a saved cell, quantity, topic or type still exists is checked here,
against what the app offers now (``Offer``), because a later version may remove one or a learner
may type one into the file. ``restore`` keeps what exists and says what it dropped, so the caller
can log it; it never raises for a saved value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from questions.topics import TOPICS
from questions.vocab import QUESTION_TYPES
from quizapp.drills import QuantityInfo, quantities_for
from quizapp.drills.quantities import DRILL_CELLS
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.question_deck import QuestionFilter
from quizapp.settings import DEFAULTS, Settings

ALL_QUANTITIES = "all"  # the quantity entry that asks every output of the cell


def offered_quantities(
    cells: Sequence[str], gru_convention: str, *, two_biases: bool = False
) -> tuple[QuantityInfo, ...]:
    """The quantities the home screen lists for ``cells`` (the default cells when none are
    chosen), each key once, in the cells' order; ``all`` is listed before them and not included.
    Labels follow the bias setting (one bias per gate by default, as drills are drawn)."""
    plan = DrillPlan(
        cells=tuple(cells) or DEFAULTS.drill_cells,
        quantities=(),
        difficulty=DEFAULTS.difficulty,
        gru_convention=gru_convention,
    )
    seen: set[str] = set()
    offered: list[QuantityInfo] = []
    for cell in plan.cells:
        for info in quantities_for(cell, plan.convention_for(cell), two_biases=two_biases):
            if info.key not in seen:
                seen.add(info.key)
                offered.append(info)
    return tuple(offered)


def _quantity_keys(cells: Sequence[str], gru_convention: str) -> tuple[str, ...]:
    return (ALL_QUANTITIES, *(info.key for info in offered_quantities(cells, gru_convention)))


@dataclass(frozen=True)
class Offer:
    """What the app offers now: the names a saved choice must be one of."""

    cells: tuple[str, ...] = DRILL_CELLS  # every cell the drills know, classic and modern
    topics: tuple[str, ...] = tuple(topic.id for topic in TOPICS)
    types: tuple[str, ...] = QUESTION_TYPES
    # The quantity keys listed for some cells under a GRU convention.
    quantities: Callable[[Sequence[str], str], tuple[str, ...]] = _quantity_keys


@dataclass(frozen=True)
class HomeChoices:
    """The choices on the home screen; empty topics or types mean "all"."""

    cells: tuple[str, ...]
    quantities: tuple[str, ...]
    difficulty: str
    gru_convention: str
    topics: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    question_difficulty: str = "any"

    @classmethod
    def of(cls, settings: Settings) -> HomeChoices:
        """The choices ``settings`` hold, unchecked."""
        return cls(
            cells=settings.drill_cells,
            quantities=settings.drill_quantities,
            difficulty=settings.difficulty,
            gru_convention=settings.gru_convention,
            topics=settings.question_topics,
            types=settings.question_types,
            question_difficulty=settings.question_difficulty,
        )

    @classmethod
    def chosen(cls, plan: DrillPlan, question_filter: QuestionFilter) -> HomeChoices:
        """The choices behind a drill plan and a question filter (what the screen shows)."""
        return cls(
            cells=plan.cells,
            quantities=plan.quantities,
            difficulty=plan.difficulty,
            gru_convention=plan.gru_convention,
            topics=question_filter.topics,
            types=question_filter.types,
            question_difficulty=question_filter.difficulty,
        )

    def settings_changes(self) -> dict[str, object]:
        """These choices as keyword arguments of ``Settings.replace`` / ``AppState.update``."""
        return {
            "drill_cells": self.cells,
            "drill_quantities": self.quantities,
            "difficulty": self.difficulty,
            "gru_convention": self.gru_convention,
            "question_topics": self.topics,
            "question_types": self.types,
            "question_difficulty": self.question_difficulty,
        }


@dataclass(frozen=True)
class Restored:
    """The saved choices that still exist, and one line for each saved value that was dropped."""

    choices: HomeChoices
    dropped: tuple[str, ...] = field(default=())


def _keep(
    setting: str, saved: Sequence[str], known: Sequence[str], dropped: list[str]
) -> tuple[str, ...]:
    """The saved names that are known, each once, in the saved order; the others go to
    ``dropped`` with the setting's name."""
    kept: list[str] = []
    for name in saved:
        if name not in known:
            dropped.append(f"'{setting}': {name!r} is not offered any more; dropped")
        elif name not in kept:
            kept.append(name)
    return tuple(kept)


def restore(settings: Settings, offer: Offer | None = None) -> Restored:
    """The home choices of ``settings`` with every cell, quantity, topic and type the app no
    longer offers dropped. When every saved cell was dropped the default cells are used (an empty
    choice the learner made is kept: it is theirs)."""
    offer = offer or Offer()
    saved = HomeChoices.of(settings)
    dropped: list[str] = []
    cells = _keep("drill_cells", saved.cells, offer.cells, dropped)
    if saved.cells and not cells:
        cells = DEFAULTS.drill_cells
    quantities = _keep(
        "drill_quantities",
        saved.quantities,
        offer.quantities(cells, saved.gru_convention),
        dropped,
    )
    topics = _keep("question_topics", saved.topics, offer.topics, dropped)
    types = _keep("question_types", saved.types, offer.types, dropped)
    choices = HomeChoices(
        cells=cells,
        quantities=quantities,
        difficulty=saved.difficulty,
        gru_convention=saved.gru_convention,
        topics=topics,
        types=types,
        question_difficulty=saved.question_difficulty,
    )
    return Restored(choices, tuple(dropped))
