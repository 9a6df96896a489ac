"""The TEA Lite outbox: campaigns and personalised messages written before sending."""

from teenvio_desktop.core.outbox.create import (
    CampaignNotReady,
    NoRecipients,
    PreparedCampaign,
    create_from_composer,
    create_rest_campaign,
)
from teenvio_desktop.core.outbox.payload import MAX_REQUEST_BYTES, RequestTooLarge
from teenvio_desktop.core.outbox.recipients import (
    InvalidRecipients,
    Recipient,
    read_recipient_file,
    recipients_for,
    recipients_from_list,
)
from teenvio_desktop.core.outbox.repository import (
    MessageState,
    OutboxCounts,
    OutboxMessage,
    OutboxRepository,
)
from teenvio_desktop.core.outbox.resume import (
    NoAccountForCampaign,
    UnfinishedCampaign,
    retry_failed,
    unfinished_campaigns,
)
from teenvio_desktop.core.outbox.sender import (
    SendControl,
    SendOptions,
    SendSummary,
    UnknownCampaign,
    send_campaign,
)

__all__ = [
    "MAX_REQUEST_BYTES",
    "CampaignNotReady",
    "InvalidRecipients",
    "MessageState",
    "NoAccountForCampaign",
    "NoRecipients",
    "OutboxCounts",
    "OutboxMessage",
    "OutboxRepository",
    "PreparedCampaign",
    "Recipient",
    "RequestTooLarge",
    "SendControl",
    "SendOptions",
    "SendSummary",
    "UnfinishedCampaign",
    "UnknownCampaign",
    "create_from_composer",
    "create_rest_campaign",
    "read_recipient_file",
    "recipients_for",
    "recipients_from_list",
    "retry_failed",
    "send_campaign",
    "unfinished_campaigns",
]
