"""Sending from the composer: checks, confirmation, autosave, then one road for both
transports (``core.sending.prepare_send`` and ``ui/sending``), then Results.

A campaign travels one way: the composer's form -> core checks -> a SendJob -> its
transport -> the store; this controller only asks ``results_requested(campaign_id)``
when a real (not test) send ends.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.checks import (
    MERGE_FIELDS_SMTP,
    Check,
    ChecksBlockSending,
    has_errors,
    run_checks,
    smtp_merge_checks,
)
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.ui.compose.check_actions import CheckActions
from teenvio_desktop.ui.compose.confirmation import confirmation_summary
from teenvio_desktop.ui.compose.document_controller import DocumentController
from teenvio_desktop.ui.compose.feedback import Feedback
from teenvio_desktop.ui.compose.form import CampaignForm
from teenvio_desktop.ui.compose.test_send_dialog import TestSendDialog

if TYPE_CHECKING:  # imported when the first send starts: the transports are slow to load
    from teenvio_desktop.core.sending import SendOutcome
    from teenvio_desktop.ui.compose.link_check_dialog import LinkCheckOutcome
    from teenvio_desktop.ui.sending import SendDialog

# Run before the confirmation (the links of the message): what to add to it, or None.
LinkCheck = Callable[[Campaign], "LinkCheckOutcome | None"]

log = logging.getLogger(__name__)


class SendController(QObject):
    send_finished = Signal(object)  # SendOutcome
    send_failed = Signal(object)  # the exception, or None when cancelled
    checks_blocked = Signal(list)  # the checks that stop a send (shown in the checks panel)
    results_requested = Signal(int)  # a campaign was sent: show its results

    def __init__(
        self,
        context: AppContext,
        form: CampaignForm,
        document: DocumentController,
        feedback: Feedback,
        check_actions: CheckActions,
    ) -> None:
        super().__init__(feedback)
        self.context, self.form, self.document, self.feedback = context, form, document, feedback
        self.check_actions = check_actions
        self.prompter = feedback.prompter
        self._dialog: SendDialog | None = None
        self._test = False
        self.check_links_first: LinkCheck | None = None

    def is_sending(self) -> bool:
        return self._dialog is not None

    # --- the two commands -------------------------------------------------------------------

    def send(self) -> bool:
        """Checks, confirmation, autosave, then the transport in the background."""
        if self.is_sending():
            return False
        if not self._merge_fields_settled(self.form.campaign()):
            return False
        campaign = self.form.campaign()
        env = self.form.check_environment()
        if self._blocked(run_checks(campaign, env), self.tr("Cannot send yet")):
            return False
        summary = confirmation_summary(env, campaign)
        links = self.check_links_first(campaign) if self.check_links_first else None
        if links is not None:
            summary += "\n\n" + links.text
        if not self.prompter.confirm(
            self.feedback.view,
            self.tr("Send campaign"),
            summary,
            default_yes=links is None or not links.problems,
        ):
            return False
        self.document.autosave_now(force=True)  # every send leaves its content in the database
        return self._start(campaign, test=False)

    def test_send(
        self, addresses: list[str] | None = None, row: dict[str, str] | None = None
    ) -> bool:
        """To a few addresses, rendered with one recipient's data; asks for both if needed."""
        if self.is_sending():
            return False
        if not self._merge_fields_settled(self.form.campaign()):
            return False
        campaign = self.form.campaign()
        if addresses is None or (row is None and campaign.recipient_list_id is not None):
            dialog = TestSendDialog(self.context, campaign, self.feedback.view)
            if not self.prompter.run(dialog):
                return False
            addresses, row = dialog.addresses(), dialog.row()
        if not addresses:
            return False
        from teenvio_desktop.core.sending import campaign_for_test_send

        try:
            test = campaign_for_test_send(campaign, addresses, row)
        except TeenvioError as exc:  # the chosen row cannot fill the merge fields
            self.feedback.report(exc, self.tr("Test not sent"))
            return False
        checks = run_checks(test, self.form.check_environment_for_test())
        if self._blocked(checks, self.tr("Test not sent"), show=False):
            return False
        self.document.autosave_now(force=True)
        return self._start(test, test=True)

    def _merge_fields_settled(self, campaign: Campaign) -> bool:
        """Merge fields with the SMTP-API: offer the fix first; False when not fixed."""
        if not smtp_merge_checks(campaign):
            return True
        self.checks_blocked.emit(run_checks(campaign, self.form.check_environment()))
        return self.check_actions.offer_merge_fix() and not smtp_merge_checks(self.form.campaign())

    def _blocked(self, checks: list[Check], title: str, *, show: bool = True) -> bool:
        """Errors stop the send: listed, explained, and the first one's field focused."""
        if show:
            self.checks_blocked.emit(checks)
        errors = [c for c in checks if c.severity == "error"]
        if not has_errors(checks):
            return False
        listed = [c.render(QCoreApplication.translate) for c in errors]
        self.feedback.report(ChecksBlockSending(listed), title)
        first = next((c for c in errors if c.code != MERGE_FIELDS_SMTP), None)
        if first is not None:
            self.check_actions.focus_field(first)
        return True

    # --- the send itself ------------------------------------------------------------------

    def _start(self, campaign: Campaign, *, test: bool) -> bool:
        from teenvio_desktop.core.sending import prepare_send
        from teenvio_desktop.ui.sending import open_send_dialog

        try:
            job = prepare_send(self.context, campaign, test=test)
        except TeenvioError as exc:
            self.feedback.report(exc)
            self.send_failed.emit(exc)
            return False
        dialog = open_send_dialog(self.feedback.view, job, prompter=self.prompter)
        dialog.send_finished.connect(self._finished)
        dialog.send_failed.connect(self._failed)
        dialog.send_cancelled.connect(self._cancelled)
        self._dialog, self._test = dialog, test
        dialog.start()
        return True

    def _release(self) -> SendDialog | None:
        """Only the dialog's first outcome is the composer's (retries are the dialog's)."""
        dialog, self._dialog = self._dialog, None
        if dialog is None:
            return None
        dialog.send_finished.disconnect(self._finished)
        dialog.send_failed.disconnect(self._failed)
        dialog.send_cancelled.disconnect(self._cancelled)
        return dialog

    def _finished(self, outcome: SendOutcome) -> None:
        dialog = self._release()
        if dialog is None:
            return
        self.send_finished.emit(outcome)
        if self._test:
            self.feedback.say(self.tr("Test message sent."))
            if outcome.complete:
                dialog.close()  # nothing left to look at: the status bar says it
        else:
            self.results_requested.emit(outcome.campaign_id)
        self._say_what_was_left_out(outcome)

    def _say_what_was_left_out(self, outcome: SendOutcome) -> None:
        """The send went out, but not to everyone: name who was left out, and why."""
        if outcome.transport != "smtp" or outcome.complete:
            return
        from teenvio_desktop.core.sending.notes import send_notes
        from teenvio_desktop.ui.sending.send_notes import describe_notes

        notes = describe_notes(send_notes(self.context.db, outcome.campaign_id))
        sent = self.tr("Sent to %n recipient(s).", None, outcome.accepted)
        self.prompter.warn(
            self.feedback.view, self.tr("Not everyone was sent to"), f"{sent}\n\n{notes}"
        )

    def _failed(self, error: BaseException) -> None:
        if self._release() is None:
            return
        self.feedback.report(error)
        self.send_failed.emit(error)

    def _cancelled(self) -> None:
        if self._release() is None:
            return
        self.feedback.say(self.tr("Sending cancelled."))
        self.send_failed.emit(None)
