"""A layout that places items left to right and wraps to a new line when the width runs out.

Used on the drill sheet (the cell's equations beside the given vectors, the parameter groups, the
σ/tanh table), so that a wide window shows more per line and a narrow one (diagram open, 1024 px)
less, with nothing clipped. Flow layouts nest: a
gate's group (W, U, b) is itself a flow, which the outer flow lays out at most as wide as the line;
the group then wraps its own tables (its size hint is its one-line width, its minimum the widest
table).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


def _narrowed(item: QLayoutItem, width: int) -> QSize:
    """The item's size at ``width``: its height for that width, or its usual height."""
    height = item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()
    return QSize(width, height)


class FlowLayout(QLayout):
    """Items in reading order, wrapped at the available width.

    An item wider than the line gets the line (or its minimum width, if that is more). With
    ``squeeze``, an item that can be narrower (the given vectors beside the cell's equations)
    also takes the rest of a line, down to its minimum width, before it is moved to the next.
    """

    def __init__(
        self, parent: QWidget | None = None, spacing: int = 16, *, squeeze: bool = False
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._squeeze = squeeze
        # Qt asks for the height at a width many times per layout pass; the answer only changes
        # when an item changes, and then Qt calls invalidate().
        self._heights: dict[int, int] = {}
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._heights.clear()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        self._heights.clear()
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), move=False)
        return height

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        visible = [item.sizeHint() for item in self._items if not item.isEmpty()]
        width = sum(hint.width() for hint in visible) + self._spacing * max(len(visible) - 1, 0)
        height = max((hint.height() for hint in visible), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            rest = area.right() + 1 - x
            if hint.width() > rest:
                if self._squeeze and x > area.x() and item.minimumSize().width() <= rest:
                    hint = _narrowed(item, rest)
                elif hint.width() > area.width():
                    # Wider than the whole line (a nested flow, long equations): give it the
                    # line, or its minimum width if that is more, and let it wrap or shrink.
                    hint = _narrowed(item, max(area.width(), item.minimumSize().width(), 0))
            if x > area.x() and x + hint.width() > area.right() + 1:
                x = area.x()
                y += line_height + self._spacing
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()
