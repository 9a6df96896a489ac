"""Writing a TEA Lite campaign and all its messages to the outbox, before any network call.

Everything that can be checked is checked first (required attributes, addresses, merge
fields for every recipient, the 2 MB request limit), so a campaign either enters the
outbox whole, in one transaction, or not at all. A campaign is identified by
(sourceSystem, campaignId): preparing one that already exists returns it unchanged, which
is how re-running the same command resumes it.
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.clock import parse_teenvio_timestamp
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.merge import MergeTemplates, MergeValidationError, validate_merge
from teenvio_desktop.core.outbox.payload import (
    MAX_REQUEST_BYTES,
    MessageAddress,
    RequestTooLarge,
    build_request,
    single_line,
)
from teenvio_desktop.core.outbox.recipients import InvalidRecipients, Recipient, invalid_addresses
from teenvio_desktop.core.outbox.repository import NewMessage, OutboxRepository
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.suppression import SuppressionList

_LINE_BREAK = re.compile(r"[\r\n]")


class CampaignNotReady(TeenvioError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors", "The campaign cannot be sent through TEA Lite yet: {problems}."
            ),
            problems="; ".join(problems),
        )


class NoRecipients(TeenvioError):
    def __init__(self, suppressed: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "There is nobody to send to ({suppressed} addresses are on the suppression "
                "list). Add recipients.",
            ),
            suppressed=suppressed,
        )


@dataclass(frozen=True)
class PreparedCampaign:
    campaign_id: int
    created: bool  # False: a campaign with this identity existed and is resumed as it is
    messages: int
    suppressed: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


def campaign_problems(campaign: Campaign) -> list[str]:
    """What TEA Lite requires and is missing or malformed (English field names)."""
    problems = [
        f"{label} is required"
        for label, value in (
            ("sourceSystem", campaign.source_system),
            ("campaignId", campaign.campaign_ref),
            ("sender", campaign.sender),
            ("senderName", campaign.sender_name),
            ("subject", campaign.subject),
            ("HTML body", campaign.html),
        )
        if not value.strip()
    ]
    single_line = {
        "sourceSystem": campaign.source_system,
        "campaignId": campaign.campaign_ref,
        "sender": campaign.sender,
        "senderName": campaign.sender_name,
        "replyTo": campaign.reply_to,
        "replyToName": campaign.reply_to_name,
        "listUnsubscribe": campaign.list_unsubscribe,
    }
    problems += [f"{k} must be one line" for k, v in single_line.items() if _LINE_BREAK.search(v)]
    if campaign.send_at:
        try:
            parse_teenvio_timestamp(campaign.send_at)
        except ValueError:
            problems.append("sendAt must be YYYYMMDDHHMMSS")
    return problems


def with_text_part(campaign: Campaign) -> Campaign:
    """bodyContentPlainText is required: derive it from the HTML when none was written."""
    if campaign.text.strip():
        return campaign
    from inscriptis import get_text

    return dataclasses.replace(campaign, text=get_text(campaign.html).strip() + "\n")


def _unique_and_allowed(
    db: Database, recipients: Sequence[Recipient], honour_suppression: bool
) -> tuple[list[Recipient], list[str], list[str]]:
    suppressed_set = SuppressionList(db).all_addresses() if honour_suppression else set()
    seen: set[str] = set()
    kept: list[Recipient] = []
    suppressed: list[str] = []
    duplicates: list[str] = []
    for recipient in recipients:
        key = recipient.email.strip().lower()
        if key in seen:
            duplicates.append(recipient.email)
        elif key in suppressed_set:
            suppressed.append(recipient.email)
        else:
            seen.add(key)
            # The name goes into a header: stored as the one line that will be sent.
            kept.append(
                dataclasses.replace(
                    recipient, email=recipient.email.strip(), name=single_line(recipient.name)
                )
            )
    return kept, suppressed, duplicates


def _check_sizes(campaign: Campaign, recipients: Sequence[Recipient]) -> None:
    templates = MergeTemplates.for_campaign(campaign)
    over: list[int] = []
    largest = 0
    for number, recipient in enumerate(recipients, start=1):
        address = MessageAddress("0" * 32, recipient.email, recipient.name)
        size = build_request(campaign, address, templates.render(recipient.merge_row())).size
        if size > MAX_REQUEST_BYTES:
            over.append(number)
            largest = max(largest, size)
    if over:
        raise RequestTooLarge(largest, MAX_REQUEST_BYTES, over)


def create_rest_campaign(
    db: Database,
    campaign: Campaign,
    recipients: Sequence[Recipient],
    *,
    honour_suppression: bool = True,
    is_test: bool = False,
) -> PreparedCampaign:
    """Check everything, then write the campaign and its messages in one transaction."""
    campaigns = CampaignRepository(db)
    existing = campaigns.find_rest(campaign.source_system, campaign.campaign_ref)
    if existing is not None:
        return PreparedCampaign(existing.id, False, OutboxRepository(db).counts(existing.id).total)
    problems = campaign_problems(campaign)
    if problems:
        raise CampaignNotReady(problems)
    campaign = dataclasses.replace(with_text_part(campaign), transport="rest", recipients=[])
    bad = invalid_addresses(recipients)
    if bad:
        raise InvalidRecipients(bad)
    kept, suppressed, duplicates = _unique_and_allowed(db, recipients, honour_suppression)
    if not kept:
        raise NoRecipients(len(suppressed))
    report = validate_merge(campaign, [r.merge_row() for r in kept])
    if not report.ok:
        raise MergeValidationError(report)
    _check_sizes(campaign, kept)
    rows = [
        NewMessage(seq, uuid.uuid4().hex, r.email, r.name, dict(r.merge_row()))
        for seq, r in enumerate(kept, start=1)
    ]
    try:
        with db.transaction() as conn:
            campaign_id = campaigns.create(
                campaign, state="queued", recipients_count=len(rows), is_test=is_test
            )
            OutboxRepository(db).insert(conn, campaign_id, rows)
    except sqlite3.IntegrityError:
        # Another process created the same campaign meanwhile: resume that one.
        existing = campaigns.find_rest(campaign.source_system, campaign.campaign_ref)
        if existing is None:
            raise
        return PreparedCampaign(existing.id, False, OutboxRepository(db).counts(existing.id).total)
    return PreparedCampaign(campaign_id, True, len(rows), suppressed, duplicates)


def create_from_composer(db: Database, campaign: Campaign, *, is_test: bool = False) -> int:
    """The composer's campaign into the outbox (its list or typed addresses); its id."""
    from teenvio_desktop.core.outbox.recipients import recipients_for

    recipients = recipients_for(db, campaign)
    return create_rest_campaign(db, campaign, recipients, is_test=is_test).campaign_id
