"""Testing an SMTP-API connection: connect, verify the certificate, EHLO, STARTTLS, AUTH, QUIT.

Every failure becomes a :class:`ConnectionFailed` that says what to fix. The certificate
is verified before any credential leaves the machine (``ssl.create_default_context``
checks the chain, the dates and the host name during the handshake), and AUTH is never
sent over a cleartext connection except to loopback.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from collections.abc import Callable
from typing import TypeVar

from teenvio_desktop.core.accounts import errors
from teenvio_desktop.core.accounts.errors import ConnectionFailed
from teenvio_desktop.core.accounts.models import Security, is_loopback
from teenvio_desktop.core.logsetup import register_secret
from teenvio_desktop.core.tasks import CancelToken

DEFAULT_TIMEOUT_S = 20.0

# OpenSSL verify codes worth their own explanation.
_X509_EXPIRED = {9, 10}  # not yet valid, has expired
_X509_HOSTNAME_MISMATCH = {62, 64}  # host name, IP address

T = TypeVar("T")


def ssl_context(ca_file: str | None) -> ssl.SSLContext:
    """System CAs, or only the account's CA file when it names one; host name checked."""
    return ssl.create_default_context(cafile=ca_file) if ca_file else ssl.create_default_context()


def explain_tls_error(
    host: str, port: int, exc: ssl.SSLError, *, implicit: bool
) -> ConnectionFailed:
    if isinstance(exc, ssl.SSLCertVerificationError):
        code = exc.verify_code
        detail = exc.verify_message or str(exc)
        if code in _X509_EXPIRED:
            return errors.certificate_expired(host)
        if code in _X509_HOSTNAME_MISMATCH:
            return errors.certificate_wrong_host(host, detail)
        return errors.certificate_untrusted(host, detail)
    reason = (exc.reason or "").upper()
    # A plaintext greeting read as a TLS record: this port speaks STARTTLS, not TLS.
    if implicit and ("WRONG_VERSION" in reason or "RECORD_LAYER" in reason or "PACKET" in reason):
        return errors.tls_on_plain_port(host, port)
    return errors.tls_failed(host, exc.reason or str(exc))


def _guarded(host: str, port: int, security: Security, step: Callable[[], T]) -> T:
    """Run one protocol step and turn whatever it raises into an explained error."""
    implicit = security == "tls"
    try:
        return step()
    except ConnectionFailed:
        raise
    except socket.gaierror as exc:
        raise errors.dns_failed(host) from exc
    except ConnectionRefusedError as exc:
        raise errors.refused(host, port) from exc
    except ssl.SSLError as exc:
        raise explain_tls_error(host, port, exc, implicit=implicit) from exc
    except TimeoutError as exc:
        raise errors.timed_out(host, port) from exc
    except smtplib.SMTPAuthenticationError as exc:
        raise errors.credentials_rejected(host, exc.smtp_code, _text(exc.smtp_error)) from exc
    except smtplib.SMTPServerDisconnected as exc:
        raise errors.server_closed(host, port) from exc
    except smtplib.SMTPResponseException as exc:
        raise errors.smtp_refused(host, exc.smtp_code, _text(exc.smtp_error)) from exc
    except smtplib.SMTPException as exc:
        raise errors.smtp_refused(host, None, str(exc)) from exc
    except ConnectionResetError as exc:
        if implicit:
            raise errors.tls_on_plain_port(host, port) from exc
        raise errors.server_closed(host, port) from exc
    except OSError as exc:
        raise errors.network_error(host, port, exc.strerror or str(exc)) from exc


def _text(raw: bytes | str) -> str:
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def open_smtp(
    host: str,
    port: int,
    security: Security,
    *,
    ca_file: str | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    greeting_timeout_s: float = 10.0,
    cancel: CancelToken | None = None,
) -> smtplib.SMTP:
    """A connected, greeted and (unless ``none``) encrypted SMTP session, EHLO done.

    The greeting has its own, shorter timeout: a STARTTLS client on an implicit-TLS port
    waits for a greeting that never comes.
    """
    context = ssl_context(ca_file)
    client: smtplib.SMTP
    if security == "tls":
        client = smtplib.SMTP_SSL(timeout=timeout_s, context=context)
    else:
        client = smtplib.SMTP(timeout=timeout_s)
    try:

        def connect() -> None:
            # Done by hand rather than client.connect() to tell "no greeting" apart.
            client._host = host  # type: ignore[attr-defined]  # used for SNI and host check
            # For SMTP_SSL this includes the TLS handshake and certificate verification.
            client.sock = client._get_socket(host, port, greeting_timeout_s)  # type: ignore[attr-defined]
            client.file = None
            try:
                code, message = client.getreply()
            except smtplib.SMTPServerDisconnected as exc:
                if security != "tls":
                    raise errors.plain_on_tls_port(host, port) from exc
                raise
            if code != 220:
                raise smtplib.SMTPConnectError(code, message)
            client.sock.settimeout(timeout_s)

        _guarded(host, port, security, connect)
        if cancel is not None:
            cancel.raise_if_cancelled()
        _guarded(host, port, security, client.ehlo)
        if security == "starttls":
            if not client.has_extn("starttls"):
                raise errors.starttls_not_offered(host)
            _guarded(host, port, security, lambda: client.starttls(context=context))
            _guarded(host, port, security, client.ehlo)
        elif security == "none" and not is_loopback(host):
            raise errors.starttls_not_offered(host)
    except BaseException:
        client.close()
        raise
    return client


def login(
    client: smtplib.SMTP, host: str, port: int, security: Security, user: str, password: str
) -> None:
    """AUTH LOGIN as the SMTP-API documents it (other mechanisms only if LOGIN is missing)."""
    register_secret(password)
    if not client.has_extn("auth"):
        raise errors.auth_not_offered(host)
    mechanisms = client.esmtp_features.get("auth", "").upper().split()

    def authenticate() -> None:
        if "LOGIN" in mechanisms:
            client.user, client.password = user, password
            client.auth("LOGIN", client.auth_login, initial_response_ok=False)
        else:
            client.login(user, password)

    _guarded(host, port, security, authenticate)


def probe_smtp(
    host: str,
    port: int,
    security: Security,
    user: str,
    password: str,
    *,
    ca_file: str | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    greeting_timeout_s: float = 10.0,
    cancel: CancelToken | None = None,
) -> str:
    """Connect, verify, EHLO, STARTTLS where needed, AUTH, QUIT; return the server banner."""
    client = open_smtp(
        host,
        port,
        security,
        ca_file=ca_file,
        timeout_s=timeout_s,
        greeting_timeout_s=greeting_timeout_s,
        cancel=cancel,
    )
    try:
        if cancel is not None:
            cancel.raise_if_cancelled()
        login(client, host, port, security, user, password)
        banner = _text(client.ehlo_resp or b"").splitlines()[0] if client.ehlo_resp else ""
        _guarded(host, port, security, client.quit)
        return banner
    finally:
        client.close()
