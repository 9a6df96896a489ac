"""Reaching a server: the failures every transport shares, as actionable errors.

The SMTP-API session, the account's "Test connection" and the TEA Lite probe all report
these classes (``core/smtp/errors.py`` adds what only SMTP can say). Each says what to
check; a TLS failure also says that no credentials left the machine.
"""

from __future__ import annotations

import socket
import ssl

from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP

# OpenSSL verify codes worth their own explanation.
VERIFY_EXPIRED = frozenset({9, 10})  # certificate not yet valid / has expired
VERIFY_WRONG_HOST = frozenset({62, 64})  # host name / IP address mismatch


class ConnectionFailed(TeenvioError):
    """No usable connection to a server. ``retriable``: the same attempt may work later."""

    retriable = False


class HostNotFound(ConnectionFailed):
    retriable = True

    def __init__(self, host: str, port: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The server {host} (port {port}) could not be found. Check the host shown in "
                "Teenvio's Configuration → APIs and your network. Nothing was sent.",
            ),
            host=host,
            port=port,
        )


class ConnectionRefused(ConnectionFailed):
    retriable = True

    def __init__(self, host: str, port: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "{host} refused the connection on port {port}. Check the host and port and "
                "whether a firewall blocks it. Nothing was sent.",
            ),
            host=host,
            port=port,
        )


class ConnectTimeout(ConnectionFailed):
    retriable = True

    def __init__(self, host: str, port: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "{host} did not answer on port {port} in time. Check the host, the port and "
                "your network; a firewall may be dropping the connection. Nothing was sent.",
            ),
            host=host,
            port=port,
        )


class NetworkError(ConnectionFailed):
    """Any other failure to connect (no route, network down...)."""

    retriable = True

    def __init__(self, host: str, port: int, detail: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "Could not connect to {host} on port {port} ({detail}). Check your network. "
                "Nothing was sent.",
            ),
            host=host,
            port=port,
            detail=detail,
        )


class TlsError(ConnectionFailed):
    """The secure connection could not be set up: nothing and no credentials were sent."""


class CertificateUntrusted(TlsError):
    def __init__(self, host: str, port: int, detail: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The certificate of {host} (port {port}) is not trusted ({detail}). The "
                "connection was closed before sending any credentials: nothing was sent and "
                "no credentials were sent. If the server uses a private CA, name its CA file "
                "in the account (--cafile).",
            ),
            host=host,
            port=port,
            detail=detail,
        )


class CertificateExpired(TlsError):
    def __init__(self, host: str, port: int, detail: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The certificate of {host} (port {port}) has expired or is not valid yet "
                "({detail}). The connection was closed: nothing was sent and no credentials "
                "were sent. Check this computer's date, or tell the server's administrator.",
            ),
            host=host,
            port=port,
            detail=detail,
        )


class CertificateWrongHost(TlsError):
    def __init__(self, host: str, port: int, detail: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The certificate presented on {host} (port {port}) belongs to another server "
                "({detail}). The connection was closed: nothing was sent and no credentials "
                "were sent. Use the host name shown in Teenvio's Configuration → APIs.",
            ),
            host=host,
            port=port,
            detail=detail,
        )


class TlsFailed(TlsError):
    """A handshake or CA-file failure with nothing more specific to say."""

    def __init__(self, host: str, port: int, detail: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The secure connection to {host} (port {port}) failed ({detail}): nothing was "
                "sent and no credentials were sent. Check the address and the account's CA "
                "file.",
            ),
            host=host,
            port=port,
            detail=detail,
        )


def certificate_error(
    host: str, port: int, exc: ssl.SSLCertVerificationError
) -> CertificateUntrusted | CertificateExpired | CertificateWrongHost:
    """The explained error for a certificate the handshake refused."""
    # aiohttp raises an ssl.CertificateError subclass without these attributes.
    code = getattr(exc, "verify_code", None)
    detail = getattr(exc, "verify_message", None) or str(exc)
    if code in VERIFY_EXPIRED:
        return CertificateExpired(host, port, detail)
    if code in VERIFY_WRONG_HOST:
        return CertificateWrongHost(host, port, detail)
    return CertificateUntrusted(host, port, detail)


def connect_error(host: str, port: int, exc: BaseException) -> ConnectionFailed | None:
    """The explained error for a failure while connecting, or None if it is none of these.

    Follows ``__cause__``/``__context__`` so that errors wrapped by a client library (httpx)
    are recognised too.
    """
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return certificate_error(host, port, cause)
        if isinstance(cause, ssl.SSLError):
            return TlsFailed(host, port, cause.reason or str(cause))
        if isinstance(cause, socket.gaierror):
            return HostNotFound(host, port)
        if isinstance(cause, ConnectionRefusedError):
            return ConnectionRefused(host, port)
        cause = cause.__cause__ or cause.__context__
    return None
