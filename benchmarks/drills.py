"""Median time to generate a fair drill, to grade an answer (diagnosis included) and to check a
symbolic answer. Aims: under 5 ms, 2 ms and 200 ms. The modern cells (minGRU … linear attention,
one-step and parallel-scan drills) are measured apart, with the next drill's Qt-free part (draw it
and look up its equations, whose images are cached) against the 50 ms aim of the next drill.

Run: ``PYTHONPATH=. python benchmarks/drills.py [--rounds N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

# Run as a script, this folder comes first on sys.path, where other benchmarks' module names
# (engine.py, …) would shadow the project's packages.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import engine  # noqa: E402
from engine.modern.shapes import MODERN_CELLS  # noqa: E402
from quizapp.drills import Drill, DrillSpec, generate_drill, grade_drill  # noqa: E402
from quizapp.drills.modern_keys import SCAN_CELLS, SCAN_KEYS  # noqa: E402
from quizapp.formulas import equations  # noqa: E402
from quizapp.grading.reader import format_vector  # noqa: E402


def _settings() -> list[DrillSpec]:
    specs = []
    for cell in engine.CELLS:
        for convention in engine.CONVENTIONS.get(cell, ("standard",)):
            for difficulty in ("whiteboard", "standard", "hard"):
                for key in ("all", *engine.OUTPUT_KEYS[cell]):
                    specs.append(DrillSpec(cell, convention, (key,), difficulty, 0))
    for cell, keys in (("lstm", ("dc_prev", "dh_prev", "da_f")), ("gru", ("dh_prev", "da_z")),
                       ("rnn", ("dh_prev",))):  # fmt: skip
        for key in keys:
            specs.append(DrillSpec(cell, "", (key,), "hard", 0))
    specs.append(DrillSpec("lstm", "", ("count", "shape_output"), "hard", 0))
    return specs


def _modern_settings() -> list[DrillSpec]:
    specs = []
    for cell in MODERN_CELLS:
        for convention in engine.CONVENTIONS.get(cell, ("standard",)):
            for difficulty in ("whiteboard", "standard", "hard"):
                for key in ("all", *engine.OUTPUT_KEYS[cell]):
                    specs.append(DrillSpec(cell, convention, (key,), difficulty, 0))
                if cell in SCAN_CELLS:
                    specs.append(DrillSpec(cell, convention, SCAN_KEYS, difficulty, 0))
                    specs.append(DrillSpec(cell, convention, ("combine_a", "combine_b"),
                                           difficulty, 0))  # fmt: skip
    return specs


def _median_ms(action: Callable[[int], object], rounds: int) -> float:
    times = []
    for index in range(rounds):
        start = time.perf_counter()
        action(index)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def _answers(drill: Drill, index: int) -> dict[str, str]:
    """Alternately right answers and answers that match a catalogued mistake."""
    answers = {}
    for key in drill.asked:
        values = drill.expected[key]
        alternatives = drill.alternatives.get(key, ())
        if index % 2 and alternatives:
            values = alternatives[index % len(alternatives)].values
        answers[key] = format_vector(values, 6)
    return answers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2000)
    rounds = parser.parse_args().rounds
    specs = _settings()

    def generate(index: int) -> Drill:
        spec = specs[index % len(specs)]
        return generate_drill(DrillSpec(spec.cell, spec.convention, spec.quantities,
                                        spec.difficulty, index))  # fmt: skip

    for warm in range(len(specs)):
        generate(warm)
    generation = _median_ms(generate, rounds)
    drills = [generate(i) for i in range(200)]
    answers = [_answers(d, i) for i, d in enumerate(drills)]
    grade_drill(drills[0], answers[0])
    grading = _median_ms(lambda i: grade_drill(drills[i % 200], answers[i % 200]), rounds)
    symbolic = generate_drill(DrillSpec("gru", "pytorch", ("formula_h",), "standard", 0))
    texts = ["z*h_prev + (1 - z)*h_tilde", "h_tilde + z*(h_prev - h_tilde)",
             "z*h_tilde + (1-z)*h_prev", "(1-z)*h_tilde"]  # fmt: skip
    grade_drill(symbolic, {"formula_h": texts[0]})
    checking = _median_ms(
        lambda i: grade_drill(symbolic, {"formula_h": texts[i % len(texts)]}), min(rounds, 100)
    )
    print(f"generate a fair drill: median {generation:.2f} ms (aim < 5 ms)")
    print(f"grade an answer:       median {grading:.2f} ms (aim < 2 ms)")
    print(f"symbolic check:        median {checking:.1f} ms (aim < 200 ms)")
    _modern(rounds)


def _setting_ms(spec: DrillSpec, seeds: int = 20) -> float:
    """Median generation time of one setting over ``seeds`` seeds."""

    def one(index: int) -> Drill:
        return generate_drill(DrillSpec(spec.cell, spec.convention, spec.quantities,
                                        spec.difficulty, index))  # fmt: skip

    return _median_ms(one, seeds)


def _modern(rounds: int) -> None:
    """The same figures for the modern cells, and the Qt-free part of showing the next drill."""
    specs = _modern_settings()

    def generate(index: int) -> Drill:
        spec = specs[index % len(specs)]
        return generate_drill(DrillSpec(spec.cell, spec.convention, spec.quantities,
                                        spec.difficulty, index))  # fmt: skip

    def next_drill(index: int) -> None:
        drill = generate(index)
        equations(drill.spec.cell, drill.spec.convention)

    for warm in range(len(specs)):
        next_drill(warm)
    generation = _median_ms(generate, rounds)
    worst = max(_setting_ms(spec) for spec in specs)
    shown = _median_ms(next_drill, rounds)
    drills = [generate(i) for i in range(200)]
    answers = [_answers(d, i) for i, d in enumerate(drills)]
    grading = _median_ms(lambda i: grade_drill(drills[i % 200], answers[i % 200]), rounds)
    print(f"modern cells, generate: median {generation:.2f} ms, slowest setting {worst:.2f} ms"
          " (aim < 5 ms)")  # fmt: skip
    print(f"modern cells, grade:    median {grading:.2f} ms (aim < 2 ms)")
    print(f"modern cells, next drill without Qt (draw + equations): median {shown:.2f} ms"
          " (aim < 50 ms)")  # fmt: skip


if __name__ == "__main__":
    main()
