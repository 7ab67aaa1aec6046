"""The study-session screen: one item at a time (a drill sheet or a question), then the rating bar.

The page drives a ``StudySession`` (Qt-free): Submit / Check grades and records the answer, the
rating bar proposes a rating that keys 1–4 change, Ctrl+Z takes it back, Next (Enter) goes on.
In a mock interview nothing is shown after an answer: the next item follows at once. The drill
sheet and feedback panel and the question answer widgets are the app's own, embedded here.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from questions.schema import Lang
from quizapp.grading.messages import localize
from quizapp.gui import keys, names
from quizapp.gui.grading_worker import GradingWorker
from quizapp.gui.status_line import tell
from quizapp.gui.study.drafts import Drafts, draft_key, fill_in, typed_texts
from quizapp.gui.study.rating_bar import RatingBar
from quizapp.gui.theme import set_role
from quizapp.gui.views.drill_feedback import DrillFeedback
from quizapp.gui.views.drill_sheet import DrillSheet
from quizapp.gui.widgets.banner import Banner
from quizapp.gui.widgets.page_scroll import scroll_page
from quizapp.gui.widgets.paper import Paper
from quizapp.gui.widgets.rich_text import set_rich_text
from quizapp.study import StudyError
from quizapp.study.session import Phase, StudySession
from quizapp.study.store import StudyMode

if TYPE_CHECKING:
    from quizapp.drills import DrillGrade
    from quizapp.grading.answers import QuestionGrade
    from quizapp.gui.views.answers import AnswerWidget

log = logging.getLogger(__name__)


def _wrapped(role: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        set_role(label, role)
    return label


class StudyPage(QWidget):
    """Shows the current item of ``session``; emits ``finished(session)`` at the summary."""

    finished = Signal(object)  # StudySession

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: StudySession | None = None
        self.lang: Lang = "en"
        self.answer: AnswerWidget | None = None
        self.drafts = Drafts()  # answers typed but not checked when the learner left
        self._checklist_open = False
        self.grading = GradingWorker(self)

        self.title = QLabel()
        set_role(self.title, "heading")
        self.progress = QLabel()
        set_role(self.progress, "muted")
        self.timer = QLabel()
        set_role(self.timer, "subheading")
        self.skip_button = QPushButton()
        self.finish_button = QPushButton()
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addSpacing(12)
        header.addWidget(self.progress, 1)
        header.addWidget(self.timer)
        header.addSpacing(12)
        header.addWidget(self.skip_button)
        header.addWidget(self.finish_button)
        self.banner = Banner()

        # A question on paper.
        self.question_paper = Paper()
        self.meta = _wrapped("muted")
        self.prompt = _wrapped()
        self.code = QPlainTextEdit()
        set_role(self.code, "code")
        self.code.setReadOnly(True)
        self.code.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.code.hide()
        self.answer_box = QVBoxLayout()
        self.check_button = QPushButton()
        set_role(self.check_button, "primary")
        self.reveal_button = QPushButton()
        self.hint = _wrapped("muted")
        self.hint.hide()
        paper_layout = QVBoxLayout(self.question_paper)
        paper_layout.setContentsMargins(36, 28, 36, 28)
        paper_layout.setSpacing(12)
        paper_layout.addWidget(self.meta)
        paper_layout.addWidget(self.prompt)
        paper_layout.addWidget(self.code)
        paper_layout.addLayout(self.answer_box)
        paper_layout.addWidget(self.hint)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.reveal_button)
        actions.addWidget(self.check_button)
        paper_layout.addLayout(actions)

        # What a question's answer deserves (hidden in a mock interview).
        self.question_feedback = Paper()
        self.verdict = _wrapped()
        self.read_as = _wrapped("muted")
        self.why_wrong = _wrapped()
        self.model_title = QLabel()
        set_role(self.model_title, "subheading")
        self.model_answer = _wrapped()
        self.explanation_title = QLabel()
        set_role(self.explanation_title, "subheading")
        self.explanation = _wrapped()
        feedback_layout = QVBoxLayout(self.question_feedback)
        feedback_layout.setContentsMargins(36, 20, 36, 20)
        for widget in (
            self.verdict,
            self.read_as,
            self.why_wrong,
            self.model_title,
            self.model_answer,
            self.explanation_title,
            self.explanation,
        ):
            feedback_layout.addWidget(widget)
        self.question_feedback.hide()

        # A drill: the drill screen's sheet and feedback panel.
        self.sheet = DrillSheet()
        self.drill_feedback = DrillFeedback()
        self.drill_score = _wrapped("subheading")
        self.drill_score.hide()

        column = QWidget()
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 8, 0)
        column_layout.setSpacing(14)
        for part in (
            self.question_paper,
            self.sheet,
            self.drill_score,
            self.question_feedback,
            self.drill_feedback,
        ):
            column_layout.addWidget(part)
        column_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(column)
        # No Tab stop without a focus ring: PageDown / PageUp scroll it from anywhere on the page.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        # The rating bar.
        self.rating_bar = RatingBar()
        self.proposed_label = self.rating_bar.label
        self.rating_buttons = self.rating_bar.buttons
        self.rating_group = self.rating_bar.group
        self.undo_button = self.rating_bar.undo
        self.next_button = self.rating_bar.next
        self.rating_group.idClicked.connect(self.choose_rating)
        self.rating_bar.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.rating_bar)

        self.sheet.submit_requested.connect(self.submit)
        self.sheet.reveal_requested.connect(self.reveal)
        self.check_button.clicked.connect(self.submit)
        self.reveal_button.clicked.connect(self.reveal)
        self.next_button.clicked.connect(self.go_next)
        self.undo_button.clicked.connect(self.undo)
        self.skip_button.clicked.connect(self.skip)
        self.finish_button.clicked.connect(self.finish)
        keys.bind(self, "check", self.submit_or_next)
        keys.bind(self, "undo", self.undo)
        keys.bind(self, "reveal", self.reveal)
        keys.bind_numbers(self, "choose", self.number_key)  # 1–4 rate once answered
        self.retranslate()

    # ----- the session -------------------------------------------------------------------------

    def start(self, session: StudySession, lang: Lang) -> None:
        """Run ``session`` on this page."""
        self.session = session
        self.lang = lang
        self.banner.hide()
        if session.problems:
            self.banner.show_message("\n".join(session.problems[:3]), "info")
        self.show_current()

    def set_language(self, lang: Lang) -> None:
        """Content language: the current item is shown again only when not yet answered."""
        if lang != self.lang:
            self.lang = lang
            session = self.session
            if session is not None and session.phase is Phase.QUESTION:
                # The same item again in the new language: what is typed stays.
                sheet = self.sheet if session.drill is not None else None
                texts = typed_texts(sheet, self.answer)
                self.show_current()
                if texts:
                    fill_in(sheet, self.answer, texts)

    def keep_draft(self) -> bool:
        """Keep what is typed on the current item and not checked (the learner is leaving the
        session); it is filled back in when the item comes up again in this run."""
        session = self.session
        if session is None or session.phase is not Phase.QUESTION or session.current is None:
            return False
        drill = session.drill
        texts = typed_texts(self.sheet if drill is not None else None, self.answer)
        if not texts:
            return False
        if drill is not None and session.current.seed is None:
            # Drawn afresh next time: these numbers will not come back, nor can the answer.
            self._say(
                self.tr("Your answer was not checked and is not kept: this drill is drawn anew.")
            )
            return False
        seed = drill.spec.seed if drill is not None else None
        self.drafts.keep(draft_key(session.current.key, seed), texts)
        self._say(
            self.tr(
                "Your answer was not checked: it is kept and comes back with this item "
                "when you study it again."
            )
        )
        return True

    def _say(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            tell(window, text, 15000)

    @property
    def mock(self) -> bool:
        return self.session is not None and not self.session.show_feedback

    def show_current(self) -> None:
        """Lay out the session's current item, empty (or the summary when it is over)."""
        session = self.session
        if session is None:
            return
        if session.phase is Phase.SUMMARY:
            self.finished.emit(session)
            return
        item = session.current
        assert item is not None
        self._checklist_open = False
        self.grading.cancel()
        self.question_feedback.hide()
        self.drill_feedback.clear()
        self.drill_score.hide()
        self.rating_bar.hide()
        self.hint.hide()
        self._drop_answer()
        if session.drill is not None:
            self.question_paper.hide()
            self._show_drill()
        elif item.question is not None:
            self.sheet.hide()
            self._show_question()
        seed = session.drill.spec.seed if session.drill is not None else None
        draft = self.drafts.take(draft_key(item.key, seed))
        if draft:
            fill_in(self.sheet if session.drill is not None else None, self.answer, draft)
            self._say(self.tr("Your answer typed before is back: it is not checked yet."))
        self._update_header()
        self.scroll_area.verticalScrollBar().setValue(0)

    def _show_drill(self) -> None:
        from quizapp.gui.views.drill_sheet import shown_parts

        assert self.session is not None and self.session.drill is not None
        drill = self.session.drill
        infos, shown = shown_parts(drill)
        self.sheet.show_drill(drill, shown, infos, self.lang, self._describe)
        self.sheet.lock(False)
        self.sheet.reveal_button.setVisible(not self.mock)
        self.sheet.show()
        first = self.sheet.first_field()
        if first is not None:
            first.edit.setFocus()

    def _describe(self, key: str, text: str) -> tuple[str, bool]:
        from quizapp.drills import read_answers

        drill = self.session.drill if self.session is not None else None
        if drill is None:
            return "", True
        try:
            reading = read_answers(drill, {key: text})[key]
        except Exception as error:  # a reader bug must not break typing
            log.exception("could not read %r", text)
            return str(error), False
        if reading.error:
            return localize(str(reading.error), self.lang), False
        return names.read_as(str(reading.shown)), True

    def _drop_answer(self) -> None:
        if self.answer is not None:
            self.answer.hide()
            self.answer.deleteLater()
            self.answer = None

    def _show_question(self) -> None:
        from quizapp.bank import pack_file_name
        from quizapp.gui.views.answers import answer_widget_for

        assert self.session is not None
        question = self.session.current.question if self.session.current else None
        assert question is not None
        parts = [
            _topic_title(question.topic, self.lang),
            names.question_type_name(question.type),
            names.question_difficulty_name(question.difficulty),
        ]
        pack = pack_file_name(question)  # a question from the learner's packs: "pack: mine.yaml"
        if pack:
            parts.append(self.tr("pack: %1").replace("%1", pack))
        self.meta.setText("  ·  ".join(parts))
        set_rich_text(self.prompt, question.prompt.get(self.lang))
        self.code.setVisible(bool(question.code))
        if question.code:
            self.code.setPlainText(question.code)
            lines = question.code.count("\n") + 1
            self.code.setFixedHeight(
                min(self.code.fontMetrics().lineSpacing() * (lines + 1) + 16, 360)
            )
        try:
            self.answer = answer_widget_for(question, self.lang)
        except ValueError as error:
            self.banner.show_message(str(error))
            self.answer = None
        if self.answer is not None:
            self.answer_box.addWidget(self.answer)
            for line_edit in self.answer.findChildren(QLineEdit):
                line_edit.returnPressed.connect(self.submit)
            for editor in self.answer.findChildren(QPlainTextEdit):
                editor.textChanged.connect(self._answer_typed)
        self.check_button.setEnabled(self.answer is not None)
        self.reveal_button.setEnabled(self.answer is not None)
        self.reveal_button.setVisible(not self.mock)  # no answers given away in an interview
        self.question_paper.show()
        if self.answer is not None:
            for child in self.answer.findChildren(QWidget):
                if child.focusPolicy() != Qt.FocusPolicy.NoFocus:
                    child.setFocus()
                    break

    # ----- answering ---------------------------------------------------------------------------

    def submit_or_next(self) -> None:
        """Ctrl+Enter: submit the answer, or go on once it is answered."""
        if self.session is not None and self.session.phase is Phase.QUESTION:
            self.submit()
        else:
            self.go_next()

    def _safely(self, action: Callable[[], object]) -> None:
        """Run a learner's action; a history that cannot be written (a full disk, a lock held by
        another program) is said in the banner and the answer stays on screen to try again."""
        try:
            action()
        except StudyError as error:
            log.exception("the history could not be written")
            self.banner.show_message(str(error))

    def submit(self) -> None:
        """Grade and record the answer on screen."""
        session = self.session
        if session is None or session.phase is not Phase.QUESTION:
            return
        if session.drill is not None:
            self._safely(self._submit_drill)
        else:
            self._safely(self._submit_question)

    def _submit_drill(self) -> None:
        session = self.session
        assert session is not None and session.drill is not None
        answers = self.sheet.answers_typed()
        if session.drill.formula is None:
            self._record_drill(answers, None)
            return
        # A formula goes through sympy: graded on the grading thread, recorded when it is back.
        from quizapp.drills import grade_drill

        for key in session.drill.asked:
            field = self.sheet.fields.get(key)
            if field is not None:
                field.show_mark(self.tr("Checking…"), None)
        item = session.current
        self.grading.run(
            functools.partial(grade_drill, session.drill, answers, session.tolerance),
            functools.partial(self._drill_graded, session, item, answers),
            self._grading_failed,
        )

    def _drill_graded(
        self, session: StudySession, item: object, answers: dict[str, str], grade: DrillGrade
    ) -> None:
        if not self._still_shown(session, item):
            return
        if self.sheet.answers_typed() != answers:  # edited while it was checked: submit again
            for field in self.sheet.fields.values():
                field.clear_mark()
            return
        self._safely(lambda: self._record_drill(answers, grade))

    def _still_shown(self, session: StudySession, item: object) -> bool:
        """Whether the item a grade was computed for is still on screen, waiting for its answer."""
        return (
            self.session is session and session.current is item and session.phase is Phase.QUESTION
        )

    def _grading_failed(self, error: Exception) -> None:
        self._warn(
            self.tr("Not counted: the answer could not be checked (%1)").replace("%1", str(error))
        )

    def _record_drill(self, answers: dict[str, str], graded: DrillGrade | None) -> None:
        assert self.session is not None
        grade = self.session.submit_drill(answers, graded)
        if self.session.phase is Phase.QUESTION:  # an answer could not be read: nothing recorded
            for quantity in grade.quantities:
                field = self.sheet.fields.get(quantity.key)
                if field is not None and quantity.message:
                    field.show_mark(
                        self.tr("Not read, not counted: %1").replace(
                            "%1", localize(quantity.message, self.lang)
                        ),
                        None,
                    )
            return
        self._after_answer(drill_grade=grade)

    def _submit_question(self) -> None:
        from quizapp.grading.answers import QuestionGrade
        from quizapp.grading.freetext import grade_free_text
        from quizapp.gui.views.answers import typed_text

        assert self.session is not None
        item = self.session.current
        if self.answer is None or item is None or item.question is None:
            return
        question = item.question
        typed = typed_text(self.answer)
        if question.type == "free_text" and self.mock:
            # No self-check during the interview: the grader's proposal is recorded unconfirmed,
            # and the learner confirms or changes the ticks at the report.
            if not typed.strip():
                self._warn(self.tr("Write an answer first."))
                return
            proposal = grade_free_text(question, typed)
            score = proposal.score
            # The report names the points missed before they are confirmed: the proposal's.
            missed = tuple(result.point.id for result in proposal.points if not result.made)
            grade: QuestionGrade = QuestionGrade(
                score, score >= 1.0, "", None, auto_score=score, confirmed=False,
                missed_points=missed,
            )  # fmt: skip
            self._record_question(grade, typed)
            return
        job = self.answer.grading_job()
        if job is None:
            self._question_graded(self.answer.grade(), typed)
            return
        self._warn(self.tr("Checking…"))
        session, answer = self.session, self.answer

        def done(grade: QuestionGrade) -> None:
            if self._still_shown(session, item) and self.answer is answer:
                if typed_text(answer) == typed:
                    self._safely(lambda: self._question_graded(grade, typed))
                else:  # edited while it was checked: the learner checks again
                    self.hint.hide()

        self.grading.run(job, done, self._grading_failed)

    def _question_graded(self, grade: QuestionGrade, typed: str) -> None:
        assert self.session is not None and self.session.current is not None
        question = self.session.current.question
        assert question is not None
        if grade.message:
            # A typed answer's own line may already show the reader's message: not twice.
            if self.answer is not None and self.answer.says(localize(grade.message, self.lang)):
                self._warn(self.tr("Not counted: correct the answer and check again"))
                return
            message = localize(grade.message, self.lang)
            self._warn(self.tr("Not counted: %1").replace("%1", message))
            return
        if question.type == "free_text" and not self._checklist_open:
            self._checklist_open = True
            self.hint.setText(
                self.tr(
                    "Tick the key points your answer made (keys 1–9), then press Check again "
                    "to record the score."
                )
            )
            self.hint.show()
            return
        self._record_question(grade, typed)

    def _record_question(self, grade: QuestionGrade, typed: str) -> None:
        assert self.session is not None
        self.hint.hide()
        if not self.session.submit_question(grade, typed):
            return
        self._after_answer(question_grade=grade)

    def _warn(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.show()

    def _answer_typed(self) -> None:
        """Once the learner writes, "Write an answer first." no longer applies."""
        if not self.hint.isHidden() and self.hint.text() == self.tr("Write an answer first."):
            self.hint.hide()

    def reveal(self) -> None:
        """ "Show the answer" (not in a mock interview): the solution, recorded as a miss."""
        session = self.session
        if session is None or self.mock or session.phase is not Phase.QUESTION:
            return
        from quizapp.grading.answers import QuestionGrade

        self.grading.cancel()
        try:
            drill_grade = session.reveal()
        except StudyError as error:
            log.exception("the history could not be written")
            self.banner.show_message(str(error))
            return
        if drill_grade is not None:
            self._after_answer(drill_grade=drill_grade)
        else:
            self._after_answer(question_grade=QuestionGrade(0.0, False, "", None))
            set_role(self.verdict, "bad")
            self.verdict.setText(self.tr("Answer shown: counted as a miss"))
        self.reveal_button.setEnabled(False)

    def _after_answer(
        self, *, drill_grade: DrillGrade | None = None, question_grade: QuestionGrade | None = None
    ) -> None:
        assert self.session is not None
        if self.mock:
            self.session.next()
            self.show_current()
            return
        if drill_grade is not None:
            self._show_drill_grade(drill_grade)
        if question_grade is not None:
            self._show_question_grade(question_grade)
        self._show_rating_bar()

    def _show_drill_grade(self, grade: DrillGrade) -> None:
        assert self.session is not None and self.session.drill is not None
        for quantity in grade.quantities:
            field = self.sheet.fields.get(quantity.key)
            if field is not None:
                field.show_mark(*self._mark_text(quantity))
        self.sheet.lock(True)
        try:
            from quizapp.grading.feedback import feedback_for

            feedback: Any = feedback_for(self.session.drill, grade)
        except Exception:  # the worked solution is a bonus: marks and mistakes still show
            log.exception("no worked solution for this drill")
            feedback = SimpleNamespace(lines=(), steps=(), diagnoses=())
        self.drill_feedback.show_result(grade, feedback, self.lang)

    def _mark_text(self, quantity: Any) -> tuple[str, bool | None]:
        """The verdict under a field; it agrees with the score and the feedback's lines."""
        if quantity.message in ("empty answer", "no answer given"):
            return self.tr("✗ Left empty: counts as wrong"), False
        if quantity.message:
            message = localize(quantity.message, self.lang)
            return self.tr("✗ Not read, counts as wrong: %1").replace("%1", message), False
        if quantity.carried_forward:
            return self.tr(
                "Not the expected value, but it follows from your own earlier answers: "
                "counted (error carried forward)"
            ), None
        if quantity.score >= 1.0:
            return self.tr("✓ Correct"), True
        right = sum(1 for ok in quantity.element_correct if ok)
        text = (
            self.tr("✗ %1 of %2 right")
            .replace("%1", str(right))
            .replace("%2", str(len(quantity.element_correct)))
        )
        return text, False

    def _show_question_grade(self, grade: QuestionGrade) -> None:
        assert self.session is not None
        item = self.session.current
        assert item is not None and item.question is not None
        question = item.question
        if self.answer is not None:
            self.answer.show_marks(grade)
            self.answer.lock(True)
        self.check_button.setEnabled(False)
        if grade.correct:
            set_role(self.verdict, "good")
            self.verdict.setText(self.tr("✓ Right"))
        elif grade.score > 0:
            set_role(self.verdict, "warn")
            self.verdict.setText(
                self.tr("Partly right: %1 %").replace("%1", str(round(100 * grade.score)))
            )
        else:
            set_role(self.verdict, "bad")
            self.verdict.setText(self.tr("✗ Not quite"))
        # The reader's line already says "read as …": translate it once (names.read_as).
        # Each thing said once: a typed answer shows "read as …" under its field, a choice says
        # why beside the option; the feedback repeats neither.
        shown_by_answer = self.answer is not None and self.answer.shows_reading()
        typed = question.answer_type in ("numeric", "shape", "symbolic") and not shown_by_answer
        read_as = grade.read_as if typed else ""
        self.read_as.setText(names.read_as(read_as) if read_as else "")
        self.read_as.setVisible(bool(read_as))
        why_beside = self.answer is not None and self.answer.shows_why
        why = grade.feedback.get(self.lang) if grade.feedback and not why_beside else ""
        set_rich_text(self.why_wrong, why)
        self.why_wrong.setVisible(bool(why))
        set_rich_text(self.model_answer, question.answer.get(self.lang))
        set_rich_text(self.explanation, question.explanation.get(self.lang))
        self.question_feedback.show()

    # ----- rating ------------------------------------------------------------------------------

    def _show_rating_bar(self) -> None:
        session = self.session
        assert session is not None
        scheduled = session.scheduler is not None
        for button in self.rating_buttons.values():
            button.setVisible(scheduled)
        self._update_rating_bar()
        self.rating_bar.show()
        self.next_button.setFocus()

    def _update_rating_bar(self) -> None:
        session = self.session
        if session is None or session.phase not in (Phase.ANSWERED, Phase.RATED):
            return
        result = session.last_result
        assert result is not None
        chosen = result.rating if result.rating is not None else result.proposed
        self.rating_group.blockSignals(True)
        self.rating_buttons[chosen].setChecked(True)
        self.rating_group.blockSignals(False)
        score = round(100 * result.score)
        if session.scheduler is None:
            text = self.tr("Score %1 %.").replace("%1", str(score))
        elif result.rating is None:
            text = (
                self.tr("Score %1 % in %2 s. Proposed rating: %3 (keys 1–4 change it).")
                .replace("%1", str(score))
                .replace("%2", str(round(result.seconds)))
                .replace("%3", self.rating_name(result.proposed))
            )
        else:
            due = result.review.due.astimezone().strftime("%Y-%m-%d") if result.review else ""
            text = (
                self.tr("Rated %1; next review on %2.")
                .replace("%1", self.rating_name(result.rating))
                .replace("%2", due)
            )
        # "0 %" and "5 s" stay on one line when the sentence wraps.
        self.rating_bar.set_text(text.replace(" %", "\u00a0%").replace(" s.", "\u00a0s."))
        self.undo_button.setEnabled(session.can_undo())

    def rating_name(self, rating: int) -> str:
        """Again, Hard, Good, Easy in the interface language."""
        return {
            1: self.tr("Again"),
            2: self.tr("Hard"),
            3: self.tr("Good"),
            4: self.tr("Easy"),
        }[rating]

    def choose_rating(self, rating: int) -> None:
        """Keys 1–4 or a rating button: rate (or re-rate) the answered item."""
        session = self.session
        if session is None or session.scheduler is None:
            return
        if session.phase is Phase.RATED:
            session.undo()
        if session.phase is not Phase.ANSWERED:
            return
        session.rate(rating)
        self._update_rating_bar()

    def number_key(self, number: int) -> None:
        """Keys 1–9: rate after answering; otherwise pick an option / tick a key point."""
        session = self.session
        if session is None:
            return
        if session.phase in (Phase.ANSWERED, Phase.RATED):
            if number in self.rating_buttons:
                self.choose_rating(number)
        elif self.answer is not None:
            self.answer.choose_number(number)

    def undo(self) -> None:
        """Ctrl+Z: take back the last rating (also from the next item, before answering it)."""
        session = self.session
        if session is None or not session.can_undo():
            return
        went_back = session.phase is Phase.QUESTION
        if not session.undo():
            # Refused: the item was reviewed again elsewhere; that review is kept.
            window = self.window()
            if session.undo_refused and isinstance(window, QMainWindow):
                window.statusBar().showMessage(
                    self.tr("Not undone: %1").replace("%1", session.undo_refused), 10000
                )
            self._update_rating_bar()
            return
        if went_back:
            self._restore_answered()
        self._update_rating_bar()

    def _restore_answered(self) -> None:
        """Show the previous item again, answered, after an undo from the next item."""
        session = self.session
        assert session is not None
        result = session.last_result
        assert result is not None
        self.show_current_answered(result.drill_grade, result.question_grade, result.answer)

    def show_current_answered(
        self, drill_grade: DrillGrade | None, question_grade: QuestionGrade | None, answer: str
    ) -> None:
        """The current item with its recorded answer and feedback (after undo)."""
        import json

        self.show_current()
        if drill_grade is not None:
            for key, text in json.loads(answer).items():
                field = self.sheet.fields.get(key)
                if field is not None:
                    field.set_text(str(text))
            self._show_drill_grade(drill_grade)
        elif question_grade is not None:
            self._show_question_grade(question_grade)
        self._show_rating_bar()

    # ----- moving on ---------------------------------------------------------------------------

    def go_next(self) -> None:
        """Next (Enter after answering): the proposed rating if none was chosen, then go on."""
        session = self.session
        if session is None or session.phase not in (Phase.ANSWERED, Phase.RATED):
            return
        self._safely(session.next)
        self.show_current()

    def skip(self) -> None:
        """Leave the item unanswered."""
        session = self.session
        if session is None or session.phase is not Phase.QUESTION:
            return
        self._safely(session.skip)
        self.show_current()

    def finish(self) -> None:
        """End the session now and show the summary."""
        session = self.session
        if session is None:
            return
        session.finish()
        self.finished.emit(session)

    def tick(self) -> None:
        """Once a second: the countdown, and the end of a timed session."""
        session = self.session
        if session is None or session.phase is Phase.SUMMARY:
            return
        if session.time_up and session.phase is Phase.QUESTION:
            self.finish()
            return
        self._update_timer()

    # ----- header and language -----------------------------------------------------------------

    def _update_header(self) -> None:
        session = self.session
        if session is None:
            self.title.setText(self.tr("Study session"))
            self.progress.clear()
            self.timer.clear()
            return
        self.title.setText(self.mode_title(session.mode))
        number, total = session.position
        self.progress.setText(
            self.tr("Item %1 of %2").replace("%1", str(number)).replace("%2", str(total))
        )
        self._update_timer()
        self.skip_button.setEnabled(session.phase is Phase.QUESTION)

    def _update_timer(self) -> None:
        session = self.session
        left = session.time_left() if session is not None else None
        if left is None:
            self.timer.clear()
            return
        minutes, seconds = divmod(round(left), 60)
        self.timer.setText(self.tr("%1 left").replace("%1", f"{minutes}:{seconds:02d}"))

    def mode_title(self, mode: StudyMode) -> str:
        """The heading of a mode."""
        titles = {
            StudyMode.DRILL: self.tr("Drill session"),
            StudyMode.REVIEW: self.tr("Review"),
            StudyMode.MOCK: self.tr("Mock interview"),
            StudyMode.MISTAKES: self.tr("Mistakes"),
            StudyMode.QUESTIONS: self.tr("Questions"),
        }
        return titles[mode]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """PageDown / PageUp scroll the item and its feedback wherever the focus is."""
        if not scroll_page(self.scroll_area, event):
            super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Interface texts."""
        self.skip_button.setText(self.tr("Skip"))
        self.finish_button.setText(self.tr("Finish now"))
        self.check_button.setText(self.tr("Check  (Ctrl+Enter)"))
        self.check_button.setAccessibleName(self.tr("Check"))
        self.reveal_button.setText(self.tr("Show the answer  (Ctrl+D)"))
        self.reveal_button.setToolTip(self.tr("I don't know: show the answer (counts as a miss)"))
        self.model_title.setText(self.tr("Model answer"))
        self.explanation_title.setText(self.tr("Why"))
        for rating, button in self.rating_buttons.items():
            button.setText(f"{rating} {self.rating_name(rating)}")
            button.setAccessibleName(self.rating_name(rating))
        self.undo_button.setText(self.tr("Undo (Ctrl+Z)"))
        self.next_button.setText(self.tr("Next  (Enter)"))
        self._update_header()
        self._update_rating_bar()


def _topic_title(topic: str, lang: Lang) -> str:
    from questions.topics import TOPICS

    for entry in TOPICS:
        if entry.id == topic:
            return entry.title.get(lang)
    return topic
