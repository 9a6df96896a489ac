"""What a run sends next: messages read from the outbox page by page, retries scheduled
with their backoff, and the rate limit. No network, no writes: ``sender.py`` drives it."""

from __future__ import annotations

import heapq
import itertools
from collections import deque
from dataclasses import dataclass
from datetime import datetime

from teenvio_desktop.core.clock import utc_now
from teenvio_desktop.core.outbox.repository import OutboxMessage, OutboxRepository

PAGE_SIZE = 1000


@dataclass
class Job:
    message: OutboxMessage
    attempts: int


class SendQueue:
    def __init__(
        self, outbox: OutboxRepository, campaign_id: int, concurrency: int, rate: float | None
    ) -> None:
        self._outbox = outbox
        self._campaign_id = campaign_id
        self._concurrency = concurrency
        self._rate = rate
        self.ready: deque[Job] = deque()
        self._delayed: list[tuple[float, int, Job]] = []
        self._tiebreak = itertools.count()
        self._after_id = 0
        self._exhausted = False
        self._next_slot = 0.0

    @property
    def empty(self) -> bool:
        """Nothing ready, nothing waiting for a retry, nothing left in the outbox."""
        return not self.ready and not self._delayed and self._exhausted

    def refill(self, now: float, suppressed: set[str]) -> tuple[list[Job], list[Job]]:
        """Read the next page when the ready queue runs low.

        Returns (jobs read, jobs for suppressed addresses); the latter are not queued.
        """
        if self._exhausted or len(self.ready) >= self._concurrency * 4:
            return [], []
        page = self._outbox.pending(self._campaign_id, after_id=self._after_id, limit=PAGE_SIZE)
        self._exhausted = len(page) < PAGE_SIZE
        now_wall = utc_now()
        read: list[Job] = []
        dropped: list[Job] = []
        for message in page:
            job = Job(message, message.attempts)
            if message.recipient.lower() in suppressed:
                dropped.append(job)
                continue
            read.append(job)
            due = _seconds_until(message.next_attempt_at, now_wall)
            if due > 0:
                self.schedule(job, now + due)
            else:
                self.ready.append(job)
        if page:
            self._after_id = page[-1].id
        return read, dropped

    def schedule(self, job: Job, at: float) -> None:
        """Send ``job`` again at monotonic time ``at``."""
        heapq.heappush(self._delayed, (at, next(self._tiebreak), job))

    def release_due(self, now: float) -> None:
        while self._delayed and self._delayed[0][0] <= now:
            self.ready.append(heapq.heappop(self._delayed)[2])

    def rate_allows(self, now: float) -> bool:
        if not self._rate:
            return True
        if now < self._next_slot:
            return False
        # No burst: at most one request per 1/rate seconds, from the first one on.
        self._next_slot = max(self._next_slot, now) + 1.0 / self._rate
        return True

    def idle_timeout(self, now: float, paused: bool) -> float:
        """How long the loop may wait before something becomes due."""
        timeout = 0.1
        if not paused and self._delayed:
            timeout = min(timeout, max(0.0, self._delayed[0][0] - now))
        if not paused and self._rate and self.ready:
            timeout = min(timeout, max(0.0, self._next_slot - now))
        return max(timeout, 0.001)


def _seconds_until(iso: str | None, now: datetime) -> float:
    """Seconds from ``now`` to a stored ``next_attempt_at`` (0 when unset or past)."""
    if not iso:
        return 0.0
    try:
        return (datetime.fromisoformat(iso) - now).total_seconds()
    except ValueError:
        return 0.0
