"""Sending an outbox campaign to TEA Lite: bounded concurrency, retries, pause and resume.

One client per run, keep-alive, at most ``concurrency`` requests in flight (see
``transport.py`` for the runner and for how each answer is classified). The runner only
renders and POSTs; the calling thread dispatches, applies the rate limit, schedules
retries and writes every state change to the outbox, so SQLite is used from one thread.

No duplicates, without relying on the server: the seed never says that TEA Lite
deduplicates by outboundId, so nothing that may have reached the server is sent again
automatically.

* The run holds the campaign's lease (``lease.py``): a second sender, in another process
  or window, gets :class:`CampaignBusy` and sends nothing.
* A message is marked ``sending`` in a committed transaction *before* its POST starts, so a
  killed run leaves a trace of every request that may have gone out; the next run turns
  those into ``uncertain`` (``OutboxRepository.recover_in_flight``).
* An answer that does not say what happened (a lost connection after the request was
  written, a bare 5xx) makes the message ``uncertain``. Only failures that provably did not
  reach the server (connection refused, DNS, pool timeout) and ``400 Retriable`` are
  retried, with backoff and jitter.
* Once the queue is done, uncertain messages are looked up in /responses
  (``reconcile.py``); those found become ``accepted``, the rest stay uncertain until the
  user re-sends them explicitly (:func:`resend_uncertain`).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from datetime import timedelta

from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.clock import utc_now
from teenvio_desktop.core.errors import Cancelled, TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.merge import MergeTemplates
from teenvio_desktop.core.outbox.lease import LeaseLost, SendLease
from teenvio_desktop.core.outbox.progress import SendTally
from teenvio_desktop.core.outbox.queue import Job, SendQueue
from teenvio_desktop.core.outbox.reconcile import reconcile_with_patience
from teenvio_desktop.core.outbox.repository import (
    UNCERTAIN_NO_ANSWER,
    MessageUpdate,
    OutboxMessage,
    OutboxRepository,
)
from teenvio_desktop.core.outbox.send_options import (
    SendControl,
    SendOptions,
    SendSummary,
    UnknownCampaign,
)
from teenvio_desktop.core.outbox.transport import Outcome, ThreadRunner
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.suppression import SuppressionList
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback, no_progress
from teenvio_desktop.core.tealite.connection import TeaLiteConnection

log = logging.getLogger(__name__)

STAGE_SENDING = QT_TRANSLATE_NOOP("tasks", "Sending through TEA Lite")
STAGE_RECONCILING = QT_TRANSLATE_NOOP(
    "tasks", "Checking in TEA Lite's responses whether the uncertain messages arrived"
)
__all__ = [
    "STAGE_RECONCILING",
    "STAGE_SENDING",
    "CampaignSender",
    "SendControl",
    "SendOptions",
    "SendSummary",
    "UnknownCampaign",
    "send_campaign",
]


class CampaignSender:
    """One run over a campaign's pending messages. Use :func:`send_campaign`."""

    def __init__(
        self,
        db: Database,
        campaign_id: int,
        connection: TeaLiteConnection,
        options: SendOptions,
        progress: ProgressCallback,
        cancel: CancelToken,
        control: SendControl,
    ) -> None:
        self.db = db
        self.outbox = OutboxRepository(db)
        self.campaigns = CampaignRepository(db)
        self.campaign_id = campaign_id
        self.connection = connection
        self.options = options
        self.progress = progress
        self.cancel = cancel
        self.control = control
        self.rng = random.Random()
        self.updates: list[MessageUpdate] = []
        self.last_flush = time.monotonic()
        self.last_progress = 0.0
        self.queue = SendQueue(self.outbox, campaign_id, max(1, options.concurrency), options.rate)
        self.stop_error: TeenvioError | None = None
        self.tally = SendTally(0, 0, 0)
        self.suppression = SuppressionList(db)
        self.suppressed: set[str] = set()
        self.lease = SendLease(db, campaign_id, options.lease)
        self.settled = 0

    # -- queue -----------------------------------------------------------------------
    def _refill(self, now: float) -> None:
        read, suppressed = self.queue.refill(now, self.suppressed)
        for job in suppressed:
            # Unsubscribed or bounced since the campaign was written: never send it.
            self._fail(job, "Suppressed", "on the suppression list", now)
        self.tally.retrying.update(j.message.id for j in read if j.message.state == "retrying")

    # -- outcomes --------------------------------------------------------------------
    def _record(self, job: Job, outcome: Outcome, now: float) -> None:
        mid = job.message.id
        if outcome.kind == "accepted":
            self.tally.accepted += 1
            self.tally.retrying.discard(mid)
            self.tally.note_done(now)
            self.updates.append(MessageUpdate(mid, "accepted", message_id=outcome.message_id))
        elif outcome.kind == "failed":
            self._fail(job, outcome.category, outcome.text, now)
        elif outcome.kind == "uncertain" or (outcome.kind == "stop" and outcome.maybe_sent):
            if outcome.kind == "stop":
                self.stop_error = self.stop_error or outcome.error
            self._uncertain(job, outcome, now)
        elif outcome.kind == "stop":
            self.stop_error = self.stop_error or outcome.error
            self.tally.retrying.add(mid)
            error = outcome.error
            self.updates.append(
                MessageUpdate(
                    mid,
                    "retrying",
                    error_category=error.category if error else None,
                    error_text=error.text if error else None,
                )
            )
        elif job.attempts >= self.options.max_attempts:
            text = f"{outcome.text or outcome.category} (gave up after {job.attempts} attempts)"
            self._fail(job, outcome.category, text, now)
        else:
            delay = self.options.backoff(job.attempts, self.rng)
            self.queue.schedule(job, now + delay)
            self.tally.retrying.add(mid)
            due = (utc_now() + timedelta(seconds=delay)).isoformat()
            self.updates.append(
                MessageUpdate(
                    mid,
                    "retrying",
                    next_attempt_at=due,
                    error_category=outcome.category,
                    error_text=outcome.text,
                )
            )

    def _uncertain(self, job: Job, outcome: Outcome, now: float) -> None:
        log.warning(
            "Campaign %s: the outcome of message %s is unknown (%s); it will not be re-sent "
            "automatically",
            self.campaign_id,
            job.message.id,
            outcome.text,
        )
        self.tally.uncertain += 1
        self.tally.retrying.discard(job.message.id)
        self.tally.note_done(now)
        self.updates.append(
            MessageUpdate(
                job.message.id,
                "uncertain",
                error_category=UNCERTAIN_NO_ANSWER,
                error_text=outcome.text or (outcome.error.render() if outcome.error else None),
            )
        )

    def _fail(self, job: Job, category: str | None, text: str | None, now: float) -> None:
        self.tally.failed += 1
        self.tally.retrying.discard(job.message.id)
        self.tally.note_done(now)
        self.updates.append(
            MessageUpdate(job.message.id, "failed", error_category=category, error_text=text)
        )

    def _flush(self, now: float, *, force: bool = False) -> None:
        due = now - self.last_flush >= self.options.flush_interval_s
        if self.updates and (force or due or len(self.updates) >= self.options.flush_rows):
            batch, self.updates = self.updates, []
            self.outbox.apply(batch)
            self.last_flush = now

    def _report(self, now: float, *, force: bool = False, stage: str = STAGE_SENDING) -> None:
        if force or now - self.last_progress >= self.options.progress_interval_s:
            self.last_progress = now
            details = self.tally.details(now, paused=self.control.paused)
            self.progress(Progress(stage, self.tally.finished, self.tally.total, details))

    # -- the run ---------------------------------------------------------------------
    def run(self) -> SendSummary:
        record = self.campaigns.get(self.campaign_id)
        if record is None or record.transport != "rest":
            raise UnknownCampaign(self.campaign_id)
        campaign = record.campaign()
        templates = MergeTemplates.for_campaign(campaign)
        with self.lease:
            recovered = self.outbox.recover_in_flight(self.campaign_id)
            if recovered:
                log.warning(
                    "Campaign %s: %s messages were in flight when the last run stopped; they "
                    "are uncertain (never re-sent automatically)",
                    record.id,
                    recovered,
                )
            counts = self.outbox.counts(self.campaign_id)
            self.tally = SendTally(counts.total, counts.accepted, counts.failed, counts.uncertain)
            self.suppressed = self.suppression.all_addresses()
            self.campaigns.set_state(self.campaign_id, "sending")
            concurrency = max(1, self.options.concurrency)
            with ThreadRunner(self.connection, concurrency, campaign, templates) as runner:
                try:
                    self._loop(concurrency, runner.submit)
                finally:
                    self._flush(time.monotonic(), force=True)
            if not self._halted():
                self._reconcile()
            return self._finish()

    def _halted(self) -> bool:
        if self.lease.lost and self.stop_error is None:
            self.stop_error = LeaseLost(self.campaign_id)
        return self.cancel.cancelled or self.control.cancelled or self.stop_error is not None

    def _dispatch(
        self,
        now: float,
        concurrency: int,
        in_flight: dict[Future[Outcome], Job],
        submit: Callable[[OutboxMessage], Future[Outcome]],
    ) -> None:
        """Start what the free slots allow; each is marked ``sending`` (committed) first."""
        batch: list[Job] = []
        queue = self.queue
        while queue.ready and len(in_flight) + len(batch) < concurrency and queue.rate_allows(now):
            job = queue.ready.popleft()
            job.attempts += 1
            self.tally.sent_this_run += 1
            self.updates.append(MessageUpdate(job.message.id, "sending", count_attempt=True))
            batch.append(job)
        if not batch:
            return
        self._flush(now, force=True)  # durable before any byte of these requests leaves
        for job in batch:
            in_flight[submit(job.message)] = job

    def _loop(self, concurrency: int, submit: Callable[[OutboxMessage], Future[Outcome]]) -> None:
        in_flight: dict[Future[Outcome], Job] = {}
        was_paused = False
        while True:
            now = time.monotonic()
            halted, paused = self._halted(), self.control.paused
            # "paused" is recorded once the requests in flight have come back.
            if not halted and paused != was_paused and not (paused and in_flight):
                self.campaigns.set_state(self.campaign_id, "paused" if paused else "sending")
                was_paused = paused
                self._report(now, force=True)
            if not halted and not paused:
                self.queue.release_due(now)
                self._refill(now)
                self._dispatch(now, concurrency, in_flight, submit)
            if not in_flight and (halted or (not paused and self.queue.empty)):
                break
            timeout = self.queue.idle_timeout(now, paused)
            if in_flight:
                done, _ = wait(in_flight, timeout=timeout, return_when=FIRST_COMPLETED)
                finished_at = time.monotonic()
                for future in done:
                    self._record(in_flight.pop(future), _outcome_of(future), finished_at)
            else:
                self.cancel.wait(timeout)
            now = time.monotonic()
            self._flush(now)
            self._report(now)
        self._report(time.monotonic(), force=True)

    def _reconcile(self) -> None:
        if not self.outbox.counts(self.campaign_id).uncertain:
            return
        self._report(time.monotonic(), force=True, stage=STAGE_RECONCILING)
        result = reconcile_with_patience(
            self.db,
            self.campaign_id,
            self.connection,
            options=self.options.reconcile,
            cancel=self.cancel,
        )
        self.settled = len(result.settled)
        self.tally.uncertain -= self.settled
        self.tally.accepted += self.settled
        self._report(time.monotonic(), force=True)

    def _finish(self) -> SendSummary:
        counts = self.outbox.counts(self.campaign_id)
        if self.stop_error is not None:
            state = "stopped"
        elif self.control.cancelled:
            state = "cancelled"
        elif self.cancel.cancelled:
            state = "paused"
        elif counts.uncertain:
            state = "done_with_uncertain"
        else:
            state = "done" if counts.failed == 0 and counts.remaining == 0 else "done_with_failures"
        error_text = self.stop_error.render() if self.stop_error else None
        self.campaigns.update(
            self.campaign_id,
            state=state,
            last_error=error_text,
            **({"sent_at": utc_now().isoformat()} if state.startswith("done") else {}),
        )
        if self.stop_error is not None:
            raise self.stop_error
        if state in ("cancelled", "paused"):
            raise Cancelled()
        return SendSummary(
            campaign_id=self.campaign_id,
            total=counts.total,
            accepted=counts.accepted,
            failed=counts.failed,
            remaining=counts.remaining,
            sent_this_run=self.tally.sent_this_run,
            elapsed_s=time.monotonic() - self.tally.started,
            state=state,
            uncertain=counts.uncertain,
            settled_by_responses=self.settled,
        )


def _outcome_of(future: Future[Outcome]) -> Outcome:
    """The attempt's outcome; an exception no mapping foresaw may have followed the POST,
    so the message is uncertain, never re-sent blindly."""
    try:
        return future.result()
    except Exception as exc:
        log.exception("Sending one message failed in a way no mapping foresaw; outcome unknown")
        return Outcome("uncertain", category="Uncertain", text=f"{type(exc).__name__}: {exc}")


def send_campaign(
    db: Database,
    campaign_id: int,
    connection: TeaLiteConnection,
    *,
    options: SendOptions | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    control: SendControl | None = None,
) -> SendSummary:
    """Send every message of the campaign that is queued or retrying; settle uncertain ones.

    Raises :class:`CampaignBusy` (nothing sent) when another sender holds the campaign;
    :class:`CredentialsRejected`, :class:`TlsVerificationError` or :class:`LeaseLost`
    after saving the state when the campaign as a whole cannot go on; and ``Cancelled``
    when stopped by ``cancel`` (state ``paused``, resumable) or ``control.cancel()``
    (state ``cancelled``). Messages whose outcome is unknown are counted in
    ``SendSummary.uncertain`` (state ``done_with_uncertain``); list them with
    ``OutboxRepository.uncertain`` and re-send them only with :func:`resend_uncertain`.
    """
    sender = CampaignSender(
        db,
        campaign_id,
        connection,
        options or SendOptions(),
        progress,
        cancel or CancelToken(),
        control or SendControl(),
    )
    return sender.run()
