"""Connects the drill view to the Qt-free drill code: generate, read, grade, explain.

State machine: no drill → drill shown (answering) → graded → (another / replay) → drill shown.
Expected problems (``DrillError``) appear in the view's banner; the app keeps working.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Signal

from questions.vocab import Lang
from quizapp.grading.messages import localize
from quizapp.gui import names
from quizapp.gui.app_state import AppState
from quizapp.gui.drill_plan import DrillPlan, new_seed
from quizapp.gui.grading_worker import GradingWorker
from quizapp.gui.views.drill import DrillView
from quizapp.settings import Settings

if TYPE_CHECKING:
    from quizapp.drills import Drill, DrillGrade

log = logging.getLogger(__name__)


class DrillController(QObject):
    """Owns the current plan, drill and grade; fills ``view``."""

    drill_shown = Signal(object)  # Drill
    graded = Signal(object)  # DrillGrade
    # A graded practice drill: Drill, DrillGrade, {quantity: typed text}, seconds on it.
    practised = Signal(object, object, object, float)
    # The learner asked for the worked solution: Drill, seconds on it (a miss in the history).
    revealed = Signal(object, float)

    def __init__(self, state: AppState, view: DrillView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.view = view
        self.plan: DrillPlan | None = None
        self.drill: Drill | None = None
        self.grade: DrillGrade | None = None
        self._shown_lang = ""
        self._shown_at = time.monotonic()
        self.grading = GradingWorker(self)
        view.submitted.connect(self.submit)
        view.reveal_requested.connect(self.reveal)
        view.another_requested.connect(self.another)
        view.seed_entered.connect(self.replay)
        state.settings_changed.connect(self._on_settings_changed)

    def _lang(self) -> Lang:
        return "zh" if self._state.settings.content_language == "zh" else "en"

    def start(self, plan: DrillPlan, seed: int | None = None) -> bool:
        """Show a drill of ``plan`` (a fresh seed unless one is given); False if none could be made."""
        self.plan = plan
        return self._show(new_seed() if seed is None else seed)

    def another(self) -> bool:
        """ "Another like this": the same plan with a new seed."""
        if self.plan is None:
            return False
        return self._show(new_seed())

    def replay(self, seed: int) -> bool:
        """Show the drill of ``seed`` under the current plan."""
        if self.plan is None:
            return False
        return self._show(seed)

    def _show(self, seed: int) -> bool:
        from quizapp.drills import DrillError, generate_drill

        assert self.plan is not None
        try:
            drill = generate_drill(self.plan.spec_for(seed))
        except (DrillError, ValueError) as error:
            log.info("drill not made: %s", error)
            self.view.show_error(str(error))
            return False
        self.drill = drill
        self.grade = None
        self.grading.cancel()
        self._shown_at = time.monotonic()
        self._display()
        if self.plan.falls_back(drill.spec.cell):
            self.view.show_notice(self._fallback_notice(drill))
        self.drill_shown.emit(drill)
        return True

    def _fallback_notice(self, drill: Drill) -> str:
        from quizapp.drills import quantities_for

        lang = self._lang()
        labels = {
            info.key: info.label_text.get(lang)
            for info in quantities_for(
                drill.spec.cell, drill.spec.convention, two_biases=drill.spec.two_biases
            )
        }
        asked = ", ".join(labels.get(key, key) for key in drill.asked)
        return (
            self.tr("%1 has none of the quantities you chose; this drill asks for: %2.")
            .replace("%1", names.cell_name(drill.spec.cell))
            .replace("%2", asked)
        )

    def _display(self) -> None:
        from quizapp.gui.views.drill_sheet import shown_parts

        drill = self.drill
        assert drill is not None
        infos, shown_equations = shown_parts(drill)
        self._shown_lang = self._lang()
        self.view.show_drill(drill, shown_equations, infos, self._shown_lang, self._describe)

    def _describe(self, key: str, text: str) -> tuple[str, bool]:
        """The "read as …" line of one field."""
        from quizapp.drills import read_answers

        if self.drill is None:
            return "", True
        try:
            reading = read_answers(self.drill, {key: text})[key]
        except Exception as error:  # a reader bug must not break typing
            log.exception("could not read %r", text)
            return str(error), False
        if reading.error:
            return localize(str(reading.error), self._lang()), False
        line = names.read_as(str(reading.shown))
        expected = self.drill.expected.get(key)
        values = getattr(reading, "values", None)
        if expected is not None and values is not None and len(values) != len(expected):
            # Still typing, or one number short: say so before Submit.
            return line + " — " + names.expected_numbers(len(expected)), False
        return line, True

    def submit(self, answers: Mapping[str, str]) -> None:
        """Grade ``answers`` and show marks, mistakes and the worked solution.

        A formula drill is graded on the grading thread (sympy may take a while) and its fields
        say "checking…" until the grade arrives; numbers are graded at once."""
        from quizapp.drills import Tolerance, grade_drill

        drill = self.drill
        if drill is None:
            return
        settings = self._state.settings
        tolerance = Tolerance(settings.tolerance_absolute, settings.tolerance_relative)
        typed = dict(answers)
        if drill.formula is None:
            self._graded(drill, typed, grade_drill(drill, typed, tolerance))
            return
        for key in drill.asked:
            field = self.view.sheet.fields.get(key)
            if field is not None:
                field.show_mark(self.tr("Checking…"), None)
        self.grading.run(
            functools.partial(grade_drill, drill, typed, tolerance),
            functools.partial(self._graded, drill, typed),
            self._grading_failed,
        )

    def _graded(self, drill: Drill, answers: dict[str, str], grade: DrillGrade) -> None:
        if drill is not self.drill:
            return  # another drill is on screen now
        if drill.formula is not None and self.view.sheet.answers_typed() != answers:
            for key in drill.asked:  # edited while it was checked: the learner submits again
                field = self.view.sheet.fields.get(key)
                if field is not None:
                    field.clear_mark()
            return
        # A typed answer that cannot be read is not graded (that would give the drill away):
        # the learner corrects it and submits again.
        unreadable = grade.unread_typed(answers)
        if unreadable:
            lang = self._lang()
            self.view.show_unreadable({k: localize(m, lang) for k, m in unreadable.items()})
            return
        self.grade = grade
        self._display_grade()
        self.graded.emit(self.grade)
        self.practised.emit(drill, grade, answers, time.monotonic() - self._shown_at)

    def _grading_failed(self, error: Exception) -> None:
        self.view.show_error(
            self.tr("The answer could not be checked (%1); nothing was graded.").replace(
                "%1", str(error)
            )
        )

    def reveal(self) -> None:
        """Show the worked solution without an answer ("Show the answer"): a miss."""
        from quizapp.drills import grade_drill

        if self.drill is None or self.grade is not None:
            return
        self.grading.cancel()
        self.grade = grade_drill(self.drill, {})
        self._display_grade()
        self.view.show_notice(self.tr("Answer shown: counted as a miss"))
        self.revealed.emit(self.drill, time.monotonic() - self._shown_at)

    def _display_grade(self) -> None:
        from quizapp.grading.feedback import feedback_for

        assert self.drill is not None and self.grade is not None
        feedback = feedback_for(self.drill, self.grade)
        values = record_values(self.drill)
        self.view.show_grade(self.grade, feedback, self._lang(), values)

    def _on_settings_changed(self, settings: Settings) -> None:
        lang = "zh" if settings.content_language == "zh" else "en"
        if self.drill is None or lang == self._shown_lang:
            return
        # The content language changed: show the same drill again, keeping what was typed.
        answers = self.view.sheet.answers_typed()
        self._display()
        for key, text in answers.items():
            field = self.view.sheet.fields.get(key)
            if field is not None:
                field.set_text(text)
        if self.grade is not None:
            self._display_grade()


def record_values(drill: Drill) -> dict[str, tuple[float, ...]] | None:
    """Every value of the drill's step record as flat tuples (for the diagram)."""
    if drill.record is None:
        return None
    return {
        key: tuple(float(v) for v in np.asarray(value, dtype=np.float64).ravel())
        for key, value in drill.record.values.items()
    }
