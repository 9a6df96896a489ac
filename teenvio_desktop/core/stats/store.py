"""Writing statistics into the store: deduplicated inserts, sync state, linking.

Every insert is ``ON CONFLICT DO NOTHING`` on the table's natural key, so an overlapping
or repeated sync never stores an event twice; the number of rows actually added is
returned (``total_changes`` before/after, exact even for ``executemany``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from teenvio_desktop.core.clock import utc_now_iso
from teenvio_desktop.core.stats.events import OutboxLinks
from teenvio_desktop.core.store import Database

# The pseudo-feed recording a campaign's last complete sync and its last error.
CAMPAIGN_FEED = "_campaign"

_INSERT = {
    "responses": (
        "INSERT INTO stats_responses (campaign_id, source_system, campaign_ref, message_id, "
        "recipient, type, error_code, error_text, event_time, extra, outbox_id, seq) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
    ),
    "bounces": (
        "INSERT INTO stats_bounces (campaign_id, source_system, message_id, recipient, type, "
        "error_code, error_text, event_time, extra, outbox_id, seq) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
    ),
    "interactions": (
        "INSERT INTO stats_interactions (campaign_id, source_system, id_campaign, id_message, "
        "email, type, event_time, link, link_name, ip, extra, outbox_id, seq) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
    ),
    "unsubscribes": (
        "INSERT INTO stats_unsubscribes (campaign_id, source_system, recipient, id_campaign, "
        "id_message, date_request, extra, outbox_id, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING"
    ),
}


@dataclass(frozen=True)
class StatsCampaign:
    """What syncing needs to know about one local campaign."""

    id: int
    transport: str
    subject: str
    source_system: str
    campaign_ref: str  # REST: campaignId; SMTP: the Teenvio id from "250 OK id=<n>"
    account_name: str | None
    created_at: str
    sent_at: str | None
    recipients_count: int
    state: str
    is_test: bool = False

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> StatsCampaign:
        transport = str(row["transport"])
        ref = row["campaign_ref"] if transport == "rest" else row["teenvio_id"]
        return cls(
            id=int(row["id"]),
            transport=transport,
            subject=str(row["subject"] or ""),
            source_system=str(row["source_system"] or ""),
            campaign_ref=str(ref or ""),
            account_name=row["account_name"],
            created_at=str(row["created_at"]),
            sent_at=row["sent_at"],
            recipients_count=int(row["recipients_count"] or 0),
            state=str(row["state"] or ""),
            is_test=bool(row["is_test"]),
        )


@dataclass(frozen=True)
class SyncState:
    synced_until: str | None
    last_sync_at: str | None
    last_error: str | None
    last_error_at: str | None


class StatsStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- campaigns -----------------------------------------------------------------------
    def campaign(self, campaign_id: int) -> StatsCampaign | None:
        row = self.db.conn.execute(
            "SELECT * FROM campaigns WHERE id = ?", (campaign_id,)
        ).fetchone()
        return None if row is None else StatsCampaign.from_row(row)

    def campaigns(self) -> list[StatsCampaign]:
        rows = self.db.conn.execute("SELECT * FROM campaigns ORDER BY created_at DESC, id DESC")
        return [StatsCampaign.from_row(r) for r in rows]

    def ensure_rest_campaign(self, source_system: str, campaign_ref: str) -> int:
        """The local campaign for a TEA Lite campaign, created (state 'external') if unknown."""
        now = utc_now_iso()
        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT id FROM campaigns WHERE transport = 'rest' AND source_system = ? "
                "AND campaign_ref = ?",
                (source_system, campaign_ref),
            ).fetchone()
            if row is not None:
                return int(row[0])
            cursor = conn.execute(
                "INSERT INTO campaigns (transport, source_system, campaign_ref, state, "
                "created_at, updated_at) VALUES ('rest', ?, ?, 'external', ?, ?)",
                (source_system, campaign_ref, now, now),
            )
            return int(cursor.lastrowid or 0)

    # -- inserts -------------------------------------------------------------------------
    def insert(self, table: str, rows: Sequence[tuple[Any, ...]]) -> int:
        """Insert ``rows`` into one stats table in one transaction; return rows added."""
        if not rows:
            return 0
        with self.db.transaction() as conn:
            before = conn.total_changes
            conn.executemany(_INSERT[table], rows)
            return conn.total_changes - before

    # -- sync state ----------------------------------------------------------------------
    def sync_state(self, scope: str, endpoint: str) -> SyncState:
        row = self.db.conn.execute(
            "SELECT synced_until, last_sync_at, last_error, last_error_at FROM stats_sync_state "
            "WHERE scope = ? AND endpoint = ?",
            (scope, endpoint),
        ).fetchone()
        if row is None:
            return SyncState(None, None, None, None)
        return SyncState(*row)

    def mark_synced(
        self, scope: str, endpoint: str, campaign_id: int | None, synced_until: str
    ) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO stats_sync_state (scope, endpoint, campaign_id, synced_until, "
                "last_sync_at, last_error, last_error_at) VALUES (?, ?, ?, ?, ?, NULL, NULL) "
                "ON CONFLICT(scope, endpoint) DO UPDATE SET synced_until = excluded.synced_until,"
                " last_sync_at = excluded.last_sync_at, last_error = NULL, last_error_at = NULL",
                (scope, endpoint, campaign_id, synced_until, utc_now_iso()),
            )

    def mark_failed(self, scope: str, endpoint: str, campaign_id: int | None, error: str) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO stats_sync_state (scope, endpoint, campaign_id, last_error, "
                "last_error_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(scope, endpoint) DO UPDATE "
                "SET last_error = excluded.last_error, last_error_at = excluded.last_error_at",
                (scope, endpoint, campaign_id, error, utc_now_iso()),
            )

    def campaign_sync_status(self, campaign_id: int) -> SyncState:
        """When the campaign was last synced completely, and the last error since then."""
        return self.sync_state(f"campaign:{campaign_id}", CAMPAIGN_FEED)

    # -- linking -------------------------------------------------------------------------
    def outbox_links(self, campaign_id: int) -> OutboxLinks:
        """The campaign's outbox (REST messages), keyed for linking events to messages."""
        links = OutboxLinks()
        rows = self.db.conn.execute(
            "SELECT id, outbound_id, message_id, recipient FROM outbox_messages "
            "WHERE campaign_id = ?",
            (campaign_id,),
        )
        for row_id, outbound_id, message_id, recipient in rows:
            if message_id:
                links.by_message[str(message_id)] = int(row_id)
            if outbound_id:
                links.by_message.setdefault(str(outbound_id), int(row_id))
            links.by_recipient[str(recipient).lower()] = int(row_id)
        return links

    def settle_uncertain(self, campaign_id: int) -> int:
        """Uncertain outbox messages with an entry in the campaign's /responses: accepted.

        Any entry (delivered or bounced) proves the server received the message.
        """
        rows = self.db.conn.execute(
            "SELECT lower(o.recipient), COALESCE((SELECT r.message_id FROM stats_responses r"
            " WHERE r.campaign_id = o.campaign_id AND lower(r.recipient) = lower(o.recipient)"
            " AND r.message_id != '' LIMIT 1), '') FROM outbox_messages o"
            " WHERE o.campaign_id = ? AND o.state = 'uncertain' AND EXISTS (SELECT 1 FROM"
            " stats_responses r WHERE r.campaign_id = o.campaign_id"
            " AND lower(r.recipient) = lower(o.recipient))",
            (campaign_id,),
        ).fetchall()
        if not rows:
            return 0
        from teenvio_desktop.core.outbox.repository import OutboxRepository

        found = {str(recipient): str(message_id) for recipient, message_id in rows}
        return len(OutboxRepository(self.db).settle_accepted(campaign_id, found))

    def link_bounces(self, campaign: StatsCampaign, source_system: str) -> int:
        """Attach unlinked bounces of the campaign's source system to it.

        /bounces is only filtered by source system, so a bounce belongs to this campaign
        when its messageId is one of the campaign's messages in /responses, or, without a
        messageId, when its recipient got this campaign (loose, by address).
        """
        with self.db.transaction() as conn:
            before = conn.total_changes
            conn.execute(
                "UPDATE stats_bounces SET campaign_id = ? WHERE campaign_id IS NULL "
                "AND source_system = ? AND message_id != '' AND message_id IN "
                "(SELECT message_id FROM stats_responses WHERE campaign_id = ?)",
                (campaign.id, source_system, campaign.id),
            )
            conn.execute(
                "UPDATE stats_bounces SET campaign_id = ?, outbox_id = (SELECT o.id FROM "
                "outbox_messages AS o WHERE o.campaign_id = ? AND o.recipient = "
                "stats_bounces.recipient COLLATE NOCASE) WHERE campaign_id IS NULL "
                "AND source_system = ? AND message_id = '' AND lower(recipient) IN "
                "(SELECT lower(recipient) FROM stats_responses WHERE campaign_id = ? UNION "
                "SELECT lower(recipient) FROM outbox_messages WHERE campaign_id = ?)",
                (campaign.id, campaign.id, source_system, campaign.id, campaign.id),
            )
            return conn.total_changes - before
