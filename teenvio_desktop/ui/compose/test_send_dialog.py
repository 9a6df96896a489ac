"""Where a test message goes, and whose data fills in its merge fields."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui.compose.fields_panel import parse_addresses
from teenvio_desktop.ui.compose.sources import sample_recipients

LAST_ADDRESSES_KEY = "compose.test_addresses"


class TestSendDialog(QDialog):
    def __init__(
        self, context: AppContext, campaign: Campaign, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Test send"))
        self._context = context
        self.addresses_edit = QLineEdit(str(context.settings.get(LAST_ADDRESSES_KEY, "") or ""))
        self.addresses_edit.setPlaceholderText(self.tr("you@example.com, colleague@example.com"))
        self.recipient = QComboBox()
        self.recipient.addItem(self.tr("No personalisation"), None)
        self._rows: list[dict[str, str]] = []
        if campaign.recipient_list_id is not None:
            self._rows = sample_recipients(context, campaign.recipient_list_id)
            for index, row in enumerate(self._rows):
                label = row.get("email", "")
                if row.get("name"):
                    label = f"{row['name']} <{label}>"
                self.recipient.addItem(label, index)
            if self._rows:
                self.recipient.setCurrentIndex(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send test"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Send to"), self.addresses_edit)
        form.addRow(self.tr("Render with the data of"), self.recipient)
        form.addRow(buttons)

    def addresses(self) -> list[str]:
        return parse_addresses(self.addresses_edit.text())

    def row(self) -> dict[str, str] | None:
        index = self.recipient.currentData()
        return None if index is None else self._rows[int(index)]

    def accept(self) -> None:
        self._context.settings.set(LAST_ADDRESSES_KEY, self.addresses_edit.text())
        super().accept()
