"""One row per message of a TEA Lite campaign in the outbox, read incrementally."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from teenvio_desktop.core.outbox import OutboxRepository
from teenvio_desktop.core.outbox.repository import TableRow
from teenvio_desktop.core.store import Database

ModelIndex = QModelIndex | QPersistentModelIndex


def state_label(state: str) -> str:
    labels = {
        "queued": QCoreApplication.translate("RestSend", "Queued"),
        "sending": QCoreApplication.translate("RestSend", "Sending"),
        "accepted": QCoreApplication.translate("RestSend", "Accepted"),
        "retrying": QCoreApplication.translate("RestSend", "Retrying"),
        "failed": QCoreApplication.translate("RestSend", "Failed"),
        "uncertain": QCoreApplication.translate("RestSend", "May have been sent"),
    }
    return labels.get(state, state)


def category_label(category: str) -> str:
    """The words for an error category (the server's and the app's own are English keys)."""
    labels = {
        "Retriable": QCoreApplication.translate("RestSend", "Temporary failure"),
        "Permanent": QCoreApplication.translate("RestSend", "Refused"),
        "Unavailable": QCoreApplication.translate("RestSend", "Server unavailable"),
        "Uncertain": QCoreApplication.translate("RestSend", "No answer"),
        "Merge": QCoreApplication.translate("RestSend", "Merge field not filled in"),
        "Suppressed": QCoreApplication.translate("RestSend", "On the suppression list"),
    }
    return labels.get(category, category)


# Texts the app itself records that the category's words already say.
_SAID_BY_CATEGORY = {"on the suppression list"}


def reason_text(category: str | None, text: str | None) -> str:
    """A message's reason: its category in words, then the server's (or Python's) text."""
    shown_text = None if text in _SAID_BY_CATEGORY else text
    return ": ".join(p for p in (category and category_label(category), shown_text) if p)


class OutboxTableModel(QAbstractTableModel):
    """One row per message of a campaign; :meth:`refresh` reads only what changed."""

    COLUMNS = ("seq", "recipient", "name", "state", "attempts", "message_id", "reason")

    def __init__(self, db: Database, campaign_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._outbox = OutboxRepository(db)
        self.campaign_id = campaign_id
        self._rows: list[TableRow] = []
        self._index: dict[int, int] = {}
        self._newest: str | None = None
        self.refresh()

    def _headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("RestSend", "#"),
            QCoreApplication.translate("RestSend", "Recipient"),
            QCoreApplication.translate("RestSend", "Name"),
            QCoreApplication.translate("RestSend", "State"),
            QCoreApplication.translate("RestSend", "Attempts"),
            QCoreApplication.translate("RestSend", "Message ID"),
            QCoreApplication.translate("RestSend", "Reason"),
        )

    def refresh(self) -> None:
        changed = self._outbox.table_rows(self.campaign_id, changed_since=self._newest)
        if not changed:
            return
        self._newest = max(r.updated_at for r in changed)
        if any(r.id not in self._index for r in changed):
            self.beginResetModel()
            self._rows = self._outbox.table_rows(self.campaign_id)
            self._index = {r.id: i for i, r in enumerate(self._rows)}
            self.endResetModel()
            return
        first, last = len(self._rows), -1
        for row in changed:
            position = self._index[row.id]
            if self._rows[position] != row:
                self._rows[position] = row
                first, last = min(first, position), max(last, position)
        if last >= 0:
            right = len(self.COLUMNS) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, right))

    def set_campaign(self, campaign_id: int) -> None:
        self.beginResetModel()
        self.campaign_id, self._rows, self._index, self._newest = campaign_id, [], {}, None
        self.endResetModel()
        self.refresh()

    def row(self, number: int) -> TableRow:
        return self._rows[number]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return self._headers()[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "reason":
            return self._display(row, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("seq", "attempts"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(row: TableRow, column: str) -> object:
        if column == "seq":
            return row.seq
        if column == "recipient":
            return row.recipient
        if column == "name":
            return row.recipient_name
        if column == "state":
            return state_label(row.state)
        if column == "attempts":
            return row.attempts
        if column == "message_id":
            return row.message_id or ""
        if row.state == "accepted":
            return ""
        return reason_text(row.error_category, row.error_text)
