"""The campaign's envelope: account, transport, sender, reply-to, subject, recipients, and
the TEA Lite fields (campaign id, source system, send-at, List-Unsubscribe)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimeZone, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
)

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.clock import parse_teenvio_timestamp, teenvio_timestamp
from teenvio_desktop.ui.compose.sources import AccountChoice, ListChoice

_ADDRESS_SPLIT = re.compile(r"[\s,;]+")


# Pre-send check codes (core/checks.py) and the attribute of the field each is about.
_CHECK_FIELDS = {
    "empty_subject": "subject",
    "merge_field_unknown": "subject",
    "no_sender": "sender_address",
    "sender_not_validated": "sender_address",
    "reply_to_not_validated": "reply_to",
    "rest_missing_campaign_ref": "campaign_ref",
    "rest_missing_source_system": "source_system",
    "rest_missing_reply_to": "reply_to",
    "rest_missing_sender_name": "sender_name",
    "rest_missing_reply_to_name": "reply_to_name",
    "list_unsubscribe_format": "list_unsubscribe",
}


def parse_addresses(text: str) -> list[str]:
    return [a for a in _ADDRESS_SPLIT.split(text.strip()) if a]


def _pair(*widgets: QWidget, stretch: tuple[int, ...] = ()) -> QWidget:
    """Widgets side by side in one form row (stretch per widget; by default 3 then 2)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    factors = stretch or (3, 2)
    for index, widget in enumerate(widgets):
        layout.addWidget(widget, factors[index] if index < len(factors) else 0)
    return row


def _labelled(form: QFormLayout, label: str, row: QWidget, buddy: QWidget | None = None) -> QWidget:
    """Add ``row`` under ``label`` (whose mnemonic focuses ``buddy``); returns the row."""
    title = QLabel(label)
    title.setBuddy(buddy or row)
    form.addRow(title, row)
    return row


class CampaignFieldsPanel(QWidget):
    changed = Signal()
    account_changed = Signal()
    transport_changed = Signal(bool)  # True: TEA Lite (REST) was chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accounts: list[AccountChoice] = []
        self._lists: list[ListChoice] = []
        self.account = QComboBox()
        self.account.setObjectName("field_account")
        self.transport = QComboBox()
        self.transport.setObjectName("field_transport")
        self.transport.addItem(self.tr("SMTP-API (one message to all)"), "smtp")
        self.transport.addItem(self.tr("TEA Lite REST (personalised)"), "rest")
        self.sender_address = QComboBox()
        self.sender_address.setEditable(True)
        self.sender_address.setObjectName("field_sender")
        self.sender_name = QLineEdit()
        self.sender_name.setObjectName("field_sender_name")
        self.reply_to = QComboBox()
        self.reply_to.setEditable(True)
        self.reply_to.setObjectName("field_reply_to")
        self.reply_to_name = QLineEdit()
        self.reply_to_name.setObjectName("field_reply_to_name")
        self.subject = QLineEdit()
        self.subject.setObjectName("field_subject")
        # In a row with the merge-field button: no form label names it for screen readers.
        self.subject.setAccessibleName(self.tr("Subject"))
        # A push button with a menu: Fusion lays its arrow out beside the text.
        self.merge_button = QPushButton(self.tr("Insert field"))
        self.merge_button.setObjectName("merge_field_picker")
        self.merge_menu = QMenu(self.merge_button)
        self.merge_button.setMenu(self.merge_menu)
        self.recipient_list = QComboBox()
        self.recipient_list.setObjectName("field_recipient_list")
        self.addresses = QLineEdit()
        self.addresses.setObjectName("field_addresses")
        self.addresses.setPlaceholderText(self.tr("ana@example.com, luis@example.com"))
        # TEA Lite only.
        self.campaign_ref = QLineEdit()
        self.campaign_ref.setObjectName("field_campaign_ref")
        self.source_system = QLineEdit()
        self.source_system.setObjectName("field_source_system")
        # The row's label says "Schedule": the box needs no text of its own (a narrow
        # window keeps the whole form in view, without a horizontal scrollbar).
        self.schedule = QCheckBox()
        self.schedule.setObjectName("field_schedule")
        self.schedule.setAccessibleName(self.tr("Schedule the sending"))
        self.schedule.setToolTip(self.tr("Schedule the sending"))
        self.send_at = QDateTimeEdit()
        self.send_at.setObjectName("field_send_at")
        self.send_at.setAccessibleName(self.tr("Send at"))
        self.send_at.setCalendarPopup(True)
        self.send_at.setDisplayFormat(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))
        self.send_at.setDateTime(QDateTime.currentDateTime().addSecs(3600))
        self.send_at.setEnabled(False)
        self.list_unsubscribe = QLineEdit()
        self.list_unsubscribe.setObjectName("field_list_unsubscribe")
        self.list_unsubscribe.setPlaceholderText(
            "mailto:baja@example.com, https://example.com/baja"
        )

        # Long account or list names must not widen the panel (it scrolls sideways then).
        for combo in (self.account, self.transport, self.sender_address, self.reply_to,
                      self.recipient_list):  # fmt: skip
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        # Short placeholders: the row's label already says whose name it is.
        self.sender_name.setPlaceholderText(self.tr("Name"))
        self.sender_name.setAccessibleName(self.tr("From name"))
        self.reply_to_name.setPlaceholderText(self.tr("Name"))
        self.reply_to_name.setAccessibleName(self.tr("Reply-to name"))
        self.source_system.setAccessibleName(self.tr("Source system"))
        # Shared rows: the form's label names the row, so each field says what it is.
        self.sender_address.setAccessibleName(self.tr("From"))
        self.reply_to.setAccessibleName(self.tr("Reply to"))
        self.campaign_ref.setAccessibleName(self.tr("Campaign id"))

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.tr("Send through"), self.transport)
        # An address and its display name share a row: the TEA Lite fields below then fit
        # without scrolling.
        form.addRow(self.tr("From"), _pair(self.sender_address, self.sender_name))
        form.addRow(self.tr("Reply to"), _pair(self.reply_to, self.reply_to_name))
        form.addRow(self.tr("Subject"), _pair(self.subject, self.merge_button, stretch=(1, 0)))
        form.addRow(self.tr("Recipients"), self.recipient_list)
        form.addRow(self.tr("Addresses"), self.addresses)
        source_label = QLabel(self.tr("Source system"))
        source_label.setBuddy(self.source_system)
        campaign_row = _pair(self.campaign_ref, source_label, self.source_system, stretch=(1, 0, 1))
        self._rest_rows: list[QWidget] = [
            _labelled(form, self.tr("Campaign id"), campaign_row, self.campaign_ref),
            _labelled(form, self.tr("List-Unsubscribe"), self.list_unsubscribe),
            _labelled(
                form, self.tr("Schedule"), _pair(self.schedule, self.send_at, stretch=(0, 1))
            ),
        ]
        self._form = form

        self.account.currentIndexChanged.connect(self._on_account_changed)
        self.transport.currentIndexChanged.connect(self._on_transport_changed)
        self.recipient_list.currentIndexChanged.connect(self._on_list_changed)
        self.schedule.toggled.connect(self.send_at.setEnabled)
        for combo in (self.sender_address, self.reply_to):
            combo.currentTextChanged.connect(self.changed)
        for edit in (self.sender_name, self.reply_to_name, self.subject, self.addresses,
                     self.campaign_ref, self.source_system, self.list_unsubscribe):  # fmt: skip
            edit.textChanged.connect(self.changed)
        self.schedule.toggled.connect(self.changed)
        self.send_at.dateTimeChanged.connect(self.changed)
        self.set_lists([])
        self._on_transport_changed()

    # -- choices -----------------------------------------------------------------------------
    def set_accounts(self, accounts: list[AccountChoice]) -> None:
        current = self.account.currentData()
        self._accounts = list(accounts)
        self.account.blockSignals(True)
        self.account.clear()
        for choice in accounts:
            label = (
                self.tr("{name} (sandbox)").format(name=choice.name)
                if choice.is_sandbox
                else choice.name
            )
            self.account.addItem(label, choice.name)
        index = self.account.findData(current)
        self.account.setCurrentIndex(index if index >= 0 else 0)
        self.account.blockSignals(False)
        self._fill_senders()

    def current_account(self) -> AccountChoice | None:
        name = self.account.currentData()
        return next((a for a in self._accounts if a.name == name), None)

    def _fill_senders(self) -> None:
        account = self.current_account()
        for combo, choices in (
            (self.sender_address, account.senders if account else ()),
            (self.reply_to, account.reply_tos if account else ()),
        ):
            text = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            for choice in choices:
                combo.addItem(choice.address, choice.name)
            combo.setEditText(text or (choices[0].address if choices else ""))
            combo.blockSignals(False)
        if account and account.source_system and not self.source_system.text():
            self.source_system.setText(account.source_system)

    def _on_account_changed(self) -> None:
        self._fill_senders()
        self.account_changed.emit()
        self.changed.emit()

    def is_rest(self) -> bool:
        return bool(self.transport.currentData() == "rest")

    def _on_transport_changed(self) -> None:
        rest = self.is_rest()
        for row in self._rest_rows:
            self._form.setRowVisible(row, rest)
        self.transport_changed.emit(rest)
        self.changed.emit()

    def set_lists(self, lists: list[ListChoice]) -> None:
        current = self.recipient_list.currentData()
        self._lists = list(lists)
        self.recipient_list.blockSignals(True)
        self.recipient_list.clear()
        self.recipient_list.addItem(self.tr("Addresses typed below"), None)
        for choice in lists:
            self.recipient_list.addItem(
                self.tr("{name} (%Ln recipient(s))", "", choice.count).format(name=choice.name),
                choice.id,
            )
        index = self.recipient_list.findData(current)
        self.recipient_list.setCurrentIndex(max(0, index))
        self.recipient_list.blockSignals(False)
        self._on_list_changed()

    def current_list(self) -> ListChoice | None:
        list_id = self.recipient_list.currentData()
        return next((c for c in self._lists if c.id == list_id), None)

    def _on_list_changed(self) -> None:
        chosen = self.current_list()
        self.addresses.setEnabled(chosen is None)
        self._form.setRowVisible(self.addresses, chosen is None)
        self.merge_menu.clear()
        columns = ["email", "name", *(chosen.columns if chosen else ())]
        for column in columns:
            action = QAction(column, self.merge_menu)
            action.triggered.connect(lambda _c=False, name=column: self.insert_merge_field(name))
            self.merge_menu.addAction(action)
        self.changed.emit()

    def merge_columns(self) -> list[str]:
        return [a.text() for a in self.merge_menu.actions()]

    def insert_merge_field(self, column: str) -> None:
        from teenvio_desktop.core.merge import field_key

        key = column if column.isidentifier() else field_key(column)
        self.subject.insert("{{ " + key + " }}")
        self.subject.setFocus()

    # -- campaign <-> widgets ----------------------------------------------------------------
    def apply_to(self, campaign: Campaign) -> None:
        campaign.account_name = self.account.currentData()
        campaign.transport = "rest" if self.transport.currentData() == "rest" else "smtp"
        campaign.sender = self.sender_address.currentText().strip()
        campaign.sender_name = self.sender_name.text().strip()
        campaign.reply_to = self.reply_to.currentText().strip()
        campaign.reply_to_name = self.reply_to_name.text().strip()
        campaign.subject = self.subject.text()
        chosen = self.current_list()
        campaign.recipient_list_id = chosen.id if chosen else None
        campaign.recipients = [] if chosen else parse_addresses(self.addresses.text())
        campaign.campaign_ref = self.campaign_ref.text().strip()
        campaign.source_system = self.source_system.text().strip()
        campaign.list_unsubscribe = self.list_unsubscribe.text().strip()
        if self.schedule.isChecked():
            moment = self.send_at.dateTime().toPython()
            assert isinstance(moment, datetime)
            if moment.tzinfo is None:
                moment = moment.astimezone()  # the picker shows local time
            campaign.send_at = teenvio_timestamp(moment)
        else:
            campaign.send_at = None

    def load(self, campaign: Campaign) -> None:
        widgets: list[QWidget] = [self, self.account, self.transport, self.sender_address,
                                  self.reply_to, self.recipient_list, self.schedule,
                                  self.send_at]  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        try:
            if campaign.account_name:
                index = self.account.findData(campaign.account_name)
                if index >= 0:
                    self.account.setCurrentIndex(index)
            self._fill_senders()
            self.transport.setCurrentIndex(max(0, self.transport.findData(campaign.transport)))
            self.sender_address.setEditText(campaign.sender)
            self.sender_name.setText(campaign.sender_name)
            self.reply_to.setEditText(campaign.reply_to)
            self.reply_to_name.setText(campaign.reply_to_name)
            self.subject.setText(campaign.subject)
            index = self.recipient_list.findData(campaign.recipient_list_id)
            self.recipient_list.setCurrentIndex(max(0, index))
            self.addresses.setText(", ".join(campaign.recipients))
            self.campaign_ref.setText(campaign.campaign_ref)
            self.source_system.setText(campaign.source_system)
            self.list_unsubscribe.setText(campaign.list_unsubscribe)
            # Long texts show their beginning, not the end setText leaves the cursor at.
            for line in (self.sender_name, self.reply_to_name, self.subject, self.addresses):
                line.setCursorPosition(0)
            self.schedule.setChecked(bool(campaign.send_at))
            self.send_at.setEnabled(bool(campaign.send_at))
            if campaign.send_at:
                try:
                    moment = parse_teenvio_timestamp(campaign.send_at)
                except ValueError:
                    moment = datetime.now(UTC)
                self.send_at.setDateTime(
                    QDateTime.fromSecsSinceEpoch(
                        int(moment.timestamp()), QTimeZone.systemTimeZone()
                    )
                )
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._on_transport_changed()
        self._on_list_changed()

    def widget_for_check(self, code: str, params: dict[str, object]) -> QWidget | None:
        """The field a pre-send check is about (None when it is not one of ours)."""
        if code in ("no_recipients", "smtputf8_recipients"):
            return self.addresses if self.current_list() is None else self.recipient_list
        if code == "message_invalid":
            return self._by_field_label.get(str(params.get("field", "")))
        name = _CHECK_FIELDS.get(code)
        widget = getattr(self, name, None) if name else None
        return widget if isinstance(widget, QWidget) else None

    @property
    def _by_field_label(self) -> dict[str, QWidget]:
        from teenvio_desktop.core import mime_checks as labels

        return {
            labels.FIELD_SUBJECT: self.subject,
            labels.FIELD_SENDER: self.sender_address,
            labels.FIELD_SENDER_NAME: self.sender_name,
            labels.FIELD_REPLY_TO: self.reply_to,
            labels.FIELD_REPLY_TO_NAME: self.reply_to_name,
            labels.FIELD_RECIPIENT: self.addresses,
        }

    def focus_subject(self) -> None:
        self.subject.setFocus(Qt.FocusReason.OtherFocusReason)
