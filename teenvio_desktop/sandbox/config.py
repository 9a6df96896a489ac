"""What a sandbox is started with (:class:`SandboxConfig`) and what it tells clients
(:class:`SandboxInfo`)."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_USER = "demo.sandbox"
DEFAULT_SENDERS: tuple[str, ...] = ("demo@example.com", "news@example.com")
# Section 2.2 of the SMTP seed: "tamaño máximo mensaje 500kb", announced as SIZE 512000.
SMTP_MAX_MESSAGE_SIZE = 512000
# TEA Lite's sendWithAttachment limit ("Maximum request size is 2 MB"), read as 2 MiB.
REST_MAX_REQUEST_SIZE = 2 * 1024 * 1024


def _random_secret() -> str:
    return secrets.token_urlsafe(18)


@dataclass
class SandboxConfig:
    """Everything configurable; ports 0 pick free ports. Rates are probabilities (0..1)."""

    data_dir: Path
    host: str = "127.0.0.1"
    smtp_port: int = 0
    smtps_port: int = 0
    api_port: int = 0
    user: str = DEFAULT_USER
    password: str = field(default_factory=_random_secret)
    token: str = field(default_factory=_random_secret)
    senders: tuple[str, ...] = DEFAULT_SENDERS
    # Name used in the SMTP greeting and EHLO (the seed's "apiX.teenvio.com").
    hostname: str = "api.sandbox.teenvio.local"
    seed: int = 1
    # Simulated seconds per real second: 3600 makes an hour of outcomes pass in a second.
    time_scale: float = 1.0
    # Items per page of /bounces, /responses, /interactions and /unsubscribe.
    page_size: int = 100
    # Fault injection (REST): share of calls answered 400 Retriable; share of calls whose
    # connection is closed after the request was processed but before the answer; latency.
    fail_rate: float = 0.0
    drop_rate: float = 0.0
    latency_ms: int = 0
    # Fault injection (SMTP): share of DATA answered 451; share of accepted DATA whose
    # connection is dropped before the 250 answer.
    smtp_fail_rate: float = 0.0
    smtp_drop_rate: float = 0.0
    # Outcome rates of the simulation.
    hard_bounce_rate: float = 0.03
    soft_bounce_rate: float = 0.04
    open_rate: float = 0.45
    repeat_open_rate: float = 0.35
    click_rate: float = 0.35
    unsubscribe_rate: float = 0.03
    # The seed refuses AUTH before TLS; only a test of a cleartext client turns this on.
    allow_plain_auth: bool = False
    smtp_max_message_size: int = SMTP_MAX_MESSAGE_SIZE
    rest_max_request_size: int = REST_MAX_REQUEST_SIZE

    def __repr__(self) -> str:
        return (
            f"SandboxConfig(data_dir={self.data_dir!r}, host={self.host!r}, user={self.user!r},"
            f" seed={self.seed}, time_scale={self.time_scale}, password=<hidden>, token=<hidden>)"
        )


@dataclass(frozen=True)
class SandboxInfo:
    """Where the running sandbox listens and how to log in (what clients need)."""

    host: str
    smtp_port: int
    smtps_port: int
    api_url: str
    ca_file: Path
    user: str
    password: str
    token: str
    senders: tuple[str, ...]
    data_dir: Path

    def __repr__(self) -> str:
        return (
            f"SandboxInfo(host={self.host!r}, smtp_port={self.smtp_port},"
            f" smtps_port={self.smtps_port}, api_url={self.api_url!r}, ca_file={self.ca_file!r},"
            f" user={self.user!r}, senders={self.senders!r}, password=<hidden>, token=<hidden>)"
        )

    def as_json_line(self) -> str:
        """The one line ``teenvio-desktop sandbox`` prints once every listener accepts."""
        host = f"[{self.host}]" if ":" in self.host else self.host  # IPv6 literal
        return json.dumps(
            {
                "smtp": f"{host}:{self.smtp_port}",
                "smtps": f"{host}:{self.smtps_port}",
                "api": self.api_url,
                "ca_file": str(self.ca_file),
                "user": self.user,
                "password": self.password,
                "token": self.token,
                "senders": list(self.senders),
            }
        )
