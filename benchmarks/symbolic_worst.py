"""Worst-case time of the symbolic checker over a corpus of explosive answers (a script, not a test).

Every answer of ``benchmarks/data/symbolic_worst.json`` goes through the checker the app uses:
``check_expression`` (what a symbolic question's Check runs, in the GUI, ``review`` and
``questions practice``) and, for answers to the parameter-count target, ``grade_drill`` on an LSTM
``formula_count`` drill (what a formula drill's Submit runs; it also compares the answer with each
catalogued wrong form). Prints each answer's time and outcome (graded right / graded wrong /
refused with its message), then the worst case of the tuning part and of the held-out part.

Aim: every answer decided (graded or refused with a message) within 200 ms. An answer still running
after 10 s is stopped and counted as a hang.

Usage, from the project root: ``python benchmarks/symbolic_worst.py [--part tuning|held_out]``.
"""

from __future__ import annotations

import argparse
import functools
import json
import signal
import sys
import time
from pathlib import Path
from types import FrameType
from typing import Any

# Run as a script, this folder comes first on sys.path, and its engine.py would hide the package.
sys.path[0] = str(Path(__file__).resolve().parents[1])

CORPUS = Path(__file__).with_name("data") / "symbolic_worst.json"
AIM = 0.2  # seconds
HANG = 10.0  # seconds


class _Hang(Exception):
    pass


def _stop(signum: int, frame: FrameType | None) -> None:
    del signum, frame
    raise _Hang


def answer_text(spec: Any) -> str:
    """The answer of a corpus case: a string, or [prefix, unit, times, suffix]."""
    if isinstance(spec, str):
        return spec
    prefix, unit, times, suffix = spec
    return str(prefix) + str(unit) * int(times) + str(suffix)


def _timed(function: Any) -> tuple[float, str]:
    signal.setitimer(signal.ITIMER_REAL, HANG)
    started = time.perf_counter()
    try:
        outcome = function()
    except _Hang:
        outcome = "HANG (stopped)"
    except Exception as error:  # a traceback is an outcome to report
        outcome = f"TRACEBACK {type(error).__name__}: {error}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - started, outcome


def _question(text: str, expected: str, symbols: tuple[str, ...]) -> str:
    from quizapp.grading.symbolic import check_expression

    grade = check_expression(text, expected, symbols)
    if grade.error is not None:
        return "refused: " + grade.error
    return "right" if grade.correct else "wrong"


def _drill(text: str) -> str:
    from quizapp.drills import DrillSpec, generate_drill, grade_drill

    drill = generate_drill(DrillSpec("lstm", "", ("formula_count",), "standard", 1))
    key = drill.asked[0]
    quantity = grade_drill(drill, {key: text}).quantities[0]
    if quantity.message:
        return "refused: " + quantity.message
    named = f" ({', '.join(quantity.mistakes)})" if quantity.mistakes else ""
    return ("right" if quantity.score >= 1.0 else "wrong") + named


def run(part: str, data: dict[str, Any]) -> tuple[float, str]:
    """Print every case of ``part``; returns the worst time and its case."""
    targets = data["targets"]
    worst = (0.0, "")
    print(f"\n== {part} ({len(data[part])} answers) ==")
    for number, case in enumerate(data[part], start=1):
        target = targets[case["target"]]
        text = answer_text(case["answer"])
        symbols = tuple(target["symbols"])
        runs = [("question", functools.partial(_question, text, target["expected"], symbols))]
        if case["target"] == "count":
            runs.append(("drill", functools.partial(_drill, text)))
        for route, function in runs:
            seconds, outcome = _timed(function)
            flag = "  OVER" if seconds > AIM or outcome.startswith(("HANG", "TRACEBACK")) else ""
            print(
                f"{number:3d} {route:8s} {seconds * 1000:8.1f} ms  {case['note'][:44]:44s}  "
                f"{outcome[:90]}{flag}"
            )
            if seconds > worst[0]:
                worst = (seconds, f"#{number} {route} {case['note']}")
    return worst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("tuning", "held_out"), action="append")
    args = parser.parse_args()
    data = json.loads(CORPUS.read_text(encoding="utf-8"))
    signal.signal(signal.SIGALRM, _stop)
    _timed(lambda: _question("n", "n", ("n",)))  # imports sympy: not counted
    _timed(lambda: _drill("n"))
    results = {part: run(part, data) for part in args.part or ("tuning", "held_out")}
    print()
    failed = False
    for part, (seconds, case) in results.items():
        print(f"worst of {part}: {seconds * 1000:.1f} ms ({case})")
        failed = failed or seconds > AIM
    print(f"aim: every answer decided within {AIM * 1000:.0f} ms: {'NOT MET' if failed else 'met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
