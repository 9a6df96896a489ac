"""A campaign's overview: the numbers, the timeline and the top links.

:func:`load_campaign_view` computes everything in a worker (core queries only);
:class:`SummaryGrid` and :class:`OverviewTab` show it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.sending.notes import SendNotes, send_notes
from teenvio_desktop.core.stats.queries import (
    LinkClicks,
    Scope,
    StatsSummary,
    TimelinePoint,
    summary,
    timeline,
    top_links,
)
from teenvio_desktop.core.stats.store import StatsStore, SyncState
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback
from teenvio_desktop.ui.results.chart import TimelineChart

SUMMARY_FIELDS = (
    ("sent", QT_TRANSLATE_NOOP("ResultsArea", "Sent")),
    ("accepted", QT_TRANSLATE_NOOP("ResultsArea", "Accepted")),
    ("delivered", QT_TRANSLATE_NOOP("ResultsArea", "Delivered")),
    ("bounces_soft", QT_TRANSLATE_NOOP("ResultsArea", "Soft bounces")),
    ("bounces_hard", QT_TRANSLATE_NOOP("ResultsArea", "Hard bounces")),
    ("unique_opens", QT_TRANSLATE_NOOP("ResultsArea", "Unique opens")),
    ("opens", QT_TRANSLATE_NOOP("ResultsArea", "Total opens")),
    ("unique_clicks", QT_TRANSLATE_NOOP("ResultsArea", "Unique clicks")),
    ("clicks", QT_TRANSLATE_NOOP("ResultsArea", "Total clicks")),
    ("ctr", QT_TRANSLATE_NOOP("ResultsArea", "Click-through rate")),
    ("unsubscribes", QT_TRANSLATE_NOOP("ResultsArea", "Unsubscribes")),
)


@dataclass(frozen=True)
class CampaignView:
    """Everything the overview shows for one campaign, computed off the GUI thread."""

    campaign_id: int
    summary: StatsSummary
    timeline: list[TimelinePoint]
    links: list[LinkClicks]
    status: SyncState
    notes: SendNotes = field(default_factory=SendNotes)  # left out or refused recipients


def load_campaign_view(
    db: Database, campaign_id: int
) -> Callable[[ProgressCallback, CancelToken], CampaignView]:
    def job(progress: ProgressCallback, cancel: CancelToken) -> CampaignView:
        del progress
        cancel.raise_if_cancelled()
        scope = Scope(campaign_id=campaign_id)
        return CampaignView(
            campaign_id,
            summary(db, scope),
            timeline(db, scope),
            top_links(db, scope),
            StatsStore(db).campaign_sync_status(campaign_id),
            send_notes(db, campaign_id),
        )

    return job


class SummaryGrid(QFrame):
    """The campaign's numbers, large, with their captions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summary")
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        for index, (key, title) in enumerate(SUMMARY_FIELDS):
            value = QLabel("–")
            value.setObjectName(f"summary_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            bold = value.font()
            bold.setBold(True)
            bold.setPointSizeF(bold.pointSizeF() * 1.4)
            value.setFont(bold)
            caption = QLabel(QCoreApplication.translate("ResultsArea", title))
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column, row = index % 6, (index // 6) * 2
            grid.addWidget(value, row, column)
            grid.addWidget(caption, row + 1, column)
            self.values[key] = value

    def show_summary(self, numbers: StatsSummary) -> None:
        values = numbers.to_dict()
        for key, label in self.values.items():
            if key == "ctr":
                label.setText(f"{numbers.click_through_rate:.1%}")
            else:
                label.setText(str(values[key]))


class OverviewTab(QSplitter):
    """The timeline of opens and clicks above the most clicked links."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.chart = TimelineChart()
        self.links_table = QTableWidget(0, 3)
        self.links_table.setObjectName("top_links")
        self.links_table.setHorizontalHeaderLabels(
            [self.tr("Link"), self.tr("Clicks"), self.tr("Unique clicks")]
        )
        self.links_table.verticalHeader().hide()
        self.links_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.links_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.addWidget(self.chart)
        links_box = QWidget()
        links_layout = QVBoxLayout(links_box)
        links_layout.setContentsMargins(0, 0, 0, 0)
        links_layout.addWidget(QLabel(self.tr("Top clicked links")))
        links_layout.addWidget(self.links_table)
        self.addWidget(links_box)

    def show_view(self, view: CampaignView) -> None:
        self.chart.set_points(view.timeline)
        self.links_table.setRowCount(len(view.links))
        for row, link in enumerate(view.links):
            text = link.link if not link.link_name else f"{link.link_name} — {link.link}"
            self.links_table.setItem(row, 0, QTableWidgetItem(text))
            self.links_table.setItem(row, 1, QTableWidgetItem(str(link.clicks)))
            self.links_table.setItem(row, 2, QTableWidgetItem(str(link.unique_clicks)))
