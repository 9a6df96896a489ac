"""What can go wrong with accounts, their secrets and their connections, in plain words."""

from __future__ import annotations

from typing import Any

from teenvio_desktop.core.errors import TeenvioError
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


class ConnectionFailed(AccountError):
    """A connection test or a connection failed; the template says why and what to do."""


def dns_failed(host: str) -> ConnectionFailed:
    return ConnectionFailed(
        QT_TRANSLATE_NOOP(
            "errors",
            "The server name “{host}” could not be found. Check the host (as shown in "
            "Teenvio's Configuration → APIs) and your network.",
        ),
        host=host,
    )


def refused(host: str, port: int) -> ConnectionFailed:
    return ConnectionFailed(
        QT_TRANSLATE_NOOP(
            "errors",
            "{host} refused the connection on port {port}. Check the port, or whether a "
            "firewall blocks it.",
        ),
        host=host,
        port=port,
    )


def timed_out(host: str, port: int) -> ConnectionFailed:
    return ConnectionFailed(
        QT_TRANSLATE_NOOP(
            "errors",
            "{host} did not answer on port {port} in time. Check the host and port; a "
            "firewall may be dropping the connection.",
        ),
        host=host,
        port=port,
    )


def network_error(host: str, port: int, detail: str) -> ConnectionFailed:
    return ConnectionFailed(
        QT_TRANSLATE_NOOP("errors", "Could not connect to {host} on port {port}: {detail}."),
        host=host,
        port=port,
        detail=detail,
    )


def certificate_expired(host: str) -> ConnectionFailed:
    return ConnectionFailed(
        QT_TRANSLATE_NOOP(
            "errors",
            "The certificate of {host} has expired (or is not valid yet), so the connection "
            "was refused before sending any credentials. Check the computer's date, or tell "
            "the server's administrator.",
        ),
        host=host,
    )


def certificate_wrong_host(host: str, detail: str) -> ConnectionFailed:
    return ConnectionFailed(
        QT_TRANSLATE_NOOP(
            "errors",
            "The certificate presented by {host} belongs to another server ({detail}), so "
            "the connection was refused before sending any credentials. Use the host name "
            "shown in Teenvio's Configuration → APIs.",
        ),
        host=host,
        detail=detail,
    )


def certificate_untrusted(host: str, detail: str) -> ConnectionFailed:
    return ConnectionFailed(
        QT_TRANSLATE_NOOP(
            "errors",
            "The certificate of {host} is not trusted ({detail}), so the connection was "
            "refused before sending any credentials. If the server uses a private CA, name "
            "its CA file in the account.",
        ),
        host=host,
        detail=detail,
    )


def tls_on_plain_port(host: str, port: int) -> ConnectionFailed:
    return ConnectionFailed(
        QT_TRANSLATE_NOOP(
            "errors",
            "Port {port} of {host} does not speak TLS from the start: it probably expects "
            "STARTTLS. Choose “STARTTLS” security (port 58700) or port 46500 for TLS.",
        ),
        host=host,
        port=port,
    )


def plain_on_tls_port(host: str, port: int) -> ConnectionFailed:
    return ConnectionFailed(
        QT_TRANSLATE_NOOP(
            "errors",
            "{host} did not greet on port {port}: the port probably expects TLS from the "
            "start. Choose “TLS” security (port 46500) or port 58700 for STARTTLS.",
        ),
        host=host,
        port=port,
    )


def tls_failed(host: str, detail: str) -> ConnectionFailed:
    return ConnectionFailed(
        QT_TRANSLATE_NOOP(
            "errors",
            "The secure connection to {host} failed ({detail}); no credentials were sent.",
        ),
        host=host,
        detail=detail,
    )


def starttls_not_offered(host: str) -> ConnectionFailed:
    return ConnectionFailed(
        QT_TRANSLATE_NOOP(
            "errors",
            "{host} does not offer STARTTLS, so the password was not sent in clear text. "
            "Check the port and security settings.",
        ),
        host=host,
    )


def auth_not_offered(host: str) -> ConnectionFailed:
    return ConnectionFailed(
        QT_TRANSLATE_NOOP(
            "errors",
            "{host} does not offer a login (AUTH) on this connection. Check the port and "
            "security settings.",
        ),
        host=host,
    )


def credentials_rejected(host: str, code: int | None, text: str | None) -> ConnectionFailed:
    return ConnectionFailed(
        QT_TRANSLATE_NOOP(
            "errors",
            "{host} rejected the user name or password. Check the user (usuario.nombredeplan) "
            "and the password used in Teenvio.",
        ),
        server_code=code,
        server_text=text,
        host=host,
    )


def smtp_refused(host: str, code: int | None, text: str | None) -> ConnectionFailed:
    return ConnectionFailed(
        QT_TRANSLATE_NOOP("errors", "{host} answered with an error during the test."),
        server_code=code,
        server_text=text,
        host=host,
    )


def server_closed(host: str, port: int) -> ConnectionFailed:
    return ConnectionFailed(
        QT_TRANSLATE_NOOP(
            "errors",
            "{host} closed the connection on port {port} unexpectedly. Check the port and "
            "security settings, then try again.",
        ),
        host=host,
        port=port,
    )
