"""A page of interactions stored through the in-memory staging table: the same rows, ids
and counts as binding them straight into the table, duplicates skipped."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from teenvio_desktop.core.stats.store import StatsStore
from teenvio_desktop.core.store import Database


def _rows(first: int, count: int) -> list[tuple[Any, ...]]:
    return [
        (None, "s", "c", str(n % 7), f"r{n}@example.com", "OPEN", f"20260105{n // 60 % 60:02d}"
         f"{n % 60:02d}00", "", "", "198.51.100.7", None, None, n % 2)
        for n in range(first, first + count)
    ]  # fmt: skip


def _stored(db: Database) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in db.conn.execute("SELECT * FROM stats_interactions ORDER BY id")]


def test_staged_pages_store_what_row_by_row_inserts_store(tmp_path: Path) -> None:
    staged, direct = Database(tmp_path / "staged.sqlite3"), Database(tmp_path / "direct.sqlite3")
    try:
        pages = [_rows(0, 600), _rows(500, 600), _rows(0, 600)]  # overlapping, then repeated
        added = [StatsStore(staged).insert("interactions", page) for page in pages]
        assert added == [600, 500, 0]
        for page in pages:  # below the staging's threshold: bound straight into the table
            for start in range(0, len(page), 100):
                StatsStore(direct).insert("interactions", page[start : start + 100])
        assert _stored(staged) == _stored(direct)
        assert len(_stored(staged)) == 1100
        leftover = staged.conn.execute("SELECT count(*) FROM temp.stats_interactions_page")
        assert leftover.fetchone()[0] == 0
    finally:
        staged.close()
        direct.close()


def test_a_failed_page_leaves_nothing_staged(tmp_path: Path) -> None:
    db = Database(tmp_path / "store.sqlite3")
    try:
        store = StatsStore(db)
        broken = _rows(0, 300)
        broken[-1] = broken[-1][:-1]  # one value short: the page's insert fails
        with pytest.raises(sqlite3.ProgrammingError):
            store.insert("interactions", broken)
        assert _stored(db) == []
        assert store.insert("interactions", _rows(0, 300)) == 300
        assert len(_stored(db)) == 300
    finally:
        db.close()
