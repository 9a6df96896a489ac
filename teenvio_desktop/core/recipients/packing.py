"""Many short strings in one TEXT value, cheap to write and to read back.

A block of members is stored as a few packed values instead of one SQLite row per
member: joining strings is C work, binding one row per member is not. The plain form
separates values with ASCII record/unit separators; when a value itself contains one of
them (possible in any text), the block falls back to JSON. The first character says
which form follows, so both can be read.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

ROW_SEP = "\x1e"
CELL_SEP = "\x1f"
PLAIN = "S"
JSON = "J"


def pack_values(values: Sequence[str]) -> str:
    """``values`` as one string (see :func:`unpack_values`)."""
    text = ROW_SEP.join(values)
    if values and text.count(ROW_SEP) == len(values) - 1:
        return PLAIN + text
    return JSON + json.dumps(list(values), ensure_ascii=False)


def unpack_values(text: str, count: int) -> list[str]:
    if text[:1] == JSON:
        return [str(v) for v in json.loads(text[1:])]
    if count == 0:
        return []
    return text[1:].split(ROW_SEP)


def pack_rows(rows: Sequence[Sequence[str]], width: int) -> str:
    """Rows of exactly ``width`` cells each as one string (see :func:`unpack_rows`)."""
    text = ROW_SEP.join(map(CELL_SEP.join, rows))
    if (
        rows
        and width > 0
        and text.count(ROW_SEP) == len(rows) - 1
        and text.count(CELL_SEP) == len(rows) * (width - 1)
    ):
        return PLAIN + text
    return JSON + json.dumps([list(r) for r in rows], ensure_ascii=False)


def unpack_rows(text: str, count: int) -> list[list[str]]:
    if text[:1] == JSON:
        return [[str(c) for c in row] for row in json.loads(text[1:])]
    if count == 0:
        return []
    return [row.split(CELL_SEP) for row in text[1:].split(ROW_SEP)]
