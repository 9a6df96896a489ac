"""A real HTTP(S) server on loopback with the links a newsletter can have, good and bad.

Routes: ``/ok`` 200; ``/missing`` 404; ``/old-offer`` 301 to ``/ok``; ``/head-refused``
405 to HEAD and 200 to GET; ``/loop`` redirects to itself; ``/u/42`` 200 and any other
``/u/<id>`` 404; ``/logo.png`` 200; ``/gone.png`` 404; ``/baja`` 200; ``/slow`` answers
only when released (or after 30 s); ``/big`` refuses HEAD and answers GET with a 64 MB
body, counting what it could write before the client hung up. Every request is recorded
as ``(method, path)``.
"""

from __future__ import annotations

import socket
import ssl
import threading
from contextlib import suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

BIG_BODY_BYTES = 64 * 1024 * 1024
CHUNK = b"x" * 65536


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        del format, args

    def _answer(
        self, status: int, headers: dict[str, str] | None = None, body: bytes = b""
    ) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and body:
            self.wfile.write(body)

    def _route(self) -> None:
        path = self.path.split("?", 1)[0]
        with self.server.lock:
            self.server.requests.append((self.command, path))
        if path in ("/ok", "/logo.png", "/baja"):
            self._answer(200, {"Content-Type": "text/html"}, b"<p>ok</p>")
        elif path == "/old-offer":
            self._answer(301, {"Location": "/ok"})
        elif path == "/head-refused":
            self._answer(405 if self.command == "HEAD" else 200)
        elif path == "/loop":
            self._answer(302, {"Location": "/loop"})
        elif path.startswith("/u/"):
            self._answer(200 if path == "/u/42" else 404)
        elif path == "/slow":
            self.server.slow_arrived.set()
            self.server.release.wait(30)
            self._answer(200)
        elif path == "/big":
            self._big()
        else:
            self._answer(404, {"Content-Type": "text/plain"}, b"not found")

    def _big(self) -> None:
        if self.command == "HEAD":
            self._answer(405)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(BIG_BODY_BYTES))
        self.end_headers()
        written = 0
        try:
            while written < BIG_BODY_BYTES:
                self.wfile.write(CHUNK)
                written += len(CHUNK)
        except OSError:
            pass
        finally:
            with self.server.lock:
                self.server.big_written = written
            self.server.big_done.set()
            self.close_connection = True

    do_GET = _route
    do_HEAD = _route


class _Server(ThreadingHTTPServer):
    # Handler threads are joined by server_close(), once close_connections() woke them up
    # (a browser keeps its connection open, so a handler would wait for its next request).
    daemon_threads = False
    block_on_close = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self.requests: list[tuple[str, str]] = []
        self.release = threading.Event()
        self.slow_arrived = threading.Event()
        self.big_done = threading.Event()
        self.big_written = 0

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients hanging up mid-answer is what the checker does on purpose."""

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """End every conversation: a handler waiting for a request or writing returns."""
        with self.lock:
            connections = list(self._connections)
        for connection in connections:
            with suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class LinkServer:
    """Start with ``with LinkServer() as server:``; ``server.base`` is its URL."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self._server = _Server()
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        scheme = "https" if tls is not None else "http"
        host = "localhost" if tls is not None else "127.0.0.1"
        self.base = f"{scheme}://{host}:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> LinkServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.release.set()
        self._server.shutdown()
        self._server.close_connections()
        self._server.server_close()  # joins the handler threads
        self._thread.join(10)

    @property
    def requests(self) -> list[tuple[str, str]]:
        with self._server.lock:
            return list(self._server.requests)

    @property
    def slow_arrived(self) -> threading.Event:
        return self._server.slow_arrived

    @property
    def big_done(self) -> threading.Event:
        return self._server.big_done

    @property
    def big_written(self) -> int:
        with self._server.lock:
            return self._server.big_written

    def release_slow(self) -> None:
        self._server.release.set()
