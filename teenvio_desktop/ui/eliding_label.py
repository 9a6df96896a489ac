"""A one-line label that elides its text to the width it is given."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

# superqt has one too, but importing any part of superqt imports all of it through qtpy,
# whose star imports build every PySide6 class: about a quarter of a second at start-up.


class ElidingLabel(QLabel):
    """``text()`` is the whole text; what is shown is cut with "…" to fit the width."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setText(text)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        self._text = text
        self._show_elided()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_elided()

    def minimumSizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(metrics.horizontalAdvance("…"), super().minimumSizeHint().height())

    def _show_elided(self) -> None:
        metrics = QFontMetrics(self.font())
        shown = metrics.elidedText(self._text, Qt.TextElideMode.ElideRight, self.width())
        super().setText(shown)
