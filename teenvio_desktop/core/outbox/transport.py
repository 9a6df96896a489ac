"""How requests reach TEA Lite: one keep-alive client per run, ``concurrency`` in flight.

A small pool of threads shares one sync ``httpx.Client`` built by
``TeaLiteConnection.build_client()``. Measured against the alternatives the issue names
(``tests/benchmarks/test_bench_rest.py``, same server, same run): a plain
``httpx.AsyncClient`` at 8 in flight reached about half the rate (httpx issue #3215);
``httpx-aiohttp`` matched the threads on bare requests but, with rendering and the outbox
in the loop, was slower in 5 of 6 A-B-B-A runs on a 2-core machine, so it is not a
dependency. ``submit`` returns ``concurrent.futures.Future`` objects for the sender's loop.

Each attempt renders the message, POSTs it and classifies what happened into an
:class:`Outcome`; nothing here touches the database. The seed never says that TEA Lite
deduplicates by outboundId, so the one rule is: **a request that may have reached the
server is never repeated automatically**.

* ``accepted``: any 2xx, with the ``messageId`` when the (bounded) body carries one.
* ``retry``: nothing reached the server (``ConnectError`` (DNS included),
  ``ConnectTimeout``, ``PoolTimeout``, ``ProxyError``), or the server said so
  (``errorCategory: Retriable``, 408, 429).
* ``failed``: the server refused the message (``errorCategory: Permanent``, another 4xx).
* ``uncertain``: the outcome is unknown: the connection was lost or timed out after the
  request started to be written (``WriteError``, ``ReadError``, ``ReadTimeout``,
  ``RemoteProtocolError``...), or a 5xx without a JSON ``errorCategory`` (a bare
  ``500 Internal Server Error`` from a proxy or a crashed server).
* ``stop``: the campaign as a whole cannot go on (credentials rejected, certificate not
  verified, a wrong address, a redirect); the message is left to retry, or uncertain when
  the answer (a redirect) does not prove it was not processed.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Literal

import httpx

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.merge import MergeTemplates
from teenvio_desktop.core.outbox.payload import (
    MAX_REQUEST_BYTES,
    EncodedRequest,
    MessageAddress,
    build_request,
)
from teenvio_desktop.core.outbox.repository import OutboxMessage
from teenvio_desktop.core.tealite.answers import MAX_SEND_ANSWER_BYTES, decode_json, read_body
from teenvio_desktop.core.tealite.connection import TeaLiteConnection, error_for_exception
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
# Raised before any byte of the request left this machine: safe to send again.
NOT_SENT_ERRORS: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.ProxyError,
)
# The address itself is unusable: no message can succeed.
BAD_ADDRESS_ERRORS: tuple[type[Exception], ...] = (httpx.UnsupportedProtocol, httpx.InvalidURL)
MAX_MESSAGE_ID_CHARS = 200


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind
    message_id: str | None = None
    error: TeaLiteError | None = None
    category: str | None = None
    text: str | None = None
    # For ``stop``: the message may have been processed (mark it uncertain, not retrying).
    maybe_sent: bool = False


def _prepare(
    campaign: Campaign, templates: MergeTemplates, message: OutboxMessage
) -> EncodedRequest | Outcome:
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


def classify_answer(
    url: str, endpoint: str, response: httpx.Response, body: bytes | None
) -> Outcome:
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
    if isinstance(error, TlsVerificationError) or isinstance(exc, BAD_ADDRESS_ERRORS):
        return Outcome("stop", error=error)  # nothing was written: retry once it is fixed
    if isinstance(exc, NOT_SENT_ERRORS):
        return Outcome("retry", error=error, category="Unavailable", text=detail)
    return Outcome("uncertain", error=error, category="Uncertain", text=detail)


def attempt_message(
    client: httpx.Client,
    campaign: Campaign,
    templates: MergeTemplates,
    message: OutboxMessage,
    answer_deadline_s: float = 60.0,
) -> Outcome:
    """Render and POST one message with a sync client; classify what happened."""
    request = _prepare(campaign, templates, message)
    if isinstance(request, Outcome):
        return request
    url = f"{client.base_url}{request.path}"
    outcome: Outcome | None = None
    try:
        with client.stream(
            "POST", request.path, content=request.body, headers=request.headers()
        ) as response:
            # The status line arrived: from here on the answer is known, even if the body
            # is lost, too big or too slow.
            try:
                body: bytes | None = read_body(
                    response,
                    request.path,
                    limit=MAX_SEND_ANSWER_BYTES,
                    deadline_s=answer_deadline_s,
                )
            except (httpx.HTTPError, UntrustedAnswer, OSError) as exc:
                log.info("Answer body of %s for %s unreadable: %s", url, message.id, exc)
                body = None
            outcome = classify_answer(url, request.path, response, body)
    except (httpx.HTTPError, httpx.InvalidURL, OSError) as exc:
        if outcome is not None:  # only closing the connection failed
            return outcome
        return classify_exception(url, exc)
    return outcome


class ThreadRunner:
    """A pool of threads sharing one keep-alive sync client."""

    def __init__(
        self,
        connection: TeaLiteConnection,
        concurrency: int,
        campaign: Campaign,
        templates: MergeTemplates,
    ) -> None:
        self._client = connection.build_client(max_connections=concurrency)
        self._pool = ThreadPoolExecutor(concurrency, thread_name_prefix="tealite-send")
        self._campaign, self._templates = campaign, templates
        self._deadline_s = max(connection.timeout_s, 1.0) * 2

    def submit(self, message: OutboxMessage) -> Future[Outcome]:
        return self._pool.submit(
            attempt_message,
            self._client,
            self._campaign,
            self._templates,
            message,
            self._deadline_s,
        )

    def __enter__(self) -> ThreadRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(wait=True)
        self._client.close()
