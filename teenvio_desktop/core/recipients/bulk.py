"""A writer thread that stores batches while the reader parses the next ones.

A batch of rows goes to SQLite as ONE JSON array that a single ``INSERT ... SELECT ...
FROM json_each(?)`` unpacks: ``sqlite3`` releases the GIL for the whole statement, so
SQLite's work overlaps with parsing and validating the next batch (``executemany``
would take the GIL back for every row). The writer has its own connection, tuned for one big
write: larger cache, and the WAL checkpointed once at the end instead of every thousand
pages (each page would otherwise be copied many times). The queue is short, so memory
stays bounded by a few batches whatever the file's size.
"""

from __future__ import annotations

import gc
import json
import queue
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from teenvio_desktop.core.store import Database
from teenvio_desktop.core.store.database import connect

_STOP = object()


class BatchWriter:
    """``put(members, rejects)`` from the reader; ``close()`` waits and re-raises errors."""

    def __init__(
        self, db: Database, member_sql: str, reject_sql: str, depth: int = 2, threaded: bool = True
    ) -> None:
        self._db = db
        self._threaded = threaded
        self.packed = "json_each" in member_sql
        self._member_sql = member_sql
        self._reject_sql = reject_sql
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="recipients-writer", daemon=True)
        if threaded:
            self._thread.start()
        else:
            self._conn = self._open()

    def put(self, members: Sequence[Sequence[object]], rejects: Sequence[Sequence[object]]) -> None:
        if not self._threaded:
            self._write(self._conn, members, rejects)
            return
        self.raise_error()
        while True:
            try:
                self._queue.put((members, rejects), timeout=0.2)
                return
            except queue.Full:
                self.raise_error()

    def raise_error(self) -> None:
        if self._error is not None:
            raise self._error

    def close(self) -> None:
        """Finish writing everything queued (or stop after an error) and re-raise it."""
        if not self._threaded:
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            self._conn.close()
            return
        self._queue.put(_STOP)
        self._thread.join()
        self.raise_error()

    def abandon(self) -> None:
        """Stop without caring about what is still queued (the import is discarded)."""
        if not self._threaded:
            self._conn.close()
            return
        self._error = self._error or _Abandoned()
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._queue.put(_STOP)
        self._thread.join()

    def _open(self) -> sqlite3.Connection:
        conn = connect(self._db.path)
        conn.execute("PRAGMA cache_size = -65536")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        return conn

    def _run(self) -> None:
        conn = self._open()
        try:
            while True:
                item = self._queue.get()
                if item is _STOP:
                    break
                if self._error is not None:
                    continue  # drain: the reader will see the error
                members, rejects = item
                try:
                    self._write(conn, members, rejects)
                except BaseException as exc:
                    self._error = exc
            if self._error is None:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            conn.close()

    def _write(
        self,
        conn: sqlite3.Connection,
        members: Sequence[Sequence[object]],
        rejects: Sequence[Sequence[object]],
    ) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if members:
                if self.packed:
                    conn.execute(self._member_sql, (json.dumps(members),))
                else:
                    conn.executemany(self._member_sql, members)
            if rejects:
                conn.executemany(self._reject_sql, rejects)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


class _Abandoned(Exception):
    pass


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = True


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """No cyclic GC passes during a bulk import.

    The rows are lists of strings (no cycles), but a million of them make the collector
    rescan the heap again and again; reference counting still frees everything.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            # The GUI keeps automatic collection off for good (ui/gc_guard.py): restore
            # whatever state was there before, never simply switch it back on.
            _gc_was_enabled = gc.isenabled()
        _gc_pauses += 1
        gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()
