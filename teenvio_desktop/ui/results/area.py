"""The Results area: pick a campaign, see what happened, browse and export the events.

Layout and wiring: the numbers, chart and links are computed by core queries in the
background (``overview.py``; only the newest request counts), the tables read SQLite
lazily (``table_page.py``), polling runs in :class:`StatsPoller`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.csv_export import export_csv
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.stats.queries import AUDIENCE_NAMES, TABLES, Scope, save_audience_as_list
from teenvio_desktop.core.stats.store import StatsStore
from teenvio_desktop.core.stats.sync import SyncReport
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback
from teenvio_desktop.ui import file_folders
from teenvio_desktop.ui.latest import LatestRequest
from teenvio_desktop.ui.prompter import DialogPrompter, Prompter
from teenvio_desktop.ui.results.campaign_model import CAMPAIGN_ID_ROLE, CampaignListModel
from teenvio_desktop.ui.results.cards import SummaryCards
from teenvio_desktop.ui.results.header import ResultsHeader
from teenvio_desktop.ui.results.overview import CampaignView, OverviewTab, load_campaign_view
from teenvio_desktop.ui.results.poller import NoConnection, StatsPoller
from teenvio_desktop.ui.results.table_page import TablePage
from teenvio_desktop.ui.results.test_sends import TestSendsToggle
from teenvio_desktop.ui.sending.send_notes import SendNotesPanel
from teenvio_desktop.ui.style import SPACING, area_margins, icon, scaled_font
from teenvio_desktop.ui.table_columns import ResponsiveColumns
from teenvio_desktop.ui.tasks import run_task
from teenvio_desktop.ui.translation import error_text
from teenvio_desktop.ui.vertical_scroll import VerticalScrollArea

TABLE_ORDER = ("bounces", "opens", "clicks", "unsubscribes", "responses")
TAB_TITLES = {
    "bounces": QT_TRANSLATE_NOOP("ResultsArea", "Bounces"),
    "opens": QT_TRANSLATE_NOOP("ResultsArea", "Opens"),
    "clicks": QT_TRANSLATE_NOOP("ResultsArea", "Clicks"),
    "unsubscribes": QT_TRANSLATE_NOOP("ResultsArea", "Unsubscribes"),
    "responses": QT_TRANSLATE_NOOP("ResultsArea", "Responses"),
}


class ResultsArea(QWidget):
    status_message = Signal(str)
    view_shown = Signal(object)  # CampaignView
    exported = Signal(object, int)  # path, rows written
    audience_saved = Signal(int, int)  # new list id, recipients in it

    def __init__(
        self,
        context: AppContext,
        *,
        poller: StatsPoller | None = None,
        prompter: Prompter | None = None,
    ) -> None:
        super().__init__()
        self.context = context
        self.prompter = prompter or DialogPrompter()
        self.store = StatsStore(context.db)
        self.current_campaign_id: int | None = None
        self.current_view: CampaignView | None = None
        self.poller = poller or StatsPoller(context)
        self.poller.setParent(self)
        self._views = LatestRequest(self, coalesce=True)
        self._views.result.connect(self._show_view)
        self._views.error.connect(self._show_error)
        self._build()
        self.poller.sync_started.connect(self._on_sync_started)
        self.poller.synced.connect(self._on_synced)
        self.poller.failed.connect(self._on_failed)
        self.poller.credentials_needed.connect(self._on_credentials_needed)
        self.poller.scheduled.connect(self._on_scheduled)
        self.reload_campaigns()

    # -- construction --------------------------------------------------------------------
    def _build(self) -> None:
        self.campaign_model = CampaignListModel(self)
        self.campaign_proxy = QSortFilterProxyModel(self)
        self.campaign_proxy.setSourceModel(self.campaign_model)
        self.campaign_proxy.setSortRole(Qt.ItemDataRole.EditRole)
        self.campaign_view = QTableView()
        self.campaign_view.setObjectName("campaign_list")
        self.campaign_view.setAccessibleName(self.tr("Campaigns"))
        self.campaign_view.setModel(self.campaign_proxy)
        self.campaign_view.setSortingEnabled(True)
        self.campaign_view.sortByColumn(CampaignListModel.DATE_COLUMN, Qt.SortOrder.DescendingOrder)
        self.campaign_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.campaign_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.campaign_view.setAlternatingRowColors(True)
        self.campaign_view.setWordWrap(False)
        self.campaign_view.setShowGrid(False)
        self.campaign_view.verticalHeader().hide()
        self.campaign_columns = ResponsiveColumns(
            self.campaign_view, stretch=0, priority=(1, 4, 3, 2), min_stretch_width=150
        )
        self.campaign_view.selectionModel().currentRowChanged.connect(self._on_campaign_row)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        heading = QLabel(self.tr("Campaigns"))
        heading.setFont(scaled_font(heading, 1.0, bold=True))
        heading.setBuddy(self.campaign_view)
        left_layout.addWidget(heading)
        left_layout.addWidget(self.campaign_view, 1)
        self.show_tests = TestSendsToggle(self.context.settings)
        self.show_tests.toggled.connect(lambda _shown: self.reload_campaigns())
        left_layout.addWidget(self.show_tests)

        self.header = ResultsHeader()
        self.header.token_requested.connect(self.ask_for_token)

        self.sync_button = QPushButton(icon("sync"), self.tr("Sync now"))
        self.sync_button.setObjectName("sync_now")
        self.sync_button.setToolTip(self.tr("Fetch the newest statistics from Teenvio now"))
        self.sync_button.clicked.connect(self.poller.sync_now)
        self.save_list_button = QPushButton(icon("save_list"), self.tr("Save as list"))
        self.save_list_button.setObjectName("save_as_list")
        self.save_list_button.setToolTip(
            self.tr("Save the people who did not open, or who clicked, as a recipient list")
        )
        audience_menu = QMenu(self.save_list_button)
        self.non_openers_action = audience_menu.addAction(self.tr("People who did not open"))
        self.non_openers_action.setObjectName("save_non_openers")
        self.non_openers_action.triggered.connect(lambda: self.save_audience("non_openers"))
        self.clickers_action = audience_menu.addAction(self.tr("People who clicked"))
        self.clickers_action.setObjectName("save_clickers")
        self.clickers_action.triggered.connect(lambda: self.save_audience("clickers"))
        self.save_list_button.setMenu(audience_menu)
        self.header.add_action(self.sync_button)
        self.header.add_action(self.save_list_button)

        self.summary_grid = SummaryCards()
        self.summary_values = self.summary_grid.values
        self.overview = OverviewTab()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("results_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.pages: dict[str, TablePage] = {}
        for kind in TABLE_ORDER:
            page = TablePage(self.context.db, TABLES[kind])
            page.export_requested.connect(self._choose_export_file)
            self.pages[kind] = page
            title = QCoreApplication.translate("ResultsArea", TAB_TITLES[kind])
            page.view.setAccessibleName(title)
            self.tabs.addTab(page, title)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(SPACING)
        right_layout.addWidget(self.header)
        self.send_notes = SendNotesPanel()
        self.send_notes.resend_requested.connect(self.resend_uncertain)
        right_layout.addWidget(self.send_notes)
        right_layout.addWidget(self.summary_grid)
        right_layout.addWidget(self.tabs, 1)

        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        # The campaign's column scrolls only when banners, an error and notes together need
        # more height than a small window has: the chart and links keep their minimum.
        self.campaign_column = VerticalScrollArea(right)
        self.campaign_column.setObjectName("campaign_column")
        splitter.addWidget(self.campaign_column)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([460, 700])
        layout = QVBoxLayout(self)
        area_margins(layout)
        layout.addWidget(splitter)
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.sync_button, self.save_list_button):
            widget.setEnabled(enabled)

    # -- public API ----------------------------------------------------------------------
    def show_campaign(self, campaign_id: int) -> None:
        """Select ``campaign_id`` (e.g. right after a send) and start polling it."""
        self.reload_campaigns()
        self._select_row(campaign_id)
        if self.current_campaign_id != campaign_id:
            self._activate(campaign_id)

    def reload_campaigns(self) -> None:
        selected = self.current_campaign_id
        self.campaign_model.set_campaigns(self.show_tests.visible(self.store.campaigns()))
        if selected is not None and self.campaign_model.row_of(selected) < 0:
            selected = self.current_campaign_id = None  # a test send just hidden
        if selected is not None:
            self._select_row(selected)
        elif self.campaign_model.rowCount() and self.current_campaign_id is None:
            newest = self.campaign_proxy.index(0, 0)
            self.campaign_view.setCurrentIndex(newest)

    def export_table(self, kind: str, path: Path) -> None:
        """Export the table ``kind`` as shown (filter and order) to ``path``, in the background."""
        page = self.pages[kind]
        query, db = page.model.query, self.context.db
        # The file keeps the server's values (UTC times): its headers say so.
        headers = [QCoreApplication.translate("stats", c.title) for c in page.model.spec.columns]

        def job(progress: ProgressCallback, cancel: CancelToken) -> tuple[Path, int]:
            del progress, cancel
            return path, export_csv(path, headers, query.iter_rows(db))

        task = run_task(job, self)
        task.result.connect(self._exported)
        task.error.connect(self._show_error)
        task.start()

    def save_audience(self, which: str) -> None:
        campaign_id = self.current_campaign_id
        if campaign_id is None:
            return
        campaign = self.store.campaign(campaign_id)
        subject = campaign.subject if campaign and campaign.subject else str(campaign_id)
        name = QCoreApplication.translate("stats", AUDIENCE_NAMES[which]).format(subject=subject)
        db = self.context.db

        def job(progress: ProgressCallback, cancel: CancelToken) -> tuple[str, int, int]:
            del progress, cancel
            return (name, *save_audience_as_list(db, campaign_id, which, name))

        task = run_task(job, self)
        task.result.connect(self._audience_saved)
        task.error.connect(self._show_error)
        task.start()

    def resend_uncertain(self) -> bool:
        """“Send again anyway” for the shown TEA Lite campaign's uncertain messages."""
        from teenvio_desktop.ui.sending.resend_campaign import resend_campaign

        campaign_id, notes = self.current_campaign_id, self.send_notes.notes
        if campaign_id is None or notes is None:
            return False
        return resend_campaign(
            self, self.context, campaign_id, notes, self.prompter, lambda _o: self.load_view()
        )

    def _exported(self, exported: tuple[Path, int]) -> None:
        path, count = exported
        self.exported.emit(path, count)
        self.status_message.emit(
            self.tr("Exported %Ln row(s) to {path}.", "", count).format(path=str(path))
        )

    def _audience_saved(self, saved: tuple[str, int, int]) -> None:
        name, list_id, count = saved
        self.audience_saved.emit(list_id, count)
        self.status_message.emit(
            self.tr("Saved the list “{name}” with %Ln recipient(s).", "", count).format(name=name)
        )

    def ask_for_token(self) -> None:
        token = self.prompter.ask_text(
            self,
            self.tr("TEA Lite token"),
            self.tr("The token was rejected. Enter the account's TEA Lite token:"),
            secret=True,
        )
        if token is not None and token.strip():
            self.header.ask_for_credentials(False)
            self.poller.use_token(token.strip())

    def may_close(self) -> bool:
        """Close guard: stop polling so no new sync starts while the window closes."""
        self.poller.stop()
        # If another guard vetoes the close, the app keeps running: poll again soon.
        QTimer.singleShot(2000, self, self._resume_polling)
        return True

    def _resume_polling(self) -> None:
        if self.current_campaign_id is not None and not self.poller.policy.stopped:
            self.poller.sync_now()

    # -- selection and loading -----------------------------------------------------------
    def _select_row(self, campaign_id: int) -> None:
        row = self.campaign_model.row_of(campaign_id)
        if row < 0:
            return
        index = self.campaign_proxy.mapFromSource(self.campaign_model.index(row, 0))
        if self.campaign_view.currentIndex().row() != index.row():
            self.campaign_view.setCurrentIndex(index)

    def _on_campaign_row(self, current: QModelIndex, _previous: Any) -> None:
        campaign_id = current.data(CAMPAIGN_ID_ROLE) if current.isValid() else None
        if campaign_id is not None and campaign_id != self.current_campaign_id:
            self._activate(int(campaign_id))

    def _activate(self, campaign_id: int) -> None:
        self.current_campaign_id = campaign_id
        self.current_view = None
        campaign = self.store.campaign(campaign_id)
        subject = campaign.subject if campaign and campaign.subject else ""
        self.header.set_title(subject or self.tr("Campaign {id}").format(id=campaign_id))
        self.header.clear_error()
        self.send_notes.show_notes(None)
        self.header.ask_for_credentials(False)
        self._set_enabled(True)
        scope = Scope(campaign_id=campaign_id)
        for page in self.pages.values():
            page.set_scope(scope)
        self.load_view()
        self.poller.watch(campaign_id)

    def load_view(self) -> None:
        """Recompute summary, chart, links and sync status in the background."""
        if self.current_campaign_id is not None:
            self._views.submit(load_campaign_view(self.context.db, self.current_campaign_id))

    def _show_view(self, view: CampaignView) -> None:
        if view.campaign_id != self.current_campaign_id:
            return
        self.current_view = view
        self.summary_grid.show_summary(view.summary)
        self.send_notes.show_notes(view.notes)
        self.overview.show_view(view)
        self.header.show_sync_state(view.status)
        self.view_shown.emit(view)

    # -- poller signals ------------------------------------------------------------------
    def _on_sync_started(self, campaign_id: int) -> None:
        if campaign_id == self.current_campaign_id:
            self.header.show_syncing()

    def _on_synced(self, campaign_id: int, report: SyncReport) -> None:
        if campaign_id != self.current_campaign_id:
            return
        if not report.errors:
            self.header.clear_error()
        if report.total_added or report.linked_bounces:
            for page in self.pages.values():
                page.refresh()
        self.reload_campaigns()
        self.load_view()

    def _on_failed(self, campaign_id: int, error: BaseException) -> None:
        if campaign_id != self.current_campaign_id:
            return
        if isinstance(error, NoConnection):
            self.header.set_error(
                self.tr(
                    "No TEA Lite connection is configured for this campaign's account, so its "
                    "statistics cannot be fetched. Add the account's TEA Lite details in Accounts."
                )
            )
        else:
            self.header.set_error(error_text(error))
        self.load_view()

    def _on_credentials_needed(self, campaign_id: int, error: BaseException) -> None:
        if campaign_id != self.current_campaign_id:
            return
        self.header.set_error(error_text(error))
        self.header.ask_for_credentials(True)

    def _on_scheduled(self, seconds: float) -> None:
        if seconds < 0:
            self.header.show_polling_stopped()

    def _show_error(self, error: BaseException) -> None:
        self.header.set_error(error_text(error))

    def _choose_export_file(self, kind: str) -> None:
        default = f"{kind}-{self.current_campaign_id or 'all'}.csv"
        path = self.prompter.save_file(
            self,
            self.tr("Export to CSV"),
            default,
            self.tr("CSV files (*.csv)"),
            kind=file_folders.EXPORTS,
        )
        if path is not None:
            self.export_table(kind, path)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload_campaigns()
