"""How requests reach TEA Lite: one client per run, at most ``concurrency`` in flight.

Two interchangeable runners return ``concurrent.futures.Future`` objects, so the sender's
loop is the same for both:

* ``threads``: a small pool of threads sharing one sync ``httpx.Client``
  (``TeaLiteConnection.build_client``).
* ``aiohttp``: one ``httpx.AsyncClient`` over the ``httpx-aiohttp`` transport, on an event
  loop in one background thread. httpx's own async pool slows down as concurrency rises
  (httpx issue #3215); this transport does not, and the benchmark
  (``tests/benchmarks/test_bench_rest.py``) measures both with the plain AsyncClient.

Each attempt renders the message, POSTs it and classifies the answer into an
:class:`Outcome`; nothing here touches the database.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Literal, Protocol

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

RunnerKind = Literal["threads", "aiohttp"]
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


async def attempt_message_async(
    client: httpx.AsyncClient,
    campaign: Campaign,
    templates: MergeTemplates,
    message: OutboxMessage,
) -> Outcome:
    """The same with an async client."""
    request = _prepare(campaign, templates, message)
    if isinstance(request, Outcome):
        return request
    url = f"{client.base_url}{request.path}"
    try:
        response = await client.post(request.path, content=request.body, headers=request.headers())
    except (TimeoutError, httpx.HTTPError, OSError) as exc:
        return _from_exception(url, exc)
    return _from_response(url, response)


class Runner(Protocol):
    def submit(self, message: OutboxMessage) -> Future[Outcome]: ...

    def __enter__(self) -> Runner: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


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


def aiohttp_available() -> bool:
    try:
        import httpx_aiohttp  # noqa: F401
    except ImportError:
        return False
    return True


def build_aiohttp_client(connection: TeaLiteConnection, concurrency: int) -> httpx.AsyncClient:
    """Like ``connection.build_async_client()``, over the aiohttp transport.

    TLS is verified with the connection's own context (its CA file or the system's).
    """
    from httpx_aiohttp import AiohttpTransport

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    return httpx.AsyncClient(
        base_url=connection.base_url.rstrip("/"),
        headers=connection.headers(),
        timeout=connection.timeout_s,
        transport=AiohttpTransport(verify=connection.ssl_context(), limits=limits),
    )


class AiohttpRunner:
    """One async client on an event loop in a background thread."""

    def __init__(
        self,
        connection: TeaLiteConnection,
        concurrency: int,
        campaign: Campaign,
        templates: MergeTemplates,
    ) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="tealite-send-loop", daemon=True
        )
        self._client = build_aiohttp_client(connection, concurrency)
        self._campaign, self._templates = campaign, templates

    def _run(self, coroutine: Coroutine[Any, Any, Outcome]) -> Future[Outcome]:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    def submit(self, message: OutboxMessage) -> Future[Outcome]:
        return self._run(
            attempt_message_async(self._client, self._campaign, self._templates, message)
        )

    def __enter__(self) -> AiohttpRunner:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self._client.aclose(), self._loop).result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=30)
        self._loop.close()


def open_runner(
    kind: RunnerKind | None,
    connection: TeaLiteConnection,
    concurrency: int,
    campaign: Campaign,
    templates: MergeTemplates,
) -> ThreadRunner | AiohttpRunner:
    """The runner asked for; ``None``: aiohttp when installed (faster), else threads."""
    if kind is None:
        kind = "aiohttp" if aiohttp_available() else "threads"
    if kind == "aiohttp":
        return AiohttpRunner(connection, concurrency, campaign, templates)
    return ThreadRunner(connection, concurrency, campaign, templates)
