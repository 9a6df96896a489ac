"""Table columns that fit the view: one column stretches, the others take their content's
width, and when the view is too narrow for all of them the least important ones step
aside (their values stay in the row's tooltip) instead of a horizontal scroll bar.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

HEADER_PADDING = 28  # the section's margins and the room of the sort arrow


class ResponsiveColumns(QObject):
    def __init__(
        self,
        view: QTableView,
        *,
        stretch: int,
        priority: tuple[int, ...],
        min_stretch_width: int = 160,
    ) -> None:
        """``stretch`` takes the remaining width; ``priority`` lists the other columns,
        most important first (the last one is hidden first)."""
        super().__init__(view)
        self.view = view
        self.stretch = stretch
        self.priority = priority
        self.min_stretch_width = min_stretch_width
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for column in priority:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.fit)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.dataChanged):  # fmt: skip
            signal.connect(self._pending.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _content_width(self, column: int) -> int:
        # From the title's text, not sectionSizeHint(): that is 0 for a hidden column.
        header = self.view.horizontalHeader()
        title = str(self.view.model().headerData(column, Qt.Orientation.Horizontal) or "")
        title_width = header.fontMetrics().horizontalAdvance(title) + HEADER_PADDING
        return max(title_width, self.view.sizeHintForColumn(column))

    def fit(self) -> None:
        available = self.view.viewport().width() - self.min_stretch_width
        shown: list[int] = []
        for column in self.priority:
            width = self._content_width(column)
            if width <= available:
                shown.append(column)
                available -= width
            else:
                available = -1  # keep the order: once one does not fit, hide the rest
        for column in self.priority:
            self.view.setColumnHidden(column, column not in shown)

    def hidden_columns(self) -> list[int]:
        return [c for c in self.priority if self.view.isColumnHidden(c)]
