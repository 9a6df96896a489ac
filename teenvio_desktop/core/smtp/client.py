"""One campaign, one SMTP transaction with the Teenvio SMTP-API (seed, section 3.2.2).

``EHLO``, ``STARTTLS`` (or implicit TLS), ``AUTH LOGIN``, ``MAIL FROM:<addr> SIZE=<n>``,
one ``RCPT TO`` per recipient (each outcome kept), ``DATA``, ``QUIT``; the final
``250 OK id=<n> <hex>`` gives the campaign id and the SMTP id. The conversation is driven
through smtplib's low-level commands so that each step is checked, reported as progress
and cancellable, and so that "contacts only" sends exactly the lone ending dot.

Safety: certificates and host names are verified; AUTH is never sent on an unencrypted
connection except to loopback; the size is checked before MAIL FROM.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import re
import smtplib
import socket
import ssl
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.logsetup import register_secret
from teenvio_desktop.core.mime import TEENVIO_MAX_MESSAGE_SIZE, build_message, serialize
from teenvio_desktop.core.mime_checks import FIELD_RECIPIENT, FIELD_SENDER, check_address
from teenvio_desktop.core.smtp import errors
from teenvio_desktop.core.smtp.settings import SmtpSettings, is_loopback_host
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
_VERIFY_EXPIRED = {9, 10}  # OpenSSL: certificate not yet valid / has expired
_VERIFY_WRONG_HOST = {62, 64}  # OpenSSL: host name / IP address mismatch
_CRLF = b"\r\n"
GREETING_TIMEOUT_S = 15.0
ABANDON_TIMEOUT_S = 2.0
# An address literal: no lookup of (and no leak of) this computer's name.
EHLO_NAME = "[127.0.0.1]"


@dataclass(frozen=True)
class PreparedSend:
    """Everything checked and built, before any connection: what will be sent."""

    sender: str
    recipients: list[str]  # envelope order, deduplicated, suppression applied
    suppressed: list[str]
    data: bytes | None  # None for "contacts only"
    size: int

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


def parse_final_reply(text: str) -> tuple[str | None, str | None]:
    """``OK id=1166 fa8896...`` -> ``("1166", "fa8896...")``; Nones when absent."""
    match = _FINAL_ID_RE.search(text)
    return (match.group(1), match.group(2)) if match else (None, None)


def unique_recipients(
    addresses: Collection[str], suppressed: Collection[str] = ()
) -> tuple[list[str], list[str]]:
    """Checked envelope addresses, each once (case-insensitively), minus the suppressed.

    Returns ``(kept, left_out)``; an invalid address raises ``InvalidAddress``.
    """
    blocked = {s.strip().lower() for s in suppressed}
    seen: set[str] = set()
    kept: list[str] = []
    left_out: list[str] = []
    for raw in addresses:
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
    recipients, left_out = unique_recipients(campaign.recipients, suppressed)
    if not recipients:
        raise errors.NoRecipients(len(left_out))
    if contacts_only:
        return PreparedSend(sender, recipients, left_out, None, 0)
    data = serialize(build_message(campaign, message_id_domain=message_id_domain))
    if len(data) > TEENVIO_MAX_MESSAGE_SIZE:
        raise errors.MessageTooLarge(size=len(data), limit=TEENVIO_MAX_MESSAGE_SIZE)
    return PreparedSend(sender, recipients, left_out, data, len(data))


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
    settings = settings.check()
    cancel = cancel or CancelToken()
    register_secret(settings.password)
    session = _Session(settings)
    try:
        cancel.raise_if_cancelled()
        progress(Progress(STAGE_CONNECTING, details={"host": settings.host}))
        session.connect()
        session.check_size(prepared.size)
        cancel.raise_if_cancelled()
        progress(Progress(STAGE_AUTHENTICATING))
        session.authenticate()
        cancel.raise_if_cancelled()
        session.mail_from(prepared.sender, prepared.size)
        accepted, refused = session.recipients(prepared.recipients, progress, cancel)
        if not accepted:
            raise errors.AllRecipientsRefused(refused)
        cancel.raise_if_cancelled()
        progress(Progress(STAGE_DATA, details={"size": prepared.size}))
        reply = session.data(prepared.data, prepared.size)
        session.quit()
    except BaseException:  # Cancelled included: leave the server politely
        session.abandon()
        raise
    finally:
        session.close()
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
    )


def _text(raw: bytes | str) -> str:
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw


class _Session:
    """One smtplib connection with every failure turned into an explained error."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self.host = settings.host.strip()
        self.port = settings.port
        self.client: smtplib.SMTP | None = None
        self.encrypted = False
        self.data_sent = False

    # --- errors -----------------------------------------------------------------------

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        """Network, TLS and protocol exceptions -> errors naming host and port."""
        host, port = self.host, self.port
        try:
            yield
        except errors.SmtpError:
            raise
        except ssl.SSLCertVerificationError as exc:
            detail = exc.verify_message or str(exc)
            if exc.verify_code in _VERIFY_EXPIRED:
                raise errors.CertificateExpired(host, port, detail) from exc
            if exc.verify_code in _VERIFY_WRONG_HOST:
                raise errors.CertificateWrongHost(host, port, detail) from exc
            raise errors.CertificateUntrusted(host, port, detail) from exc
        except ssl.SSLError as exc:
            if self.encrypted:
                raise errors.ConnectionLost(
                    host, port, after_data=self.data_sent, detail=exc.reason or str(exc)
                ) from exc
            raise errors.TlsHandshakeFailed(host, port, exc.reason or str(exc)) from exc
        except socket.gaierror as exc:
            raise errors.HostNotFound(host, port) from exc
        except ConnectionRefusedError as exc:
            raise errors.ConnectionRefused(host, port) from exc
        except smtplib.SMTPServerDisconnected as exc:
            if self.client is None or (not self.encrypted and self.settings.security == "tls"):
                raise errors.TlsHandshakeFailed(host, port, str(exc)) from exc
            raise errors.ConnectionLost(
                host, port, after_data=self.data_sent, detail=str(exc) or "disconnected"
            ) from exc
        except TimeoutError as exc:
            if self.client is None or self.client.sock is None:
                raise errors.ConnectTimeout(host, port) from exc
            raise errors.ConnectionLost(
                host, port, after_data=self.data_sent, detail="timed out"
            ) from exc
        except smtplib.SMTPResponseException as exc:
            raise errors.error_for_reply(exc.smtp_code, _text(exc.smtp_error)) from exc
        except OSError as exc:
            if self.client is None or self.client.sock is None:
                raise errors.ConnectionRefused(host, port) from exc
            raise errors.ConnectionLost(
                host, port, after_data=self.data_sent, detail=exc.strerror or str(exc)
            ) from exc

    def _reply(self) -> tuple[int, str]:
        assert self.client is not None
        code, text = self.client.getreply()
        return code, _text(text)

    def _command(self, line: str) -> tuple[int, str]:
        assert self.client is not None
        with self._guard():
            self.client.putcmd(line)
            return self._reply()

    # --- steps ------------------------------------------------------------------------

    def _context(self) -> ssl.SSLContext:
        try:
            return self.settings.ssl_context()
        except (OSError, ssl.SSLError) as exc:
            raise errors.InvalidSettings(
                QT_TRANSLATE_NOOP(
                    "errors", "The CA file {path} cannot be used ({detail}). Check the file."
                ),
                path=self.settings.ca_file or "",
                detail=str(exc),
            ) from exc

    def connect(self) -> None:
        security, timeout = self.settings.security, self.settings.timeout
        context = self._context() if security != "none" else None
        with self._guard():
            if security == "tls":
                assert context is not None
                client: smtplib.SMTP = smtplib.SMTP_SSL(
                    local_hostname=EHLO_NAME, timeout=timeout, context=context
                )
            else:
                client = smtplib.SMTP(local_hostname=EHLO_NAME, timeout=timeout)
            client.ehlo_msg = "EHLO"  # as the seed writes it (smtplib sends "ehlo")
            client._host = self.host  # type: ignore[attr-defined]  # SNI and host check
            # For SMTP_SSL this includes the handshake and the certificate check.
            client.sock = client._get_socket(self.host, self.port, timeout)  # type: ignore[attr-defined]
            self.client = client
            self.encrypted = security == "tls"
            # A shorter wait for the greeting: a STARTTLS client on a TLS port gets none.
            client.sock.settimeout(min(timeout, GREETING_TIMEOUT_S))
            try:
                code, text = self._reply()
            except (TimeoutError, smtplib.SMTPServerDisconnected) as exc:
                if security == "tls":
                    raise
                raise errors.NoGreeting(self.host, self.port) from exc
            client.sock.settimeout(timeout)
            if code != 220:
                raise errors.error_for_reply(code, text)
            self._ehlo()
            if security == "starttls":
                if not client.has_extn("starttls"):
                    raise errors.StartTlsNotOffered(self.host, self.port)
                assert context is not None
                code, text = self._command("STARTTLS")
                if code != 220:
                    raise errors.TlsHandshakeFailed(self.host, self.port, f"{code} {text}")
                client.sock = context.wrap_socket(client.sock, server_hostname=self.host)
                client.file = None
                self.encrypted = True
                # RFC 3207: forget what was learnt before TLS and greet again.
                client.helo_resp = client.ehlo_resp = None
                client.esmtp_features = {}
                client.does_esmtp = False
                self._ehlo()
        if not self.encrypted and not is_loopback_host(self.host):  # pragma: no cover
            raise errors.InsecureConnectionRefused(self.host)  # settings.check() stops it first

    def _ehlo(self) -> None:
        assert self.client is not None
        code, text = self.client.ehlo()
        if code != 250:
            raise errors.error_for_reply(code, _text(text))

    def check_size(self, size: int) -> None:
        """Refuse before MAIL FROM when the server advertises a smaller SIZE limit."""
        assert self.client is not None
        advertised = self.client.esmtp_features.get("size", "").strip()
        limit = TEENVIO_MAX_MESSAGE_SIZE
        if advertised.isdigit() and int(advertised) > 0:
            limit = min(limit, int(advertised))
        if size > limit:
            raise errors.MessageTooLarge(size=size, limit=limit)

    def authenticate(self) -> None:
        """AUTH LOGIN exactly as the seed shows it: user and password each in base64."""
        if not self.encrypted and not is_loopback_host(self.host):  # pragma: no cover
            raise errors.InsecureConnectionRefused(self.host)
        settings = self.settings
        steps = (
            ("AUTH LOGIN", 334),
            (base64.b64encode(settings.user.encode()).decode("ascii"), 334),
            (base64.b64encode(settings.password.encode()).decode("ascii"), 235),
        )
        for line, expected in steps:
            code, text = self._command(line)
            if code != expected:
                raise errors.error_for_reply(code, text)

    def mail_from(self, sender: str, size: int) -> None:
        assert self.client is not None
        line = f"MAIL FROM:<{sender}>"
        if self.client.has_extn("size") and size:
            line += f" SIZE={size}"
        code, text = self._command(line)
        if code != 250:
            raise errors.error_for_reply(code, text, sender=sender, size=size)

    def recipients(
        self, addresses: list[str], progress: ProgressCallback, cancel: CancelToken
    ) -> tuple[list[str], dict[str, tuple[int, str]]]:
        accepted: list[str] = []
        refused: dict[str, tuple[int, str]] = {}
        total = len(addresses)
        progress(Progress(STAGE_RECIPIENTS, done=0, total=total))
        for index, address in enumerate(addresses, start=1):
            cancel.raise_if_cancelled()
            code, text = self._command(f"RCPT TO:<{address}>")
            if code in (250, 251):
                accepted.append(address)
            elif code in (421, 503, 530):  # the session, not the address, is the problem
                raise errors.error_for_reply(code, text)
            else:
                refused[address] = (code, text)
            progress(Progress(STAGE_RECIPIENTS, done=index, total=total))
        return accepted, refused

    def data(self, payload: bytes | None, size: int) -> str:
        """DATA; the dot-stuffed message (or, for contacts only, just the ending dot)."""
        assert self.client is not None
        code, text = self._command("DATA")
        if code != 354:
            raise errors.error_for_reply(code, text, size=size)
        body = b"" if payload is None else _dot_stuffed(payload)
        with self._guard():
            self.client.send(body + b"." + _CRLF)
            # From here on a lost connection is ambiguous: Teenvio may have launched it.
            self.data_sent = True
            code, text = self._reply()
        if code != 250:
            raise errors.error_for_reply(code, text, size=size)
        return f"{code} {text}"

    def quit(self) -> None:
        """QUIT politely; the campaign is already launched, so failures here are ignored."""
        if self.client is None:
            return
        with contextlib.suppress(errors.SmtpError):
            self._command("QUIT")

    def abandon(self) -> None:
        """After a failure or cancel: QUIT, briefly, ignoring a broken connection."""
        if self.client is None or self.client.sock is None:
            return
        with contextlib.suppress(smtplib.SMTPException, OSError):
            # A server that just timed out must not hold the user for another timeout.
            self.client.sock.settimeout(min(ABANDON_TIMEOUT_S, self.settings.timeout))
            self.client.putcmd("QUIT")
            self.client.getreply()

    def close(self) -> None:
        if self.client is not None:
            with contextlib.suppress(OSError):
                self.client.close()


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
