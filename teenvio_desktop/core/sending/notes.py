"""What a campaign's send left undone, per recipient: for Results and the send summary.

SMTP-API: addresses left out before sending because they need SMTPUTF8 (the server does
not offer it), and addresses the server refused at ``RCPT TO``, with its reply.
TEA Lite: messages whose outcome is unknown ("uncertain": they may have been sent), which
are only sent again when the user asks. Counted in full, named up to ``limit`` (a
million-member list must not become a million-line label).
"""

from __future__ import annotations

from dataclasses import dataclass

from teenvio_desktop.core.smtp.records import NEEDS_SMTPUTF8
from teenvio_desktop.core.store import Database

NAMED_LIMIT = 20


@dataclass(frozen=True)
class SendNotes:
    left_out: tuple[str, ...] = ()  # never given to the transport (it cannot take them)
    left_out_total: int = 0
    refused: tuple[tuple[str, str], ...] = ()  # (address, the server's reply)
    refused_total: int = 0
    uncertain: tuple[str, ...] = ()  # TEA Lite: may have been sent (no answer said so)
    uncertain_total: int = 0

    @property
    def empty(self) -> bool:
        return not (self.left_out_total or self.refused_total or self.uncertain_total)


def send_notes(db: Database, campaign_id: int, limit: int = NAMED_LIMIT) -> SendNotes:
    uncertain_total = int(
        db.conn.execute(
            "SELECT count(*) FROM outbox_messages WHERE campaign_id = ? AND state = 'uncertain'",
            (campaign_id,),
        ).fetchone()[0]
    )
    if uncertain_total:
        named = db.conn.execute(
            "SELECT recipient FROM outbox_messages WHERE campaign_id = ? AND state = 'uncertain'"
            " ORDER BY seq LIMIT ?",
            (campaign_id, limit),
        ).fetchall()
        return SendNotes(uncertain=tuple(r[0] for r in named), uncertain_total=uncertain_total)
    return _smtp_notes(db, campaign_id, limit)


def _smtp_notes(db: Database, campaign_id: int, limit: int) -> SendNotes:
    conn = db.conn
    counts = dict(
        conn.execute(
            "SELECT reply = ?, count(*) FROM smtp_recipients"
            " WHERE campaign_id = ? AND outcome = 'refused' GROUP BY reply = ?",
            (NEEDS_SMTPUTF8, campaign_id, NEEDS_SMTPUTF8),
        ).fetchall()
    )
    if not counts:
        return SendNotes()
    left_out = conn.execute(
        "SELECT email FROM smtp_recipients WHERE campaign_id = ? AND outcome = 'refused'"
        " AND reply = ? ORDER BY email LIMIT ?",
        (campaign_id, NEEDS_SMTPUTF8, limit),
    ).fetchall()
    refused = conn.execute(
        "SELECT email, coalesce(code, '') || ' ' || reply FROM smtp_recipients"
        " WHERE campaign_id = ? AND outcome = 'refused' AND reply != ? ORDER BY email LIMIT ?",
        (campaign_id, NEEDS_SMTPUTF8, limit),
    ).fetchall()
    return SendNotes(
        left_out=tuple(r[0] for r in left_out),
        left_out_total=int(counts.get(1, 0)),
        refused=tuple((r[0], str(r[1]).strip()) for r in refused),
        refused_total=int(counts.get(0, 0)),
    )
