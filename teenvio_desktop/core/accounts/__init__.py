"""Teenvio accounts: connections and validated addresses in the database, secrets in the keyring.

The composer, senders and statistics use :func:`account_repository` (``list()``,
``get(name)``, ``default()``, ``senders(name)``); connection settings, secrets included,
come from the one resolver in ``credentials.py`` (:func:`resolve_credentials` and its
typed helpers).

Names are loaded on first use (PEP 562): the composer's start needs the account list, not
the credentials resolver, SMTP's error catalogue or the keyring glue.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from teenvio_desktop.core.accounts.credentials import (
        PASSWORD_ENV,
        TOKEN_ENV,
        Credentials,
        NoAccountFor,
        env_overrides,
        find_account,
        keyring_token_for_api,
        resolve_credentials,
        resolve_smtp,
        resolve_tealite,
        smtp_for_account,
        smtp_settings,
        tealite_connection,
        tealite_for_account,
    )
    from teenvio_desktop.core.accounts.errors import (
        AccountError,
        AccountExists,
        AccountNotFound,
        InvalidAccount,
        KeyringUnavailable,
        MissingConnection,
        MissingSecret,
    )
    from teenvio_desktop.core.accounts.models import (
        PORT_DEPRECATED,
        PORT_STARTTLS,
        PORT_TLS,
        SANDBOX_ACCOUNT_NAME,
        TEENVIO_PORTS,
        Account,
        NamedAddress,
        RestConnection,
        Security,
        SmtpConnection,
        default_security,
        is_deprecated_port,
    )
    from teenvio_desktop.core.accounts.repository import (
        AccountRepository,
        sandbox_account,
    )
    from teenvio_desktop.core.accounts.secrets import (
        SERVICE,
        SecretKind,
        SecretStore,
        SessionSecrets,
        keyring_username,
    )
    from teenvio_desktop.core.accounts.session import (
        account_repository,
        secret_store,
        use_secret_store,
    )
    from teenvio_desktop.core.connection_errors import (
        ConnectionFailed,
    )

_WHERE = {
    "PASSWORD_ENV": "credentials",
    "TOKEN_ENV": "credentials",
    "Credentials": "credentials",
    "NoAccountFor": "credentials",
    "env_overrides": "credentials",
    "find_account": "credentials",
    "keyring_token_for_api": "credentials",
    "resolve_credentials": "credentials",
    "resolve_smtp": "credentials",
    "resolve_tealite": "credentials",
    "smtp_for_account": "credentials",
    "smtp_settings": "credentials",
    "tealite_connection": "credentials",
    "tealite_for_account": "credentials",
    "AccountError": "errors",
    "AccountExists": "errors",
    "AccountNotFound": "errors",
    "InvalidAccount": "errors",
    "KeyringUnavailable": "errors",
    "MissingConnection": "errors",
    "MissingSecret": "errors",
    "PORT_DEPRECATED": "models",
    "PORT_STARTTLS": "models",
    "PORT_TLS": "models",
    "SANDBOX_ACCOUNT_NAME": "models",
    "TEENVIO_PORTS": "models",
    "Account": "models",
    "NamedAddress": "models",
    "RestConnection": "models",
    "Security": "models",
    "SmtpConnection": "models",
    "default_security": "models",
    "is_deprecated_port": "models",
    "AccountRepository": "repository",
    "sandbox_account": "repository",
    "SERVICE": "secrets",
    "SecretKind": "secrets",
    "SecretStore": "secrets",
    "SessionSecrets": "secrets",
    "keyring_username": "secrets",
    "account_repository": "session",
    "secret_store": "session",
    "use_secret_store": "session",
    "ConnectionFailed": "teenvio_desktop.core.connection_errors",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    path = module if "." in module else f"{__name__}.{module}"
    value = getattr(importlib.import_module(path), name)
    globals()[name] = value
    return value


__all__ = [
    "PASSWORD_ENV",
    "PORT_DEPRECATED",
    "PORT_STARTTLS",
    "PORT_TLS",
    "SANDBOX_ACCOUNT_NAME",
    "SERVICE",
    "TEENVIO_PORTS",
    "TOKEN_ENV",
    "Account",
    "AccountError",
    "AccountExists",
    "AccountNotFound",
    "AccountRepository",
    "ConnectionFailed",
    "Credentials",
    "InvalidAccount",
    "KeyringUnavailable",
    "MissingConnection",
    "MissingSecret",
    "NamedAddress",
    "NoAccountFor",
    "RestConnection",
    "SecretKind",
    "SecretStore",
    "Security",
    "SessionSecrets",
    "SmtpConnection",
    "account_repository",
    "default_security",
    "env_overrides",
    "find_account",
    "is_deprecated_port",
    "keyring_token_for_api",
    "keyring_username",
    "resolve_credentials",
    "resolve_smtp",
    "resolve_tealite",
    "sandbox_account",
    "secret_store",
    "smtp_for_account",
    "smtp_settings",
    "tealite_connection",
    "tealite_for_account",
    "use_secret_store",
]
