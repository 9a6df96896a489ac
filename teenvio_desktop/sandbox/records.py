"""Plain records of what the sandbox received and generated, for tests and the GUI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class StoredFile:
    """An attachment turned into a link, or a ``cid:`` image hosted by the sandbox."""

    file_id: int
    filename: str
    content_type: str
    size: int
    url: str
    content_id: str | None = None


@dataclass(frozen=True)
class ReceivedCampaign:
    """One accepted SMTP DATA: the campaign, its content piece and its contact group."""

    teenvio_id: int
    smtp_ident: str
    created_at: str  # YYYYMMDDHHMMSS, UTC
    user: str
    mail_from: str
    recipients: tuple[str, ...]
    subject: str
    # Every header of the message as received (decoded), in order.
    headers: tuple[tuple[str, str], ...]
    # The X-Teenvio-* headers, keys as the seed spells them (e.g. "X-Teenvio-Language").
    teenvio_headers: dict[str, str]
    html: str  # the stored content piece: cid: images hosted, attachment links added
    html_original: str
    text: str
    attachments: tuple[StoredFile, ...]
    inline_images: tuple[StoredFile, ...]
    contact_group_id: int
    size: int
    raw: bytes = field(repr=False)

    @property
    def campaign_id(self) -> str:
        """The id TEA Lite's statistics endpoints know this campaign by."""
        return str(self.teenvio_id)

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        for key, value in self.headers:
            if key.lower() == lowered:
                return value
        return None

    @property
    def html_as_delivered(self) -> str:
        """``html`` with what Teenvio adds per its X-Teenvio-* headers (an approximation).

        Built by the same module as the composer's "as Teenvio will send it" preview, so
        the two agree; derived on demand from the content piece and the headers kept above.
        """
        from teenvio_desktop.core.preview_modes.teenvio_blocks import as_delivered

        return as_delivered(self.html, self.teenvio_headers)


@dataclass(frozen=True)
class ReceivedMessage:
    """One message to one recipient, from ``POST /send``, ``/sendWithAttachment`` or SMTP."""

    message_id: str
    transport: str  # "rest" or "smtp"
    source_system: str
    campaign_id: str
    outbound_id: str | None
    recipient: str
    recipient_name: str | None
    sender: str | None
    sender_name: str | None
    reply_to: str | None
    reply_to_name: str | None
    subject: str | None
    html: str | None
    text: str | None
    list_unsubscribe: str | None
    type: str | None
    send_at: str | None
    accepted_at: str  # YYYYMMDDHHMMSS, UTC
    attachments: tuple[StoredFile, ...] = ()
    payload: dict[str, Any] = field(default_factory=dict)
    smtp_campaign_id: int | None = None


@dataclass(frozen=True)
class ContactGroup:
    group_id: int
    name: str
    created_at: str
    emails: tuple[str, ...]
    smtp_campaign_id: int | None  # None for a DATA with only the ending dot (import only)


@dataclass(frozen=True)
class OutcomeSummary:
    """What the sandbox generated for one campaign, counted like a stats pane would."""

    messages: int = 0
    delivered: int = 0
    bounces_hard: int = 0
    bounces_soft: int = 0
    opens: int = 0
    unique_opens: int = 0
    clicks: int = 0
    unique_clicks: int = 0
    unsubscribes: int = 0
