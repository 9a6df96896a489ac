"""The one credentials resolver: from an account to typed, ready-to-use connection settings.

Sending (both transports), resuming a campaign, the statistics sync, "Test connection"
and the command line all come here, and get either :class:`SmtpSettings` or
:class:`TeaLiteConnection` with the secret filled in. Secrets come from the keyring
(``secrets.py``), which may block: the GUI calls this from its workers only.

``env`` is where ``TEENVIO_PASSWORD`` / ``TEENVIO_TOKEN`` overrides are read from: the
command line passes ``os.environ``; ``None`` means no overrides.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Literal

from teenvio_desktop.core.accounts.errors import MissingConnection, MissingSecret
from teenvio_desktop.core.accounts.models import Account
from teenvio_desktop.core.accounts.secrets import SecretKind, SecretStore
from teenvio_desktop.core.accounts.session import account_repository, secret_store
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.logsetup import register_secret
from teenvio_desktop.core.smtp.settings import DEFAULT_TIMEOUT_S as SMTP_TIMEOUT_S
from teenvio_desktop.core.smtp.settings import SmtpSettings
from teenvio_desktop.core.tealite.connection import DEFAULT_TIMEOUT_S, TeaLiteConnection

log = logging.getLogger(__name__)

PASSWORD_ENV = "TEENVIO_PASSWORD"
TOKEN_ENV = "TEENVIO_TOKEN"

Transport = Literal["smtp", "rest"]
Credentials = SmtpSettings | TeaLiteConnection

_SMTP_PASSWORD = QT_TRANSLATE_NOOP("errors", "SMTP password")
_TEALITE_TOKEN = QT_TRANSLATE_NOOP("errors", "TEA Lite token")


class NoAccountFor(TeenvioError):
    """No account (the named one, else the default) has a connection for the transport."""

    def __init__(self, transport: Transport) -> None:
        self.transport = transport
        template = (
            QT_TRANSLATE_NOOP(
                "errors",
                "Choose an account with an SMTP-API connection before sending through the "
                "SMTP-API.",
            )
            if transport == "smtp"
            else QT_TRANSLATE_NOOP(
                "errors",
                "Choose an account with a TEA Lite connection before sending through TEA Lite.",
            )
        )
        super().__init__(template)


# --- from an account and its secrets --------------------------------------------------------


def resolve_smtp(
    account: Account,
    secrets: SecretStore,
    *,
    password: str | None = None,
    timeout_s: float = SMTP_TIMEOUT_S,
) -> SmtpSettings:
    """The account's SMTP-API settings with its password (``password`` overrides it)."""
    if account.smtp is None:
        raise MissingConnection(account.name, "SMTP-API")
    secret = password or secrets.get(account.name, SecretKind.SMTP_PASSWORD)
    if not secret:
        raise MissingSecret(account.name, _SMTP_PASSWORD)
    register_secret(secret)
    smtp = account.smtp
    return SmtpSettings(
        host=smtp.host,
        port=smtp.port,
        security=smtp.security,
        user=smtp.user,
        password=secret,
        ca_file=account.ca_file,
        timeout=timeout_s,
    )


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
    """``(password, token)`` from TEENVIO_PASSWORD / TEENVIO_TOKEN in ``env`` (default:
    the process environment), None when unset."""
    source = os.environ if env is None else env
    password = source.get(PASSWORD_ENV) or None
    token = source.get(TOKEN_ENV) or None
    register_secret(password)
    register_secret(token)
    return password, token


# --- from the application's context ---------------------------------------------------------


def find_account(
    context: AppContext, transport: Transport, account_name: str | None, *, use_default: bool = True
) -> Account:
    """The named account (else, with ``use_default``, the default one) with a connection
    for ``transport``; :class:`NoAccountFor` when there is none. Reads no secret."""
    accounts = account_repository(context)
    if account_name:
        account = accounts.find(account_name)
    else:
        account = accounts.default() if use_default else None
    has_connection = account is not None and (
        account.smtp is not None if transport == "smtp" else account.rest is not None
    )
    if account is None or not has_connection:
        raise NoAccountFor(transport)
    return account


def resolve_credentials(
    context: AppContext,
    transport: Transport,
    account_name: str | None,
    *,
    env: Mapping[str, str] | None = None,
    use_default: bool = True,
) -> Credentials:
    """The typed settings to reach ``transport`` with ``account_name`` (or the default)."""
    account = find_account(context, transport, account_name, use_default=use_default)
    password, token = env_overrides(env) if env is not None else (None, None)
    if transport == "smtp":
        return resolve_smtp(account, secret_store(context), password=password)
    return resolve_tealite(account, secret_store(context), token=token)


def smtp_settings(
    context: AppContext, account_name: str | None, *, env: Mapping[str, str] | None = None
) -> SmtpSettings:
    settings = resolve_credentials(context, "smtp", account_name, env=env)
    assert isinstance(settings, SmtpSettings)
    return settings


def tealite_connection(
    context: AppContext,
    account_name: str | None,
    *,
    env: Mapping[str, str] | None = None,
    use_default: bool = True,
) -> TeaLiteConnection:
    connection = resolve_credentials(
        context, "rest", account_name, env=env, use_default=use_default
    )
    assert isinstance(connection, TeaLiteConnection)
    return connection


def smtp_for_account(
    context: AppContext, name: str, env: Mapping[str, str] | None = None
) -> tuple[Account, SmtpSettings]:
    """``--account NAME`` on the command line: that account (AccountNotFound otherwise);
    TEENVIO_PASSWORD wins over the keyring."""
    account = account_repository(context).get(name)
    password, _ = env_overrides(env)
    return account, resolve_smtp(account, secret_store(context), password=password)


def tealite_for_account(
    context: AppContext, name: str, env: Mapping[str, str] | None = None
) -> tuple[Account, TeaLiteConnection]:
    """``--account NAME`` for TEA Lite; TEENVIO_TOKEN wins over the keyring."""
    account = account_repository(context).get(name)
    _, token = env_overrides(env)
    return account, resolve_tealite(account, secret_store(context), token=token)


def keyring_token_for_api(context: AppContext, base_url: str, source_system: str) -> str | None:
    """The keyring token of a saved account whose TEA Lite part matches, if any."""
    wanted = base_url.rstrip("/")
    try:
        for account in account_repository(context).list():
            rest = account.rest
            if rest is None or rest.base_url.rstrip("/") != wanted:
                continue
            if rest.source_system and rest.source_system != source_system:
                continue
            token = secret_store(context).get(account.name, SecretKind.TEALITE_TOKEN)
            if token:
                return str(token)
    except TeenvioError as exc:  # keyring locked or absent: say why no token was found
        log.warning("No token from the keyring: %s", exc)
    return None
