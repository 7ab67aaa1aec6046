"""``CellDiagram``: the cell being drilled, drawn in Colah's style, stepped through gate by gate.

The widget holds what to show (cell, asked keys, graded values, current stage, theme) and paints it
with ``painter.ScenePainter``; the shapes come from ``layout.diagram_for``. Stepping lights one
stage at a time and runs a short "water" animation along its wires (stopped while hidden).

At rest the finished picture is kept in a QPixmap keyed by everything it shows (size, pixel ratio,
palette, stage, asked path, values, captions), so repaints that change nothing (a second paint of
the same drill, a grab, a focus change) only copy it. Captions come in English or Chinese from
``texts`` (``set_language``), independent of the Qt translator.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QRectF,
    QSize,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontDatabase,
    QFontInfo,
    QHideEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QWidget

from quizapp.gui.diagram.frame import INPUT_KEYS, DiagramFrame, layout_frame
from quizapp.gui.diagram.labels import MODERN_TAGGED, display_name, numeric_values, value_row
from quizapp.gui.diagram.layout import Diagram, diagram_for, element_states, paths_to
from quizapp.gui.diagram.model import flow_depths
from quizapp.gui.diagram.painter import FONT_FAMILIES, SceneInput, ScenePainter
from quizapp.gui.diagram.palette import colors_for
from quizapp.gui.diagram.rich import draw_rich, draw_rich_centered
from quizapp.gui.diagram.tags import SceneText
from quizapp.gui.diagram.texts import caption, normal_language, stage_equation, stage_title

FLOW_MS = 600
MARGIN = 8.0


def _font_family() -> str:
    """The first installed family that has σ, ⊙ and ⊕ (the system default otherwise)."""
    installed = set(QFontDatabase.families())
    for family in FONT_FAMILIES:
        if family in installed:
            return family
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


class CellDiagram(QWidget):
    """The cell diagram; see the module docstring. Stage -1 means "no stage lit"."""

    stage_changed = Signal(int, str)  # stage index (-1 = none), stage key ("" for none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diagram: Diagram | None = None
        self._asked_keys: tuple[str, ...] = ()
        self._asked: frozenset[str] = frozenset()
        self._values: dict[str, list[float]] = {}
        self._values_key: tuple[tuple[str, tuple[float, ...]], ...] = ()
        self._lang = "en"
        self._cache = QPixmap()
        self._cache_key: tuple[object, ...] | None = None
        self._stage = -1
        self._dark: bool | None = None  # None: follow the palette
        self._progress = 1.0
        self._family = _font_family()
        self._flow = QVariantAnimation(self)
        self._flow.setStartValue(0.0)
        self._flow.setEndValue(1.0)
        self._flow.setDuration(FLOW_MS)
        self._flow.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._flow.valueChanged.connect(self._on_flow)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(caption(self._lang, "name"))
        self._update_description()

    # --- the API the drill view uses ----------------------------------------------------------

    def set_cell(self, cell: str, convention: str) -> None:
        """Show ``cell`` under ``convention`` with no stage lit, nothing asked and no values.

        Raises ``engine.UnknownNameError`` for a cell or convention the engine does not know.
        """
        self._diagram = diagram_for(cell, convention or None)
        self._asked_keys = ()
        self._asked = frozenset()
        self._values = {}
        self._values_key = ()
        self._set_stage(-1, force=True)

    def set_highlight(self, keys: Sequence[str]) -> None:
        """Outline the path that computes each asked record key (unknown keys are ignored)."""
        self._asked_keys = tuple(keys)
        self._asked = paths_to(self._diagram, keys) if self._diagram is not None else frozenset()
        self._update_description()
        self.update()

    def set_values(self, values: Mapping[str, Sequence[float]] | None) -> None:
        """Show the record's values on the wires (None or {} hides them)."""
        self._values = numeric_values(values)
        self._values_key = tuple(sorted((k, tuple(v)) for k, v in self._values.items()))
        self.update()

    def next_stage(self) -> None:
        """Light the next stage (stays on the last one)."""
        if self._diagram is not None and self._stage < self.stage_count() - 1:
            self._set_stage(self._stage + 1)

    def previous_stage(self) -> None:
        """Light the previous stage; before the first one, no stage is lit (stays there)."""
        if self._diagram is not None and self._stage > -1:
            self._set_stage(self._stage - 1)

    def reset_stages(self) -> None:
        """Back to the whole diagram with no stage lit."""
        self._set_stage(-1)

    def stage_count(self) -> int:
        """Number of stages of the current cell (0 before ``set_cell``)."""
        return len(self._diagram.stages) if self._diagram is not None else 0

    def current_stage(self) -> int:
        """Index of the lit stage, -1 when none is."""
        return self._stage

    def stage_key(self) -> str:
        """Key of the lit stage ("" when none is)."""
        if self._diagram is None or self._stage < 0:
            return ""
        return self._diagram.stages[self._stage].key

    def is_animating(self) -> bool:
        """Whether the "water" is still running along the lit wires."""
        return self._flow.state() == QVariantAnimation.State.Running

    def set_dark(self, dark: bool) -> None:
        """Use the dark (True) or light palette."""
        self._dark = dark
        self.update()

    def set_language(self, lang: str) -> None:
        """Captions and stage names in ``lang`` ("en" or "zh"; "zh_CN" counts as "zh")."""
        lang = normal_language(lang)
        if lang == self._lang:
            return
        self._lang = lang
        self.setAccessibleName(caption(lang, "name"))
        self._update_description()
        self.update()

    def language(self) -> str:
        """The language of the captions ("en" or "zh")."""
        return self._lang

    def stage_text(self) -> str:
        """The caption's first line, e.g. "Stage 2 of 6: input gate"."""
        if self._diagram is None:
            return caption(self._lang, "none")
        if self._stage < 0:
            return caption(self._lang, "whole").replace("%1", str(self.stage_count()))
        stage = self._diagram.stages[self._stage]
        return (
            caption(self._lang, "stage")
            .replace("%1", str(self._stage + 1))
            .replace("%2", str(self.stage_count()))
            .replace("%3", stage_title(self._lang, stage.title))
        )

    def equation_text(self) -> str:
        """The caption's second line: the lit stage's equation, or what is highlighted."""
        if self._diagram is None:
            return ""
        if self._stage >= 0:
            return stage_equation(self._lang, self._diagram.stages[self._stage].equation)
        if self._asked:
            names = ", ".join(display_name(k, self._diagram.cell) for k in self._asked_keys)
            return caption(self._lang, "outlined").replace("%1", names)
        cell = self._diagram.cell
        return " → ".join(display_name(stage.key, cell) for stage in self._diagram.stages)

    # --- Qt overrides -----------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(640, 390)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """The height that shows the picture as large as ``width`` allows, with the caption and
        the values under it (a scroll area holding the diagram scrolls when it is taller)."""
        inner = QRectF(MARGIN, MARGIN, max(1, width - 2 * MARGIN), 100_000)
        frame = layout_frame(
            self._diagram,
            self._family,
            self.text_px(),
            inner,
            (self.stage_text(), self.equation_text()),
            self._value_rows(),
        )
        bottoms = [line.rect.bottom() for line in frame.lines]
        if frame.view is not None and self._diagram is not None:
            bottoms.append(frame.view.top + self._diagram.height * frame.view.scale)
        return int(max(bottoms, default=MARGIN) + MARGIN + 1)

    def minimumSizeHint(self) -> QSize:
        return QSize(420, 260)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Right:
            self.next_stage()
            event.accept()
        elif event.key() == Qt.Key.Key_Left:
            self.previous_stage()
            event.accept()
        else:
            super().keyPressEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._flow.stop()
        self._progress = 1.0
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.LanguageChange,
            QEvent.Type.PaletteChange,
            QEvent.Type.FontChange,
        ):
            self._cache_key = None
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        dark = self._is_dark()
        painter = QPainter(self)
        if self._progress >= 1.0:
            # At rest: draw the picture once, then copy it until something it shows changes.
            key = self._picture_key(dark)
            if key != self._cache_key or self._cache.isNull():
                self._cache = self._render_picture(dark)
                self._cache_key = key
            painter.drawPixmap(0, 0, self._cache)
        else:
            # The "water" moves every frame: paint directly (label placement is cached).
            self._paint_picture(painter, dark)
        if self.hasFocus():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pen = QPen(QColor(colors_for(dark).accent), 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 6, 6)
        painter.end()

    # --- internals --------------------------------------------------------------------------------

    def _picture_key(self, dark: bool) -> tuple[object, ...]:
        """Everything the resting picture depends on."""
        return (
            self.width(),
            self.height(),
            self.devicePixelRatioF(),
            dark,
            self._family,
            self._diagram.cell if self._diagram is not None else "",
            self._diagram.convention if self._diagram is not None else "",
            self._stage,
            self._asked,
            self._values_key,
            self.stage_text(),
            self.equation_text(),
            self.text_px(),
            self._lang,
        )

    def _render_picture(self, dark: bool) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        self._paint_picture(painter, dark)
        painter.end()
        return pixmap

    def text_px(self) -> int:
        """The body text's pixel size: every text of the diagram is at least this large."""
        return max(7, QFontInfo(self.font()).pixelSize())

    def frame(self) -> DiagramFrame:
        """Where the picture, the caption and the values go at the widget's present size."""
        return layout_frame(
            self._diagram,
            self._family,
            self.text_px(),
            QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN),
            (self.stage_text(), self.equation_text()),
            self._value_rows(),
        )

    def scene_texts(self) -> list[SceneText]:
        """The tags and terminal names as drawn now, with their rectangles (for tests)."""
        frame = self.frame()
        if self._diagram is None or frame.view is None:
            return []
        return ScenePainter(
            QPainter(), frame.view, colors_for(self._is_dark()), self._family, self._scene()
        ).texts()

    def _scene(self) -> SceneInput:
        assert self._diagram is not None
        diagram = self._diagram
        return SceneInput(
            diagram=diagram,
            states=element_states(diagram, self._stage),
            asked=self._asked,
            values=self._values,
            depths=flow_depths(diagram, self._stage),
            progress=self._progress,
            stage_keys=[stage.key for stage in diagram.stages],
            text_px=self.text_px(),
        )

    def _value_rows(self) -> list[tuple[str, str]]:
        """(key, "f_t = [0.62, 0.45]") for each value a wire of the diagram carries, inputs first,
        then in the order of the stages."""
        if self._diagram is None or not self._values:
            return []
        stages = [stage.key for stage in self._diagram.stages]
        keys = {w.key for w in self._diagram.wires if w.labelled and w.key in self._values}
        order = [*INPUT_KEYS, *stages]
        ranked = sorted(keys, key=lambda k: (order.index(k) if k in order else len(order), k))
        cell = self._diagram.cell
        return [(key, value_row(key, self._values[key], cell)) for key in ranked]

    def _paint_picture(self, painter: QPainter, dark: bool) -> None:
        """The paper, the scene, the caption and the values (everything but the focus frame)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        colors = colors_for(dark)
        # A QBrush, not a QColor: that overload makes PySide build QGradient's 180 presets (~2 ms).
        painter.fillRect(QRectF(0, 0, self.width(), self.height()), QBrush(QColor(colors.paper)))
        frame = self.frame()
        if self._diagram is not None and frame.view is not None:
            ScenePainter(painter, frame.view, colors, self._family, self._scene()).paint()
        stage_key = self.stage_key()
        for line in frame.lines:
            color = {
                "title": colors.ink,
                "equation": colors.muted,
            }.get(line.role, colors.accent if line.key == stage_key else colors.ink)
            painter.setPen(QColor(color))
            if line.role == "value":
                draw_rich(painter, line.font, line.text, line.rect.left(), line.baseline)
            else:
                draw_rich_centered(painter, line.font, line.text, line.rect.center())

    def _is_dark(self) -> bool:
        if self._dark is not None:
            return self._dark
        return self.palette().window().color().lightness() < 128

    def _set_stage(self, index: int, *, force: bool = False) -> None:
        changed = index != self._stage
        self._stage = index
        self._flow.stop()
        if index >= 0 and self.isVisible():
            self._progress = 0.0
            self._flow.start()
        else:
            self._progress = 1.0
        self._update_description()
        self.update()
        if changed or force:
            self.stage_changed.emit(index, self.stage_key())

    def _on_flow(self, value: object) -> None:
        self._progress = float(value)  # type: ignore[arg-type]
        self.update()

    def _update_description(self) -> None:
        first, second = self.stage_text(), self.equation_text()
        self.setAccessibleDescription(f"{first}. {second}" if second else first)
        self.setToolTip(self.pytorch_note())

    def pytorch_note(self) -> str:
        """The tooltip: PyTorch's name for the candidate the diagram calls C̃_t or h̃_t ("" when
        the cell has neither)."""
        if self._diagram is None or self._diagram.cell in MODERN_TAGGED:
            return ""  # the sLSTM's and mLSTM's n_t is their normaliser, not PyTorch's n
        keys = {stage.key for stage in self._diagram.stages}
        for key in ("g", "n"):
            if key in keys:
                return caption(self._lang, f"pytorch_{key}")
        return ""
