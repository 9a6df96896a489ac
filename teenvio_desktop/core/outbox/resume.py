"""What to offer at start-up (campaigns left unfinished), "retry failed", and the explicit
re-sending of uncertain messages (the only way one is ever sent again).

Which account resumes a campaign is decided by ``core.sending.prepare_resume`` (through the
one credentials resolver); it raises :class:`NoAccountForCampaign` when there is none."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from teenvio_desktop.core.campaigns import CampaignRecord, CampaignRepository
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.outbox.lease import SendLease
from teenvio_desktop.core.outbox.repository import OutboxCounts, OutboxMessage, OutboxRepository
from teenvio_desktop.core.store import Database


@dataclass(frozen=True)
class UnfinishedCampaign:
    record: CampaignRecord
    counts: OutboxCounts


def unfinished_campaigns(db: Database) -> list[UnfinishedCampaign]:
    """TEA Lite campaigns with messages still to send, except those the user cancelled."""
    rows = db.conn.execute(
        "SELECT DISTINCT c.id FROM campaigns c JOIN outbox_messages m ON m.campaign_id = c.id"
        " WHERE c.transport = 'rest' AND c.state != 'cancelled'"
        " AND m.state IN ('queued', 'sending', 'retrying') ORDER BY c.id"
    ).fetchall()
    campaigns, outbox = CampaignRepository(db), OutboxRepository(db)
    found: list[UnfinishedCampaign] = []
    for (campaign_id,) in rows:
        record = campaigns.get(int(campaign_id))
        if record is not None:
            found.append(UnfinishedCampaign(record, outbox.counts(record.id)))
    return found


def retry_failed(db: Database, campaign_id: int, *, transient_only: bool = False) -> int:
    """Put the failed messages back in the queue; send them with ``send_campaign``."""
    requeued = OutboxRepository(db).requeue_failed(campaign_id, transient_only=transient_only)
    if requeued:
        CampaignRepository(db).set_state(campaign_id, "queued")
    return requeued


def uncertain_messages(db: Database, campaign_id: int) -> list[OutboxMessage]:
    """The campaign's messages that may or may not have been received, in list order."""
    return OutboxRepository(db).uncertain(campaign_id)


def campaigns_with_uncertain(db: Database) -> list[UnfinishedCampaign]:
    """TEA Lite campaigns holding uncertain messages (to show "may have been sent")."""
    rows = db.conn.execute(
        "SELECT DISTINCT campaign_id FROM outbox_messages WHERE state = 'uncertain'"
        " ORDER BY campaign_id"
    ).fetchall()
    campaigns, outbox = CampaignRepository(db), OutboxRepository(db)
    found: list[UnfinishedCampaign] = []
    for (campaign_id,) in rows:
        record = campaigns.get(int(campaign_id))
        if record is not None:
            found.append(UnfinishedCampaign(record, outbox.counts(record.id)))
    return found


@dataclass(frozen=True)
class ResendRequest:
    requeued: list[str]  # recipients queued again (send them with ``send_campaign``)
    not_uncertain: list[str]  # asked for, but not uncertain in this campaign


def resend_uncertain(
    db: Database, campaign_id: int, recipients: Sequence[str] | None = None
) -> ResendRequest:
    """Queue uncertain messages again: all of them, or those of ``recipients``.

    The explicit action behind "send again anyway": the server may already hold a copy,
    so a recipient may get the message twice. Raises :class:`CampaignBusy` when another
    sender holds the campaign. Send the queued messages with ``send_campaign``.
    """
    with SendLease(db, campaign_id):
        requeued = OutboxRepository(db).requeue_uncertain(campaign_id, recipients)
    if requeued:
        CampaignRepository(db).set_state(campaign_id, "queued")
    done = {r.lower() for r in requeued}
    missing = [r for r in recipients or [] if r.strip().lower() not in done]
    return ResendRequest(requeued, missing)


class NoAccountForCampaign(TeenvioError):
    def __init__(self, campaign_ref: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "No TEA Lite account is available to resume campaign {campaign}. Add the "
                "account it was sent with, or resume it from the command line.",
            ),
            campaign=campaign_ref,
        )
