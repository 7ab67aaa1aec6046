"""The settings screen: languages, conventions, difficulty, tolerance, theme, font size, reviews.

Every change applies at once and is saved (through ``AppState.update``); there is no Apply button.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from quizapp.gui import names
from quizapp.gui.app_state import AppState
from quizapp.gui.theme import set_role
from quizapp.gui.widgets.paper import Paper
from quizapp.richtext import to_unicode
from quizapp.settings import (
    BIAS_CONVENTIONS,
    DRILL_DIFFICULTIES,
    FONT_SIZES,
    GRU_CONVENTIONS,
    LANGUAGES,
    MODERN_CONVENTIONS,
    RETENTION_RANGE,
    THEMES,
    Settings,
)


class SettingsView(QWidget):
    """A form whose every control writes one setting."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._filling = False
        self.heading = QLabel()
        set_role(self.heading, "heading")
        self.note = QLabel()
        set_role(self.note, "muted")
        self.note.setWordWrap(True)
        self.interface_language = QComboBox()
        self.content_language = QComboBox()
        self.theme = QComboBox()
        self.font_size = QComboBox()
        self.gru_convention = QComboBox()
        # one box per modern cell whose convention is a setting (``<cell>_convention``)
        self.cell_conventions = {cell: QComboBox() for cell in MODERN_CONVENTIONS}
        self.bias_convention = QComboBox()
        self.difficulty = QComboBox()
        self.tolerance_absolute = QDoubleSpinBox()
        self.tolerance_absolute.setDecimals(4)
        self.tolerance_absolute.setRange(0.0, 1.0)
        self.tolerance_absolute.setSingleStep(0.001)
        self.tolerance_relative = QDoubleSpinBox()
        self.tolerance_relative.setDecimals(3)
        self.tolerance_relative.setRange(0.0, 1.0)
        self.tolerance_relative.setSingleStep(0.005)
        self.desired_retention = QDoubleSpinBox()
        self.desired_retention.setDecimals(2)
        self.desired_retention.setRange(*RETENTION_RANGE)
        self.desired_retention.setSingleStep(0.01)
        self.show_streak = QCheckBox()
        self.record_practice = QCheckBox()
        self.labels: dict[str, QLabel] = {}

        card = Paper(kind="card")
        form = QFormLayout(card)
        form.setContentsMargins(24, 20, 24, 20)
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(18)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        # A narrow window at a large font size puts a field under its label, not past the edge.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._rows: list[tuple[str, QWidget]] = [
            ("interface_language", self.interface_language),
            ("content_language", self.content_language),
            ("theme", self.theme),
            ("font_size", self.font_size),
            ("gru_convention", self.gru_convention),
            *((f"{cell}_convention", box) for cell, box in self.cell_conventions.items()),
            ("bias_convention", self.bias_convention),
            ("difficulty", self.difficulty),
            ("tolerance_absolute", self.tolerance_absolute),
            ("tolerance_relative", self.tolerance_relative),
            ("desired_retention", self.desired_retention),
            ("show_streak", self.show_streak),
            ("record_practice", self.record_practice),
        ]
        for key, widget in self._rows:
            label = QLabel()
            label.setBuddy(widget)
            self.labels[key] = label
            form.addRow(label, widget)
            widget.setMinimumWidth(280)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        for key, widget in self._rows:
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda _=0, key=key: self._write(key))
            elif isinstance(widget, QDoubleSpinBox):
                widget.valueChanged.connect(lambda _=0.0, key=key: self._write(key))
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(lambda _=False, key=key: self._write(key))
        state.settings_changed.connect(self._fill)
        self.retranslate()

    def _write(self, key: str) -> None:
        if self._filling:
            return
        widget = dict(self._rows)[key]
        value: object
        if isinstance(widget, QComboBox):
            value = widget.currentData()
        elif isinstance(widget, QDoubleSpinBox):
            value = round(float(widget.value()), widget.decimals())
        elif isinstance(widget, QCheckBox):
            value = widget.isChecked()
        else:  # pragma: no cover
            return
        self._state.update(**{key: value})

    @staticmethod
    def _fill_box(box: QComboBox, entries: Sequence[tuple[object, str]], current: object) -> None:
        # Rename in place when the entries are the same: this runs inside the combo's own
        # signal when the language changes, and clearing a combo there is not safe.
        if [box.itemData(i) for i in range(box.count())] == [key for key, _ in entries]:
            for index, (_, text) in enumerate(entries):
                box.setItemText(index, text)
        else:
            box.clear()
            for key, text in entries:
                box.addItem(text, key)
        index = max(box.findData(current), 0)
        if box.currentIndex() != index:
            box.setCurrentIndex(index)

    def _fill(self, settings: Settings) -> None:
        self._filling = True
        try:
            self._fill_box(
                self.interface_language,
                [(lang, names.language_name(lang)) for lang in LANGUAGES],
                settings.interface_language,
            )
            self._fill_box(
                self.content_language,
                [(lang, names.language_name(lang)) for lang in LANGUAGES],
                settings.content_language,
            )
            self._fill_box(self.theme, [(t, names.theme_name(t)) for t in THEMES], settings.theme)
            self._fill_box(self.font_size, [(s, f"{s} pt") for s in FONT_SIZES], settings.font_size)
            self._fill_box(
                self.gru_convention,
                [(c, names.convention_name(c)) for c in GRU_CONVENTIONS],
                settings.gru_convention,
            )
            for cell, box in self.cell_conventions.items():
                self._fill_box(
                    box,
                    # A combo item is plain text: notation in Unicode (Wₕ x + bₕ, not W_h x + b_h).
                    [
                        (c, to_unicode(names.convention_name(c, cell)))
                        for c in MODERN_CONVENTIONS[cell]
                    ],
                    getattr(settings, f"{cell}_convention"),
                )
            self._fill_box(
                self.bias_convention,
                [(c, names.bias_convention_name(c)) for c in BIAS_CONVENTIONS],
                settings.bias_convention,
            )
            self._fill_box(
                self.difficulty,
                [(d, names.drill_difficulty_name(d)) for d in DRILL_DIFFICULTIES],
                settings.difficulty,
            )
            self.tolerance_absolute.setValue(settings.tolerance_absolute)
            self.tolerance_relative.setValue(settings.tolerance_relative)
            self.desired_retention.setValue(settings.desired_retention)
            self.show_streak.setChecked(settings.show_streak)
            self.record_practice.setChecked(settings.record_practice)
        finally:
            self._filling = False
        self._equal_widths()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._equal_widths()
        super().changeEvent(event)

    def _equal_widths(self) -> None:
        """Every box of the form as wide as the widest one needs (the drill difficulty's long
        "Whiteboard (…)" no longer makes that one box stick out)."""
        boxes = [w for _, w in self._rows if isinstance(w, (QComboBox, QDoubleSpinBox))]
        for box in boxes:
            box.setMinimumWidth(0)
            if isinstance(box, QComboBox):  # a size hint from the texts, not from the first show
                box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Plus two character widths: the hint measures with the main font, and CJK text drawn in
        # a fallback font came out wider, up against the arrow.
        room = 2 * self.fontMetrics().averageCharWidth()
        width = max([280, *(box.sizeHint().width() + room for box in boxes)])
        for box in boxes:
            box.setMinimumWidth(width)

    def retranslate(self) -> None:
        """Interface texts."""
        self.heading.setText(self.tr("Settings"))
        self.note.setText(self.tr("Changes apply at once and are kept for the next start."))
        texts = {
            "interface_language": self.tr("&Interface language"),
            "content_language": self.tr("&Content language (questions, drills)"),
            "theme": self.tr("&Theme"),
            "font_size": self.tr("&Font size"),
            "gru_convention": self.tr("&GRU convention"),
            "mingru_convention": self.tr("minGRU convention"),
            "minlstm_convention": self.tr("minLSTM convention"),
            "slstm_convention": self.tr("sLSTM convention"),
            "mlstm_convention": self.tr("mLSTM convention"),
            "ssm_convention": self.tr("Selective SSM convention"),
            "bias_convention": self.tr("&Biases"),
            "difficulty": self.tr("&Drill difficulty"),
            "tolerance_absolute": self.tr("Tolerance, &absolute"),
            "tolerance_relative": self.tr("Tolerance, &relative"),
            "desired_retention": self.tr("Desired rete&ntion (reviews)"),
            "show_streak": self.tr("&Streak on the statistics page"),
            "record_practice": self.tr("&History of free practice"),
        }
        for key, widget in self._rows:
            self.labels[key].setText(texts[key])
            widget.setAccessibleName(texts[key].replace("&", ""))
        self.desired_retention.setToolTip(
            self.tr(
                "How likely you should still remember an item when it comes due. Higher means "
                "more frequent reviews."
            )
        )
        # Short, so that the row fits a narrow window at a large font; the long form as tooltip.
        self.show_streak.setText(self.tr("Show my streak"))
        self.show_streak.setToolTip(self.tr("Show how many days in a row I studied"))
        self.record_practice.setText(self.tr("Save my practice"))
        self.record_practice.setToolTip(
            self.tr(
                "Keep every drill and question answered outside a study mode in the history, "
                "its statistics and its reviews"
            )
        )
        self._fill(self._state.settings)
