"""``quizapp review``: the items due today in the terminal, rated and rescheduled one by one.

Questions show the prompt, read an answer, grade it and show the model answer; drills are printed
and graded with ``quizapp drill``'s line builders (one line per asked quantity). After each answer a rating is proposed; 1–4 changes
it, Enter accepts it. Every answer is recorded as it is given. Ctrl-D or Ctrl-C end the session
cleanly with a summary. ``--lang en|zh`` chooses the language of the questions and of the review's
own words (default: the content language of the settings); ``--now`` fixes the clock (tests,
catching up a day).
"""

from __future__ import annotations

import argparse
import random
import sys
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TextIO

from questions.vocab import CHOICE_TYPES
from quizapp.cli.review_words import RATING_NAMES, in_language, left_line, reviewed_line, word
from quizapp.grading.messages import localize
from quizapp.richtext import to_terminal
from quizapp.study import StudyError

if TYPE_CHECKING:
    from questions.schema import Question
    from questions.vocab import Text
    from quizapp.drills import Drill
    from quizapp.grading.answers import QuestionGrade
    from quizapp.study.session import SessionSummary, StudySession


# The years ``--now`` accepts: far enough from datetime's limits (years 1 and 9999) that a due
# date a century ahead and any time zone still fit.
EARLIEST_NOW = 1970
LATEST_NOW = 9000

# Typed instead of an answer: "I don't know, show me" (recorded as a miss).
SHOW_ANSWER = "?"


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
    parser.add_argument(
        "--lang",
        choices=("en", "zh"),
        default=None,
        help="language of the questions and texts (default: the content language of the settings)",
    )
    parser.set_defaults(func=run)


def parse_now(text: str) -> datetime:
    """An ISO time; a time without a zone is taken in the local zone."""
    try:
        moment = datetime.fromisoformat(text)
        moment = moment if moment.tzinfo is not None else moment.astimezone()
        # Every later date step (UTC, backup names, due dates years ahead) must stay in range.
        in_utc = moment.astimezone(UTC)
    except (ValueError, OverflowError, OSError) as error:
        raise ValueError(
            f"--now {text!r}: expected an ISO time like 2025-03-01T09:00 between "
            f"{EARLIEST_NOW} and {LATEST_NOW}"
        ) from error
    if not EARLIEST_NOW <= in_utc.year <= LATEST_NOW:
        raise ValueError(
            f"--now {text!r}: the year must be between {EARLIEST_NOW} and {LATEST_NOW} "
            "(reviews are scheduled up to a century ahead of it)"
        )
    return moment


def terminal_safe(text: str) -> str:
    """``text`` with control characters other than newline and tab shown escaped (``\\x1b``).

    A pack's prompt or answer could hold an ESC sequence that rewrites the terminal or hides what
    follows; questions.validate.printable does the same for single-line messages.
    """
    if all(character.isprintable() or character in "\n\t " for character in text):
        return text
    return "".join(
        character
        if character.isprintable()
        or character in "\n\t "
        or unicodedata.category(character) == "Zs"
        else repr(character)[1:-1]
        for character in text
    )


class Console:
    """Reads lines and writes text; EOF raises ``EndOfInput``."""

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        # Bytes that are not UTF-8 must not end the session with a traceback (and lose the answer
        # being given): they read as U+FFFD, so the answer is "not read" and asked again.
        reconfigure = getattr(stdin, "reconfigure", None)
        if callable(reconfigure):
            reconfigure(errors="replace")
        self.stdin = stdin
        self.stdout = stdout

    def say(self, text: str = "") -> None:
        self.stdout.write(terminal_safe(text) + "\n")
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
    from quizapp import settings as settings_module
    from quizapp.bank import load_questions, pack_notices
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
    loaded_settings = settings_module.load()
    for problem in loaded_settings.problems:
        print(f"quizapp review: {problem}", file=sys.stderr)
    lang = args.lang or loaded_settings.settings.content_language
    try:
        with Store.open(now=fixed) as store:
            if store.report.message:
                print(store.report.message, file=sys.stderr)
            loaded = load_questions()
            for notice in pack_notices(loaded.problems):
                print(f"quizapp review: {notice}", file=sys.stderr)
            questions = loaded.questions
            now = _fixed_clock(fixed) if fixed is not None else system_now
            items = review_items(store, questions, now(), limit=args.limit, new_limit=args.new)
            if not items:
                console.say(word("nothing_due", lang))
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
            print_summary(summary, console, lang)
    except (StudyError, OSError) as error:
        print(f"quizapp review: {error}", file=sys.stderr)
        return 1
    return 0


def review_loop(session: StudySession, console: Console, lang: str) -> SessionSummary:
    """Ask every item; Ctrl-D / Ctrl-C stop early. Returns the finished session's summary."""
    from quizapp.bank import origin
    from quizapp.study.session import Phase

    try:
        while session.phase is not Phase.SUMMARY:
            item = session.current
            assert item is not None
            number, total = session.position
            source = origin(item.question) if item.question is not None else None
            where = f"  ·  {source}" if source else ""
            console.say(f"\n[{number}/{total}] {item.topic}{where}")
            if session.drill is not None:
                if not ask_drill(session, session.drill, console, lang):
                    continue
            elif item.question is not None and not ask_question(
                session, item.question, console, lang
            ):
                continue
            ask_rating(session, console, lang)
            session.next()
    except (EndOfInput, KeyboardInterrupt):
        console.say("\n" + word("stopped", lang))
    return session.finish()


# ----- questions --------------------------------------------------------------------------------


def _text(value: Text, lang: str) -> str:
    """A bank text as the terminal shows it: inline math in Unicode (hₜ₋₁), code without
    backticks (``richtext.to_terminal``)."""
    return to_terminal(in_language(value, lang))


def ask_question(session: StudySession, question: Question, console: Console, lang: str) -> bool:
    """Show and grade one question; False when the answer could not be counted (asked again)."""
    console.say(_text(question.prompt, lang))
    if question.code:
        console.say("")
        console.say("\n".join("    " + line for line in question.code.splitlines()))
    console.say(word("show_hint", lang))
    grade, typed = read_and_grade(question, console, lang)
    if typed.strip() == SHOW_ANSWER:
        session.reveal()
        console.say("\n" + word("shown", lang))
        console.say(word("model_answer", lang, answer=_text(question.answer, lang)))
        if question.explanation:
            console.say(_text(question.explanation, lang))
        return True
    if grade is None:
        return False
    if not session.submit_question(grade, typed):
        console.say(word("not_counted", lang, message=localize(grade.message or "", lang)))
        return False
    verdict = (
        word("right", lang)
        if grade.correct
        else word("score_question", lang, score=f"{100 * grade.score:.0f}%")
    )
    # A choice is read as option ids, which mean nothing next to the shuffled numbers shown.
    show_reading = grade.read_as and question.answer_type not in CHOICE_TYPES
    read_as = word("read_as", lang, value=grade.read_as) if show_reading else ""
    console.say(f"\n{verdict}{read_as}")
    if grade.feedback is not None:
        console.say(_text(grade.feedback, lang))
    console.say(word("model_answer", lang, answer=_text(question.answer, lang)))
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
        # A fresh order at every attempt (true/false keeps its order); graded by option id.
        shown = list(question.options)
        if kind != "true_false":
            random.shuffle(shown)
        for number, option in enumerate(shown, start=1):
            console.say(f"  {number}) {_text(option.text, lang)}")
        typed = console.ask(word("ask_choice", lang))
        if typed.strip() == SHOW_ANSWER:
            return None, typed
        chosen = [shown[n - 1].id for n in _numbers(typed) if 1 <= n <= len(shown)]
        return answers.grade_choice(question, chosen), ",".join(chosen)
    if kind == "ordering":
        for number, entry in enumerate(question.items, start=1):
            console.say(f"  {number}) {_text(entry.text, lang)}")
        typed = console.ask(word("ask_order", lang))
        if typed.strip() == SHOW_ANSWER:
            return None, typed
        order = [question.items[n - 1].id for n in _numbers(typed) if 1 <= n <= len(question.items)]
        return answers.grade_ordering(question, order), typed
    if kind == "matching":
        rights = list(range(len(question.pairs)))
        random.Random(question.id).shuffle(rights)
        for number, pair in enumerate(question.pairs, start=1):
            console.say(f"  {number}) {_text(pair.left, lang)}")
        for letter, index in zip("abcdefghij", rights, strict=False):
            console.say(f"  {letter}) {_text(question.pairs[index].right, lang)}")
        typed = console.ask(word("ask_matching", lang))
        if typed.strip() == SHOW_ANSWER:
            return None, typed
        letters = [c for c in typed.lower() if c.isalpha()]
        matched = [
            rights["abcdefghij".index(c)] for c in letters if c in "abcdefghij"[: len(rights)]
        ]
        return answers.grade_matching(question, matched), typed
    if kind == "free_text":
        console.say(word("ask_free_text", lang))
        lines: list[str] = []
        while True:
            line = console.ask("> ")
            if not line.strip():
                break
            lines.append(line)
        typed = "\n".join(lines)
        if not typed.strip() or typed.strip() == SHOW_ANSWER:
            return None, typed
        proposal = freetext.grade_free_text(question, typed)
        ticked = list(proposal.ticks)
        console.say(word("key_points", lang))
        for number, result in enumerate(proposal.points, start=1):
            mark = "x" if result.made else " "
            console.say(f"  [{mark}] {number}. {_text(result.point.text, lang)}")
            console.say(f"        {feedback.point_note(result, lang)}")
        for note in feedback.misconception_notes(proposal, lang):
            console.say(f"  ! {note.wrong}")
            console.say(f"    {note.correction}")
        toggles = console.ask(word("ask_toggles", lang))
        for n in _numbers(toggles):
            if 1 <= n <= len(ticked):
                ticked[n - 1] = not ticked[n - 1]
        score = freetext.checklist_score(ticked)
        grade = answers.QuestionGrade(score, score >= 1.0, "", None, auto_score=proposal.score)
        return grade, typed
    typed = console.ask(word("ask_answer", lang))
    if typed.strip() == SHOW_ANSWER:
        return None, typed
    return answers.grade_text_answer(question, typed), typed


# ----- drills -----------------------------------------------------------------------------------


def ask_drill(session: StudySession, drill: Drill, console: Console, lang: str) -> bool:
    """Show a drill as ``quizapp drill`` does, read one line per asked quantity, grade it and
    show the marks, the named mistakes and the worked solution; False when nothing could be read
    (the drill is asked again)."""
    from quizapp.cli import drill as drill_cli

    console.say("\n".join(drill_cli.problem_lines(drill, lang)))
    console.say(word("show_hint", lang))
    typed: dict[str, str] = {}
    for key in drill.asked:
        asking = drill_cli.answer_prompt(
            key, lang, drill.spec.cell, two_biases=drill.spec.two_biases
        )
        typed[key] = console.ask(asking)
        if typed[key].strip() == SHOW_ANSWER:
            shown = session.reveal()
            console.say("\n" + word("shown", lang))
            if shown is not None:
                console.say("\n".join(drill_cli.grade_lines(drill, shown, lang, solution=True)))
            return True
    grade = session.submit_drill(typed)
    if grade.submitted == 0:
        for quantity in grade.quantities:
            message = localize(quantity.message or "", lang)
            console.say(word("not_read", lang, quantity=quantity.key, message=message))
        return False
    console.say("\n".join(drill_cli.grade_lines(drill, grade, lang, solution=True)))
    console.say(word("score_drill", lang, score=f"{100 * grade.score:.0f}%"))
    return True


# ----- rating and summary -----------------------------------------------------------------------


def ask_rating(session: StudySession, console: Console, lang: str) -> None:
    """Propose a rating; 1–4 choose another, Enter accepts."""
    proposed = session.proposed_rating or 3
    name = in_language(RATING_NAMES[proposed], lang)
    while True:
        typed = console.ask(word("ask_rating", lang, rating=proposed, name=name)).strip()
        if not typed:
            outcome = session.rate()
            break
        if typed in ("1", "2", "3", "4"):
            outcome = session.rate(int(typed))
            break
        console.say(word("rating_refused", lang))
    if outcome is not None:
        console.say(word("next_review", lang, when=f"{outcome.due.astimezone():%Y-%m-%d %H:%M}"))


def print_summary(summary: SessionSummary, console: Console, lang: str) -> None:
    """Totals of the session, counts in the right number (``1 item``, ``2 items``)."""
    console.say("")
    if not summary.results:
        console.say(word("no_answers", lang))
        return
    mean = f"{100 * (summary.mean_score or 0.0):.0f}%"
    console.say(reviewed_line(summary.answered, mean, summary.total_seconds / 60, lang))
    if summary.unanswered:
        console.say(left_line(len(summary.unanswered), lang))
    for mistake_id, count in summary.mistakes[:5]:
        console.say(word("mistake", lang, mistake=mistake_id, count=count))
