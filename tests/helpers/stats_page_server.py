"""Pre-encoded /interactions pages for the statistics benchmark, in their own process.

``python -m tests.helpers.stats_page_server ROWS PAGE_SIZE`` builds ROWS time-ordered
interactions (half opens, half clicks) of campaign 777, encodes every page once, prints
``{"api": URL}`` and serves ``GET /interactions?type=OPEN|CLICK&page=N`` (0-based, an
empty list past the end) from a bare ``asyncio.Protocol``: the server costs next to
nothing, so the client's fetch, decode and store are what the benchmark measures.
"""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import sys
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

CAMPAIGN = "777"
SOURCE = "bench-stats"
START = datetime(2026, 1, 5, tzinfo=UTC)


def pages(rows: int, page_size: int) -> dict[tuple[str, int], bytes]:
    encoded: dict[tuple[str, int], bytes] = {}
    for kind in ("OPEN", "CLICK"):
        count = rows // 2
        for first in range(0, count, page_size):
            items = []
            for n in range(first, min(count, first + page_size)):
                at = START + timedelta(seconds=n // 4)  # about four events a second
                item = {
                    "idCampaign": CAMPAIGN, "idMessage": str(n % 100_000 + 1),
                    "email": f"r{n % 100_000 + 1}@example.net", "type": kind,
                    "timestamp": at.strftime("%Y%m%d%H%M%S"), "ip": "198.51.100.7",
                    "link": f"https://example.com/p/{n % 40}" if kind == "CLICK" else None,
                    "linkName": f"Link {n % 40}" if kind == "CLICK" else None,
                    "sourceSystem": SOURCE,
                }  # fmt: skip
                items.append(item)
            encoded[(kind, first // page_size)] = json.dumps(items).encode()
    return encoded


class PageProtocol(asyncio.Protocol):
    def __init__(self, encoded: dict[tuple[str, int], bytes]) -> None:
        self.encoded = encoded
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\r\n\r\n" in self.buffer and self.transport is not None:
            head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
            target = head.split(b" ", 2)[1].decode()
            query = parse_qs(urlsplit(target).query)
            kind, page = query.get("type", [""])[0], int(query.get("page", ["0"])[0])
            body = self.encoded.get((kind, page), b"[]")
            self.transport.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + str(len(body)).encode() + b"\r\n\r\n" + body
            )  # fmt: skip


async def serve(rows: int, page_size: int) -> None:
    encoded = pages(rows, page_size)
    loop = asyncio.get_running_loop()
    sock = socket.create_server(("127.0.0.1", 0))
    server = await loop.create_server(lambda: PageProtocol(encoded), sock=sock)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print(json.dumps({"api": f"http://127.0.0.1:{sock.getsockname()[1]}"}), flush=True)
    async with server:
        await stop.wait()


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1]), int(sys.argv[2])))
