"""A campaign as the MIME message the Teenvio SMTP-API expects.

Shape (SMTP-API seed, section 2.3): ``multipart/alternative`` with a text/plain and a
text/html part (Teenvio refuses a message without both); ``multipart/related`` around the
HTML when it has inline ``cid:`` images (RFC 2392); other attachments in
``multipart/mixed`` (allowed, but Teenvio turns them into links, so they are flagged).
Bodies use 7-bit safe transfer encodings because the server does not offer 8BITMIME;
non-ASCII header text is RFC 2047 encoded. Every header value is checked for line breaks
first, and the built header block is parsed back to prove nothing was altered or injected.
"""

from __future__ import annotations

import email.policy
import email.utils
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesHeaderParser

from teenvio_desktop.core.campaign import TEENVIO_LANGUAGES, Campaign
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.mime_checks import (
    FIELD_ATTACHMENT_NAME,
    FIELD_ATTACHMENT_TYPE,
    FIELD_HTML,
    FIELD_IMAGE_NAME,
    FIELD_IMAGE_TYPE,
    FIELD_OPTION,
    FIELD_REPLY_TO,
    FIELD_REPLY_TO_NAME,
    FIELD_SENDER,
    FIELD_SENDER_NAME,
    FIELD_SUBJECT,
    FIELD_TEXT,
    InvalidFieldValue,
    MissingField,
    UnencodableField,
    check_address,
    check_cid,
    check_mime_type,
    check_single_line,
)

# The server's documented limit (seed, sections 2.2 and 4: 512000 bytes).
TEENVIO_MAX_MESSAGE_SIZE = 512_000
# policy.SMTP (CRLF line ends, RFC 2047 headers) restricted to 7-bit bodies.
SMTP_POLICY = email.policy.SMTP.clone(cte_type="7bit")
UNDISCLOSED_RECIPIENTS = "undisclosed-recipients:;"

_LINE_END_RE = re.compile(r"\r\n|\r|\n")
_CID_REF_RE = re.compile(r"""cid:([^"'\s)>]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class MessageWarning:
    """Something legal but probably unintended; ``template`` is translatable."""

    template: str
    params: dict[str, str]


def html_to_text(html: str) -> str:
    """A plain-text part from the HTML, with links kept as ``[text](url)``."""
    from inscriptis import get_text
    from inscriptis.css_profiles import CSS_PROFILES
    from inscriptis.model.config import ParserConfig

    if not html.strip():
        return ""
    return str(get_text(html, ParserConfig(css=CSS_PROFILES["strict"], display_links=True)))


def normalize_body(text: str) -> str:
    """``text`` as it reads back from the message: CRLF, CR and LF become LF, one at the end."""
    lines = _LINE_END_RE.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def _check_body(text: str, field: str) -> str:
    if any("\ud800" <= char <= "\udfff" for char in text):
        raise UnencodableField(field)
    return normalize_body(text)


def referenced_cids(html: str) -> set[str]:
    """The Content-IDs the HTML refers to through ``cid:`` URLs."""
    return {m.group(1) for m in _CID_REF_RE.finditer(html)}


def message_warnings(campaign: Campaign) -> list[MessageWarning]:
    """What the composer should flag before sending (nothing here stops a send)."""
    warnings: list[MessageWarning] = []
    for attachment in campaign.attachments:
        warnings.append(
            MessageWarning(
                QT_TRANSLATE_NOOP(
                    "warnings",
                    'Teenvio turns the attachment "{name}" into a download link.',
                ),
                {"name": attachment.filename},
            )
        )
    cids = referenced_cids(campaign.html)
    known = {image.cid for image in campaign.images}
    for image in campaign.images:
        if image.cid not in cids:
            warnings.append(
                MessageWarning(
                    QT_TRANSLATE_NOOP(
                        "warnings",
                        'The inline image "{cid}" is not used in the HTML; Teenvio will treat '
                        "it as an attachment.",
                    ),
                    {"cid": image.cid},
                )
            )
    for cid in sorted(cids - known):
        warnings.append(
            MessageWarning(
                QT_TRANSLATE_NOOP(
                    "warnings", 'The HTML shows the image "cid:{cid}", but no such image is added.'
                ),
                {"cid": cid},
            )
        )
    return warnings


@dataclass(frozen=True)
class _Headers:
    subject: str
    sender: Address
    reply_to: Address | None
    teenvio: list[tuple[str, str]]


def _checked_headers(campaign: Campaign) -> _Headers:
    subject = check_single_line(campaign.subject, FIELD_SUBJECT).strip()
    sender_addr = check_address(campaign.sender, FIELD_SENDER)
    sender_name = check_single_line(campaign.sender_name, FIELD_SENDER_NAME).strip()
    reply_to: Address | None = None
    if campaign.reply_to.strip() or campaign.reply_to_name:
        reply_addr = check_address(campaign.reply_to, FIELD_REPLY_TO)
        reply_name = check_single_line(campaign.reply_to_name, FIELD_REPLY_TO_NAME).strip()
        reply_to = Address(display_name=reply_name, addr_spec=reply_addr)
    options = campaign.options
    if options.language not in TEENVIO_LANGUAGES:
        raise InvalidFieldValue(FIELD_OPTION, f"X-Teenvio-Language: {options.language!s:.40}")
    teenvio = [(name, check_single_line(value, FIELD_OPTION)) for name, value in options.headers()]
    return _Headers(
        subject=subject,
        sender=Address(display_name=sender_name, addr_spec=sender_addr),
        reply_to=reply_to,
        teenvio=teenvio,
    )


def build_message(
    campaign: Campaign,
    *,
    message_id_domain: str | None = None,
    now: datetime | None = None,
) -> EmailMessage:
    """The message for ``campaign``; a :class:`MessageFieldError` when a field is unusable.

    An empty plain-text part is generated from the HTML (Teenvio needs both parts).
    """
    headers = _checked_headers(campaign)
    if not campaign.html.strip():
        raise MissingField(FIELD_HTML)
    html = _check_body(campaign.html, FIELD_HTML)
    text = campaign.text if campaign.text.strip() else html_to_text(html)
    text = _check_body(text, FIELD_TEXT)

    msg = EmailMessage(policy=SMTP_POLICY)
    domain = message_id_domain or headers.sender.domain
    msg["Message-ID"] = email.utils.make_msgid(domain=check_single_line(domain, FIELD_SENDER))
    msg["Date"] = email.utils.format_datetime(now or datetime.now(UTC).replace(microsecond=0))
    msg["From"] = headers.sender
    if headers.reply_to is not None:
        msg["Reply-To"] = headers.reply_to
    msg["To"] = UNDISCLOSED_RECIPIENTS
    msg["Subject"] = headers.subject
    for name, value in headers.teenvio:
        msg[name] = value

    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(html, subtype="html", charset="utf-8")
    if campaign.images:
        html_part = list(msg.iter_parts())[1]
        assert isinstance(html_part, EmailMessage)
        for image in campaign.images:
            maintype, subtype = check_mime_type(image.content_type, FIELD_IMAGE_TYPE)
            html_part.add_related(
                image.data,
                maintype=maintype,
                subtype=subtype,
                cid=f"<{check_cid(image.cid)}>",
                disposition="inline",
                filename=_filename(image.filename, FIELD_IMAGE_NAME),
            )
            _verify_filename(list(html_part.iter_parts())[-1], image.filename, FIELD_IMAGE_NAME)
    for attachment in campaign.attachments:
        maintype, subtype = check_mime_type(attachment.content_type, FIELD_ATTACHMENT_TYPE)
        msg.add_attachment(
            attachment.data,
            maintype=maintype,
            subtype=subtype,
            filename=_filename(attachment.filename, FIELD_ATTACHMENT_NAME),
        )
        _verify_filename(list(msg.iter_parts())[-1], attachment.filename, FIELD_ATTACHMENT_NAME)
    for part in msg.walk():
        if part is not msg:  # the stdlib repeats MIME-Version in every part; only the top counts
            del part["MIME-Version"]
    _verify_headers(msg, headers)
    return msg


def _filename(value: str, field: str) -> str | None:
    return check_single_line(value, field).strip() or None


def _verify_filename(part: object, name: str, field: str) -> None:
    """The file name must read back unchanged from the folded Content-Disposition."""
    assert isinstance(part, EmailMessage)
    expected = name.strip() or None
    disposition = part.get("Content-Disposition")
    if disposition is None or expected is None:
        return
    folded = SMTP_POLICY.fold_binary("Content-Disposition", disposition)
    parsed = BytesHeaderParser(policy=email.policy.default).parsebytes(folded + b"\r\n")
    if parsed.get_filename() != expected:
        raise UnencodableField(field)


def serialize(msg: EmailMessage) -> bytes:
    """The exact bytes sent after DATA (CRLF line ends, before SMTP dot-stuffing)."""
    return msg.as_bytes(policy=SMTP_POLICY)


def encoded_size(msg: EmailMessage) -> int:
    """The message size in bytes as sent (RFC 1870's SIZE)."""
    return len(serialize(msg))


def header_block(data: bytes) -> str:
    """The header block of serialized message ``data`` (ASCII, CRLF line ends)."""
    end = data.find(b"\r\n\r\n")
    block = data if end < 0 else data[: end + 2]
    return block.decode("ascii")


def raw_headers_preview(campaign: Campaign) -> str:
    """The header block exactly as it will be sent (for the composer's "headers" view).

    Message-ID, Date and the MIME boundary are generated per build, so they differ from
    one preview to the next; everything else is byte for byte what the server receives.
    """
    return header_block(serialize(build_message(campaign)))


def _fold(msg: EmailMessage) -> bytes:
    return b"".join(SMTP_POLICY.fold_binary(name, value) for name, value in msg.raw_items())


def _verify_headers(msg: EmailMessage, expected: _Headers) -> None:
    """Parse the folded headers back and require exactly what the campaign said."""
    parsed = BytesHeaderParser(policy=email.policy.default).parsebytes(_fold(msg) + b"\r\n")
    if parsed.get_all("Subject", []) != [expected.subject]:
        raise UnencodableField(FIELD_SUBJECT)
    _verify_address(parsed, "From", expected.sender, FIELD_SENDER_NAME)
    if expected.reply_to is not None:
        _verify_address(parsed, "Reply-To", expected.reply_to, FIELD_REPLY_TO_NAME)
    teenvio = [(k, str(v)) for k, v in parsed.items() if k.lower().startswith("x-teenvio-")]
    if teenvio != expected.teenvio:
        raise UnencodableField(FIELD_OPTION)
    if len(parsed.keys()) != len(msg.keys()):  # pragma: no cover - defence in depth
        raise UnencodableField(FIELD_SUBJECT)


def _verify_address(parsed: EmailMessage, name: str, expected: Address, field: str) -> None:
    values = parsed.get_all(name, [])
    addresses: tuple[Address, ...] = ()
    if len(values) == 1:
        addresses = tuple(getattr(values[0], "addresses", ()))
    if len(addresses) != 1:
        raise UnencodableField(field)
    got = addresses[0]
    if got.display_name != expected.display_name or got.addr_spec != expected.addr_spec:
        raise UnencodableField(field)
