"""Members stored in blocks: how they are packed, written during an import, and found.

A list's members live in ``recipient_blocks`` rows, each holding up to
:func:`block_size` members as three packed values (addresses, names, rows of cells; see
``packing.py``) plus the offsets of the members whose address needs SMTPUTF8. A member's
position is its index in the list: blocks in ``seq`` order, members in block order, so
the position of row N is found from the blocks' counts (:class:`Layout`).
"""

from __future__ import annotations

import bisect
import json
import os
import socket
import sqlite3
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from teenvio_desktop.core.addresses import needs_smtputf8
from teenvio_desktop.core.clock import utc_now_iso
from teenvio_desktop.core.recipients.packing import (
    pack_rows,
    pack_values,
    unpack_rows,
    unpack_values,
)
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.store.database import connect

MAX_BLOCK_MEMBERS = 256
BLOCK_CELLS = 65_536  # wide lists get smaller blocks, so a block stays a few hundred KB
HEARTBEAT_SECONDS = 2.0
_INSERT_BLOCK = (
    "INSERT INTO recipient_blocks (list_id, seq, count, emails, names, cells, smtputf8) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_REJECT = (
    "INSERT INTO recipient_rejects (list_id, line, reason, value, detail, raw) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


def block_size(width: int) -> int:
    return max(1, min(MAX_BLOCK_MEMBERS, BLOCK_CELLS // max(width, 1)))


def importer_id() -> str:
    """Who is importing: this host and process (see ``cleanup.py``)."""
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass
class Block:
    """One block, unpacked. ``smtputf8`` holds offsets into the block."""

    seq: int
    emails: list[str]
    names: list[str]
    cells: list[list[str]]
    smtputf8: list[int]

    @property
    def count(self) -> int:
        return len(self.emails)

    def row(self, list_id: int) -> tuple[object, ...]:
        """The ``recipient_blocks`` row (without its id) for this block's current content."""
        width = max((len(c) for c in self.cells), default=0)
        cells = [c + [""] * (width - len(c)) for c in self.cells]
        self.smtputf8 = smtputf8_offsets(self.emails)
        return (
            list_id,
            self.seq,
            self.count,
            pack_values(self.emails),
            pack_values(self.names),
            pack_rows(cells, width),
            " ".join(map(str, self.smtputf8)),
        )


def smtputf8_offsets(emails: Sequence[str]) -> list[int]:
    joined = "".join(emails)
    if joined.isascii():
        return []
    return [i for i, email in enumerate(emails) if needs_smtputf8(email)]


def decode(row: Sequence[object]) -> Block:
    """A block from ``(seq, count, emails, names, cells, smtputf8)`` as stored."""
    seq, count, emails, names, cells, utf8 = row
    assert isinstance(count, int) and isinstance(seq, int)
    return Block(
        seq,
        unpack_values(str(emails), count),
        unpack_values(str(names), count),
        unpack_rows(str(cells), count),
        [int(x) for x in str(utf8).split()],
    )


BLOCK_COLUMNS = "seq, count, emails, names, cells, smtputf8"


@dataclass(frozen=True)
class Layout:
    """Where each position of a list is: the blocks' seqs and first positions."""

    seqs: list[int]
    firsts: list[int]  # position of each block's first member
    total: int

    def locate(self, position: int) -> tuple[int, int]:
        """(index into ``seqs``, offset in that block) of ``position``."""
        index = bisect.bisect_right(self.firsts, position) - 1
        return index, position - self.firsts[index]

    def blocks_for(self, first: int, count: int) -> list[int]:
        """Seqs of the blocks holding positions [first, first + count)."""
        if count <= 0 or first >= self.total or not self.seqs:
            return []
        start = max(bisect.bisect_right(self.firsts, max(first, 0)) - 1, 0)
        end = bisect.bisect_left(self.firsts, first + count)
        return self.seqs[start:end]


def read_layout(conn: sqlite3.Connection, list_id: int) -> Layout:
    seqs: list[int] = []
    firsts: list[int] = []
    total = 0
    for seq, count in conn.execute(
        "SELECT seq, count FROM recipient_blocks WHERE list_id = ? ORDER BY seq", (list_id,)
    ):
        if count:
            seqs.append(int(seq))
            firsts.append(total)
            total += int(count)
    return Layout(seqs, firsts, total)


def iter_blocks(
    conn: sqlite3.Connection, list_id: int, *, columns: str = BLOCK_COLUMNS
) -> Iterator[Sequence[object]]:
    """Every non-empty block of a list in order, a few at a time (constant memory).

    ``columns`` must start with ``seq``."""
    last = -1
    while True:
        rows = conn.execute(
            f"SELECT {columns} FROM recipient_blocks WHERE list_id = ? AND seq > ? "
            "AND count > 0 ORDER BY seq LIMIT 8",
            (list_id, last),
        ).fetchall()
        if not rows:
            return
        last = int(rows[-1][0])
        for row in rows:
            yield tuple(row)


def load_blocks(conn: sqlite3.Connection, list_id: int, seqs: Sequence[int]) -> dict[int, Block]:
    if not seqs:
        return {}
    marks = ",".join("?" * len(seqs))
    rows = conn.execute(
        f"SELECT {BLOCK_COLUMNS} FROM recipient_blocks WHERE list_id = ? AND seq IN ({marks})",
        (list_id, *seqs),
    )
    return {int(r[0]): decode(tuple(r)) for r in rows}


class BlockWriter:
    """Appends members to a list being imported, block by block, one transaction a batch.

    It has its own connection, tuned for one long write: the WAL is checkpointed once at
    the end instead of every thousand pages (each page would otherwise be copied twice).
    Every commit also refreshes the list's heartbeat, so a crashed import is recognisable.
    """

    def __init__(self, db: Database, list_id: int, width: int, first_seq: int = 0) -> None:
        self.list_id = list_id
        self.width = width
        self.size = block_size(width)
        self.next_seq = first_seq
        self.members = 0
        self._emails: list[str] = []
        self._names: list[str] = []
        self._cells: list[list[str]] = []
        self._blocks: list[tuple[object, ...]] = []
        self._rejects: list[tuple[object, ...]] = []
        self._beat = 0.0
        self._conn = connect(db.path)
        self._conn.execute("PRAGMA wal_autocheckpoint = 0")

    def add(self, emails: list[str], names: list[str], cells: list[list[str]]) -> None:
        """Members (rows of exactly ``width`` cells) appended after those already added."""
        if self._emails:
            emails, names, cells = self._emails + emails, self._names + names, self._cells + cells
        size = self.size
        full = len(emails) - len(emails) % size
        list_id, width = self.list_id, self.width
        for start in range(0, full, size):
            chunk = emails[start : start + size]
            utf8 = smtputf8_offsets(chunk)
            self._blocks.append(
                (
                    list_id,
                    self.next_seq,
                    len(chunk),
                    pack_values(chunk),
                    pack_values(names[start : start + size]),
                    pack_rows(cells[start : start + size], width),
                    " ".join(map(str, utf8)) if utf8 else "",
                )
            )
            self.next_seq += 1
        self.members += full
        self._emails, self._names, self._cells = emails[full:], names[full:], cells[full:]

    def reject(self, line: int, reason: str, value: str, detail: str, raw: Sequence[str]) -> None:
        self._rejects.append(
            (self.list_id, line, reason, value, detail, json.dumps(list(raw), ensure_ascii=False))
        )

    @property
    def pending_rejects(self) -> int:
        return len(self._rejects)

    def commit(self) -> None:
        """Store what was added since the last commit (whole blocks only)."""
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            if self._blocks:
                conn.executemany(_INSERT_BLOCK, self._blocks)
            if self._rejects:
                conn.executemany(_INSERT_REJECT, self._rejects)
            now = time.monotonic()
            if now - self._beat >= HEARTBEAT_SECONDS:
                self._beat = now
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
        self._blocks, self._rejects = [], []

    def close(self) -> None:
        """Store the last, partial block and everything pending; close the connection."""
        if self._emails:
            self.size = len(self._emails)
            self.add([], [], [])
        self.commit()
        self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        self._conn.close()

    def abandon(self) -> None:
        """Stop without storing what is pending (the import is being discarded)."""
        self._conn.close()


class ListVanished(Exception):
    """The list being imported was removed meanwhile (a clean-up took it for abandoned)."""
