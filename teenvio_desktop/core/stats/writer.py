"""Storing a sync's pages in a thread of its own, in order, while the next page is built.

A sync runs three kinds of work: the requests and JSON decoding (``prefetch.py``, a
thread), checking entries and building rows (Python, the caller's thread) and SQLite's
inserts. The inserts are mostly SQLite's own C code, which runs without the GIL, so on a
second core they overlap with the Python work instead of following it: the insert of page
n runs while page n+1 is checked. At most ``depth`` pages wait (memory stays bounded), and
the writer thread has its own SQLite connection, closed when the sync ends.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Any

from teenvio_desktop.core.stats.store import StatsStore


class PageWriter:
    """``insert`` pages (in order) from one thread; ``drain`` for the rows added so far."""

    def __init__(self, store: StatsStore, depth: int = 2) -> None:
        self._store = store
        self._depth = max(1, depth)
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="stats-writer")
        self._pending: deque[tuple[str, Future[int]]] = deque()
        self.added: dict[str, int] = {}

    def insert(self, key: str, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        """Queue ``rows`` for ``table``; their count added goes to ``added[key]``."""
        while len(self._pending) >= self._depth:
            self._collect_oldest()
        self._pending.append((key, self._pool.submit(self._store.insert, table, rows)))

    def _collect_oldest(self) -> None:
        key, future = self._pending.popleft()
        self.added[key] = self.added.get(key, 0) + future.result()  # raises what it raised

    def drain(self) -> None:
        """Wait until every queued page is stored; raise the first failure."""
        while self._pending:
            self._collect_oldest()

    def __enter__(self) -> PageWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if exc is None:
                self.drain()
        finally:
            # Pages already queued are still stored (each in its own transaction).
            self._pool.submit(self._store.db.close_thread_connection)
            self._pool.shutdown(wait=True)
