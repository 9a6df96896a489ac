"""Sending an outbox campaign to TEA Lite: bounded concurrency, retries, pause and resume.

One event loop per run, in the calling thread: one keep-alive aiohttp session
(``aio_runner.py``; ``transport.py`` says how each answer is classified) and
``concurrency`` worker coroutines, each starting the next marked message as soon as its
previous answer is in. The loop around them marks messages ahead, applies the rate limit,
schedules retries and writes every state change to the outbox, so SQLite is used from one
thread and nothing waits for a thread hand-off (a pool of threads over ``httpx.Client``
spent about 1.3 ms of CPU per request on hand-offs and the GIL; this design about 0.3 ms).
Each message is rendered once: the requests the pre-send check built are POSTed as they
are (``PreparedRequests``).

Writes are batched, because a transaction per message cost more than its request:

* Before requests start, a *window* of up to ``SendOptions.mark_window`` messages is marked
  ``sending`` in one committed transaction (with the outcomes gathered meanwhile). A crash
  therefore leaves at most the window plus the requests in flight as ``uncertain``, never a
  message sent twice; a pause or a stop puts the marked messages that never started back
  as they were (``OutboxRepository.unmark``).
* Outcomes are written in batches (``flush_rows``, ``flush_interval_s``), at the latest
  with the next window.

No duplicates, without relying on the server: the seed never says that TEA Lite
deduplicates by outboundId, so nothing that may have reached the server is sent again
automatically.

* The run holds the campaign's lease (``lease.py``): a second sender, in another process
  or window, gets :class:`CampaignBusy` and sends nothing.
* A message is marked ``sending`` in a committed transaction *before* its POST starts (its
  window's), so a killed run leaves a trace of every request that may have gone out; the
  next run turns those into ``uncertain`` (``OutboxRepository.recover_in_flight``).
* An answer that does not say what happened (a lost connection after the request was
  written, a bare 5xx) makes the message ``uncertain``. Only failures that provably did not
  reach the server (connection refused, DNS, pool timeout) and ``400 Retriable`` are
  retried, with backoff and jitter.
* Once the queue is done, uncertain messages are looked up in /responses
  (``reconcile.py``); those found become ``accepted``, the rest stay uncertain until the
  user re-sends them explicitly (:func:`resend_uncertain`).
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import deque
from datetime import timedelta
from typing import TYPE_CHECKING

from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.clock import utc_now
from teenvio_desktop.core.errors import Cancelled, TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.merge import MergeTemplates
from teenvio_desktop.core.outbox.lease import LeaseLost, SendLease
from teenvio_desktop.core.outbox.payload import PreparedRequests
from teenvio_desktop.core.outbox.progress import SendTally
from teenvio_desktop.core.outbox.queue import Job, SendQueue
from teenvio_desktop.core.outbox.reconcile import reconcile_with_patience
from teenvio_desktop.core.outbox.repository import (
    UNCERTAIN_NO_ANSWER,
    MessageUpdate,
    OutboxRepository,
    fewer_checkpoints,
)
from teenvio_desktop.core.outbox.send_options import (
    SendControl,
    SendOptions,
    SendSummary,
    UnknownCampaign,
)
from teenvio_desktop.core.outbox.transport import Outcome
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.suppression import SuppressionList
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback, no_progress
from teenvio_desktop.core.tealite.connection import TeaLiteConnection

if TYPE_CHECKING:
    from teenvio_desktop.core.outbox.aio_runner import AsyncRunner

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
        prepared: PreparedRequests | None = None,
    ) -> None:
        self.db = db
        self.prepared = prepared
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
        # Marked ``sending`` (committed), not started yet.
        self.marked: deque[Job] = deque()
        self.window = max(1, options.mark_window or options.concurrency)
        self.in_flight = 0
        self.stopping = False
        self.ready = asyncio.Event()  # workers: marked messages are waiting
        if options.rate:  # at a set rate, mark no more than about a quarter second ahead
            self.window = max(1, min(self.window, int(options.rate / 4)))

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
            from teenvio_desktop.core.outbox.aio_runner import AsyncRunner

            runner = AsyncRunner(self.connection, concurrency, campaign, templates, self.prepared)
            try:
                with fewer_checkpoints(self.db):
                    asyncio.run(self._loop(concurrency, runner))
            finally:
                self._unmark()
                self._flush(time.monotonic(), force=True)
            if not self._halted():
                self._reconcile()
            return self._finish()

    def _halted(self) -> bool:
        if self.lease.lost and self.stop_error is None:
            self.stop_error = LeaseLost(self.campaign_id)
        return self.cancel.cancelled or self.control.cancelled or self.stop_error is not None

    def _mark_window(self, now: float) -> None:
        """Mark the next window ``sending``, durably, before any byte of it leaves."""
        queue = self.queue
        while queue.ready and len(self.marked) < self.window:
            job = queue.ready.popleft()
            job.attempts += 1
            self.tally.sent_this_run += 1
            self.updates.append(MessageUpdate(job.message.id, "sending", count_attempt=True))
            self.marked.append(job)
        self._flush(now, force=True)

    def _unmark(self) -> None:
        """The marked messages that never started go back as they were (and to the queue)."""
        if not self.marked:
            return
        jobs = list(self.marked)
        self.marked.clear()
        self._flush(time.monotonic(), force=True)  # their ``sending`` mark first
        self.outbox.unmark([job.message for job in jobs])
        for job in reversed(jobs):
            job.attempts -= 1
            self.tally.sent_this_run -= 1
            self.queue.ready.appendleft(job)

    def _take(self, now: float) -> Job | None:
        """The next marked message a worker may start now, if any."""
        if not self.marked or self.stopping or self.control.paused or self._halted():
            return None
        if not self.queue.rate_allows(now):
            return None
        return self.marked.popleft()

    async def _worker(
        self, runner: AsyncRunner, finished: deque[tuple[Job, Outcome]], wake: asyncio.Event
    ) -> None:
        """Start the next marked message as soon as the previous answer is in: no request
        waits for the loop's bookkeeping."""
        while not self.stopping:
            job = self._take(time.monotonic())
            if job is None:
                self.ready.clear()
                await self.ready.wait()
                continue
            self.in_flight += 1
            try:
                outcome = await runner.attempt(job.message)
            except Exception as exc:
                outcome = unforeseen_outcome(exc)
            self.in_flight -= 1
            finished.append((job, outcome))
            wake.set()

    async def _loop(self, concurrency: int, runner: AsyncRunner) -> None:
        loop = asyncio.get_running_loop()
        finished: deque[tuple[Job, Outcome]] = deque()
        wake = asyncio.Event()
        self.ready = asyncio.Event()
        async with runner:
            workers = [
                loop.create_task(self._worker(runner, finished, wake)) for _ in range(concurrency)
            ]
            was_paused = False
            try:
                while True:
                    now = time.monotonic()
                    halted, paused = self._halted(), self.control.paused
                    if halted or paused:
                        self._unmark()
                    # "paused" is recorded once the requests in flight have come back.
                    if not halted and paused != was_paused and not (paused and self.in_flight):
                        state = "paused" if paused else "sending"
                        self.campaigns.set_state(self.campaign_id, state)
                        was_paused = paused
                        self._report(now, force=True)
                    if not halted and not paused:
                        self.queue.release_due(now)
                        self._refill(now)
                        # Keep a reserve marked ahead, so workers never wait for a commit.
                        if len(self.marked) <= concurrency // 2 and self.queue.ready:
                            self._mark_window(now)
                        if self.marked:
                            self.ready.set()
                    if (
                        not self.in_flight
                        and not finished
                        and (halted or (not paused and self.queue.empty and not self.marked))
                    ):
                        break
                    if not finished:
                        wake.clear()
                        timeout = self.queue.idle_timeout(now, paused)
                        timer = loop.call_later(timeout, wake.set)
                        await wake.wait()
                        timer.cancel()
                    now = time.monotonic()
                    while finished:
                        job, outcome = finished.popleft()
                        self._record(job, outcome, now)
                    self._flush(now)
                    self._report(now)
            finally:
                # Normally every worker is idle here. After an error or an interrupt, a
                # request still in flight keeps its "sending" mark: uncertain next run.
                self.stopping = True
                for task in workers:
                    task.cancel()
                await asyncio.gather(*workers, return_exceptions=True)
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


def unforeseen_outcome(exc: Exception) -> Outcome:
    """An exception no mapping foresaw may have followed the POST, so the message is
    uncertain, never re-sent blindly."""
    log.error("Unforeseen failure while sending one message; its outcome is unknown: %r", exc)
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
    prepared: PreparedRequests | None = None,
) -> SendSummary:
    """Send every message of the campaign that is queued or retrying; settle uncertain ones.

    Raises :class:`CampaignBusy` (nothing sent) when another sender holds the campaign;
    :class:`CredentialsRejected`, :class:`TlsVerificationError` or :class:`LeaseLost`
    after saving the state when the campaign as a whole cannot go on; and ``Cancelled``
    when stopped by ``cancel`` (state ``paused``, resumable) or ``control.cancel()``
    (state ``cancelled``). Messages whose outcome is unknown are counted in
    ``SendSummary.uncertain`` (state ``done_with_uncertain``); list them with
    ``OutboxRepository.uncertain`` and re-send them only with :func:`resend_uncertain`.
    ``prepared``: the requests ``create_rest_campaign(..., keep=...)`` rendered, sent as
    they are.
    """
    sender = CampaignSender(
        db,
        campaign_id,
        connection,
        options or SendOptions(),
        progress,
        cancel or CancelToken(),
        control or SendControl(),
        prepared,
    )
    return sender.run()
