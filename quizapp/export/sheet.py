"""Which drills a printed sheet holds: the settings of ``quizapp export sheet`` and the drills they
make, seed after seed, exactly as ``quizapp drill --count N --seed S`` makes them."""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from quizapp.drills import Drill, DrillSpec, generate_drill

MAX_SHEET_DRILLS = 50


@dataclass(frozen=True)
class SheetSpec:
    """A sheet: ``count`` drills of one cell, the first with ``seed``, the next with ``seed + 1`` …"""

    cell: str
    convention: str
    asked: tuple[str, ...]
    difficulty: str
    seed: int
    count: int
    two_biases: bool = False

    def drill_specs(self) -> tuple[DrillSpec, ...]:
        """One ``DrillSpec`` per drill of the sheet."""
        if not 1 <= self.count <= MAX_SHEET_DRILLS:
            raise ValueError(f"--count must be between 1 and {MAX_SHEET_DRILLS}, got {self.count}")
        return tuple(
            DrillSpec(
                self.cell, self.convention, self.asked, self.difficulty, self.seed + i,
                self.two_biases,
            )
            for i in range(self.count)
        )  # fmt: skip


def sheet_drills(spec: SheetSpec) -> tuple[Drill, ...]:
    """The drills of the sheet (``DrillError`` or ``EngineError`` for settings that make none)."""
    return tuple(generate_drill(drill_spec) for drill_spec in spec.drill_specs())


def replay_command(spec: DrillSpec) -> str:
    """The command that shows this drill again in the terminal (one seed, one drill)."""
    parts = ["quizapp", "drill", "--cell", spec.cell]
    if spec.convention:
        parts += ["--convention", spec.convention]
    parts += ["--ask", ",".join(spec.quantities) or "all", "--difficulty", spec.difficulty]
    if spec.two_biases:
        parts.append("--two-biases")
    parts += ["--seed", str(spec.seed)]
    return shlex.join(parts)
