"""Sending from the composer: checks, confirmation, autosave, the transport, the result.

The transports own their workers and progress dialogs (``ui/smtp_send.py`` and
``ui/rest_send.py``); this module decides what to send, asks the user, and opens the
campaign in the Results pane when the transport reports its result.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.checks import has_errors, message_size, run_checks
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.ui.compose.options_panel import language_names

if TYPE_CHECKING:
    from teenvio_desktop.ui.compose.area import ComposeArea

log = logging.getLogger(__name__)


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("ComposeSending", "yes")
        if value
        else QCoreApplication.translate("ComposeSending", "no")
    )


def confirmation_summary(area: ComposeArea, campaign: Campaign) -> str:
    env = area.check_environment()
    size, limit = message_size(campaign, env)
    count = env.recipients_count if env.recipients_count is not None else len(campaign.recipients)
    transport = (
        QCoreApplication.translate("ComposeSending", "SMTP-API")
        if campaign.transport == "smtp"
        else QCoreApplication.translate("ComposeSending", "TEA Lite REST")
    )
    options = campaign.options
    lines = [
        QCoreApplication.translate("ComposeSending", 'Send "{subject}"?').format(
            subject=campaign.subject
        ),
        "",
        QCoreApplication.translate("ComposeSending", "Transport: {transport}").format(
            transport=transport
        ),
        QCoreApplication.translate("ComposeSending", "Account: {account}").format(
            account=campaign.account_name or "-"
        ),
        QCoreApplication.translate("ComposeSending", "From: {sender}").format(
            sender=campaign.sender
        ),
        QCoreApplication.translate("ComposeSending", "Recipients: {count}").format(count=count),
        QCoreApplication.translate("ComposeSending", "Size: {size} KB of {limit} KB").format(
            size=f"{size / 1024:.1f}", limit=f"{limit / 1024:.0f}"
        ),
        QCoreApplication.translate(
            "ComposeSending", "Header: {cab}; social links: {social}; language: {language}"
        ).format(
            cab=yes_no(options.show_cab),
            social=yes_no(options.social_links),
            language=language_names().get(options.language, str(options.language)),
        ),
        QCoreApplication.translate(
            "ComposeSending", "Track opens: {opens}; track clicks: {clicks}"
        ).format(opens=yes_no(options.tracking_opening), clicks=yes_no(options.tracking_clicks)),
    ]
    if campaign.transport == "rest" and campaign.send_at:
        lines.append(
            QCoreApplication.translate("ComposeSending", "Scheduled for {when} (UTC)").format(
                when=campaign.send_at
            )
        )
    return "\n".join(lines)


def _blocking_errors(area: ComposeArea, campaign: Campaign) -> bool:
    checks = run_checks(campaign, area.check_environment())
    area.checks_panel.set_checks(checks)
    if not has_errors(checks):
        return False
    errors = [c.render(QCoreApplication.translate) for c in checks if c.severity == "error"]
    message = (
        QCoreApplication.translate("ComposeSending", "Fix these before sending:")
        + "\n\n• "
        + "\n• ".join(errors)
    )
    area.last_error = TeenvioError(message)
    area.side_tabs.setCurrentWidget(area.checks_panel)
    if area.interactive:
        QMessageBox.warning(
            area, QCoreApplication.translate("ComposeSending", "Cannot send yet"), message
        )
    return True


def send_campaign(area: ComposeArea) -> bool:
    """Checks, confirmation, autosave, then the transport in the background."""
    if area.send_task is not None:
        return False
    campaign = area.campaign()
    if _blocking_errors(area, campaign):
        return False
    if area.interactive:
        answer = QMessageBox.question(
            area,
            QCoreApplication.translate("ComposeSending", "Send campaign"),
            confirmation_summary(area, campaign),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
    area._autosave_due = True  # every send leaves the exact content in the database
    area.autosave_now()
    return start_transport(area, campaign, test=False)


def test_campaign(campaign: Campaign, addresses: list[str], row: dict[str, str] | None) -> Campaign:
    """The campaign as one recipient would get it, addressed to the test addresses."""
    test = dataclasses.replace(campaign, recipients=list(addresses), recipient_list_id=None)
    if row is not None:
        from teenvio_desktop.core.merge import MergeTemplates

        rendered = MergeTemplates.for_campaign(campaign).render(row)
        test.subject, test.html, test.text = rendered.subject, rendered.html, rendered.text
    if campaign.transport == "rest":
        # Its own campaign id: a test must never count as (or resume) the real campaign.
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        test.campaign_ref = f"{campaign.campaign_ref or 'campaign'}-test-{stamp}"
        test.send_at = None
    return test


def test_send_campaign(
    area: ComposeArea, addresses: list[str] | None, row: dict[str, str] | None
) -> bool:
    if area.send_task is not None:
        return False
    campaign = area.campaign()
    if addresses is None or (row is None and campaign.recipient_list_id is not None):
        from teenvio_desktop.ui.compose.test_send_dialog import TestSendDialog

        if not area.interactive:
            return False
        dialog = TestSendDialog(area.context, campaign, area)
        if not dialog.exec():
            return False
        addresses, row = dialog.addresses(), dialog.row()
    if not addresses:
        return False
    try:
        test = test_campaign(campaign, addresses, row)
    except Exception as exc:  # a template error in the chosen row's data
        area._report(exc)
        return False
    blocking = [
        c for c in run_checks(test, area.check_environment_for_test()) if c.severity == "error"
    ]
    if blocking:
        area._report(
            TeenvioError("\n".join(c.render(QCoreApplication.translate) for c in blocking))
        )
        return False
    area._autosave_due = True
    area.autosave_now()
    return start_transport(area, test, test=True)


class _SendWatcher(QObject):
    """Receives the transport worker's signals in the GUI thread."""

    def __init__(self, area: ComposeArea, test: bool) -> None:
        super().__init__(area)
        self._area = area
        self._test = test

    def on_result(self, result: object) -> None:
        self.deleteLater()
        finish_send(self._area, result, self._test)

    def on_error(self, exc: object) -> None:
        self.deleteLater()
        self._area.send_task = None
        self._area._report(exc if isinstance(exc, BaseException) else TeenvioError(str(exc)))
        self._area.send_failed.emit(exc)

    def on_cancelled(self) -> None:
        self.deleteLater()
        self._area.send_task = None
        self._area._status(QCoreApplication.translate("ComposeSending", "Sending cancelled."))
        self._area.send_failed.emit(None)

    def _connect(self, task: Any) -> None:
        task.worker.result.connect(self.on_result)
        task.worker.error.connect(self.on_error)
        task.worker.cancelled.connect(self.on_cancelled)
        self._area.send_task = task


def _with_list_members(area: ComposeArea, campaign: Campaign) -> Campaign:
    """SMTP sends one message to an explicit list of addresses: expand a saved list."""
    if campaign.recipient_list_id is None:
        return campaign
    from teenvio_desktop.core.outbox.recipients import recipients_from_list

    members = recipients_from_list(area.context.db, campaign.recipient_list_id)
    return dataclasses.replace(campaign, recipients=[m.email for m in members])


def start_transport(area: ComposeArea, campaign: Campaign, *, test: bool) -> bool:
    watcher = _SendWatcher(area, test)
    try:
        if campaign.transport == "rest":
            from teenvio_desktop.ui.rest_send import start_rest_send

            # The composer form: the outbox is filled in the worker, under its progress dialog.
            task = start_rest_send(area, area.context, campaign)
        else:
            from teenvio_desktop.ui.smtp_send import start_smtp_send

            task = start_smtp_send(area, area.context, _with_list_members(area, campaign))
    except TeenvioError as exc:
        area.send_task = None
        area._report(exc)
        area.send_failed.emit(exc)
        return False
    watcher._connect(task)
    task.start()
    return True


def local_campaign_id(result: object) -> int | None:
    """The id of the ``campaigns`` row a transport's result refers to."""
    for name in ("campaign_id", "id"):
        value = getattr(result, name, None)
        if isinstance(value, int):
            return value
    if isinstance(result, int):
        return result
    return None


def finish_send(area: ComposeArea, result: object, test: bool) -> None:
    area.send_task = None
    area.last_send_result = result
    area.send_finished.emit(result)
    if test:
        area._status(QCoreApplication.translate("ComposeSending", "Test message sent."))
        return
    campaign_id = local_campaign_id(result)
    window = area.main_window
    if window is None or campaign_id is None or "results" not in window.area_keys():
        return
    window.show_area("results")
    results = window.area("results")
    show = getattr(results, "show_campaign", None)
    if callable(show):
        show(campaign_id)
