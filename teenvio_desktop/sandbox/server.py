"""Start and stop the sandbox: both SMTP listeners and the TEA Lite API on one event loop.

``start_sandbox(config)`` runs one asyncio loop in a background thread with three
listeners — SMTP with STARTTLS (``info.smtp_port``), SMTP over implicit TLS
(``info.smtps_port``), TEA Lite over plain HTTP (``info.api_url``) — and returns once all
of them accept connections. What it receives goes to ``<data_dir>/sandbox.sqlite3``; the
CA clients must trust is ``info.ca_file`` (``<data_dir>/tls/ca.pem``).

How an SMTP campaign shows up in TEA Lite's statistics (issue 8's sync relies on it):

* ``250 OK id=<n> <hex>``: ``<n>`` is the campaign's id. In /responses, /interactions
  and /unsubscribe that campaign is ``campaignId``/``idCampaign`` = ``"<n>"`` and its
  ``sourceSystem`` is the SMTP user name (``info.user``, e.g. ``demo.sandbox``).
* Each recipient of the campaign is one message with its own ``messageId``/``idMessage``
  (from the same sequence as REST messageIds).
* SMTP campaign ids start at 1001, so they do not clash with small REST campaignIds.

Test hooks: :meth:`RunningSandbox.advance` lets simulated hours pass at once,
:meth:`RunningSandbox.simulate_until_done` makes every planned event happen now,
:meth:`RunningSandbox.expected_summary` counts what was generated, and
:meth:`RunningSandbox.set_faults` changes fault injection while running.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import threading
from collections.abc import Coroutine
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from aiohttp import web

from teenvio_desktop.sandbox.config import SandboxConfig, SandboxInfo
from teenvio_desktop.sandbox.faults import FaultSettings
from teenvio_desktop.sandbox.records import (
    ContactGroup,
    OutcomeSummary,
    ReceivedCampaign,
    ReceivedMessage,
)
from teenvio_desktop.sandbox.rest_api import build_app
from teenvio_desktop.sandbox.service import SandboxService
from teenvio_desktop.sandbox.smtp_server import TeenvioHandler, smtp_factory
from teenvio_desktop.sandbox.storage import SandboxStore, now_s
from teenvio_desktop.sandbox.tls import ensure_tls_files, server_ssl_context

log = logging.getLogger(__name__)

DB_FILE_NAME = "sandbox.sqlite3"
START_TIMEOUT_S = 30.0
T = TypeVar("T")

__all__ = [
    "ContactGroup",
    "OutcomeSummary",
    "ReceivedCampaign",
    "ReceivedMessage",
    "RunningSandbox",
    "SandboxConfig",
    "SandboxInfo",
    "start_sandbox",
]


def _listening_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family, backlog=128)
    sock.setblocking(False)
    return sock


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


class RunningSandbox:
    """A started sandbox. Use :func:`start_sandbox`; call :meth:`stop` (or use ``with``)."""

    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        config.data_dir.mkdir(parents=True, exist_ok=True)
        self._tls = ensure_tls_files(config.data_dir / "tls", config.host)
        self._store = SandboxStore(config.data_dir / DB_FILE_NAME)
        self._service = SandboxService(config, self._store)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run_loop, name="teenvio-sandbox", daemon=True)
        self._servers: list[asyncio.Server] = []
        self._runner: web.AppRunner | None = None
        self._smtp_handler: TeenvioHandler | None = None
        self._stopped = False
        self.info: SandboxInfo

    # --- lifecycle ----------------------------------------------------------------------

    def _run_loop(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()

    def _call(self, coro: Coroutine[Any, Any, T], timeout: float = START_TIMEOUT_S) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def _start(self) -> None:
        self._thread.start()
        try:
            self.info = self._call(self._serve())
        except BaseException:
            self._shutdown()
            raise
        log.info("sandbox started: %r", self.info)

    async def _serve(self) -> SandboxInfo:
        config, loop = self.config, self._loop
        ssl_context = server_ssl_context(self._tls)
        handler = self._smtp_handler = TeenvioHandler(self._service)
        for port, implicit in ((config.smtp_port, False), (config.smtps_port, True)):
            server = await loop.create_server(
                lambda implicit=implicit: smtp_factory(
                    handler, loop, tls_context=ssl_context, implicit_tls=implicit
                ),
                sock=_listening_socket(config.host, port),
                ssl=ssl_context if implicit else None,
            )
            self._servers.append(server)
        api_sock = _listening_socket(config.host, config.api_port)
        api_port = int(api_sock.getsockname()[1])
        self._service.base_url = f"http://{_url_host(config.host)}:{api_port}"
        self._runner = web.AppRunner(build_app(self._service), access_log=None)
        await self._runner.setup()
        await web.SockSite(self._runner, api_sock).start()
        smtp_port, smtps_port = (int(s.sockets[0].getsockname()[1]) for s in self._servers)
        return SandboxInfo(
            host=config.host,
            smtp_port=smtp_port,
            smtps_port=smtps_port,
            api_url=self._service.base_url,
            ca_file=self._tls.ca_cert,
            user=config.user,
            password=config.password,
            token=config.token,
            senders=tuple(config.senders),
            data_dir=config.data_dir,
        )

    async def _close_listeners(self) -> None:
        for server in self._servers:
            server.close()
        if self._smtp_handler is not None:
            self._smtp_handler.close_sessions()
        if self._runner is not None:
            await self._runner.cleanup()
        for server in self._servers:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(server.wait_closed(), 2)
        # Open SMTP sessions (and their timers) end with the loop.
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _shutdown(self) -> None:
        if self._loop.is_running():
            with contextlib.suppress(Exception):
                self._call(self._close_listeners(), timeout=10)
            self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        if not self._loop.is_running():
            self._loop.close()
        self._store.close()

    def stop(self) -> None:
        """Close every listener, end the loop thread, close the database. Idempotent."""
        if self._stopped:
            return
        self._stopped = True
        self._shutdown()
        log.info("sandbox stopped")

    def __enter__(self) -> RunningSandbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- faults and time ----------------------------------------------------------------

    def set_faults(
        self,
        *,
        fail_rate: float | None = None,
        drop_rate: float | None = None,
        latency_ms: int | None = None,
        smtp_fail_rate: float | None = None,
        smtp_drop_rate: float | None = None,
    ) -> FaultSettings:
        """Change fault injection now; arguments left out keep their value."""
        return self._service.faults.update(
            fail_rate=fail_rate,
            drop_rate=drop_rate,
            latency_ms=latency_ms,
            smtp_fail_rate=smtp_fail_rate,
            smtp_drop_rate=smtp_drop_rate,
        )

    @property
    def faults(self) -> FaultSettings:
        return self._service.faults.settings

    def fault_counts(self) -> dict[str, int]:
        """How many times each fault was injected so far."""
        return self._service.faults.counts()

    def advance(self, hours: float) -> int:
        """Let ``hours`` simulated hours pass at once: pending events come that much
        closer; those now due happen now (timestamps never lie in the future).
        Returns how many events moved."""
        shift = hours * 3600.0 / max(self.config.time_scale, 1e-9)
        return self._store.shift_pending(shift, now_s())

    def simulate_until_done(self) -> int:
        """Make every planned event happen now; returns how many were pending."""
        return self._store.shift_pending(float("inf"), now_s())

    # --- what was received and generated ------------------------------------------------

    @property
    def db_path(self) -> Path:
        return self._store.path

    def received_campaigns(self) -> list[ReceivedCampaign]:
        """Every campaign created by an SMTP DATA, oldest first."""
        return self._store.received_campaigns()

    def received_messages(
        self, campaign_id: str | int | None = None, source_system: str | None = None
    ) -> list[ReceivedMessage]:
        """Every message (REST, and one per recipient of each SMTP campaign), oldest first."""
        campaign = None if campaign_id is None else str(campaign_id)
        return self._store.received_messages(campaign, source_system)

    def contact_groups(self) -> list[ContactGroup]:
        return self._store.contact_groups()

    def expected_summary(
        self,
        campaign_id: str | int,
        source_system: str | None = None,
        *,
        include_pending: bool = False,
    ) -> OutcomeSummary:
        """Counts of what was generated for a campaign (SMTP: its id; REST: campaignId),
        by default only what the API already shows."""
        until = None if include_pending else now_s()
        return self._store.summary(str(campaign_id), source_system, until)


def start_sandbox(config: SandboxConfig) -> RunningSandbox:
    """Start every listener and return once all of them accept connections."""
    if not config.time_scale > 0:
        raise ValueError("time_scale must be positive")
    if config.page_size < 1:
        raise ValueError("page_size must be at least 1")
    sandbox = RunningSandbox(replace(config, senders=tuple(config.senders)))
    sandbox._start()
    return sandbox
