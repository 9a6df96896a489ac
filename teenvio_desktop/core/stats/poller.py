"""When to poll next: a fixed interval, exponential backoff on transient failures,
and a full stop when TEA Lite rejects the credentials (polling again cannot help).

Qt-free: the GUI asks :meth:`PollPolicy.after_success` / :meth:`after_error` for the next
delay and arms a timer with it; ``None`` means "stop until the user acts".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from teenvio_desktop.core.tealite.errors import CredentialsRejected, TeaLiteError

DEFAULT_INTERVAL_S = 60.0
DEFAULT_MAX_BACKOFF_S = 15 * 60.0


@dataclass
class PollPolicy:
    interval_s: float = DEFAULT_INTERVAL_S
    first_backoff_s: float = 5.0
    max_backoff_s: float = DEFAULT_MAX_BACKOFF_S
    factor: float = 2.0
    failures: int = field(default=0, init=False)
    stopped: bool = field(default=False, init=False)

    def after_success(self) -> float:
        self.failures = 0
        return self.interval_s

    def after_error(self, error: BaseException) -> float | None:
        """Seconds until the next attempt, or None when polling must stop."""
        if isinstance(error, CredentialsRejected):
            self.stopped = True
            return None
        self.failures += 1
        if _is_transient(error):
            delay = self.first_backoff_s * self.factor ** (self.failures - 1)
            return min(max(delay, 0.0), self.max_backoff_s)
        # A permanent refusal or a local problem: keep trying, but rarely.
        return max(self.interval_s, self.max_backoff_s)

    def after_report_errors(self, errors: list[TeaLiteError]) -> float | None:
        """Next delay after a sync that finished with some feeds failing."""
        if not errors:
            return self.after_success()
        return self.after_error(errors[0])

    def resume(self) -> None:
        """The user supplied new credentials (or asked to retry): poll normally again."""
        self.stopped = False
        self.failures = 0


def _is_transient(error: BaseException) -> bool:
    if isinstance(error, TeaLiteError):
        return error.retriable
    return isinstance(error, (TimeoutError, ConnectionError, OSError))
