"""The SMTP-API conversation of the seed (section 3.2.2) and its error codes (section 4),
driven with Python's smtplib over real sockets, on both listeners."""

from __future__ import annotations

import base64
import re
import smtplib
from collections.abc import Callable

import pytest

from teenvio_desktop.sandbox.server import RunningSandbox
from tests.helpers.sandbox import SEED_MESSAGE, smtp_ssl, smtp_starttls, tls_context

pytestmark = pytest.mark.timeout(30)

EHLO_LINES = [
    b"api.sandbox.teenvio.local ESMTP API teenvio.com. Hola MaquinaPrueba!",
    b"Recuerda que debes ser un usuario registrado de teenvio.com. http://teenvio.com/",
    b"Usa este servicio con responsabilidad cumpliendo con las condiciones de uso.",
    b"AUTH LOGIN",
    b"SIZE 512000",
    b"HELP",
    b"AUTH LOGIN",
]


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def _connect(sandbox: RunningSandbox, port_kind: str) -> tuple[smtplib.SMTP, int, bytes]:
    info = sandbox.info
    client: smtplib.SMTP
    client = (
        smtplib.SMTP_SSL(context=tls_context(sandbox), timeout=10)
        if port_kind == "ssl"
        else smtplib.SMTP(timeout=10)
    )
    # smtplib takes the TLS server name from the constructor's host only (we connect
    # separately to read the greeting).
    client._host = info.host
    port = info.smtps_port if port_kind == "ssl" else info.smtp_port
    code, greeting = client.connect(info.host, port)
    return client, code, greeting


@pytest.mark.parametrize("port_kind", ["starttls", "ssl"])
def test_the_seed_transcript_line_by_line(sandbox: RunningSandbox, port_kind: str) -> None:
    client, code, greeting = _connect(sandbox, port_kind)
    # 001: 220 apiX.teenvio.com ESMTP API teenvio.com Thu, 12 Sep 2013 13:59:15 +0200
    assert code == 220
    assert re.fullmatch(
        rb"api\.sandbox\.teenvio\.local ESMTP API teenvio\.com "
        rb"\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}",
        greeting,
    ), greeting
    if port_kind == "starttls":
        code, lines = client.ehlo("MaquinaPrueba")
        assert lines.split(b"\n") == [*EHLO_LINES[:5], b"STARTTLS", *EHLO_LINES[5:]]
        assert client.starttls(context=tls_context(sandbox))[0] == 220
    # 002-009
    code, lines = client.ehlo("MaquinaPrueba")
    assert code == 250
    assert lines.split(b"\n") == EHLO_LINES
    # 010-015: AUTH LOGIN with the seed's prompts
    assert client.docmd("AUTH", "LOGIN") == (334, b"VXNlcm5hbWU6")
    assert client.docmd(_b64(sandbox.info.user)) == (334, b"UGFzc3dvcmQ6")
    assert client.docmd(_b64(sandbox.info.password)) == (235, b"Authentication Succeeded")
    # 016-019
    size = len(SEED_MESSAGE.encode())
    assert client.docmd("MAIL", f"FROM:<demo@example.com> SIZE={size}") == (250, b"OK")
    assert client.docmd("RCPT", "TO:<usuario@dominio.com>") == (250, b"Accepted")
    # 020-071
    assert client.docmd("DATA") == (354, b'Enter message, ending with "." on a line by itself')
    client.send(SEED_MESSAGE.encode() + b".\r\n")
    code, answer = client.getreply()
    assert code == 250
    match = re.fullmatch(rb"OK id=(\d+) ([0-9a-f]{32})", answer)
    assert match, answer
    # 072-073
    assert client.docmd("QUIT") == (221, b"2.0.0 Closing connection.")
    client.close()

    (campaign,) = sandbox.received_campaigns()
    assert campaign.teenvio_id == int(match.group(1))
    assert campaign.smtp_ident == match.group(2).decode()
    assert campaign.recipients == ("usuario@dominio.com",)
    assert campaign.subject == "prueba correo simple"
    assert campaign.teenvio_headers == {"X-Teenvio-SocialLinks": "yes"}


def test_smtplib_login_and_sendmail_on_both_ports(sandbox: RunningSandbox) -> None:
    for connect in (smtp_starttls, smtp_ssl):
        with connect(sandbox) as client:
            refused = client.sendmail("demo@example.com", ["a@example.org"], SEED_MESSAGE)
            assert refused == {}
    ids = [c.teenvio_id for c in sandbox.received_campaigns()]
    assert ids == [1001, 1002]


def test_auth_is_refused_before_starttls(sandbox: RunningSandbox) -> None:
    client, _, _ = _connect(sandbox, "starttls")
    client.ehlo("MaquinaPrueba")
    assert client.docmd("AUTH", "LOGIN") == (530, b"5.7.0 Must issue a STARTTLS command first")
    with pytest.raises(smtplib.SMTPAuthenticationError) as caught:
        client.login(sandbox.info.user, sandbox.info.password)
    assert caught.value.smtp_code == 530
    client.close()


def test_plain_auth_can_be_allowed_for_cleartext_clients(
    sandbox_factory: Callable[..., RunningSandbox],
) -> None:
    running = sandbox_factory(allow_plain_auth=True)
    with smtplib.SMTP(running.info.host, running.info.smtp_port, timeout=10) as client:
        assert client.login(running.info.user, running.info.password)[0] == 235


def test_invalid_command_500_and_551(sandbox: RunningSandbox) -> None:
    with smtp_ssl(sandbox) as client:
        assert client.docmd("FOO") == (500, b"5.5.1 Invalid command")
        assert client.docmd("VRFY", "demo@example.com") == (551, b"Invalid command")
        assert client.docmd("EXPN", "list") == (551, b"Invalid command")


def test_data_before_mail_and_rcpt_503(sandbox: RunningSandbox) -> None:
    with smtp_ssl(sandbox) as client:
        expected = (503, b"valid RCPT and MAIL command must precede DATA")
        assert client.docmd("DATA") == expected
        assert client.docmd("MAIL", "FROM:<demo@example.com>") == (250, b"OK")
        assert client.docmd("DATA") == expected


def test_parameter_not_implemented_504(sandbox: RunningSandbox) -> None:
    with smtp_ssl(sandbox, login=False) as client:
        assert client.docmd("AUTH", "PLAIN") == (504, b"A command parameter is not implemented.")
        client.login(sandbox.info.user, sandbox.info.password)
        answer = client.docmd("MAIL", "FROM:<demo@example.com> FOO=bar")
        assert answer == (504, b"A command parameter is not implemented.")


def test_authentication_required_530(sandbox: RunningSandbox) -> None:
    with smtp_ssl(sandbox, login=False) as client:
        for command, arg in (("MAIL", "FROM:<demo@example.com>"), ("RCPT", "TO:<a@b.c>")):
            assert client.docmd(command, arg) == (530, b"Authentication required")
        assert client.docmd("DATA") == (530, b"Authentication required")


def test_invalid_credentials_535(sandbox: RunningSandbox) -> None:
    for user, password in ((sandbox.info.user, "wrong"), ("nobody", sandbox.info.password)):
        with smtp_ssl(sandbox, login=False) as client:
            with pytest.raises(smtplib.SMTPAuthenticationError) as caught:
                client.login(user, password)
            assert caught.value.smtp_code == 535
            assert caught.value.smtp_error == b"Authentication credentials invalid"


def test_message_too_big_552(sandbox: RunningSandbox) -> None:
    too_big = b"552 message size exceeds fixed maximum message size (512000) bytes"
    with smtp_ssl(sandbox) as client:
        code, text = client.docmd("MAIL", "FROM:<demo@example.com> SIZE=512001")
        assert (code, b"552 " + text) == (552, too_big)
        client.rset()
        body = SEED_MESSAGE.replace("Buenas,", "Buenas,\r\n" + ("x" * 76 + "\r\n") * 7000, 1)
        # smtplib announces the size in MAIL: refused there.
        with pytest.raises(smtplib.SMTPSenderRefused) as refused:
            client.sendmail("demo@example.com", ["a@example.org"], body)
        assert (refused.value.smtp_code, b"552 " + refused.value.smtp_error) == (552, too_big)
        # Without SIZE in MAIL the limit is enforced at the end of DATA.
        assert client.mail("demo@example.com") == (250, b"OK")
        assert client.rcpt("a@example.org") == (250, b"Accepted")
        code, text = client.data(body)
        assert (code, b"552 " + text) == (552, too_big)
    assert sandbox.received_campaigns() == []


def test_sender_not_validated_553(sandbox: RunningSandbox) -> None:
    with smtp_ssl(sandbox) as client:
        answer = client.docmd("MAIL", "FROM:<intruso@example.net>")
        assert answer == (553, b"Remitente no existente o no validado desde su plan de teenvio")
        with pytest.raises(smtplib.SMTPSenderRefused) as caught:
            client.sendmail("intruso@example.net", ["a@example.org"], SEED_MESSAGE)
        assert caught.value.smtp_code == 553


@pytest.mark.parametrize(
    ("kept", "reason"),
    [
        ("text/plain", b"el mensaje no tiene parte HTML (text/html)"),
        ("text/html", b"el mensaje no tiene parte de texto plano (text/plain)"),
    ],
)
def test_missing_part_500_internal_error(sandbox: RunningSandbox, kept: str, reason: bytes) -> None:
    message = f"Subject: incompleto\r\nContent-Type: {kept}\r\n\r\nsolo una parte\r\n"
    with smtp_ssl(sandbox) as client, pytest.raises(smtplib.SMTPDataError) as caught:
        client.sendmail("demo@example.com", ["a@example.org"], message)
    assert caught.value.smtp_code == 500
    assert caught.value.smtp_error == b"Internal error - " + reason
    assert sandbox.received_campaigns() == []


def test_syntax_error_500(sandbox: RunningSandbox) -> None:
    with smtp_ssl(sandbox) as client:
        assert client.docmd("MAIL", "TO:<demo@example.com>") == (500, b"Syntax error")
        assert client.docmd("RCPT") == (503, b"Error: need MAIL command")
        assert client.docmd("MAIL", "FROM:<demo@example.com>") == (250, b"OK")
        assert client.docmd("RCPT", "FROM:<a@b.c>") == (500, b"Syntax error")
