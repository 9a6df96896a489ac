"""The saved lists, as a small table: name, members, merge fields, last change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from teenvio_desktop.core.recipients import RecipientList, RecipientListRepository
from teenvio_desktop.core.store import Database
from teenvio_desktop.ui.formatting import format_count

Index = QModelIndex | QPersistentModelIndex


class ListsModel(QAbstractTableModel):
    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._repo = RecipientListRepository(db)
        self._lists: list[RecipientList] = []

    def refresh(self) -> None:
        self.beginResetModel()
        self._lists = self._repo.lists()
        self.endResetModel()

    def update_in_place(self) -> None:
        """Counts changed (a recipient added or deleted): new figures, same selection."""
        lists = self._repo.lists()
        if [x.id for x in lists] != [x.id for x in self._lists]:
            self.refresh()
            return
        self._lists = lists
        if lists:
            self.dataChanged.emit(self.index(0, 0), self.index(len(lists) - 1, 2))

    def list_at(self, row: int) -> RecipientList | None:
        return self._lists[row] if 0 <= row < len(self._lists) else None

    def row_of(self, list_id: int) -> int:
        return next((i for i, x in enumerate(self._lists) if x.id == list_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lists)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("List"), self.tr("Recipients"), self.tr("Merge fields"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.list_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return item.name
            if index.column() == 1:
                return format_count(item.count)
            return ", ".join(item.columns)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{source}, %Ln recipient(s)", "", item.count).format(source=item.source)
        return None
