"""At start-up: the TEA Lite campaigns a crash or a kill left half sent, offered to resume."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.outbox import UnfinishedCampaign, unfinished_campaigns
from teenvio_desktop.core.sending import prepare_resume
from teenvio_desktop.ui.prompter import Prompter
from teenvio_desktop.ui.sending.dialog import SendDialog
from teenvio_desktop.ui.sending.tealite_dialog import TeaLiteSendDialog
from teenvio_desktop.ui.translation import error_text


class ResumeCampaignsDialog(QDialog):
    """The unfinished campaigns, all checked; "Resume sending" or "Later"."""

    def __init__(self, items: list[UnfinishedCampaign], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ResumeCampaignsDialog")
        self.setWindowTitle(self.tr("Unfinished campaigns"))
        self.items = items
        self.list = QListWidget()
        for item in items:
            record, counts = item.record, item.counts
            text = self.tr("{subject} (campaign {ref}): {accepted} of {total} sent").format(
                subject=record.subject,
                ref=record.campaign_ref or record.id,
                accepted=counts.accepted,
                total=counts.total,
            )
            row = QListWidgetItem(text)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked)
            row.setData(Qt.ItemDataRole.UserRole, record.id)
            self.list.addItem(row)
        buttons = QDialogButtonBox()
        self.resume_button = buttons.addButton(
            self.tr("Resume sending"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        explanation = QLabel(
            self.tr(
                "These campaigns stopped before every message was sent. Resuming sends only "
                "the messages not yet accepted."
            )
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> list[int]:
        rows = (self.list.item(i) for i in range(self.list.count()))
        return [
            int(row.data(Qt.ItemDataRole.UserRole))
            for row in rows
            if row.checkState() == Qt.CheckState.Checked
        ]


def resume_campaigns(
    parent: QWidget | None, context: AppContext, campaign_ids: list[int], prompter: Prompter
) -> list[SendDialog]:
    """A sending dialog, started, for each campaign; problems (no account...) are shown."""
    dialogs: list[SendDialog] = []
    for campaign_id in campaign_ids:
        try:
            job = prepare_resume(context, campaign_id)
        except TeenvioError as exc:
            title = QCoreApplication.translate("RestSend", "Cannot resume")
            prompter.warn(parent, title, error_text(exc))
            continue
        dialog = TeaLiteSendDialog(job, parent)
        dialog.show()
        dialog.start()
        dialogs.append(dialog)
    return dialogs


def offer_resume(
    parent: QWidget | None, context: AppContext, prompter: Prompter
) -> ResumeCampaignsDialog | None:
    """Ask (without blocking the window) whether to resume unfinished sends; None if none."""
    items = unfinished_campaigns(context.db)
    if not items:
        return None
    dialog = ResumeCampaignsDialog(items, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: resume_campaigns(parent, context, dialog.chosen(), prompter))
    dialog.open()
    return dialog


def offer_resume_later(window: QWidget, context: AppContext, prompter: Prompter) -> None:
    """Once the window is up (the event loop running): offer to resume."""
    QTimer.singleShot(0, window, lambda: offer_resume(window, context, prompter))
