"""A private PKI (good, expired, wrong-host and self-signed certificates) and tiny aiosmtpd
servers on loopback that use them, recording whether a client ever tried AUTH."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

USER = "demo.plan"
PASSWORD = "pw-tls-Secret-42"


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


@dataclass
class Pki:
    directory: Path
    ca_file: Path = field(init=False)
    leaves: dict[str, tuple[Path, Path]] = field(default_factory=dict)

    def server_context(self, leaf: str) -> ssl.SSLContext:
        cert, key = self.leaves[leaf]
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        return context


def _build_pki(directory: Path) -> Pki:
    pki = Pki(directory)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(_name("Test private CA"))
        .issuer_name(_name("Test private CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(_now() - dt.timedelta(days=1))
        .not_valid_after(_now() + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True,
                crl_sign=True, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    pki.ca_file = directory / "ca.pem"
    pki.ca_file.write_bytes(_cert_pem(ca_cert))

    def leaf(
        label: str,
        names: list[x509.GeneralName],
        *,
        expired: bool = False,
        self_signed: bool = False,
    ) -> None:
        key = ec.generate_private_key(ec.SECP256R1())
        start = _now() - (dt.timedelta(days=10) if expired else dt.timedelta(days=1))
        end = _now() - dt.timedelta(days=2) if expired else _now() + dt.timedelta(days=10)
        subject = _name(label)
        builder = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject if self_signed else ca_cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(end)
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        )
        if not self_signed:
            builder = builder.add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                critical=False,
            )
        cert = builder.sign(key if self_signed else ca_key, hashes.SHA256())
        cert_path, key_path = directory / f"{label}.pem", directory / f"{label}-key.pem"
        cert_path.write_bytes(_cert_pem(cert))
        key_path.write_bytes(_key_pem(key))
        pki.leaves[label] = (cert_path, key_path)

    loopback: list[x509.GeneralName] = [
        x509.DNSName("localhost"),
        x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
    ]
    leaf("good", loopback)
    leaf("expired", loopback, expired=True)
    leaf("other-host", [x509.DNSName("mail.other.example")])
    leaf("self-signed", loopback, self_signed=True)
    return pki


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return _build_pki(tmp_path_factory.mktemp("pki"))


class RecordingHandler:
    """Accepts mail and remembers whether AUTH was attempted."""

    def __init__(self) -> None:
        self.auth_attempts: list[str] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        return "250 OK"


class _Authenticator:
    def __init__(self, handler: RecordingHandler) -> None:
        self.handler = handler

    def __call__(
        self, server: object, session: object, envelope: object, mechanism: str, data: object
    ) -> AuthResult:
        self.handler.auth_attempts.append(mechanism)
        ok = (
            isinstance(data, LoginPassword)
            and data.login.decode() == USER
            and data.password.decode() == PASSWORD
        )
        return AuthResult(success=ok, handled=False)


@dataclass
class SmtpServer:
    host: str
    port: int
    handler: RecordingHandler


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _ImplicitTlsController(Controller):
    """aiosmtpd Controller whose readiness probe copes with a TLS-only listener."""

    def _trigger_server(self) -> None:  # the default probe speaks plaintext
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        with (
            socket.create_connection((self.hostname, self.port), timeout=5) as raw,
            context.wrap_socket(raw) as tls,
        ):
            tls.recv(1024)


@pytest.fixture
def smtp_server(pki: Pki) -> Iterator[Callable[..., SmtpServer]]:
    """``smtp_server(mode, leaf)``: mode "tls" (implicit), "starttls" or "plain"."""
    controllers: list[Controller] = []

    def start(mode: str, leaf: str = "good") -> SmtpServer:
        handler = RecordingHandler()
        port = _free_port()
        options: dict[str, object] = {
            "authenticator": _Authenticator(handler),
            # Implicit TLS is invisible to aiosmtpd's check, which only knows STARTTLS.
            "auth_require_tls": mode != "tls",
            "ready_timeout": 10,
        }
        if mode == "tls":
            controller: Controller = _ImplicitTlsController(
                handler, hostname="127.0.0.1", port=port,
                ssl_context=pki.server_context(leaf), **options,
            )  # fmt: skip
        elif mode == "starttls":
            controller = Controller(
                handler, hostname="127.0.0.1", port=port,
                tls_context=pki.server_context(leaf), require_starttls=True, **options,
            )  # fmt: skip
        else:
            controller = Controller(handler, hostname="127.0.0.1", port=port, **options)
        controller.start()
        controllers.append(controller)
        return SmtpServer("127.0.0.1", port, handler)

    yield start
    for controller in controllers:
        controller.stop()
