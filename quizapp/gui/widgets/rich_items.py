"""A delegate that draws list items' notation as rich text (aₜ with a real subscript f in a_f).

A list item can only show plain text, and Unicode has no subscript for most letters, so ``a_f``
would stay raw beside ``aᵢ``. Items carry their bank-markup text under ``RICH_ROLE``; the delegate
draws it through ``quizapp.richtext.to_html`` with the item's check box, colours and state, while the
display role keeps the Unicode form for tooltips, accessibility and width measurement.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from quizapp.richtext import to_html

RICH_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class RichItemDelegate(QStyledItemDelegate):
    """Draws the text under ``RICH_ROLE`` as rich text; items without it are drawn as usual."""

    def document(self, option: QStyleOptionViewItem, index: Index, width: float) -> QTextDocument:
        """The item's text laid out at ``width`` pixels in the item's font."""
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml(to_html(str(index.data(RICH_ROLE))))
        doc.setTextWidth(max(width, 1.0))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if not isinstance(index.data(RICH_ROLE), str):
            super().paint(painter, option, index)
            return
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        widget = view.widget
        style = widget.style() if widget is not None else QApplication.style()
        view.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, view, widget)
        doc = self.document(view, index, area.width())
        state = view.state
        group = (
            QPalette.ColorGroup.Normal
            if state & QStyle.StateFlag.State_Enabled
            else QPalette.ColorGroup.Disabled
        )
        role = (
            QPalette.ColorRole.HighlightedText
            if state & QStyle.StateFlag.State_Selected
            else QPalette.ColorRole.Text
        )
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, view.palette.color(group, role))
        top = area.top() + max(0.0, (area.height() - doc.size().height()) / 2)
        painter.save()
        painter.translate(QPointF(area.left() + 3, top))  # a little air after the tick
        painter.setClipRect(0, 0, area.width(), area.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        if not isinstance(index.data(RICH_ROLE), str):
            return size
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        widget = view.widget
        style = widget.style() if widget is not None else QApplication.style()
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, view, widget)
        width = area.width() if area.width() > 0 else size.width()
        height = round(self.document(view, index, width).size().height()) + 4
        return QSize(size.width(), max(size.height(), height))
