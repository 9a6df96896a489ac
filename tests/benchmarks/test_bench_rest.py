"""Benchmark: 10,000 personalised TEA Lite messages through the outbox, against the sandbox.

Run with ``.venv/bin/python -m pytest tests/benchmarks/test_bench_rest.py -s``. Prints ONE
JSON object. The sandbox runs in its own process (as a real server would), faults off.

Figures, all measured in the same run against the same server:
* ``client``: this client (outbox written first, then ``send_campaign``, 8 in flight).
* ``baseline_sequential_httpx_post``: a plain loop of ``httpx.post`` calls (the bare way).
* ``bare_posts_8_in_flight``: pre-rendered requests sent 8 at a time by a pool of threads
  sharing one sync ``httpx.Client`` (what the client uses), by one ``httpx.AsyncClient``
  (httpx issue #3215) and, when ``httpx-aiohttp`` is installed (it is not a dependency),
  by an AsyncClient over its transport: the ceiling of each way.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.outbox import Recipient, SendOptions, create_rest_campaign, send_campaign
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tealite.connection import TeaLiteConnection

MESSAGES = 10_000
BASELINE_MESSAGES = 300
TRANSPORT_MESSAGES = 2_000
CONCURRENCY = 8
TOKEN = "bench-token-0123456789"
HTML = (
    "<html><body><h1>Hola {{ nombre }}</h1><p>Tu código es <b>{{ codigo }}</b>, "
    "válido en {{ ciudad | default('tu ciudad') }}.</p>" + "<p>Texto de relleno.</p>" * 40
    + "</body></html>"
)  # fmt: skip


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


@pytest.fixture
def sandbox_process() -> Iterator[tuple[str, Path]]:
    data_dir = Path(tempfile.mkdtemp(prefix="bench-rest-"))
    process = subprocess.Popen(
        [sys.executable, "-m", "teenvio_desktop", "sandbox", "--data-dir", str(data_dir),
         "--token", TOKEN],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert process.stdout is not None
    info = json.loads(process.stdout.readline())
    try:
        yield info["api"], data_dir
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)


def _payload(source: str, n: int) -> dict[str, str]:
    return {
        "type": "email",
        "outboundId": f"{source}-{n}",
        "campaignId": "1",
        "sourceSystem": source,
        "sender": "demo@example.com",
        "senderName": "Demo",
        "replyTo": "demo@example.com",
        "replyToName": "Demo",
        "recipient": f"r{n}@example.com",
        "subjectContentPlainText": f"Hola {n}",
        "bodyContentHTML": HTML.replace("{{ nombre }}", f"Persona {n}"),
        "bodyContentPlainText": f"Hola Persona {n}",
    }


def _sequential_baseline(api: str) -> float:
    headers = {"Authorization": f"Basic {TOKEN}"}
    start = time.perf_counter()
    for n in range(BASELINE_MESSAGES):
        httpx.post(f"{api}/send", json=_payload("bench-seq", n), headers=headers).raise_for_status()
    return BASELINE_MESSAGES / (time.perf_counter() - start)


def _threads_sharing_client(connection: TeaLiteConnection) -> float:
    bodies = [json.dumps(_payload("bench-threads", n)).encode() for n in range(TRANSPORT_MESSAGES)]
    with connection.build_client(max_connections=CONCURRENCY) as client:
        start = time.perf_counter()
        with ThreadPoolExecutor(CONCURRENCY) as pool:
            for response in pool.map(lambda body: client.post("/send", content=body), bodies):
                response.raise_for_status()
        return TRANSPORT_MESSAGES / (time.perf_counter() - start)


def _async_client(connection: TeaLiteConnection) -> float:
    bodies = [json.dumps(_payload("bench-async", n)).encode() for n in range(TRANSPORT_MESSAGES)]

    async def main() -> float:
        async with connection.build_async_client(max_connections=CONCURRENCY) as client:
            queue: asyncio.Queue[bytes] = asyncio.Queue()
            for body in bodies:
                queue.put_nowait(body)

            async def worker() -> None:
                while not queue.empty():
                    (await client.post("/send", content=queue.get_nowait())).raise_for_status()

            start = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
            return TRANSPORT_MESSAGES / (time.perf_counter() - start)

    return asyncio.run(main())


def _aiohttp_transport(connection: TeaLiteConnection) -> float | None:
    """httpx's AsyncClient over the ``httpx-aiohttp`` transport, when that is installed."""
    try:
        from httpx_aiohttp import HttpxAiohttpClient
    except ImportError:
        return None
    bodies = [json.dumps(_payload("bench-aiohttp", n)).encode() for n in range(TRANSPORT_MESSAGES)]

    async def main() -> float:
        async with HttpxAiohttpClient(
            base_url=connection.base_url, headers=connection.headers(), timeout=30.0
        ) as client:
            queue: asyncio.Queue[bytes] = asyncio.Queue()
            for body in bodies:
                queue.put_nowait(body)

            async def worker() -> None:
                while not queue.empty():
                    (await client.post("/send", content=queue.get_nowait())).raise_for_status()

            start = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
            return TRANSPORT_MESSAGES / (time.perf_counter() - start)

    return asyncio.run(main())


def _received(data_dir: Path, source: str) -> tuple[int, int]:
    database = next(data_dir.rglob("sandbox.sqlite3"))
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT outbound_id) FROM messages WHERE source_system = ?",
            (source,),
        ).fetchone()
        return int(row[0]), int(row[1])
    finally:
        conn.close()


def _campaign(ref: str) -> Campaign:
    return Campaign(
        transport="rest",
        subject="Hola {{ nombre }}, tu código {{ codigo }}",
        sender="demo@example.com",
        sender_name="Demo",
        reply_to="demo@example.com",
        reply_to_name="Demo",
        html=HTML,
        text="Hola {{ nombre }}, tu código es {{ codigo }}.",
        source_system=ref,
        campaign_ref=ref,
    )


def _recipients(count: int = MESSAGES) -> list[Recipient]:
    return [
        Recipient(
            f"persona{n}@example.com",
            f"Persona {n}",
            {"nombre": f"Persona {n}", "codigo": f"C{n:05d}", "ciudad": "" if n % 3 else "Lugo"},
        )
        for n in range(count)
    ]


def _run_client(
    db: Database, api: str, sandbox_dir: Path, count: int = MESSAGES, tag: str = ""
) -> dict[str, float]:
    """Write a ``count``-message campaign to the outbox, then send it."""
    source = f"bench-client{tag}"
    connection = TeaLiteConnection(api, TOKEN, source_system=source)
    start = time.perf_counter()
    prepared = create_rest_campaign(db, _campaign(source), _recipients(count))
    prepare_s = time.perf_counter() - start
    start = time.perf_counter()
    options = SendOptions(concurrency=CONCURRENCY)
    summary = send_campaign(db, prepared.campaign_id, connection, options=options)
    send_s = time.perf_counter() - start
    assert summary.complete and summary.accepted == count
    assert _received(sandbox_dir, source) == (count, count)
    return {
        "msgs_per_s": round(count / send_s, 1),
        "send_s": round(send_s, 2),
        "prepare_outbox_s": round(prepare_s, 2),
        "end_to_end_msgs_per_s": round(count / (send_s + prepare_s), 1),
    }


def test_bench_rest(sandbox_process: tuple[str, Path], tmp_path: Path) -> None:
    api, sandbox_dir = sandbox_process
    connection = TeaLiteConnection(api, TOKEN, source_system="bench")
    db = Database(tmp_path / "teenvio.sqlite3")
    rss_before = _peak_rss_mb()
    chosen = _run_client(db, api, sandbox_dir)
    rss_after = _peak_rss_mb()

    threads_rate = _threads_sharing_client(connection)
    async_rate = _async_client(connection)
    aiohttp_rate = _aiohttp_transport(connection)
    baseline_rate = _sequential_baseline(api)
    client_rate = chosen["msgs_per_s"]
    bare_best = max(r for r in (threads_rate, async_rate, aiohttp_rate) if r is not None)
    result = {
        "benchmark": "rest_send",
        "messages": MESSAGES,
        "concurrency": CONCURRENCY,
        "client": {
            "runner": "threads_sharing_sync_client",
            **chosen,
            "peak_rss_mb": round(rss_after, 1),
            "peak_rss_mb_before_campaign": round(rss_before, 1),
        },
        "baseline_sequential_httpx_post": {
            "messages": BASELINE_MESSAGES,
            "msgs_per_s": round(baseline_rate, 1),
        },
        "speedup_vs_baseline": round(client_rate / baseline_rate, 1),
        "bare_posts_8_in_flight": {
            "messages": TRANSPORT_MESSAGES,
            "threads_sharing_sync_client_msgs_per_s": round(threads_rate, 1),
            "httpx_async_client_msgs_per_s": round(async_rate, 1),
            # None when httpx-aiohttp is not installed.
            "httpx_aiohttp_transport_msgs_per_s": (
                round(aiohttp_rate, 1) if aiohttp_rate is not None else None
            ),
        },
        # Near 1: rendering, the outbox and bookkeeping cost little next to bare requests.
        "client_vs_best_bare_posts": round(client_rate / bare_best, 2),
    }
    print(json.dumps(result))
    db.close()
