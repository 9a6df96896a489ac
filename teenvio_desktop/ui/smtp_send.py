"""Sending an SMTP-API campaign from the GUI: the worker and its progress dialog.

The send is ``core.smtp.records.send_and_record`` run through the one worker pattern
(``ui/worker.py``), so the window never blocks; :class:`SendProgressDialog` shows the
stage (connecting, authenticating, recipients n/N, sending data) and its Cancel button
asks the worker to stop at the next safe point (between recipients at the latest).

:func:`start_smtp_send` returns the task *not yet started*: connect to
``task.worker.result/error/cancelled``, then call ``task.start()`` (``autostart=True``
starts it at once for callers that only need the dialog).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.smtp.client import STAGE_RECIPIENTS
from teenvio_desktop.core.smtp.records import RecordedSend, send_and_record
from teenvio_desktop.core.smtp.settings import SmtpSettings
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback
from teenvio_desktop.ui.worker import BackgroundTask, run_in_background


class NoSmtpAccount(TeenvioError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "Choose an account with an SMTP-API connection before sending through the "
                "SMTP-API.",
            )
        )


class SendProgressDialog(QProgressDialog):
    """Stage and recipients n/N of one SMTP send; Cancel stops the worker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sending through the SMTP-API"))
        self.setLabelText(self.tr("Preparing the message"))
        self.setCancelButtonText(self.tr("Cancel"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setRange(0, 0)
        self.task: BackgroundTask | None = None
        self.last_progress: Progress | None = None
        self._done = False
        self.canceled.connect(self._cancel_task)

    def attach(self, task: BackgroundTask) -> None:
        self.task = task
        task.worker.progress.connect(self.show_progress)
        task.worker.finished.connect(self.finish)

    def show_progress(self, progress: Progress) -> None:
        if self._done:
            return
        self.last_progress = progress
        label = QCoreApplication.translate("smtp", progress.stage)
        if progress.stage == STAGE_RECIPIENTS and progress.total:
            label = self.tr("{stage}: {done} of {total}").format(
                stage=label, done=progress.done, total=progress.total
            )
            self.setRange(0, progress.total)
            self.setValue(progress.done)
        else:
            self.setRange(0, 0)  # busy: no count for this stage
        self.setLabelText(label)

    def _cancel_task(self) -> None:
        if self._done or self.task is None:
            return
        self.task.cancel()
        self.setLabelText(self.tr("Cancelling…"))

    def finish(self) -> None:
        """The worker ended (result, error or cancel): close without emitting a cancel."""
        self._done = True
        self.hide()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window while sending means "cancel", as the button does.
        if not self._done:
            self._cancel_task()
        super().closeEvent(event)


def _database(target: Any) -> Database:
    return target if isinstance(target, Database) else target.db


def _account_settings(context: Any, campaign: Campaign) -> SmtpSettings:
    """The SMTP settings of the campaign's account (secrets from the keyring)."""
    from teenvio_desktop.core import accounts

    repository = accounts.account_repository(context)
    account = (
        repository.get(campaign.account_name) if campaign.account_name else repository.default()
    )
    if account is None or account.smtp is None:
        raise NoSmtpAccount()
    resolved = accounts.resolve_smtp(account, accounts.secret_store(context))
    return SmtpSettings(
        host=resolved.host,
        port=resolved.port,
        security=resolved.security,
        user=resolved.user,
        password=resolved.password,
        ca_file=resolved.ca_file,
    )


def start_smtp_send(
    parent: QWidget | None,
    db: Database | Any,
    campaign: Campaign,
    settings: SmtpSettings | None = None,
    contacts_only: bool = False,
    *,
    autostart: bool = False,
    dialog: bool = True,
) -> BackgroundTask:
    """A background task sending ``campaign`` (``result``: a ``RecordedSend``).

    ``db`` is the Database, or the AppContext (the composer passes it); without
    ``settings`` they come from the campaign's account (``context`` needed then), resolved
    in the worker so a slow keyring never blocks the window.
    """
    database = _database(db)
    context = None if isinstance(db, Database) else db
    if settings is None and context is None:
        raise NoSmtpAccount()

    def work(progress: ProgressCallback, cancel: CancelToken) -> RecordedSend:
        chosen = settings if settings is not None else _account_settings(context, campaign)
        return send_and_record(
            database, campaign, chosen, progress, cancel, contacts_only=contacts_only
        )

    owner: QObject | None = parent
    task = run_in_background(work, owner)
    if dialog:
        progress_dialog = SendProgressDialog(parent)
        progress_dialog.attach(task)
        task.progress_dialog = progress_dialog  # type: ignore[attr-defined]
    if autostart:
        task.start()
    return task
