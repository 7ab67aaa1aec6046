"""What the learner chose to drill, and how one seed turns it into a ``DrillSpec`` (no Qt).

A plan may name several cells and quantities; the seed picks the cell, and the quantities are the
chosen ones that cell has (``h``, or its first quantity, when it has none of them). "Another like
this" is the same plan with a new seed, and typing a seed replays exactly that drill.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from engine.params import CONVENTIONS, default_convention

if TYPE_CHECKING:
    from quizapp.drills import DrillSpec

LARGEST_SEED = 999_999


@dataclass(frozen=True)
class DrillPlan:
    """Cells, quantities and difficulty chosen on the home screen, plus the convention defaults."""

    cells: tuple[str, ...]
    quantities: tuple[str, ...]
    difficulty: str
    gru_convention: str = "pytorch"
    two_biases: bool = False
    # (cell, convention) of the modern cells (``Settings.cell_conventions``); others use defaults
    conventions: tuple[tuple[str, str], ...] = ()

    def convention_for(self, cell: str) -> str:
        """The convention drilled for ``cell``: the chosen GRU convention, a modern cell's chosen
        one, else the cell's default."""
        if cell == "gru" and self.gru_convention in CONVENTIONS["gru"]:
            return self.gru_convention
        chosen = dict(self.conventions).get(cell)
        if chosen is not None and chosen in CONVENTIONS.get(cell, ()):
            return chosen
        return default_convention(cell)

    def cell_for(self, seed: int) -> str:
        """The cell that ``seed`` drills."""
        if not self.cells:
            raise ValueError("the plan names no cell; choose at least one")
        return self.cells[seed % len(self.cells)]

    def _offered(self, cell: str) -> list[str]:
        from quizapp.drills import quantities_for

        return [info.key for info in quantities_for(cell, self.convention_for(cell))]

    def quantities_for(self, cell: str) -> tuple[str, ...]:
        """The chosen quantities that ``cell`` has, in the order the cell offers them."""
        offered = self._offered(cell)
        if "all" in self.quantities:
            return ("all",)
        chosen = tuple(key for key in offered if key in self.quantities)
        if chosen:
            return chosen
        return ("h",) if "h" in offered else tuple(offered[:1])

    def falls_back(self, cell: str) -> bool:
        """Whether quantities were chosen of which ``cell`` has none (its drill then asks h_t, or
        the cell's first quantity): the learner should be told."""
        if not self.quantities or "all" in self.quantities:
            return False
        return not any(key in self.quantities for key in self._offered(cell))

    def spec_for(self, seed: int) -> DrillSpec:
        """The drill that ``seed`` gives under this plan."""
        from quizapp.drills import DrillSpec

        cell = self.cell_for(seed)
        return DrillSpec(
            cell=cell,
            convention=self.convention_for(cell),
            quantities=self.quantities_for(cell),
            difficulty=self.difficulty,
            seed=seed,
            two_biases=self.two_biases,
        )

    def with_cells(self, cells: tuple[str, ...]) -> DrillPlan:
        """The same plan for other cells."""
        return replace(self, cells=cells)


def new_seed(rng: random.Random | None = None) -> int:
    """A fresh seed, short enough to read out and type back."""
    return (rng or random.Random()).randint(1, LARGEST_SEED)
