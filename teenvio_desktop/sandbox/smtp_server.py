"""The SMTP-API on aiosmtpd, speaking exactly the replies of the seed (sections 3.2.2 and 4).

aiosmtpd does the protocol; :class:`TeenvioSMTP` only swaps its stock reply texts for
Teenvio's (``SEED_REPLIES``) and :class:`TeenvioHandler` implements the account rules.

Choices where the seed is silent (documented here, relied on by the clients' tests):

* AUTH before STARTTLS on the plain port is refused with
  ``530 5.7.0 Must issue a STARTTLS command first`` (a 530 as in section 4, with the
  RFC 3207 text that says what to do). ``SandboxConfig.allow_plain_auth`` lifts it.
* On the plain port EHLO also announces ``STARTTLS`` (before TLS only); otherwise the
  EHLO lines are the seed's lines 003-009.
* Unknown commands answer ``500 5.5.1 Invalid command``; VRFY and EXPN, which Teenvio
  does not offer, answer ``551 Invalid command``.
* Malformed arguments answer ``500 Syntax error``; MAIL parameters other than SIZE and
  BODY, and AUTH mechanisms other than LOGIN, answer ``504 A command parameter is not
  implemented.``
* A DATA with only the ending dot imports the recipients as a contact group, creates no
  campaign and answers ``250 OK`` (no id).
* A DATA the account cannot send answers ``500 Internal error - <reason>``.
* Injected faults: ``451 4.3.0 Error temporal, intentelo de nuevo mas tarde`` for DATA
  (nothing stored); a dropped connection after the campaign was stored.
* Commands, ``FROM:``/``TO:`` and parameters such as ``SIZE=`` are read in any case, as
  RFC 5321 requires (aiosmtpd does so); the AUTH mechanism too (``auth login``), which
  aiosmtpd alone would refuse. Lines ending in a bare LF (the seed's PHP example writes
  ``"EHLO PruebaPHP\n"``) are accepted like CRLF.
"""

from __future__ import annotations

import asyncio
import email.utils
import hmac
import logging
import ssl
import weakref
from datetime import datetime
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session, syntax

from teenvio_desktop.sandbox.mime_intake import IntakeError
from teenvio_desktop.sandbox.service import SandboxService

# aiosmtpd still sets the attribute it deprecates on every successful AUTH (and logs it).
_EXPECTED_NOISE = ("Session.login_data is deprecated",)


class _NoiseFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_EXPECTED_NOISE)


logging.getLogger("mail.log").addFilter(_NoiseFilter())

STARTTLS_FIRST = "530 5.7.0 Must issue a STARTTLS command first"
INVALID_COMMAND = "500 5.5.1 Invalid command"
NOT_OFFERED = "551 Invalid command"
SYNTAX_ERROR = "500 Syntax error"
NOT_IMPLEMENTED = "504 A command parameter is not implemented."
SENDER_REFUSED = "553 Remitente no existente o no validado desde su plan de teenvio"
TEMPORARY_FAILURE = "451 4.3.0 Error temporal, intentelo de nuevo mas tarde"


def too_big(limit: int) -> str:
    return f"552 message size exceeds fixed maximum message size ({limit}) bytes"


def seed_replies(limit: int) -> tuple[tuple[str, str], ...]:
    """aiosmtpd's stock reply (prefix) -> the seed's reply."""
    return (
        ("500 Error: command", INVALID_COMMAND),
        ("500 Error: bad syntax", SYNTAX_ERROR),
        ("501 Syntax:", SYNTAX_ERROR),
        ("503 Error: need RCPT command", "503 valid RCPT and MAIL command must precede DATA"),
        ("530 5.7.0 Authentication required", "530 Authentication required"),
        ("538 5.7.11 Encryption required", STARTTLS_FIRST),
        ("552 Error:", too_big(limit)),
        ("555 ", NOT_IMPLEMENTED),
        ("504 5.5.4 Unrecognized authentication type", NOT_IMPLEMENTED),
        ("354 End data", '354 Enter message, ending with "." on a line by itself'),
    )


def _ascii(text: str) -> str:
    return " ".join(text.encode("ascii", "replace").decode("ascii").split())


class TeenvioSMTP(SMTP):
    """aiosmtpd's server with the seed's wording."""

    AuthLoginUsernameChallenge = "Username:"  # 334 VXNlcm5hbWU6
    AuthLoginPasswordChallenge = "Password:"  # 334 UGFzc3dvcmQ6

    def __init__(
        self, handler: TeenvioHandler, *, implicit_tls: bool, auth_require_tls: bool, **kwargs: Any
    ) -> None:
        super().__init__(handler, auth_require_tls=True, **kwargs)
        # aiosmtpd cannot see implicit TLS and warns (per connection) when told AUTH needs
        # no STARTTLS; setting its flag afterwards says the same without the noise.
        self._auth_require_tls = auth_require_tls
        self.implicit_tls = implicit_tls
        self._replies = seed_replies(handler.service.config.smtp_max_message_size)

    async def push(self, status: Any) -> None:
        if isinstance(status, str):
            for prefix, reply in self._replies:
                if status.startswith(prefix):
                    status = reply
                    break
        await super().push(status)

    @syntax("AUTH <mechanism>")
    async def smtp_AUTH(self, arg: str) -> None:
        # SASL mechanism names are case-insensitive; aiosmtpd matches them exactly.
        mechanism, _, rest = (arg or "").strip().partition(" ")
        await super().smtp_AUTH(f"{mechanism.upper()} {rest}".strip() if mechanism else arg)

    async def smtp_VRFY(self, arg: str) -> None:
        await self.push(NOT_OFFERED)

    async def smtp_EXPN(self, arg: str) -> None:
        await self.push(NOT_OFFERED)

    def tls_active(self) -> bool:
        assert self.session is not None
        return self.implicit_tls or self.session.ssl is not None


class TeenvioHandler:
    """aiosmtpd hooks implementing the account: credentials, senders, campaigns."""

    def __init__(self, service: SandboxService) -> None:
        self.service = service
        # Open sessions, so stopping the sandbox can close them (asyncio.Server.close()
        # leaves accepted connections open before Python 3.13).
        self.sessions: weakref.WeakSet[TeenvioSMTP] = weakref.WeakSet()

    def close_sessions(self) -> None:
        for session in list(self.sessions):
            transport = session.transport
            if isinstance(transport, asyncio.WriteTransport) and not transport.is_closing():
                transport.abort()

    # aiosmtpd calls it as authenticator(server, session, envelope, mechanism, auth_data).
    def authenticate(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        mechanism: str,
        auth_data: Any,
    ) -> AuthResult:
        config = self.service.config
        ok = (
            isinstance(auth_data, LoginPassword)
            and hmac.compare_digest(auth_data.login, config.user.encode())
            and hmac.compare_digest(auth_data.password, config.password.encode())
        )
        if ok:
            return AuthResult(
                success=True, auth_data=auth_data, message="235 Authentication Succeeded"
            )
        return AuthResult(
            success=False, handled=False, message="535 Authentication credentials invalid"
        )

    async def handle_EHLO(
        self,
        server: TeenvioSMTP,
        session: Session,
        envelope: Envelope,
        hostname: str,
        responses: list[str],
    ) -> list[str]:
        session.host_name = hostname
        name = self.service.config.hostname
        lines = [
            f"250-{name} ESMTP API teenvio.com. Hola {hostname}!",
            "250-Recuerda que debes ser un usuario registrado de teenvio.com. http://teenvio.com/",
            "250-Usa este servicio con responsabilidad cumpliendo con las condiciones de uso.",
            "250-AUTH LOGIN",
            f"250-SIZE {self.service.config.smtp_max_message_size}",
        ]
        if server.tls_context is not None and not server.tls_active():
            lines.append("250-STARTTLS")
        return [*lines, "250-HELP", "250 AUTH LOGIN"]

    async def handle_MAIL(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        mail_options: list[str],
    ) -> str:
        if not self.service.is_validated_sender(address):
            return SENDER_REFUSED
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 Accepted"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        faults = self.service.faults
        if faults.latency_s:
            await asyncio.sleep(faults.latency_s)
        if faults.roll("smtp_fail_rate"):
            return TEMPORARY_FAILURE
        raw = envelope.original_content or b""
        recipients = list(envelope.rcpt_tos)
        if not raw.strip():
            self.service.import_contacts(recipients)
            return "250 OK"
        try:
            parsed = self.service.parse_smtp_data(raw)
        except IntakeError as exc:
            return f"500 Internal error - {_ascii(str(exc))}"
        accepted = self.service.accept_smtp_campaign(
            parsed, mail_from=str(envelope.mail_from), recipients=recipients, raw=raw
        )
        if faults.roll("smtp_drop_rate"):
            transport = server.transport
            assert isinstance(transport, asyncio.WriteTransport)
            transport.abort()
            raise asyncio.CancelledError
        return f"250 OK id={accepted.teenvio_id} {accepted.smtp_ident}"

    async def handle_QUIT(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        return "221 2.0.0 Closing connection."

    async def handle_exception(self, error: Exception) -> str:
        return f"500 Internal error - {_ascii(type(error).__name__)}"


def smtp_factory(
    handler: TeenvioHandler,
    loop: asyncio.AbstractEventLoop,
    *,
    tls_context: ssl.SSLContext,
    implicit_tls: bool,
) -> TeenvioSMTP:
    """One protocol object per connection; the greeting carries the connection's date."""
    config = handler.service.config
    moment = email.utils.format_datetime(datetime.now().astimezone())
    server = TeenvioSMTP(
        handler,
        implicit_tls=implicit_tls,
        loop=loop,
        hostname=config.hostname,
        ident=f"ESMTP API teenvio.com {moment}",
        data_size_limit=config.smtp_max_message_size,
        # STARTTLS only on the plain port; the implicit-TLS port is encrypted throughout.
        tls_context=None if implicit_tls else tls_context,
        auth_required=True,
        auth_require_tls=not (implicit_tls or config.allow_plain_auth),
        auth_exclude_mechanism=["PLAIN"],
        authenticator=handler.authenticate,
        timeout=300,
    )
    handler.sessions.add(server)
    return server
