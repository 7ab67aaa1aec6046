"""Free practice in the app goes into the history: the drill and question pages' graded answers
are recorded by ``quizapp.study.practice.PracticeLog`` on the study history (opened on first use).

A free-text answer is recorded when it is checked (the grader's proposal, with the ticks the
learner sees) and its score follows the ticks the learner changes afterwards. Nothing is recorded
when the settings turn practice recording off.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from questions.schema import Question
from quizapp.study import StudyError

if TYPE_CHECKING:
    from quizapp.drills import Drill, DrillGrade
    from quizapp.grading.answers import QuestionGrade
    from quizapp.gui.main_window import MainWindow
    from quizapp.gui.study.controller import StudyController
    from quizapp.study.practice import PracticeLog, PracticeRecord

log = logging.getLogger(__name__)


class PracticeRecorder(QObject):
    """Records each practice answer that ``install_study_pages`` passes on from ``window``."""

    def __init__(self, window: MainWindow, controller: StudyController) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self._log: PracticeLog | None = None
        # The attempt of the question on screen, so that later ticks change its score.
        self._last_question: tuple[str, PracticeRecord] | None = None

    def _practice_log(self) -> PracticeLog | None:
        if not self.window.state.settings.record_practice:
            return None
        store = self.controller.usable_store()
        if store is None:
            return None
        if self._log is None or self._log.store is not store:  # the store may have been reopened
            from quizapp.study.practice import PracticeLog

            self._log = PracticeLog(store, self.controller.scheduler(), self.controller.now)
            # An attempt recorded in the store before is not in this one: no later rescore of it.
            self._last_question = None
        return self._log

    def record_drill(
        self, drill: Drill, grade: DrillGrade, answers: dict[str, str], seconds: float
    ) -> None:
        """Record a graded practice drill."""
        practice = self._practice_log()
        if practice is None:
            return
        try:
            practice.record_drill(drill, grade, answers, seconds)
        except (StudyError, sqlite3.Error, OSError) as error:
            self._failed(error)

    def record_question(
        self, question: Question, grade: QuestionGrade, answer: str, seconds: float
    ) -> None:
        """Record a checked practice question."""
        practice = self._practice_log()
        if practice is None:
            return
        try:
            record = practice.record_question(question, grade, answer, seconds)
        except (StudyError, sqlite3.Error, OSError) as error:
            self._failed(error)
            return
        self._last_question = None if record is None else (question.id, record)

    def record_drill_shown(self, drill: Drill, seconds: float) -> None:
        """The learner asked for the worked solution of a practice drill: a miss."""
        from quizapp.drills import grade_drill

        practice = self._practice_log()
        if practice is None:
            return
        try:
            practice.record_drill(drill, grade_drill(drill, {}), {}, seconds, shown=True)
        except (StudyError, sqlite3.Error, OSError) as error:
            self._failed(error)

    def record_question_shown(self, question: Question, seconds: float) -> None:
        """The learner asked for the model answer of a practice question: a miss."""
        practice = self._practice_log()
        if practice is None:
            return
        try:
            practice.record_question(question, None, "", seconds)
        except (StudyError, sqlite3.Error, OSError) as error:
            self._failed(error)
        self._last_question = None

    def rescore(self, question: Question, grade: QuestionGrade) -> None:
        """The learner changed the ticks of the free-text answer on screen: keep its new score."""
        practice = self._practice_log()
        if practice is None or self._last_question is None:
            return
        question_id, record = self._last_question
        if question_id != question.id:
            return
        try:
            # The card follows the confirmed score too (a proposal of "Again" becomes "Good").
            self._last_question = (question_id, practice.rescore(record, grade.score))
        except (StudyError, sqlite3.Error, OSError) as error:
            self._failed(error)

    def _failed(self, error: Exception) -> None:
        log.exception("a practice answer could not be recorded")
        self.window.statusBar().showMessage(
            self.tr("This answer could not be saved to the history: %1").replace("%1", str(error)),
            10000,
        )
