"""The drill screen: a header (title, seed, Another like this), the paper sheet, the diagram beside it.

The view emits intent (``submitted``, ``another_requested``, ``seed_entered``) and is filled by the
drill controller; it computes and grades nothing. The cell diagram is another module
(``quizapp.gui.diagram``); while it is missing, the view shows the sheet alone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from quizapp.grading.messages import localize
from quizapp.gui import keys, names
from quizapp.gui.drill_plan import LARGEST_SEED
from quizapp.gui.theme import set_role
from quizapp.gui.views.drill_feedback import DrillFeedback
from quizapp.gui.views.drill_sheet import DrillSheet, keep_in_view
from quizapp.gui.widgets.banner import Banner
from quizapp.gui.widgets.page_scroll import scroll_page
from quizapp.gui.widgets.paper import Paper
from quizapp.gui.widgets.shown_focus import give_focus

if TYPE_CHECKING:
    from quizapp.drills import Drill, DrillGrade, QuantityInfo
    from quizapp.formulas import Equation
    from quizapp.grading.feedback import Feedback
    from quizapp.gui.widgets.answer_field import AnswerField

log = logging.getLogger(__name__)


def make_diagram() -> QWidget | None:
    """The cell diagram widget, or ``None`` while that module is not available."""
    try:
        from quizapp.gui.diagram.widget import CellDiagram
    except ImportError:
        return None
    try:
        widget: QWidget = CellDiagram()
    except Exception:
        log.exception("the cell diagram could not be created")
        return None
    return widget


def _height_for_width_policy(widget: QWidget) -> QSizePolicy:
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(widget.hasHeightForWidth())
    return policy


class DiagramPanel(Paper):
    """The diagram (which names its own stages) with Previous / Next buttons."""

    def __init__(self, diagram: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diagram: Any = diagram
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.previous_button.clicked.connect(self.previous_stage)
        self.next_button.clicked.connect(self.next_stage)
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        # The diagram is as tall as its width needs (its texts are at the body size): in a small
        # window at a large font it scrolls rather than shrinking the picture.
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(diagram)
        diagram.setSizePolicy(_height_for_width_policy(diagram))
        diagram.setMinimumWidth(200)  # the panel's width decides; the height follows it
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        """Button texts."""
        self.previous_button.setText(self.tr("← Previous"))
        self.next_button.setText(self.tr("Next →"))
        self.previous_button.setAccessibleName(self.tr("Previous stage of the diagram"))
        self.next_button.setAccessibleName(self.tr("Next stage of the diagram"))

    def previous_stage(self) -> None:
        """Step the diagram back."""
        self.diagram.previous_stage()

    def next_stage(self) -> None:
        """Step the diagram forward."""
        self.diagram.next_stage()


class DrillView(QWidget):
    """The drill screen."""

    submitted = Signal(object)  # dict[str, str]: quantity key -> typed text
    another_requested = Signal()
    seed_entered = Signal(int)
    reveal_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content_language = "en"
        self.title = QLabel()
        set_role(self.title, "heading")
        self.title.setWordWrap(True)  # a long cell · convention name at a large font size
        self.seed_label = QLabel()
        self.seed_edit = QLineEdit()
        self.seed_edit.setValidator(QIntValidator(0, LARGEST_SEED, self))
        self._fit_seed_width()
        self.seed_label.setBuddy(self.seed_edit)
        self.replay_button = QPushButton()
        self.another_button = QPushButton()
        self.print_button = QPushButton()  # the drill on paper (PDF), with its answer key
        self.banner = Banner()
        self.sheet = DrillSheet()
        self.feedback = DrillFeedback()

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.seed_label)
        header.addWidget(self.seed_edit)
        header.addWidget(self.replay_button)
        header.addSpacing(12)
        header.addWidget(self.another_button)
        header.addWidget(self.print_button)

        column = QWidget()
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 8, 0)
        column_layout.setSpacing(14)
        column_layout.addWidget(self.sheet)
        column_layout.addWidget(self.feedback)
        column_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(column)
        # No Tab stop without a focus ring: PageDown / PageUp scroll it (``keyPressEvent``).
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.scroll_area)
        diagram = make_diagram()
        self.diagram_panel = DiagramPanel(diagram) if diagram is not None else None
        if self.diagram_panel is not None:
            self.splitter.addWidget(self.diagram_panel)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 2)
            self.scroll_area.setMinimumWidth(480)
            self.diagram_panel.setMinimumWidth(300)
        self._sizes_set = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)

        self.sheet.submit_requested.connect(self._emit_submit)
        self.sheet.reveal_requested.connect(self.reveal)
        self.another_button.clicked.connect(self.another_requested)
        self.replay_button.clicked.connect(self._emit_seed)
        self.print_button.clicked.connect(self.print_sheet)
        self.seed_edit.returnPressed.connect(self._emit_seed)
        keys.bind(self, "diagram", self.previous_stage, self.next_stage)
        keys.bind(self, "reveal_drill", self.reveal)
        self.setTabOrder(self.seed_edit, self.replay_button)
        self.setTabOrder(self.replay_button, self.another_button)
        self._drill: Drill | None = None
        self._cell_convention = ("", "")
        self.retranslate()

    # --- filled by the controller ------------------------------------------------------------

    def show_drill(
        self,
        drill: Drill,
        equations: Sequence[Equation],
        infos: Mapping[str, QuantityInfo],
        lang: str,
        describe: Callable[[str, str], tuple[str, bool]],
    ) -> None:
        """Show a new drill with empty answer fields."""
        self._drill = drill
        self.banner.hide()
        self.feedback.clear()
        spec = drill.spec
        self._cell_convention = (spec.cell, spec.convention)
        self._update_title()
        self.seed_edit.setText(str(spec.seed))
        self.sheet.show_drill(drill, equations, infos, lang, describe)
        self.sheet.lock(False)
        self.set_content_language(lang)
        if self.diagram_panel is not None:
            diagram = self.diagram_panel.diagram
            try:
                diagram.set_cell(spec.cell, spec.convention)
                diagram.set_highlight(tuple(drill.asked))
                diagram.set_values(None)
            except Exception:
                log.exception("the diagram could not show %s", spec.cell)
        self.scroll_area.verticalScrollBar().setValue(0)
        first = self.sheet.first_field()
        if first is not None:
            first.edit.setFocus()

    def show_grade(
        self,
        grade: DrillGrade,
        feedback: Feedback,
        lang: str,
        values: Mapping[str, Sequence[float]] | None,
    ) -> None:
        """Show marks under the fields, the diagnosis and the worked solution."""
        if self.banner.property("kind") == "error":  # "nothing was graded" is over
            self.banner.hide()
        for quantity in grade.quantities:
            field = self.sheet.fields.get(quantity.key)
            if field is None:
                continue
            field.show_mark(*self._mark_text(quantity))
        self.sheet.lock(True)
        self.feedback.show_result(grade, feedback, lang)
        if self.diagram_panel is not None and values is not None:
            try:
                self.diagram_panel.diagram.set_values(values)
            except Exception:
                log.exception("the diagram could not show the values")
        give_focus(self.another_button)
        QTimer.singleShot(0, self._scroll_to_answers)

    def _scroll_to_answers(self) -> None:
        """Bring the marks and the diagnosis into view (once the layout has settled)."""
        column = self.scroll_area.widget()
        layout = column.layout() if column is not None else None
        if layout is not None:
            layout.activate()
        bar = self.scroll_area.verticalScrollBar()
        viewport = self.scroll_area.viewport().height()
        # As much of the marks as fits, but always the score and the top of the diagnosis (at
        # least half the view): a learner at the keyboard must see the result without a mouse.
        feedback_seen = min(self.feedback.height(), viewport // 2)
        wanted = max(self.sheet.answers_title.y() - 8, self.feedback.y() + feedback_seen - viewport)
        bar.setValue(min(wanted, self.feedback.y()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """PageDown / PageUp scroll the sheet wherever the focus is (after Check it is on
        Another like this, and the diagnosis may reach below the window)."""
        if not scroll_page(self.scroll_area, event):
            super().keyPressEvent(event)

    def _mark_text(self, quantity: Any) -> tuple[str, bool | None]:
        """The verdict under a field; it agrees with the score and the feedback's lines."""
        if quantity.message in ("empty answer", "no answer given"):
            return self.tr("✗ Left empty: counts as wrong"), False
        if quantity.message:
            message = localize(quantity.message, self._content_language)
            return self.tr("✗ Not read, counts as wrong: %1").replace("%1", message), False
        if quantity.carried_forward:
            # Counted, but not the right value: neutral, and worded so it does not read as right.
            return self.tr(
                "Not the expected value, but it follows from your own earlier answers: "
                "counted (error carried forward)"
            ), None
        right = sum(1 for ok in quantity.element_correct if ok)
        total = len(quantity.element_correct)
        if quantity.score >= 1.0:
            return self.tr("✓ Correct"), True
        text = self.tr("✗ %1 of %2 right").replace("%1", str(right)).replace("%2", str(total))
        return text, False

    def show_unreadable(self, messages: Mapping[str, str]) -> None:
        """Answers that could not be read, by quantity: marked at their fields, nothing graded."""
        first: AnswerField | None = None
        for key, message in messages.items():
            field = self.sheet.fields.get(key)
            if field is None:
                continue
            # The field's own line already gives the reader's message: the mark does not repeat it.
            field.refresh_reading()
            if field.reading.text():
                field.show_mark(self.tr("✗ Not read"), False)
            else:
                field.show_mark(self.tr("✗ Not read: %1").replace("%1", message), False)
            first = first or field
        self.banner.show_message(
            self.tr("Nothing was graded: correct the answer marked in red and submit again."),
            "error",
        )
        if first is not None:
            first.edit.setFocus()
            first.edit.selectAll()
            keep_in_view(first)

    def show_error(self, message: str) -> None:
        """An expected problem (bad setting, drill that cannot be made) shown in place."""
        self.banner.show_message(message, "error")

    def show_notice(self, message: str) -> None:
        """Something the learner should know about the drill on screen (not an error)."""
        self.banner.show_message(message, "info")

    def print_sheet(self) -> bool:
        """Print the drill on screen to a PDF the learner chooses (one page, then the answer key
        with the worked solution); False when cancelled, refused or not written."""
        from quizapp.gui.views.drill_print import print_drill

        if self._drill is None:
            return False
        title = self.tr("Print the drill")
        outcome = print_drill(self, self._drill, self._content_language, title)
        if outcome is None:
            return False
        if outcome.in_data_folder:
            self.show_error(
                self.tr(
                    "Not printed: %1 is inside the data folder (it would overwrite the history); "
                    "choose a file outside it."
                ).replace("%1", str(outcome.path))
            )
            return False
        if outcome.error is not None:
            self.show_error(self.tr("Not printed: %1").replace("%1", outcome.error))
            return False
        self.show_notice(
            self.tr("Printed the drill (seed %1) with its answer key to %2")
            .replace("%1", str(self._drill.spec.seed))
            .replace("%2", str(outcome.path))
        )
        return True

    def current_drill(self) -> Drill | None:
        """The drill on screen."""
        return self._drill

    # --- actions ------------------------------------------------------------------------------

    def submit(self) -> None:
        """Submit the typed answers (as Enter or the button do)."""
        self._emit_submit()

    def reveal(self) -> None:
        """ "I don't know": ask for the worked solution (while the drill is not graded)."""
        if self._drill is not None and self.sheet.reveal_button.isEnabled():
            self.reveal_requested.emit()

    def _emit_submit(self) -> None:
        if self._drill is None or not self.sheet.submit_button.isEnabled():
            return
        self.submitted.emit(self.sheet.answers_typed())

    def _emit_seed(self) -> None:
        text = self.seed_edit.text().strip()
        if text.isdigit():
            self.seed_entered.emit(int(text))
        else:
            self.show_error(
                self.tr("A seed is a whole number from 0 to %1.").replace("%1", str(LARGEST_SEED))
            )

    def previous_stage(self) -> None:
        """Step the diagram back (Left arrow)."""
        if self.diagram_panel is not None:
            self.diagram_panel.previous_stage()

    def next_stage(self) -> None:
        """Step the diagram forward (Right arrow)."""
        if self.diagram_panel is not None:
            self.diagram_panel.next_stage()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The sheet gets three fifths of the width at first; after that the learner's choice stays.
        if self.diagram_panel is not None and not self._sizes_set and self.splitter.width() > 0:
            total = self.splitter.width()
            self.splitter.setSizes([total * 3 // 5, total - total * 3 // 5])
            self._sizes_set = True

    def emphasise_diagram(self) -> None:
        """Give the diagram the width the sheet can spare (the "diagram" screenshot): the sheet keeps
        what its widest row needs, so nothing on it is clipped or scrolls sideways."""
        if self.diagram_panel is not None:
            self._sizes_set = True
            total = max(self.splitter.width(), 1000)
            column = self.scroll_area.widget()
            needed = column.sizeHint().width() if column is not None else total // 2
            needed += self.scroll_area.verticalScrollBar().sizeHint().width() + 4
            sheet = min(max(needed, total * 2 // 5), total * 3 // 5)
            self.splitter.setSizes([sheet, total - sheet])

    # --- language -----------------------------------------------------------------------------

    def _update_title(self) -> None:
        cell, convention = self._cell_convention
        if not cell:
            self.title.setText(self.tr("Drill"))
            return
        title = names.cell_name(cell)
        if convention and convention != "standard":
            title += " · " + names.convention_name(convention, cell)
        self.title.setText(title)

    def set_content_language(self, lang: str) -> None:
        """The language of the drill's content: the diagram's captions and stage names follow it."""
        self._content_language = lang
        if self.diagram_panel is None:
            return
        set_language = getattr(self.diagram_panel.diagram, "set_language", None)
        if set_language is not None:
            set_language(lang)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_seed_width()
        super().changeEvent(event)

    def _fit_seed_width(self) -> None:
        """The seed field holds the largest seed and a digit more at the current font size."""
        digits = "9" * (len(str(LARGEST_SEED)) + 1)
        metrics = self.seed_edit.fontMetrics()
        width = metrics.horizontalAdvance(digits) + 2 * metrics.averageCharWidth() + 16
        self.seed_edit.setFixedWidth(max(90, width))

    def retranslate(self) -> None:
        """Interface texts."""
        self._update_title()
        self.seed_label.setText(self.tr("&Seed"))
        self.seed_edit.setAccessibleName(self.tr("Seed"))
        self.seed_edit.setToolTip(self.tr("Type a seed and press Enter to replay that drill"))
        self.replay_button.setText(self.tr("Replay"))
        self.another_button.setText(self.tr("Another like this  (Ctrl+N)"))
        self.another_button.setAccessibleName(self.tr("Another like this"))
        self.print_button.setText(self.tr("Print"))  # no "…": it read as a label cut off
        self.print_button.setToolTip(
            self.tr("Save this drill as a PDF to work on paper, with the answer key on a new page")
        )
        self.sheet.retranslate()
        self.feedback.retranslate()
        if self.diagram_panel is not None:
            self.diagram_panel.retranslate()
