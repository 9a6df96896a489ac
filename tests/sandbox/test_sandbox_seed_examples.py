"""Every request example of both seeds, replayed against the sandbox exactly as printed.

The TEA Lite examples keep their query strings and the /send body byte for byte; the
SMTP-API transcript (section 3.2.2, lines 001-073) and the PHP example (section 3.2.1) are
sent line by line over real sockets, with only the bracketed placeholders filled in.
"""

from __future__ import annotations

import base64
import re
import socket
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

import httpx
import pytest

from teenvio_desktop.sandbox.server import RunningSandbox

pytestmark = pytest.mark.timeout(60)

# --- TEA Lite (tea-lite-rest-api.txt) -----------------------------------------------------
SEND_EXAMPLE = b"""{
"type": "email",
"outboundId": "1",
"campaignId": "1",
"sourceSystem": "IDSystemaEnvio",
"sender": "envios@tralixenvios.com",
"senderName": "Envios",
"replyTo": "envios@tralixenvios.com",
"replyToName": "Envios",
"recipient": "email@tralix.com",
"recipientName": "Email",
"subjectContentPlainText": "Envio",
"bodyContentHTML":"HMTL",
"bodyContentPlainText": "Texto alternativo"
}"""
GET_EXAMPLES = [
    "/bounces?startTimeUTC=20240401000000&endTimeUTC=20240410235959&sourceSystem=1",
    "/responses?startTimeUTC=20240401000000&endTimeUTC=20240410235959&sourceSystem=1&campaignId=1",
    "/interactions?idCampaign=1&idMessage=1&type=CLICK",
    "/interactions?idCampaign=1&idMessage=1&type=OPEN",
    "/unsubscribe?sourceSystem=MySourceSystem",
]
# The keys of the seed's example answers.
OPEN_KEYS = {"email", "timestamp", "ip", "idCampaign", "idMessage", "link", "linkName", "type"}
CLICK_KEYS = OPEN_KEYS | {"sourceSystem"}

# --- SMTP-API (teenvio-smtp-api.txt, 3.2.2), as printed (line 026 wraps in the document) --
TRANSCRIPT = """\
001 >> 220 apiX.teenvio.com ESMTP API teenvio.com Thu, 12 Sep 2013 13:59:15 +0200
002 << EHLO MaquinaPrueba
003 >> 250-apiX.teenvio.com ESMTP API teenvio.com. Hola MaquinaPrueba!
004 >> 250-Recuerda que debes ser un usuario registrado de teenvio.com. http://teenvio.com/
005 >> 250-Usa este servicio con responsabilidad cumpliendo con las condiciones de uso.
006 >> 250-AUTH LOGIN
007 >> 250-SIZE 512000
008 >> 250-HELP
009 >> 250 AUTH LOGIN
010 << AUTH LOGIN
011 >> 334 VXNlcm5hbWU6
012 << [USUARIO EN BASE64]
013 >> 334 UGFzc3dvcmQ6
014 << [PASSWORD EN BASE64]
015 >> 235 Authentication Succeeded
016 << MAIL FROM:<remitente@dominio.com> SIZE=1307
017 >> 250 OK
018 << RCPT TO:<usuario@dominio.com>
019 >> 250 Accepted
020 << DATA
021 >> 354 Enter message, ending with "." on a line by itself
022 << Message-ID: <5231AC96.9010208@dominio.com>
023 << Date: Thu, 12 Sep 2013 13:59:18 +0200
024 << From: =?ISO-8859-1?Q?=22V=EDctor_J=2E_Chamorro=22?= <victor@dominio.com>
025 << X-Teenvio-SocialLinks: yes
026 << User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:10.0.12) Gecko/20130116
Thunderbird/10
027 << MIME-Version: 1.0
028 << To: usuario@dominio.com
029 << Subject: prueba correo simple
030 << Content-Type: multipart/alternative;
031 << boundary="-----050004090406000109090608"
032 <<
033 << This is a multi-part message in MIME format.
034 << -----050004090406000109090608
035 << Content-Type: text/plain; charset=ISO-8859-1; format=flowed
036 << Content-Transfer-Encoding: 8bit
037 <<
038 << Buenas,
039 <<
040 << Esto es un email *html* para probar el servidor smtp-api de teenvio
041 <<
042 << Un saludo,
043 <<
044 << _Victor J. Chamorro_ - teenvio.com
045 <<
046 <<
047 << -----050004090406000109090608
048 << Content-Type: text/html; charset=ISO-8859-1
049 << Content-Transfer-Encoding: 7bit
050 <<
051 << <html>
052 <<   <head>
053 <<       <meta http-equiv="content-type" content="text/html;
054 <<         charset=ISO-8859-1">
055 <<   </head>
056 <<   <body bgcolor="#FFFFFF" text="#000000">
057 <<       Buenas,<br>
058 <<       <br>
059 <<       Esto es un email <b>html</b> para probar el servidor smtp-api de
060 <<       teenvio<br>
061 <<       <br>
062 <<       Un saludo,<br>
063 <<       <br>
064 <<       <u>V&iacutector J. Chamorro</u> - teenvio.com<br>
065 <<       <br>
066 <<   </body>
067 << </html>
068 <<
069 << -----050004090406000109090608--
070 << .
071 >> 250 OK id=1166 fa8896c2351f8b7e73ac3a3d209c6ac5
072 << QUIT
073 >> 221 2.0.0 Closing connection.
"""
# Replies whose content varies (the date, the ids): the pattern they must match.
VARIABLE_REPLIES = {
    "001": rb"220 apiX\.teenvio\.com ESMTP API teenvio\.com "
    rb"\w{3}, \d{2} \w{3} \d{4} [\d:]{8} [+-]\d{4}",
    "071": rb"250 OK id=\d+ [0-9a-f]{32}",
}
LINE = re.compile(r"^(\d{3}) (<<|>>) ?(.*)$")


def transcript_steps() -> list[tuple[str, str, str]]:
    """(line number, "<<" or ">>", text); a wrapped line continues the previous "<<" line's
    data as a line of its own, exactly as the document prints it."""
    steps: list[tuple[str, str, str]] = []
    for raw in TRANSCRIPT.splitlines():
        match = LINE.match(raw)
        if match:
            steps.append((match.group(1), match.group(2), match.group(3)))
        else:
            steps.append((steps[-1][0], "<<", raw))
    return steps


@pytest.fixture
def seed_sandbox(sandbox_factory: Callable[..., RunningSandbox]) -> RunningSandbox:
    # The seed's host name and sender, so that its replies can be compared as printed.
    return sandbox_factory(hostname="apiX.teenvio.com", senders=("remitente@dominio.com",))


@contextmanager
def tls_session(sandbox: RunningSandbox) -> Iterator[tuple[ssl.SSLSocket, BinaryIO]]:
    info = sandbox.info
    context = ssl.create_default_context(cafile=str(info.ca_file))
    raw = socket.create_connection((info.host, info.smtps_port), timeout=10)
    with context.wrap_socket(raw, server_hostname=info.host) as sock, sock.makefile("rb") as f:
        yield sock, f


def test_every_tea_lite_example_request_is_accepted_as_written(
    seed_sandbox: RunningSandbox,
) -> None:
    headers = {
        "Authorization": f"Basic {seed_sandbox.info.token}",
        "Content-type": "application/json",
    }
    with httpx.Client(base_url=seed_sandbox.info.api_url, headers=headers, timeout=10) as http:
        sent = http.post("/send", content=SEND_EXAMPLE)
        assert sent.status_code == 202 and set(sent.json()) == {"messageId"}, sent.text
        seed_sandbox.simulate_until_done()  # its events happen now: inside the default window
        answers = {path: http.get(path) for path in GET_EXAMPLES}
    for path, answer in answers.items():
        assert answer.status_code == 200, (path, answer.text)
    for path in GET_EXAMPLES[:4]:
        assert isinstance(answers[path].json(), list), path
    for item in answers[GET_EXAMPLES[2]].json():
        assert set(item) == CLICK_KEYS
    for item in answers[GET_EXAMPLES[3]].json():
        assert set(item) >= OPEN_KEYS
    assert answers[GET_EXAMPLES[4]].json() == {"page": 1, "lastPage": True, "unsubscribes": []}
    # The example message was stored as the seed describes it.
    [message] = seed_sandbox.received_messages(source_system="IDSystemaEnvio")
    assert (message.recipient, message.subject, message.html) == (
        "email@tralix.com",
        "Envio",
        "HMTL",
    )


def test_interactions_example_reads_the_last_thirty_days(seed_sandbox: RunningSandbox) -> None:
    headers = {"Authorization": f"Basic {seed_sandbox.info.token}"}
    with httpx.Client(base_url=seed_sandbox.info.api_url, headers=headers, timeout=10) as http:
        body = SEND_EXAMPLE.replace(b'"email@tralix.com"', b'"clicker-1@tralix.com"').replace(
            b'"HMTL"', b'"<a href=\\"https://example.com/x\\">x</a>"'
        )
        assert http.post("/send", content=body).status_code == 202
        seed_sandbox.simulate_until_done()
        clicks = http.get(GET_EXAMPLES[2]).json()
        opens = http.get(GET_EXAMPLES[3]).json()
        lower = http.get("/interactions?idCampaign=1&idMessage=1&type=click").json()
        old = http.get(
            "/interactions?idCampaign=1&idMessage=1&type=CLICK"
            "&startTimeUTC=20240401000000&endTimeUTC=20240410235959"
        ).json()
    assert [c["link"] for c in clicks] == ["https://example.com/x"] and len(opens) == 2
    assert lower == clicks and old == []


def test_smtp_transcript_of_the_seed_is_accepted_line_by_line(seed_sandbox: RunningSandbox) -> None:
    info = seed_sandbox.info
    placeholders = {
        "[USUARIO EN BASE64]": base64.b64encode(info.user.encode()).decode(),
        "[PASSWORD EN BASE64]": base64.b64encode(info.password.encode()).decode(),
    }
    with tls_session(seed_sandbox) as (sock, replies):
        for number, direction, text in transcript_steps():
            if direction == "<<":
                sock.sendall(placeholders.get(text, text).encode("latin-1") + b"\r\n")
                continue
            reply = replies.readline().rstrip(b"\r\n")
            expected = VARIABLE_REPLIES.get(number)
            if expected is not None:
                assert re.fullmatch(expected, reply), (number, reply)
            else:
                assert reply == text.encode(), (number, reply)
    [campaign] = seed_sandbox.received_campaigns()
    assert campaign.subject == "prueba correo simple"
    assert campaign.recipients == ("usuario@dominio.com",)
    assert campaign.teenvio_headers == {"X-Teenvio-SocialLinks": "yes"}
    assert campaign.text.startswith("Buenas,") and "<b>html</b>" in campaign.html
    user_agent = dict(campaign.headers)["User-Agent"]
    assert user_agent.endswith("Gecko/20130116 Thunderbird/10")


def test_php_example_with_bare_line_feeds(seed_sandbox: RunningSandbox) -> None:
    """Section 3.2.1: fwrite($fp, "EHLO PruebaPHP\\n"), read until "250 ", "QUIT\\n"."""
    with tls_session(seed_sandbox) as (sock, replies):
        assert replies.readline().startswith(b"220 ")
        sock.sendall(b"EHLO PruebaPHP\n")
        lines = []
        while not lines or lines[-1][:4] != b"250 ":
            lines.append(replies.readline())
        assert lines[0] == b"250-apiX.teenvio.com ESMTP API teenvio.com. Hola PruebaPHP!\r\n"
        sock.sendall(b"QUIT\n")
        assert replies.readline() == b"221 2.0.0 Closing connection.\r\n"


def test_smtp_keywords_in_any_case(seed_sandbox: RunningSandbox) -> None:
    info = seed_sandbox.info
    user = base64.b64encode(info.user.encode())
    password = base64.b64encode(info.password.encode())
    conversation = [
        (b"ehlo MaquinaPrueba", b"250 AUTH LOGIN"),
        (b"auth login", b"334 VXNlcm5hbWU6"),
        (user, b"334 UGFzc3dvcmQ6"),
        (password, b"235 Authentication Succeeded"),
        (b"mail from:<Remitente@Dominio.com> size=1307", b"250 OK"),
        (b"Rcpt To:<usuario@dominio.com>", b"250 Accepted"),
        (b"rset", b"250 OK"),
        (b"Quit", b"221 2.0.0 Closing connection."),
    ]
    with tls_session(seed_sandbox) as (sock, replies):
        assert replies.readline().startswith(b"220 ")
        for command, expected in conversation:
            sock.sendall(command + b"\r\n")
            reply = replies.readline()
            while reply[3:4] == b"-":
                reply = replies.readline()
            assert reply.rstrip(b"\r\n") == expected, (command, reply)
