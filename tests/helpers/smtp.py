"""Test servers for the SMTP transport, besides the sandbox.

* :class:`ScriptedServer`: a tiny line-based SMTP server on loopback that answers like the
  seed's conversation unless a command is given another reply; it records every line it
  reads (so a test can prove that no AUTH, or exactly one lone dot, was received).
* :func:`recording_aiosmtpd`: a real aiosmtpd server (optionally with a TLS certificate
  from a CA the client does not trust, or without STARTTLS) that records AUTH attempts.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult

from teenvio_desktop.core.campaign import Campaign, InlineImage, TeenvioOptions
from teenvio_desktop.core.smtp import SmtpSettings
from teenvio_desktop.sandbox.server import RunningSandbox
from teenvio_desktop.sandbox.tls import ensure_tls_files, server_ssl_context

EHLO_LINES = (
    "250-scripted.example ESMTP API teenvio.com. Hola!",
    "250-AUTH LOGIN",
    "250-SIZE 512000",
    "250-HELP",
    "250 AUTH LOGIN",
)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))


def sandbox_settings(
    sandbox: RunningSandbox, security: str = "tls", **changes: Any
) -> SmtpSettings:
    info = sandbox.info
    port = info.smtps_port if security == "tls" else info.smtp_port
    values: dict[str, Any] = {
        "host": info.host,
        "port": port,
        "security": security,
        "user": info.user,
        "password": info.password,
        "ca_file": str(info.ca_file),
        "timeout": 20.0,
    }
    values.update(changes)
    return SmtpSettings(**values)


def sample_campaign(sender: str = "demo@example.com", **changes: Any) -> Campaign:
    campaign = Campaign(
        subject="Novedades de otoño — ¡descuentos! ☂",
        sender=sender,
        sender_name="Víctor J. Chamorro",
        reply_to="news@example.com",
        reply_to_name="Equipo Teenvio, Soporte",
        html=(
            '<html><body><p>Hola, mira <a href="https://teenvio.example/o">las ofertas</a>'
            '</p><img src="cid:logo@teenvio" alt="logo"></body></html>'
        ),
        text="Hola, mira las ofertas: https://teenvio.example/o\n",
        images=[InlineImage("logo@teenvio", "logo.png", "image/png", PNG)],
        options=TeenvioOptions(show_cab=False, social_links=True, language=4),
        recipients=["ana@example.com", "Luis@Example.org", "ana@example.com"],
    )
    for key, value in changes.items():
        setattr(campaign, key, value)
    return campaign


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@dataclass
class ScriptedServer:
    """Answers each command with ``replies[VERB]`` when given, else like the seed."""

    replies: dict[str, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    data_lines: list[bytes] = field(default_factory=list)
    host: str = "127.0.0.1"
    port: int = 0
    delay_s: float = 0.0

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._conn: socket.socket | None = None
        self._sock = socket.create_server((self.host, 0))
        self._sock.settimeout(0.05)  # accept() wakes up to notice close()
        self.port = int(self._sock.getsockname()[1])
        self._thread = threading.Thread(
            target=self._serve, name=f"scripted-smtp-{self.port}", daemon=True
        )
        self._thread.start()

    def __enter__(self) -> ScriptedServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop serving: the listening socket, a conversation in progress, the thread."""
        self._stop.set()
        conn = self._conn
        if conn is not None:
            with suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)  # a session waiting in readline() ends
        self._thread.join(10)
        self._sock.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(None)
            self._conn = conn
            with suppress(OSError, ValueError), conn, conn.makefile("rwb") as stream:
                if not self._stop.is_set():  # close() may have missed this connection
                    self._session(stream)
            self._conn = None

    def _reply(self, out: Any, text: str) -> None:
        out.write(text.encode() + b"\r\n")
        out.flush()

    def _session(self, stream: Any) -> None:
        self._reply(stream, "220 scripted.example ESMTP API teenvio.com")
        auth_step = 0
        while True:
            raw = stream.readline()
            if not raw:
                return
            line = raw.decode("ascii", "replace").rstrip("\r\n")
            self.lines.append(line)
            verb = line.split(" ", 1)[0].upper() if auth_step == 0 else f"AUTH{auth_step}"
            if verb in self.replies:
                if not self.replies[verb]:  # "": stay silent until the client gives up
                    stream.readline()
                    return
                self._reply(stream, self.replies[verb])
                auth_step = 0
                if self.replies[verb].startswith("221"):
                    return
                continue
            if auth_step:
                auth_step = auth_step + 1 if auth_step == 1 else 0
                self._reply(
                    stream, "334 UGFzc3dvcmQ6" if auth_step else "235 Authentication Succeeded"
                )
            elif verb == "EHLO":
                self._reply(stream, "\r\n".join(EHLO_LINES))
            elif verb == "AUTH":
                auth_step = 1
                self._reply(stream, "334 VXNlcm5hbWU6")
            elif verb == "MAIL":
                self._reply(stream, "250 OK")
            elif verb == "RCPT":
                if self.delay_s:  # a slow server: leaves time to cancel between recipients
                    time.sleep(self.delay_s)
                self._reply(stream, "250 Accepted")
            elif verb == "DATA":
                self._reply(stream, '354 Enter message, ending with "." on a line by itself')
                while True:
                    data = stream.readline()
                    if not data or data == b".\r\n":
                        break
                    self.data_lines.append(data)
                self._reply(
                    stream,
                    self.replies.get("END", "250 OK id=1166 fa8896c2351f8b7e73ac3a3d209c6ac5"),
                )
            elif verb == "QUIT":
                self._reply(stream, "221 2.0.0 Closing connection.")
                return
            else:
                self._reply(stream, "500 5.5.1 Invalid command")

    def settings(self, **changes: Any) -> SmtpSettings:
        values: dict[str, Any] = {
            "host": self.host,
            "port": self.port,
            "security": "none",
            "user": "usuario.plan",
            "password": "secreto",
            "timeout": 5.0,
        }
        values.update(changes)
        return SmtpSettings(**values)

    def verbs(self) -> list[str]:
        return [line.split(" ", 1)[0].upper() for line in self.lines]


class _RecordingSMTP(SMTP):
    def __init__(self, *args: Any, record: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._record = record

    async def smtp_EHLO(self, arg: str) -> None:
        self._record.append("EHLO")
        await super().smtp_EHLO(arg)

    async def smtp_STARTTLS(self, arg: str) -> None:
        self._record.append("STARTTLS")
        await super().smtp_STARTTLS(arg)

    async def smtp_AUTH(self, arg: str) -> None:
        self._record.append(f"AUTH {arg}")
        await super().smtp_AUTH(arg)

    async def smtp_MAIL(self, arg: str) -> None:
        self._record.append("MAIL")
        await super().smtp_MAIL(arg)


class _RecordingController(Controller):
    def __init__(self, *args: Any, record: list[str], smtp_kwargs: dict[str, Any], **kw: Any):
        super().__init__(*args, **kw)
        self._record = record
        self._smtp_kwargs = smtp_kwargs

    def factory(self) -> SMTP:
        return _RecordingSMTP(self.handler, record=self._record, **self._smtp_kwargs)


class _AcceptAll:
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        return "250 OK id=1 00"


def _accept_any(*args: Any) -> AuthResult:
    return AuthResult(success=True)


def expired_tls_files(directory: Path) -> tuple[Path, Path, Path]:
    """A CA and a server certificate for 127.0.0.1 that expired yesterday: (ca, cert, key)."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    directory.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Expired test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=30))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), True
        )
        .sign(ca_key, hashes.SHA256())
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=20))
        .not_valid_after(now - dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    paths = (directory / "ca.pem", directory / "cert.pem", directory / "key.pem")
    paths[0].write_bytes(ca.public_bytes(pem))
    paths[1].write_bytes(cert.public_bytes(pem))
    paths[2].write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return paths


@contextmanager
def recording_aiosmtpd(
    tmp_path: Path,
    *,
    starttls: bool,
    implicit_tls: bool = False,
    bind_host: str = "127.0.0.1",
    expired: bool = False,
) -> Iterator[tuple[int, list[str], Path]]:
    """aiosmtpd on loopback; returns (port, recorded commands, its CA file).

    The certificate comes from a freshly made CA (not the client's), so a client that
    verifies certificates must refuse it. It names localhost, 127.0.0.1 and ::1 only:
    bound to ``bind_host="127.0.0.2"`` it presents a certificate for another host.
    """
    if expired:
        ca_file, cert, key = expired_tls_files(tmp_path / "expired")
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
    else:
        files = ensure_tls_files(tmp_path / "other-ca", "127.0.0.1")
        context = server_ssl_context(files)
        ca_file = files.ca_cert
    record: list[str] = []
    smtp_kwargs: dict[str, Any] = {
        "authenticator": _accept_any,
        "auth_require_tls": False,
        "tls_context": context if starttls else None,
    }
    port = free_port(bind_host)
    controller = _RecordingController(
        _AcceptAll(),
        hostname=bind_host,
        port=port,
        record=record,
        smtp_kwargs=smtp_kwargs,
        ssl_context=context if implicit_tls else None,
    )
    controller.start()
    try:
        yield port, record, ca_file
    finally:
        controller.stop()
