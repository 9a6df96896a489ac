"""How requests reach TEA Lite: one keep-alive client per run, ``concurrency`` in flight.

A small pool of threads shares one sync ``httpx.Client`` built by
``TeaLiteConnection.build_client()``. Measured against the alternatives the issue names
(``tests/benchmarks/test_bench_rest.py``, same server, same run): a plain
``httpx.AsyncClient`` at 8 in flight reached about half the rate (httpx issue #3215);
``httpx-aiohttp`` matched the threads on bare requests but, with rendering and the outbox
in the loop, was slower in 5 of 6 A-B-B-A runs on a 2-core machine, so it is not a
dependency. ``submit`` returns ``concurrent.futures.Future`` objects for the sender's loop.

Each attempt renders the message, POSTs it and classifies the answer into an
:class:`Outcome`; nothing here touches the database.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Literal

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
from teenvio_desktop.core.tealite.connection import (
    TeaLiteConnection,
    error_for_exception,
    error_for_response,
)
from teenvio_desktop.core.tealite.errors import (
    CredentialsRejected,
    TeaLiteError,
    TeaLiteUnavailable,
    TlsVerificationError,
)

OutcomeKind = Literal["accepted", "retry", "failed", "stop"]


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind
    message_id: str | None = None
    error: TeaLiteError | None = None
    category: str | None = None
    text: str | None = None


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


def _message_id(response: httpx.Response) -> str | None:
    try:
        body = response.json()
    except ValueError:
        return None
    value = body.get("messageId") if isinstance(body, dict) else None
    return None if value is None else str(value)


def _from_response(url: str, response: httpx.Response) -> Outcome:
    error = error_for_response(response)
    if error is None:
        message_id = _message_id(response)
        if message_id is not None:
            return Outcome("accepted", message_id=message_id)
        error = TeaLiteUnavailable(url, "answer without messageId", status=response.status_code)
    return _from_error(error)


def _from_exception(url: str, exc: Exception) -> Outcome:
    error = error_for_exception(url, exc)
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return Outcome("stop", error=error)  # the address is wrong: no message can succeed
    return _from_error(error)


def _from_error(error: TeaLiteError) -> Outcome:
    if isinstance(error, (CredentialsRejected, TlsVerificationError)):
        return Outcome("stop", error=error)  # the whole campaign, not this message
    category = error.category or "Unavailable"
    text = error.text or str(error.params.get("detail", "")) or None
    return Outcome("retry" if error.retriable else "failed", None, error, category, text)


def attempt_message(
    client: httpx.Client, campaign: Campaign, templates: MergeTemplates, message: OutboxMessage
) -> Outcome:
    """Render and POST one message with a sync client; classify the answer."""
    request = _prepare(campaign, templates, message)
    if isinstance(request, Outcome):
        return request
    url = f"{client.base_url}{request.path}"
    try:
        response = client.post(request.path, content=request.body, headers=request.headers())
    except (httpx.HTTPError, OSError) as exc:
        return _from_exception(url, exc)
    return _from_response(url, response)


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

    def submit(self, message: OutboxMessage) -> Future[Outcome]:
        return self._pool.submit(
            attempt_message, self._client, self._campaign, self._templates, message
        )

    def __enter__(self) -> ThreadRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(wait=True)
        self._client.close()
