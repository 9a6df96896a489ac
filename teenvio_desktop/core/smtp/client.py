"""One campaign, one SMTP transaction with the Teenvio SMTP-API (seed, section 3.2.2).

The session (connect, TLS or STARTTLS, ``AUTH LOGIN``) is ``core/smtp/connection.py``;
this module adds the transaction: ``MAIL FROM:<addr> SIZE=<n>``, one ``RCPT TO`` per
recipient (each outcome kept), ``DATA``, ``QUIT``. The final ``250 OK id=<n> <hex>``
gives the campaign id and the SMTP id. Each step is checked, reported as progress and
cancellable, and "contacts only" sends exactly the lone ending dot. The size is checked
before MAIL FROM.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from teenvio_desktop.core.addresses import needs_smtputf8
from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.mime import TEENVIO_MAX_MESSAGE_SIZE, build_message, serialize
from teenvio_desktop.core.mime_checks import FIELD_RECIPIENT, FIELD_SENDER, check_address
from teenvio_desktop.core.smtp import errors
from teenvio_desktop.core.smtp.connection import SmtpSession
from teenvio_desktop.core.smtp.settings import SmtpSettings
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback, no_progress

log = logging.getLogger(__name__)

# Progress stages (translated by the UI in context "smtp").
STAGE_PREPARING = QT_TRANSLATE_NOOP("smtp", "Preparing the message")
STAGE_CONNECTING = QT_TRANSLATE_NOOP("smtp", "Connecting")
STAGE_AUTHENTICATING = QT_TRANSLATE_NOOP("smtp", "Authenticating")
STAGE_RECIPIENTS = QT_TRANSLATE_NOOP("smtp", "Adding recipients")
STAGE_DATA = QT_TRANSLATE_NOOP("smtp", "Sending the message")
STAGE_DONE = QT_TRANSLATE_NOOP("smtp", "Done")

_FINAL_ID_RE = re.compile(r"\bid=(\d+)\s+([0-9A-Za-z]+)")
_CRLF = b"\r\n"


@dataclass(frozen=True)
class PreparedSend:
    """Everything checked and built, before any connection: what will be sent."""

    sender: str
    recipients: list[str]  # envelope order, deduplicated, suppression applied
    suppressed: list[str]
    data: bytes | None  # None for "contacts only"
    size: int
    # Left out: addresses that need SMTPUTF8 (non-ASCII before the @), not offered here.
    unsupported: list[str] = field(default_factory=list)

    @property
    def contacts_only(self) -> bool:
        return self.data is None


@dataclass
class SmtpSendResult:
    teenvio_id: str | None
    smtp_id: str | None
    accepted: list[str]
    refused: dict[str, tuple[int, str]]
    size: int
    suppressed: list[str] = field(default_factory=list)
    contacts_only: bool = False
    reply: str = ""
    unsupported: list[str] = field(default_factory=list)  # left out: need SMTPUTF8


def parse_final_reply(text: str) -> tuple[str | None, str | None]:
    """``OK id=1166 fa8896...`` -> ``("1166", "fa8896...")``; Nones when absent."""
    match = _FINAL_ID_RE.search(text)
    return (match.group(1), match.group(2)) if match else (None, None)


def unique_recipients(
    addresses: Collection[str],
    suppressed: Collection[str] = (),
    unsupported: list[str] | None = None,
) -> tuple[list[str], list[str]]:
    """Checked envelope addresses, each once (case-insensitively), minus the suppressed.

    Returns ``(kept, left_out)``; an invalid address raises ``InvalidAddress``. When
    ``unsupported`` is a list, addresses the SMTP-API cannot carry (they need SMTPUTF8)
    are put there, each once, instead of failing the whole send.
    """
    blocked = {s.strip().lower() for s in suppressed}
    seen: set[str] = set()
    kept: list[str] = []
    left_out: list[str] = []
    for raw in addresses:
        if unsupported is not None and needs_smtputf8(raw.strip()):
            key = raw.strip().lower()
            if key not in seen:
                seen.add(key)
                unsupported.append(raw.strip())
            continue
        address = check_address(raw, FIELD_RECIPIENT)
        key = address.lower()
        if key in seen:
            continue
        seen.add(key)
        (left_out if key in blocked or raw.strip().lower() in blocked else kept).append(address)
    return kept, left_out


def prepare_send(
    campaign: Campaign,
    *,
    contacts_only: bool = False,
    suppressed: Collection[str] = (),
    message_id_domain: str | None = None,
) -> PreparedSend:
    """Check the recipients and build the message; nothing touches the network."""
    sender = check_address(campaign.sender, FIELD_SENDER)
    unsupported: list[str] = []
    recipients, left_out = unique_recipients(campaign.recipients, suppressed, unsupported)
    if not recipients:
        if unsupported and not left_out:
            raise errors.OnlyUnsupportedRecipients(unsupported)
        raise errors.NoRecipients(len(left_out))
    if contacts_only:
        return PreparedSend(sender, recipients, left_out, None, 0, unsupported)
    data = serialize(build_message(campaign, message_id_domain=message_id_domain))
    if len(data) > TEENVIO_MAX_MESSAGE_SIZE:
        raise errors.MessageTooLarge(size=len(data), limit=TEENVIO_MAX_MESSAGE_SIZE)
    return PreparedSend(sender, recipients, left_out, data, len(data), unsupported)


def send_campaign_smtp(
    campaign: Campaign,
    settings: SmtpSettings,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    *,
    contacts_only: bool = False,
    suppressed: Collection[str] = (),
) -> SmtpSendResult:
    """Build and send ``campaign`` (or only import its contacts) through the SMTP-API."""
    settings.check()
    progress(Progress(STAGE_PREPARING))
    prepared = prepare_send(campaign, contacts_only=contacts_only, suppressed=suppressed)
    return deliver(prepared, settings, progress, cancel)


def deliver(
    prepared: PreparedSend,
    settings: SmtpSettings,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> SmtpSendResult:
    """Run the SMTP conversation for an already prepared send."""
    cancel = cancel or CancelToken()
    session = SmtpSession(settings)
    with session:
        cancel.raise_if_cancelled()
        progress(Progress(STAGE_CONNECTING, details={"host": session.host}))
        session.open(cancel)
        check_size(session, prepared.size)
        cancel.raise_if_cancelled()
        progress(Progress(STAGE_AUTHENTICATING))
        session.login()
        cancel.raise_if_cancelled()
        mail_from(session, prepared.sender, prepared.size)
        accepted, refused = add_recipients(session, prepared.recipients, progress, cancel)
        if not accepted:
            raise errors.AllRecipientsRefused(refused)
        cancel.raise_if_cancelled()
        progress(Progress(STAGE_DATA, details={"size": prepared.size}))
        reply = send_data(session, prepared.data, prepared.size)
        session.quit()
    teenvio_id, smtp_id = parse_final_reply(reply)
    progress(Progress(STAGE_DONE, done=1, total=1))
    return SmtpSendResult(
        teenvio_id=teenvio_id,
        smtp_id=smtp_id,
        accepted=accepted,
        refused=refused,
        size=prepared.size,
        suppressed=list(prepared.suppressed),
        contacts_only=prepared.contacts_only,
        reply=reply,
        unsupported=list(prepared.unsupported),
    )


# --- the transaction's steps ----------------------------------------------------------------


def check_size(session: SmtpSession, size: int) -> None:
    """Refuse before MAIL FROM when the server advertises a smaller SIZE limit."""
    advertised = session.features.get("size", "").strip()
    limit = TEENVIO_MAX_MESSAGE_SIZE
    if advertised.isdigit() and int(advertised) > 0:
        limit = min(limit, int(advertised))
    if size > limit:
        raise errors.MessageTooLarge(size=size, limit=limit)


def mail_from(session: SmtpSession, sender: str, size: int) -> None:
    line = f"MAIL FROM:<{sender}>"
    if "size" in session.features and size:
        line += f" SIZE={size}"
    code, text = session.command(line)
    if code != 250:
        raise errors.error_for_reply(code, text, sender=sender, size=size)


def add_recipients(
    session: SmtpSession, addresses: list[str], progress: ProgressCallback, cancel: CancelToken
) -> tuple[list[str], dict[str, tuple[int, str]]]:
    """One RCPT TO per address; each refusal kept with the server's reply."""
    accepted: list[str] = []
    refused: dict[str, tuple[int, str]] = {}
    total = len(addresses)
    progress(Progress(STAGE_RECIPIENTS, done=0, total=total))
    for index, address in enumerate(addresses, start=1):
        cancel.raise_if_cancelled()
        code, text = session.command(f"RCPT TO:<{address}>")
        if code in (250, 251):
            accepted.append(address)
        elif code in (421, 503, 530):  # the session, not the address, is the problem
            raise errors.error_for_reply(code, text)
        else:
            refused[address] = (code, text)
        progress(Progress(STAGE_RECIPIENTS, done=index, total=total))
    return accepted, refused


def send_data(session: SmtpSession, payload: bytes | None, size: int) -> str:
    """DATA; the dot-stuffed message (or, for contacts only, just the ending dot)."""
    code, text = session.command("DATA")
    if code != 354:
        raise errors.error_for_reply(code, text, size=size)
    body = b"" if payload is None else _dot_stuffed(payload)
    session.send_raw(body + b"." + _CRLF)
    # From here on a lost connection is ambiguous: Teenvio may have launched it.
    session.data_sent = True
    code, text = session.reply()
    if code != 250:
        raise errors.error_for_reply(code, text, size=size)
    return f"{code} {text}"


def _dot_stuffed(payload: bytes) -> bytes:
    """RFC 5321 transparency: a line starting with "." gets another; ends with CRLF."""
    stuffed = re.sub(rb"(?m)^\.", b"..", payload)
    return stuffed if stuffed.endswith(_CRLF) else stuffed + _CRLF


__all__ = [
    "PreparedSend",
    "SmtpSendResult",
    "deliver",
    "parse_final_reply",
    "prepare_send",
    "send_campaign_smtp",
    "unique_recipients",
]
