"""Searching and sorting a list's members for the viewer, block by block.

A million members are searched without decoding the blocks that cannot match (one
substring test over the block's addresses and names first); sorting builds one key per
matching member, compared as a person would (:func:`sort_key`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from teenvio_desktop.core.recipients.blocks import Mapped, decode


def sort_key(text: str) -> str:
    """How a value sorts for a person: case and accents ignored (Ávila before Bilbao)."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


def ordered_positions(
    blocks: Iterable[Sequence[object]], mapped: Mapped, *, search: str, sort: str, descending: bool
) -> list[int]:
    """Positions of the members of ``blocks`` (stored rows, in order) that match
    ``search``, sorted by ``sort`` ("pos", "email", "name" or "field:N"); equal values
    keep the list's order (reversed when descending)."""
    needle = search.strip().casefold()
    column = int(sort[6:]) if sort.startswith("field:") and sort[6:].isdigit() else -1
    key_of = sort if sort in ("email", "name") or column >= 0 else "pos"
    positions: list[int] = []
    keys: list[str] = []
    first = 0
    for row in blocks:
        block = decode(row, mapped)
        if needle and needle not in "\n".join((*block.emails, *block.names)).casefold():
            first += block.count
            continue
        for i in range(block.count):
            if needle and needle not in (
                block.emails[i].casefold() + "\n" + block.names[i].casefold()
            ):
                continue
            positions.append(first + i)
            if key_of == "email":
                keys.append(sort_key(block.emails[i]))
            elif key_of == "name":
                keys.append(sort_key(block.names[i]))
            elif column >= 0:
                cells = block.cells[i]
                keys.append(sort_key(cells[column]) if column < len(cells) else "")
        first += block.count
    if keys:
        order = sorted(range(len(positions)), key=keys.__getitem__)
        positions = [positions[i] for i in order]
    if descending:
        positions.reverse()
    return positions
