"""The list viewer's model: a million rows read from SQLite in windows, never all at once.

Rows are fetched by block (``BLOCK`` rows, a few hundred kept in an LRU cache). With no
search and the import order, row N is simply member ``pos`` N. Searching or sorting asks
SQLite, in a background task, for the matching positions in order; the model swaps to
that order when it arrives (only the newest request's), so the window never waits on a
query over a million rows.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from teenvio_desktop.core.recipients import RecipientListRepository
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback
from teenvio_desktop.ui.latest import LatestRequest

BLOCK = 256
MAX_BLOCKS = 64
Index = QModelIndex | QPersistentModelIndex
Row = tuple[int, str, str, list[str]]


class MembersModel(QAbstractTableModel):
    """Members of one list; columns: email, name, then the merge fields."""

    order_ready = Signal()  # a search or sort has been applied

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._repo = RecipientListRepository(db)
        self._list_id: int | None = None
        self._fields: list[str] = []
        # Index into a member's cells of each field column shown (the columns mapped to
        # the address and the name are already the first two columns).
        self._field_cells: list[int] = []
        self._count = 0
        self._order: list[int] | None = None  # None: import order, row == pos
        self._blocks: OrderedDict[int, list[Row]] = OrderedDict()
        self._search = ""
        self._sort = ("pos", False)
        # Only the newest search or sort is applied; an older one still running is dropped.
        self._ordering = LatestRequest(self)
        self._ordering.result.connect(self._apply_order)

    # -- the list shown ------------------------------------------------------------------
    def set_list(self, list_id: int | None) -> None:
        self.beginResetModel()
        self._list_id = list_id
        self._blocks.clear()
        self._order = None
        self._search = ""
        self._sort = ("pos", False)
        self._ordering.cancel()
        if list_id is None:
            self._fields, self._field_cells, self._count = [], [], 0
        else:
            info = self._repo.get(list_id)
            mapped = (info.email_column, info.name_column)
            self._field_cells = [i for i, c in enumerate(info.columns) if c not in mapped]
            self._fields = [info.columns[i] for i in self._field_cells]
            self._count = info.count
        self.endResetModel()

    def list_id(self) -> int | None:
        return self._list_id

    def reload(self) -> None:
        """The list's members changed (an edit): read them again, keeping search and sort."""
        if self._list_id is None:
            return
        self.beginResetModel()
        self._count = self._repo.get(self._list_id).count
        self._blocks.clear()
        self.endResetModel()
        self._request_order()

    def field_names(self) -> list[str]:
        """The merge-field columns shown after the address and the name."""
        return list(self._fields)

    def member(self, position: int) -> tuple[str, str, dict[str, str]] | None:
        """(address, name, merge fields) of the member at ``position`` (not a row)."""
        if self._list_id is None:
            return None
        found = self._repo.rows_at(self._list_id, [position])
        if not found:
            return None
        _pos, email, name, cells = found[0]
        values = {
            field: cells[cell] if cell < len(cells) else ""
            for field, cell in zip(self._fields, self._field_cells, strict=True)
        }
        return email, name, values

    def total(self) -> int:
        return self._count

    def set_search(self, text: str) -> None:
        if text.strip() == self._search:
            return
        self._search = text.strip()
        self._request_order()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column == 0:
            key = "email"
        elif column == 1:
            key = "name"
        elif 2 <= column < 2 + len(self._field_cells):
            key = f"field:{self._field_cells[column - 2]}"
        else:
            key = "pos"
        self._sort = (key, order == Qt.SortOrder.DescendingOrder)
        self._request_order()

    def _request_order(self) -> None:
        if self._list_id is None:
            return
        if not self._search and self._sort == ("pos", False):
            self._ordering.cancel()
            self._apply_order(None)
            return
        list_id, search, (key, descending) = self._list_id, self._search, self._sort
        repo = self._repo

        def compute(progress: ProgressCallback, cancel: CancelToken) -> list[int]:
            del progress
            cancel.raise_if_cancelled()
            return repo.ordered_positions(list_id, search=search, sort=key, descending=descending)

        self._ordering.submit(compute)

    def _apply_order(self, order: list[int] | None) -> None:
        self.beginResetModel()
        self._order = order
        self._blocks.clear()
        self.endResetModel()
        self.order_ready.emit()

    # -- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._list_id is None:
            return 0
        return len(self._order) if self._order is not None else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(self._fields)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if section == 0:
            return self.tr("Email")
        if section == 1:
            return self.tr("Name")
        if 2 <= section < 2 + len(self._fields):
            return self._fields[section - 2]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if column == 0:
            return row[1]
        if column == 1:
            return row[2]
        values = row[3]
        cell = self._field_cells[column - 2] if column - 2 < len(self._field_cells) else -1
        return values[cell] if 0 <= cell < len(values) else ""

    def row_at(self, row: int) -> Row | None:
        """The member shown at ``row``: (pos, email, name, field values)."""
        block_no, offset = divmod(row, BLOCK)
        block = self._blocks.get(block_no)
        if block is None:
            block = self._load_block(block_no)
        else:
            self._blocks.move_to_end(block_no)
        return block[offset] if offset < len(block) else None

    def _load_block(self, block_no: int) -> list[Row]:
        assert self._list_id is not None
        first = block_no * BLOCK
        if self._order is None:
            raw = self._repo.window(self._list_id, first, BLOCK)
        else:
            raw = self._repo.rows_at(self._list_id, self._order[first : first + BLOCK])
        block: list[Row] = list(raw)
        self._blocks[block_no] = block
        while len(self._blocks) > MAX_BLOCKS:
            self._blocks.popitem(last=False)
        return block
