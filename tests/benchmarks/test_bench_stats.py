"""Benchmark: syncing 100,000 and 1,000,000 time-ordered interactions, then opening the table.

Run with ``.venv/bin/python -m pytest tests/benchmarks/test_bench_stats.py -s``. Prints ONE
JSON object.

The server (``tests/helpers/stats_page_server.py``, its own process) serves pre-encoded
pages of 20,000 interactions: it costs next to nothing, so the figures are the client's
(the sandbox builds every page from its own store and would hide it). Each figure is a
whole process measured apart (``tests/helpers/measure.py``), alternating A B A B:

* ``sync``: ``sync_campaign`` for opens and clicks into a fresh store (fetch, decode,
  check, build rows, number, insert with deduplication), in rows/s (aim >= 150,000 at 1M).
* ``baseline_fetch_decode``: the same pages with one bare ``httpx.Client`` and
  ``json.loads``, nothing checked or stored. ``ratio`` = sync time / baseline time.
* ``linearity``: the sync time at 1M over the time at 100k (aim <= 11).
* ``open_table``: the Results table's model on the 1M rows: the counts, then the first
  screen (aim < 100 ms), in this (pytest's) process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers.measure import Measured, run_measured, spread, wait_for_line

ROOT = Path(__file__).resolve().parents[2]
SIZES = tuple(int(n) for n in os.environ.get("BENCH_STATS_SIZES", "100000,1000000").split(","))
PAGE_SIZE = 20_000
RUNS = int(os.environ.get("BENCH_RUNS", "2"))
SCREEN = 50

SYNC = """
import json, sys, time
from datetime import timedelta
from pathlib import Path
from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.stats import sync_campaign
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken, no_progress
from teenvio_desktop.core.tealite.connection import TeaLiteConnection
from tests.helpers.stats_page_server import CAMPAIGN, SOURCE, START
api, path = sys.argv[1], Path(sys.argv[2])
db = Database(path)
campaign_id = CampaignRepository(db).create(
    Campaign(transport="rest", subject="Bench", source_system=SOURCE, campaign_ref=CAMPAIGN),
    state="sent", recipients_count=100_000)
connection = TeaLiteConnection(base_url=api, token="t", source_system=SOURCE, timeout_s=300)
started = time.perf_counter()
report = sync_campaign(db, connection, campaign_id, no_progress, CancelToken(),
                       kinds=("opens", "clicks"), since=START - timedelta(hours=1),
                       until=START + timedelta(days=30))
seconds = time.perf_counter() - started
assert not report.errors, report.errors
print(json.dumps({"sync_s": seconds, "added": report.total_added, "campaign_id": campaign_id}))
db.close()
"""

FETCH = """
import json, sys, time
import httpx
api = sys.argv[1]
rows = 0
started = time.perf_counter()
with httpx.Client(base_url=api, timeout=300) as client:
    for kind in ("OPEN", "CLICK"):
        page = 0
        while True:
            items = json.loads(client.get("/interactions", params={"idCampaign": "777",
                               "type": kind, "page": str(page)}).content)
            if not items:
                break
            rows += len(items)
            page += 1
print(json.dumps({"fetch_s": time.perf_counter() - started, "rows": rows}))
"""


@contextmanager
def _page_server(rows: int) -> Iterator[str]:
    args = [sys.executable, "-m", "tests.helpers.stats_page_server", str(rows), str(PAGE_SIZE)]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        yield str(wait_for_line(process, 600)["api"])
    finally:
        process.terminate()
        process.wait(timeout=30)
        assert process.stdout is not None
        process.stdout.close()


def _child(code: str, *args: str) -> tuple[Measured, dict[str, float]]:
    done = run_measured([sys.executable, "-c", code, *args], cwd=str(ROOT), timeout=3600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done, json.loads(done.stdout.strip().splitlines()[-1])


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def _open_table(path: Path, campaign_id: int) -> dict[str, float]:
    from teenvio_desktop.core.stats import Scope
    from teenvio_desktop.core.stats.queries import TABLES
    from teenvio_desktop.core.store import Database
    from teenvio_desktop.ui.results.table_model import SqlSortFilterProxy, StatsTableModel

    db = Database(path)
    try:
        started = time.perf_counter()
        clicks = StatsTableModel(db, TABLES["clicks"])
        proxy = SqlSortFilterProxy()
        proxy.setSourceModel(clicks)
        clicks.set_scope(Scope(campaign_id=campaign_id))
        for row in range(SCREEN):
            for column in range(proxy.columnCount()):
                proxy.index(row, column).data()
        first_screen = _ms(started)
        started = time.perf_counter()
        list(db.conn.execute(
            "SELECT event_time, email, link, link_name, ip, id_message FROM stats_interactions "
            "WHERE campaign_id = ? AND type = 'CLICK' ORDER BY event_time DESC LIMIT ?",
            (campaign_id, SCREEN),
        ))  # fmt: skip
        return {"first_screen_ms": first_screen, "baseline_bare_select_ms": _ms(started)}
    finally:
        db.close()


@pytest.mark.timeout(7200)
def test_bench_stats(qapp: object, tmp_path: Path) -> None:
    figures: dict[str, object] = {"benchmark": "stats_sync_interactions", "runs": RUNS}
    medians: dict[int, float] = {}
    opened: dict[str, float] = {}
    for rows in SIZES:
        syncs: list[float] = []
        fetches: list[float] = []
        peaks: list[float] = []
        cpus: list[float] = []
        with _page_server(rows) as api:
            for run in range(RUNS):  # A B A B ...
                _, fetched = _child(FETCH, api)
                assert fetched["rows"] == rows
                fetches.append(fetched["fetch_s"])
                store = tmp_path / f"store-{rows}-{run}.sqlite3"
                measured, synced = _child(SYNC, api, str(store))
                assert synced["added"] == rows
                syncs.append(synced["sync_s"])
                peaks.append(measured.peak_rss_mib)
                cpus.append(measured.cpu_s)
        medians[rows] = spread(syncs)["median"]
        figures[f"rows_{rows}"] = {
            "sync_s": spread(syncs),
            "rows_per_s": round(rows / medians[rows]),
            "baseline_fetch_decode_s": spread(fetches),
            "ratio_sync_vs_fetch_decode": round(medians[rows] / spread(fetches)["median"], 2),
            "sync_peak_rss_mib": spread(peaks),
            # All threads' CPU time, process start included (the pipeline overlaps them).
            "sync_process_cpu_s": spread(cpus),
        }
        if rows == SIZES[-1]:
            opened = _open_table(store, int(synced["campaign_id"]))
    figures["linearity_time_10x_rows"] = round(medians[SIZES[1]] / medians[SIZES[0]], 2)
    figures["open_table"] = opened
    print(json.dumps(figures))
