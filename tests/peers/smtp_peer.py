"""A strict and hostile SMTP-API server, written from the SMTP-API seed alone.

It imports nothing from the application (and never its sandbox): what it accepts and
answers comes from ``seeds/teenvio-smtp-api.txt`` and the RFCs the seed names
(5321/2821 for SMTP, 1870 for SIZE, 3207 for STARTTLS). Real sockets on 127.0.0.1, TLS
from a certificate authority generated for the test run.

Strict: commands in the order SMTP requires (EHLO again after STARTTLS, AUTH before MAIL,
MAIL before RCPT before DATA), CRLF line endings, lines of at most 1000 bytes, the SIZE
declared in MAIL FROM equal to the message received, a message with a text/plain and a
text/html part (seed 2.3), at most 512000 bytes. Every departure is recorded in
``violations`` (and answered as a real server would), so a test can insist on none.

Hostile, on request (:class:`Behaviour`): the seed's EHLO (which does not list STARTTLS),
STARTTLS refused, 535 on AUTH, 553 on MAIL FROM, 552 at the end of DATA, a smaller
advertised SIZE, a hang-up in the middle of DATA or right after it, slow replies, an
EHLO answer that never ends.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import ipaddress
import itertools
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

# --- the seed's words (section 3.2.2 and section 4) -----------------------------------------

GREETING = "220 apiX.teenvio.com ESMTP API teenvio.com Thu, 12 Sep 2013 13:59:15 +0200"
EHLO_LINES = (
    "apiX.teenvio.com ESMTP API teenvio.com. Hola {name}!",
    "Recuerda que debes ser un usuario registrado de teenvio.com. http://teenvio.com/",
    "Usa este servicio con responsabilidad cumpliendo con las condiciones de uso.",
    "AUTH LOGIN",
    "SIZE {size}",
    "HELP",
    "AUTH LOGIN",
)
USERNAME_PROMPT = "334 VXNlcm5hbWU6"
PASSWORD_PROMPT = "334 UGFzc3dvcmQ6"
AUTH_OK = "235 Authentication Succeeded"
AUTH_INVALID = "535 Authentication credentials invalid"
AUTH_REQUIRED = "530 Authentication required"
INVALID_COMMAND = "500 5.5.1 Invalid command"
BAD_SEQUENCE = "503 valid RCPT and MAIL command must precede DATA"
SENDER_REFUSED = "553 Remitente no existente o no validado desde su plan de teenvio"
TOO_LARGE = "552 message size exceeds fixed maximum message size (512000) bytes"
INCOMPLETE = "500 Internal error - El mensaje debe tener una parte de texto plano y otra HTML"
START_DATA = '354 Enter message, ending with "." on a line by itself'
CLOSING = "221 2.0.0 Closing connection."
MAX_SIZE = 512000
MAX_LINE = 1000  # RFC 5321 4.5.3.1.6, CRLF included

USER = "usuario.plan"
PASSWORD = "secreto-del-peer"


# --- a certificate authority for the test run ----------------------------------------------


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


@dataclass(frozen=True)
class PeerCa:
    """A private CA and a certificate for 127.0.0.1 / localhost signed by it."""

    ca_file: Path
    cert_file: Path
    key_file: Path

    @classmethod
    def create(cls, directory: Path) -> PeerCa:
        now = dt.datetime.now(dt.UTC)
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca_cert = (
            x509.CertificateBuilder()
            .subject_name(_name("SMTP peer test CA"))
            .issuer_name(_name("SMTP peer test CA"))
            .public_key(ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=7))
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
        key = ec.generate_private_key(ec.SECP256R1())
        names: list[x509.GeneralName] = [
            x509.DNSName("localhost"),
            x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
        ]
        leaf = (
            x509.CertificateBuilder()
            .subject_name(_name("localhost"))
            .issuer_name(ca_cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=7))
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                critical=False,
            )
            .sign(ca_key, hashes.SHA256())
        )
        directory.mkdir(parents=True, exist_ok=True)
        ca = cls(directory / "peer-ca.pem", directory / "peer.pem", directory / "peer-key.pem")
        ca.ca_file.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
        ca.cert_file.write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
        ca.key_file.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        return ca

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context


# --- what the peer does -----------------------------------------------------------------------


@dataclass(frozen=True)
class Behaviour:
    """How the peer departs from a well-behaved Teenvio server (defaults: it does not)."""

    implicit_tls: bool = True  # port 46500 style; False: a STARTTLS port (58700, 2500)
    advertise_starttls: bool = False  # the seed's EHLO does not list it
    starttls_reply: str | None = None  # e.g. "454 TLS not available": refuse STARTTLS
    size_limit: int = MAX_SIZE  # what EHLO advertises as SIZE
    auth_reply: str | None = None  # e.g. AUTH_INVALID after the password
    mail_reply: str | None = None  # e.g. SENDER_REFUSED
    end_of_data_reply: str | None = None  # e.g. TOO_LARGE
    drop_after_data_lines: int | None = None  # hang up after reading this many DATA lines
    drop_after_dot: bool = False  # hang up once the message is in, without a reply
    greeting_delay_s: float = 0.0  # before the greeting
    reply_delay_s: float = 0.0  # before every later reply (a slow server)
    endless_ehlo: bool = False  # "250-..." lines that never end


@dataclass
class ReceivedMessage:
    sender: str
    declared_size: int | None
    recipients: list[str]
    data: bytes
    over_tls: bool

    def parsed(self) -> Message:
        return message_from_bytes(self.data)


@dataclass
class Conversation:
    """One client connection, as the peer saw it."""

    lines: list[str] = field(default_factory=list)  # every line the client sent
    tls: bool = False
    auth_over_tls: bool | None = None  # None: no AUTH received

    def verbs(self) -> list[str]:
        return [line.split(" ", 1)[0].upper() for line in self.lines]


class _HangUp(Exception):
    """The peer closes the connection (on purpose or because the client went away)."""


_ids = itertools.count(1166)


class SmtpPeer:
    """A listening SMTP-API peer; use as a context manager (``close()`` stops everything)."""

    def __init__(self, ca: PeerCa, behaviour: Behaviour | None = None) -> None:
        self.ca = ca
        self.behaviour = behaviour or Behaviour()
        self.host = "127.0.0.1"
        self.conversations: list[Conversation] = []
        self.messages: list[ReceivedMessage] = []
        self.violations: list[str] = []
        self._context = ca.server_context()
        self._listener = socket.create_server((self.host, 0))
        self._listener.settimeout(0.1)
        self.port = int(self._listener.getsockname()[1])
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept_loop, name="smtp-peer", daemon=True)
        self._acceptor.start()

    @property
    def ca_file(self) -> str:
        return str(self.ca.ca_file)

    # --- life cycle ---------------------------------------------------------------------

    def __enter__(self) -> SmtpPeer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._stop.set()
        self._acceptor.join(5)
        self._listener.close()
        with self._lock:
            for sock in list(self._open):
                _shut(sock)
        for thread in self._threads:
            thread.join(5)

    def wait_idle(self, timeout_s: float = 10.0) -> bool:
        """Every connection so far has ended (the server side is done with it)."""
        deadline = time.monotonic() + timeout_s
        for thread in list(self._threads):
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in self._threads)

    # --- what the tests read ------------------------------------------------------------

    @property
    def lines(self) -> list[str]:
        return [line for c in self.conversations for line in c.lines]

    def verbs(self) -> list[str]:
        return [verb for c in self.conversations for verb in c.verbs()]

    def received_auth(self) -> bool:
        return any(c.auth_over_tls is not None for c in self.conversations)

    # --- serving ------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                sock, _address = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conversation = Conversation()
            with self._lock:
                self.conversations.append(conversation)
                self._open.add(sock)
            thread = threading.Thread(
                target=self._serve, args=(sock, conversation), name="smtp-peer-conn", daemon=True
            )
            self._threads.append(thread)
            thread.start()

    def _serve(self, raw: socket.socket, conversation: Conversation) -> None:
        session = _Session(self, raw, conversation)
        try:
            session.run()
        except (_HangUp, OSError, ssl.SSLError):
            pass
        finally:
            session.close()
            with self._lock:
                self._open.discard(raw)

    def violation(self, text: str) -> None:
        with self._lock:
            self.violations.append(text)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


_ADDRESS = re.compile(r"^(MAIL FROM|RCPT TO):<([^<>\s]*)>(.*)$", re.IGNORECASE)


class _Session:
    """The SMTP state machine for one connection."""

    def __init__(self, peer: SmtpPeer, raw: socket.socket, conversation: Conversation) -> None:
        self.peer = peer
        self.behaviour = peer.behaviour
        self.raw = raw
        self.sock: socket.socket = raw
        self.conversation = conversation
        self.file = raw.makefile("rb")
        self.greeted = False
        self.authenticated = False
        self.sender: str | None = None
        self.declared_size: int | None = None
        self.recipients: list[str] = []
        raw.settimeout(30)

    def close(self) -> None:
        self.file.close()
        _shut(self.sock)
        self.sock.close()
        if self.sock is not self.raw:
            self.raw.close()

    # --- wire ---------------------------------------------------------------------------

    def reply(self, *lines: str, delay_s: float | None = None) -> None:
        delay_s = self.behaviour.reply_delay_s if delay_s is None else delay_s
        if delay_s:
            time.sleep(delay_s)
        self.sock.sendall("".join(f"{line}\r\n" for line in lines).encode())

    def read_line(self, *, record: bool = True) -> bytes:
        line = self.file.readline(MAX_LINE + 1)
        if not line:
            raise _HangUp()
        if len(line) > MAX_LINE:
            self.peer.violation("a line longer than 1000 bytes")
        if not line.endswith(b"\r\n"):
            self.peer.violation(f"a line not ending in CRLF: {line[:40]!r}")
        if record:
            self.conversation.lines.append(line.rstrip(b"\r\n").decode("utf-8", "replace"))
        return line

    def _use_tls(self) -> None:
        self.file.close()
        self.sock = self.peer._context.wrap_socket(self.raw, server_side=True)
        self.file = self.sock.makefile("rb")
        self.conversation.tls = True

    # --- the conversation ---------------------------------------------------------------

    def run(self) -> None:
        if self.behaviour.implicit_tls:
            self._use_tls()
        self.reply(GREETING, delay_s=self.behaviour.greeting_delay_s)
        while True:
            line = self.read_line().rstrip(b"\r\n").decode("utf-8", "replace")
            verb, _, argument = line.partition(" ")
            handler = getattr(self, f"on_{verb.upper()}", None)
            if handler is None:
                self.peer.violation(f"unknown command {verb!r}")
                self.reply(INVALID_COMMAND)
                continue
            if handler(argument) is False:
                return

    def on_EHLO(self, name: str) -> None:
        if not name.strip():
            self.peer.violation("EHLO without a name")
        self.greeted = True
        self.sender, self.recipients = None, []
        if self.behaviour.endless_ehlo:
            while True:
                self.reply("250-" + "x" * 60)
        lines = [
            text.format(name=name.strip(), size=self.behaviour.size_limit) for text in EHLO_LINES
        ]
        if self.behaviour.advertise_starttls and not self.conversation.tls:
            lines.insert(3, "STARTTLS")
        self.reply(*(f"250-{text}" for text in lines[:-1]), f"250 {lines[-1]}")

    def on_HELO(self, name: str) -> None:
        self.peer.violation("HELO instead of EHLO")
        self.greeted = True
        self.reply("250 apiX.teenvio.com")

    def on_STARTTLS(self, argument: str) -> None:
        if self.conversation.tls:
            self.peer.violation("STARTTLS on an encrypted connection")
            self.reply("503 5.5.1 Already in TLS")
            return
        if not self.greeted:
            self.peer.violation("STARTTLS before EHLO")
        if self.behaviour.starttls_reply is not None:
            self.reply(self.behaviour.starttls_reply)
            return
        self.reply("220 2.0.0 Ready to start TLS")
        self._use_tls()
        # RFC 3207: everything learnt before TLS is forgotten; the client must EHLO again.
        self.greeted = False
        self.authenticated = False

    def on_AUTH(self, argument: str) -> None:
        self.conversation.auth_over_tls = self.conversation.tls
        if not self.conversation.tls:
            self.peer.violation("AUTH on an unencrypted connection")
        if not self.greeted:
            self.peer.violation("AUTH before EHLO")
        if argument.strip().upper() != "LOGIN":
            self.peer.violation(f"AUTH {argument} instead of AUTH LOGIN")
            self.reply("504 A command parameter is not implemented.")
            return
        self.reply(USERNAME_PROMPT)
        user = base64.b64decode(self.read_line().strip()).decode("utf-8", "replace")
        self.reply(PASSWORD_PROMPT)
        password = base64.b64decode(self.read_line().strip()).decode("utf-8", "replace")
        if self.behaviour.auth_reply is not None:
            self.reply(self.behaviour.auth_reply)
            return
        if (user, password) != (USER, PASSWORD):
            self.reply(AUTH_INVALID)
            return
        self.authenticated = True
        self.reply(AUTH_OK)

    def on_MAIL(self, argument: str) -> None:
        match = _ADDRESS.match(f"MAIL {argument}")
        if match is None:
            self.peer.violation(f"malformed MAIL: {argument!r}")
            self.reply("501 Syntax error")
            return
        if not self.authenticated:
            self.peer.violation("MAIL before AUTH")
            self.reply(AUTH_REQUIRED)
            return
        size_match = re.search(r"\bSIZE=(\d+)", match.group(3), re.IGNORECASE)
        self.declared_size = int(size_match.group(1)) if size_match else None
        if self.declared_size is not None and self.declared_size > self.behaviour.size_limit:
            self.reply(TOO_LARGE)
            return
        if self.behaviour.mail_reply is not None:
            self.reply(self.behaviour.mail_reply)
            return
        self.sender, self.recipients = match.group(2), []
        self.reply("250 OK")

    def on_RCPT(self, argument: str) -> None:
        match = _ADDRESS.match(f"RCPT {argument}")
        if match is None:
            self.peer.violation(f"malformed RCPT: {argument!r}")
            self.reply("501 Syntax error")
            return
        if self.sender is None:
            self.peer.violation("RCPT before MAIL")
            self.reply(BAD_SEQUENCE)
            return
        self.recipients.append(match.group(2))
        self.reply("250 Accepted")

    def on_DATA(self, argument: str) -> bool:
        if self.sender is None or not self.recipients:
            self.peer.violation("DATA before MAIL and RCPT")
            self.reply(BAD_SEQUENCE)
            return True
        self.reply(START_DATA)
        data = bytearray()
        for count in itertools.count():
            drop_after = self.behaviour.drop_after_data_lines
            if drop_after is not None and count >= drop_after:
                raise _HangUp()
            line = self.read_line(record=False)
            if line == b".\r\n":
                break
            data += line[1:] if line.startswith(b".") else line  # RFC 5321 4.5.2
        if self.behaviour.drop_after_dot:
            raise _HangUp()
        self.conversation.lines.append(".")
        return self._end_of_data(bytes(data))

    def _end_of_data(self, data: bytes) -> bool:
        if self.declared_size is not None and self.declared_size != len(data):
            self.peer.violation(f"SIZE={self.declared_size} declared, {len(data)} bytes sent")
        if self.behaviour.end_of_data_reply is not None:
            self.reply(self.behaviour.end_of_data_reply)
            return True
        if len(data) > MAX_SIZE:
            self.reply(TOO_LARGE)
            return True
        message = ReceivedMessage(
            self.sender or "", self.declared_size, list(self.recipients), data,
            self.conversation.tls,
        )  # fmt: skip
        if data:  # a lone dot only imports the contacts (seed 3.2.2)
            types = {part.get_content_type() for part in message.parsed().walk()}
            if not {"text/plain", "text/html"} <= types:
                self.reply(INCOMPLETE)
                return True
        with self.peer._lock:
            self.peer.messages.append(message)
        self.sender, self.recipients = None, []
        if not data:
            self.reply("250 OK")
        else:
            self.reply(f"250 OK id={next(_ids)} fa8896c2351f8b7e73ac3a3d209c6ac5")
        return True

    def on_RSET(self, argument: str) -> None:
        self.sender, self.recipients = None, []
        self.reply("250 OK")

    def on_NOOP(self, argument: str) -> None:
        self.reply("250 OK")

    def on_QUIT(self, argument: str) -> bool:
        self.reply(CLOSING)
        return False
