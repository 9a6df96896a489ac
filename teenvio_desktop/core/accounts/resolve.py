"""From an account to ready-to-use connection settings, secrets included.

The senders (SMTP and REST) and the statistics sync call these; the command line adds
``TEENVIO_PASSWORD`` / ``TEENVIO_TOKEN`` as overrides through :func:`env_overrides`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from teenvio_desktop.core.accounts.errors import MissingConnection, MissingSecret
from teenvio_desktop.core.accounts.models import Account, Security
from teenvio_desktop.core.accounts.secrets import SecretKind, SecretStore
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.logsetup import register_secret
from teenvio_desktop.core.tealite.connection import DEFAULT_TIMEOUT_S, TeaLiteConnection

PASSWORD_ENV = "TEENVIO_PASSWORD"
TOKEN_ENV = "TEENVIO_TOKEN"

_SMTP_PASSWORD = QT_TRANSLATE_NOOP("errors", "SMTP password")
_TEALITE_TOKEN = QT_TRANSLATE_NOOP("errors", "TEA Lite token")


@dataclass(frozen=True)
class ResolvedSmtp:
    """Everything an SMTP-API session needs. ``repr`` hides the password."""

    host: str
    port: int
    security: Security
    user: str
    password: str
    ca_file: str | None

    def __repr__(self) -> str:
        return (
            f"ResolvedSmtp(host={self.host!r}, port={self.port}, security={self.security!r},"
            f" user={self.user!r}, ca_file={self.ca_file!r}, password=<hidden>)"
        )

    def __iter__(self) -> Iterator[Any]:
        """Unpacks as ``host, port, security, user, password, ca_file``."""
        return iter((self.host, self.port, self.security, self.user, self.password, self.ca_file))


def resolve_smtp(
    account: Account, secrets: SecretStore, *, password: str | None = None
) -> ResolvedSmtp:
    """The account's SMTP-API settings with its password (``password`` overrides it)."""
    if account.smtp is None:
        raise MissingConnection(account.name, "SMTP-API")
    secret = password or secrets.get(account.name, SecretKind.SMTP_PASSWORD)
    if not secret:
        raise MissingSecret(account.name, _SMTP_PASSWORD)
    register_secret(secret)
    smtp = account.smtp
    return ResolvedSmtp(smtp.host, smtp.port, smtp.security, smtp.user, secret, account.ca_file)


def resolve_tealite(
    account: Account,
    secrets: SecretStore,
    *,
    token: str | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> TeaLiteConnection:
    """The account's TEA Lite connection with its token (``token`` overrides it)."""
    if account.rest is None:
        raise MissingConnection(account.name, "TEA Lite")
    secret = token or secrets.get(account.name, SecretKind.TEALITE_TOKEN)
    if not secret:
        raise MissingSecret(account.name, _TEALITE_TOKEN)
    register_secret(secret)
    return TeaLiteConnection(
        base_url=account.rest.base_url,
        token=secret,
        source_system=account.rest.source_system,
        ca_file=account.ca_file,
        timeout_s=timeout_s,
    )


def env_overrides(env: Mapping[str, str] | None = None) -> tuple[str | None, str | None]:
    """``(password, token)`` from TEENVIO_PASSWORD / TEENVIO_TOKEN, None when unset."""
    source = os.environ if env is None else env
    password = source.get(PASSWORD_ENV) or None
    token = source.get(TOKEN_ENV) or None
    register_secret(password)
    register_secret(token)
    return password, token
