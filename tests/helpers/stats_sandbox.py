"""Sending a small TEA Lite campaign to the sandbox with a plain HTTP client, and
recording it locally the way the REST sender does (campaign row + outbox rows)."""

from __future__ import annotations

import httpx

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.clock import utc_now_iso
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tealite.connection import TeaLiteConnection

SOURCE = "stats-tests"
HTML = (
    '<p>Hello <a href="https://example.com/offer">=SUM(1+1) offer</a> and '
    '<a href="https://example.com/-minus">@docs</a></p>'
)
RECIPIENTS = (
    "hard-bounce-1@example.net",
    "soft-bounce-1@example.net",
    "clicker-1@example.net",
    "clicker-2@example.net",
    "unsubscribe-1@example.net",
    "silent-1@example.net",
    *(f"person{i}@example.net" for i in range(14)),
)


def connection(sandbox, source: str = SOURCE) -> TeaLiteConnection:  # type: ignore[no-untyped-def]
    return TeaLiteConnection(
        base_url=sandbox.info.api_url, token=sandbox.info.token, source_system=source
    )


def send_rest_campaign(
    db: Database,
    sandbox,  # type: ignore[no-untyped-def]
    campaign_ref: str,
    recipients: tuple[str, ...] = RECIPIENTS,
    source: str = SOURCE,
) -> int:
    """POST /send once per recipient; return the local campaign id (with its outbox)."""
    repo = CampaignRepository(db)
    campaign = Campaign(
        transport="rest",
        subject=f"Stats test {campaign_ref}",
        sender=sandbox.info.senders[0],
        html=HTML,
        text="Hello",
        source_system=source,
        campaign_ref=campaign_ref,
    )
    campaign_id = repo.create(campaign, state="sending", recipients_count=len(recipients))
    now = utc_now_iso()
    with httpx.Client(base_url=sandbox.info.api_url, timeout=10) as client:
        for seq, recipient in enumerate(recipients, start=1):
            outbound = f"{campaign_ref}-{seq}"
            body = {
                "type": "email",
                "outboundId": outbound,
                "campaignId": campaign_ref,
                "sourceSystem": source,
                "sender": sandbox.info.senders[0],
                "senderName": "Demo",
                "replyTo": sandbox.info.senders[0],
                "replyToName": "Demo",
                "recipient": recipient,
                "subjectContentPlainText": campaign.subject,
                "bodyContentHTML": HTML,
                "bodyContentPlainText": "Hello",
            }
            answer = client.post(
                "/send", json=body, headers={"Authorization": f"Basic {sandbox.info.token}"}
            )
            assert answer.status_code == 202, answer.text
            with db.transaction() as conn:
                conn.execute(
                    "INSERT INTO outbox_messages (campaign_id, seq, outbound_id, recipient, "
                    "state, message_id, created_at, updated_at, accepted_at) "
                    "VALUES (?, ?, ?, ?, 'accepted', ?, ?, ?, ?)",
                    (
                        campaign_id,
                        seq,
                        outbound,
                        recipient,
                        answer.json()["messageId"],
                        now,
                        now,
                        now,
                    ),
                )
    repo.update(campaign_id, state="sent", sent_at=now)
    return campaign_id
