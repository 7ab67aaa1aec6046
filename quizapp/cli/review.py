"""``quizapp review``: the items due today in the terminal, rated and rescheduled one by one.

Questions show the prompt, read an answer, grade it and show the model answer; drills are printed
and graded with ``quizapp drill``'s line builders (one line per asked quantity). After each answer a rating is proposed; 1–4 changes
it, Enter accepts it. Every answer is recorded as it is given. Ctrl-D or Ctrl-C end the session
cleanly with a summary. ``--now`` fixes the clock (tests, catching up a day).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TextIO

from quizapp.study import StudyError

if TYPE_CHECKING:
    from questions.schema import Question
    from quizapp.drills import Drill
    from quizapp.grading.answers import QuestionGrade
    from quizapp.study.session import SessionSummary, StudySession

RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


class EndOfInput(Exception):
    """Ctrl-D: the learner stopped."""


def add_parser(subparsers: Any) -> None:
    """Register the ``review`` subcommand."""
    parser = subparsers.add_parser(
        "review",
        help="review the questions and drills due today",
        description="Review the questions and drill templates due today (spaced repetition).",
    )
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="at most N items")
    parser.add_argument(
        "--new", type=int, default=5, metavar="N", help="add up to N never-seen questions"
    )
    parser.add_argument(
        "--now",
        metavar="ISO",
        help="pretend the time is ISO (e.g. 2025-03-01T09:00+00:00), for testing",
    )
    parser.add_argument("--seed", type=int, default=None, help="seed of the drill numbers")
    parser.set_defaults(func=run)


def parse_now(text: str) -> datetime:
    """An ISO time; a time without a zone is taken in the local zone."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"--now {text!r}: expected an ISO time like 2025-03-01T09:00") from error
    return moment if moment.tzinfo is not None else moment.astimezone()


class Console:
    """Reads lines and writes text; EOF raises ``EndOfInput``."""

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin = stdin
        self.stdout = stdout

    def say(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def ask(self, prompt: str) -> str:
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            raise EndOfInput
        return line.rstrip("\n")


def _fixed_clock(moment: datetime) -> Callable[[], datetime]:
    def now() -> datetime:
        return moment

    return now


def run(args: argparse.Namespace) -> int:
    """Run the review from the real terminal."""
    return run_review(args, sys.stdin, sys.stdout)


def run_review(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    """The review loop on the given streams; returns the exit status."""
    from questions.load import load_bank
    from quizapp import settings as settings_module
    from quizapp.study.modes import review_items
    from quizapp.study.schedule import ReviewScheduler
    from quizapp.study.session import StudySession, system_now
    from quizapp.study.store import Store, StudyMode

    console = Console(stdin, stdout)
    if args.limit < 1 or args.new < 0:
        print("quizapp review: --limit must be >= 1 and --new >= 0", file=sys.stderr)
        return 2
    try:
        fixed = parse_now(args.now) if args.now else None
    except ValueError as error:
        print(f"quizapp review: {error}", file=sys.stderr)
        return 2
    lang = settings_module.load().settings.content_language
    try:
        with Store.open(now=fixed) as store:
            if store.report.message:
                print(store.report.message, file=sys.stderr)
            questions = load_bank().questions
            now = _fixed_clock(fixed) if fixed is not None else system_now
            items = review_items(store, questions, now(), limit=args.limit, new_limit=args.new)
            if not items:
                console.say("Nothing is due today. Come back tomorrow, or drill with the app.")
                return 0
            session = StudySession(
                store,
                items,
                StudyMode.REVIEW,
                scheduler=ReviewScheduler(store),
                now=now,
                seed=args.seed if args.seed is not None else random.randrange(1 << 30),
            )
            summary = review_loop(session, console, lang)
            print_summary(summary, console)
    except (StudyError, OSError) as error:
        print(f"quizapp review: {error}", file=sys.stderr)
        return 1
    return 0


def review_loop(session: StudySession, console: Console, lang: str) -> SessionSummary:
    """Ask every item; Ctrl-D / Ctrl-C stop early. Returns the finished session's summary."""
    from quizapp.study.session import Phase

    try:
        while session.phase is not Phase.SUMMARY:
            item = session.current
            assert item is not None
            number, total = session.position
            console.say(f"\n[{number}/{total}] {item.topic}")
            if session.drill is not None:
                if not ask_drill(session, session.drill, console, lang):
                    continue
            elif item.question is not None and not ask_question(
                session, item.question, console, lang
            ):
                continue
            ask_rating(session, console)
            session.next()
    except (EndOfInput, KeyboardInterrupt):
        console.say("\nStopped.")
    return session.finish()


# ----- questions --------------------------------------------------------------------------------


def _text(value: Any, lang: str) -> str:
    return str(value.zh if lang == "zh" else value.en)


def ask_question(session: StudySession, question: Question, console: Console, lang: str) -> bool:
    """Show and grade one question; False when the answer could not be counted (asked again)."""
    console.say(_text(question.prompt, lang))
    if question.code:
        console.say("")
        console.say("\n".join("    " + line for line in question.code.splitlines()))
    grade, typed = read_and_grade(question, console, lang)
    if grade is None:
        return False
    if not session.submit_question(grade, typed):
        console.say(f"Not counted: {grade.message}. Try again.")
        return False
    verdict = "Right" if grade.correct else f"Score {100 * grade.score:.0f}%"
    console.say(f"\n{verdict}." + (f"  (read as {grade.read_as})" if grade.read_as else ""))
    if grade.feedback is not None:
        console.say(_text(grade.feedback, lang))
    console.say("Model answer: " + _text(question.answer, lang))
    return True


def _numbers(text: str) -> list[int]:
    return [int(part) for part in text.replace(",", " ").split() if part.isdigit()]


def read_and_grade(
    question: Question, console: Console, lang: str
) -> tuple[QuestionGrade | None, str]:
    """Read an answer of the question's type and grade it (``None``: input not usable)."""
    from quizapp.grading import answers, freetext
    from quizapp.grading.freetext import feedback

    kind = question.answer_type
    if kind in ("single_choice", "multi_choice", "true_false"):
        for number, option in enumerate(question.options, start=1):
            console.say(f"  {number}) {_text(option.text, lang)}")
        typed = console.ask("Your choice (numbers): ")
        chosen = [
            question.options[n - 1].id for n in _numbers(typed) if 1 <= n <= len(question.options)
        ]
        return answers.grade_choice(question, chosen), typed
    if kind == "ordering":
        for number, entry in enumerate(question.items, start=1):
            console.say(f"  {number}) {_text(entry.text, lang)}")
        typed = console.ask("The right order (numbers, e.g. 2 1 3): ")
        order = [question.items[n - 1].id for n in _numbers(typed) if 1 <= n <= len(question.items)]
        return answers.grade_ordering(question, order), typed
    if kind == "matching":
        rights = list(range(len(question.pairs)))
        random.Random(question.id).shuffle(rights)
        for number, pair in enumerate(question.pairs, start=1):
            console.say(f"  {number}) {_text(pair.left, lang)}")
        for letter, index in zip("abcdefghij", rights, strict=False):
            console.say(f"  {letter}) {_text(question.pairs[index].right, lang)}")
        typed = console.ask("Letter for each numbered item (e.g. b a c): ")
        letters = [c for c in typed.lower() if c.isalpha()]
        matched = [
            rights["abcdefghij".index(c)] for c in letters if c in "abcdefghij"[: len(rights)]
        ]
        return answers.grade_matching(question, matched), typed
    if kind == "free_text":
        console.say("Write your answer; an empty line ends it.")
        lines: list[str] = []
        while True:
            line = console.ask("> ")
            if not line.strip():
                break
            lines.append(line)
        typed = "\n".join(lines)
        if not typed.strip():
            return None, typed
        proposal = freetext.grade_free_text(question, typed)
        ticked = list(proposal.ticks)
        console.say("Key points (x = your answer makes it):")
        for number, result in enumerate(proposal.points, start=1):
            mark = "x" if result.made else " "
            console.say(f"  [{mark}] {number}. {_text(result.point.text, lang)}")
            console.say(f"        {feedback.point_note(result, lang)}")
        for note in feedback.misconception_notes(proposal, lang):
            console.say(f"  ! {note.wrong}")
            console.say(f"    {note.correction}")
        toggles = console.ask("Numbers to toggle, Enter to accept: ")
        for n in _numbers(toggles):
            if 1 <= n <= len(ticked):
                ticked[n - 1] = not ticked[n - 1]
        score = freetext.checklist_score(ticked)
        grade = answers.QuestionGrade(score, score >= 1.0, "", None, auto_score=proposal.score)
        return grade, typed
    typed = console.ask("Your answer: ")
    return answers.grade_text_answer(question, typed), typed


# ----- drills -----------------------------------------------------------------------------------


def ask_drill(session: StudySession, drill: Drill, console: Console, lang: str) -> bool:
    """Show a drill as ``quizapp drill`` does, read one line per asked quantity, grade it and
    show the marks, the named mistakes and the worked solution; False when nothing could be read
    (the drill is asked again)."""
    from quizapp.cli import drill as drill_cli

    console.say("\n".join(drill_cli.problem_lines(drill, lang)))
    typed = {key: console.ask(drill_cli.answer_prompt(key, lang)) for key in drill.asked}
    grade = session.submit_drill(typed)
    if grade.submitted == 0:
        for quantity in grade.quantities:
            console.say(f"  {quantity.key}: not read ({quantity.message}); try again")
        return False
    console.say("\n".join(drill_cli.grade_lines(drill, grade, lang, solution=True)))
    console.say(f"Score {100 * grade.score:.0f}%")
    return True


# ----- rating and summary -----------------------------------------------------------------------


def ask_rating(session: StudySession, console: Console) -> None:
    """Propose a rating; 1–4 choose another, Enter accepts."""
    proposed = session.proposed_rating or 3
    while True:
        typed = console.ask(
            f"Rating {proposed} {RATING_NAMES[proposed]}: Enter accepts, "
            "or 1 Again, 2 Hard, 3 Good, 4 Easy: "
        ).strip()
        if not typed:
            outcome = session.rate()
            break
        if typed in ("1", "2", "3", "4"):
            outcome = session.rate(int(typed))
            break
        console.say("Type 1, 2, 3 or 4, or press Enter.")
    if outcome is not None:
        console.say(f"Next review: {outcome.due.astimezone():%Y-%m-%d %H:%M}")


def print_summary(summary: SessionSummary, console: Console) -> None:
    """Totals of the session."""
    console.say("")
    if not summary.results:
        console.say("No answers recorded.")
        return
    mean = summary.mean_score or 0.0
    console.say(
        f"Reviewed {summary.answered} item(s), mean score {100 * mean:.0f}%, "
        f"{summary.total_seconds / 60:.1f} min."
    )
    if summary.unanswered:
        console.say(f"{len(summary.unanswered)} item(s) left for later.")
    for mistake_id, count in summary.mistakes[:5]:
        console.say(f"  {mistake_id}: {count}x")
