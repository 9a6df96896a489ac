"""A column that fills the height it is given and scrolls only when it needs more."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class VerticalScrollArea(QScrollArea):
    """Scrolls up and down, never sideways, and only below the content's minimum height.

    QScrollArea's own resizing gives content with wrapped labels its *preferred* height
    for the width (so a tall chart would scroll at any window size); here the content
    fills the viewport and grows only to its minimum height for the width. The area is
    at least as wide as the content's minimum, so a splitter beside it cannot squeeze
    the content under a horizontal scroll bar.
    """

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        content.installEventFilter(self)

    def _needed_height(self, content: QWidget, width: int) -> int:
        layout = content.layout()
        if layout is not None and layout.hasHeightForWidth():
            return max(layout.minimumHeightForWidth(width), content.minimumSizeHint().height())
        return content.minimumSizeHint().height()

    def fit_content(self) -> None:
        content = self.widget()
        if content is None:
            return
        width, height = self.width(), self.height()
        needed = self._needed_height(content, width)
        if needed > height:  # the scroll bar takes its width from the content
            width -= self.verticalScrollBar().sizeHint().width()
            needed = self._needed_height(content, width)
        content.resize(width, max(height, needed))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.fit_content()
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content's minimum width is this area's minimum
            self.fit_content()
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        needed = content.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), needed), hint.height())

    def sizeHint(self) -> QSize:
        content = self.widget()
        return content.sizeHint() if content is not None else super().sizeHint()
