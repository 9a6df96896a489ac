"""“Send again anyway” from outside a sending dialog (Results): confirm, queue the
uncertain messages again, then resume the campaign in its own sending dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.outbox import ResendRequest
from teenvio_desktop.core.sending import SendOutcome, prepare_resume
from teenvio_desktop.core.sending.notes import SendNotes
from teenvio_desktop.ui.prompter import Prompter
from teenvio_desktop.ui.sending.resend import confirm_resend, queue_uncertain_again
from teenvio_desktop.ui.sending.tealite_dialog import TeaLiteSendDialog
from teenvio_desktop.ui.translation import error_text


def resend_campaign(
    parent: QWidget,
    context: AppContext,
    campaign_id: int,
    notes: SendNotes,
    prompter: Prompter,
    on_finished: Callable[[SendOutcome], None],
) -> bool:
    """False when the user declined; otherwise the re-send runs (or its failure is said)."""
    if not notes.uncertain_total or not confirm_resend(parent, prompter, notes):
        return False

    def queued(request: ResendRequest) -> None:
        if not request.requeued:
            return
        try:
            job = prepare_resume(context, campaign_id)
        except TeenvioError as exc:
            title = QCoreApplication.translate("Resend", "Not sent again")
            prompter.warn(parent, title, error_text(exc))
            return
        dialog = TeaLiteSendDialog(job, parent, prompter=prompter)
        dialog.send_finished.connect(on_finished)
        dialog.show()
        dialog.start()

    queue_uncertain_again(parent, context.db, campaign_id, prompter, queued)
    return True
