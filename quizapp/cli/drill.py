"""``quizapp drill``: numeric, framework and symbolic drills in the terminal, or as JSON.

Interactive: prints each problem (vectors and matrices aligned), reads one answer per line from
standard input (also when piped), shows how each was read, then the grade, named mistakes and the
worked solution, and ends with a summary (also on Ctrl-D / Ctrl-C); ``--lang zh`` prints all of it in
Chinese. ``--json`` prints the problem without its solution; with ``--answer Q=VALUE`` it grades those
answers and prints the result. The line builders (``problem_lines``, ``answer_prompt``,
``grade_lines``, ``summary_line``) are shared with ``quizapp review``.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

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
from quizapp.drills.modern_keys import input_name
from quizapp.drills.quantities import DRILL_CELLS, label_of
from quizapp.drills.texts import cell_name
from quizapp.formulas.plain import latex_to_text
from quizapp.grading.messages import localize
from quizapp.richtext import to_terminal
from quizapp.study import StudyError

if TYPE_CHECKING:
    from quizapp.study.practice import PracticeLog

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
    parser.add_argument("--cell", default="lstm", help=f"one of: {', '.join(DRILL_CELLS)}")
    parser.add_argument(
        "--convention",
        default="",
        help="GRU: pytorch, d2l, colah; RNN: tanh, relu; minGRU: paper, log_space; minLSTM: "
        "paper, log_space, unnormalised; sLSTM, mLSTM: sigmoid, exp (forget gate); SSM: "
        "simplified, zoh",
    )
    parser.add_argument(
        "--ask", default="all", metavar="Q[,Q…]",
        help="quantities: record keys (f, i, g, c, o, h, r, z, n, a, d, …, all), dc_prev, dh_prev, "
        "dc, dx, da_<gate>, count, shape_output, shape_h_n, shape_c_n, formula, formula_<kind>; "
        "parallel scan (mingru, minlstm, ssm): scan_a, scan_b, scan_A, scan_B, scan_h, or "
        "combine_a, combine_b",
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
    parser.add_argument(
        "--no-record",
        action="store_true",
        help="practise without keeping the answers in the history (they are kept by default)",
    )
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
        if args.cell not in DRILL_CELLS:
            raise ValueError(
                f"--cell: unknown cell {args.cell!r}; one of: {', '.join(DRILL_CELLS)}"
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
    return _interactive(
        specs, first, tolerance, args.lang, not args.no_solution, sys.stdin, not args.no_record
    )


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

# Words of the terminal layout, (English, Chinese).
_WORDS: dict[str, Text] = {
    "drill": Text("drill {index} of {total}", "第 {index} 题，共 {total} 题"),
    "header": Text(
        "{cell}, {convention} convention, {difficulty} difficulty, seed {seed}",
        "{cell}，{convention} 约定，难度：{difficulty}，种子 {seed}",
    ),
    "given": Text("forward values of this step:", "本步的前向值："),
    "parameters": Text("parameters:", "参数："),
    "table": Text("table:", "数值表："),
    "not_submitted": Text("not read", "未能读取"),
    "score": Text("score {score}", "得分 {score}"),
    "left_empty": Text("left empty, counts as wrong", "未作答，按答错计"),
    "not_read": Text("not read, counts as wrong", "无法识别，按答错计"),
    "went_wrong": Text("what went wrong:", "错在哪里："),
    "worked": Text("worked solution:", "解题步骤："),
    "read_as": Text("read as {value}", "读作 {value}"),
    "show_hint": Text(
        "(type ? at a prompt to see the worked solution; it counts as a miss)",
        "（在提示处输入 ? 查看解答；记为答错）",
    ),
    "shown": Text("Answer shown: counted as a miss.", "已显示答案：记为答错。"),
}
_DIFFICULTY_ZH = {"whiteboard": "白板手算", "standard": "标准", "hard": "较难"}
# How the terminal names the inputs: the symbols of the prompt and the convention text.
_INPUT_NAMES = {"x": "x_t", "h": "h_{t−1}", "c": "C_{t−1}", "c_low": "C_low", "dh": "δh_t",
                "dc": "δC_t"}  # fmt: skip
_GIVEN_NAMES = {"g": "C̃_t", "n": "h̃_t", "c": "C_t", "tanh_c": "tanh(C_t)"}


def _given_name(key: str) -> str:
    return _GIVEN_NAMES.get(key, f"{key}_t" if len(key) == 1 else key)


def _in(text: Text, lang: str) -> str:
    return text.zh if lang == "zh" else text.en


def _word(key: str, lang: str, **values: object) -> str:
    return _in(_WORDS[key], lang).format(**values)


def _percent(score: float) -> str:
    return f"{100 * score:.0f}%"


def _decimals(values: np.ndarray[Any, Any]) -> int:
    for decimals in range(5):
        if np.allclose(values, np.round(values, decimals), atol=1e-12):
            return decimals
    return 4


def format_array(name: str, value: object, name_width: int = 0) -> list[str]:
    """``name = [ … ]`` with columns aligned; a matrix gets one bracketed line per row; the name
    is padded to ``name_width`` so that the brackets of a block of arrays line up."""
    name = name.ljust(name_width)
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


def drill_heading(index: int, total: int, lang: str) -> str:
    """``=== drill 2 of 5 ===``."""
    return f"=== {_word('drill', lang, index=index, total=total)} ==="


def problem_lines(drill: Drill, lang: str) -> list[str]:
    """The problem as terminal lines: settings, convention, prompt, then (numeric drills) the
    inputs, the given forward values, the parameters and the lookup table, aligned."""
    spec = drill.spec
    difficulty = _DIFFICULTY_ZH.get(spec.difficulty, spec.difficulty)
    header = _word(
        "header", lang, cell=_in(cell_name(spec.cell), lang), convention=spec.convention,
        difficulty=difficulty if lang == "zh" else spec.difficulty, seed=spec.seed,
    )  # fmt: skip
    # Inline math and code as the terminal shows them (hₜ₋₁, no backticks): richtext.to_terminal
    lines = [
        header,
        to_terminal(_in(drill.convention_text, lang)),
        to_terminal(_in(drill.prompt, lang)),
    ]
    if drill.framework is not None or drill.formula is not None:
        return lines
    lines.append("")
    for key in ("t", "periods"):
        if key in drill.extra:
            lines.append(f"{key} = {drill.extra[key]}")
    from quizapp.drills.modern_generate import input_arrays

    cell = drill.spec.cell
    lines += _block(
        {input_name(cell, k) or _INPUT_NAMES.get(k, k): v for k, v in input_arrays(drill).items()},
        "",
    )
    if drill.given:
        lines.append(_word("given", lang))
        lines += _block({_given_name(k): v for k, v in drill.given.items()}, "  ")
    lines.append(_word("parameters", lang))
    lines += _block(shown_params(drill), "  ")
    if drill.lookup_table:
        lines.append(_word("table", lang))
        entries = [f"{label} = {value:.4f}" for label, value in drill.lookup_table]
        width = max(len(e) for e in entries)
        for start in range(0, len(entries), 4):
            row = entries[start : start + 4]
            lines.append("  " + "   ".join(e.ljust(width) for e in row).rstrip())
    return lines


def _block(arrays: Mapping[str, object], indent: str) -> list[str]:
    """Several named arrays with their names padded to one width, so the brackets line up."""
    shown = {to_terminal(name): value for name, value in arrays.items()}  # hₜ₋₁, not h_{t−1}
    width = max((len(name) for name in shown), default=0)
    lines: list[str] = []
    for name, value in shown.items():
        lines += [indent + line for line in format_array(name, value, width)]
    return lines


def answer_prompt(key: str, lang: str, cell: str = "", *, two_biases: bool = True) -> str:
    """What the answer line starts with: ``c (new cell state Cₜ) = `` / ``c（新记忆元 Cₜ）= ``
    (``cell`` picks a modern cell's own meaning of ``z``, ``n``, ``C``, …)."""
    _, label = label_of(key, cell, two_biases=two_biases)
    shown = f"{key}（{label.zh}）= " if lang == "zh" else f"{key} ({label.en}) = "
    return to_terminal(shown)


def reading_line(shown: str, lang: str) -> str:
    """How an answer was read, in the language (the reader words it in English)."""
    prefix = "read as "
    if lang == "zh" and shown.startswith(prefix):
        return _word("read_as", lang, value=shown[len(prefix) :])
    return shown


def _plain(latex: str) -> str:
    """A worked-solution formula as plain unicode, with the true minus of the prose (hₜ₋₁)."""
    return to_terminal(latex_to_text(latex).replace("_{t-1}", "_{t−1}"))


def grade_lines(drill: Drill, grade: DrillGrade, lang: str, solution: bool) -> list[str]:
    """The marks per quantity, the verdicts, each named mistake once ("what went wrong") and, with
    ``solution``, the worked solution in plain unicode."""
    from quizapp.grading.feedback import feedback_for

    lines = []
    for q in grade.quantities:
        if q.submitted:
            mark = _word("score", lang, score=_percent(q.score))
        else:
            empty = q.message in ("empty answer", "no answer given")
            mark = _word("left_empty" if empty else "not_read", lang)
        lines.append(f"  {q.key}: {mark}")
    feedback = feedback_for(drill, grade, worked=solution)
    lines += ["  " + to_terminal(_in(line, lang)) for line in feedback.lines]
    if feedback.diagnoses:
        lines.append(_word("went_wrong", lang))
        lines += ["  " + to_terminal(_in(d.text(), lang)) for d in feedback.diagnoses]
    if feedback.steps:
        lines.append(_word("worked", lang))
        for step in feedback.steps:
            lines.append(f"  {_plain(step.formula_latex)}")
            lines += [f"      {_plain(sub)}" for sub in step.substituted_lines]
            lines.append(f"      {_plain(step.result_latex)}")
    return lines


def summary_line(answered: int, right: int, asked: int, mean: float, lang: str) -> str:
    """One sentence on the whole run: drills answered, quantities right, mean score."""
    if answered == 0:
        return "没有作答任何练习。" if lang == "zh" else "No drill was answered."
    if lang == "zh":
        return (
            f"共作答 {answered} 道练习：{asked} 个量中答对 {right} 个，平均得分 {_percent(mean)}。"
        )
    drills = "drill" if answered == 1 else "drills"
    quantities = "quantity" if asked == 1 else "quantities"
    return (
        f"You answered {answered} {drills}: {right} of {asked} {quantities} right, "
        f"mean score {_percent(mean)}."
    )


def _read_line(stream: TextIO, prompt: str) -> str | None:
    print(prompt, end="", flush=True)
    line = stream.readline()
    if line == "":
        print()
        return None
    return line.rstrip("\n")


# Typed instead of an answer: show the worked solution (recorded as a miss).
SHOW_ANSWER = "?"


def _ask(drill: Drill, stream: TextIO, lang: str) -> dict[str, str] | None:
    """One answer per asked quantity; None when the input ends; ``{SHOW_ANSWER: "?"}`` when the
    learner asks to see the answer."""
    answers: dict[str, str] = {}
    interactive = stream.isatty()
    for key in drill.asked:
        while True:
            prompt = answer_prompt(key, lang, drill.spec.cell, two_biases=drill.spec.two_biases)
            line = _read_line(stream, prompt)
            if line is None:
                return answers or None
            if line.strip() == SHOW_ANSWER:
                return {SHOW_ANSWER: SHOW_ANSWER}
            reading = read_answers(drill, {key: line})[key]
            if reading.error is None:
                print(f"    {reading_line(reading.shown, lang)}")
                answers[key] = line
                break
            note = _word("not_submitted", lang)
            print(
                f"    {localize(reading.error, lang)}（{note}）"
                if lang == "zh"
                else f"    {reading.error} ({note})"
            )
            if not interactive:
                answers[key] = line
                break
    return answers


def _interactive(
    specs: Sequence[DrillSpec],
    first: Drill,
    tolerance: Tolerance | None,
    lang: str,
    solution: bool,
    stream: TextIO,
    record: bool = False,
) -> int:
    scores: list[float] = []
    right = asked = 0
    history = _PracticeHistory(record)
    reconfigure = getattr(stream, "reconfigure", None)
    if callable(reconfigure):
        reconfigure(errors="replace")  # bytes that are not UTF-8 read as U+FFFD: "not read"
    try:
        for index, spec in enumerate(specs):
            drill = first if index == 0 else generate_drill(spec)
            print(f"\n{drill_heading(index + 1, len(specs), lang)}")
            print("\n".join(problem_lines(drill, lang)))
            print(_word("show_hint", lang))
            print()
            started = time.monotonic()
            answers = _ask(drill, stream, lang)
            if answers is None:
                break
            if SHOW_ANSWER in answers:
                grade = grade_drill(drill, {}, tolerance)
                print(_word("shown", lang))
                print("\n".join(grade_lines(drill, grade, lang, solution=True)))
                history.record(drill, grade, {}, time.monotonic() - started, shown=True)
                scores.append(0.0)
                asked += len(drill.asked)
                continue
            grade = grade_drill(drill, answers, tolerance)
            history.record(drill, grade, answers, time.monotonic() - started)
            print("\n".join(grade_lines(drill, grade, lang, solution)))
            scores.append(grade.score)
            asked += len(grade.quantities)
            right += sum(q.correct for q in grade.quantities)
            if len(answers) < len(drill.asked):
                break
    except KeyboardInterrupt:
        print()
    except (DrillError, engine.EngineError, ValueError) as exc:
        _summary(scores, right, asked, lang)
        history.close()
        return _fail(str(exc))
    _summary(scores, right, asked, lang)
    history.close()
    return 0


class _PracticeHistory:
    """Keeps each graded drill in the history (mode practice) unless told not to, or the settings
    turn practice recording off; a history that cannot be written is said once, never fatal."""

    def __init__(self, wanted: bool) -> None:
        self._wanted = wanted
        self._log: PracticeLog | None = None
        self._failed = False

    def _open(self) -> PracticeLog | None:
        if not self._wanted or self._failed:
            return None
        if self._log is None:
            from quizapp import settings as settings_module
            from quizapp.study.practice import PracticeLog
            from quizapp.study.schedule import ReviewScheduler
            from quizapp.study.session import system_now
            from quizapp.study.store import Store

            loaded = settings_module.load()
            for problem in loaded.problems:
                print(f"quizapp drill: {problem}", file=sys.stderr)
            if not loaded.settings.record_practice:
                self._wanted = False
                return None
            try:
                store = Store.open()
            except (StudyError, OSError, sqlite3.Error) as error:
                self._fail(error)
                return None
            if store.report.message:  # a repaired or restored history: say what was done
                print(f"quizapp drill: {store.report.message}", file=sys.stderr)
            self._log = PracticeLog(store, ReviewScheduler(store), system_now)
        return self._log

    def record(
        self,
        drill: Drill,
        grade: DrillGrade,
        answers: Mapping[str, str],
        seconds: float,
        *,
        shown: bool = False,
    ) -> None:
        practice = self._open()
        if practice is None:
            return
        try:
            practice.record_drill(drill, grade, answers, seconds, shown=shown)
        except (StudyError, OSError, sqlite3.Error) as error:
            self._fail(error)

    def _fail(self, error: Exception) -> None:
        self._failed = True
        print(f"quizapp drill: the answers are not kept in the history: {error}", file=sys.stderr)

    def close(self) -> None:
        if self._log is not None:
            self._log.store.close()


def _summary(scores: Sequence[float], right: int, asked: int, lang: str) -> None:
    mean = sum(scores) / len(scores) if scores else 0.0
    print(summary_line(len(scores), right, asked, mean, lang))
