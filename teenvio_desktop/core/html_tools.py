"""HTML helpers for the composer: plain text from HTML, CSS inlining, opening files.

- :func:`html_to_text` uses inscriptis (Apache-2.0), which keeps the layout of tables and
  lists and writes links as ``[text](url)`` so they survive in the plain-text part.
- :func:`inline_css` uses css-inline (MIT) to move ``<style>`` rules into ``style``
  attributes, which is what most email clients honour.
- :func:`open_html_file` and :func:`open_eml_file` turn a file into a :class:`Campaign`.
"""

from __future__ import annotations

import html as html_lib
import mimetypes
import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import css_inline
from charset_normalizer import from_bytes
from inscriptis import get_text
from inscriptis.model.config import ParserConfig

from teenvio_desktop.core.campaign import (
    TEENVIO_LANGUAGES,
    Attachment,
    Campaign,
    InlineImage,
    TeenvioOptions,
)
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP

_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
_CID_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


class OpenFileError(TeenvioError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "Could not open {path}: {reason}"),
            path=str(path),
            reason=reason,
        )


def html_to_text(html: str) -> str:
    """The plain-text part for ``html``, with links kept as ``[text](url)``."""
    if not html.strip():
        return ""
    text = get_text(html, ParserConfig(display_links=True))
    # Trim trailing spaces and runs of blank lines that table layouts leave behind.
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def inline_css(html: str) -> str:
    """Move the rules of ``<style>`` blocks into ``style`` attributes."""
    try:
        return str(css_inline.inline(html))
    except ValueError as exc:  # css-inline reports unparsable CSS this way
        raise TeenvioError(
            QT_TRANSLATE_NOOP("errors", "The CSS could not be inlined: {reason}"),
            reason=str(exc),
        ) from exc


def decode_text(data: bytes) -> str:
    """Text of a file in whatever charset it was written (UTF-8 first)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("latin-1")


def html_title(html: str) -> str:
    match = _TITLE.search(html)
    return html_lib.unescape(" ".join(match.group(1).split())) if match else ""


def open_html_file(path: Path) -> Campaign:
    """A campaign whose HTML is the file, subject its ``<title>``, text generated."""
    try:
        html = decode_text(Path(path).read_bytes())
    except OSError as exc:
        raise OpenFileError(path, exc.strerror or str(exc)) from exc
    return Campaign(subject=html_title(html), html=html, text=html_to_text(html))


def _options_from_headers(message: EmailMessage) -> TeenvioOptions:
    options = TeenvioOptions()

    def flag(name: str, default: bool) -> bool:
        value = str(message.get(name, "")).strip().lower()
        return default if not value else value in ("yes", "si", "sí", "1", "true")

    options.show_cab = flag("X-Teenvio-ShowCab", True)
    options.social_links = flag("X-Teenvio-SocialLinks", False)
    options.tracking_opening = flag("X-Teenvio-TrackingOpening", True)
    options.tracking_clicks = flag("X-Teenvio-TrackingClicks", True)
    language = str(message.get("X-Teenvio-Language", "")).strip()
    if language.isdigit() and int(language) in TEENVIO_LANGUAGES:
        options.language = int(language)
    return options


def _first_address(message: EmailMessage, header: str) -> tuple[str, str]:
    value = message.get(header)
    addresses = getattr(value, "addresses", ()) if value is not None else ()
    if not addresses:
        return "", ""
    return str(addresses[0].addr_spec), str(addresses[0].display_name)


def open_eml_file(path: Path) -> Campaign:
    """Subject, sender, reply-to, both parts, inline images, attachments and options."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise OpenFileError(path, exc.strerror or str(exc)) from exc
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)
    html_part = message.get_body(preferencelist=("html",))
    text_part = message.get_body(preferencelist=("plain",))
    if html_part is None and text_part is None:
        raise OpenFileError(path, "no text/html or text/plain part")
    campaign = Campaign(subject=str(message.get("Subject", "") or ""))
    campaign.sender, campaign.sender_name = _first_address(message, "From")
    campaign.reply_to, campaign.reply_to_name = _first_address(message, "Reply-To")
    campaign.options = _options_from_headers(message)
    campaign.html = str(html_part.get_content()) if html_part is not None else ""
    campaign.text = str(text_part.get_content()) if text_part is not None else ""
    if not campaign.text and campaign.html:
        campaign.text = html_to_text(campaign.html)
    for part in message.walk():
        if part.is_multipart() or part is html_part or part is text_part:
            continue
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes):
            continue
        filename = part.get_filename() or ""
        content_id = str(part.get("Content-ID", "")).strip().strip("<>")
        if content_id:
            campaign.images.append(
                InlineImage(content_id, filename or content_id, part.get_content_type(), data)
            )
        else:
            campaign.attachments.append(
                Attachment(filename or "attachment", part.get_content_type(), data)
            )
    return campaign


def image_from_file(path: Path, existing_cids: set[str]) -> InlineImage:
    """An inline image for ``path`` with a Content-ID unique among ``existing_cids``."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise OpenFileError(path, exc.strerror or str(exc)) from exc
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if not content_type.startswith("image/"):
        raise OpenFileError(path, "not an image")
    base = _CID_SAFE.sub("-", Path(path).stem).strip("-").lower() or "image"
    cid, n = base, 1
    while cid in existing_cids:
        n += 1
        cid = f"{base}-{n}"
    return InlineImage(cid=cid, filename=Path(path).name, content_type=content_type, data=data)
