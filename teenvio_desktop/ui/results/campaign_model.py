"""The list of campaigns sent from this workstation, by either transport."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from teenvio_desktop.core.stats.store import StatsCampaign
from teenvio_desktop.ui.results.table_model import AnyIndex

CAMPAIGN_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _local_time(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


class CampaignListModel(QAbstractTableModel):
    COLUMNS = ("date", "transport", "subject", "recipients", "state")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._campaigns: list[StatsCampaign] = []

    def set_campaigns(self, campaigns: list[StatsCampaign]) -> None:
        self.beginResetModel()
        self._campaigns = list(campaigns)
        self.endResetModel()

    def campaign_at(self, row: int) -> StatsCampaign | None:
        return self._campaigns[row] if 0 <= row < len(self._campaigns) else None

    def row_of(self, campaign_id: int) -> int:
        for row, campaign in enumerate(self._campaigns):
            if campaign.id == campaign_id:
                return row
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._campaigns)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (
            self.tr("Date"),
            self.tr("Via"),
            self.tr("Subject"),
            self.tr("Recipients"),
            self.tr("State"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        campaign = self.campaign_at(index.row()) if index.isValid() else None
        if campaign is None:
            return None
        if role == CAMPAIGN_ID_ROLE:
            return campaign.id
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "date":
                return _local_time(campaign.sent_at or campaign.created_at)
            if column == "transport":
                return "SMTP-API" if campaign.transport == "smtp" else "TEA Lite"
            if column == "subject":
                fallback = self.tr("(campaign {ref})").format(ref=campaign.campaign_ref)
                subject = campaign.subject or fallback
                return (
                    self.tr("Test: {subject}").format(subject=subject)
                    if campaign.is_test
                    else subject
                )
            if column == "recipients":
                return campaign.recipients_count
            return campaign.state
        if role == Qt.ItemDataRole.FontRole and campaign.is_test:
            font = QFont()
            font.setItalic(True)  # a test send, not a campaign to follow
            return font
        if role == Qt.ItemDataRole.EditRole:  # what the sort proxy compares
            if column == "date":
                return campaign.sent_at or campaign.created_at
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None
