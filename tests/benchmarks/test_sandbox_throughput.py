"""How fast the sandbox accepts work, against bare servers of the same libraries.

    .venv/bin/python -m pytest tests/benchmarks/test_sandbox_throughput.py -s

Prints ONE JSON object:
- ``start_stop_ms``: median start+stop of a sandbox (three listeners, TLS files reused);
- ``rest_send_per_s`` / ``bare_aiohttp_per_s``: sequential ``POST /send`` over one keep-alive
  httpx client, against a bare aiohttp app answering the same 202 (the baseline);
- ``smtp_campaign_ms`` / ``bare_aiosmtpd_ms``: one 1000-recipient campaign with smtplib on the
  plain port (no TLS on either side), against a bare aiosmtpd accepting everything;
- ``*_ratio``: sandbox cost / baseline cost (ratios are the signal, absolute times are noise).
"""

from __future__ import annotations

import asyncio
import json
import smtplib
import socket
import statistics
import threading
import time
from pathlib import Path

import httpx
from aiohttp import web
from aiosmtpd.controller import Controller

from teenvio_desktop.sandbox.server import SandboxConfig, start_sandbox
from tests.helpers.sandbox import SEED_MESSAGE, send_body

SENDS = 400
RECIPIENTS = [f"persona{n}@example.org" for n in range(1000)]


def _bare_aiohttp() -> tuple[str, asyncio.AbstractEventLoop, web.AppRunner, threading.Thread]:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    async def send(request: web.Request) -> web.Response:
        await request.json()
        return web.json_response({"messageId": "1"}, status=202)

    async def serve() -> tuple[str, web.AppRunner]:
        app = web.Application()
        app.router.add_post("/send", send)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        sock = socket.create_server(("127.0.0.1", 0))
        await web.SockSite(runner, sock).start()
        return f"http://127.0.0.1:{sock.getsockname()[1]}", runner

    url, runner = asyncio.run_coroutine_threadsafe(serve(), loop).result(10)
    return url, loop, runner, thread


def _sends_per_s(url: str, headers: dict[str, str]) -> float:
    with httpx.Client(base_url=url, headers=headers) as http:
        http.post("/send", json=send_body(outboundId="warm"))
        started = time.perf_counter()
        for n in range(SENDS):
            assert http.post("/send", json=send_body(outboundId=str(n))).status_code == 202
        return SENDS / (time.perf_counter() - started)


def _campaign_ms(port: int, login: tuple[str, str] | None) -> float:
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
        if login:
            client.login(*login)
        assert client.sendmail("demo@example.com", RECIPIENTS, SEED_MESSAGE) == {}
    return (time.perf_counter() - started) * 1000


class _AcceptAll:
    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        return "250 OK"


def test_sandbox_throughput(tmp_path: Path) -> None:
    timings = []
    for n in range(5):
        started = time.perf_counter()
        start_sandbox(SandboxConfig(data_dir=tmp_path / "starts")).stop()
        if n:  # the first run creates the CA and certificate
            timings.append((time.perf_counter() - started) * 1000)

    sandbox = start_sandbox(SandboxConfig(data_dir=tmp_path / "sb", allow_plain_auth=True))
    bare_url, loop, runner, thread = _bare_aiohttp()
    with socket.socket() as probe:  # aiosmtpd's Controller cannot take port 0
        probe.bind(("127.0.0.1", 0))
        bare_port = probe.getsockname()[1]
    controller = Controller(_AcceptAll(), hostname="127.0.0.1", port=bare_port)
    controller.start()
    try:
        rest = _sends_per_s(sandbox.info.api_url, {"Authorization": f"Basic {sandbox.info.token}"})
        bare_rest = _sends_per_s(bare_url, {})
        smtp = _campaign_ms(sandbox.info.smtp_port, (sandbox.info.user, sandbox.info.password))
        bare_smtp = _campaign_ms(bare_port, None)
    finally:
        controller.stop()
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()
        sandbox.stop()
    figures = {
        "start_stop_ms": round(statistics.median(timings), 1),
        "rest_send_per_s": round(rest, 1),
        "bare_aiohttp_per_s": round(bare_rest, 1),
        "rest_ratio": round(bare_rest / rest, 2),
        "smtp_campaign_ms": round(smtp, 1),
        "bare_aiosmtpd_ms": round(bare_smtp, 1),
        "smtp_ratio": round(smtp / bare_smtp, 2),
    }
    print(json.dumps(figures))
