"""Free practice remembered (no Qt): every graded answer outside a study session is an attempt.

A drill from "Start drills", a question from "Start questions", ``quizapp drill`` and
``quizapp questions practice`` are recorded like a session's answers, in mode ``practice``: they
count in the statistics and in the Mistakes mode, and the item's spaced-repetition card is reviewed
with the proposed rating (a later review can change it). "Show the answer" records a miss
(score 0, rating Again). A learner who wants to try without keeping anything turns recording off
(``--no-record``, or the setting); then ``PracticeLog`` is simply not used.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from fsrs import Rating

from questions.schema import Question
from quizapp.study.modes import template_of
from quizapp.study.schedule import ReviewScheduler, propose_rating
from quizapp.study.session import (
    SHOWN,
    StudyItem,
    drill_attempt_fields,
    expected_seconds,
    item_attempt,
)
from quizapp.study.store import Store, StudyMode

if TYPE_CHECKING:
    from quizapp.drills import Drill, DrillGrade
    from quizapp.grading.answers import QuestionGrade


@dataclass(frozen=True)
class PracticeRecord:
    """One recorded practice answer: the attempt's id and the rating applied to its card, with
    what ``PracticeLog.rescore`` needs to review the card again when the learner changes the score
    (the review's id, the item, when and how long)."""

    attempt_id: int
    rating: Rating
    review_id: int = 0
    item_key: str = ""
    moment: datetime | None = None
    seconds: float = 0.0
    expected: float = 0.0


class PracticeLog:
    """Records practice answers in ``store`` and reviews their cards with ``scheduler``."""

    def __init__(
        self, store: Store, scheduler: ReviewScheduler, now: Callable[[], datetime]
    ) -> None:
        self.store = store
        self.scheduler = scheduler
        self.now = now

    def record_drill(
        self,
        drill: Drill,
        grade: DrillGrade,
        answers: Mapping[str, str],
        seconds: float,
        *,
        shown: bool = False,
    ) -> PracticeRecord | None:
        """Record a graded drill; ``None`` when nothing could be read (nothing is recorded)."""
        if not shown and (grade.submitted == 0 or grade.unread_typed(answers)):
            return None
        item = StudyItem.of_template(template_of(drill.spec), drill.spec.seed)
        fields = drill_attempt_fields(drill, grade, answers)
        score = 0.0 if shown else grade.score
        return self._record(
            item,
            score=score,
            mistakes=() if shown else fields.mistakes,
            answer=SHOWN if shown else fields.answer,
            read_as="" if shown else fields.read_as,
            seconds=seconds,
            expected=expected_seconds(item, drill),
            seed=drill.spec.seed,
            shown=shown,
        )

    def record_question(
        self,
        question: Question,
        grade: QuestionGrade | None,
        answer: str,
        seconds: float,
    ) -> PracticeRecord | None:
        """Record a graded question (``grade`` None: the answer was shown, a miss); ``None``
        when the grade carries an input problem (nothing is recorded)."""
        if grade is not None and grade.message is not None:
            return None
        item = StudyItem.of_question(question)
        shown = grade is None
        return self._record(
            item,
            score=0.0 if grade is None else min(max(grade.score, 0.0), 1.0),
            mistakes=(),
            answer=SHOWN if shown else answer,
            read_as="" if grade is None else grade.read_as,
            seconds=seconds,
            expected=expected_seconds(item),
            seed=None,
            shown=shown,
            question_grade=grade,
        )

    def _record(
        self,
        item: StudyItem,
        *,
        score: float,
        mistakes: tuple[str, ...],
        answer: str,
        read_as: str,
        seconds: float,
        expected: float,
        seed: int | None,
        shown: bool,
        question_grade: QuestionGrade | None = None,
    ) -> PracticeRecord:
        moment = self.now()
        seconds = max(seconds, 0.0)
        attempt = item_attempt(
            item,
            seed=seed,
            answer=answer,
            read_as=read_as,
            score=score,
            mistakes=mistakes,
            seconds=seconds,
            moment=moment,
            mode=StudyMode.PRACTICE,
            question_grade=question_grade,
        )
        attempt_id = self.store.record_attempt(attempt)
        rating = Rating.Again if shown else propose_rating(score, seconds, expected)
        outcome = self.scheduler.review(item.key, rating, moment, seconds)
        return PracticeRecord(
            attempt_id, rating, outcome.review_id, item.key, moment, seconds, expected
        )

    def rescore(self, record: PracticeRecord, score: float) -> PracticeRecord:
        """The learner changed the ticks of a recorded free-text answer: ``score`` becomes the
        attempt's (confirmed) score, and when it calls for another rating than the one given, the
        card's review is taken back and made again with the new rating (same moment and time), so
        that the schedule follows the confirmed score, not the grader's proposal."""
        score = min(max(score, 0.0), 1.0)
        self.store.confirm_score(record.attempt_id, score)
        rating = propose_rating(score, record.seconds, record.expected)
        if rating == record.rating or record.moment is None or not record.review_id:
            return record
        self.scheduler.undo_review(record.review_id)
        outcome = self.scheduler.review(record.item_key, rating, record.moment, record.seconds)
        return dataclasses.replace(record, rating=rating, review_id=outcome.review_id)
