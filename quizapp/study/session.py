"""A study session without Qt: a state machine over study items, with an injectable clock.

Phases: ``QUESTION`` (an item is shown) → ``ANSWERED`` (graded, recorded, a rating proposed) →
``RATED`` (the learner's rating applied to the FSRS card) → the next item's ``QUESTION`` … →
``SUMMARY``. Every answer is recorded in the store as it is given (``Store.record_attempt``, one
transaction). A drill template is drawn afresh (a new seed) each time it is shown, so the learner
practises the skill, not one answer. ``undo`` takes back the last rating. Without a scheduler (mock
interviews) nothing is rated and nothing is rescheduled.
"""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING

from fsrs import Rating

from questions.schema import Question
from quizapp.study import StudyError
from quizapp.study.items import DrillTemplate, ItemKind, parse_item_key, question_key
from quizapp.study.schedule import ReviewOutcome, ReviewScheduler, propose_rating
from quizapp.study.store import Attempt, Store, StoreError, StudyMode, answer_text

if TYPE_CHECKING:
    from quizapp.drills import Drill, DrillGrade, Tolerance
    from quizapp.grading.answers import QuestionGrade

Clock = Callable[[], datetime]
RATINGS: tuple[int, ...] = (1, 2, 3, 4)  # Again, Hard, Good, Easy (fsrs.Rating values)
LARGEST_SEED = 999_999

# Seconds a prepared learner needs; the proposed rating compares the time taken with these.
_QUESTION_SECONDS = {"free_text": 90.0, "code_reading": 60.0, "ordering": 60.0, "matching": 60.0}
_QUESTION_DEFAULT_SECONDS = 40.0
_DRILL_SECONDS_PER_QUANTITY = {"whiteboard": 90.0, "standard": 60.0, "hard": 120.0}
_FRAMEWORK_SECONDS = 45.0


class SessionError(StudyError):
    """A session method was called in a phase where it does not apply."""


class Phase(Enum):
    """Where a session is."""

    QUESTION = "question"
    ANSWERED = "answered"
    RATED = "rated"
    SUMMARY = "summary"


@dataclass(frozen=True)
class DrillAttemptFields:
    """What an attempt stores of a graded drill: the named mistakes, the answer, how it was read."""

    mistakes: tuple[str, ...]
    answer: str
    read_as: str


def drill_attempt_fields(
    drill: Drill, grade: DrillGrade, answers: Mapping[str, str]
) -> DrillAttemptFields:
    """The stored fields of a graded drill (one source for sessions and free practice)."""
    mistakes: list[str] = []
    for quantity in grade.quantities:
        mistakes += [m for m in quantity.mistakes if m not in mistakes]
    read_as = "; ".join(f"{q.key} = {q.reading_text}" for q in grade.quantities if q.submitted)
    typed = {key: str(answers.get(key, "")) for key in drill.asked}
    return DrillAttemptFields(tuple(mistakes), answer_text(typed), read_as)


def item_attempt(
    item: StudyItem,
    *,
    seed: int | None,
    answer: str,
    read_as: str,
    score: float,
    mistakes: tuple[str, ...],
    seconds: float,
    moment: datetime,
    mode: StudyMode,
    session_id: int | None = None,
    question_grade: QuestionGrade | None = None,
) -> Attempt:
    """The attempt that records an answer to ``item`` (sessions and free practice alike)."""
    template = item.template
    if template is not None:
        difficulty: str | None = template.difficulty
    else:
        difficulty = item.question.difficulty if item.question is not None else None
    return Attempt(
        item_key=item.key,
        item_kind=item.kind,
        subject=item.subject,
        quantities=template.quantities if template is not None else (),
        difficulty=difficulty,
        seed=seed,
        answer=answer,
        read_as=read_as,
        score=score,
        mistakes=mistakes,
        duration_seconds=seconds,
        answered_at=moment,
        mode=mode,
        session_id=session_id,
        auto_score=question_grade.auto_score if question_grade is not None else None,
        confirmed=question_grade.confirmed if question_grade is not None else True,
    )


# What a shown answer ("Show the answer") stores in place of the learner's answer.
SHOWN = "(answer shown)"


def system_now() -> datetime:
    """The real clock, aware, in the local time zone (so "today" is the learner's today)."""
    return datetime.now(UTC).astimezone()


@dataclass(frozen=True)
class StudyItem:
    """One thing to study: a bank question or a drill template (with an optional fixed seed)."""

    key: str
    question: Question | None = None
    template: DrillTemplate | None = None
    seed: int | None = None
    two_biases: bool = False

    @classmethod
    def of_question(cls, question: Question) -> StudyItem:
        return cls(question_key(question.id), question=question)

    @classmethod
    def of_template(
        cls, template: DrillTemplate, seed: int | None = None, two_biases: bool = False
    ) -> StudyItem:
        return cls(template.key, template=template, seed=seed, two_biases=two_biases)

    @property
    def kind(self) -> ItemKind:
        return ItemKind.QUESTION if self.question is not None else ItemKind.DRILL

    @property
    def subject(self) -> str:
        """The topic id of a question, the cell of a drill (``Attempt.subject``)."""
        if self.question is not None:
            return self.question.topic
        assert self.template is not None
        return self.template.cell

    @property
    def topic(self) -> str:
        """The interview topic the item belongs to (drills are mapped to one)."""
        if self.question is not None:
            return self.question.topic
        assert self.template is not None
        return drill_topic(self.template)


_CELL_TOPICS = {
    "rnn": "rnn-forward",
    "lstm": "lstm-gates",
    "peephole": "lstm-variants",
    "cifg": "lstm-variants",
    "gru": "gru-vs-lstm",
}


def drill_topic(template: DrillTemplate) -> str:
    """The topic of topics.md a drill template practises."""
    first = template.quantities[0]
    if first == "count" or first == "formula_count":
        return "param-count"
    if first.startswith("shape_"):
        return "tensor-shapes"
    if first.startswith("d") and first not in ("d",):
        return "lstm-backward" if template.cell in ("lstm", "peephole", "cifg") else "bptt"
    return _CELL_TOPICS.get(template.cell, "light-variants")


def item_for_key(key: str, questions: Mapping[str, Question]) -> StudyItem | None:
    """The study item a key names; ``None`` for a question no longer in the bank."""
    parsed = parse_item_key(key)
    if isinstance(parsed, DrillTemplate):
        return StudyItem.of_template(parsed)
    question = questions.get(parsed.question_id)
    return None if question is None else StudyItem.of_question(question)


def expected_seconds(item: StudyItem, drill: Drill | None = None) -> float:
    """How long a prepared learner takes on ``item`` (the yardstick of the proposed rating)."""
    if item.question is not None:
        return _QUESTION_SECONDS.get(item.question.type, _QUESTION_DEFAULT_SECONDS)
    assert item.template is not None
    if drill is not None and (drill.framework is not None or drill.formula is not None):
        return _FRAMEWORK_SECONDS
    asked = len(drill.asked) if drill is not None else len(item.template.quantities)
    per = _DRILL_SECONDS_PER_QUANTITY.get(item.template.difficulty, 60.0)
    return per * max(asked, 1)


@dataclass(frozen=True)
class ItemResult:
    """An answered item: what was recorded, the proposed rating and the one applied."""

    index: int
    item: StudyItem
    score: float
    mistakes: tuple[str, ...]
    seconds: float
    proposed: int
    attempt_id: int
    rating: int | None = None
    review: ReviewOutcome | None = None
    drill: Drill | None = None
    drill_grade: DrillGrade | None = None
    question_grade: QuestionGrade | None = None
    answer: str = ""
    undoable: bool = True  # False once an undo was refused (the item was reviewed elsewhere)


@dataclass(frozen=True)
class SessionSummary:
    """The end of a session: totals and the results in order."""

    session_id: int
    mode: StudyMode
    results: tuple[ItemResult, ...]
    unanswered: tuple[StudyItem, ...]
    mean_score: float | None
    total_seconds: float  # spent on answered items
    elapsed_seconds: float  # from the start of the session to its end
    mistakes: tuple[tuple[str, int], ...]  # (mistake id, occurrences), most frequent first
    by_subject: tuple[tuple[str, int, float], ...]  # (topic or cell, answers, mean score)

    @property
    def answered(self) -> int:
        return len(self.results)


class StudySession:
    """Runs ``items`` in order; the caller shows the current item and reports answers.

    ``scheduler`` None: answers are recorded but no card is rated (mock interview).
    ``show_feedback`` False: callers must not reveal grades before the summary.
    ``time_budget_seconds``: the session ends (``time_up``) when the budget is spent.
    """

    def __init__(
        self,
        store: Store,
        items: Sequence[StudyItem],
        mode: StudyMode,
        *,
        scheduler: ReviewScheduler | None = None,
        now: Clock = system_now,
        seed: int | None = None,
        show_feedback: bool = True,
        time_budget_seconds: float | None = None,
        tolerance: Tolerance | None = None,
    ) -> None:
        self.store = store
        self.items: tuple[StudyItem, ...] = tuple(items)
        self.mode = mode
        self.scheduler = scheduler
        self.now = now
        self.show_feedback = show_feedback
        self.time_budget_seconds = time_budget_seconds
        self.tolerance = tolerance
        self._rng = random.Random(seed)
        self.started_at = now()
        self.session_id = store.start_session(mode, self.started_at)
        self.results: list[ItemResult] = []
        self.skipped: list[StudyItem] = []
        self.problems: list[str] = []  # drills that could not be made, named with the reason
        self.index = 0
        self.phase = Phase.QUESTION
        # Why the last ``undo`` was refused (said to the learner), ``None`` after one that worked.
        self.undo_refused: str | None = None
        self.drill: Drill | None = None
        self._shown_at = self.started_at
        self._summary: SessionSummary | None = None
        self._enter(0)

    # ----- the current item ----------------------------------------------------------------------

    @property
    def current(self) -> StudyItem | None:
        """The item on screen (``None`` in the summary)."""
        if self.phase is Phase.SUMMARY or self.index >= len(self.items):
            return None
        return self.items[self.index]

    @property
    def last_result(self) -> ItemResult | None:
        return self.results[-1] if self.results else None

    @property
    def position(self) -> tuple[int, int]:
        """(1-based number of the current item, number of items)."""
        return min(self.index + 1, len(self.items)), len(self.items)

    def time_left(self) -> float | None:
        """Seconds left of the budget (``None`` without one; never negative)."""
        if self.time_budget_seconds is None:
            return None
        spent = (self.now() - self.started_at).total_seconds()
        return max(self.time_budget_seconds - spent, 0.0)

    @property
    def time_up(self) -> bool:
        left = self.time_left()
        return left is not None and left <= 0.0

    def _enter(self, index: int) -> None:
        """Show item ``index`` (drawing a fresh drill), skipping drills that cannot be made."""
        from quizapp.drills import DrillError, DrillSpec, generate_drill

        self.index = index
        self.drill = None
        while self.index < len(self.items):
            item = self.items[self.index]
            if item.template is None:
                break
            template = item.template
            seed = item.seed if item.seed is not None else self._rng.randint(1, LARGEST_SEED)
            spec = DrillSpec(
                template.cell,
                template.convention,
                template.quantities,
                template.difficulty,
                seed,
                item.two_biases,
            )
            try:
                self.drill = generate_drill(spec)
                break
            except (DrillError, ValueError) as error:
                self.problems.append(f"{item.key}: {error}")
                self.skipped.append(item)
                self.index += 1
        if self.index >= len(self.items):
            self.finish()
            return
        self.phase = Phase.QUESTION
        self._shown_at = self.now()

    def _require(self, phase: Phase, action: str) -> StudyItem:
        if self.phase is not phase:
            raise SessionError(f"{action}: the session is in phase {self.phase.value!r}")
        item = self.current
        assert item is not None
        return item

    # ----- answering -----------------------------------------------------------------------------

    def submit_drill(
        self, answers: Mapping[str, str], graded: DrillGrade | None = None
    ) -> DrillGrade:
        """Grade the typed answers of the current drill and record them.

        ``graded`` is their grade when it was computed already (the GUI grades a formula on a
        worker thread). When nothing could be read, or a typed answer could not be read
        (``DrillGrade.unread_typed``), the grade is returned but nothing is recorded and the
        session stays in ``QUESTION`` (an unreadable answer costs nothing).
        """
        from quizapp.drills import grade_drill

        item = self._require(Phase.QUESTION, "submit_drill")
        drill = self.drill
        if drill is None or item.template is None:
            raise SessionError(f"submit_drill: item {item.key!r} is not a drill")
        grade = graded if graded is not None else grade_drill(drill, answers, self.tolerance)
        if grade.submitted == 0 or grade.unread_typed(answers):
            return grade
        fields = drill_attempt_fields(drill, grade, answers)
        self._record(
            item,
            score=grade.score,
            mistakes=fields.mistakes,
            answer=fields.answer,
            read_as=fields.read_as,
            drill=drill,
            drill_grade=grade,
        )
        return grade

    def reveal(self) -> DrillGrade | None:
        """ "Show the answer": record the current item as a miss (score 0; the proposed rating is
        Again). Returns the empty grade of a drill, whose worked solution the caller shows."""
        item = self._require(Phase.QUESTION, "reveal")
        drill_grade: DrillGrade | None = None
        question_grade: QuestionGrade | None = None
        if item.template is not None and self.drill is not None:
            from quizapp.drills import grade_drill

            drill_grade = grade_drill(self.drill, {}, self.tolerance)
        else:
            from quizapp.grading.answers import QuestionGrade

            question_grade = QuestionGrade(0.0, False, "", None)
        self._record(
            item,
            score=0.0,
            mistakes=(),
            answer=SHOWN,
            read_as="",
            drill=self.drill,
            drill_grade=drill_grade,
            question_grade=question_grade,
        )
        return drill_grade

    def submit_question(self, grade: QuestionGrade, answer: str) -> bool:
        """Record the graded answer to the current question; False (nothing recorded) when the
        grade carries an input problem (``grade.message``)."""
        item = self._require(Phase.QUESTION, "submit_question")
        if item.question is None:
            raise SessionError(f"submit_question: item {item.key!r} is not a question")
        if grade.message is not None:
            return False
        self._record(
            item,
            score=min(max(grade.score, 0.0), 1.0),
            mistakes=(),  # the catalogue names drill mistakes; a question miss is its score
            answer=answer,
            read_as=grade.read_as,
            question_grade=grade,
        )
        return True

    def _record(
        self,
        item: StudyItem,
        *,
        score: float,
        mistakes: tuple[str, ...],
        answer: str,
        read_as: str,
        drill: Drill | None = None,
        drill_grade: DrillGrade | None = None,
        question_grade: QuestionGrade | None = None,
    ) -> None:
        moment = self.now()
        seconds = max((moment - self._shown_at).total_seconds(), 0.0)
        attempt = item_attempt(
            item,
            seed=drill.spec.seed if drill is not None else None,
            answer=answer,
            read_as=read_as,
            score=score,
            mistakes=mistakes,
            seconds=seconds,
            moment=moment,
            mode=self.mode,
            session_id=self.session_id,
            question_grade=question_grade,
        )
        attempt_id = self.store.record_attempt(attempt)
        proposed = propose_rating(score, seconds, expected_seconds(item, drill))
        self.results.append(
            ItemResult(
                index=self.index,
                item=item,
                score=score,
                mistakes=mistakes,
                seconds=seconds,
                proposed=int(proposed),
                attempt_id=attempt_id,
                drill=drill,
                drill_grade=drill_grade,
                question_grade=question_grade,
                answer=answer,
            )
        )
        self.phase = Phase.ANSWERED

    # ----- rating --------------------------------------------------------------------------------

    @property
    def proposed_rating(self) -> int | None:
        """The rating proposed for the answered item (1 Again … 4 Easy)."""
        if self.phase not in (Phase.ANSWERED, Phase.RATED) or not self.results:
            return None
        return self.results[-1].proposed

    def rate(self, rating: int | None = None) -> ReviewOutcome | None:
        """Apply ``rating`` (default: the proposed one) to the answered item's card."""
        self._require(Phase.ANSWERED, "rate")
        result = self.results[-1]
        chosen = result.proposed if rating is None else int(rating)
        if chosen not in RATINGS:
            raise SessionError(f"rate: rating {rating!r} must be 1, 2, 3 or 4")
        outcome = None
        if self.scheduler is not None:
            outcome = self.scheduler.review(
                result.item.key, Rating(chosen), self.now(), result.seconds
            )
        self.results[-1] = dataclasses.replace(result, rating=chosen, review=outcome)
        self.phase = Phase.RATED
        return outcome

    def can_undo(self) -> bool:
        """Whether ``undo`` would take back a rating."""
        if not self.results or self.results[-1].rating is None or not self.results[-1].undoable:
            return False
        if self.phase is Phase.RATED:
            return True
        return self.phase is Phase.QUESTION and self.index == self.results[-1].index + 1

    def undo(self) -> bool:
        """Take back the last rating: the card is restored and that item waits for a rating again.

        Works right after rating and on the next item before it is answered. The answer itself
        stays recorded (it was given).
        """
        if not self.can_undo():
            return False
        result = self.results[-1]
        self.undo_refused = None
        if result.review is not None and self.scheduler is not None:
            # This session's own review, by id: the newest review in the log may be another
            # process's, which must never be deleted.
            try:
                self.scheduler.undo_review(result.review.review_id)
            except StoreError as error:
                self.undo_refused = str(error)
                # The rating stands; it cannot be undone again.
                self.results[-1] = dataclasses.replace(result, undoable=False)
                return False
        self.results[-1] = dataclasses.replace(result, rating=None, review=None)
        self.index = result.index
        self.drill = result.drill
        self.phase = Phase.ANSWERED
        return True

    # ----- moving on -----------------------------------------------------------------------------

    def next(self) -> Phase:
        """Go on: an unrated answer takes the proposed rating; then the next item or the summary."""
        if self.phase is Phase.SUMMARY:
            return self.phase
        if self.phase is Phase.ANSWERED:
            if self.scheduler is not None:
                self.rate()
            else:
                self.phase = Phase.RATED
        if self.phase is Phase.QUESTION:
            raise SessionError("next: answer or skip the current item first")
        if self.time_up:
            self.finish()
        else:
            self._enter(self.index + 1)
        return self.phase

    def skip(self) -> Phase:
        """Leave the current item unanswered (nothing recorded) and go on."""
        item = self._require(Phase.QUESTION, "skip")
        self.skipped.append(item)
        if self.time_up:
            self.finish()
        else:
            self._enter(self.index + 1)
        return self.phase

    def finish(self) -> SessionSummary:
        """End the session (idempotent): an unrated answer takes the proposed rating."""
        if self._summary is not None:
            return self._summary
        if self.phase is Phase.ANSWERED and self.scheduler is not None:
            self.rate()
        answered = {r.index for r in self.results}
        unanswered = tuple(item for n, item in enumerate(self.items) if n not in answered)
        self.phase = Phase.SUMMARY
        ended = self.now()
        self.store.end_session(self.session_id, ended)
        self._summary = summarize_results(
            self.session_id,
            self.mode,
            self.results,
            unanswered,
            elapsed_seconds=max((ended - self.started_at).total_seconds(), 0.0),
        )
        return self._summary

    @property
    def summary(self) -> SessionSummary | None:
        return self._summary

    def unconfirmed(self) -> tuple[ItemResult, ...]:
        """Answers whose score is the grader's proposal, not yet confirmed by the learner."""
        return tuple(
            r
            for r in self.results
            if r.question_grade is not None and not r.question_grade.confirmed
        )

    def confirm_score(
        self, attempt_id: int, score: float, missed_points: tuple[str, ...] | None = None
    ) -> None:
        """The learner confirms (or changes) a proposed free-text score: it is written to the
        history as the attempt's score, and the summary, when there is one, is made again.
        ``missed_points`` (key point ids left unticked) replace the proposal's when given."""
        for position, result in enumerate(self.results):
            if result.attempt_id != attempt_id:
                continue
            score = min(max(score, 0.0), 1.0)
            self.store.confirm_score(attempt_id, score)
            grade = result.question_grade
            if grade is not None:
                grade = dataclasses.replace(
                    grade, score=score, correct=score >= 1.0, confirmed=True
                )
                if missed_points is not None:
                    grade = dataclasses.replace(grade, missed_points=missed_points)
            self.results[position] = dataclasses.replace(result, score=score, question_grade=grade)
            if self._summary is not None:
                self._summary = dataclasses.replace(
                    summarize_results(
                        self.session_id,
                        self.mode,
                        self.results,
                        self._summary.unanswered,
                        elapsed_seconds=self._summary.elapsed_seconds,
                    )
                )
            return
        raise SessionError(f"confirm_score: no answer with attempt id {attempt_id} in this session")


def summarize_results(
    session_id: int,
    mode: StudyMode,
    results: Sequence[ItemResult],
    unanswered: Sequence[StudyItem] = (),
    *,
    elapsed_seconds: float = 0.0,
) -> SessionSummary:
    """Totals over ``results`` (pure)."""
    mistakes: Counter[str] = Counter()
    groups: dict[str, list[float]] = {}
    for result in results:
        mistakes.update(result.mistakes)
        groups.setdefault(result.item.subject, []).append(result.score)
    by_subject = tuple(
        (subject, len(scores), sum(scores) / len(scores))
        for subject, scores in sorted(groups.items())
    )
    return SessionSummary(
        session_id=session_id,
        mode=mode,
        results=tuple(results),
        unanswered=tuple(unanswered),
        mean_score=sum(r.score for r in results) / len(results) if results else None,
        total_seconds=sum(r.seconds for r in results),
        elapsed_seconds=elapsed_seconds,
        mistakes=tuple(sorted(mistakes.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_subject=by_subject,
    )
