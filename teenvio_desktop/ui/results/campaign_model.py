"""The list of campaigns sent from this workstation, by either transport.

The subject comes first (it is what people look for); dates are local and in the
locale's format; states are words, not codes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QFont

from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.stats.store import StatsCampaign
from teenvio_desktop.ui.formatting import format_count, format_iso
from teenvio_desktop.ui.results.table_model import AnyIndex

CAMPAIGN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATES = {
    "queued": QT_TRANSLATE_NOOP("CampaignListModel", "Queued"),
    "sending": QT_TRANSLATE_NOOP("CampaignListModel", "Sending"),
    "paused": QT_TRANSLATE_NOOP("CampaignListModel", "Paused"),
    "sent": QT_TRANSLATE_NOOP("CampaignListModel", "Sent"),
    "done": QT_TRANSLATE_NOOP("CampaignListModel", "Sent"),
    "done_with_failures": QT_TRANSLATE_NOOP("CampaignListModel", "Sent, some failed"),
    "contacts_imported": QT_TRANSLATE_NOOP("CampaignListModel", "Contacts imported"),
    "failed": QT_TRANSLATE_NOOP("CampaignListModel", "Failed"),
    "cancelled": QT_TRANSLATE_NOOP("CampaignListModel", "Cancelled"),
    "unknown": QT_TRANSLATE_NOOP("CampaignListModel", "Unknown"),
    "external": QT_TRANSLATE_NOOP("CampaignListModel", "Sent elsewhere"),
}


def state_text(state: str) -> str:
    known = STATES.get(state)
    return QCoreApplication.translate("CampaignListModel", known) if known else state


class CampaignListModel(QAbstractTableModel):
    COLUMNS = ("subject", "date", "transport", "recipients", "state")
    DATE_COLUMN = 1

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
            self.tr("Subject"),
            self.tr("Date"),
            self.tr("Via"),
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
                return format_iso(campaign.sent_at or campaign.created_at)
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
                return format_count(campaign.recipients_count or 0)
            return state_text(campaign.state)
        if role == Qt.ItemDataRole.FontRole and campaign.is_test:
            font = QFont()
            font.setItalic(True)  # a test send, not a campaign to follow
            return font
        if role == Qt.ItemDataRole.EditRole:  # what the sort proxy compares
            if column == "date":
                return campaign.sent_at or campaign.created_at
            if column == "recipients":
                return campaign.recipients_count or 0
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "recipients":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            count = campaign.recipients_count or 0
            return self.tr("{subject}\n{date} through {via} to %Ln recipient(s)", "", count).format(
                subject=campaign.subject or "",
                date=format_iso(campaign.sent_at or campaign.created_at),
                via="SMTP-API" if campaign.transport == "smtp" else "TEA Lite",
            )
        return None
