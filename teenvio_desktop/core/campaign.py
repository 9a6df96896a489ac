"""A campaign as plain data: what the composer edits, drafts store, and transports send.

Qt-free and serialisable (``to_dict``/``from_dict``) so that drafts, the outbox and the
command line share one model. Validation lives in the modules that use it (``mime.py``,
the pre-send checks); this module only describes.
"""

from __future__ import annotations

import base64
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Transport = Literal["smtp", "rest"]

# Teenvio's languages for the automatic header and footer (SMTP-API seed, section 2.3.3).
TEENVIO_LANGUAGES: dict[int, str] = {
    3: "Spanish",
    4: "English",
    5: "Italian",
    6: "French",
    7: "German",
    8: "Dutch",
    11: "Portuguese",
    13: "Norwegian",
    14: "Swedish",
    15: "Catalan",
    16: "Finnish",
    17: "Galician",
    18: "Basque",
}
DEFAULT_LANGUAGE_ID = 3


@dataclass
class TeenvioOptions:
    """The five ``X-Teenvio-*`` switches, with Teenvio's documented defaults."""

    show_cab: bool = True
    social_links: bool = False
    language: int = DEFAULT_LANGUAGE_ID
    tracking_opening: bool = True
    tracking_clicks: bool = True

    def headers(self) -> list[tuple[str, str]]:
        """Only the headers whose option differs from the default, with the seed's values."""
        if self.language not in TEENVIO_LANGUAGES:
            raise ValueError(f"unknown Teenvio language id {self.language}")
        headers: list[tuple[str, str]] = []
        if not self.show_cab:
            headers.append(("X-Teenvio-ShowCab", "no"))
        if self.social_links:
            headers.append(("X-Teenvio-SocialLinks", "yes"))
        if self.language != DEFAULT_LANGUAGE_ID:
            headers.append(("X-Teenvio-Language", str(self.language)))
        if not self.tracking_opening:
            headers.append(("X-Teenvio-TrackingOpening", "no"))
        if not self.tracking_clicks:
            headers.append(("X-Teenvio-TrackingClicks", "no"))
        return headers


@dataclass
class InlineImage:
    """An image referenced from the HTML as ``cid:<cid>`` (RFC 2392)."""

    cid: str
    filename: str
    content_type: str
    data: bytes


@dataclass
class Attachment:
    """A file attached to the message (Teenvio turns these into links)."""

    filename: str
    content_type: str
    data: bytes


@dataclass
class Campaign:
    subject: str = ""
    sender: str = ""
    sender_name: str = ""
    reply_to: str = ""
    reply_to_name: str = ""
    html: str = ""
    text: str = ""
    images: list[InlineImage] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    options: TeenvioOptions = field(default_factory=TeenvioOptions)
    transport: Transport = "smtp"
    account_name: str | None = None
    # Explicit addresses (SMTP: one RCPT each); or a saved recipient list by id.
    recipients: list[str] = field(default_factory=list)
    recipient_list_id: int | None = None
    # TEA Lite only.
    source_system: str = ""
    campaign_ref: str = ""
    send_at: str | None = None  # YYYYMMDDHHMMSS
    list_unsubscribe: str = ""
    # When set, the HTML part is compiled from this MJML (see core.mjml.compile_campaign).
    mjml_source: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("images", "attachments"):
            for item in data[key]:
                item["data"] = base64.b64encode(item["data"]).decode("ascii")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Campaign:
        data = dict(data)
        images = [
            InlineImage(**{**i, "data": base64.b64decode(i["data"])})
            for i in data.pop("images", [])
        ]
        attachments = [
            Attachment(**{**a, "data": base64.b64decode(a["data"])})
            for a in data.pop("attachments", [])
        ]
        options = TeenvioOptions(**data.pop("options", {}))
        known = {f for f in cls.__dataclass_fields__}
        kwargs = {k: v for k, v in data.items() if k in known}
        return cls(images=images, attachments=attachments, options=options, **kwargs)
