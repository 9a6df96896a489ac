"""Reading an SMTP DATA the way the seed's sections 2.3 and 5 describe.

Only Subject and the X-Teenvio-* headers matter to Teenvio; the message must have a
text/plain and a text/html part; a Reply-To must be a validated sender; attachments
are kept as files and linked from the content, unless the HTML shows them as ``cid:``
images, which become images hosted by the sandbox.

Lenient where the seed is silent, so that the seed's own transcript (section 3.2.2, lines
022-069) is accepted exactly as printed: a header-block line that cannot start a header
field (no ``Name:``, no leading blank: lines 026 and 031 lost their indentation in the
document) continues the previous field; and when a multipart body never uses the
``--boundary`` delimiter but has lines equal to the boundary itself (lines 034, 047 and
069), those lines are read as the delimiters. Both repairs touch nothing a well-formed
message contains (:func:`repair_seed_style`).
"""

from __future__ import annotations

import email
import email.policy
import html as html_lib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.message import EmailMessage, Message
from email.utils import getaddresses

from teenvio_desktop.sandbox.records import StoredFile

TEENVIO_HEADERS = (
    "X-Teenvio-ShowCab",
    "X-Teenvio-SocialLinks",
    "X-Teenvio-Language",
    "X-Teenvio-TrackingOpening",
    "X-Teenvio-TrackingClicks",
)
YES_NO_HEADERS = frozenset(TEENVIO_HEADERS) - {"X-Teenvio-Language"}
# Section 2.3.3 of the seed.
LANGUAGE_IDS = frozenset({3, 4, 5, 6, 7, 8, 11, 13, 14, 15, 16, 17, 18})

HostFile = Callable[[str, str, bytes, "str | None"], StoredFile]


class IntakeError(Exception):
    """The DATA cannot become a campaign; the text follows ``500 Internal error - ``."""


@dataclass(frozen=True)
class ParsedCampaign:
    subject: str
    headers: list[tuple[str, str]]
    teenvio_headers: dict[str, str]
    html_original: str
    html: str
    text: str
    attachments: list[StoredFile]
    inline_images: list[StoredFile]

    def flag(self, header: str, default: bool) -> bool:
        value = self.teenvio_headers.get(header)
        return default if value is None else value.strip().lower() == "yes"


def _canonical(name: str) -> str:
    for known in TEENVIO_HEADERS:
        if known.lower() == name.lower():
            return known
    return name


def _teenvio_headers(message: Message) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, value in message.items():
        if not name.lower().startswith("x-teenvio-"):
            continue
        key, text = _canonical(name), str(value).strip()
        if key in YES_NO_HEADERS and text.lower() not in ("yes", "no"):
            raise IntakeError(f"{key} debe ser yes o no: {text}")
        if key == "X-Teenvio-Language" and (not text.isdigit() or int(text) not in LANGUAGE_IDS):
            raise IntakeError(f"X-Teenvio-Language no reconocido: {text}")
        found[key] = text
    return found


def _check_reply_to(message: Message, senders: Sequence[str]) -> None:
    validated = {s.lower() for s in senders}
    for _, address in getaddresses([str(v) for v in message.get_all("Reply-To", [])]):
        if address and address.lower() not in validated:
            raise IntakeError(f"el Reply-To {address} no es un remitente validado")


def _is_attachment(part: Message) -> bool:
    return part.get_content_disposition() == "attachment"


def _body_text(part: EmailMessage) -> str:
    try:
        return str(part.get_content())
    except (LookupError, UnicodeError):
        payload = part.get_payload(decode=True)
        return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""


def _append_links(html: str, text: str, files: list[StoredFile]) -> tuple[str, str]:
    items = "".join(
        f'<li><a href="{html_lib.escape(f.url)}">{html_lib.escape(f.filename)}</a></li>'
        for f in files
    )
    block = f'<div class="teenvio-adjuntos"><p>Adjuntos:</p><ul>{items}</ul></div>'
    match = re.search(r"</body\s*>", html, re.IGNORECASE)
    html = html[: match.start()] + block + html[match.start() :] if match else html + block
    text = (
        text.rstrip("\n") + "\n\nAdjuntos:\n" + "".join(f"- {f.filename}: {f.url}\n" for f in files)
    )
    return html, text


_FIELD_START = re.compile(rb"^[!-9;-~]+[ \t]*:")
_BOUNDARY = re.compile(rb'boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))', re.IGNORECASE)


def _split_head(raw: bytes) -> tuple[bytes, bytes, bytes]:
    """(header block, separator, body); the separator is the first empty line."""
    match = re.search(rb"\r?\n\r?\n", raw)
    if match is None:
        return raw, b"", b""
    return raw[: match.start()], raw[match.start() : match.end()], raw[match.end() :]


def repair_seed_style(raw: bytes) -> bytes:
    """Fold stray header lines; read bare-boundary lines as delimiters (see the docstring)."""
    head, separator, body = _split_head(raw)
    lines = head.split(b"\n")
    for index, line in enumerate(lines[1:], start=1):
        text = line.rstrip(b"\r")
        if text and not text[:1].isspace() and not _FIELD_START.match(text):
            lines[index] = b" " + line
    head = b"\n".join(lines)
    found = _BOUNDARY.search(head)
    if found is not None:
        boundary = found.group(1) or found.group(2)
        body_lines = body.split(b"\n")
        delimiters = {boundary, boundary + b"--"}
        uses_standard = any(line.rstrip(b"\r").startswith(b"--" + boundary) for line in body_lines)
        if not uses_standard and any(line.rstrip(b"\r") in delimiters for line in body_lines):
            body = b"\n".join(
                b"--" + line if line.rstrip(b"\r") in delimiters else line for line in body_lines
            )
    return head + separator + body


def parse_campaign(raw: bytes, senders: Sequence[str], host_file: HostFile) -> ParsedCampaign:
    """Turn an accepted DATA into a campaign; raise :class:`IntakeError` when it cannot."""
    try:
        message = email.message_from_bytes(repair_seed_style(raw), policy=email.policy.default)
        headers = [(name, str(value)) for name, value in message.items()]
    except (ValueError, TypeError, IndexError) as exc:
        raise IntakeError(f"cabeceras no validas ({exc})") from exc
    assert isinstance(message, EmailMessage)
    teenvio = _teenvio_headers(message)
    _check_reply_to(message, senders)

    text_part: EmailMessage | None = None
    html_part: EmailMessage | None = None
    others: list[EmailMessage] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        assert isinstance(part, EmailMessage)
        kind = part.get_content_type()
        if kind == "text/plain" and text_part is None and not _is_attachment(part):
            text_part = part
        elif kind == "text/html" and html_part is None and not _is_attachment(part):
            html_part = part
        else:
            others.append(part)
    if text_part is None:
        raise IntakeError("el mensaje no tiene parte de texto plano (text/plain)")
    if html_part is None:
        raise IntakeError("el mensaje no tiene parte HTML (text/html)")
    text = _body_text(text_part)
    html_original = html = _body_text(html_part)

    attachments: list[StoredFile] = []
    inline: list[StoredFile] = []
    for index, part in enumerate(others, start=1):
        data = part.get_payload(decode=True)
        payload = data if isinstance(data, bytes) else b""
        filename = part.get_filename() or f"adjunto-{index}"
        content_id = str(part.get("Content-ID", "")).strip().strip("<>") or None
        reference = f"cid:{content_id}" if content_id else None
        if reference and reference.lower() in html.lower():
            hosted = host_file(filename, part.get_content_type(), payload, content_id)
            inline.append(hosted)
            html = re.sub(re.escape(reference), hosted.url, html, flags=re.IGNORECASE)
        else:
            attachments.append(host_file(filename, part.get_content_type(), payload, None))
    if attachments:
        html, text = _append_links(html, text, attachments)
    return ParsedCampaign(
        subject=str(message.get("Subject", "")),
        headers=headers,
        teenvio_headers=teenvio,
        html_original=html_original,
        html=html,
        text=text,
        attachments=attachments,
        inline_images=inline,
    )
