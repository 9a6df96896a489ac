"""One event table: a filter box, the table view, its row count and a CSV export button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.stats.queries import Scope, TableSpec
from teenvio_desktop.core.store import Database
from teenvio_desktop.ui.formatting import format_date_text, format_teenvio_time
from teenvio_desktop.ui.results.table_model import SqlSortFilterProxy, StatsTableModel
from teenvio_desktop.ui.style import SPACING, IconRole, icon, set_role

FILTER_DELAY_MS = 250
MIN_STRETCH_WIDTH = 160  # left at least for the column with the longest text
# The column that takes the remaining width, per table: its text is the longest.
STRETCH_COLUMN = {
    "responses": "error_text",
    "bounces": "error_text",
    "opens": "email",
    "clicks": "link",
    "unsubscribes": "recipient",
}
# What a value typically looks like, to size the other columns without reading rows.
TYPICAL_VALUES: dict[str, str | Callable[[], str]] = {
    "event_time": lambda: format_teenvio_time("20261231235959"),
    "date_request": lambda: format_date_text("2026-12-31"),
    "recipient": "someone.with.a.long.name@example.com",
    "email": "someone.with.a.long.name@example.com",
    "type": "Delivered",
    "error_code": "550",
    "message_id": "12345678",
    "id_message": "12345678",
    "id_campaign": "12345678",
    "ip": "198.51.100.255",
    "link_name": "See the autumn selection",
}


class TablePage(QWidget):
    export_requested = Signal(str)  # the table's kind

    def __init__(self, db: Database, spec: TableSpec) -> None:
        super().__init__()
        self.kind = spec.kind
        self.setObjectName(f"table_page_{spec.kind}")
        self.model = StatsTableModel(db, spec, self)
        self.proxy = SqlSortFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName(f"filter_{spec.kind}")
        self.filter_edit.setPlaceholderText(self.tr("Filter (any column)"))
        self.filter_edit.setAccessibleName(self.tr("Filter"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.addAction(
            icon("filter", IconRole.MUTED), QLineEdit.ActionPosition.LeadingPosition
        )
        self.count_label = QLabel()
        self.count_label.setObjectName(f"count_{spec.kind}")
        set_role(self.count_label, "textRole", "muted")
        self.export_button = QPushButton(icon("export"), self.tr("Export to CSV…"))
        self.export_button.setObjectName(f"export_{spec.kind}")
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.kind))

        self.view = QTableView()
        self.view.setObjectName(f"table_{spec.kind}")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        # Uniform rows and fixed sections: the view never measures a million rows.
        vertical = self.view.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        vertical.hide()
        self._size_columns(spec)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_edit.textChanged.connect(lambda _text: self._filter_timer.start())

        self.model.modelReset.connect(self._update_count)
        self.model.busy.connect(self._on_busy)

        top = QHBoxLayout()
        top.setSpacing(SPACING)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, SPACING, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def _size_columns(self, spec: TableSpec) -> None:
        """Widths from the header and a typical value, measured once (never by reading a
        million rows); the column with the longest text takes what is left."""
        horizontal = self.view.horizontalHeader()
        horizontal.setStretchLastSection(False)
        self._widths: dict[int, tuple[int, int]] = {}  # column: (title's width, natural)
        metrics = self.view.fontMetrics()
        header_metrics = horizontal.fontMetrics()
        stretch = STRETCH_COLUMN.get(spec.kind)
        for column, spec_column in enumerate(spec.columns):
            if spec_column.key == stretch:
                horizontal.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            horizontal.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            sample = TYPICAL_VALUES.get(spec_column.key, "")
            if callable(sample):
                sample = sample()
            least = header_metrics.horizontalAdvance(title) + 28
            self._widths[column] = (least, max(least, metrics.horizontalAdvance(sample) + 16))
        self.view.viewport().installEventFilter(self)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Natural widths when they fit; else each column gives up part of its surplus over
        its title's width, so the view does not scroll sideways."""
        available = self.view.viewport().width() - MIN_STRETCH_WIDTH
        natural = sum(wide for _least, wide in self._widths.values())
        surplus = sum(wide - least for least, wide in self._widths.values())
        excess = max(0, natural - available)
        keep = 1.0 - min(1.0, excess / surplus) if surplus else 1.0
        header = self.view.horizontalHeader()
        for column, (least, wide) in self._widths.items():
            header.resizeSection(column, least + round((wide - least) * keep))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._fit_columns()
        return False

    def set_scope(self, scope: Scope) -> None:
        self.model.set_scope(scope)
        self._update_count()

    def refresh(self) -> None:
        self.model.refresh()
        self._update_count()

    def apply_filter_now(self) -> None:
        self._filter_timer.stop()
        self._apply_filter()

    def _apply_filter(self) -> None:
        self.proxy.set_filter_text(self.filter_edit.text())
        self._update_count()

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.count_label.setText(self.tr("Filtering…"))

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%Ln row(s)", "", self.model.rowCount()))
