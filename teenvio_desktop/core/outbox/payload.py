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

import re
import secrets
from dataclasses import dataclass

import msgspec

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.merge import RenderedMessage

# "Request size too big. Maximum request size is 2 MB." (read as 2 MiB, like the sandbox).
MAX_REQUEST_BYTES = 2 * 1024 * 1024
SEND_PATH = "/send"
SEND_WITH_ATTACHMENT_PATH = "/sendWithAttachment"
MESSAGE_TYPE = "email"
JSON = "application/json"
# C0 and C1 controls (CR, LF, TAB, NUL...) and the Unicode line and paragraph separators.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_JSON = msgspec.json.Encoder()


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
        # The same bytes as compact ``json.dumps(..., ensure_ascii=False)`` in UTF-8, about
        # five times faster (a lone surrogate raises UnicodeEncodeError in both).
        body = _JSON.encode(fields)
        return EncodedRequest(SEND_PATH, body, JSON)
    import httpx  # only for attachments: encoding multipart/form-data

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


# Encoded requests kept in memory between the pre-send check and the send.
DEFAULT_KEPT_BYTES = 64 * 1024 * 1024


class PreparedRequests:
    """The requests the pre-send check already rendered and encoded, for the send to use.

    Every message is rendered before anything is sent (merge fields, the 2 MB limit); the
    send then POSTs those very bytes instead of rendering each message a second time. Only
    a budget of bytes is kept (a 100 KB newsletter to 50,000 people would need 5 GB): the
    messages past it, and any message sent by a later run (a resume after a crash), are
    rendered again from the outbox, which gives the same request.
    """

    def __init__(self, budget_bytes: int = DEFAULT_KEPT_BYTES) -> None:
        self._requests: dict[str, EncodedRequest] = {}
        self._left = budget_bytes

    def keep(self, outbound_id: str, request: EncodedRequest) -> None:
        if request.size <= self._left:
            self._requests[outbound_id] = request
            self._left -= request.size

    def take(self, outbound_id: str) -> EncodedRequest | None:
        """The request kept for this message (once: a retry renders it again)."""
        request = self._requests.pop(outbound_id, None)
        if request is not None:
            self._left += request.size
        return request

    def __len__(self) -> int:
        return len(self._requests)
