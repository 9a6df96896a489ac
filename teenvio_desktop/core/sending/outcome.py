"""What a send ended with, the same shape for both transports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from teenvio_desktop.core.outbox.sender import SendSummary
from teenvio_desktop.core.smtp.records import RecordedSend

Transport = Literal["smtp", "rest"]


@dataclass(frozen=True)
class SendOutcome:
    """``campaign_id`` is the local ``campaigns`` row (what Results shows); ``smtp`` or
    ``rest`` holds the transport's own report."""

    campaign_id: int
    transport: Transport
    accepted: int
    failed: int
    smtp: RecordedSend | None = None
    rest: SendSummary | None = None
    # Recipients the transport cannot take, left out before sending (SMTP-API: addresses
    # with non-ASCII before the @); each has its outcome in the store.
    left_out: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """Every recipient accepted (SMTP: none refused or left out; TEA Lite: nothing left
        to send)."""
        if self.rest is not None:
            return self.rest.complete
        return self.failed == 0 and not self.left_out

    @classmethod
    def of_smtp(cls, recorded: RecordedSend) -> SendOutcome:
        result = recorded.result
        return cls(
            recorded.campaign_id,
            "smtp",
            len(result.accepted),
            len(result.refused),
            smtp=recorded,
            left_out=tuple(result.unsupported),
        )

    @classmethod
    def of_rest(cls, summary: SendSummary) -> SendOutcome:
        return cls(summary.campaign_id, "rest", summary.accepted, summary.failed, rest=summary)
