"""The drill's sheet of paper: the problem, the cell's equations, the given numbers, the answers.

The sheet lays out what a ``Drill`` holds and collects the typed answers; it grades nothing. Names
of given quantities use the seed tutorial's notation (x_t, h_{t-1}, C_{t-1}).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from engine.modern.shapes import MODERN_CELLS, state_shapes
from quizapp.drills.symbolic_drills import meanings_in
from quizapp.gui.theme import set_role
from quizapp.gui.widgets.answer_field import AnswerField
from quizapp.gui.widgets.flow_layout import FlowLayout
from quizapp.gui.widgets.math_label import MathLabel, plain_formula
from quizapp.gui.widgets.matrix_table import MatrixTable, format_cell
from quizapp.gui.widgets.paper import Paper
from quizapp.gui.widgets.rich_text import set_rich_text

if TYPE_CHECKING:
    from quizapp.drills import Drill, QuantityInfo
    from quizapp.formulas import Equation

# Given vectors in the tutorial's notation.
INPUT_LATEX = {
    "x": "x_t",
    "h": "h_{t-1}",
    "c": "C_{t-1}",
    "c_low": "C^{low}_t",
    "dh": r"\delta h_t",
    "dc": r"\delta C_t",
}
# The modern cells' previous state (the drills' notation: the sLSTM's c is lower case).
MODERN_INPUT_LATEX = {
    "h": "h_{t-1}",
    "c": "c_{t-1}",
    "C": "C_{t-1}",
    "n": "n_{t-1}",
    "m": "m_{t-1}",
    "S": "S_{t-1}",
    "z": "z_{t-1}",
}


def input_latex(cell: str, name: str) -> str:
    """How a given input is named: ``x_t``, ``h_{t-1}``; the mLSTM's ``C_{t-1}``, ``m_{t-1}``."""
    if cell in MODERN_CELLS:
        return MODERN_INPUT_LATEX.get(name, INPUT_LATEX.get(name, name))
    return INPUT_LATEX.get(name, name)


def input_value(drill: Drill, name: str) -> object:
    """A given input as the sheet shows it: a matrix state of a modern cell (mLSTM's C, linear
    attention's S, the SSM's d × N state h) as its matrix, anything else as it is."""
    value = drill.inputs[name]
    if drill.spec.cell in MODERN_CELLS:
        shape = state_shapes(drill.spec.cell, drill.d, drill.n).get(name, ())
        if len(shape) == 2 and shape[0] * shape[1] == len(value):
            return np.reshape(np.asarray(value, dtype=np.float64), shape)
    return value


def parameter_latex(name: str) -> str:
    """``W_f`` -> ``W_{f}``; ``bh_f`` -> ``b^{h}_{f}`` (PyTorch's hidden-side bias); the SSM's
    ``W_delta`` -> ``W_{Δ}`` (as LaTeX)."""
    base, _, gate = name.partition("_")
    gate = r"\Delta" if gate == "delta" else gate
    if base == "bh":
        return f"b^{{h}}_{{{gate}}}" if gate else "b^{h}"
    return f"{base}_{{{gate}}}" if gate else base


def parameter_groups(names: Sequence[str]) -> list[list[str]]:
    """Parameters grouped by gate (the part after ``_``), groups in order of first appearance."""
    groups: dict[str, list[str]] = {}
    for name in names:
        _, _, gate = name.partition("_")
        groups.setdefault(gate, []).append(name)
    return list(groups.values())


def shown_parameters(params: Mapping[str, object], two_biases: bool) -> list[str]:
    """The parameter names to show: PyTorch's second bias only when it is drawn (non-zero)."""
    names = []
    for name, values in params.items():
        is_second_bias = name == "bh" or name.startswith("bh_")
        if is_second_bias and not two_biases and not np.any(np.asarray(values)):
            continue
        names.append(name)
    return names


def _section_title(text: str = "") -> QLabel:
    label = QLabel(text)
    set_role(label, "subheading")
    return label


def _named_table(latex_name: str, table: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    layout.addWidget(MathLabel(latex_name + " ="), 0, Qt.AlignmentFlag.AlignVCenter)
    layout.addWidget(table, 0, Qt.AlignmentFlag.AlignVCenter)
    box.setAccessibleName(plain_formula(latex_name))
    return box


def _group(widgets: Sequence[QWidget]) -> QWidget:
    """One gate's parameters on a line, wrapping when the sheet is narrow."""
    box = QWidget()
    layout = FlowLayout(box, spacing=18)
    layout.setContentsMargins(0, 0, 12, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return box


def _rows_of(values: object) -> list[list[float]]:
    """A vector as one column, a matrix as its rows, a number as a 1×1 table."""
    array = np.asarray(values, dtype=np.float64)
    if array.ndim == 0:
        return [[float(array)]]
    if array.ndim == 1:
        return [[float(v)] for v in array]
    return [[float(v) for v in row] for row in array]


def _clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        child = item.layout()
        if child is not None:
            _clear(child)


def keep_in_view(widget: QWidget) -> None:
    """Scroll the enclosing scroll area, if any, just enough to show ``widget`` (typing into an
    answer field below the fold brings it up; a visible one stays where it is)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget, 50, 80)


def shown_parts(drill: Drill) -> tuple[dict[str, QuantityInfo], tuple[Equation, ...]]:
    """The quantity names and the equations shown with ``drill``, written for its biases (one
    bias: no hidden-side bh_n anywhere); no equations for a drill without a forward record."""
    from quizapp.drills import quantities_for
    from quizapp.formulas import equations

    spec = drill.spec
    infos = {
        info.key: info
        for info in quantities_for(spec.cell, spec.convention, two_biases=spec.two_biases)
    }
    shown = (
        tuple(equations(spec.cell, spec.convention, two_biases=spec.two_biases))
        if drill.record is not None
        else ()
    )
    return infos, shown


class DrillSheet(Paper):
    """The problem and the answer fields; ``submit_requested`` fires on Enter or the button."""

    submit_requested = Signal()
    reveal_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, AnswerField] = {}
        self._tables: dict[str, MatrixTable] = {}
        self._layout_key: object = None
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.convention = QLabel()
        self.convention.setWordWrap(True)
        set_role(self.convention, "muted")
        self.equations_title = _section_title()
        self.equations = QVBoxLayout()
        self.equations.setSpacing(6)
        self.given_title = _section_title()
        self.params_title = _section_title()
        self.inputs_row = FlowLayout(spacing=22)
        self.params_grid = FlowLayout(spacing=18)
        self.extra_text = QLabel()
        self.extra_text.setWordWrap(True)
        self.extra_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lookup_title = _section_title()
        self.lookup_grid = FlowLayout(spacing=24)  # equal widths: columns that wrap
        self.answers_title = _section_title()
        self.answers = QVBoxLayout()
        self.submit_button = QPushButton()
        set_role(self.submit_button, "primary")
        self.submit_button.clicked.connect(self.submit_requested)
        self.reveal_button = QPushButton()
        self.reveal_button.clicked.connect(self.reveal_requested)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(10)
        layout.addWidget(self.prompt)
        layout.addWidget(self.convention)
        cell_column = QWidget()
        cell_layout = QVBoxLayout(cell_column)
        cell_layout.setContentsMargins(0, 0, 0, 0)
        cell_layout.addWidget(self.equations_title)
        cell_layout.addLayout(self.equations)
        given_column = QWidget()
        given_layout = QVBoxLayout(given_column)
        given_layout.setContentsMargins(0, 0, 0, 0)
        given_layout.addWidget(self.given_title)
        given_layout.addWidget(self.extra_text)
        given_layout.addLayout(self.inputs_row)
        # The cell's equations and what is given side by side, one under the other when narrow.
        top = FlowLayout(spacing=32, squeeze=True)
        top.addWidget(cell_column)
        top.addWidget(given_column)
        layout.addSpacing(6)
        layout.addLayout(top)
        layout.addSpacing(6)
        layout.addWidget(self.params_title)
        layout.addLayout(self.params_grid)
        layout.addWidget(self.lookup_title)
        layout.addLayout(self.lookup_grid)
        layout.addSpacing(6)
        layout.addWidget(self.answers_title)
        layout.addLayout(self.answers)
        # Submit, then "Show the answer"; they wrap onto two lines in a narrow sheet.
        actions = FlowLayout(spacing=12)
        actions.addWidget(self.submit_button)
        actions.addWidget(self.reveal_button)
        layout.addLayout(actions)

    def retranslate(self) -> None:
        """Interface texts of the sheet."""
        self.equations_title.setText(self.tr("The cell"))
        self.given_title.setText(self.tr("Given"))
        self.params_title.setText(self.tr("Parameters"))
        self.lookup_title.setText(self.tr("Values you may use"))
        self.answers_title.setText(self.tr("Your answer"))
        self.submit_button.setText(self.tr("Submit  (Enter)"))
        self.submit_button.setAccessibleName(self.tr("Submit"))
        self.reveal_button.setText(self.tr("Show the answer  (Ctrl+D)"))
        self.reveal_button.setToolTip(
            self.tr("I don't know: show the worked solution (counts as a miss)")
        )
        for field in self.fields.values():
            field.refresh_reading()

    def show_drill(
        self,
        drill: Drill,
        equations: Sequence[Equation],
        infos: Mapping[str, QuantityInfo],
        lang: str,
        describe: Callable[[str, str], tuple[str, bool]],
    ) -> None:
        """Lay out ``drill``; ``describe(key, text)`` gives the "read as" line of a field.

        A drill laid out like the previous one (same equations, names and asked quantities, the
        usual case for "Another like this") only gets new numbers, which keeps the next drill
        quick.
        """
        set_rich_text(self.prompt, drill.prompt.get(lang))  # type: ignore[arg-type]
        set_rich_text(self.convention, drill.convention_text.get(lang))  # type: ignore[arg-type]
        names = shown_parameters(drill.params, drill.spec.two_biases)
        values: dict[str, object] = {}
        values.update({f"input:{k}": input_value(drill, k) for k in drill.inputs})
        values.update({f"given:{k}": v for k, v in drill.given.items()})
        values.update({f"param:{k}": drill.params[k] for k in names})
        key = (
            tuple(e.vector_latex for e in equations),
            tuple(values),
            drill.asked,
        )
        if key == self._layout_key:
            for name, value in values.items():
                self._tables[name].set_rows(_rows_of(value))
            for asked_key, field in self.fields.items():
                field.set_read_only(False)
                field.set_text("")
                field.clear_mark()
                info = infos.get(asked_key)
                field.set_placeholder(
                    self._placeholder(
                        info.kind if info is not None else "vector", _size(drill, asked_key)
                    )
                )
        else:
            self._layout_key = key
            self._lay_out(drill, equations, infos, names, values, describe)
        extra = self._extra_text(drill, lang)  # bank markup: the call and the symbols as code, math
        set_rich_text(self.extra_text, extra)
        self.extra_text.setVisible(bool(extra))
        self.given_title.setVisible(bool(drill.inputs) or bool(extra))
        self.params_title.setVisible(bool(names))
        _clear(self.lookup_grid)
        entries = [QLabel(f"{label} = {format_cell(v, 4)}") for label, v in drill.lookup_table]
        width = max((entry.sizeHint().width() for entry in entries), default=0)
        for entry in entries:
            entry.setMinimumWidth(width)
            self.lookup_grid.addWidget(entry)
        self.lookup_title.setVisible(bool(drill.lookup_table))
        self.submit_button.setEnabled(True)
        self.reveal_button.setEnabled(True)

    def _lay_out(
        self,
        drill: Drill,
        equations: Sequence[Equation],
        infos: Mapping[str, QuantityInfo],
        names: Sequence[str],
        values: Mapping[str, object],
        describe: Callable[[str, str], tuple[str, bool]],
    ) -> None:
        _clear(self.equations)
        for equation in equations:
            self.equations.addWidget(MathLabel(equation.vector_latex, shrink=True))
        self.equations_title.setVisible(bool(equations))
        self._tables = {name: MatrixTable(_rows_of(value)) for name, value in values.items()}
        _clear(self.inputs_row)
        for name in drill.inputs:
            latex = input_latex(drill.spec.cell, name)
            self.inputs_row.addWidget(_named_table(latex, self._tables[f"input:{name}"]))
        for name in drill.given:
            info = infos.get(name)
            latex = info.label_latex if info is not None else name
            self.inputs_row.addWidget(_named_table(latex, self._tables[f"given:{name}"]))
        _clear(self.params_grid)
        for group in parameter_groups(names):
            tables = [
                _named_table(parameter_latex(name), self._tables[f"param:{name}"]) for name in group
            ]
            self.params_grid.addWidget(_group(tables))

        _clear(self.answers)
        self.fields = {}
        for key in drill.asked:
            info = infos.get(key)
            latex = info.label_latex if info is not None else key
            plain = plain_formula(latex)
            field = AnswerField(
                key,
                latex,
                self.tr("Answer %1").replace("%1", plain),
                functools.partial(describe, key),
            )
            kind = info.kind if info is not None else "vector"
            field.set_placeholder(self._placeholder(kind, _size(drill, key)))
            field.submitted.connect(self.submit_requested)
            field.edit.textEdited.connect(lambda _text, shown=field: keep_in_view(shown))
            self.answers.addWidget(field)
            self.fields[key] = field
        self.retranslate()

    def _extra_text(self, drill: Drill, lang: str) -> str:
        """The call, the symbols to type and what they mean, t and periods, in the bank's inline
        markup (``richtext``): code in backticks (``h_prev`` is typed as written), math as math."""
        lines: list[str] = []
        if drill.framework is not None:
            call = drill.framework
            lines.append(f"`{call.call_text()}`")
            lines.append(self.tr("input shape: %1").replace("%1", str(call.input_shape())))
        if drill.formula is not None:
            for symbol, meaning in meanings_in(drill.formula, lang):
                lines.append(f"`{symbol}`: {meaning}")
        t = drill.extra.get("t")
        periods = drill.extra.get("periods")
        if t is not None:
            lines.append(f"t = {t}")
        if periods is not None:
            lines.append(self.tr("periods: %1").replace("%1", str(periods)))
        return "\n".join(lines)

    def _placeholder(self, kind: str, n: int) -> str:
        """The hint in an empty field: ``n`` is how many numbers the answer has."""
        if kind == "scalar":
            return self.tr("a number, e.g. 128")
        if kind == "shape":
            return self.tr("a shape, e.g. (5, 3, 20)")
        if kind == "formula":
            return self.tr("a formula, e.g. f*c + i*g")
        example = ", ".join(["0.12", "−0.5", "0.73", "0.05"][: max(n, 1)]).replace("−", "-")
        return self.tr("%n numbers, e.g. %1", "", n).replace("%1", example)

    def answers_typed(self) -> dict[str, str]:
        """The text of every field."""
        return {key: field.text() for key, field in self.fields.items()}

    def lock(self, locked: bool) -> None:
        """Make the fields read-only after grading."""
        for field in self.fields.values():
            field.set_read_only(locked)
        self.submit_button.setEnabled(not locked)
        self.reveal_button.setEnabled(not locked)

    def first_field(self) -> AnswerField | None:
        """The first answer field (focused when a drill opens)."""
        return next(iter(self.fields.values()), None)


def _size(drill: Drill, key: str) -> int:
    """How many numbers the answer to ``key`` has: one for a scalar (an mLSTM gate, a stabiliser),
    n·n for a matrix memory, n for a state vector (the drill's size when nothing is known)."""
    expected = drill.expected.get(key)
    return len(expected) if expected else drill.n
