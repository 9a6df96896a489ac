"""Many short strings in one TEXT value, cheap to write and to read back.

A block of members is stored as a few packed values instead of one SQLite row per
member: joining strings is C work, binding one row per member is not. Values are
separated by ASCII record/unit separators; rows of cells are written as one run of
cells with their width in front ("T5:a\x1fb\x1f..."), so no string is made per row.
When a value itself contains a separator (possible in any text), the block falls back
to JSON. The first character says which form follows, so all can be read.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import chain

ROW_SEP = "\x1e"
CELL_SEP = "\x1f"
PLAIN = "S"
TABLE = "T"
JSON = "J"


def pack_values(values: Sequence[str]) -> str:
    """``values`` as one string (see :func:`unpack_values`)."""
    text = ROW_SEP.join(values)
    if values and text.count(ROW_SEP) == len(values) - 1:
        return PLAIN + text
    return JSON + json.dumps(list(values), ensure_ascii=False)


def unpack_values(text: str, count: int = -1) -> list[str]:
    """The values of :func:`pack_values`; ``count`` tells an empty list from one empty
    value (-1: not known, one value then)."""
    if text[:1] == JSON:
        return [str(v) for v in json.loads(text[1:])]
    if count == 0:
        return []
    return text[1:].split(ROW_SEP)


def pack_rows(rows: Sequence[Sequence[str]], width: int) -> str:
    """Rows of exactly ``width`` cells each as one string (see :func:`unpack_rows`)."""
    return pack_cells(list(chain.from_iterable(rows)), width, len(rows))


def pack_cells(cells: Sequence[str], width: int, count: int) -> str:
    """``count`` rows given as one run of cells, ``width`` per row (as :func:`pack_rows`)."""
    text = CELL_SEP.join(cells)
    if cells and width > 0 and text.count(CELL_SEP) == len(cells) - 1:
        return f"{TABLE}{width}:{text}"
    rows = [list(cells[i * width : (i + 1) * width]) for i in range(count)]
    return JSON + json.dumps(rows, ensure_ascii=False)


def unpack_cells(text: str) -> tuple[list[str], int] | None:
    """The run of cells and the width of a table-form value, else None."""
    if text[:1] != TABLE:
        return None
    colon = text.index(":")
    return text[colon + 1 :].split(CELL_SEP), int(text[1:colon])


def rows_of(cells: list[str], width: int) -> list[list[str]]:
    return [cells[i : i + width] for i in range(0, len(cells), width)]


def unpack_rows(text: str, count: int) -> list[list[str]]:
    kind = text[:1]
    if kind == JSON:
        return [[str(c) for c in row] for row in json.loads(text[1:])]
    if count == 0:
        return []
    table = unpack_cells(text)
    if table is not None:
        return rows_of(*table)
    return [row.split(CELL_SEP) for row in text[1:].split(ROW_SEP)]
