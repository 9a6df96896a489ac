"""One event table: a filter box, the table view, its row count and a CSV export button."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
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
from teenvio_desktop.ui.results.table_model import SqlSortFilterProxy, StatsTableModel
from teenvio_desktop.ui.style import SPACING, IconRole, icon, set_role

FILTER_DELAY_MS = 250


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
        horizontal = self.view.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        horizontal.setStretchLastSection(True)
        horizontal.setDefaultSectionSize(170)

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
