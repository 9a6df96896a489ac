"""A minimal, fast ``POST /send`` server for the sending benchmark: the client is the limit.

The sandbox answers about 400 requests per second (it stores every message), so it hides
how fast a client is. This server answers each request with ``202 {"messageId": "<n>"}``
from a bare ``asyncio.Protocol`` (HTTP/1.1 keep-alive, ``Content-Length`` bodies only),
and keeps just the set of outboundIds it received, so the benchmark can check that every
message arrived exactly once: ``GET /count`` answers ``{"requests": n, "distinct": m}``.

Run as its own process: ``python -m tests.helpers.fast_tealite_server`` prints one JSON
line ``{"api": "http://127.0.0.1:PORT"}`` once listening, and stops on SIGTERM or SIGINT.
Loopback only.
"""

from __future__ import annotations

import asyncio
import json
import re
import signal
import socket

_OUTBOUND_ID = re.compile(rb'"outboundId"\s*:\s*"([^"]*)"')
_LENGTH = re.compile(rb"\r\ncontent-length:\s*(\d+)", re.IGNORECASE)
_MAX_HEAD = 64 * 1024


class Counts:
    def __init__(self) -> None:
        self.requests = 0
        self.ids: set[bytes] = set()


def _answer(status: str, body: bytes) -> bytes:
    head = (
        f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("ascii") + body


class SendProtocol(asyncio.Protocol):
    def __init__(self, counts: Counts) -> None:
        self.counts = counts
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self.buffer) > _MAX_HEAD and self.transport is not None:
                    self.transport.close()
                return
            head = bytes(self.buffer[:end])
            match = _LENGTH.search(head)
            length = int(match.group(1)) if match else 0
            if len(self.buffer) < end + 4 + length:
                return
            body = bytes(self.buffer[end + 4 : end + 4 + length])
            del self.buffer[: end + 4 + length]
            self._handle(head, body)

    def _handle(self, head: bytes, body: bytes) -> None:
        assert self.transport is not None
        if head.startswith(b"GET /count"):
            counts = {"requests": self.counts.requests, "distinct": len(self.counts.ids)}
            self.transport.write(_answer("200 OK", json.dumps(counts).encode()))
            return
        self.counts.requests += 1
        found = _OUTBOUND_ID.search(body)
        if found:
            self.counts.ids.add(found.group(1))
        message_id = str(self.counts.requests).encode()
        self.transport.write(_answer("202 Accepted", b'{"messageId":"' + message_id + b'"}'))


async def serve() -> None:
    counts = Counts()
    loop = asyncio.get_running_loop()
    sock = socket.create_server(("127.0.0.1", 0))
    server = await loop.create_server(lambda: SendProtocol(counts), sock=sock)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print(json.dumps({"api": f"http://127.0.0.1:{sock.getsockname()[1]}"}), flush=True)
    async with server:
        await stop.wait()


if __name__ == "__main__":
    asyncio.run(serve())
