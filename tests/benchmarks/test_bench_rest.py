"""Benchmark: ``send --via rest`` of 6,000 personalised messages, the whole CLI process.

Run with ``.venv/bin/python -m pytest tests/benchmarks/test_bench_rest.py -s``. Prints ONE
JSON object.

The server is ``tests/helpers/fast_tealite_server.py`` in its own process: it answers
``202 {"messageId"}`` at once, so the client is what is measured (the sandbox stores
every message and answers about 400 requests per second: it would hide the client). Each
figure is a whole process measured apart (``tests/helpers/measure.py``: wall time from
spawn to exit, CPU time and its own peak RSS), alternating A B A B:

* ``client``: ``teenvio-desktop send --via rest`` from a recipients CSV and an HTML file:
  start, reading and checking the list, rendering, the outbox, the sends, the summary.
* ``baseline_bare_aiohttp_16``: a bare asyncio client (``tests/helpers/bare_tealite_client.py``):
  one persistent aiohttp session, 16 requests in flight, the same HTML personalised with
  ``str.replace``: the ceiling. ``ratio`` is the client's rate over the baseline's, the
  median of the pairs.

Both run from compiled bytecode, as installed (a wheel's install and the bundle compile
it): the package is compiled first, since a development environment that writes no
bytecode (``PYTHONDONTWRITEBYTECODE``) would otherwise make the client compile its own
modules at every start (about 50 ms) while the bare client's aiohttp comes compiled.

Both are then run once against the sandbox too (``against_sandbox``, fewer messages),
where the server is the limit. Every message must reach the server exactly once.
"""

from __future__ import annotations

import compileall
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.measure import Measured, median_ratio, run_measured, spread, wait_for_line

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = int(os.environ.get("BENCH_REST_MESSAGES", "6000"))
SANDBOX_MESSAGES = 1000
CONCURRENCY = 16
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
TOKEN = "bench-token-0123456789"
SUBJECT = "Hola {{ nombre }}, tu código {{ codigo }}"
HTML = (
    "<html><body><h1>Hola {{ nombre }}</h1><p>Tu código es <b>{{ codigo }}</b>, "
    "válido en {{ ciudad | default('tu ciudad') }}.</p>" + "<p>Texto de relleno.</p>" * 40
    + "</body></html>"
)  # fmt: skip


def _server(args: list[str], env: dict[str, str]) -> Iterator[str]:
    process = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        yield str(wait_for_line(process)["api"])
    finally:
        process.terminate()
        process.wait(timeout=30)
        assert process.stdout is not None
        process.stdout.close()


@pytest.fixture
def fast_server() -> Iterator[str]:
    yield from _server(
        [sys.executable, "-m", "tests.helpers.fast_tealite_server"], dict(os.environ)
    )


@pytest.fixture
def sandbox_api(tmp_path: Path) -> Iterator[str]:
    args = [sys.executable, "-m", "teenvio_desktop", "sandbox", "--data-dir",
            str(tmp_path / "sandbox"), "--token", TOKEN]  # fmt: skip
    yield from _server(args, dict(os.environ))


def _inputs(folder: Path, count: int) -> tuple[Path, Path]:
    html = folder / "news.html"
    html.write_text(HTML, encoding="utf-8")
    recipients = folder / "list.csv"
    with recipients.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["email", "nombre", "codigo", "ciudad"])
        for n in range(count):
            writer.writerow([f"persona{n}@example.com", f"Persona {n}", f"C{n:05d}",
                             "Lugo" if n % 3 == 0 else ""])  # fmt: skip
    return html, recipients


def _client(api: str, folder: Path, run: str, count: int) -> Measured:
    html, recipients = _inputs(folder, count)
    data_dir = Path(tempfile.mkdtemp(prefix="bench-rest-data-"))
    try:
        args = [
            sys.executable, "-m", "teenvio_desktop", "send", "--via", "rest",
            "--data-dir", str(data_dir), "--api", api, "--source-system", f"bench-{run}",
            "--campaign-id", run, "--from", "demo@example.com", "--from-name", "Demo",
            "--reply-to", "demo@example.com", "--reply-to-name", "Demo",
            "--recipients", str(recipients), "--subject", SUBJECT,
            "--html", str(html), "--concurrency", str(CONCURRENCY), "--reconcile-wait", "0",
        ]  # fmt: skip
        done = run_measured(args, env={**os.environ, "TEENVIO_TOKEN": TOKEN}, cwd=str(ROOT))
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1] == f"accepted={count} failed=0 uncertain=0"
    return done


def _bare(api: str, folder: Path, count: int, tag: str) -> Measured:
    html, _ = _inputs(folder, 1)
    args = [sys.executable, "-m", "tests.helpers.bare_tealite_client", api, str(count),
            str(CONCURRENCY), str(html), TOKEN, tag]  # fmt: skip
    done = run_measured(args, cwd=str(ROOT))
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def _count(api: str) -> dict[str, int]:
    with urllib.request.urlopen(f"{api}/count", timeout=30) as answer:
        counts: dict[str, int] = json.loads(answer.read())
        return counts


def _rates(runs: list[Measured], count: int) -> dict[str, object]:
    return {
        "msgs_per_s": spread([count / r.wall_s for r in runs]),
        "wall_s": spread([r.wall_s for r in runs]),
        "cpu_s": spread([r.cpu_s for r in runs]),
        "peak_rss_mib": spread([r.peak_rss_mib for r in runs]),
    }


@pytest.mark.timeout(3600)
def test_bench_rest(fast_server: str, sandbox_api: str, tmp_path: Path) -> None:
    for package in ("teenvio_desktop", "tests/helpers"):
        assert compileall.compile_dir(ROOT / package, quiet=1), package
    clients: list[Measured] = []
    bares: list[Measured] = []
    for run in range(RUNS):  # A B A B ...
        clients.append(_client(fast_server, tmp_path, f"c{run}", MESSAGES))
        bares.append(_bare(fast_server, tmp_path, MESSAGES, f"bare{run}"))
    counts = _count(fast_server)
    assert counts == {"requests": 2 * RUNS * MESSAGES, "distinct": 2 * RUNS * MESSAGES}

    sandbox_client = _client(sandbox_api, tmp_path, "sandbox", SANDBOX_MESSAGES)
    sandbox_bare = _bare(sandbox_api, tmp_path, SANDBOX_MESSAGES, "bare-sandbox")
    ratio = median_ratio([b.wall_s for b in bares], [c.wall_s for c in clients])
    result = {
        "benchmark": "rest_send_cli",
        "messages": MESSAGES,
        "concurrency": CONCURRENCY,
        "runs": RUNS,
        "server": "fast local asyncio server, own process",
        "client": _rates(clients, MESSAGES),
        "baseline_bare_aiohttp_16": _rates(bares, MESSAGES),
        # The client's whole-process rate over the bare client's (aim >= 0.8).
        "ratio": round(ratio, 2),
        "ratio_per_pair": [
            round(b.wall_s / c.wall_s, 2) for b, c in zip(bares, clients, strict=True)
        ],
        "against_sandbox": {
            "messages": SANDBOX_MESSAGES,
            "client_msgs_per_s": round(SANDBOX_MESSAGES / sandbox_client.wall_s, 1),
            "bare_aiohttp_16_msgs_per_s": round(SANDBOX_MESSAGES / sandbox_bare.wall_s, 1),
            "ratio": round(sandbox_bare.wall_s / sandbox_client.wall_s, 2),
        },
    }
    print(json.dumps(result))
