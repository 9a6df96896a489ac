"""How requests reach TEA Lite: one asyncio loop, one keep-alive aiohttp session.

Measured on 2 cores against a local server that answers at once (bare POSTs of the same
bodies, 16 in flight, CPU per request in the client; ``tests/benchmarks/test_bench_rest.py``
measures the whole command): a pool of threads sharing one ``httpx.Client`` about 1.3 ms,
``httpx.AsyncClient`` about 4 ms (httpx issue #3215), h11 over asyncio streams about 0.19
ms, ``aiohttp`` about 0.28 ms. aiohttp is the cheapest well-kept client with a connection
pool, TLS, proxies from the environment and bounded reads; threads also paid for the GIL
hand-offs between the pool and the sender's loop, which now runs on the same event loop
as the requests.

Redirects are not followed (a POST answered with a redirect may have been processed: the
sender stops and marks the message uncertain). The answer's body is read bounded in size
and time; once the status line arrived the outcome is known even if the body is lost.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType

import aiohttp

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.merge import MergeTemplates
from teenvio_desktop.core.outbox.payload import JSON, EncodedRequest, PreparedRequests
from teenvio_desktop.core.outbox.repository import OutboxMessage
from teenvio_desktop.core.outbox.transport import (
    Outcome,
    classify_answer,
    classify_exception,
    prepare_request,
)
from teenvio_desktop.core.tealite.answers import MAX_SEND_ANSWER_BYTES
from teenvio_desktop.core.tealite.connection import TeaLiteConnection
from teenvio_desktop.core.tealite.errors import AnswerTooLarge, AnswerTooSlow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Head:
    status_code: int
    reason_phrase: str
    headers: Mapping[str, str]


async def _read_bounded(
    response: aiohttp.ClientResponse, endpoint: str, limit: int, deadline_s: float
) -> bytes:
    """The answer's body (decoded), abandoned past ``limit`` bytes or ``deadline_s``."""
    declared = response.headers.get("Content-Length", "")
    if declared.strip().isdigit() and int(declared) > limit:
        raise AnswerTooLarge(endpoint, limit)
    # A declared length, not compressed: aiohttp's parser reads exactly that many bytes.
    whole = declared.strip().isdigit() and "Content-Encoding" not in response.headers
    if whole and response.content.is_eof():
        # All of it is here already (a short answer comes with its head): nothing to wait
        # for, so no deadline is armed (a timer per message showed in the send's profile).
        return await response.read()
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(deadline_s):
            if whole:
                return await response.read()
            while chunk := await response.content.read(65536):
                size += len(chunk)
                if size > limit:
                    raise AnswerTooLarge(endpoint, limit)
                chunks.append(chunk)
    except TimeoutError:
        raise AnswerTooSlow(endpoint, deadline_s) from None
    return b"".join(chunks)


class AsyncRunner:
    """POSTs messages on the running event loop; ``attempt`` never raises."""

    def __init__(
        self,
        connection: TeaLiteConnection,
        concurrency: int,
        campaign: Campaign,
        templates: MergeTemplates,
        prepared: PreparedRequests | None = None,
    ) -> None:
        self._connection = connection
        self._concurrency = concurrency
        self._campaign, self._templates = campaign, templates
        self._prepared = prepared
        self._base = connection.base_url.rstrip("/")
        self._deadline_s = max(connection.timeout_s, 1.0) * 2
        self._session: aiohttp.ClientSession | None = None
        self._proxy: dict[str, object] = {}

    def _find_proxy(self) -> None:
        """The proxy the environment names for TEA Lite's address, looked up once.

        ``trust_env=True`` would do it (and read ~/.netrc) in a thread for every request:
        two thread hand-offs per message, a third of the client's time.
        """
        from aiohttp.helpers import get_env_proxy_for_url
        from yarl import URL

        try:
            proxy, auth = get_env_proxy_for_url(URL(self._base))
        except LookupError:
            return
        self._proxy = {"proxy": proxy, "proxy_auth": auth}

    async def __aenter__(self) -> AsyncRunner:
        self._find_proxy()
        timeout_s = self._connection.timeout_s
        ssl = self._connection.ssl_context() if self._base.lower().startswith("https:") else None
        connector = aiohttp.TCPConnector(
            limit=self._concurrency, ssl=ssl if ssl is not None else True
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            headers={**self._connection.headers(), "Content-Type": JSON},
            # connect: waiting for a free connection plus connecting (nothing sent yet).
            timeout=aiohttp.ClientTimeout(
                total=None, connect=timeout_s, sock_connect=timeout_s, sock_read=timeout_s
            ),
            trust_env=False,  # the proxy is looked up once (``_find_proxy``)
            raise_for_status=False,
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _request(self, message: OutboxMessage) -> EncodedRequest | Outcome:
        if self._prepared is not None:
            kept = self._prepared.take(message.outbound_id)
            if kept is not None:
                return kept
        return prepare_request(self._campaign, self._templates, message)

    async def attempt(self, message: OutboxMessage) -> Outcome:
        """Render (unless kept), POST and classify one message."""
        request = self._request(message)
        if isinstance(request, Outcome):
            return request
        assert self._session is not None, "use the runner as an async context manager"
        url = self._base + request.path
        outcome: Outcome | None = None
        try:
            async with self._session.post(
                url,
                data=request.body,
                # The session's headers name JSON; multipart names its boundary here.
                headers=None
                if request.content_type == JSON
                else {"Content-Type": request.content_type},
                allow_redirects=False,
                **self._proxy,  # type: ignore[arg-type]
            ) as response:
                # The status line arrived: from here on the answer is known, even if the
                # body is lost, too big or too slow.
                head = _Head(response.status, response.reason or "", response.headers)
                try:
                    body: bytes | None = await _read_bounded(
                        response, request.path, MAX_SEND_ANSWER_BYTES, self._deadline_s
                    )
                except (aiohttp.ClientError, AnswerTooLarge, AnswerTooSlow, OSError) as exc:
                    log.info("Answer body of %s for %s unreadable: %s", url, message.id, exc)
                    body = None
                outcome = classify_answer(url, request.path, head, body)
        except (aiohttp.ClientError, OSError, TimeoutError, ValueError) as exc:
            if outcome is not None:  # only releasing the connection failed
                return outcome
            return classify_exception(url, exc)
        return outcome
