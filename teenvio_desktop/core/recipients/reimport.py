"""Importing an updated file under an existing list's name: replace or append.

Either way the file is first imported into a provisional list, exactly like a new one,
and only its last step differs: in one transaction the provisional members take the
existing list's place (replace) or follow its members (append), so the list keeps its
id (drafts and campaigns that chose it still point at it) and is never seen half done.
"""

from __future__ import annotations

import json
import sqlite3

from teenvio_desktop.core.clock import utc_now_iso
from teenvio_desktop.core.recipients import errors
from teenvio_desktop.core.recipients.blocks import iter_blocks
from teenvio_desktop.core.recipients.dedupe import SeenAddresses
from teenvio_desktop.core.recipients.models import RecipientList
from teenvio_desktop.core.recipients.packing import unpack_values
from teenvio_desktop.core.store import Database

CLASH_POLICIES = ("error", "replace", "append")


def remember_members(db: Database, list_id: int, seen: SeenAddresses) -> None:
    """Make ``seen`` know every address already in the list (for an append)."""
    for _seq, count, emails in iter_blocks(db.conn, list_id, columns="seq, count, emails"):
        addresses = unpack_values(str(emails), int(str(count)))
        seen.keep_first([a.lower() for a in addresses])


def _move_rejects(conn: sqlite3.Connection, provisional: int, target: int) -> None:
    """The list's reject report becomes this import's."""
    conn.execute("DELETE FROM recipient_rejects WHERE list_id = ?", (target,))
    conn.execute(
        "UPDATE recipient_rejects SET list_id = ? WHERE list_id = ?", (target, provisional)
    )


def _unchanged(conn: sqlite3.Connection, target: RecipientList) -> None:
    """Members edited while the file was read would be lost or left unchecked: stop."""
    row = conn.execute(
        "SELECT revision FROM recipient_lists WHERE id = ? AND state = 'ready'", (target.id,)
    ).fetchone()
    if row is None:
        raise errors.no_such_list(target.name)
    if int(row[0]) != target.revision:
        raise errors.list_busy(target.name)


def finish_replace(
    db: Database, provisional: int, target: RecipientList, stats: dict[str, int]
) -> None:
    """The provisional list's members, columns and report become ``target``'s."""
    with db.transaction() as conn:
        _unchanged(conn, target)
        new = conn.execute(
            "SELECT columns, source, email_column, name_column FROM recipient_lists "
            "WHERE id = ? AND state = 'importing'",
            (provisional,),
        ).fetchone()
        if new is None:
            raise errors.list_busy(target.name)
        conn.execute("DELETE FROM recipient_blocks WHERE list_id = ?", (target.id,))
        conn.execute(
            "UPDATE recipient_blocks SET list_id = ? WHERE list_id = ?", (target.id, provisional)
        )
        _move_rejects(conn, provisional, target.id)
        conn.execute(
            "UPDATE recipient_lists SET columns = ?, source = ?, email_column = ?, "
            "name_column = ?, stats = ?, updated_at = ?, revision = revision + 1, "
            "member_count = (SELECT coalesce(sum(count), 0) FROM recipient_blocks "
            "WHERE list_id = ?) WHERE id = ?",
            (*tuple(new), json.dumps(stats), utc_now_iso(), target.id, target.id),
        )
        conn.execute("DELETE FROM recipient_lists WHERE id = ?", (provisional,))


def finish_append(
    db: Database,
    provisional: int,
    target: RecipientList,
    columns: list[str],
    stats: dict[str, int],
) -> None:
    """The provisional list's members follow ``target``'s; its new columns are added."""
    with db.transaction() as conn:
        _unchanged(conn, target)
        if (
            conn.execute(
                "SELECT 1 FROM recipient_lists WHERE id = ? AND state = 'importing'", (provisional,)
            ).fetchone()
            is None
        ):
            raise errors.list_busy(target.name)
        (after,) = conn.execute(
            "SELECT coalesce(max(seq), -1) + 1 FROM recipient_blocks WHERE list_id = ?",
            (target.id,),
        ).fetchone()
        conn.execute(
            "UPDATE recipient_blocks SET list_id = ?, seq = seq + ? WHERE list_id = ?",
            (target.id, int(after), provisional),
        )
        _move_rejects(conn, provisional, target.id)
        conn.execute(
            "UPDATE recipient_lists SET columns = ?, stats = ?, updated_at = ?, "
            "revision = revision + 1, member_count = (SELECT coalesce(sum(count), 0) "
            "FROM recipient_blocks WHERE list_id = ?) WHERE id = ?",
            (json.dumps(columns, ensure_ascii=False), json.dumps(stats), utc_now_iso(),
             target.id, target.id),
        )  # fmt: skip
        conn.execute("DELETE FROM recipient_lists WHERE id = ?", (provisional,))
