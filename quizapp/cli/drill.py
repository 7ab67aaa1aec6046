"""``quizapp drill``: numeric, framework and symbolic drills in the terminal, or as JSON.

Interactive: prints each problem (vectors and matrices aligned), reads one answer per line from
standard input (also when piped), shows how each was read, then the grade, named mistakes and the
worked solution, and ends with a summary (also on Ctrl-D / Ctrl-C). ``--json`` prints the problem
without its solution; with ``--answer Q=VALUE`` it grades those answers and prints the result.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

import numpy as np

import engine
from questions.schema import Text
from quizapp.drills import (
    DIFFICULTIES,
    Drill,
    DrillError,
    DrillGrade,
    DrillSpec,
    Tolerance,
    generate_drill,
    grade_drill,
    read_answers,
)
from quizapp.drills.export import grade_dict, problem_dict, shown_params
from quizapp.drills.quantities import label_of
from quizapp.formulas.plain import latex_to_text

MAX_COUNT = 1000


class _OneLineParser(argparse.ArgumentParser):
    """Reports a bad option in one line and exits with status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"quizapp drill: error: {message}\n")


def add_parser(subparsers: Any) -> None:
    """Register ``drill``."""
    parser = subparsers.add_parser(
        "drill",
        help="practise computing a cell step, a gradient, a count, a shape or a formula",
        description="Drills on RNN, LSTM, GRU and variants. Answers are read from standard input, "
        "one line per asked quantity (vectors as [v1, v2, …]).",
    )
    parser.__class__ = _OneLineParser
    parser.add_argument("--cell", default="lstm", help=f"one of: {', '.join(engine.CELLS)}")
    parser.add_argument(
        "--convention", default="", help="GRU: pytorch, d2l, colah; RNN: tanh, relu"
    )
    parser.add_argument(
        "--ask", default="all", metavar="Q[,Q…]",
        help="quantities: record keys (f, i, g, c, o, h, r, z, n, a, d, …, all), dc_prev, dh_prev, "
        "dc, dx, da_<gate>, count, shape_output, shape_h_n, shape_c_n, formula, formula_<kind>",
    )  # fmt: skip
    parser.add_argument("--difficulty", default="standard", help=", ".join(DIFFICULTIES))
    parser.add_argument("--seed", default=None, help="whole number >= 0 (default: random)")
    parser.add_argument("--count", default="1", help=f"number of drills, 1 to {MAX_COUNT}")
    parser.add_argument("--two-biases", action="store_true", help="draw PyTorch's second bias")
    parser.add_argument(
        "--tolerance",
        default=None,
        metavar="ABS[,REL]",
        help="grading tolerance (default: the drill's, 0.006 absolute, 1%% relative)",
    )
    parser.add_argument("--json", action="store_true", help="print the problem (or grade) as JSON")
    parser.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="Q=VALUE",
        help="grade this answer (with --json); repeat for several quantities",
    )
    parser.add_argument("--lang", default="en", choices=("en", "zh"), help="language of the texts")
    parser.add_argument("--no-solution", action="store_true", help="leave out the worked solution")
    parser.set_defaults(func=run)


def _fail(message: str) -> int:
    print(f"quizapp drill: error: {message}", file=sys.stderr)
    return 2


def _whole(text: str, name: str, least: int, most: int | None = None) -> int:
    try:
        value = int(text)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a whole number, got {text!r}") from None
    if value < least or (most is not None and value > most):
        bound = f"between {least} and {most}" if most is not None else f">= {least}"
        raise ValueError(f"{name} must be {bound}, got {value}")
    return value


def _tolerance(text: str | None) -> Tolerance | None:
    if text is None:
        return None
    parts = text.split(",")
    if len(parts) > 2:
        raise ValueError(f"--tolerance: expected ABS or ABS,REL, got {text!r}")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        raise ValueError(f"--tolerance: expected numbers, got {text!r}") from None
    return Tolerance(numbers[0], numbers[1] if len(numbers) == 2 else 0.01)


def _answers(items: Sequence[str], drill: Drill) -> dict[str, str]:
    answers: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep:
            raise ValueError(f"--answer: expected Q=VALUE, got {item!r}")
        if key.startswith("formula") and drill.formula is not None:
            key = drill.asked[0]
        if key not in drill.asked:
            raise ValueError(
                f"--answer: {key!r} is not asked by this drill; asked: {', '.join(drill.asked)}"
            )
        answers[key] = value
    return answers


def run(args: argparse.Namespace) -> int:
    """Entry point of ``quizapp drill``; every expected error ends with one line and status 2."""
    try:
        count = _whole(args.count, "--count", 1, MAX_COUNT)
        if args.seed is None:
            seed = random.SystemRandom().randrange(1_000_000)
        else:
            seed = _whole(args.seed, "--seed", 0, 2**63 - 1 - MAX_COUNT)
        tolerance = _tolerance(args.tolerance)
        if args.cell not in engine.CELLS:
            raise ValueError(
                f"--cell: unknown cell {args.cell!r}; one of: {', '.join(engine.CELLS)}"
            )
        if args.difficulty not in DIFFICULTIES:
            raise ValueError(f"--difficulty: expected one of {', '.join(DIFFICULTIES)}")
        asked = tuple(q.strip() for q in args.ask.split(",") if q.strip())
        if args.answer and (count != 1 or not args.json):
            raise ValueError("--answer needs --json and a single drill (--count 1)")
        specs = [
            DrillSpec(args.cell, args.convention, asked, args.difficulty, seed + i, args.two_biases)
            for i in range(count)
        ]
        if args.json:
            return _run_json(specs, args.answer, tolerance)
        first = generate_drill(specs[0])  # refuse bad settings before reading any input
    except (DrillError, engine.EngineError, ValueError) as exc:
        return _fail(str(exc))
    return _interactive(specs, first, tolerance, args.lang, not args.no_solution, sys.stdin)


def _run_json(
    specs: Sequence[DrillSpec], answer_items: Sequence[str], tol: Tolerance | None
) -> int:
    drills = [generate_drill(spec) for spec in specs]
    if answer_items:
        drill = drills[0]
        answers = _answers(answer_items, drill)
        grade = grade_drill(drill, answers, tol)
        print(json.dumps(grade_dict(drill, grade, answers), ensure_ascii=False, indent=2))
        return 0
    problems = [problem_dict(d) for d in drills]
    print(json.dumps(problems[0] if len(problems) == 1 else problems, ensure_ascii=False, indent=2))
    return 0


# --- terminal layout ----------------------------------------------------------------------------


def _decimals(values: np.ndarray[Any, Any]) -> int:
    for decimals in range(5):
        if np.allclose(values, np.round(values, decimals), atol=1e-12):
            return decimals
    return 4


def format_array(name: str, value: object) -> list[str]:
    """``name = [ … ]`` with columns aligned; a matrix gets one bracketed line per row."""
    array = np.atleast_1d(np.asarray(value, dtype=np.float64))
    decimals = _decimals(array)
    cells = [f"{v:.{decimals}f}".replace("-0." + "0" * decimals, "0." + "0" * decimals)
             for v in array.ravel()]  # fmt: skip
    width = max(len(c) for c in cells)
    rows = array.reshape(1, -1) if array.ndim == 1 else array
    columns = rows.shape[1]
    lines = []
    for index in range(rows.shape[0]):
        row = cells[index * columns : (index + 1) * columns]
        body = "  ".join(c.rjust(width) for c in row)
        lead = f"{name} = " if index == 0 else " " * (len(name) + 3)
        lines.append(f"{lead}[ {body} ]")
    return lines


def _problem_lines(drill: Drill, lang: str) -> list[str]:
    spec = drill.spec

    def text(words: Text) -> str:
        return words.get("zh" if lang == "zh" else "en")

    lines = [
        f"{spec.cell} ({spec.convention}), {spec.difficulty}, seed {spec.seed}",
        text(drill.convention_text),
        text(drill.prompt),
    ]
    if drill.framework is not None or drill.formula is not None:
        return lines
    lines.append("")
    for key in ("t", "periods"):
        if key in drill.extra:
            lines.append(f"{key} = {drill.extra[key]}")
    names = {"h": "h_prev", "c": "C_prev", "c_low": "C_low", "dh": "δh_t", "dc": "δC_t (in)"}
    for key, value in drill.inputs.items():
        lines += format_array(names.get(key, key), value)
    if drill.given:
        lines.append("forward values of this step:")
        for key, value in drill.given.items():
            lines += format_array("  " + ("tanh(C_t)" if key == "tanh_c" else key), value)
    lines.append("parameters:")
    for key, value in shown_params(drill).items():
        lines += format_array("  " + key, value)
    if drill.lookup_table:
        lines.append("table:")
        entries = [f"{label} = {value:.4f}" for label, value in drill.lookup_table]
        for start in range(0, len(entries), 4):
            lines.append(
                "  " + "   ".join(e.ljust(18) for e in entries[start : start + 4]).rstrip()
            )
    return lines


def _read_line(stream: TextIO, prompt: str) -> str | None:
    print(prompt, end="", flush=True)
    line = stream.readline()
    if line == "":
        print()
        return None
    return line.rstrip("\n")


def _ask(drill: Drill, stream: TextIO) -> dict[str, str] | None:
    """One answer per asked quantity; None when the input ends."""
    answers: dict[str, str] = {}
    interactive = stream.isatty()
    for key in drill.asked:
        while True:
            _, label = label_of(key)
            line = _read_line(stream, f"{key} ({label.en}) = ")
            if line is None:
                return answers or None
            reading = read_answers(drill, {key: line})[key]
            if reading.error is None:
                print(f"    {reading.shown}")
                answers[key] = line
                break
            print(f"    {reading.error} (not submitted)")
            if not interactive:
                answers[key] = line
                break
    return answers


def _show_grade(drill: Drill, grade: DrillGrade, lang: str, solution: bool) -> None:
    from quizapp.grading.feedback import feedback_for

    for q in grade.quantities:
        mark = "not submitted" if not q.submitted else f"score {q.score:.2f}"
        print(f"  {q.key}: {mark}" + (f"  mistakes: {', '.join(q.mistakes)}" if q.mistakes else ""))
    feedback = feedback_for(drill, grade, worked=solution)
    for line in feedback.lines:
        print("  " + (line.zh if lang == "zh" else line.en))
    if feedback.steps:
        print("worked solution:")
        for step in feedback.steps:
            print(f"  {latex_to_text(step.formula_latex)}")
            for sub in step.substituted_lines:
                print(f"      {latex_to_text(sub)}")
            print(f"      {latex_to_text(step.result_latex)}")


def _interactive(
    specs: Sequence[DrillSpec],
    first: Drill,
    tolerance: Tolerance | None,
    lang: str,
    solution: bool,
    stream: TextIO,
) -> int:
    scores: list[float] = []
    right = asked = 0
    try:
        for index, spec in enumerate(specs):
            drill = first if index == 0 else generate_drill(spec)
            print(f"\n=== drill {index + 1} of {len(specs)} ===")
            print("\n".join(_problem_lines(drill, lang)))
            print()
            answers = _ask(drill, stream)
            if answers is None:
                break
            grade = grade_drill(drill, answers, tolerance)
            _show_grade(drill, grade, lang, solution)
            scores.append(grade.score)
            asked += len(grade.quantities)
            right += sum(q.correct for q in grade.quantities)
            if len(answers) < len(drill.asked):
                break
    except KeyboardInterrupt:
        print()
    except (DrillError, engine.EngineError, ValueError) as exc:
        _summary(scores, right, asked)
        return _fail(str(exc))
    _summary(scores, right, asked)
    return 0


def _summary(scores: Sequence[float], right: int, asked: int) -> None:
    if not scores:
        print("summary: no drill answered")
        return
    mean = sum(scores) / len(scores)
    print(f"summary: {len(scores)} drill(s), {right} of {asked} quantities right, "
          f"mean score {mean:.2f}")  # fmt: skip
