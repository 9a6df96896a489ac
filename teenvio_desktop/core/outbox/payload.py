"""One TEA Lite request per message: the seed's attributes, as JSON or multipart.

``POST /send`` takes the attributes as a JSON object. ``POST /sendWithAttachment`` takes
``multipart/form-data`` (the seed lists both content types without saying how they
combine): every attribute is a plain form field with the same name as in JSON, and each
file is a part named ``attachment`` (the seed's error ``key not found: attachment`` names
that key). The body is encoded here, once, so its exact size is known before sending and
anything over 2 MB is refused without a network call.

No per-recipient value carries a line break into the API: the subject (merge values
included) and ``recipientName`` end up in message headers, so line breaks and other control
characters in them become single spaces (:func:`single_line`); a person's name or a
subject broken over two lines in a CRM export is still meant as one line. The campaign's own
one-line fields (sender name, reply-to...) are refused instead (``create.py``): the author
can fix those.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass

import httpx

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.merge import RenderedMessage

# "Request size too big. Maximum request size is 2 MB." (read as 2 MiB, like the sandbox).
MAX_REQUEST_BYTES = 2 * 1024 * 1024
SEND_PATH = "/send"
SEND_WITH_ATTACHMENT_PATH = "/sendWithAttachment"
MESSAGE_TYPE = "email"
# C0 and C1 controls (CR, LF, TAB, NUL...) and the Unicode line and paragraph separators.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def single_line(value: str) -> str:
    """``value`` as one header-safe line: controls and line breaks become single spaces."""
    return " ".join(_CONTROLS.sub(" ", value).split())


class RequestTooLarge(TeenvioError):
    def __init__(self, size: int, limit: int, rows: list[int]) -> None:
        self.rows = rows
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "A TEA Lite request would be {size} bytes, over the limit of {limit} bytes "
                "({count} recipients affected). Make the attachments or the content smaller; "
                "nothing was sent.",
            ),
            size=size,
            limit=limit,
            count=len(rows),
        )


@dataclass(frozen=True)
class MessageAddress:
    """The per-message identity the payload needs (an outbox row has these fields)."""

    outbound_id: str
    recipient: str
    recipient_name: str = ""


@dataclass(frozen=True)
class EncodedRequest:
    path: str
    body: bytes
    content_type: str

    @property
    def size(self) -> int:
        return len(self.body)

    def headers(self) -> dict[str, str]:
        return {"Content-Type": self.content_type}


def message_fields(
    campaign: Campaign, address: MessageAddress, rendered: RenderedMessage
) -> dict[str, str]:
    """Every attribute of the seed, the optional ones only when set."""
    fields = {
        "type": MESSAGE_TYPE,
        "outboundId": address.outbound_id,
        "campaignId": campaign.campaign_ref,
        "sourceSystem": campaign.source_system,
        "sender": campaign.sender,
        "senderName": campaign.sender_name,
        "replyTo": campaign.reply_to or campaign.sender,
        "replyToName": campaign.reply_to_name or campaign.sender_name,
        "recipient": address.recipient,
        "subjectContentPlainText": single_line(rendered.subject),
        "bodyContentHTML": rendered.html,
        "bodyContentPlainText": rendered.text,
    }
    name = single_line(address.recipient_name)
    if name:
        fields["recipientName"] = name
    if campaign.list_unsubscribe:
        fields["listUnsubscribe"] = campaign.list_unsubscribe
    if campaign.send_at:
        fields["sendAt"] = campaign.send_at
    return fields


def encode_request(campaign: Campaign, fields: dict[str, str]) -> EncodedRequest:
    """The exact bytes to POST, and where."""
    if not campaign.attachments:
        body = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return EncodedRequest(SEND_PATH, body, "application/json")
    boundary = secrets.token_hex(16)
    content_type = f"multipart/form-data; boundary={boundary}"
    request = httpx.Request(
        "POST",
        "http://localhost" + SEND_WITH_ATTACHMENT_PATH,
        headers={"Content-Type": content_type},
        data=fields,
        files=[("attachment", (a.filename, a.data, a.content_type)) for a in campaign.attachments],
    )
    return EncodedRequest(SEND_WITH_ATTACHMENT_PATH, request.read(), content_type)


def build_request(
    campaign: Campaign, address: MessageAddress, rendered: RenderedMessage
) -> EncodedRequest:
    return encode_request(campaign, message_fields(campaign, address, rendered))
