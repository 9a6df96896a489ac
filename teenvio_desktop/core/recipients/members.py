"""Adding, correcting and deleting single recipients of a saved list.

What the list viewer offers (a context menu, the Delete key, undo). A member is named by
its position (its row in the list, from 0). Each change is validated like an import
(address normalised, no repeat of another member, not suppressed) and made in one
transaction that rewrites the one block holding the member. :func:`delete_member`
returns what :func:`restore_member` needs to put the member back where it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from teenvio_desktop.core.clock import utc_now_iso
from teenvio_desktop.core.recipients import errors
from teenvio_desktop.core.recipients.blocks import (
    BLOCK_COLUMNS,
    Block,
    block_size,
    decode,
    load_blocks,
    read_layout,
)
from teenvio_desktop.core.recipients.models import RecipientList
from teenvio_desktop.core.recipients.packing import unpack_values
from teenvio_desktop.core.recipients.repository import RecipientListRepository
from teenvio_desktop.core.recipients.validate import normalize_address
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.suppression import SuppressionList


@dataclass(frozen=True)
class DeletedMember:
    """A member as it was before :func:`delete_member`: enough to undo it."""

    list_id: int
    position: int
    email: str
    name: str
    cells: tuple[str, ...]


def add_member(
    db: Database,
    list_id: int,
    email: str,
    name: str = "",
    fields: Mapping[str, str] | None = None,
) -> int:
    """Add a recipient at the end of the list; returns its position."""
    info = RecipientListRepository(db).get(list_id)
    address = _valid_address(db, email)
    cells = _cells(info, address, name.strip(), fields or {}, [""] * len(info.columns))
    with db.transaction() as conn:
        _refuse_repeat(conn, info, address, skip=None)
        return _insert(conn, info, read_layout(conn, list_id).total, address, name.strip(), cells)


def update_member(
    db: Database,
    list_id: int,
    position: int,
    *,
    email: str | None = None,
    name: str | None = None,
    fields: Mapping[str, str] | None = None,
) -> None:
    """Correct a recipient's address, name or merge fields (what is None stays)."""
    info = RecipientListRepository(db).get(list_id)
    with db.transaction() as conn:
        block, offset = _block_at(conn, info, position)
        address = block.emails[offset]
        if email is not None and email.strip() != address:
            address = _valid_address(db, email)
            if address.lower() != block.emails[offset].lower():
                _refuse_repeat(conn, info, address, skip=position)
        new_name = block.names[offset] if name is None else name.strip()
        cells = _cells(info, address, new_name, fields or {}, list(block.cells[offset]))
        block.emails[offset], block.names[offset], block.cells[offset] = address, new_name, cells
        _write(conn, info, block, change=0)


def delete_member(db: Database, list_id: int, position: int) -> DeletedMember:
    """Remove a recipient; the returned value can put it back (:func:`restore_member`)."""
    info = RecipientListRepository(db).get(list_id)
    with db.transaction() as conn:
        block, offset = _block_at(conn, info, position)
        gone = DeletedMember(
            list_id,
            position,
            block.emails.pop(offset),
            block.names.pop(offset),
            tuple(block.cells.pop(offset)),
        )
        _write(conn, info, block, change=-1)
    return gone


def restore_member(db: Database, deleted: DeletedMember) -> int:
    """Put a deleted recipient back at its position (or the end, if the list shrank)."""
    info = RecipientListRepository(db).get(deleted.list_id)
    with db.transaction() as conn:
        _refuse_repeat(conn, info, deleted.email, skip=None)
        position = min(deleted.position, read_layout(conn, info.id).total)
        return _insert(conn, info, position, deleted.email, deleted.name, list(deleted.cells))


# -- helpers -------------------------------------------------------------------------------
def _valid_address(db: Database, email: str) -> str:
    address, why = normalize_address(email)
    if address is None:
        raise errors.invalid_member_address(email.strip(), why or "empty")
    if address.lower() in SuppressionList(db).all_addresses():
        raise errors.member_suppressed(address)
    return address


def _cells(
    info: RecipientList, address: str, name: str, fields: Mapping[str, str], cells: list[str]
) -> list[str]:
    """The member's cells in the list's column order, with ``fields`` applied and the
    address and name columns kept in step with the address and name."""
    index = {c: i for i, c in enumerate(info.columns)}
    cells = cells + [""] * (len(info.columns) - len(cells))
    for column, value in fields.items():
        if column not in index:
            raise errors.unknown_column(column, ", ".join(info.columns))
        cells[index[column]] = str(value)
    if info.email_column in index:
        cells[index[info.email_column]] = address
    if info.name_column in index:
        cells[index[info.name_column]] = name
    return cells


def _refuse_repeat(
    conn: sqlite3.Connection, info: RecipientList, address: str, *, skip: int | None
) -> None:
    """No other member may have ``address`` (in any case)."""
    key = address.lower()
    first = 0
    for _seq, count, emails in conn.execute(
        "SELECT seq, count, emails FROM recipient_blocks WHERE list_id = ? AND count > 0 "
        "ORDER BY seq",
        (info.id,),
    ):
        if key in str(emails).lower():
            for offset, other in enumerate(unpack_values(str(emails), int(count))):
                if other.lower() == key and first + offset != skip:
                    raise errors.member_exists(address, info.name)
        first += int(count)


def _block_at(conn: sqlite3.Connection, info: RecipientList, position: int) -> tuple[Block, int]:
    layout = read_layout(conn, info.id)
    if not 0 <= position < layout.total:
        raise errors.no_such_member(position, info.name)
    index, offset = layout.locate(position)
    seq = layout.seqs[index]
    return load_blocks(conn, info.id, [seq], info.mapped)[seq], offset


def _insert(
    conn: sqlite3.Connection,
    info: RecipientList,
    position: int,
    address: str,
    name: str,
    cells: list[str],
) -> int:
    layout = read_layout(conn, info.id)
    if position < layout.total:
        index, offset = layout.locate(position)
        seq = layout.seqs[index]
        block = load_blocks(conn, info.id, [seq], info.mapped)[seq]
    else:  # at the end: the last block if it has room, else a new one
        last = conn.execute(
            f"SELECT {BLOCK_COLUMNS} FROM recipient_blocks WHERE list_id = ? "
            "ORDER BY seq DESC LIMIT 1",
            (info.id,),
        ).fetchone()
        block = decode(tuple(last), info.mapped) if last is not None else Block(-1, [], [], [], [])
        if block.seq < 0 or block.count >= block_size(len(info.columns)):
            block = Block(block.seq + 1, [], [], [], [])
            conn.execute(
                "INSERT INTO recipient_blocks (list_id, seq, count, emails, names, cells) "
                "VALUES (?, ?, 0, 'S', 'S', 'S')",
                (info.id, block.seq),
            )
        offset = block.count
    block.emails.insert(offset, address)
    block.names.insert(offset, name)
    block.cells.insert(offset, cells)
    _write(conn, info, block, change=1)
    return position


def _write(conn: sqlite3.Connection, info: RecipientList, block: Block, *, change: int) -> None:
    row = block.row(info.id, info.mapped)
    conn.execute(
        "UPDATE recipient_blocks SET count = ?, emails = ?, names = ?, cells = ?, smtputf8 = ? "
        "WHERE list_id = ? AND seq = ?",
        (*row[2:], info.id, block.seq),
    )
    conn.execute(
        "UPDATE recipient_lists SET member_count = member_count + ?, revision = revision + 1, "
        "updated_at = ? WHERE id = ?",
        (change, utc_now_iso(), info.id),
    )
