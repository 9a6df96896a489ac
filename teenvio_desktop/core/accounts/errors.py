"""What can go wrong with accounts and their secrets, in plain words.

Failures to reach a server are ``core/connection_errors.py`` (and ``core/smtp/errors.py``
for what only SMTP says): one taxonomy for sending and for "Test connection".
"""

from __future__ import annotations

from typing import Any

from teenvio_desktop.core.errors import TeenvioError, Translate, untranslated
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP


class AccountError(TeenvioError):
    """Base of every account problem."""


class InvalidAccount(AccountError):
    """The account's settings cannot work; ``field`` names the setting to fix."""

    def __init__(self, template: str, *, field: str, **params: Any) -> None:
        self.field = field
        super().__init__(template, **params)


class AccountNotFound(AccountError):
    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "There is no account named “{name}”. List them with “teenvio-desktop account "
                "list” or add it in the Accounts area.",
            ),
            name=name,
        )


class AccountExists(AccountError):
    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors", "An account named “{name}” already exists. Choose another name."
            ),
            name=name,
        )


class KeyringUnavailable(AccountError):
    """No usable OS keyring: secrets are kept in memory for this session only."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The system keyring is not available ({detail}), so passwords and tokens "
                "cannot be saved. They are kept in memory until the application closes and "
                "will have to be entered again next time. Unlock or install a keyring "
                "(for example GNOME Keyring or KWallet), then try again.",
            ),
            detail=detail,
        )

    def explanation(self, translate: Translate = untranslated) -> str:
        # The one detail of our own words is translated; a library's message stays as is.
        detail = self.params["detail"]
        if detail == NO_KEYRING_FOUND:
            detail = translate(self.context, detail)
        return translate(self.context, self.template).format(detail=detail)


NO_KEYRING_FOUND = QT_TRANSLATE_NOOP("errors", "no keyring was found")


class MissingSecret(AccountError):
    def __init__(self, account: str, what: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "No {what} is known for the account “{account}”. Enter it in the account "
                "(or set it in the environment variable for the command line).",
            ),
            account=account,
            what=what,
        )


class MissingConnection(AccountError):
    def __init__(self, account: str, transport: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors", "The account “{account}” has no {transport} connection configured."
            ),
            account=account,
            transport=transport,
        )
