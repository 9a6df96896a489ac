"""Teenvio accounts: connections and validated addresses in the database, secrets in the keyring.

The composer, senders and statistics use :func:`account_repository` (``list()``,
``get(name)``, ``default()``, ``senders(name)``) and resolve connections with
:func:`resolve_smtp` / :func:`resolve_tealite` (or :func:`smtp_for_account` /
:func:`tealite_for_account` from the command line).
"""

from teenvio_desktop.core.accounts.errors import (
    AccountError,
    AccountExists,
    AccountNotFound,
    ConnectionFailed,
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
from teenvio_desktop.core.accounts.repository import AccountRepository, sandbox_account
from teenvio_desktop.core.accounts.resolve import (
    PASSWORD_ENV,
    TOKEN_ENV,
    ResolvedSmtp,
    env_overrides,
    resolve_smtp,
    resolve_tealite,
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
    smtp_for_account,
    tealite_for_account,
)

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
    "InvalidAccount",
    "KeyringUnavailable",
    "MissingConnection",
    "MissingSecret",
    "NamedAddress",
    "ResolvedSmtp",
    "RestConnection",
    "SecretKind",
    "SecretStore",
    "Security",
    "SessionSecrets",
    "SmtpConnection",
    "account_repository",
    "default_security",
    "env_overrides",
    "is_deprecated_port",
    "keyring_username",
    "resolve_smtp",
    "resolve_tealite",
    "sandbox_account",
    "secret_store",
    "smtp_for_account",
    "tealite_for_account",
]
