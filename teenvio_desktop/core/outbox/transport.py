"""What one attempt to send a message means: its request, and its outcome classified.

The runner that carries the requests is ``aio_runner.py`` (one asyncio loop, one
keep-alive aiohttp session). Each attempt renders the message (unless the pre-send check
kept its request), POSTs it and classifies what happened into an :class:`Outcome`;
nothing here touches the database. The seed never says that TEA Lite deduplicates by
outboundId, so the one rule is: **a request that may have reached the server is never
repeated automatically**.

* ``accepted``: any 2xx, with the ``messageId`` when the (bounded) body carries one.
* ``retry``: nothing reached the server (the connection could not be made: refused, DNS,
  proxy, TLS handshake, a timeout while connecting or waiting for a free connection), or
  the server said so (``errorCategory: Retriable``, 408, 429).
* ``failed``: the server refused the message (``errorCategory: Permanent``, another 4xx).
* ``uncertain``: the outcome is unknown: the connection was lost or timed out after the
  request started to be written (a reset, a disconnection, a read timeout...), or a 5xx
  without a JSON ``errorCategory`` (a bare ``500 Internal Server Error`` from a proxy or
  a crashed server).
* ``stop``: the campaign as a whole cannot go on (credentials rejected, certificate not
  verified, a wrong address, a redirect); the message is left to retry, or uncertain when
  the answer (a redirect) does not prove it was not processed.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.merge import MergeTemplates
from teenvio_desktop.core.outbox.payload import (
    MAX_REQUEST_BYTES,
    EncodedRequest,
    MessageAddress,
    build_request,
)
from teenvio_desktop.core.outbox.repository import OutboxMessage
from teenvio_desktop.core.tealite.answers import decode_json
from teenvio_desktop.core.tealite.connection import error_for_exception
from teenvio_desktop.core.tealite.errors import (
    CredentialsRejected,
    PermanentError,
    RetriableError,
    TeaLiteError,
    TeaLiteUnavailable,
    TlsVerificationError,
    UntrustedAnswer,
)

log = logging.getLogger(__name__)

OutcomeKind = Literal["accepted", "retry", "failed", "stop", "uncertain"]
MAX_MESSAGE_ID_CHARS = 200


@functools.cache
def _failure_kinds() -> tuple[tuple[type[Exception], ...], tuple[type[Exception], ...]]:
    """The exceptions raised before any byte of the request left this machine (safe to
    send again), and those saying the address itself is unusable (no message can
    succeed): httpx's and aiohttp's, imported on the first failure only (httpx alone is
    a tenth of a second of the command line's start)."""
    import aiohttp
    import httpx

    # ClientConnectorError covers refused, DNS, proxy and TLS handshakes (certificate
    # failures among them, told apart by their cause); ConnectionTimeoutError is a timeout
    # while connecting or waiting for a free connection of the pool.
    not_sent = (
        httpx.ConnectError,
        httpx.ConnectTimeout,
        httpx.PoolTimeout,
        httpx.ProxyError,
        aiohttp.ClientConnectorError,
        aiohttp.ConnectionTimeoutError,
    )
    bad_address = (
        httpx.UnsupportedProtocol,
        httpx.InvalidURL,
        aiohttp.InvalidURL,
        aiohttp.NonHttpUrlClientError,
    )
    return not_sent, bad_address


class AnswerHead(Protocol):
    """What the classification reads of an answer: httpx's and aiohttp's (adapted)."""

    @property
    def status_code(self) -> int: ...

    @property
    def reason_phrase(self) -> str: ...

    @property
    def headers(self) -> Mapping[str, str]: ...


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind
    message_id: str | None = None
    error: TeaLiteError | None = None
    category: str | None = None
    text: str | None = None
    # For ``stop``: the message may have been processed (mark it uncertain, not retrying).
    maybe_sent: bool = False


def prepare_request(
    campaign: Campaign, templates: MergeTemplates, message: OutboxMessage
) -> EncodedRequest | Outcome:
    """The message's request, or the ``failed`` outcome when it cannot be built."""
    try:
        rendered = templates.render(message.merge_data)
        address = MessageAddress(message.outbound_id, message.recipient, message.recipient_name)
        request = build_request(campaign, address, rendered)
    except Exception as exc:  # validated before queueing; a failure here is this row's only
        return Outcome("failed", category="Merge", text=str(exc))
    if request.size > MAX_REQUEST_BYTES:
        return Outcome("failed", category="Permanent", text=f"request of {request.size} bytes")
    return request


def _json_object(body: bytes | None, endpoint: str) -> dict[str, Any]:
    if not body:
        return {}
    try:
        value = decode_json(body, endpoint)
    except UntrustedAnswer:
        return {}
    return value if isinstance(value, dict) else {}


def _message_id(body: dict[str, Any]) -> str | None:
    value = body.get("messageId")
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value).strip()
    if not text or len(text) > MAX_MESSAGE_ID_CHARS or not text.isprintable():
        return None
    return text


def _text(body: dict[str, Any], key: str) -> str | None:
    value = body.get(key)
    return value[:500] if isinstance(value, str) and value else None


def classify_answer(url: str, endpoint: str, response: AnswerHead, body: bytes | None) -> Outcome:
    """The outcome an HTTP answer means; ``body`` is None when it could not be read."""
    status = response.status_code
    fields = _json_object(body, endpoint)
    if 200 <= status < 300:
        return Outcome("accepted", message_id=_message_id(fields))
    category, text = _text(fields, "errorCategory"), _text(fields, "errorText")
    if status in (401, 403) or text == "CredentialsRejected":
        return Outcome("stop", error=CredentialsRejected(status=status, text=text or ""))
    if category == "Retriable":
        error: TeaLiteError = RetriableError(status=status, text=text)
        return Outcome("retry", error=error, category="Retriable", text=text)
    if category == "Permanent":
        error = PermanentError(status=status, text=text)
        return Outcome("failed", error=error, category="Permanent", text=text)
    reply = f"HTTP {status} {response.reason_phrase}".strip()
    if 300 <= status < 400:
        where = response.headers.get("Location", "")[:200]
        detail = f"{reply}, redirected to {where or '?'}"
        return Outcome(
            "stop", error=TeaLiteUnavailable(url, detail, status=status), maybe_sent=True
        )
    if status in (408, 429):
        error = TeaLiteUnavailable(url, reply, status=status)
        return Outcome("retry", error=error, category="Unavailable", text=reply)
    if status >= 500:
        error = TeaLiteUnavailable(url, reply, status=status)
        return Outcome("uncertain", error=error, category="Uncertain", text=reply)
    error = PermanentError(status=status, text=text or reply)
    return Outcome("failed", error=error, category="Permanent", text=text or reply)


def classify_exception(url: str, exc: BaseException) -> Outcome:
    """The outcome of a request that raised ``exc`` before an answer arrived."""
    error = error_for_exception(url, exc) if isinstance(exc, Exception) else None
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    not_sent, bad_address = _failure_kinds()
    if isinstance(error, TlsVerificationError) or isinstance(exc, bad_address):
        return Outcome("stop", error=error)  # nothing was written: retry once it is fixed
    if isinstance(exc, not_sent):
        return Outcome("retry", error=error, category="Unavailable", text=detail)
    return Outcome("uncertain", error=error, category="Uncertain", text=detail)
