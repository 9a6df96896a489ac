"""Members stored in blocks: how a block is packed and unpacked, and where members are.

A list's members live in ``recipient_blocks`` rows, each holding up to
:func:`block_size` members as three packed values (addresses, names, rows of cells; see
``packing.py``) plus the offsets of the members whose address needs SMTPUTF8. A member's
position is its index in the list: blocks in ``seq`` order, members in block order, so
the position of row N is found from the blocks' counts (:class:`Layout`). Writing an
import's blocks is ``writer.py``.
"""

from __future__ import annotations

import bisect
import os
import socket
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from teenvio_desktop.core.addresses import needs_smtputf8
from teenvio_desktop.core.recipients.packing import (
    pack_rows,
    pack_values,
    rows_of,
    unpack_cells,
    unpack_rows,
    unpack_values,
)

MAX_BLOCK_MEMBERS = 256
BLOCK_CELLS = 65_536  # wide lists get smaller blocks, so a block stays a few hundred KB


def block_size(width: int) -> int:
    return max(1, min(MAX_BLOCK_MEMBERS, BLOCK_CELLS // max(width, 1)))


def importer_id() -> str:
    """Who is importing: this host and process (see ``cleanup.py``)."""
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True)
class Mapped:
    """The list's columns mapped to the address and the name (their indexes, -1: none).

    Their cells are stored empty and read back as the member's normalised address and
    name, so neither is stored twice (a third of the bytes of a typical list)."""

    email: int = -1
    name: int = -1

    @classmethod
    def of(cls, columns: Sequence[str], email_column: str, name_column: str) -> Mapped:
        index = {c: i for i, c in enumerate(columns)}
        return cls(index.get(email_column, -1), index.get(name_column, -1))

    def fill(self, block: Block) -> Block:
        """The mapped cells of every member, from its address and name."""
        email, name = self.email, self.name
        if email >= 0 or name >= 0:
            for cells, address, person in zip(block.cells, block.emails, block.names, strict=True):
                if 0 <= email < len(cells):
                    cells[email] = address
                if 0 <= name < len(cells):
                    cells[name] = person
        return block

    def empty_run(self, cells: list[str], width: int) -> None:
        """Clear the mapped cells in a run of rows of ``width`` cells (C speed)."""
        rows = len(cells) // width if width else 0
        for index in (self.email, self.name):
            if 0 <= index < width:
                cells[index::width] = [""] * rows

    def empty(self, rows: Sequence[list[str]]) -> None:
        """Clear the mapped cells (what is stored)."""
        for index in (self.email, self.name):
            if index >= 0:
                for cells in rows:
                    if index < len(cells):
                        cells[index] = ""


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

    def row(self, list_id: int, mapped: Mapped) -> tuple[object, ...]:
        """The ``recipient_blocks`` row (without its id) for this block's current content."""
        width = max((len(c) for c in self.cells), default=0)
        cells = [c + [""] * (width - len(c)) for c in self.cells]
        mapped.empty(cells)
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


def decode(row: Sequence[object], mapped: Mapped) -> Block:
    """A block from ``(seq, count, emails, names, cells, smtputf8)`` as stored, with the
    mapped cells filled in (in the run of cells at once when it is in table form)."""
    seq, count, emails, names, cells, utf8 = row
    assert isinstance(count, int) and isinstance(seq, int)
    addresses = unpack_values(str(emails), count)
    people = unpack_values(str(names), count)
    offsets = [int(x) for x in str(utf8).split()]
    table = unpack_cells(str(cells)) if count else None
    if table is None:
        return mapped.fill(Block(seq, addresses, people, unpack_rows(str(cells), count), offsets))
    run, width = table
    for index, values in ((mapped.email, addresses), (mapped.name, people)):
        if 0 <= index < width:
            run[index::width] = values
    return Block(seq, addresses, people, rows_of(run, width), offsets)


BLOCK_COLUMNS = "seq, count, emails, names, cells, smtputf8"


@dataclass(frozen=True)
class Layout:
    """Where each position of a list is: the blocks' seqs and first positions."""

    seqs: list[int]
    firsts: list[int]  # position of each block's first member
    total: int

    def first_of(self, seq: int) -> int:
        """The position of the first member of the block ``seq`` (seqs are sorted)."""
        return self.firsts[bisect.bisect_left(self.seqs, seq)]

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
    """The blocks' order and first positions (from the covering index, plain tuples)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    rows = cursor.execute(
        "SELECT seq, count FROM recipient_blocks WHERE list_id = ? AND count > 0 ORDER BY seq",
        (list_id,),
    ).fetchall()
    counts = [count for _seq, count in rows]
    firsts = [0, *accumulate(counts)]
    return Layout([seq for seq, _count in rows], firsts[:-1], firsts[-1])


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


def load_blocks(
    conn: sqlite3.Connection, list_id: int, seqs: Sequence[int], mapped: Mapped
) -> dict[int, Block]:
    if not seqs:
        return {}
    marks = ",".join("?" * len(seqs))
    rows = conn.execute(
        f"SELECT {BLOCK_COLUMNS} FROM recipient_blocks WHERE list_id = ? AND seq IN ({marks})",
        (list_id, *seqs),
    )
    return {int(r[0]): decode(tuple(r), mapped) for r in rows}
