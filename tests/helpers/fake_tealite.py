"""A tiny TEA Lite statistics server (aiohttp, loopback) that records every request.

The real emulator lives in ``teenvio_desktop/sandbox``; this one exists to pin the exact
query parameters and paging this client sends, and to answer with scripted faults.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

Handler = Callable[[str, dict[str, str]], tuple[int, Any] | None]


@dataclass
class FakeTeaLite:
    token: str = "fake-token"
    page_size: int = 2
    feeds: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # Called before the normal answer; returning (status, body) overrides it.
    fault: Handler | None = None
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    url: str = ""

    def _answer(self, path: str, query: dict[str, str]) -> tuple[int, Any]:
        if self.fault is not None:
            override = self.fault(path, query)
            if override is not None:
                return override
        if path == "/interactions":
            items = [i for i in self.feeds.get("interactions", []) if i["type"] == query["type"]]
        else:
            items = self.feeds.get(path.strip("/"), [])
        if path == "/unsubscribe":
            page = int(query.get("page", "1"))
            chunk = items[(page - 1) * self.page_size : page * self.page_size]
            last = page * self.page_size >= len(items)
            return 200, {"page": page, "lastPage": last, "unsubscribes": chunk}
        page = int(query.get("page", "0"))
        return 200, items[page * self.page_size : (page + 1) * self.page_size]

    async def _handle(self, request: web.Request) -> web.Response:
        query = dict(request.query)
        self.requests.append((request.path, query))
        if request.headers.get("Authorization") != f"Basic {self.token}":
            return web.json_response(
                {"errorText": "CredentialsRejected", "errorCategory": "Permanent"}, status=403
            )
        status, body = self._answer(request.path, query)
        return web.json_response(body, status=status)

    def start(self) -> FakeTeaLite:
        self._loop = asyncio.new_event_loop()
        ready = threading.Event()

        async def main() -> None:
            app = web.Application()
            app.router.add_get("/{tail:.*}", self._handle)
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

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()
        ready.wait(10)
        return self

    def stop(self) -> None:
        async def shutdown() -> None:
            await self._runner.cleanup()

        asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()  # its selector and self-pipe sockets too

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]
