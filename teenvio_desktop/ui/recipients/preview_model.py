"""The first rows of a file, as the wizard shows them before importing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: list[str] = []
        self._rows: list[list[str]] = []
        self._marked: dict[int, str] = {}

    def set_preview(self, columns: list[str], rows: list[list[str]]) -> None:
        self.beginResetModel()
        self._columns, self._rows = list(columns), [list(r) for r in rows]
        self.endResetModel()

    def set_marks(self, marks: dict[int, str]) -> None:
        """Column roles to show in the header (e.g. {0: "email"})."""
        self._marked = dict(marks)
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            mark = self._marked.get(section)
            return f"{self._columns[section]}\n[{mark}]" if mark else self._columns[section]
        if role == Qt.ItemDataRole.FontRole and section in self._marked:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self._rows[index.row()]
        return row[index.column()] if index.column() < len(row) else ""
