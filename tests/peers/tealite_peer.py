"""A TEA Lite server written from the seed text alone, strict or hostile on demand.

It never imports the project's sandbox: everything here comes from
``seeds/tea-lite-rest-api.txt``. ``Authorization: Basic {Token}`` or ``403
{"errorText":"CredentialsRejected","errorCategory":"Permanent"}``; ``POST /send`` with the
seed's required attributes (``500 {"errorCategory":"Permanent","errorText":"El <x> es
requerido"}`` when one is missing) answered ``202 {"messageId": "<n>"}``; /responses,
/bounces and /interactions page from 0 ("0 a n") with the seed's fields; /unsubscribe pages
from 1 as ``{"page", "lastPage", "unsubscribes"}``. The seed promises no deduplication by
``outboundId``, so this peer stores **every** POST: a client that sends twice delivers twice.

Send modes decide what happens to a POST (every ``fault_every``-th one; the others are
answered normally): ``strict``; ``drop_after_store`` (stored, then the connection is cut);
``bare_500_after_store`` (stored, then ``500 Internal Server Error`` as text);
``empty_2xx`` (stored, then ``202`` with an empty body); ``retriable`` (``400 Retriable``,
nothing stored, as the seed says).

Statistics modes decide how the GET endpoints answer: ``strict``; ``page_ignored`` (page 0
whatever ``page`` says); ``endless_pages`` (fresh entries on every page, never empty);
``repeated_page`` (past the data, the last page again instead of an empty one);
``deep_json``; ``huge_body`` (a JSON array streamed without end or Content-Length);
``not_json``; ``wrong_types`` (entries with wrong types and impossible timestamps among
good ones); ``one_based`` (pages from 1, ``page=0`` read as 1); ``bare_object`` (one bare
entry object per page, ``{}`` past the end); ``wrapped`` (every endpoint answers a wrapper
object with ``lastPage``); ``trickle`` (a valid start, then one byte every 0.2 s, so no
single read ever times out).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from aiohttp import web

SEND_MODES = ("strict", "drop_after_store", "bare_500_after_store", "empty_2xx", "retriable")
STATS_MODES = (
    "strict",
    "page_ignored",
    "endless_pages",
    "repeated_page",
    "deep_json",
    "huge_body",
    "not_json",
    "wrong_types",
    "one_based",
    "bare_object",
    "wrapped",
    "trickle",
)
# The seed's table of /send attributes marked "Requerido".
REQUIRED = (
    "bodyContentHTML",
    "bodyContentPlainText",
    "campaignId",
    "outboundId",
    "recipient",
    "replyTo",
    "replyToName",
    "sender",
    "senderName",
    "sourceSystem",
    "subjectContentPlainText",
)
STAMP = "%Y%m%d%H%M%S"


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(STAMP)


@dataclass
class Stored:
    message_id: str
    body: dict[str, Any]
    at: datetime


@dataclass
class TeaLitePeer:
    send_mode: str = "strict"
    stats_mode: str = "strict"
    token: str = "peer-token-0123"
    fault_every: int = 3  # every n-th POST gets the send mode's fault (1: all of them)
    page_size: int = 2
    responses_visible: bool = True  # stored messages appear in /responses at once
    latency_s: float = 0.0  # before answering a POST
    # When set: a POST is stored, then its answer waits until the event is set (only once
    # ``hold_after`` messages are stored, when that is given).
    gate: threading.Event | None = None
    hold_after: int = 0
    # Extra entries per endpoint ("bounces", "responses", "interactions", "unsubscribe").
    feeds: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    url: str = ""

    def __post_init__(self) -> None:
        assert self.send_mode in SEND_MODES and self.stats_mode in STATS_MODES
        self._lock = threading.Lock()
        self._stored: list[Stored] = []
        self._posts = 0
        self._ids = itertools.count(1)
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.first_post = threading.Event()

    # -- what tests read -------------------------------------------------------------
    def stored(self) -> list[Stored]:
        with self._lock:
            return list(self._stored)

    def copies_per_recipient(self) -> Counter[str]:
        return Counter(s.body["recipient"].lower() for s in self.stored())

    def get_requests(self, path: str) -> list[dict[str, str]]:
        with self._lock:
            return [q for p, q in self.requests if p == path]

    # -- the API ---------------------------------------------------------------------
    @staticmethod
    def _error(status: int, category: str, text: str) -> web.Response:
        return web.json_response({"errorCategory": category, "errorText": text}, status=status)

    def _authorised(self, request: web.Request) -> bool:
        return request.headers.get("Authorization", "") == f"Basic {self.token}"

    async def send(self, request: web.Request) -> web.StreamResponse:
        if not self._authorised(request):
            return self._error(403, "Permanent", "CredentialsRejected")
        with self._lock:
            self._posts += 1
            faulty = self._posts % self.fault_every == 0
        mode = self.send_mode if faulty else "strict"
        if mode == "retriable":
            return self._error(400, "Retriable", "Servicio temporalmente inaccesible")
        try:
            body = json.loads(await request.read())
        except ValueError:
            return self._error(500, "Permanent", "El bodyContentHTML es requerido")
        if not isinstance(body, dict):
            return self._error(500, "Permanent", "El bodyContentHTML es requerido")
        for name in REQUIRED:
            if not str(body.get(name) or "").strip():
                return self._error(500, "Permanent", f"El {name} es requerido")
        message_id = str(next(self._ids))
        with self._lock:
            self._stored.append(Stored(message_id, body, datetime.now(UTC)))
        self.first_post.set()
        if self.latency_s:
            await asyncio.sleep(self.latency_s)
        while self.gate is not None and not self.gate.is_set():
            if len(self.stored()) < self.hold_after:
                break
            await asyncio.sleep(0.01)
        if mode == "drop_after_store":
            assert request.transport is not None
            request.transport.abort()
            raise web.HTTPServiceUnavailable()  # never written: the connection is gone
        if mode == "bare_500_after_store":
            return web.Response(status=500, text="Internal Server Error")
        if mode == "empty_2xx":
            return web.Response(status=202)
        return web.json_response({"messageId": message_id}, status=202)

    @staticmethod
    def _window(query: dict[str, str], required: bool) -> tuple[str, str] | None:
        """The window as UTC YYYYMMDDHHMMSS bounds; KeyError names a missing parameter."""
        if (
            "startTimeUTC" in query
            or "endTimeUTC" in query
            or (required and "startTime" not in query)
        ):
            return query["startTimeUTC"], query["endTimeUTC"]
        if "startTime" in query:
            from zoneinfo import ZoneInfo

            zone = ZoneInfo(query["tz"])
            bounds = [
                datetime.strptime(query[k], STAMP).replace(tzinfo=zone)
                for k in ("startTime", "endTime")
            ]
            return stamp(bounds[0]), stamp(bounds[1])
        return None

    def _entries(self, path: str, query: dict[str, str]) -> list[dict[str, Any]]:
        name = path.strip("/")
        entries = list(self.feeds.get(name, []))
        if path == "/responses" and self.responses_visible:
            campaign = query.get("campaignId")
            entries += [
                {
                    "messageId": s.message_id,
                    "recipient": s.body["recipient"],
                    "errorCode": "250",
                    "errorText": "250 2.0.0 OK",
                    "type": "Delivery",
                    "timestamp": stamp(s.at),
                }
                for s in self.stored()
                if s.body.get("campaignId") == campaign
            ]
        if path == "/interactions":
            entries = [e for e in entries if e.get("type") == query.get("type")]
        window = self._window(query, required=path != "/unsubscribe")
        if window is not None and path != "/unsubscribe":  # its dateRequest is only a date
            low, high = window
            entries = [e for e in entries if low <= str(e.get("timestamp", "")) <= high]
        return entries

    async def stats(self, request: web.Request) -> web.StreamResponse:
        query = dict(request.query)
        with self._lock:
            self.requests.append((request.path, query))
        if not self._authorised(request):
            return self._error(403, "Permanent", "CredentialsRejected")
        try:
            entries = self._entries(request.path, query)
        except (KeyError, ValueError) as exc:
            return self._error(500, "Permanent", f"El {exc.args[0]} es requerido")
        first = 1 if request.path == "/unsubscribe" else 0
        page = int(query.get("page", first))
        mode = self.stats_mode
        if mode == "deep_json":
            return web.Response(
                body=b"[" * 200_000 + b"]" * 200_000, content_type="application/json"
            )
        if mode == "not_json":
            return web.Response(
                text="<html><body>Bienvenido</body></html>", content_type="text/html"
            )
        if mode == "huge_body":
            return await self._endless_body(request)
        if mode == "trickle":
            return await self._trickle(request)
        if mode == "wrong_types":
            entries = [*entries, *_malformed_entries()]
        if mode == "one_based":
            first, page = 1, max(page, 1)
        if mode == "page_ignored":
            page = first
        size = 1 if mode == "bare_object" else self.page_size
        chunk = entries[(page - first) * size : (page - first + 1) * size]
        last = (page - first + 1) * size >= len(entries)
        if mode == "endless_pages":
            chunk = [_fresh_entry(request.path, query, page, n) for n in range(size)]
            last = False
        if mode == "repeated_page":
            chunk = chunk or entries[-size:]  # the last page again, for ever
            last = False
        if request.path == "/unsubscribe" or mode == "wrapped":
            key = {"/unsubscribe": "unsubscribes"}.get(request.path, "items")
            return web.json_response({"page": page, "lastPage": last, key: chunk})
        if mode == "bare_object":
            return web.json_response(chunk[0] if chunk else {})
        return web.json_response(chunk)

    async def _endless_body(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        item = json.dumps({"recipient": "x@example.com", "padding": "x" * 4000}).encode()
        try:
            await response.write(b"[" + item)
            for _ in range(100_000):  # 400 MB at most: the client must stop long before
                await response.write(b"," + item * 1)
        except (ConnectionError, RuntimeError):
            pass
        return response

    async def _trickle(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        try:
            await response.write(b"[")
            for _ in range(600):  # two minutes at most
                await asyncio.sleep(0.2)
                await response.write(b" ")
        except (ConnectionError, RuntimeError):
            pass
        return response

    # -- running -----------------------------------------------------------------------
    def start(self) -> TeaLitePeer:
        self._loop = asyncio.new_event_loop()
        ready = threading.Event()

        async def main() -> None:
            app = web.Application()
            app.router.add_post("/send", self.send)
            for path in ("/responses", "/bounces", "/interactions", "/unsubscribe"):
                app.router.add_get(path, self.stats)
            self._runner = web.AppRunner(app, access_log=None)
            await self._runner.setup()
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            await site.start()
            port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            self.url = f"http://127.0.0.1:{port}"
            ready.set()

        def run() -> None:
            asyncio.set_event_loop(self._loop)
            self._loop.run_until_complete(main())
            self._loop.run_forever()
            self._loop.close()

        self._thread = threading.Thread(target=run, name="tealite-peer", daemon=True)
        self._thread.start()
        assert ready.wait(10), "the peer did not start"
        return self

    def stop(self) -> None:
        async def shutdown() -> None:
            await self._runner.cleanup()

        asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


def _fresh_entry(path: str, query: dict[str, str], page: int, n: int) -> dict[str, Any]:
    moment = stamp(datetime.now(UTC) - timedelta(minutes=1))
    if path == "/interactions":
        return {
            "email": f"p{page}-{n}@example.com",
            "timestamp": moment,
            "ip": "192.0.2.1",
            "idCampaign": query.get("idCampaign"),
            "idMessage": f"{page}{n}",
            "link": None,
            "linkName": None,
            "type": query.get("type"),
        }
    if path == "/unsubscribe":
        return {"recipient": f"p{page}-{n}@example.com", "dateRequest": "2024-05-16"}
    return {
        "messageId": f"{page}-{n}",
        "recipient": f"p{page}-{n}@example.com",
        "errorCode": "250",
        "errorText": "ok",
        "type": "Delivery",
        "timestamp": moment,
    }


def _malformed_entries() -> list[Any]:
    """Entries no client may store: wrong types, impossible timestamps, not objects."""
    good_time = stamp(datetime.now(UTC) - timedelta(minutes=5))
    return [
        {"recipient": 12345, "timestamp": good_time, "type": "Hard", "email": 1},
        {
            "recipient": "a@example.com",
            "email": "a@example.com",
            "timestamp": "20241345256199",
            "dateRequest": "2024-02-30",
        },
        {
            "recipient": "b@example.com",
            "email": "b@example.com",
            "timestamp": None,
            "dateRequest": 20240516,
        },
        {"recipient": ["c@example.com"], "email": {"x": 1}, "timestamp": good_time},
        {
            "recipient": "d@example.com",
            "email": "d@example.com",
            "timestamp": good_time,
            "messageId": {"nested": True},
            "idMessage": [1],
            "dateRequest": "yesterday",
        },
        "not an object",
        7,
        None,
    ]


def wait_for(condition: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)
