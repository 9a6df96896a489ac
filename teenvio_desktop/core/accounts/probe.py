"""“Test connection”: try each of an account's connections without changing anything.

SMTP-API: connect, verify the certificate, EHLO, STARTTLS where needed, AUTH, QUIT, through
the same session the sender uses (``core/smtp/connection.py``), so both explain a failure
alike.
TEA Lite: one authenticated read (``GET /unsubscribe?sourceSystem=…&page=1``).
Each connection's outcome is reported separately so one failing does not hide the other.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import urlsplit

from teenvio_desktop.core.accounts.credentials import resolve_smtp, resolve_tealite
from teenvio_desktop.core.accounts.models import Account
from teenvio_desktop.core.accounts.secrets import SecretStore
from teenvio_desktop.core.connection_errors import ConnectionRefused, TlsFailed, connect_error
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.smtp.connection import SmtpSession
from teenvio_desktop.core.smtp.settings import SmtpSettings
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback
from teenvio_desktop.core.tealite.connection import (
    TeaLiteConnection,
    error_for_exception,
    error_for_response,
)

Transport = Literal["smtp", "rest"]

STAGE_SMTP = QT_TRANSLATE_NOOP("tasks", "Testing the SMTP-API connection")
STAGE_REST = QT_TRANSLATE_NOOP("tasks", "Testing the TEA Lite connection")
PROBE_GREETING_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class ConnectionCheck:
    transport: Transport
    error: TeenvioError | None = None
    detail: str = ""  # e.g. the SMTP banner, for the success message

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class ConnectionReport:
    account: str
    checks: list[ConnectionCheck] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)


def test_connection(
    account: Account,
    secrets: SecretStore,
    progress: ProgressCallback,
    cancel: CancelToken,
    *,
    timeout_s: float = 20.0,
) -> ConnectionReport:
    """Check every connection of ``account``; errors are reported, not raised."""
    report = ConnectionReport(account.name)
    total = int(account.smtp is not None) + int(account.rest is not None)
    if account.smtp is not None:
        progress(Progress(STAGE_SMTP, done=0, total=total))
        cancel.raise_if_cancelled()
        report.checks.append(_check_smtp(account, secrets, cancel, timeout_s))
    if account.rest is not None:
        progress(Progress(STAGE_REST, done=len(report.checks), total=total))
        cancel.raise_if_cancelled()
        report.checks.append(_check_rest(account, secrets, timeout_s))
    progress(Progress(STAGE_REST if account.rest else STAGE_SMTP, done=total, total=total))
    return report


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def _check_smtp(
    account: Account, secrets: SecretStore, cancel: CancelToken, timeout_s: float
) -> ConnectionCheck:
    try:
        settings = resolve_smtp(account, secrets, timeout_s=timeout_s)
        banner = probe_smtp(
            replace(settings, greeting_timeout=PROBE_GREETING_TIMEOUT_S), cancel=cancel
        )
    except TeenvioError as exc:
        return ConnectionCheck("smtp", error=exc)
    return ConnectionCheck("smtp", detail=banner)


def probe_smtp(settings: SmtpSettings, *, cancel: CancelToken | None = None) -> str:
    """Connect, verify, EHLO, STARTTLS where needed, AUTH, QUIT; return the server banner."""
    with SmtpSession(settings) as session:
        session.open(cancel)
        if cancel is not None:
            cancel.raise_if_cancelled()
        session.login()
        banner = session.ehlo_banner()
        session.quit()
    return banner


def _check_rest(account: Account, secrets: SecretStore, timeout_s: float) -> ConnectionCheck:
    try:
        connection = resolve_tealite(account, secrets, timeout_s=timeout_s)
        probe_tealite(connection)
    except TeenvioError as exc:
        return ConnectionCheck("rest", error=exc)
    return ConnectionCheck("rest")


def probe_tealite(connection: TeaLiteConnection) -> None:
    """One authenticated read that changes nothing; raises an explained error."""
    import httpx  # slow to import: not at the start of the GUI and the command line

    url = connection.base_url
    parts = urlsplit(url)
    host = parts.hostname or url
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with connection.build_client(max_connections=1) as client:
            response = client.get(
                "/unsubscribe", params={"sourceSystem": connection.source_system, "page": 1}
            )
    except ssl.SSLError as exc:  # the CA file itself could not be loaded
        raise TlsFailed(host, port, str(exc)) from exc
    except httpx.HTTPError as exc:
        explained = connect_error(host, port, exc)
        if explained is None and isinstance(exc, httpx.ConnectError) and "refused" in str(exc):
            explained = ConnectionRefused(host, port)
        raise explained or error_for_exception(url, exc) from exc
    problem = error_for_response(response)
    if problem is not None:
        raise problem
