"""The ``campaigns`` table: one row per campaign sent (or being sent) by any transport.

Shared by the SMTP-API and TEA Lite paths; transport-specific details live in their own
tables (the REST outbox) or columns (``teenvio_id``/``smtp_id``, ``source_system``/
``campaign_ref``). ``content`` keeps a JSON snapshot of the :class:`Campaign` that was sent.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from teenvio_desktop.core.campaign import Campaign, Transport
from teenvio_desktop.core.clock import utc_now_iso
from teenvio_desktop.core.store import Database

# Columns callers may change through :meth:`CampaignRepository.update`.
_UPDATABLE = frozenset(
    {
        "account_name",
        "subject",
        "sender",
        "sender_name",
        "reply_to",
        "reply_to_name",
        "recipients_count",
        "state",
        "teenvio_id",
        "smtp_id",
        "source_system",
        "campaign_ref",
        "content",
        "last_error",
        "sent_at",
    }
)


@dataclass(frozen=True)
class CampaignRecord:
    id: int
    transport: Transport
    account_name: str | None
    subject: str
    sender: str
    sender_name: str
    reply_to: str
    reply_to_name: str
    recipients_count: int
    state: str
    teenvio_id: str | None
    smtp_id: str | None
    source_system: str | None
    campaign_ref: str | None
    content: dict[str, Any] | None
    last_error: str | None
    created_at: str
    updated_at: str
    sent_at: str | None
    is_test: bool = False  # a test send (Results marks it, and may hide it)

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> CampaignRecord:
        fields = cls.__dataclass_fields__
        values = {key: row[key] for key in row.keys() if key in fields}  # noqa: SIM118
        content = values.get("content")
        values["content"] = json.loads(content) if content else None
        if "is_test" in values:
            values["is_test"] = bool(values["is_test"])
        return cls(**values)

    def campaign(self) -> Campaign:
        """The campaign as it was recorded (empty fields when no snapshot was kept)."""
        if self.content is None:
            return Campaign(transport=self.transport, subject=self.subject, sender=self.sender)
        return Campaign.from_dict(self.content)


class CampaignRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create(
        self,
        campaign: Campaign,
        *,
        state: str = "queued",
        recipients_count: int = 0,
        snapshot: bool = True,
        is_test: bool = False,
    ) -> int:
        """Insert a campaign row; joins the caller's transaction when there is one."""
        now = utc_now_iso()
        content = json.dumps(campaign.to_dict(), ensure_ascii=False) if snapshot else None
        rest = campaign.transport == "rest"
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO campaigns (transport, account_name, subject, sender, sender_name,"
                " reply_to, reply_to_name, recipients_count, state, source_system,"
                " campaign_ref, content, created_at, updated_at, is_test)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    campaign.transport,
                    campaign.account_name,
                    campaign.subject,
                    campaign.sender,
                    campaign.sender_name,
                    campaign.reply_to,
                    campaign.reply_to_name,
                    recipients_count,
                    state,
                    campaign.source_system if rest else None,
                    campaign.campaign_ref if rest else None,
                    content,
                    now,
                    now,
                    int(is_test),
                ),
            )
            return int(cursor.lastrowid or 0)

    def get(self, campaign_id: int) -> CampaignRecord | None:
        row = self._db.conn.execute(
            "SELECT * FROM campaigns WHERE id = ?", (campaign_id,)
        ).fetchone()
        return CampaignRecord.from_row(row) if row else None

    def find_rest(self, source_system: str, campaign_ref: str) -> CampaignRecord | None:
        """The TEA Lite campaign with this identity (sourceSystem + campaignId), if any."""
        row = self._db.conn.execute(
            "SELECT * FROM campaigns WHERE transport = 'rest' AND source_system = ?"
            " AND campaign_ref = ?",
            (source_system, campaign_ref),
        ).fetchone()
        return CampaignRecord.from_row(row) if row else None

    def list(self, *, transport: Transport | None = None, limit: int = 500) -> list[CampaignRecord]:
        """Newest first."""
        if transport is None:
            rows = self._db.conn.execute(
                "SELECT * FROM campaigns ORDER BY created_at DESC, id DESC LIMIT ?", (limit,)
            )
        else:
            rows = self._db.conn.execute(
                "SELECT * FROM campaigns WHERE transport = ?"
                " ORDER BY created_at DESC, id DESC LIMIT ?",
                (transport, limit),
            )
        return [CampaignRecord.from_row(r) for r in rows]

    def update(self, campaign_id: int, **fields: Any) -> None:
        """Change some columns (``content`` may be a dict); ``updated_at`` follows."""
        unknown = set(fields) - _UPDATABLE
        if unknown:
            raise ValueError(f"cannot update campaign columns {sorted(unknown)}")
        if "content" in fields and isinstance(fields["content"], dict):
            fields["content"] = json.dumps(fields["content"], ensure_ascii=False)
        fields["updated_at"] = utc_now_iso()
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with self._db.transaction() as conn:
            conn.execute(
                f"UPDATE campaigns SET {assignments} WHERE id = ?",
                (*fields.values(), campaign_id),
            )

    def set_state(self, campaign_id: int, state: str, *, last_error: str | None = None) -> None:
        self.update(campaign_id, state=state, last_error=last_error)
