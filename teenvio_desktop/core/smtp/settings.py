"""Where and how to connect to the SMTP-API, checked before any socket is opened."""

from __future__ import annotations

import ipaddress
import ssl
from dataclasses import dataclass, field
from typing import Literal

from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.smtp.errors import InsecureConnectionRefused, InvalidSettings
from teenvio_desktop.core.tls import client_ssl_context

Security = Literal["tls", "starttls", "none"]
SECURITIES: tuple[Security, ...] = ("tls", "starttls", "none")

# Teenvio's SMTP-API ports (seed, section 2.2); 2500 still works but is deprecated.
PORT_TLS = 46500
PORT_STARTTLS = 58700
PORT_STARTTLS_DEPRECATED = 2500
DEFAULT_TIMEOUT_S = 60.0
# The wait for the server's first line: a STARTTLS client on a TLS port never gets one.
GREETING_TIMEOUT_S = 15.0


def is_loopback_host(host: str) -> bool:
    """True for ``localhost`` and loopback IP literals (never resolved through DNS)."""
    name = host.strip().strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class SmtpSettings:
    """An SMTP-API connection. ``repr`` never shows the password."""

    host: str
    port: int
    security: Security
    user: str
    password: str = field(repr=False)
    ca_file: str | None = None
    timeout: float = DEFAULT_TIMEOUT_S
    greeting_timeout: float = GREETING_TIMEOUT_S

    def __repr__(self) -> str:
        return (
            f"SmtpSettings(host={self.host!r}, port={self.port}, security={self.security!r},"
            f" user={self.user!r}, ca_file={self.ca_file!r}, timeout={self.timeout},"
            " password=<hidden>)"
        )

    def check(self) -> SmtpSettings:
        """Refuse settings that cannot work or would expose the password."""
        host = self.host.strip()
        if not host or any(c.isspace() or ord(c) < 32 for c in host):
            raise InvalidSettings(
                QT_TRANSLATE_NOOP("errors", "Enter the SMTP host (Teenvio: Configuration → APIs).")
            )
        if not 0 < self.port < 65536:
            raise InvalidSettings(
                QT_TRANSLATE_NOOP("errors", "The SMTP port must be between 1 and 65535.")
            )
        if self.security not in SECURITIES:
            raise InvalidSettings(
                QT_TRANSLATE_NOOP("errors", "Security must be TLS, STARTTLS or none.")
            )
        if self.security == "none" and not is_loopback_host(host):
            raise InsecureConnectionRefused(host)
        if not self.user or any(c in self.user for c in "\r\n\0"):
            raise InvalidSettings(
                QT_TRANSLATE_NOOP(
                    "errors", "Enter the SMTP user, in the form usuario.nombredeplan."
                )
            )
        if not self.password or any(c in self.password for c in "\r\n\0"):
            raise InvalidSettings(
                QT_TRANSLATE_NOOP("errors", "Enter the password of the Teenvio user.")
            )
        return self

    @property
    def deprecated_port(self) -> bool:
        return self.port == PORT_STARTTLS_DEPRECATED

    def ssl_context(self) -> ssl.SSLContext:
        """System CAs, or only the named CA file; certificate and host name verified."""
        return client_ssl_context(self.ca_file)
