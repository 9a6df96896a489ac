"""What a TEA Lite send is tuned with, how it is steered, and what it reports at the end."""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field

from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.outbox.lease import LeaseOptions
from teenvio_desktop.core.outbox.reconcile import ReconcileOptions


@dataclass(frozen=True)
class SendOptions:
    concurrency: int = 8
    rate: float | None = None  # messages per second; None: as fast as the server answers
    # Attempts for failures that provably did not reach the server (connection refused,
    # DNS, 400 Retriable...). An uncertain outcome is never retried automatically.
    max_attempts: int = 8
    backoff_base_s: float = 1.0
    backoff_max_s: float = 300.0
    progress_interval_s: float = 0.25
    flush_interval_s: float = 0.2
    flush_rows: int = 500
    # After the queue is done, how long to look for uncertain messages in /responses.
    reconcile: ReconcileOptions = field(default_factory=ReconcileOptions)
    lease: LeaseOptions = field(default_factory=LeaseOptions)

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Exponential backoff with jitter (50-100 % of the step) to spread retries."""
        step = min(self.backoff_max_s, self.backoff_base_s * 2 ** max(0, attempt - 1))
        return float(step * rng.uniform(0.5, 1.0))


class SendControl:
    """Pause, resume and cancel a running send from another thread (the GUI)."""

    def __init__(self) -> None:
        self._paused = threading.Event()
        self._cancelled = threading.Event()

    def pause(self) -> None:
        self._paused.set()

    def resume(self) -> None:
        self._paused.clear()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def paused(self) -> bool:
        return self._paused.is_set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class UnknownCampaign(TeenvioError):
    def __init__(self, campaign_id: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "Campaign {campaign_id} is not in the outbox."),
            campaign_id=campaign_id,
        )


@dataclass(frozen=True)
class SendSummary:
    """The campaign's counts after a run. ``uncertain`` messages may have been received:
    they are not counted as accepted, failed or remaining (see ``resend_uncertain``)."""

    campaign_id: int
    total: int
    accepted: int
    failed: int
    remaining: int
    sent_this_run: int
    elapsed_s: float
    state: str
    uncertain: int = 0
    settled_by_responses: int = 0  # uncertain messages /responses proved received this run

    @property
    def complete(self) -> bool:
        return self.accepted == self.total
