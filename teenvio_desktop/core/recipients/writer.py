"""Writing an import's members: packed into blocks here, stored by a writer thread.

The importing thread packs members into blocks (``blocks.py``) and hands each batch's
blocks and rejects to a writer thread with its own connection. SQLite releases the GIL
while it works, so storing a batch, and checkpointing the WAL every few tens of MB, run
on the other core while the next batch is parsed. The queue is short: memory stays
bounded by a few batches, and an error in the writer surfaces at the next hand-over.
Every commit refreshes the list's heartbeat, so a crashed import is recognisable
(``cleanup.py``).
"""

from __future__ import annotations

import queue
import sqlite3
import threading
import time
from collections.abc import Sequence
from itertools import chain
from pathlib import Path

from teenvio_desktop.core.clock import utc_now_iso
from teenvio_desktop.core.recipients.blocks import block_size, smtputf8_offsets
from teenvio_desktop.core.recipients.packing import pack_cells, pack_values
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.store.database import connect

HEARTBEAT_SECONDS = 2.0
CHECKPOINT_BYTES = 32 << 20  # WAL written between two checkpoints (the WAL stays small)
QUEUE_DEPTH = 3
_INSERT_BLOCKS = (
    "INSERT INTO recipient_blocks (list_id, seq, count, emails, names, cells, smtputf8) VALUES "
)
_INSERT_REJECTS = (
    "INSERT INTO recipient_rejects (list_id, line, reason, value, detail, raw) VALUES "
)
ROWS_PER_STATEMENT = 400  # one statement, one trip into SQLite (it releases the GIL inside)
Rows = list[tuple[object, ...]]
_STOP = None


class ListVanished(Exception):
    """The list being imported was removed meanwhile (a clean-up took it for abandoned)."""


class BlockWriter:
    """Appends members to a list being imported; ``commit`` after each batch, ``close``
    at the end (``abandon`` when the import is discarded)."""

    def __init__(self, db: Database, list_id: int, width: int, first_seq: int = 0) -> None:
        self.list_id = list_id
        self.width = width
        self.size = block_size(width)
        self.next_seq = first_seq
        self._emails: list[str] = []
        self._names: list[str] = []
        self._cells: list[str] = []  # the members' cells in one run, ``width`` per member
        self._blocks: Rows = []
        self._rejects: Rows = []
        self._queue: queue.Queue[tuple[Rows, Rows] | None] = queue.Queue(QUEUE_DEPTH)
        self._error: BaseException | None = None
        self._abandoned = False
        self._thread = threading.Thread(
            target=self._run, args=(db.path,), name="recipients-writer", daemon=True
        )
        self._thread.start()

    # -- the importing thread ------------------------------------------------------------
    def add(self, emails: list[str], names: list[str], cells: list[str]) -> None:
        """Members appended after those already added; ``cells`` holds their cells in one
        run, ``width`` per member (no list per row to build or to free)."""
        if self._emails:
            emails, names, cells = self._emails + emails, self._names + names, self._cells + cells
        size, width = self.size, self.width
        full = len(emails) - len(emails) % size
        list_id = self.list_id
        for start in range(0, full, size):
            chunk = emails[start : start + size]
            packed = pack_values(chunk)
            utf8 = "" if packed.isascii() else " ".join(map(str, smtputf8_offsets(chunk)))
            self._blocks.append(
                (
                    list_id,
                    self.next_seq,
                    len(chunk),
                    packed,
                    pack_values(names[start : start + size]),
                    pack_cells(cells[start * width : (start + size) * width], width, len(chunk)),
                    utf8,
                )
            )
            self.next_seq += 1
        self._emails, self._names = emails[full:], names[full:]
        self._cells = cells[full * width :]

    def reject(self, line: int, reason: str, value: str, detail: str, raw: Sequence[str]) -> None:
        self._rejects.append((self.list_id, line, reason, value, detail, pack_values(raw)))

    def commit(self) -> None:
        """Hand what was added since the last commit (whole blocks) to the writer."""
        if self._blocks or self._rejects:
            self._hand_over((self._blocks, self._rejects))
            self._blocks, self._rejects = [], []
        self._raise_error()

    def close(self) -> None:
        """Store the last, partial block and everything pending, and wait for it."""
        if self._emails:
            self.size = len(self._emails)
            self.add([], [], [])
        self.commit()
        self._hand_over(_STOP)
        self._thread.join()
        self._raise_error()

    def abandon(self) -> None:
        """Stop without storing what is pending (the import is being discarded)."""
        self._abandoned = True
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._queue.put(_STOP)
        self._thread.join()

    def _hand_over(self, item: tuple[Rows, Rows] | None) -> None:
        while True:
            try:
                self._queue.put(item, timeout=0.2)
                return
            except queue.Full:
                self._raise_error()  # the writer stopped: it will not take more

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error

    # -- the writer thread ---------------------------------------------------------------
    def _run(self, path: Path) -> None:
        conn = connect(path)
        try:
            conn.execute("PRAGMA wal_autocheckpoint = 0")  # checkpoints below, in this thread
            beat = 0.0
            written = 0
            while True:
                item = self._queue.get()
                if item is _STOP:
                    break
                if self._error is not None or self._abandoned:
                    continue  # drain: the importing thread sees the error
                try:
                    heartbeat = time.monotonic() - beat >= HEARTBEAT_SECONDS
                    if heartbeat:
                        beat = time.monotonic()
                    written += self._write(conn, *item, heartbeat=heartbeat)
                    if written >= CHECKPOINT_BYTES:
                        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                        written = 0
                except BaseException as exc:  # handed to the importing thread
                    self._error = exc
            if self._error is None and not self._abandoned:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except BaseException as exc:
            self._error = self._error or exc
        finally:
            conn.close()

    def _write(
        self, conn: sqlite3.Connection, blocks: Rows, rejects: Rows, *, heartbeat: bool
    ) -> int:
        conn.execute("BEGIN IMMEDIATE")
        try:
            _insert(conn, _INSERT_BLOCKS, blocks)
            _insert(conn, _INSERT_REJECTS, rejects)
            if heartbeat:
                updated = conn.execute(
                    "UPDATE recipient_lists SET heartbeat = ? WHERE id = ?",
                    (utc_now_iso(), self.list_id),
                ).rowcount
                if updated != 1:
                    raise ListVanished()
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return sum(len(str(b[5])) + len(str(b[3])) for b in blocks)


def _insert(conn: sqlite3.Connection, head: str, rows: Rows) -> None:
    """Many rows in few statements: ``executemany`` would take the GIL back between rows,
    and each time the importing thread may hold it for a few milliseconds."""
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        part = rows[start : start + ROWS_PER_STATEMENT]
        marks = "(" + ", ".join("?" * len(part[0])) + ")"
        conn.execute(head + ", ".join([marks] * len(part)), list(chain.from_iterable(part)))
