"""One authenticated, verified HTTP client per use, and turning answers into errors."""

from __future__ import annotations

import json
import ssl
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from teenvio_desktop.core.logsetup import register_secret
from teenvio_desktop.core.tealite.errors import (
    CredentialsRejected,
    PermanentError,
    RetriableError,
    TeaLiteError,
    TeaLiteUnavailable,
    TlsVerificationError,
)
from teenvio_desktop.core.tls import client_ssl_context

if TYPE_CHECKING:
    import httpx

# httpx is imported where a client is built: it is slow to import, and the GUI's start
# (which only lists accounts) should not pay for it.
DEFAULT_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class TeaLiteConnection:
    """Where TEA Lite is and how to authenticate. ``repr`` hides the token."""

    base_url: str
    token: str
    source_system: str = ""
    ca_file: str | None = None
    timeout_s: float = DEFAULT_TIMEOUT_S

    def __repr__(self) -> str:
        return (
            f"TeaLiteConnection(base_url={self.base_url!r}, source_system={self.source_system!r},"
            f" ca_file={self.ca_file!r}, token=<hidden>)"
        )

    def ssl_context(self) -> ssl.SSLContext:
        """System CAs, or only the account's CA file when it names one; hostname checked."""
        return client_ssl_context(self.ca_file)

    def headers(self) -> dict[str, str]:
        register_secret(self.token)
        return {"Authorization": f"Basic {self.token}", "Content-Type": "application/json"}

    def build_client(self, *, max_connections: int = 16) -> httpx.Client:
        """One client per campaign or sync: building it loads the CA bundle (slow)."""
        import httpx

        return httpx.Client(**self._client_options(max_connections))

    def build_async_client(self, *, max_connections: int = 16) -> httpx.AsyncClient:
        import httpx

        return httpx.AsyncClient(**self._client_options(max_connections))

    def _client_options(self, max_connections: int) -> dict[str, Any]:
        """What the sync and async clients share: address, token, TLS, timeout, pool size."""
        import httpx

        return {
            "base_url": self.base_url.rstrip("/"),
            "headers": self.headers(),
            "verify": self.ssl_context(),
            "timeout": self.timeout_s,
            "limits": httpx.Limits(
                max_connections=max_connections, max_keepalive_connections=max_connections
            ),
        }


def _error_body(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError, ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def error_for_response(response: httpx.Response) -> TeaLiteError | None:
    """None for a 2xx answer; otherwise the typed error the (already read) answer means."""
    if response.is_success:
        return None
    return error_for_status(response, response.content)


def error_for_status(response: httpx.Response, body: bytes | None) -> TeaLiteError | None:
    """Like :func:`error_for_response` for a streamed answer whose ``body`` was read apart."""
    if response.is_success:
        return None
    fields = _error_body(body or b"")
    category = fields.get("errorCategory")
    category = category if isinstance(category, str) else ""
    raw_text = fields.get("errorText")
    text = raw_text[:500] if isinstance(raw_text, str) and raw_text else None
    if response.status_code in (401, 403) or text == "CredentialsRejected":
        return CredentialsRejected(status=response.status_code, text=text or "CredentialsRejected")
    if category == "Retriable":
        return RetriableError(status=response.status_code, text=text)
    if category == "Permanent":
        return PermanentError(status=response.status_code, text=text)
    if response.status_code in (408, 429) or response.status_code >= 500:
        return TeaLiteUnavailable(
            str(response.request.url), f"HTTP {response.status_code}", status=response.status_code
        )
    return PermanentError(status=response.status_code, text=text or response.reason_phrase)


def error_for_exception(url: str, exc: Exception) -> TeaLiteError:
    """Map an httpx/ssl exception raised by a request to a typed error."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            # aiohttp raises an ssl.CertificateError subclass without verify_message.
            return TlsVerificationError(url, getattr(cause, "verify_message", None) or str(cause))
        cause = cause.__cause__ or cause.__context__
    import httpx

    if isinstance(exc, httpx.TimeoutException):
        return TeaLiteUnavailable(url, "timeout")
    return TeaLiteUnavailable(url, type(exc).__name__ + (f": {exc}" if str(exc) else ""))
