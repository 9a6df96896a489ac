"""An account: where to connect (SMTP-API, TEA Lite) and which addresses are validated.

Plain data without secrets; passwords and tokens are looked up by account name in the
keyring (``secrets.py``). :meth:`Account.validate` explains the first setting that
cannot work.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, replace
from typing import Literal
from urllib.parse import urlsplit

from teenvio_desktop.core.accounts.errors import InvalidAccount
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP

Security = Literal["tls", "starttls", "none"]
SECURITIES: tuple[Security, ...] = ("tls", "starttls", "none")

# Teenvio's SMTP-API ports (seed section 2.2).
PORT_TLS = 46500
PORT_STARTTLS = 58700
PORT_DEPRECATED = 2500


@dataclass(frozen=True)
class PortChoice:
    port: int
    security: Security
    deprecated: bool = False


# What the port pickers offer, in order of preference.
TEENVIO_PORTS: tuple[PortChoice, ...] = (
    PortChoice(PORT_TLS, "tls"),
    PortChoice(PORT_STARTTLS, "starttls"),
    PortChoice(PORT_DEPRECATED, "starttls", deprecated=True),
)

SANDBOX_ACCOUNT_NAME = "sandbox"
MAX_NAME_LENGTH = 64
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def default_security(port: int) -> Security:
    """Implicit TLS on 46500 (and 465), STARTTLS elsewhere."""
    return "tls" if port in (PORT_TLS, 465) else "starttls"


def is_deprecated_port(port: int) -> bool:
    return port == PORT_DEPRECATED


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class NamedAddress:
    """A validated sender or reply-to address with its display name."""

    address: str
    name: str = ""

    def formatted(self) -> str:
        return f"{self.name} <{self.address}>" if self.name else self.address


@dataclass(frozen=True)
class SmtpConnection:
    host: str
    port: int = PORT_TLS
    security: Security = "tls"
    user: str = ""

    @property
    def deprecated(self) -> bool:
        """Port 2500 still works but Teenvio marks it deprecated."""
        return is_deprecated_port(self.port)


@dataclass(frozen=True)
class RestConnection:
    base_url: str
    source_system: str


@dataclass(frozen=True)
class Account:
    name: str
    smtp: SmtpConnection | None = None
    rest: RestConnection | None = None
    ca_file: str | None = None
    senders: tuple[NamedAddress, ...] = ()
    reply_tos: tuple[NamedAddress, ...] = ()
    is_default: bool = False
    is_sandbox: bool = False

    def with_changes(self, **changes: object) -> Account:
        return replace(self, **changes)  # type: ignore[arg-type]

    def validate(self) -> Account:
        """Return a cleaned copy, or raise :class:`InvalidAccount` for the first problem."""
        name = validate_name(self.name)
        smtp = _validated_smtp(self.smtp) if self.smtp else None
        rest = _validated_rest(self.rest) if self.rest else None
        if smtp is None and rest is None:
            raise InvalidAccount(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "An account needs an SMTP-API connection, a TEA Lite connection, or both.",
                ),
                field="smtp",
            )
        ca_file = (self.ca_file or "").strip() or None
        senders = _validated_addresses(self.senders, "senders")
        reply_tos = _validated_addresses(self.reply_tos, "reply_tos")
        return replace(
            self, name=name, smtp=smtp, rest=rest, ca_file=ca_file, senders=senders,
            reply_tos=reply_tos,
        )  # fmt: skip


def validate_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > MAX_NAME_LENGTH or _CONTROL.search(cleaned):
        raise InvalidAccount(
            QT_TRANSLATE_NOOP(
                "errors",
                "The account name must be 1 to {limit} characters, without control characters.",
            ),
            field="name",
            limit=MAX_NAME_LENGTH,
        )
    if cleaned.lower() == SANDBOX_ACCOUNT_NAME:
        raise InvalidAccount(
            QT_TRANSLATE_NOOP(
                "errors", "The name “{name}” is reserved for the built-in sandbox account."
            ),
            field="name",
            name=cleaned,
        )
    return cleaned


def _validated_smtp(smtp: SmtpConnection) -> SmtpConnection:
    host = smtp.host.strip()
    if not host or any(c.isspace() for c in host) or _CONTROL.search(host):
        raise InvalidAccount(
            QT_TRANSLATE_NOOP("errors", "Enter the SMTP host shown in Teenvio's Configuration."),
            field="smtp_host",
        )
    if not 0 < smtp.port < 65536:
        raise InvalidAccount(
            QT_TRANSLATE_NOOP("errors", "The SMTP port must be between 1 and 65535."),
            field="smtp_port",
        )
    if smtp.security not in SECURITIES:
        raise InvalidAccount(
            QT_TRANSLATE_NOOP("errors", "Security must be TLS, STARTTLS or none."),
            field="smtp_security",
        )
    if smtp.security == "none" and not is_loopback(host):
        raise InvalidAccount(
            QT_TRANSLATE_NOOP(
                "errors",
                "A connection without encryption would send the password in clear text; it "
                "is only allowed to this computer (localhost). Choose TLS or STARTTLS.",
            ),
            field="smtp_security",
        )
    user = smtp.user.strip()
    if not user or _CONTROL.search(user):
        raise InvalidAccount(
            QT_TRANSLATE_NOOP("errors", "Enter the SMTP user, in the form usuario.nombredeplan."),
            field="smtp_user",
        )
    return SmtpConnection(host=host, port=smtp.port, security=smtp.security, user=user)


def _validated_rest(rest: RestConnection) -> RestConnection:
    url = rest.base_url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise InvalidAccount(
            QT_TRANSLATE_NOOP(
                "errors", "The TEA Lite address must be a full URL such as https://host/api."
            ),
            field="api_url",
        )
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise InvalidAccount(
            QT_TRANSLATE_NOOP(
                "errors",
                "The TEA Lite address must use https: plain http would send the token in "
                "clear text (only allowed to this computer).",
            ),
            field="api_url",
        )
    source = rest.source_system.strip()
    if not source or _CONTROL.search(source):
        raise InvalidAccount(
            QT_TRANSLATE_NOOP("errors", "Enter the TEA Lite source system."),
            field="source_system",
        )
    return RestConnection(base_url=url, source_system=source)


def _validated_addresses(
    addresses: tuple[NamedAddress, ...], field_name: str
) -> tuple[NamedAddress, ...]:
    from email_validator import EmailNotValidError, validate_email  # slow; not needed at start

    seen: set[str] = set()
    cleaned: list[NamedAddress] = []
    for entry in addresses:
        address = entry.address.strip()
        name = entry.name.strip()
        try:
            address = validate_email(address, check_deliverability=False).normalized
        except EmailNotValidError as exc:
            raise InvalidAccount(
                QT_TRANSLATE_NOOP("errors", "“{address}” is not a valid email address: {reason}"),
                field=field_name,
                address=address,
                reason=str(exc),
            ) from exc
        if _CONTROL.search(name):
            raise InvalidAccount(
                QT_TRANSLATE_NOOP("errors", "The name for {address} contains control characters."),
                field=field_name,
                address=address,
            )
        if address.lower() not in seen:
            seen.add(address.lower())
            cleaned.append(NamedAddress(address, name))
    return tuple(cleaned)
