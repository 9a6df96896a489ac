"""A campaign's overview: the numbers, the timeline and the top links.

:func:`load_campaign_view` computes everything in a worker (core queries only);
:class:`~teenvio_desktop.ui.results.cards.SummaryCards` and :class:`OverviewTab` show it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.clock import utc_now
from teenvio_desktop.core.sending.notes import SendNotes, send_notes
from teenvio_desktop.core.stats.queries import (
    LinkClicks,
    Scope,
    StatsSummary,
    summary,
    top_links,
)
from teenvio_desktop.core.stats.store import StatsStore, SyncState
from teenvio_desktop.core.stats.timeline import Timeline, campaign_timeline
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback
from teenvio_desktop.ui.formatting import format_count
from teenvio_desktop.ui.results.chart import TimelineChart
from teenvio_desktop.ui.style import scaled_font


@dataclass(frozen=True)
class CampaignView:
    """Everything the overview shows for one campaign, computed off the GUI thread."""

    campaign_id: int
    summary: StatsSummary
    timeline: Timeline
    links: list[LinkClicks]
    status: SyncState
    notes: SendNotes = field(default_factory=SendNotes)  # left out or refused recipients


def _moment(iso: str | None) -> datetime | None:
    try:
        moment = datetime.fromisoformat(iso) if iso else None
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def _local_offset(now: datetime) -> int:
    """Seconds east of UTC on this machine's clock now (intervals align to local days)."""
    offset = now.astimezone().utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


def load_campaign_view(
    db: Database, campaign_id: int
) -> Callable[[ProgressCallback, CancelToken], CampaignView]:
    def job(progress: ProgressCallback, cancel: CancelToken) -> CampaignView:
        del progress
        cancel.raise_if_cancelled()
        scope = Scope(campaign_id=campaign_id)
        store = StatsStore(db)
        campaign = store.campaign(campaign_id)
        now = utc_now()
        return CampaignView(
            campaign_id,
            summary(db, scope),
            campaign_timeline(
                db,
                scope,
                now=now,
                sent_at=_moment(campaign.sent_at or campaign.created_at) if campaign else None,
                utc_offset_s=_local_offset(now),
            ),
            top_links(db, scope),
            store.campaign_sync_status(campaign_id),
            send_notes(db, campaign_id),
        )

    return job


class OverviewTab(QSplitter):
    """The timeline of opens and clicks above the most clicked links."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setChildrenCollapsible(False)
        self.chart = TimelineChart()
        self.links_table = QTableWidget(0, 3)
        self.links_table.setObjectName("top_links")
        self.links_table.setAccessibleName(self.tr("Top clicked links"))
        self.links_table.setHorizontalHeaderLabels(
            [self.tr("Link"), self.tr("Clicks"), self.tr("Unique clicks")]
        )
        self.links_table.verticalHeader().hide()
        self.links_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.links_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.links_table.setAlternatingRowColors(True)
        self.links_table.setWordWrap(False)
        header = self.links_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.addWidget(self.chart)
        links_box = QWidget()
        links_layout = QVBoxLayout(links_box)
        links_layout.setContentsMargins(0, 6, 0, 0)
        links_layout.setSpacing(4)
        title = QLabel(self.tr("Top clicked links"))
        title.setObjectName("top_links_title")
        title.setFont(scaled_font(title, 1.0, bold=True))
        links_layout.addWidget(title)
        links_layout.addWidget(self.links_table)
        self.addWidget(links_box)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)

    def show_view(self, view: CampaignView) -> None:
        self.chart.set_timeline(view.timeline)
        self.links_table.setRowCount(len(view.links))
        numbers = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, link in enumerate(view.links):
            text = link.link if not link.link_name else f"{link.link_name} — {link.link}"
            item = QTableWidgetItem(text)
            item.setToolTip(link.link)
            self.links_table.setItem(row, 0, item)
            for column, value in ((1, link.clicks), (2, link.unique_clicks)):
                cell = QTableWidgetItem(format_count(value))
                cell.setTextAlignment(numbers)
                self.links_table.setItem(row, column, cell)
