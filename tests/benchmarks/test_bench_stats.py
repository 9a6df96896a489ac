"""Benchmark: syncing 1,000,000 interaction rows from the sandbox, then opening the table.

Run with ``.venv/bin/python -m pytest tests/benchmarks/test_bench_stats.py -s``. Prints ONE
JSON object. The sandbox runs in its own process (as a real server would); its store is
filled directly with 100,000 messages x (5 opens + 5 clicks) of one campaign.

Figures, measured in the same run against the same server:
* ``sync``: ``sync_campaign`` for opens and clicks (every page fetched, decoded, turned into
  rows, deduplicated, inserted) in rows/s, then a second, incremental sync of the same
  window (everything overlaps: nothing may be added).
* ``baseline_fetch_decode``: the same requests with a bare ``httpx.Client`` and
  ``json.loads``, nothing stored: the ceiling the server and HTTP impose.
* ``baseline_raw_executemany``: the same 1M rows inserted with one ``executemany`` into a
  table without indexes: the ceiling SQLite imposes.
* ``open_table``: building the Results tables' model on the million rows (count), the first
  screen, a jump to the last screen, a sort by recipient and a filter, in milliseconds,
  next to a bare ``SELECT ... LIMIT 50`` of the same rows. The filter runs in a background
  task: ``filter_gui_thread_ms`` is what the GUI thread spends, ``filter_result_shown_ms``
  the time until the filtered rows are on screen.
"""

from __future__ import annotations

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
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QEventLoop, Qt, QTimer

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.stats import Scope, sync_campaign
from teenvio_desktop.core.stats.events import Occurrences, interaction_rows
from teenvio_desktop.core.stats.queries import TABLES
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken, no_progress
from teenvio_desktop.core.tealite.connection import TeaLiteConnection
from teenvio_desktop.core.tealite.stats_api import StatsApi, TimeWindow
from teenvio_desktop.ui.results.table_model import SqlSortFilterProxy, StatsTableModel

MESSAGES = 100_000
OPENS_PER_MESSAGE = 5
CLICKS_PER_MESSAGE = 5
ROWS = MESSAGES * (OPENS_PER_MESSAGE + CLICKS_PER_MESSAGE)
PAGE_SIZE = 20_000
TOKEN = "bench-stats-token-0123456789"
SOURCE = "bench-stats"
CAMPAIGN = "777"
SCREEN = 50


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


@pytest.fixture
def sandbox_process() -> Iterator[tuple[str, Path]]:
    data_dir = Path(tempfile.mkdtemp(prefix="bench-stats-"))
    process = subprocess.Popen(
        [sys.executable, "-m", "teenvio_desktop", "sandbox", "--data-dir", str(data_dir),
         "--token", TOKEN, "--page-size", str(PAGE_SIZE)],
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


def _fill_sandbox(db_path: Path, start: datetime) -> None:
    """100,000 messages, each opened and clicked 5 times, spread over three days."""
    base = int(start.timestamp())
    conn = sqlite3.connect(str(db_path), timeout=60)
    try:
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO messages (id, transport, source_system, campaign_id, recipient, "
            "accepted_at) VALUES (?, 'rest', ?, ?, ?, ?)",
            ((m, SOURCE, CAMPAIGN, f"r{m}@example.net", base) for m in range(1, MESSAGES + 1)),
        )
        events = []
        for m in range(1, MESSAGES + 1):
            for n in range(OPENS_PER_MESSAGE):
                at = base + 60 + (m * 7 + n * 3607) % 259_200
                events.append((m, "open", at, "198.51.100.7", None, None))
            for n in range(CLICKS_PER_MESSAGE):
                at = base + 120 + (m * 11 + n * 3613) % 259_200
                link = f"https://example.com/p/{(m + n) % 40}"
                events.append((m, "click", at, "198.51.100.7", link, f"=Link {(m + n) % 40}"))
        conn.executemany(
            "INSERT INTO events (message_id, kind, at, ip, link, link_name) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            events,
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


def _fetch_decode_baseline(api: str, window: TimeWindow) -> tuple[float, int]:
    """Every page of opens and clicks with a bare client: request + json.loads only."""
    started = time.perf_counter()
    rows = 0
    with httpx.Client(base_url=api, headers={"Authorization": f"Basic {TOKEN}"}, timeout=300) as c:
        for kind in ("OPEN", "CLICK"):
            page = 0
            while True:
                params = {"idCampaign": CAMPAIGN, "type": kind, "page": str(page)}
                answer = c.get("/interactions", params={**params, **window.params()})
                items = json.loads(answer.content)
                if not items:
                    break
                rows += len(items)
                page += 1
    return time.perf_counter() - started, rows


def _raw_executemany_baseline(api: str, window: TimeWindow, tmp: Path) -> float:
    """The same rows (already built) into an index-free table: SQLite's ceiling."""
    pages = []
    with httpx.Client(base_url=api, headers={"Authorization": f"Basic {TOKEN}"}, timeout=300) as c:
        api_client = StatsApi(c)
        for kind in ("OPEN", "CLICK"):
            pages += [p.items for p in api_client.interactions(CAMPAIGN, kind, window)]  # type: ignore[arg-type]
    rows = [r for items in pages for r in interaction_rows(items, 1, SOURCE, CAMPAIGN)]
    conn = sqlite3.connect(str(tmp / "raw.sqlite3"), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(
        "CREATE TABLE raw (campaign_id, source_system, id_campaign, id_message, email, type, "
        "event_time, link, link_name, ip, extra, outbox_id)"
    )
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO raw VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def _screen(model: object, first: int) -> None:
    for row in range(first, first + SCREEN):
        for column in range(model.columnCount()):  # type: ignore[attr-defined]
            model.index(row, column).data()  # type: ignore[attr-defined]


@pytest.mark.timeout(3600)
def test_bench_stats(sandbox_process: tuple[str, Path], qapp: object, tmp_path: Path) -> None:
    api, data_dir = sandbox_process
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=4)
    _fill_sandbox(data_dir / "sandbox" / "sandbox.sqlite3", start)
    window = TimeWindow(start - timedelta(hours=1), datetime.now(UTC))

    db = Database(tmp_path / "store.sqlite3")
    campaign_id = CampaignRepository(db).create(
        Campaign(transport="rest", subject="Bench", source_system=SOURCE, campaign_ref=CAMPAIGN),
        state="sent",
        recipients_count=MESSAGES,
    )
    with db.transaction() as conn:  # sent just before its first event
        conn.execute(
            "UPDATE campaigns SET created_at = ? WHERE id = ?", (start.isoformat(), campaign_id)
        )
    connection = TeaLiteConnection(base_url=api, token=TOKEN, source_system=SOURCE, timeout_s=300)

    # The first poll: incremental mode, from the campaign's creation to now.
    started = time.perf_counter()
    report = sync_campaign(
        db, connection, campaign_id, no_progress, CancelToken(), kinds=("opens", "clicks")
    )
    sync_s = time.perf_counter() - started
    rss_after_sync = _peak_rss_mb()
    stored = db.conn.execute("SELECT COUNT(*) FROM stats_interactions").fetchone()[0]
    assert not report.errors and report.total_added == ROWS == stored

    # The next poll: only the last minutes (minus the overlap) are asked for.
    started = time.perf_counter()
    polled = sync_campaign(
        db, connection, campaign_id, no_progress, CancelToken(), kinds=("opens", "clicks")
    )
    poll_s = time.perf_counter() - started
    assert polled.total_added == 0

    # The same whole window again: a million entries, each found already stored.
    started = time.perf_counter()
    again = sync_campaign(
        db, connection, campaign_id, no_progress, CancelToken(), kinds=("opens", "clicks"),
        since=window.start, until=window.end,
    )  # fmt: skip
    resync_s = time.perf_counter() - started
    assert again.total_added == 0

    fetch_s, fetched = _fetch_decode_baseline(api, window)
    assert fetched == ROWS
    raw_s = _raw_executemany_baseline(api, window, tmp_path)

    # Row building alone (no HTTP, no SQLite), for the breakdown.
    sample = [
        {"email": f"r{i}@example.net", "timestamp": "20240410181049", "ip": "198.51.100.7",
         "idCampaign": CAMPAIGN, "idMessage": str(i), "link": None, "linkName": None,
         "type": "OPEN", "sourceSystem": SOURCE}
        for i in range(100_000)
    ]  # fmt: skip
    started = time.perf_counter()
    Occurrences("interactions").number(interaction_rows(sample, 1, SOURCE, CAMPAIGN))
    build_rows_per_s = len(sample) / (time.perf_counter() - started)

    # Opening the clicks + opens tables on the million rows.
    opening: dict[str, float] = {}
    started = time.perf_counter()
    opens = StatsTableModel(db, TABLES["opens"])
    opens.set_scope(Scope(campaign_id=campaign_id))
    clicks = StatsTableModel(db, TABLES["clicks"])
    proxy = SqlSortFilterProxy()
    proxy.setSourceModel(clicks)
    clicks.set_scope(Scope(campaign_id=campaign_id))
    opening["models_and_counts_ms"] = _ms(started)
    assert opens.rowCount() + clicks.rowCount() == ROWS
    started = time.perf_counter()
    _screen(proxy, 0)
    opening["first_screen_ms"] = _ms(started)
    started = time.perf_counter()
    _screen(proxy, proxy.rowCount() - SCREEN)
    opening["last_screen_ms"] = _ms(started)
    started = time.perf_counter()
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    _screen(proxy, 0)
    opening["sort_by_recipient_first_screen_ms"] = _ms(started)
    # A filter scans the table: it runs in a background task; the GUI thread only starts it.
    loop = QEventLoop()
    clicks.modelReset.connect(loop.quit)
    QTimer.singleShot(120_000, loop.quit)
    started = time.perf_counter()
    proxy.set_filter_text("r4242@")
    opening["filter_gui_thread_ms"] = _ms(started)
    loop.exec()
    for row in range(proxy.rowCount()):
        proxy.index(row, 1).data()
    opening["filter_result_shown_ms"] = _ms(started)
    assert proxy.rowCount() == CLICKS_PER_MESSAGE
    started = time.perf_counter()
    list(
        db.conn.execute(
            "SELECT event_time, email, link, link_name, ip, id_message FROM stats_interactions "
            "WHERE campaign_id = ? AND type = 'CLICK' ORDER BY event_time DESC LIMIT ?",
            (campaign_id, SCREEN),
        )
    )
    opening["baseline_bare_select_first_screen_ms"] = _ms(started)

    figures = {
        "benchmark": "stats_sync_1m_interactions",
        "rows": ROWS,
        "page_size": PAGE_SIZE,
        "requests": report.requests,
        "sync": {
            "seconds": round(sync_s, 2),
            "rows_per_s": round(ROWS / sync_s),
            "next_poll_seconds": round(poll_s, 3),
            "next_poll_fetched": sum(polled.fetched.values()),
            "same_window_again_seconds": round(resync_s, 2),
            "same_window_again_added": again.total_added,
        },
        "baseline_fetch_decode": {
            "seconds": round(fetch_s, 2),
            "rows_per_s": round(ROWS / fetch_s),
        },
        "baseline_raw_executemany": {"seconds": round(raw_s, 2), "rows_per_s": round(ROWS / raw_s)},
        "row_building_rows_per_s": round(build_rows_per_s),
        "sync_vs_fetch_decode": round(sync_s / fetch_s, 2),
        "store_overhead_s": round(sync_s - fetch_s, 2),
        "open_table": opening,
        "db_mb": round((tmp_path / "store.sqlite3").stat().st_size / 1e6, 1),
        "peak_rss_mb_after_sync": round(rss_after_sync, 1),
        "peak_rss_mb_with_baselines": round(_peak_rss_mb(), 1),
    }
    print(json.dumps(figures))
