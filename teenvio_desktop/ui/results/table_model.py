"""Event tables that stay smooth with a million rows.

:class:`StatsTableModel` reads its rows from SQLite in blocks, only for the rows a view
asks for, and keeps a few blocks cached. Sorting and filtering are done by SQLite: the
:class:`SqlSortFilterProxy` in front of it passes ``sort()`` and the filter text down to
the source model instead of reading every row itself (which is what a plain
QSortFilterProxyModel would do). On big tables a filter (a full scan) is counted in a
background task; the model switches to the result when it is ready.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.stats.queries import Scope, TableQuery, TableSpec
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback
from teenvio_desktop.ui.formatting import format_date_text, format_teenvio_time
from teenvio_desktop.ui.latest import LatestRequest

# The server's timestamps, shown as local dates and times in the user's locale.
DISPLAY_FORMATS: dict[str, Callable[[str], str]] = {
    "event_time": format_teenvio_time,
    "date_request": format_date_text,
}
LOCAL_TIME_TITLES = {
    "event_time": QT_TRANSLATE_NOOP("StatsTableModel", "Time"),
    "date_request": QT_TRANSLATE_NOOP("StatsTableModel", "Date"),
}
BLOCK_ROWS = 256
CACHED_BLOCKS = 64
# From this many rows in scope, filtering runs in a background task.
ASYNC_FILTER_ROWS = 50_000
AnyIndex = QModelIndex | QPersistentModelIndex


class StatsTableModel(QAbstractTableModel):
    busy = Signal(bool)  # a filter is being applied in the background
    failed = Signal(object)  # reading failed (the exception)

    def __init__(self, db: Database, spec: TableSpec, parent: Any = None) -> None:
        super().__init__(parent)
        self._total = 0  # rows in scope, unfiltered
        self._db = db
        self.spec = spec
        self._query = TableQuery(spec, Scope(campaign_id=-1))
        self._requested = self._query  # the newest query asked for (may still be running)
        self._count = 0
        self._blocks: OrderedDict[int, list[tuple[Any, ...]]] = OrderedDict()
        # A filter typed meanwhile supersedes the one being counted.
        self._background = LatestRequest(self)
        self._background.result.connect(self._on_background_result)
        self._background.error.connect(self._on_background_error)

    # -- what to show ----------------------------------------------------------------------
    @property
    def query(self) -> TableQuery:
        return self._query

    def set_scope(self, scope: Scope) -> None:
        q = self._requested
        self._total = TableQuery(self.spec, scope).count(self._db)
        self._requery(TableQuery(self.spec, scope, q.filter_text, q.order_key, q.descending))

    def set_filter_text(self, text: str) -> None:
        q = self._requested
        if text != q.filter_text:
            self._requery(TableQuery(self.spec, q.scope, text, q.order_key, q.descending))

    def refresh(self) -> None:
        """Read again (new rows arrived); keeps scope, filter and order."""
        self._total = TableQuery(self.spec, self._query.scope).count(self._db)
        self._requery(self._query)

    def _requery(self, query: TableQuery) -> None:
        self._requested = query
        filtered = bool(query.filter_text.strip())
        if filtered and self._total >= ASYNC_FILTER_ROWS:
            self._requery_in_background(query)
            return
        if self._background.is_busy():
            self._background.cancel()
            self.busy.emit(False)
        # Unfiltered, the rows are the scope's, just counted (a second COUNT over a million
        # rows would double the time the table takes to open).
        count = query.count(self._db) if filtered else self._total
        self._apply(query, count, None)

    def _apply(self, query: TableQuery, count: int, first: list[tuple[Any, ...]] | None) -> None:
        self.beginResetModel()
        self._query = query
        self._blocks.clear()
        if first is not None:
            self._blocks[0] = first
        self._count = count
        self.endResetModel()

    def _requery_in_background(self, query: TableQuery) -> None:
        """A filter over a big table scans it: count and first block off the GUI thread."""
        db = self._db

        def job(progress: ProgressCallback, cancel: CancelToken) -> tuple[Any, ...]:
            del progress
            cancel.raise_if_cancelled()
            return query, query.count(db), query.rows(db, 0, BLOCK_ROWS)

        self.busy.emit(True)
        self._background.submit(job)

    def _on_background_result(self, result: tuple[Any, ...]) -> None:
        query, count, first = result
        self._apply(query, count, first)
        self.busy.emit(False)

    def _on_background_error(self, error: BaseException) -> None:
        self.busy.emit(False)
        self.failed.emit(error)

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.spec.columns):
            key = self.spec.columns[section].key
            if key in LOCAL_TIME_TITLES:  # shown in local time, not as the server's UTC
                return QCoreApplication.translate("StatsTableModel", LOCAL_TIME_TITLES[key])
            return QCoreApplication.translate("stats", self.spec.columns[section].title)
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self._count):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row_values(index.row())
        if row is None or index.column() >= len(row):
            return None
        value = row[index.column()]
        text = "" if value is None else str(value)
        if role == Qt.ItemDataRole.DisplayRole:
            formatter = DISPLAY_FORMATS.get(self.spec.columns[index.column()].key)
            if formatter is not None:
                return formatter(text)
            return text.replace("\n", " ")  # multi-line SMTP answers fit one row
        return text if len(text) > 40 or "\n" in text else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.spec.columns):
            return
        q = self._requested
        descending = order == Qt.SortOrder.DescendingOrder
        key = self.spec.columns[column].key
        if (key, descending) != (q.order_key, q.descending):
            self._requery(TableQuery(self.spec, q.scope, q.filter_text, key, descending))

    # -- windowed reading ------------------------------------------------------------------
    def row_values(self, row: int) -> tuple[Any, ...] | None:
        block_number = row // BLOCK_ROWS
        block = self._blocks.get(block_number)
        if block is None:
            block = self._query.rows(self._db, block_number * BLOCK_ROWS, BLOCK_ROWS)
            self._blocks[block_number] = block
            if len(self._blocks) > CACHED_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block_number)
        offset = row - block_number * BLOCK_ROWS
        return block[offset] if offset < len(block) else None


class SqlSortFilterProxy(QSortFilterProxyModel):
    """A sort/filter proxy whose sorting and filtering happen in SQL, in the source."""

    def source(self) -> StatsTableModel:
        model = self.sourceModel()
        assert isinstance(model, StatsTableModel)
        return model

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source answers in the requested order; the proxy keeps the identity mapping.
        self.source().sort(column, order)

    def set_filter_text(self, text: str) -> None:
        self.source().set_filter_text(text)
