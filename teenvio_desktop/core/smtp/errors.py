"""The SMTP-API's answers (seed, section 4) and session failures, as actionable errors.

Every error keeps the server's code and text (``server_code``/``server_text``) next to an
explanation that says what to do. :func:`error_for_reply` maps a reply to its class.
"""

from __future__ import annotations

import re
from typing import Any

from teenvio_desktop.core.connection_errors import (
    CertificateExpired,
    CertificateUntrusted,
    CertificateWrongHost,
    ConnectionFailed,
    ConnectionRefused,
    ConnectTimeout,
    HostNotFound,
    NetworkError,
    TlsError,
    TlsFailed,
)
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP

# What only an SMTP session can report is defined here; reaching the server (names, ports,
# certificates) is shared with every transport in core/connection_errors.py.
__all__ = [
    "AllRecipientsRefused",
    "AuthenticationFailed",
    "AuthenticationRequired",
    "BadSequence",
    "CertificateExpired",
    "CertificateUntrusted",
    "CertificateWrongHost",
    "ConnectTimeout",
    "ConnectionFailed",
    "ConnectionLost",
    "ConnectionRefused",
    "HostNotFound",
    "InsecureConnectionRefused",
    "InternalError",
    "InvalidCommand",
    "InvalidSettings",
    "MessageTooLarge",
    "NetworkError",
    "NoGreeting",
    "NoRecipients",
    "OnlyUnsupportedRecipients",
    "ParameterNotImplemented",
    "SenderNotValidated",
    "SmtpError",
    "StartTlsNotOffered",
    "TemporaryFailure",
    "TlsError",
    "TlsFailed",
    "TlsHandshakeFailed",
    "TlsOnPlainPort",
    "UnexpectedReply",
    "error_for_reply",
]


class SmtpError(TeenvioError):
    """Base of the SMTP-API's replies and of unusable settings. ``retriable``: the same send
    may work later. Failures to reach the server are ``ConnectionFailed`` errors."""

    retriable = False


# --- replies from the server (section 4) ----------------------------------------------


class SenderNotValidated(SmtpError):
    def __init__(self, code: int, text: str, *, sender: str = "") -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "Teenvio refused the sender {sender}: the sender (and the reply-to address, "
                "if any) must exist and be validated in your Teenvio plan. Validate it in "
                "Teenvio or choose a validated sender, then send again. Nothing was sent.",
            ),
            server_code=code,
            server_text=text,
            sender=sender,
        )


class AuthenticationFailed(SmtpError):
    def __init__(self, code: int, text: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "Teenvio rejected the user name or password. Check the user, which has the "
                "form usuario.nombredeplan, and the password you use to sign in to Teenvio. "
                "Nothing was sent.",
            ),
            server_code=code,
            server_text=text,
        )


class MessageTooLarge(SmtpError):
    def __init__(self, *, size: int, limit: int, code: int | None = None, text: str = "") -> None:
        self.size, self.limit = size, limit
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The message is {size} bytes; the limit is {limit} bytes. Make it smaller "
                "(fewer or smaller images and attachments, shorter HTML), then send again. "
                "Nothing was sent.",
            ),
            server_code=code,
            server_text=text or None,
            size=size,
            limit=limit,
        )


class AuthenticationRequired(SmtpError):
    def __init__(self, code: int, text: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The server requires logging in (over an encrypted connection) before this "
                "command. Check the account's user, password and security setting (TLS or "
                "STARTTLS). Nothing was sent.",
            ),
            server_code=code,
            server_text=text,
        )


class BadSequence(SmtpError):
    def __init__(self, code: int, text: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The server expected a valid sender and at least one recipient (MAIL FROM and "
                "RCPT TO) before the message. Check the sender and recipients and send again; "
                "report it if it happens again. Nothing was sent.",
            ),
            server_code=code,
            server_text=text,
        )


class ParameterNotImplemented(SmtpError):
    def __init__(self, code: int, text: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The server does not implement a parameter of a command this application "
                "sent. Check that the host is Teenvio's SMTP-API; update teenvio-desktop or "
                "report it if it persists.",
            ),
            server_code=code,
            server_text=text,
        )


class InvalidCommand(SmtpError):
    def __init__(self, code: int, text: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The server did not recognise a command. Check that the host and port are "
                "those of Teenvio's SMTP-API; report it if it persists.",
            ),
            server_code=code,
            server_text=text,
        )


class InternalError(SmtpError):
    def __init__(self, code: int, text: str, *, reason: str) -> None:
        self.reason = reason
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "Teenvio could not launch the campaign: {reason}. This usually means the plan "
                "has too few sends left, too many contacts, or the message is incomplete (it "
                "needs a plain-text and an HTML part). Fix that and send again.",
            ),
            server_code=code,
            server_text=text,
            reason=reason,
        )


class TemporaryFailure(SmtpError):
    retriable = True

    def __init__(self, code: int, text: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The server could not handle the send right now (a temporary error). The "
                "campaign was not launched; try again in a few minutes.",
            ),
            server_code=code,
            server_text=text,
        )


class UnexpectedReply(SmtpError):
    def __init__(self, code: int, text: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The server answered with an error this application does not know. The "
                "campaign was not launched; read the server's answer below.",
            ),
            server_code=code,
            server_text=text,
        )


class AllRecipientsRefused(SmtpError):
    def __init__(self, refused: dict[str, tuple[int, str]]) -> None:
        self.refused = dict(refused)
        first_code, first_text = next(iter(refused.values()), (None, ""))
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The server refused every recipient ({count}), so nothing was sent. Check the "
                "addresses; the first refusal is shown below.",
            ),
            server_code=first_code,
            server_text=first_text or None,
            count=len(refused),
        )


class NoRecipients(SmtpError):
    def __init__(self, suppressed: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "There is nobody to send to: add recipients. ({suppressed} address(es) were "
                "left out because they are on the suppression list.)",
            ),
            suppressed=suppressed,
        )


class OnlyUnsupportedRecipients(SmtpError):
    """Every recipient needs SMTPUTF8 (non-ASCII before the @), which the SMTP-API lacks."""

    def __init__(self, addresses: list[str]) -> None:
        self.addresses = addresses
        shown = ", ".join(addresses[:10]) + (" …" if len(addresses) > 10 else "")
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The SMTP-API cannot take any of these recipients: their addresses have "
                "characters other than plain letters and digits before the @ ({addresses}), "
                "which the SMTP-API does not support. Send through TEA Lite, or correct the "
                "addresses.",
            ),
            addresses=shown,
        )


# --- settings and connection ------------------------------------------------------------


class InsecureConnectionRefused(SmtpError):
    def __init__(self, host: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "Refusing to connect to {host} without encryption: the password would travel "
                "in clear text. Unencrypted connections are only allowed to this computer "
                "(localhost). Choose TLS (port 46500) or STARTTLS (port 58700).",
            ),
            host=host,
        )


class InvalidSettings(SmtpError):
    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template, **params)


class NoGreeting(ConnectionFailed):
    """Connected, but the server never said hello: usually STARTTLS aimed at a TLS port."""

    def __init__(self, host: str, port: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "{host} accepted the connection on port {port} but did not greet. The port "
                "probably expects TLS from the start: choose TLS security (port 46500), or "
                "STARTTLS on port 58700. Nothing was sent.",
            ),
            host=host,
            port=port,
        )


class ConnectionLost(ConnectionFailed):
    """The connection broke (or timed out) in the middle of the conversation."""

    retriable = True

    def __init__(self, host: str, port: int, *, after_data: bool, detail: str = "") -> None:
        self.after_data = after_data
        template = (
            QT_TRANSLATE_NOOP(
                "errors",
                "The connection to {host} (port {port}) was lost after the message was "
                "sent, before Teenvio confirmed it ({detail}). The campaign may have been "
                "launched: check Teenvio's statistics before sending it again.",
            )
            if after_data
            else QT_TRANSLATE_NOOP(
                "errors",
                "The connection to {host} (port {port}) was lost or timed out ({detail}). "
                "The campaign was not launched; try again.",
            )
        )
        super().__init__(template, host=host, port=port, detail=detail)


class TlsHandshakeFailed(TlsError):
    def __init__(self, host: str, port: int, detail: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The secure connection to {host} (port {port}) failed ({detail}): nothing was "
                "sent and no credentials were sent. Check the port and security setting: "
                "46500 uses TLS from the start, 58700 uses STARTTLS.",
            ),
            host=host,
            port=port,
            detail=detail,
        )


class TlsOnPlainPort(TlsHandshakeFailed):
    """TLS from the start aimed at a port that greets in plain text (a STARTTLS port)."""

    def __init__(self, host: str, port: int, detail: str) -> None:
        TlsError.__init__(
            self,
            QT_TRANSLATE_NOOP(
                "errors",
                "Port {port} of {host} does not speak TLS from the start ({detail}): it "
                "probably expects STARTTLS. Nothing was sent and no credentials were sent. "
                "Check the port and security setting: 46500 uses TLS from the start, 58700 "
                "uses STARTTLS.",
            ),
            host=host,
            port=port,
            detail=detail,
        )


class StartTlsNotOffered(TlsError):
    """The server refused STARTTLS (or did not answer it): the password stays unsent."""

    def __init__(self, host: str, port: int, reply: str = "") -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "{host} (port {port}) does not offer STARTTLS, so the connection cannot be "
                "encrypted. It was closed before logging in: nothing was sent and no "
                "credentials were sent. Check the port and security setting.",
            ),
            server_text=reply or None,
            host=host,
            port=port,
        )


# --- mapping ------------------------------------------------------------------------------

_LIMIT_RE = re.compile(r"\((\d+)\)")
_INTERNAL_RE = re.compile(r"^Internal error\s*-?\s*(.*)$", re.IGNORECASE | re.DOTALL)


def error_for_reply(
    code: int, text: str, *, sender: str = "", size: int | None = None
) -> SmtpError:
    """The error for an unexpected reply ``code text`` from the SMTP-API."""
    if code == 553:
        return SenderNotValidated(code, text, sender=sender)
    if code == 535:
        return AuthenticationFailed(code, text)
    if code == 552:
        match = _LIMIT_RE.search(text)
        limit = int(match.group(1)) if match else 512_000
        return MessageTooLarge(size=size or 0, limit=limit, code=code, text=text)
    if code == 530:
        return AuthenticationRequired(code, text)
    if code == 503:
        return BadSequence(code, text)
    if code == 504:
        return ParameterNotImplemented(code, text)
    if code == 500:
        internal = _INTERNAL_RE.match(text.strip())
        if internal:
            return InternalError(code, text, reason=internal.group(1).strip() or text)
        return InvalidCommand(code, text)
    if code == 551:
        return InvalidCommand(code, text)
    if 400 <= code < 500:
        return TemporaryFailure(code, text)
    return UnexpectedReply(code, text)
