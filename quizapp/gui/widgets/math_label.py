"""A label that shows a LaTeX formula rendered by matplotlib's mathtext.

The image is rendered at the screen's device pixel ratio and tagged with it, so formulas stay sharp
on high-DPI screens; a change of palette (theme) or of screen re-renders it. Until the image is
ready, or if rendering fails, the label shows the formula's source text.

A label made with ``shrink=True`` (the cell's equations on the drill sheet) may be narrower than
its image: the image is then drawn scaled down to the width, so a long equation at a large font
size in a narrow window stays whole instead of widening the sheet.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from quizapp.gui.formula_renderer import FormulaRenderer, FormulaRequest

_renderer: FormulaRenderer | None = None

# The narrowest a shrinking label gets, as a share of its image's width.
SHRINK_LIMIT = 0.45


def shared_renderer() -> FormulaRenderer:
    """The application's one formula renderer (created on first use)."""
    global _renderer
    if _renderer is None:
        _renderer = FormulaRenderer()
    return _renderer


def plain_formula(latex: str) -> str:
    """A readable plain-text form of simple LaTeX, shown while the image is not ready."""
    text = latex
    for command, symbol in (
        (r"\odot", "⊙"),
        (r"\sigma", "σ"),
        (r"\tanh", "tanh"),
        (r"\tilde", "~"),
        (r"\cdot", "·"),
        (r"\left", ""),
        (r"\right", ""),
        (r"\,", " "),
        (r"\texttt", ""),
        (r"\mathtt", ""),
        (r"\text", ""),
        (r"\_", "_"),
        ("\\", ""),
        ("{", ""),
        ("}", ""),
    ):
        text = text.replace(command, symbol)
    return text


class MathLabel(QLabel):
    """Shows ``latex`` as rendered mathematics; ``scale`` multiplies the application font size."""

    def __init__(
        self,
        latex: str = "",
        *,
        scale: float = 1.15,
        shrink: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._latex = ""
        self._scale = scale
        self._shrink = shrink
        self._request: FormulaRequest | None = None
        # Maximum would make box layouts hint a shrinking label at its minimum width; Preferred
        # hints the image's width and still lets the label shrink.
        horizontal = QSizePolicy.Policy.Preferred if shrink else QSizePolicy.Policy.Maximum
        self.setSizePolicy(horizontal, QSizePolicy.Policy.Fixed)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        shared_renderer().rendered.connect(self._on_rendered)
        if latex:
            self.set_latex(latex)

    def latex(self) -> str:
        """The formula shown."""
        return self._latex

    def set_latex(self, latex: str) -> None:
        """Show ``latex`` (rendered in the background if it is not cached yet)."""
        self._latex = latex
        self.setAccessibleName(plain_formula(latex))
        self.setToolTip("")
        self._refresh()

    def is_rendered(self) -> bool:
        """Whether the rendered image is on screen."""
        pixmap = self.pixmap()
        return bool(self._latex) and not pixmap.isNull()

    def current_request(self) -> FormulaRequest | None:
        """The render request for the current formula, size, colour and screen."""
        return self._request

    def _make_request(self) -> FormulaRequest:
        ratio = self.devicePixelRatioF()
        points = self.font().pointSizeF() * self._scale
        color = self.palette().color(QPalette.ColorRole.WindowText).name()
        # Quantised dpi keeps the number of cached variants small.
        dpi = int(round(self.logicalDpiY() * ratio / 8.0) * 8)
        return FormulaRequest(self._latex, round(points, 1), color, max(dpi, 48))

    def _refresh(self) -> None:
        if not self._latex:
            self._request = None
            self.clear()
            return
        request = self._make_request()
        self._request = request
        renderer = shared_renderer()
        image = renderer.image(request)
        if image is not None:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            self.setPixmap(pixmap)
        else:
            self.setText(plain_formula(self._latex))
            if renderer.failed(request):
                self.setToolTip(self._latex)

    def _image_size(self) -> QSize | None:
        """The drawn image's size in device-independent pixels (None while there is none)."""
        pixmap = self.pixmap()
        if not self._shrink or pixmap.isNull():
            return None
        return pixmap.deviceIndependentSize().toSize()

    def minimumSizeHint(self) -> QSize:
        size = self._image_size()
        if size is None:
            return super().minimumSizeHint()
        # Narrower, not lower: the label keeps the image's height (no height-for-width, which
        # would make Qt's box layouts report the narrowest width as their size hint).
        return QSize(max(1, round(size.width() * SHRINK_LIMIT)), size.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        size = self._image_size()
        if size is None or self.width() >= size.width():
            super().paintEvent(event)
            return
        # Narrower than the image: draw it scaled to the width, keeping its proportions.
        factor = self.width() / size.width()
        target = QRectF(0.0, 0.0, self.width(), size.height() * factor)
        target.moveTop((self.height() - target.height()) / 2)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(target, self.pixmap(), QRectF(self.pixmap().rect()))
        painter.end()

    def _on_rendered(self, request: object) -> None:
        if request == self._request:
            self._refresh()

    def refresh(self) -> None:
        """Render again for the current screen (called when the window's pixel ratio changes)."""
        if self._latex and (self._request is None or self._request != self._make_request()):
            self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        # Palette (theme) and font changes arrive here; a change of screen or pixel ratio is
        # handled by the main window, which calls ``refresh`` on every label (cheaper than
        # overriding ``event`` on hundreds of labels).
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange) and self._latex:
            self._refresh()
