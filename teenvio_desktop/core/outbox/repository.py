"""The ``outbox_messages`` table: every personalised message and where it stands.

States: ``queued`` (never tried), ``sending`` (a request is or was in flight),
``accepted`` (TEA Lite answered 2xx; ``message_id`` when the answer carried one),
``retrying`` (nothing reached the server or it said ``Retriable``; next attempt at
``next_attempt_at``), ``failed`` (a permanent answer or retries exhausted) and
``uncertain`` (the request may have reached the server but no answer says so: it is never
sent again automatically; see ``reconcile.py`` and :func:`resend_uncertain`).

A row is marked ``sending`` (durably) before its POST starts. A ``sending`` row found by
the next run (which holds the campaign's lease, so nobody else is sending it) belongs to a
run that died mid-request: it becomes ``uncertain``, never re-sent blindly, because the
seed does not promise that the server deduplicates by outboundId.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from teenvio_desktop.core.clock import utc_now_iso
from teenvio_desktop.core.store import Database

MessageState = Literal["queued", "sending", "accepted", "retrying", "failed", "uncertain"]
# What a run picks up to send: never ``sending`` (in flight, or interrupted: uncertain).
PENDING_STATES: tuple[MessageState, ...] = ("queued", "retrying")
_COLUMNS = (
    "id, campaign_id, seq, outbound_id, recipient, recipient_name, merge_data, state,"
    " message_id, attempts, next_attempt_at, error_category, error_text, updated_at,"
    " last_attempt_at"
)
# Local error categories (the server's are "Retriable" and "Permanent").
UNCERTAIN_NO_ANSWER = "Uncertain"
UNCERTAIN_INTERRUPTED = "Interrupted"


_MARK_SENDING = (
    "UPDATE outbox_messages SET state = 'sending', attempts = attempts + ?,"
    " last_attempt_at = ?, updated_at = ? WHERE id = ? AND state != 'accepted'"
)
_MARK_ACCEPTED = (
    "UPDATE outbox_messages SET state = 'accepted', message_id = ?, next_attempt_at = NULL,"
    " error_category = NULL, error_text = NULL, accepted_at = ?, updated_at = ? WHERE id = ?"
)
_MARK_OTHER = (
    "UPDATE outbox_messages SET state = ?, next_attempt_at = ?, error_category = ?,"
    " error_text = ?, updated_at = ? WHERE id = ? AND state != 'accepted'"
)


@dataclass(frozen=True)
class OutboxMessage:
    id: int
    campaign_id: int
    seq: int
    outbound_id: str
    recipient: str
    recipient_name: str
    merge_data: dict[str, str]
    state: MessageState
    message_id: str | None
    attempts: int
    next_attempt_at: str | None
    error_category: str | None
    error_text: str | None
    updated_at: str
    last_attempt_at: str | None = None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> OutboxMessage:
        """A row selected as ``_COLUMNS`` (the fields' order), built positionally: by name
        it cost a fifth of reading the outbox's pages during a send."""
        (mid, campaign, seq, outbound, recipient, name, merge, state, message_id, attempts,
         next_at, category, text, updated, last_attempt) = tuple(row)  # fmt: skip
        return cls(mid, campaign, seq, outbound, recipient, name, json.loads(merge or "{}"),
                   state, message_id, attempts, next_at, category, text, updated,
                   last_attempt)  # fmt: skip


@dataclass(frozen=True)
class OutboxCounts:
    queued: int = 0
    sending: int = 0
    accepted: int = 0
    retrying: int = 0
    failed: int = 0
    uncertain: int = 0

    @property
    def total(self) -> int:
        return (
            self.queued + self.sending + self.accepted + self.retrying + self.failed
        ) + self.uncertain

    @property
    def remaining(self) -> int:
        """Messages still to be sent (not accepted, failed or uncertain)."""
        return self.queued + self.sending + self.retrying


@dataclass(frozen=True)
class MessageUpdate:
    """One state change, applied in batches by :meth:`OutboxRepository.apply`."""

    id: int
    state: MessageState
    message_id: str | None = None
    next_attempt_at: str | None = None
    error_category: str | None = None
    error_text: str | None = None
    count_attempt: bool = False  # ``sending``: one more attempt


@dataclass(frozen=True)
class NewMessage:
    seq: int
    outbound_id: str
    recipient: str
    recipient_name: str
    merge_data: dict[str, str]


class OutboxRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def insert(self, conn: sqlite3.Connection, campaign_id: int, rows: Iterable[NewMessage]) -> int:
        """Insert messages inside the caller's transaction (see ``outbox.create``)."""
        now = utc_now_iso()
        cursor = conn.executemany(
            "INSERT INTO outbox_messages (campaign_id, seq, outbound_id, recipient,"
            " recipient_name, merge_data, state, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)",
            (
                (
                    campaign_id,
                    m.seq,
                    m.outbound_id,
                    m.recipient,
                    m.recipient_name,
                    json.dumps(m.merge_data, ensure_ascii=False),
                    now,
                    now,
                )
                for m in rows
            ),
        )
        return cursor.rowcount

    def counts(self, campaign_id: int) -> OutboxCounts:
        rows = self._db.conn.execute(
            "SELECT state, COUNT(*) FROM outbox_messages WHERE campaign_id = ? GROUP BY state",
            (campaign_id,),
        )
        return OutboxCounts(**{str(state): int(n) for state, n in rows})

    def get(self, message_id: int) -> OutboxMessage | None:
        row = self._db.conn.execute(
            f"SELECT {_COLUMNS} FROM outbox_messages WHERE id = ?", (message_id,)
        ).fetchone()
        return OutboxMessage.from_row(row) if row else None

    def pending(
        self, campaign_id: int, *, after_id: int = 0, limit: int = 1000
    ) -> list[OutboxMessage]:
        """The next page of messages still to send, in list order (keyset paging by id)."""
        rows = self._db.conn.execute(
            f"SELECT {_COLUMNS} FROM outbox_messages WHERE campaign_id = ? AND id > ?"
            " AND state IN ('queued', 'retrying') ORDER BY id LIMIT ?",
            (campaign_id, after_id, limit),
        )
        return [OutboxMessage.from_row(r) for r in rows]

    def messages(
        self,
        campaign_id: int,
        *,
        states: Sequence[MessageState] | None = None,
        limit: int = -1,
        offset: int = 0,
    ) -> list[OutboxMessage]:
        where = "campaign_id = ?"
        params: list[object] = [campaign_id]
        if states:
            where += f" AND state IN ({', '.join('?' * len(states))})"
            params.extend(states)
        rows = self._db.conn.execute(
            f"SELECT {_COLUMNS} FROM outbox_messages WHERE {where} ORDER BY seq LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [OutboxMessage.from_row(r) for r in rows]

    def apply(self, updates: Sequence[MessageUpdate]) -> None:
        """Write state changes in order, in one transaction (consecutive changes of one kind
        in one ``executemany``: a statement per message cost as much as its request)."""
        if not updates:
            return
        now = utc_now_iso()
        with self._db.transaction() as conn:
            run: list[tuple[object, ...]] = []
            statement = ""
            for u in updates:
                if u.state == "sending":
                    sql = _MARK_SENDING
                    values: tuple[object, ...] = (1 if u.count_attempt else 0, now, now, u.id)
                elif u.state == "accepted":
                    sql, values = _MARK_ACCEPTED, (u.message_id, now, now, u.id)
                else:
                    sql = _MARK_OTHER
                    values = (u.state, u.next_attempt_at, u.error_category, u.error_text, now)
                    values += (u.id,)
                if sql != statement and run:
                    conn.executemany(statement, run)
                    run = []
                statement = sql
                run.append(values)
            conn.executemany(statement, run)

    def unmark(self, messages: Sequence[OutboxMessage]) -> None:
        """Marked ``sending`` but never started (the run paused or stopped first): back to
        the state they were read in, without the attempt that did not happen."""
        if not messages:
            return
        now = utc_now_iso()
        with self._db.transaction() as conn:
            conn.executemany(
                "UPDATE outbox_messages SET state = ?, attempts = MAX(attempts - 1, 0),"
                " updated_at = ? WHERE id = ? AND state = 'sending'",
                [(m.state, now, m.id) for m in messages],
            )

    def recover_in_flight(self, campaign_id: int) -> int:
        """``sending`` rows of a run that died: their POST may have arrived -> uncertain.

        Call only while holding the campaign's lease (no other run has requests in flight).
        """
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE outbox_messages SET state = 'uncertain', next_attempt_at = NULL,"
                " error_category = ?, error_text = ?, updated_at = ?"
                " WHERE campaign_id = ? AND state = 'sending'",
                (
                    UNCERTAIN_INTERRUPTED,
                    "the sender stopped while this request was in flight",
                    utc_now_iso(),
                    campaign_id,
                ),
            )
            return cursor.rowcount

    def uncertain(self, campaign_id: int) -> list[OutboxMessage]:
        """Every uncertain message of the campaign, in list order."""
        return self.messages(campaign_id, states=["uncertain"])

    def settle_accepted(self, campaign_id: int, found: dict[str, str]) -> list[str]:
        """Uncertain messages whose recipient is a key of ``found`` become accepted.

        ``found`` maps a lower-cased recipient to the messageId the server reported for it
        ('' when none). Returns the recipients settled.
        """
        settled: list[str] = []
        now = utc_now_iso()
        with self._db.transaction() as conn:
            rows = conn.execute(
                "SELECT id, recipient FROM outbox_messages"
                " WHERE campaign_id = ? AND state = 'uncertain' ORDER BY seq",
                (campaign_id,),
            ).fetchall()
            for row_id, recipient in rows:
                key = str(recipient).lower()
                if key not in found:
                    continue
                conn.execute(
                    "UPDATE outbox_messages SET state = 'accepted',"
                    " message_id = COALESCE(NULLIF(?, ''), message_id), next_attempt_at = NULL,"
                    " error_category = NULL, error_text = NULL, accepted_at = ?, updated_at = ?"
                    " WHERE id = ? AND state = 'uncertain'",
                    (found[key], now, now, row_id),
                )
                settled.append(str(recipient))
        return settled

    def requeue_uncertain(
        self, campaign_id: int, recipients: Iterable[str] | None = None
    ) -> list[str]:
        """Uncertain messages (all, or those of ``recipients``) back to the queue.

        Only for an explicit user action: the server may already hold a copy.
        """
        wanted = None if recipients is None else {r.strip().lower() for r in recipients}
        requeued: list[str] = []
        now = utc_now_iso()
        with self._db.transaction() as conn:
            rows = conn.execute(
                "SELECT id, recipient FROM outbox_messages"
                " WHERE campaign_id = ? AND state = 'uncertain' ORDER BY seq",
                (campaign_id,),
            ).fetchall()
            for row_id, recipient in rows:
                if wanted is not None and str(recipient).lower() not in wanted:
                    continue
                conn.execute(
                    "UPDATE outbox_messages SET state = 'queued', attempts = 0,"
                    " next_attempt_at = NULL, updated_at = ? WHERE id = ?",
                    (now, row_id),
                )
                requeued.append(str(recipient))
        return requeued

    def requeue_failed(self, campaign_id: int, *, transient_only: bool = False) -> int:
        """``retry failed``: failed messages go back to the queue with a fresh budget.

        ``transient_only`` leaves out what the server refused for good (``Permanent``) or
        what could not be rendered, keeping those that ran out of retries.
        """
        only = (
            " AND COALESCE(error_category, '') NOT IN ('Permanent', 'Merge', 'Suppressed')"
            if transient_only
            else ""
        )
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE outbox_messages SET state = 'queued', attempts = 0,"
                " next_attempt_at = NULL, updated_at = ?"
                f" WHERE campaign_id = ? AND state = 'failed'{only}",
                (utc_now_iso(), campaign_id),
            )
            return cursor.rowcount

    def table_rows(self, campaign_id: int, *, changed_since: str | None = None) -> list[TableRow]:
        """What a per-message table shows (no merge data), optionally only recent changes.

        ``changed_since`` is compared inclusively (timestamps have one-second precision),
        so a caller passing the newest ``updated_at`` it saw never misses a change.
        """
        sql = (
            "SELECT id, seq, recipient, recipient_name, state, attempts, message_id,"
            " error_category, error_text, updated_at FROM outbox_messages WHERE campaign_id = ?"
        )
        params: list[object] = [campaign_id]
        if changed_since is not None:
            sql += " AND updated_at >= ?"
            params.append(changed_since)
        rows = self._db.conn.execute(sql + " ORDER BY seq", params)
        return [TableRow(*tuple(r)) for r in rows]


@dataclass(frozen=True)
class TableRow:
    id: int
    seq: int
    recipient: str
    recipient_name: str
    state: MessageState
    attempts: int
    message_id: str | None
    error_category: str | None
    error_text: str | None
    updated_at: str


# Pages of write-ahead log between checkpoints while sending (SQLite's default is 1,000).
SEND_CHECKPOINT_PAGES = 4_000


@contextlib.contextmanager
def fewer_checkpoints(db: Database) -> Iterator[None]:
    """Checkpoint the write-ahead log less often while sending.

    A checkpoint copies the log into the database file and syncs it; at SQLite's default
    (every 1,000 pages, a few hundred messages) that was a fifth of the outbox's writing
    time, half with the disk busy. Each commit stays exactly as durable (it is in the log
    either way); the log grows to about 16 MB (4,000 pages of 4 KB), and the first commit
    after the send checkpoints it as usual.
    """
    conn = db.conn
    previous = int(conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    conn.execute(f"PRAGMA wal_autocheckpoint = {SEND_CHECKPOINT_PAGES}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA wal_autocheckpoint = {previous}")
