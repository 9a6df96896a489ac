"""The sidebar: one entry per area, an icon above its label, like a mail client's spaces bar.

A plain :class:`QListWidget` (so arrows, Home/End, Tab and screen readers work as in any
list) painted by :class:`NavigationDelegate`: the active area gets an accent bar, a tinted
background and an accent icon; the focused entry a visible outline. Its width follows the
longest label, so nothing is cut and no space is wasted.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from teenvio_desktop.ui.style import IconRole, colors, icon
from teenvio_desktop.ui.style.icons import ICONS
from teenvio_desktop.ui.style.metrics import NAVIGATION_ICON, RADIUS

PADDING = 8  # around an entry's content
GAP = 4  # between the icon and its label
INSET = 6  # between an entry's highlight and the sidebar's edges
ICON_ROLE = Qt.ItemDataRole.UserRole + 2  # the key of the area's icon

AnyIndex = QModelIndex | QPersistentModelIndex


class NavigationDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = metrics.horizontalAdvance(text) + 2 * (PADDING + INSET)
        height = 2 * PADDING + NAVIGATION_ICON + GAP + metrics.height() + INSET
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        c = colors()
        state = option.state
        rect: QRect = option.rect.adjusted(INSET, INSET // 2, -INSET, -INSET // 2)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected or hovered:
            fill = QColor(c.accent)
            fill.setAlpha((60 if c.is_dark else 38) if selected else 20)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, RADIUS + 2, RADIUS + 2)
        if selected:
            bar = QRect(option.rect.left() + 1, rect.top() + 10, 3, rect.height() - 20)
            painter.setBrush(QColor(c.accent if not c.is_dark else c.link))
            painter.drawRoundedRect(bar, 1.5, 1.5)
        if focused:
            pen = QPen(QColor(c.accent if not c.is_dark else c.link), 1.5)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), RADIUS + 2, RADIUS + 2)
        key = index.data(ICON_ROLE)
        if isinstance(key, str) and key in ICONS:
            role = IconRole.ACCENT if selected else IconRole.TEXT
            icon_rect = QRect(
                rect.center().x() - NAVIGATION_ICON // 2 + 1,
                rect.top() + PADDING,
                NAVIGATION_ICON,
                NAVIGATION_ICON,
            )
            icon(key, role).paint(painter, icon_rect, Qt.AlignmentFlag.AlignCenter)
        font = option.font
        if selected:
            font.setWeight(font.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(QColor(c.text))
        text_top = rect.top() + PADDING + NAVIGATION_ICON + GAP
        text_rect = QRect(rect.left(), text_top, rect.width(), rect.bottom() - text_top)
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
        )
        painter.restore()


class NavigationBar(QListWidget):
    """The list of areas; ``currentRowChanged`` tells which one to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setAccessibleName(self.tr("Areas"))
        self.setItemDelegate(NavigationDelegate(self))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)  # hover highlight
        self.setUniformItemSizes(False)
        self.setSpacing(0)
        self.setContentsMargins(0, 0, 0, 0)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)

    def add_entry(self, key: str, title: str, icon_key: str | None = None) -> QListWidgetItem:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(ICON_ROLE, icon_key or key)
        item.setData(Qt.ItemDataRole.ToolTipRole, title)
        self.addItem(item)
        self._fit_width()
        return item

    def _fit_width(self) -> None:
        option = QStyleOptionViewItem()
        option.initFrom(self)
        delegate = self.itemDelegate()
        widest = max(
            (delegate.sizeHint(option, self.indexFromItem(self.item(row))).width()
             for row in range(self.count())),
            default=0,
        )  # fmt: skip
        # Room for the accent bar, and never narrower than a comfortable column.
        self.setFixedWidth(max(84, widest + 4))

    def entry_icon(self, row: int) -> QIcon:
        """The icon shown for ``row`` (tests read its colour back)."""
        key = self.item(row).data(ICON_ROLE)
        role = IconRole.ACCENT if row == self.currentRow() else IconRole.TEXT
        return icon(str(key), role)
