"""The one SMTP-API connection: connect, greet, secure, log in; used to send and to probe.

Sending (``core/smtp/client.py``) and the account's "Test connection"
(``core/accounts/probe.py``) both open an :class:`SmtpSession`, so certificates, STARTTLS,
AUTH and the explanation of every failure are decided in one place.

Safety rules, in order:

* Certificates and host names are verified (``core/tls.py``) before anything is sent.
* On a STARTTLS port the client sends ``STARTTLS`` even when the EHLO does not list it
  (the seed's own EHLO transcript does not); if the server refuses, the session stops
  before ``AUTH``: a password never travels in clear text.
* Security "none" is only ever allowed to loopback (``SmtpSettings.check``).

Built on smtplib's public interface (the constructor connects and checks the greeting;
``ehlo``, ``putcmd``, ``getreply``); STARTTLS is done by hand because smtplib's refuses
to send it unless the EHLO advertised it.
"""

from __future__ import annotations

import base64
import contextlib
import smtplib
import socket
import ssl
from collections.abc import Iterator

from teenvio_desktop.core.connection_errors import (
    ConnectionFailed,
    ConnectionRefused,
    ConnectTimeout,
    HostNotFound,
    NetworkError,
    certificate_error,
)
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.logsetup import register_secret
from teenvio_desktop.core.smtp import errors
from teenvio_desktop.core.smtp.settings import SmtpSettings, is_loopback_host
from teenvio_desktop.core.tasks import CancelToken

# An address literal: no lookup of (and no leak of) this computer's name.
EHLO_NAME = "[127.0.0.1]"
ABANDON_TIMEOUT_S = 2.0
# A reply is at most this many lines of at most this many bytes (smtplib bounds only the
# length of a line: a server sending "250-..." forever would never let go).
MAX_REPLY_LINES = 100
MAX_REPLY_LINE = 8192
# OpenSSL's reasons when a TLS client reads a plain-text greeting as a TLS record.
_PLAIN_TEXT_REASONS = ("WRONG_VERSION", "RECORD_LAYER", "PACKET")


def _text(raw: bytes | str) -> str:
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


class ReplyTooLong(smtplib.SMTPException):
    """The server's reply went on past MAX_REPLY_LINES lines."""


def bounded_reply(client: smtplib.SMTP) -> tuple[int, bytes]:
    """``smtplib.SMTP.getreply`` with a bound on the number of lines."""
    if client.file is None:
        assert client.sock is not None
        client.file = client.sock.makefile("rb")
    lines: list[bytes] = []
    code = -1
    for _ in range(MAX_REPLY_LINES):
        try:
            line = client.file.readline(MAX_REPLY_LINE + 1)
        except OSError as exc:
            client.close()
            raise smtplib.SMTPServerDisconnected(f"Connection unexpectedly closed: {exc}") from exc
        if not line:
            client.close()
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        if len(line) > MAX_REPLY_LINE:
            client.close()
            raise smtplib.SMTPResponseException(500, b"Line too long.")
        lines.append(line[4:].strip(b" \t\r\n"))
        try:
            code = int(line[:3])
        except ValueError:
            code = -1
            break
        if line[3:4] != b"-":
            break
    else:
        client.close()
        raise ReplyTooLong(f"its reply went on past {MAX_REPLY_LINES} lines")
    return code, b"\n".join(lines)


class _Smtp(smtplib.SMTP):
    def getreply(self) -> tuple[int, bytes]:
        return bounded_reply(self)


class _SmtpSsl(smtplib.SMTP_SSL):
    def getreply(self) -> tuple[int, bytes]:
        return bounded_reply(self)


class SmtpSession:
    """One connection to the SMTP-API; every failure becomes an explained error.

    Use as a context manager: ``open()``, ``login()``, then :meth:`command` for the
    transaction; ``quit()`` when done. Leaving the block on an exception sends a brief,
    best-effort ``QUIT`` and closes the socket.
    """

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings.check()
        self.host = self.settings.host.strip()
        self.port = self.settings.port
        self.client: smtplib.SMTP | None = None
        self.encrypted = False
        self.data_sent = False  # set by the sender once the message's final dot is out
        self._connecting = False  # until the greeting: failures mean "cannot connect"

    # --- context management -------------------------------------------------------------

    def __enter__(self) -> SmtpSession:
        return self

    def __exit__(self, exc_type: object, exc: object, traceback: object) -> None:
        if exc is not None:
            self.abandon()
        self.close()

    # --- errors -------------------------------------------------------------------------

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        """Network, TLS and protocol exceptions -> errors naming host and port."""
        host, port = self.host, self.port
        implicit = self.settings.security == "tls"
        handshaking = implicit and self._connecting
        try:
            yield
        except TeenvioError:
            raise
        except ssl.SSLCertVerificationError as exc:
            raise certificate_error(host, port, exc) from exc
        except ssl.SSLError as exc:
            detail = exc.reason or str(exc)
            if self.encrypted and not handshaking:
                raise errors.ConnectionLost(
                    host, port, after_data=self.data_sent, detail=detail
                ) from exc
            if implicit and any(r in (exc.reason or "").upper() for r in _PLAIN_TEXT_REASONS):
                raise errors.TlsOnPlainPort(host, port, detail) from exc
            raise errors.TlsHandshakeFailed(host, port, detail) from exc
        except socket.gaierror as exc:
            raise HostNotFound(host, port) from exc
        except ConnectionRefusedError as exc:
            raise ConnectionRefused(host, port) from exc
        except ConnectionResetError as exc:
            if handshaking:  # a plain-text server hung up on the TLS hello
                raise errors.TlsOnPlainPort(host, port, str(exc)) from exc
            raise self._lost(str(exc)) from exc
        except smtplib.SMTPServerDisconnected as exc:
            raise self._lost(str(exc) or "disconnected") from exc
        except TimeoutError as exc:
            if self._connecting:
                raise ConnectTimeout(host, port) from exc
            raise self._lost("timed out") from exc
        except smtplib.SMTPResponseException as exc:
            raise errors.error_for_reply(exc.smtp_code, _text(exc.smtp_error)) from exc
        except ReplyTooLong as exc:
            raise self._lost(str(exc)) from exc
        except OSError as exc:
            if self._connecting:
                raise NetworkError(host, port, exc.strerror or str(exc)) from exc
            raise self._lost(exc.strerror or str(exc)) from exc

    def _lost(self, detail: str) -> ConnectionFailed:
        return errors.ConnectionLost(self.host, self.port, after_data=self.data_sent, detail=detail)

    # --- opening --------------------------------------------------------------------------

    def _tls_context(self) -> ssl.SSLContext:
        try:
            return self.settings.ssl_context()
        except (OSError, ssl.SSLError) as exc:
            raise errors.InvalidSettings(
                QT_TRANSLATE_NOOP(
                    "errors", "The CA file {path} cannot be used ({detail}). Check the file."
                ),
                path=self.settings.ca_file or "",
                detail=str(exc),
            ) from exc

    def open(self, cancel: CancelToken | None = None) -> None:
        """Connect, read the greeting, EHLO, and secure the session (TLS or STARTTLS)."""
        settings = self.settings
        security = settings.security
        context = self._tls_context() if security != "none" else None
        self._connecting = True
        try:
            with self.guard():
                # For TLS this includes the handshake and the certificate check.
                client = self._connect(context)
        finally:
            self._connecting = False
        self.client = client
        self.encrypted = security == "tls"
        with self.guard():
            assert client.sock is not None
            client.sock.settimeout(settings.timeout)
            client.timeout = settings.timeout
        client.ehlo_msg = "EHLO"  # as the seed writes it (smtplib sends "ehlo")
        if cancel is not None:
            cancel.raise_if_cancelled()
        self.ehlo()
        if security == "starttls":
            assert context is not None
            self._starttls(context)
        if not self.encrypted and not is_loopback_host(self.host):  # pragma: no cover
            raise errors.InsecureConnectionRefused(self.host)  # settings.check() stops it first

    def _connect(self, context: ssl.SSLContext | None) -> smtplib.SMTP:
        """A connected client whose greeting was 220 (smtplib raises otherwise)."""
        # The greeting has its own, shorter wait: a STARTTLS client on a TLS port gets none.
        timeout = min(self.settings.timeout, self.settings.greeting_timeout)
        try:
            if context is not None and self.settings.security == "tls":
                return _SmtpSsl(
                    self.host, self.port, local_hostname=EHLO_NAME, timeout=timeout, context=context
                )
            return _Smtp(self.host, self.port, local_hostname=EHLO_NAME, timeout=timeout)
        except smtplib.SMTPServerDisconnected as exc:
            # Connected (and, for TLS, the handshake done), then silence or a hang-up where
            # the greeting should be. In plain text that is usually a TLS port.
            if self.settings.security != "tls":
                raise errors.NoGreeting(self.host, self.port) from exc
            if "timed out" in str(exc):
                raise ConnectTimeout(self.host, self.port) from exc
            raise self._lost(str(exc)) from exc

    def _starttls(self, context: ssl.SSLContext) -> None:
        """STARTTLS whether or not the EHLO listed it; a refusal stops before AUTH."""
        assert self.client is not None
        code, text = self.command("STARTTLS")
        if code != 220:
            raise errors.StartTlsNotOffered(self.host, self.port, f"{code} {text}")
        client = self.client
        with self.guard():
            assert client.sock is not None
            client.sock = context.wrap_socket(client.sock, server_hostname=self.host)
            client.file = None
        self.encrypted = True
        # RFC 3207: forget what was learnt before TLS and greet again.
        client.helo_resp = client.ehlo_resp = None
        client.esmtp_features = {}
        client.does_esmtp = False
        self.ehlo()

    def ehlo(self) -> None:
        assert self.client is not None
        with self.guard():
            code, text = self.client.ehlo()
        if code != 250:
            raise errors.error_for_reply(code, _text(text))

    # --- the session ----------------------------------------------------------------------

    @property
    def features(self) -> dict[str, str]:
        """The EHLO keywords (lower case) and their parameters."""
        return dict(self.client.esmtp_features) if self.client is not None else {}

    def ehlo_banner(self) -> str:
        """The first line of the server's EHLO answer (its name and greeting)."""
        if self.client is None or not self.client.ehlo_resp:
            return ""
        return _text(self.client.ehlo_resp).splitlines()[0]

    def command(self, line: str) -> tuple[int, str]:
        """Send one command line; return the reply (code, text)."""
        assert self.client is not None
        with self.guard():
            self.client.putcmd(line)
            code, text = self.client.getreply()
        return code, _text(text)

    def reply(self) -> tuple[int, str]:
        assert self.client is not None
        with self.guard():
            code, text = self.client.getreply()
        return code, _text(text)

    def send_raw(self, data: bytes) -> None:
        assert self.client is not None
        with self.guard():
            self.client.send(data)

    def login(self) -> None:
        """AUTH LOGIN exactly as the seed shows it: user and password each in base64."""
        if not self.encrypted and not is_loopback_host(self.host):  # pragma: no cover
            raise errors.InsecureConnectionRefused(self.host)
        settings = self.settings
        register_secret(settings.password)
        steps = (
            ("AUTH LOGIN", 334),
            (base64.b64encode(settings.user.encode()).decode("ascii"), 334),
            (base64.b64encode(settings.password.encode()).decode("ascii"), 235),
        )
        for line, expected in steps:
            code, text = self.command(line)
            if code != expected:
                raise errors.error_for_reply(code, text)

    # --- closing --------------------------------------------------------------------------

    def quit(self) -> None:
        """QUIT politely; failures here change nothing, so they are ignored."""
        if self.client is None or self.client.sock is None:
            return
        with contextlib.suppress(TeenvioError):
            self.command("QUIT")

    def abandon(self) -> None:
        """After a failure or cancel: QUIT, briefly, ignoring a broken connection."""
        client = self.client
        if client is None or client.sock is None:
            return
        with contextlib.suppress(smtplib.SMTPException, OSError):
            # A server that just timed out must not hold the user for another timeout.
            client.sock.settimeout(min(ABANDON_TIMEOUT_S, self.settings.timeout))
            client.putcmd("QUIT")
            client.getreply()

    def close(self) -> None:
        if self.client is not None:
            with contextlib.suppress(OSError):
                self.client.close()
