"""Polling a campaign's statistics in the background.

A single-shot QTimer triggers one sync task (``ui/tasks.py``) at a time; the next delay
comes from the core :class:`PollPolicy` (interval, backoff on transient failures, stop on
rejected credentials). The GUI thread only arms timers and receives signals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.stats.connections import connection_for_campaign
from teenvio_desktop.core.stats.poller import PollPolicy
from teenvio_desktop.core.stats.store import StatsCampaign, StatsStore
from teenvio_desktop.core.stats.sync import SyncReport, sync_campaign
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback
from teenvio_desktop.core.tealite.connection import TeaLiteConnection
from teenvio_desktop.core.tealite.errors import CredentialsRejected
from teenvio_desktop.ui.tasks import Task, run_task


class NoConnection(Exception):
    """Nothing tells how to reach TEA Lite for this campaign (no account, no sandbox)."""


ConnectionFinder = Callable[[AppContext, StatsCampaign], TeaLiteConnection | None]


class StatsPoller(QObject):
    sync_started = Signal(int)  # campaign id
    synced = Signal(int, object)  # campaign id, SyncReport
    failed = Signal(int, object)  # campaign id, exception
    credentials_needed = Signal(int, object)  # campaign id, exception
    scheduled = Signal(float)  # seconds until the next sync; -1 when stopped

    def __init__(
        self,
        context: AppContext,
        *,
        policy: PollPolicy | None = None,
        find_connection: ConnectionFinder = connection_for_campaign,
        sync_options: dict[str, Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.policy = policy or PollPolicy()
        self._find_connection = find_connection
        self._sync_options = dict(sync_options or {})
        self._campaign_id: int | None = None
        self._task: Task | None = None
        self._token_override: str | None = None
        self._running_campaign = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sync_now)

    @property
    def campaign_id(self) -> int | None:
        return self._campaign_id

    def watch(self, campaign_id: int | None) -> None:
        """Poll ``campaign_id`` from now on (at once), or nothing when None."""
        # The same campaign again (a list refresh re-selecting it) while a sync runs or waits
        # keeps its schedule and backoff: only a new campaign starts afresh.
        if campaign_id == self._campaign_id and (self._timer.isActive() or self._task is not None):
            return
        self._campaign_id = campaign_id
        self._timer.stop()
        if campaign_id is not None:
            self.policy.resume()
            self.sync_now()

    def use_token(self, token: str) -> None:
        """Credentials the user typed after a rejection: use them and poll again."""
        self._token_override = token
        self.policy.resume()
        self.sync_now()

    def stop(self) -> None:
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()

    def is_busy(self) -> bool:
        return self._task is not None

    def is_scheduled(self) -> bool:
        return self._timer.isActive()

    def sync_now(self) -> None:
        if self._campaign_id is None or self._task is not None:
            return
        self._timer.stop()
        campaign_id = self._campaign_id
        task = run_task(self._job(campaign_id), self)
        self._running_campaign = campaign_id
        task.result.connect(self._on_result)
        task.error.connect(self._on_error)
        task.cancelled.connect(self._on_cancelled)
        self._task = task
        self.sync_started.emit(campaign_id)
        task.start()

    def _job(self, campaign_id: int) -> Callable[[ProgressCallback, CancelToken], SyncReport]:
        context, find, token = self._context, self._find_connection, self._token_override
        options = self._sync_options

        def job(progress: ProgressCallback, cancel: CancelToken) -> SyncReport:
            campaign = StatsStore(context.db).campaign(campaign_id)
            connection = find(context, campaign) if campaign is not None else None
            if connection is None:
                raise NoConnection()
            if token:
                connection = replace(connection, token=token)
            return sync_campaign(context.db, connection, campaign_id, progress, cancel, **options)

        return job

    # ``result``/``error`` arrive before ``finished``: the task is over for us already, so
    # a campaign chosen meanwhile can start its sync from here.
    def _on_result(self, report: SyncReport) -> None:
        self._task = None
        self._done(self._running_campaign, report)

    def _on_error(self, error: BaseException) -> None:
        self._task = None
        self._failed(self._running_campaign, error)

    def _on_cancelled(self) -> None:
        self._task = None
        if self._campaign_id is not None and self._campaign_id != self._running_campaign:
            self.sync_now()

    def _done(self, campaign_id: int, report: SyncReport) -> None:
        self.synced.emit(campaign_id, report)
        if report.errors:
            self.failed.emit(campaign_id, report.errors[0])
        self._schedule(self.policy.after_report_errors(report.errors), campaign_id)

    def _failed(self, campaign_id: int, error: BaseException) -> None:
        if isinstance(error, CredentialsRejected) or _is_missing_secret(error):
            self.policy.after_error(CredentialsRejected())
            self.credentials_needed.emit(campaign_id, error)
            self._schedule(None, campaign_id)
            return
        self.failed.emit(campaign_id, error)
        if isinstance(error, NoConnection):
            self._schedule(None, campaign_id)
            return
        self._schedule(self.policy.after_error(error), campaign_id)

    def _schedule(self, delay_s: float | None, campaign_id: int) -> None:
        if campaign_id != self._campaign_id:  # the user moved on while it ran
            if self._campaign_id is not None:
                self.sync_now()
            return
        if delay_s is None:
            self.scheduled.emit(-1.0)
            return
        self._timer.start(int(delay_s * 1000))
        self.scheduled.emit(delay_s)


def _is_missing_secret(error: BaseException) -> bool:
    from teenvio_desktop.core.accounts.errors import KeyringUnavailable, MissingSecret

    return isinstance(error, MissingSecret | KeyringUnavailable)
