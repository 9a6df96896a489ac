"""Searching and sorting a list's members for the viewer, block by block.

A million members are searched without decoding the blocks that cannot match (one
substring test over the block's addresses and names first); sorting builds one key per
matching member, compared as a person would (:func:`sort_key`).
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterator

from teenvio_desktop.core.recipients.blocks import Mapped, decode, iter_blocks
from teenvio_desktop.core.recipients.packing import unpack_values


def sort_key(text: str) -> str:
    """How a value sorts for a person: case and accents ignored (Ávila before Bilbao)."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


def ordered_positions(
    conn: sqlite3.Connection,
    list_id: int,
    mapped: Mapped,
    *,
    search: str,
    sort: str,
    descending: bool,
) -> list[int]:
    """Positions of the members of the list that match ``search``, sorted by ``sort``
    ("pos", "email", "name" or "field:N"); equal values keep the list's order (reversed
    when descending). The cells are read only to sort by a column."""
    needle = search.strip().casefold()
    column = int(sort[6:]) if sort.startswith("field:") and sort[6:].isdigit() else -1
    key_of = sort if sort in ("email", "name") or column >= 0 else "pos"
    positions: list[int] = []
    keys: list[str] = []
    first = 0
    for emails, names, rows in _blocks(conn, list_id, mapped, with_cells=column >= 0):
        count = len(emails)
        if needle and needle not in "\n".join((*emails, *names)).casefold():
            first += count
            continue
        for i in range(count):
            if needle and needle not in emails[i].casefold() + "\n" + names[i].casefold():
                continue
            positions.append(first + i)
            if key_of == "email":
                keys.append(sort_key(emails[i]))
            elif key_of == "name":
                keys.append(sort_key(names[i]))
            elif column >= 0:
                cells = rows[i]
                keys.append(sort_key(cells[column]) if column < len(cells) else "")
        first += count
    if keys:
        order = sorted(range(len(positions)), key=keys.__getitem__)
        positions = [positions[i] for i in order]
    if descending:
        positions.reverse()
    return positions


def _blocks(
    conn: sqlite3.Connection, list_id: int, mapped: Mapped, *, with_cells: bool
) -> Iterator[tuple[list[str], list[str], list[list[str]]]]:
    """Each block's addresses, names and (only when asked) rows of cells."""
    if with_cells:
        for row in iter_blocks(conn, list_id):
            block = decode(row, mapped)
            yield block.emails, block.names, block.cells
        return
    for _seq, count, emails, names in iter_blocks(
        conn, list_id, columns="seq, count, emails, names"
    ):
        number = int(str(count))
        yield unpack_values(str(emails), number), unpack_values(str(names), number), []
