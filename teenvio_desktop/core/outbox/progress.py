"""What a running send reports: counts, messages per second over a sliding window, ETA."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field

RATE_WINDOW_S = 5.0


@dataclass
class SendTally:
    """Counts for progress, kept in memory while the rows are written in batches."""

    total: int
    accepted: int
    failed: int
    uncertain: int = 0
    retrying: set[int] = field(default_factory=set)
    started: float = field(default_factory=time.monotonic)
    finished_times: deque[float] = field(default_factory=deque)
    sent_this_run: int = 0

    def note_done(self, now: float) -> None:
        self.finished_times.append(now)

    def rate(self, now: float) -> float:
        """Messages finished per second over the last few seconds (0 while paused)."""
        while self.finished_times and now - self.finished_times[0] > RATE_WINDOW_S:
            self.finished_times.popleft()
        window = min(RATE_WINDOW_S, max(now - self.started, 1e-3))
        return len(self.finished_times) / window

    @property
    def finished(self) -> int:
        """Messages with an outcome for this campaign (accepted, failed or uncertain)."""
        return self.accepted + self.failed + self.uncertain

    def details(self, now: float, *, paused: bool) -> dict[str, object]:
        remaining = self.total - self.finished
        rate = self.rate(now)
        return {
            "accepted": self.accepted,
            "failed": self.failed,
            "uncertain": self.uncertain,
            "retrying": len(self.retrying),
            "remaining": remaining,
            "total": self.total,
            "rate": round(rate, 1),
            "eta_s": round(remaining / rate, 1) if rate > 0 else None,
            "paused": paused,
        }
