"""Recipient lists in the store: what the composer, the senders and the list viewer read.

Members are stored in blocks (``blocks.py``); this module reads them back by position,
in order, or searched and sorted, and keeps the lists themselves (names, columns, state).
Changing single members is ``members.py``; importing files is ``importer.py``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from teenvio_desktop.core.clock import utc_now_iso
from teenvio_desktop.core.recipients import errors
from teenvio_desktop.core.recipients.blocks import (
    Block,
    Layout,
    decode,
    importer_id,
    iter_blocks,
    load_blocks,
    read_layout,
)
from teenvio_desktop.core.recipients.export import write_members_csv
from teenvio_desktop.core.recipients.models import Recipient, RecipientList
from teenvio_desktop.core.recipients.packing import unpack_values
from teenvio_desktop.core.recipients.search import ordered_positions
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback, no_progress

# (position, email, name, cells in the list's column order)
MemberRow = tuple[int, str, str, list[str]]


def _list_from_row(row: sqlite3.Row) -> RecipientList:
    return RecipientList(
        id=int(row["id"]),
        name=str(row["name"]),
        columns=tuple(json.loads(row["columns"])),
        count=int(row["member_count"]),
        source=str(row["source"]),
        created_at=str(row["created_at"]),
        updated_at=str(row["updated_at"]),
        stats=dict(json.loads(row["stats"])),
        email_column=str(row["email_column"]),
        name_column=str(row["name_column"]),
        revision=int(row["revision"]),
    )


def fields_json(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _padded(cells: list[str], width: int) -> list[str]:
    """Blocks appended before a list gained columns hold fewer cells."""
    return cells if len(cells) >= width else cells + [""] * (width - len(cells))


class RecipientListRepository:
    """Lists and their members. Every write is one transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._layouts: dict[int, tuple[int, Layout]] = {}  # list id -> (revision, layout)

    def _layout(self, info: RecipientList) -> Layout:
        """Where each position of the list is; kept while the list's revision holds."""
        cached = self._layouts.get(info.id)
        if cached is not None and cached[0] == info.revision:
            return cached[1]
        layout = read_layout(self._db.conn, info.id)
        self._layouts[info.id] = (info.revision, layout)
        return layout

    # -- lists ----------------------------------------------------------------------------
    def lists(self) -> list[RecipientList]:
        rows = self._db.conn.execute(
            "SELECT * FROM recipient_lists WHERE state = 'ready' ORDER BY name COLLATE NOCASE"
        )
        return [_list_from_row(r) for r in rows]

    def get(self, list_id: int) -> RecipientList:
        row = self._db.conn.execute(
            "SELECT * FROM recipient_lists WHERE id = ?", (list_id,)
        ).fetchone()
        if row is None:
            raise errors.no_such_list(str(list_id))
        return _list_from_row(row)

    def find(self, name: str) -> RecipientList | None:
        """The finished list called ``name`` (any case), if there is one."""
        row = self._db.conn.execute(
            "SELECT * FROM recipient_lists WHERE name = ? AND state = 'ready'", (name.strip(),)
        ).fetchone()
        return _list_from_row(row) if row is not None else None

    def by_name(self, name: str) -> RecipientList:
        found = self.find(name)
        if found is None:
            raise errors.no_such_list(name)
        return found

    def columns(self, list_id: int) -> list[str]:
        """The list's columns, in the file's order: each is a merge field under its name."""
        return list(self.get(list_id).columns)

    def merge_fields(self, list_id: int) -> list[str]:
        """Every merge-field name of the list, for the composer's picker."""
        return self.get(list_id).merge_fields

    def count(self, list_id: int) -> int:
        return self.get(list_id).count

    # -- members --------------------------------------------------------------------------
    def iter_members(self, list_id: int, *, batch: int = 0) -> Iterator[Recipient]:
        """Every member in list order, read block by block (constant memory).

        ``batch`` is accepted for compatibility; blocks set the reading size."""
        del batch
        info = self.get(list_id)
        columns, mapped = list(info.columns), info.mapped
        width = len(columns)
        for row in iter_blocks(self._db.conn, list_id):
            block = decode(row, mapped)
            rows = block.cells
            if rows and len(rows[0]) < width:  # written before the list gained columns
                rows = [_padded(cells, width) for cells in rows]
            for email, name, cells in zip(block.emails, block.names, rows, strict=True):
                yield Recipient(email, name, dict(zip(columns, cells, strict=True)))

    def addresses(self, list_id: int) -> Iterator[str]:
        """Every member's address in list order, without the rest (what an SMTP-API
        send needs; a million in a fraction of a second)."""
        for _seq, count, emails in iter_blocks(
            self._db.conn, list_id, columns="seq, count, emails"
        ):
            yield from unpack_values(str(emails), int(str(count)))

    def window(self, list_id: int, first: int, count: int) -> list[MemberRow]:
        """Members at positions [first, first + count), in order."""
        info = self.get(list_id)
        layout = self._layout(info)
        seqs = layout.blocks_for(first, count)
        blocks = load_blocks(self._db.conn, list_id, seqs, info.mapped)
        width = len(info.columns)
        found: list[MemberRow] = []
        for seq in seqs:
            start = layout.first_of(seq)
            block = blocks[seq]
            for offset in range(max(first - start, 0), min(first + count - start, block.count)):
                found.append(_member_row(block, start, offset, width))
        return found

    def rows_at(self, list_id: int, positions: Sequence[int]) -> list[MemberRow]:
        """The members at ``positions`` (any order), returned in that order."""
        if not positions:
            return []
        info = self.get(list_id)
        layout = self._layout(info)
        wanted = [p for p in positions if 0 <= p < layout.total]
        places = {p: layout.locate(p) for p in wanted}
        seqs = sorted({layout.seqs[i] for i, _ in places.values()})
        blocks = load_blocks(self._db.conn, list_id, seqs, info.mapped)
        width = len(info.columns)
        found: list[MemberRow] = []
        for position in wanted:
            index, offset = places[position]
            block = blocks[layout.seqs[index]]
            found.append(_member_row(block, position - offset, offset, width))
        return found

    def ordered_positions(
        self, list_id: int, *, search: str = "", sort: str = "pos", descending: bool = False
    ) -> list[int]:
        """Member positions matching ``search`` (in the address or the name, any case),
        sorted: ``sort`` is "pos", "email", "name" or "field:N" (the N-th column); see
        ``search.py``."""
        return ordered_positions(
            self._db.conn,
            list_id,
            self.get(list_id).mapped,
            search=search,
            sort=sort,
            descending=descending,
        )

    def smtputf8_count(self, list_id: int) -> int:
        """How many members have an address the SMTP-API cannot take (non-ASCII local
        part, which needs SMTPUTF8); TEA Lite can take them."""
        rows = self._db.conn.execute(
            "SELECT smtputf8 FROM recipient_blocks WHERE list_id = ? AND smtputf8 != ''",
            (list_id,),
        )
        return sum(len(str(r[0]).split()) for r in rows)

    def smtputf8_members(
        self, list_id: int, offset: int = 0, limit: int = 100
    ) -> list[tuple[int, str]]:
        """A page of ``(position, address)`` of the members the SMTP-API cannot take."""
        conn = self._db.conn
        layout = self._layout(self.get(list_id))
        found: list[tuple[int, str]] = []
        skipped = 0
        rows = conn.execute(
            "SELECT seq, count, emails, smtputf8 FROM recipient_blocks "
            "WHERE list_id = ? AND smtputf8 != '' AND count > 0 ORDER BY seq",
            (list_id,),
        )
        for seq, count, emails, utf8 in rows:
            offsets = [int(x) for x in str(utf8).split()]
            if skipped + len(offsets) <= offset:
                skipped += len(offsets)
                continue
            addresses = unpack_values(str(emails), int(count))
            start = layout.first_of(int(seq))
            for i in offsets:
                if skipped < offset:
                    skipped += 1
                    continue
                found.append((start + i, addresses[i]))
                if len(found) >= limit:
                    return found
        return found

    # -- list lifecycle -------------------------------------------------------------------
    def check_name(self, conn: sqlite3.Connection, name: str, *, exclude: int = 0) -> str:
        name = name.strip()
        if not name:
            raise errors.empty_list_name()
        taken = conn.execute(
            "SELECT 1 FROM recipient_lists WHERE name = ? AND state = 'ready' AND id != ?",
            (name, exclude),
        ).fetchone()
        if taken:
            raise errors.list_exists(name)
        return name

    _check_name = check_name  # the name older callers use

    def unique_name(self, wanted: str) -> str:
        """``wanted``, or ``wanted (2)``, ``(3)``... whichever is free."""
        base = wanted.strip() or "list"
        name, n = base, 2
        while self.find(name) is not None:
            name, n = f"{base} ({n})", n + 1
        return name

    def begin_list(
        self,
        name: str,
        columns: Sequence[str],
        source: str,
        *,
        email_column: str = "",
        name_column: str = "",
    ) -> int:
        """A provisional list for an import in progress (invisible until finished)."""
        now = utc_now_iso()
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO recipient_lists (name, columns, source, state, created_at, "
                "updated_at, importer, heartbeat, email_column, name_column) "
                "VALUES (?, ?, ?, 'importing', ?, ?, ?, ?, ?, ?)",
                (
                    name.strip(),
                    fields_json(columns),
                    source,
                    now,
                    now,
                    importer_id(),
                    now,
                    email_column,
                    name_column,
                ),
            )
            return int(cursor.lastrowid or 0)

    def finish_list(self, list_id: int, name: str, stats: dict[str, int]) -> None:
        """Make a provisional list visible, in one transaction with its final counts."""
        with self._db.transaction() as conn:
            name = self.check_name(conn, name, exclude=list_id)
            updated = conn.execute(
                "UPDATE recipient_lists SET name = ?, state = 'ready', member_count = "
                "(SELECT coalesce(sum(count), 0) FROM recipient_blocks WHERE list_id = ?), "
                "stats = ?, updated_at = ?, importer = '', revision = revision + 1 "
                "WHERE id = ? AND state = 'importing'",
                (name, list_id, json.dumps(stats), utc_now_iso(), list_id),
            ).rowcount
            if updated != 1:  # removed meanwhile: never report a list that is not there
                raise errors.no_such_list(name)

    def discard_incomplete(self) -> int:
        """Remove lists whose import was interrupted (see ``cleanup.py``); returns how many."""
        from teenvio_desktop.core.recipients.cleanup import discard_abandoned_imports

        return discard_abandoned_imports(self._db)

    def delete_list(self, list_id: int) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM recipient_lists WHERE id = ?", (list_id,))

    def rename(self, list_id: int, new_name: str) -> None:
        with self._db.transaction() as conn:
            name = self.check_name(conn, new_name, exclude=list_id)
            conn.execute(
                "UPDATE recipient_lists SET name = ?, updated_at = ? WHERE id = ?",
                (name, utc_now_iso(), list_id),
            )

    def create_from_addresses(
        self,
        name: str,
        emails: Iterable[str],
        fields: dict[str, dict[str, str]] | None = None,
        *,
        source: str = "",
    ) -> int:
        """A new list from addresses (e.g. "non-openers" in the Results pane).

        ``fields`` maps an address (any case) to its merge fields. Invalid addresses and
        repeats are skipped. Returns the new list's id.
        """
        from teenvio_desktop.core.recipients.assemble import list_from_addresses

        return list_from_addresses(self, self._db, name, emails, fields or {}, source)

    def merge(self, list_ids: Sequence[int], name: str) -> int:
        """A new list with the members of ``list_ids`` in order, repeats removed."""
        from teenvio_desktop.core.recipients.assemble import merge_lists

        return merge_lists(self, self._db, list_ids, name)

    # -- export ---------------------------------------------------------------------------
    def export_csv(
        self,
        list_id: int,
        path: Path,
        *,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
    ) -> int:
        """Write the list as UTF-8 CSV (email, name, its columns); returns rows written.

        Cells that a spreadsheet would run as a formula are neutralised.
        """
        info = self.get(list_id)
        return write_members_csv(
            self.iter_members(list_id), info.columns, info.count, path, progress, cancel
        )


def _member_row(block: Block, start: int, offset: int, width: int) -> MemberRow:
    return (
        start + offset,
        block.emails[offset],
        block.names[offset],
        _padded(block.cells[offset], width),
    )
