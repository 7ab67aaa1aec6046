"""The home screen: choose gate drills or interview questions and start.

Two cards (drills, questions) and a list of further entries that other parts of the app register
with ``add_entry`` (the study-session screens). The screen only emits what the learner chose, and
keeps every choice in the settings as soon as it is made (``quizapp.gui.home_choices``), so the next
start shows the same choices.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from questions.topics import TOPICS
from questions.vocab import QUESTION_TYPES, Lang
from quizapp.drills.quantities import DRILL_CELLS
from quizapp.gui import names
from quizapp.gui.app_state import AppState
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.home_choices import ALL_QUANTITIES, HomeChoices, offered_quantities
from quizapp.gui.home_entry import HomeEntry
from quizapp.gui.question_deck import QuestionFilter, select
from quizapp.gui.theme import set_role
from quizapp.gui.widgets.paper import Paper
from quizapp.gui.widgets.rich_items import RICH_ROLE, RichItemDelegate
from quizapp.richtext import to_unicode
from quizapp.settings import DRILL_DIFFICULTIES, QUESTION_DIFFICULTIES, Settings

if TYPE_CHECKING:
    from questions.schema import Question


SIDE_MARGIN = 28


def _checkable_list(accessible_name: str) -> QListWidget:
    """A list of ticks whose long entries wrap onto a second line instead of being cut off (a
    narrow card at a large font)."""
    widget = QListWidget()
    widget.setAccessibleName(accessible_name)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setAlternatingRowColors(False)
    widget.setWordWrap(True)
    widget.setTextElideMode(Qt.TextElideMode.ElideNone)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setResizeMode(QListWidget.ResizeMode.Adjust)
    return widget


def _fit_width(widget: QListWidget, share: float) -> None:
    """At least ``share`` of the widest entry's width (plus tick, scroll bar and frame): 1.0 keeps
    every entry on one line, less lets long entries wrap onto a second one."""
    metrics = widget.fontMetrics()
    widest = max(
        (metrics.horizontalAdvance(widget.item(row).text()) for row in range(widget.count())),
        default=0,
    )
    style = widget.style()
    extra = (
        style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        + widget.verticalScrollBar().sizeHint().width()
        + 2 * widget.frameWidth()
        + 2 * metrics.averageCharWidth()
    )
    widget.setMinimumWidth(round(widest * share) + extra)


def _checked_keys(widget: QListWidget) -> tuple[str, ...]:
    keys: list[str] = []
    for row in range(widget.count()):
        item = widget.item(row)
        if item.checkState() == Qt.CheckState.Checked:
            keys.append(str(item.data(Qt.ItemDataRole.UserRole)))
    return tuple(keys)


def _fill(widget: QListWidget, entries: Sequence[tuple[str, str]], checked: Sequence[str]) -> None:
    widget.blockSignals(True)
    widget.clear()
    for key, text in entries:
        shown = to_unicode(text)  # plain-text form for tooltips, width and accessibility
        item = QListWidgetItem(shown)
        item.setToolTip(shown)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(RICH_ROLE, text)  # drawn as rich text where the list has a RichItemDelegate
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.blockSignals(False)


def _card() -> tuple[QFrame, QVBoxLayout]:
    frame = Paper(kind="card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(20, 18, 20, 18)
    layout.setSpacing(10)
    return frame, layout


class HomeView(QWidget):
    """Emits ``drills_requested(DrillPlan)`` or ``questions_requested(QuestionFilter)``."""

    drills_requested = Signal(object)
    continue_requested = Signal()  # back to the unfinished drill
    questions_requested = Signal(object)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._questions: tuple[Question, ...] = ()
        self._entries: list[tuple[HomeEntry, QPushButton, QLabel]] = []
        # True while this screen writes its choices to the settings or follows a change of them:
        # the change it announces is then not applied back to the widgets.
        self._syncing = False
        self._build()
        self.retranslate()
        state.settings_changed.connect(self._on_settings_changed)

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        set_role(self.heading, "heading")
        self.intro = QLabel()
        set_role(self.intro, "muted")
        self.intro.setWordWrap(True)
        self.practice_note = QLabel()
        set_role(self.practice_note, "muted")
        self.practice_note.setWordWrap(True)

        drill_card, drill_layout = _card()
        self.drill_title = QLabel()
        set_role(self.drill_title, "subheading")
        self.drill_text = QLabel()
        self.drill_text.setWordWrap(True)
        set_role(self.drill_text, "muted")
        self.cell_list = _checkable_list("cells")
        self.cell_list.setMinimumHeight(120)
        self.quantity_list = _checkable_list("quantities")
        self._quantity_delegate = RichItemDelegate(self.quantity_list)
        self.quantity_list.setItemDelegate(self._quantity_delegate)
        self.quantity_list.setMinimumHeight(120)
        self.difficulty_box = QComboBox()
        self.convention_box = QComboBox()
        for box in (self.difficulty_box, self.convention_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.start_drills = QPushButton()
        set_role(self.start_drills, "primary")
        # Shown while a drill was left with typed, ungraded answers (nothing typed is lost).
        self.continue_drill = QPushButton()
        self.continue_drill.hide()
        self.cells_label = QLabel()
        self.quantities_label = QLabel()
        lists = QGridLayout()
        lists.addWidget(self.cells_label, 0, 0)
        lists.addWidget(self.quantities_label, 0, 1)
        lists.addWidget(self.cell_list, 1, 0)
        lists.addWidget(self.quantity_list, 1, 1)
        self.cells_label.setBuddy(self.cell_list)
        self.quantities_label.setBuddy(self.quantity_list)
        for label in (self.cells_label, self.quantities_label):
            label.setWordWrap(True)
        drill_form = QFormLayout()
        # A label above its box when both do not fit side by side: no box text is cut off.
        drill_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.difficulty_label = QLabel()
        self.difficulty_label.setBuddy(self.difficulty_box)
        self.convention_label = QLabel()
        self.convention_label.setBuddy(self.convention_box)
        drill_form.addRow(self.difficulty_label, self.difficulty_box)
        drill_form.addRow(self.convention_label, self.convention_box)
        self._drill_form = drill_form
        drill_layout.addWidget(self.drill_title)
        drill_layout.addWidget(self.drill_text)
        drill_layout.addLayout(lists, 1)
        drill_layout.addLayout(drill_form)
        drill_buttons = QHBoxLayout()
        drill_buttons.addStretch(1)
        drill_buttons.addWidget(self.continue_drill)
        drill_buttons.addWidget(self.start_drills)
        drill_layout.addLayout(drill_buttons)

        question_card, question_layout = _card()
        self.question_title = QLabel()
        set_role(self.question_title, "subheading")
        self.question_text = QLabel()
        self.question_text.setWordWrap(True)
        set_role(self.question_text, "muted")
        self.topic_list = _checkable_list("topics")
        self.topic_list.setMinimumHeight(120)
        self.type_list = _checkable_list("question types")
        self.type_list.setMinimumHeight(120)
        self.question_difficulty_box = QComboBox()
        self.topics_label = QLabel()
        self.types_label = QLabel()
        self.topics_label.setBuddy(self.topic_list)
        self.types_label.setBuddy(self.type_list)
        for label in (self.topics_label, self.types_label):
            label.setWordWrap(True)  # "Topics (none ticked: all)" may take two lines
        question_lists = QGridLayout()
        question_lists.addWidget(self.topics_label, 0, 0)
        question_lists.addWidget(self.types_label, 0, 1)
        question_lists.addWidget(self.topic_list, 1, 0)
        question_lists.addWidget(self.type_list, 1, 1)
        question_lists.setColumnStretch(0, 3)
        question_lists.setColumnStretch(1, 2)
        question_form = QFormLayout()
        self.question_difficulty_label = QLabel()
        self.question_difficulty_label.setBuddy(self.question_difficulty_box)
        question_form.addRow(self.question_difficulty_label, self.question_difficulty_box)
        self.match_count = QLabel()
        set_role(self.match_count, "muted")
        self.start_questions = QPushButton()
        set_role(self.start_questions, "primary")
        start_row = QHBoxLayout()
        start_row.addWidget(self.match_count, 1)
        start_row.addWidget(self.start_questions)
        question_layout.addWidget(self.question_title)
        question_layout.addWidget(self.question_text)
        question_layout.addLayout(question_lists, 1)
        question_layout.addLayout(question_form)
        question_layout.addLayout(start_row)

        self.more_title = QLabel()
        set_role(self.more_title, "subheading")
        self.more_box = QVBoxLayout()
        self.more_title.hide()

        cards = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        cards.setSpacing(16)
        cards.addWidget(drill_card, 1)
        cards.addWidget(question_card, 1)
        self._cards = cards
        self._card_widgets = (drill_card, question_card)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(SIDE_MARGIN, 22, SIDE_MARGIN, 22)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.practice_note)
        layout.addLayout(cards, 1)
        layout.addWidget(self.more_title)
        layout.addLayout(self.more_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        # The lists are filled by ``retranslate`` (called once the screen is built).
        self.cell_list.itemChanged.connect(self._on_cells_changed)
        self.quantity_list.itemChanged.connect(self._remember)
        self.difficulty_box.currentIndexChanged.connect(self._remember)
        self.convention_box.currentIndexChanged.connect(self._on_convention_changed)
        for widget in (self.topic_list, self.type_list):
            widget.itemChanged.connect(self._on_filter_changed)
        self.question_difficulty_box.currentIndexChanged.connect(self._on_filter_changed)
        self.start_drills.clicked.connect(self._emit_drills)
        self.continue_drill.clicked.connect(self.continue_requested)
        self.start_questions.clicked.connect(self._emit_questions)
        self.setTabOrder(self.cell_list, self.quantity_list)
        self.setTabOrder(self.quantity_list, self.difficulty_box)
        self.setTabOrder(self.difficulty_box, self.convention_box)
        self.setTabOrder(self.convention_box, self.continue_drill)
        self.setTabOrder(self.continue_drill, self.start_drills)
        self.setTabOrder(self.start_drills, self.topic_list)
        self.setTabOrder(self.topic_list, self.type_list)
        self.setTabOrder(self.type_list, self.question_difficulty_box)
        self.setTabOrder(self.question_difficulty_box, self.start_questions)

    def _fill_quantities(self, checked: Sequence[str]) -> None:
        lang = self._content_language()
        plan = self._plan_for(self._chosen_cells(), ())
        entries: list[tuple[str, str]] = [(ALL_QUANTITIES, self.tr("All outputs of the cell"))]
        offered = offered_quantities(plan.cells, plan.gru_convention, two_biases=plan.two_biases)
        for info in offered:
            # Drawn with real subscripts by the list's RichItemDelegate (a_f, h̃ₜ, Uₙ hₜ₋₁).
            entries.append((info.key, f"{info.key}: {info.label_text.get(lang)}"))
        _fill(self.quantity_list, entries, checked)
        # The GRU convention matters only when GRU is among the chosen cells.
        self._drill_form.setRowVisible(self.convention_box, "gru" in self._chosen_cells())

    def set_questions(self, questions: Sequence[Question]) -> None:
        """The bank the question card filters (loaded by the main window)."""
        self._questions = tuple(questions)
        self._update_match_count()

    def add_entry(self, entry: HomeEntry) -> QPushButton:
        """Offer another screen on the home screen; returns its button."""
        button = QPushButton()
        button.setObjectName(f"entry-{entry.key}")
        button.clicked.connect(entry.activate)
        description = QLabel()
        description.setWordWrap(True)
        set_role(description, "muted")
        row = QHBoxLayout()
        row.setSpacing(14)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(description, 1)
        self.more_box.addLayout(row)
        self.more_title.show()
        self._entries.append((entry, button, description))
        self._retranslate_entries()  # not all of retranslate: it refills every list
        return button

    # --- state --------------------------------------------------------------------------------

    def _content_language(self) -> Lang:
        return "zh" if self._state.settings.content_language == "zh" else "en"

    def _chosen_cells(self) -> tuple[str, ...]:
        return _checked_keys(self.cell_list)

    def _plan_for(self, cells: tuple[str, ...], quantities: tuple[str, ...]) -> DrillPlan:
        settings = self._state.settings
        difficulty = str(self.difficulty_box.currentData() or settings.difficulty)
        convention = str(self.convention_box.currentData() or settings.gru_convention)
        return DrillPlan(
            cells=cells,
            quantities=quantities,
            difficulty=difficulty,
            gru_convention=convention,
            two_biases=settings.bias_convention == "two",
            conventions=settings.cell_conventions(),
        )

    def current_plan(self) -> DrillPlan:
        """The drills chosen now."""
        return self._plan_for(self._chosen_cells(), _checked_keys(self.quantity_list))

    def current_filter(self) -> QuestionFilter:
        """The questions chosen now."""
        return QuestionFilter(
            topics=_checked_keys(self.topic_list),
            types=_checked_keys(self.type_list),
            difficulty=str(self.question_difficulty_box.currentData() or "any"),
        )

    def current_choices(self) -> HomeChoices:
        """Every choice on the screen now."""
        return HomeChoices.chosen(self.current_plan(), self.current_filter())

    def _remember(self) -> None:
        """Keep the choices on screen in the settings (saved at once: a crash loses nothing)."""
        if self._syncing:
            return
        self._syncing = True
        try:
            self._state.update(**self.current_choices().settings_changes())
        finally:
            self._syncing = False

    def _on_cells_changed(self) -> None:
        self._fill_quantities(_checked_keys(self.quantity_list))
        self.start_drills.setEnabled(bool(self._chosen_cells()))
        self._remember()

    def _on_convention_changed(self) -> None:
        self._fill_quantities(_checked_keys(self.quantity_list))  # GRU's keys follow it
        self._remember()

    def _on_filter_changed(self) -> None:
        self._update_match_count()
        self._remember()

    def _update_match_count(self) -> None:
        count = len(select(self._questions, self.current_filter()))
        self.match_count.setText(self.tr("Matching questions: %n", "", count))
        self.start_questions.setEnabled(count > 0)

    def _emit_drills(self) -> None:
        plan = self.current_plan()
        if not plan.cells:
            return
        self._remember()
        self.drills_requested.emit(plan)

    def _emit_questions(self) -> None:
        self._remember()
        self.questions_requested.emit(self.current_filter())

    def _update_practice_note(self, settings: Settings) -> None:
        self.practice_note.setText(
            self.tr(
                "Every answer you give here is saved to your history: it counts in the "
                "statistics and comes back for review (Settings turns this off)."
            )
            if settings.record_practice
            else self.tr("Practice is not saved to your history (turned off in Settings).")
        )

    def _on_settings_changed(self, settings: Settings) -> None:
        self._update_practice_note(settings)
        if self._syncing:
            return  # this screen's own choices, already on screen
        # Changed elsewhere (the settings screen shares the difficulty and the convention):
        # follow without writing back a half-updated screen.
        self._syncing = True
        try:
            self._select_data(self.difficulty_box, settings.difficulty)
            self._select_data(self.convention_box, settings.gru_convention)
            self.retranslate()
        finally:
            self._syncing = False

    @staticmethod
    def _select_data(box: QComboBox, value: str) -> None:
        index = box.findData(value)
        if index >= 0 and index != box.currentIndex():
            box.setCurrentIndex(index)

    # --- language -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._retranslate_entries()  # the "More" buttons' common width follows the font
            self._fit_lists()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_cards(event.size().width())

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # the cards' minimum sizes may have changed
            self._arrange_cards(self.width())
        return handled

    def _arrange_cards(self, width: int) -> None:
        """Side by side while both cards fit at their minimum width, else one under the other
        (a narrow window at a large font size)."""
        needed = sum(card.minimumSizeHint().width() for card in self._card_widgets)
        # The page's side margins and room for a vertical scroll bar.
        fits = needed + self._cards.spacing() + 2 * SIDE_MARGIN + 20 <= width
        direction = QBoxLayout.Direction.LeftToRight if fits else QBoxLayout.Direction.TopToBottom
        if self._cards.direction() != direction:
            self._cards.setDirection(direction)

    def retranslate(self) -> None:
        """Set every text in the interface language (and content texts in the content language)."""
        settings = self._state.settings
        lang = self._content_language()
        self.heading.setText(self.tr("What would you like to practise?"))
        self.intro.setText(
            self.tr(
                "Work a gate computation by hand on a clean sheet, or answer interview questions "
                "with feedback. Choose below and start."
            )
        )
        self._update_practice_note(settings)
        self.drill_title.setText(self.tr("Gate drills"))
        self.drill_text.setText(
            self.tr("One step of a cell with small numbers: compute the asked quantities.")
        )
        self.cells_label.setText(self.tr("&Cells"))
        self.quantities_label.setText(self.tr("&Quantities"))
        self.cell_list.setAccessibleName(self.tr("Cells"))
        self.quantity_list.setAccessibleName(self.tr("Quantities"))
        self.difficulty_label.setText(self.tr("&Difficulty"))
        self.convention_label.setText(self.tr("GRU con&vention"))
        self.start_drills.setText(self.tr("Start drills"))
        self.continue_drill.setText(self.tr("Back to your drill"))
        self.start_drills.setAccessibleName(self.tr("Start drills"))
        self.question_title.setText(self.tr("Interview questions"))
        self.question_text.setText(
            self.tr("Questions from the bank, with the model answer and an explanation.")
        )
        self.topics_label.setText(self.tr("&Topics (none ticked: all)"))
        self.types_label.setText(self.tr("T&ypes (none ticked: all)"))
        self.topic_list.setAccessibleName(self.tr("Topics"))
        self.type_list.setAccessibleName(self.tr("Question types"))
        self.question_difficulty_label.setText(self.tr("Di&fficulty"))
        self.start_questions.setText(self.tr("Start questions"))
        self.start_questions.setAccessibleName(self.tr("Start questions"))
        self.more_title.setText(self.tr("More"))

        cells_checked = self._chosen_cells() or settings.drill_cells
        _fill(self.cell_list, [(c, names.cell_name(c)) for c in DRILL_CELLS], cells_checked)
        self.start_drills.setEnabled(bool(self._chosen_cells()))
        quantities_checked = _checked_keys(self.quantity_list) or settings.drill_quantities
        self._fill_quantities(quantities_checked)
        self._fill_box(
            self.difficulty_box,
            [(d, names.drill_difficulty_name(d)) for d in DRILL_DIFFICULTIES],
            str(self.difficulty_box.currentData() or settings.difficulty),
        )
        self.difficulty_box.setAccessibleName(self.tr("Drill difficulty"))
        self._fill_box(
            self.convention_box,
            [(c, names.convention_name(c)) for c in ("pytorch", "d2l", "colah")],
            str(self.convention_box.currentData() or settings.gru_convention),
        )
        self.convention_box.setAccessibleName(self.tr("GRU convention"))
        topics_checked = _checked_keys(self.topic_list) or settings.question_topics
        _fill(
            self.topic_list,
            [(t.id, f"{t.title.get(lang)}") for t in TOPICS],
            topics_checked,
        )
        types_checked = _checked_keys(self.type_list) or settings.question_types
        _fill(
            self.type_list,
            [(t, names.question_type_name(t)) for t in QUESTION_TYPES],
            types_checked,
        )
        self._fill_box(
            self.question_difficulty_box,
            [(d, names.question_difficulty_name(d)) for d in QUESTION_DIFFICULTIES],
            str(self.question_difficulty_box.currentData() or settings.question_difficulty),
        )
        self.question_difficulty_box.setAccessibleName(self.tr("Question difficulty"))
        self._retranslate_entries()
        self._update_match_count()
        self._fit_lists()

    def _fit_lists(self) -> None:
        """Cell names and question types whole on one line (the cards go one under the other when
        both do not fit side by side); long quantities and topic titles may wrap."""
        for widget, share in (
            (self.cell_list, 1.0),
            (self.quantity_list, 0.5),
            (self.topic_list, 0.3),
            (self.type_list, 1.0),
        ):
            _fit_width(widget, share)
        # A box is never narrower than its longest choice (the form puts it under its label).
        for box in (self.difficulty_box, self.convention_box):
            box.setMinimumWidth(0)
            box.setMinimumWidth(box.sizeHint().width())
        self._arrange_cards(self.width())

    def _retranslate_entries(self) -> None:
        """Titles on the buttons (all as wide as the widest), descriptions beside them."""
        for entry, button, description in self._entries:
            button.setText(entry.title())
            button.setAccessibleName(entry.title())
            button.setAccessibleDescription(entry.description())
            button.setMinimumWidth(0)
            description.setText(entry.description())
        width = max((button.sizeHint().width() for _, button, _ in self._entries), default=0)
        for _, button, _ in self._entries:
            button.setMinimumWidth(width)

    @staticmethod
    def _fill_box(box: QComboBox, entries: Sequence[tuple[str, str]], current: str) -> None:
        box.blockSignals(True)
        box.clear()
        for key, text in entries:
            box.addItem(text, key)
        index = box.findData(current)
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)
