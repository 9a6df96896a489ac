"""Teenvio accounts: connections and validated addresses in the database, secrets in the keyring.

The composer, senders and statistics use :func:`account_repository` (``list()``,
``get(name)``, ``default()``, ``senders(name)``); connection settings, secrets included,
come from the one resolver in ``credentials.py`` (:func:`resolve_credentials` and its
typed helpers).
"""

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
from teenvio_desktop.core.accounts.repository import AccountRepository, sandbox_account
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
from teenvio_desktop.core.connection_errors import ConnectionFailed

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
