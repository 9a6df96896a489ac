"""The TEA Lite outbox: campaigns and personalised messages written before sending.

The API the GUI builds on (all Qt-free):

* :func:`create_rest_campaign` / :func:`create_from_composer`: write a campaign whole.
* :func:`send_campaign`: send what is queued; :class:`SendSummary` counts ``uncertain``
  messages apart. :class:`CampaignBusy` when another sender holds the campaign.
* :func:`uncertain_messages`, :func:`campaigns_with_uncertain`: what "may have been sent".
* :func:`reconcile_once` / :func:`reconcile_with_patience`: settle uncertain messages
  through /responses. :func:`resend_uncertain`: the explicit "send again anyway".
* :func:`current_holder`: who is sending a campaign right now.
"""

from teenvio_desktop.core.outbox.create import (
    CampaignNotReady,
    NoRecipients,
    PreparedCampaign,
    create_from_composer,
    create_rest_campaign,
)
from teenvio_desktop.core.outbox.lease import (
    CampaignBusy,
    LeaseHolder,
    LeaseLost,
    LeaseOptions,
    current_holder,
    ensure_not_busy,
)
from teenvio_desktop.core.outbox.payload import MAX_REQUEST_BYTES, RequestTooLarge
from teenvio_desktop.core.outbox.recipients import (
    InvalidRecipients,
    Recipient,
    read_recipient_file,
    recipients_for,
    recipients_from_list,
)
from teenvio_desktop.core.outbox.reconcile import (
    ReconcileOptions,
    ReconcileResult,
    reconcile_once,
    reconcile_with_patience,
)
from teenvio_desktop.core.outbox.repository import (
    MessageState,
    OutboxCounts,
    OutboxMessage,
    OutboxRepository,
)
from teenvio_desktop.core.outbox.resume import (
    NoAccountForCampaign,
    ResendRequest,
    UnfinishedCampaign,
    campaigns_with_uncertain,
    resend_uncertain,
    retry_failed,
    uncertain_messages,
    unfinished_campaigns,
)
from teenvio_desktop.core.outbox.sender import (
    STAGE_RECONCILING,
    STAGE_SENDING,
    SendControl,
    SendOptions,
    SendSummary,
    UnknownCampaign,
    send_campaign,
)

__all__ = [
    "MAX_REQUEST_BYTES",
    "STAGE_RECONCILING",
    "STAGE_SENDING",
    "CampaignBusy",
    "CampaignNotReady",
    "InvalidRecipients",
    "LeaseHolder",
    "LeaseLost",
    "LeaseOptions",
    "MessageState",
    "NoAccountForCampaign",
    "NoRecipients",
    "OutboxCounts",
    "OutboxMessage",
    "OutboxRepository",
    "PreparedCampaign",
    "Recipient",
    "ReconcileOptions",
    "ReconcileResult",
    "RequestTooLarge",
    "ResendRequest",
    "SendControl",
    "SendOptions",
    "SendSummary",
    "UnfinishedCampaign",
    "UnknownCampaign",
    "campaigns_with_uncertain",
    "create_from_composer",
    "create_rest_campaign",
    "current_holder",
    "ensure_not_busy",
    "read_recipient_file",
    "recipients_for",
    "recipients_from_list",
    "reconcile_once",
    "reconcile_with_patience",
    "resend_uncertain",
    "retry_failed",
    "send_campaign",
    "uncertain_messages",
    "unfinished_campaigns",
]
