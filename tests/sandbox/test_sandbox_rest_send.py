"""POST /send and /sendWithAttachment over real HTTP (httpx), answers checked against the
sandbox's OpenAPI document."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from teenvio_desktop.sandbox.rest_params import REQUIRED_SEND_ATTRIBUTES
from teenvio_desktop.sandbox.server import RunningSandbox
from tests.helpers.sandbox import api, send_body
from tests.sandbox.openapi_check import assert_matches_openapi

pytestmark = pytest.mark.timeout(30)

FORBIDDEN = {"errorText": "CredentialsRejected", "errorCategory": "Permanent"}


def _permanent(text: str) -> dict[str, str]:
    return {"errorCategory": "Permanent", "errorText": text}


def test_send_the_seed_example(sandbox: RunningSandbox) -> None:
    with api(sandbox) as http:
        answer = http.post("/send", json=send_body(sendAt="20300101120000"))
    assert answer.status_code == 202
    assert assert_matches_openapi(answer) == {"messageId": "1"}
    (message,) = sandbox.received_messages()
    assert (message.transport, message.source_system, message.campaign_id) == (
        "rest",
        "IDSystemaEnvio",
        "1",
    )
    assert (message.recipient, message.recipient_name, message.subject) == (
        "email@tralix.com",
        "Email",
        "Envio",
    )
    assert (message.sender, message.sender_name, message.reply_to, message.reply_to_name) == (
        "demo@example.com",
        "Envios",
        "demo@example.com",
        "Envios",
    )
    assert message.text == "Texto alternativo" and "oferta" in (message.html or "")
    assert (message.type, message.send_at, message.outbound_id) == ("email", "20300101120000", "1")
    assert message.payload["senderName"] == "Envios"


def test_same_outbound_id_is_one_message(sandbox: RunningSandbox) -> None:
    with api(sandbox) as http:
        first = http.post("/send", json=send_body(outboundId="abc"))
        again = http.post("/send", json=send_body(outboundId="abc", subjectContentPlainText="2"))
        other = http.post("/send", json=send_body(outboundId="def"))
        other_system = http.post("/send", json=send_body(outboundId="abc", sourceSystem="B"))
    assert first.json() == again.json() == {"messageId": "1"}
    assert other.json() == {"messageId": "2"}
    assert other_system.json() == {"messageId": "3"}
    assert [m.subject for m in sandbox.received_messages()] == ["Envio", "Envio", "Envio"]


def test_every_call_needs_the_token(sandbox: RunningSandbox) -> None:
    calls = [
        ("POST", "/send"),
        ("POST", "/sendWithAttachment"),
        ("GET", "/bounces"),
        ("GET", "/responses"),
        ("GET", "/interactions"),
        ("GET", "/unsubscribe"),
    ]
    for headers in ({}, {"Authorization": "Basic wrong"}, {"Authorization": "Bearer x"}):
        for method, path in calls:
            answer = httpx.request(method, sandbox.info.api_url + path, headers=headers, timeout=10)
            assert answer.status_code == 403, (path, headers)
            assert assert_matches_openapi(answer, check_request=False) == FORBIDDEN
    assert sandbox.received_messages() == []


@pytest.mark.parametrize("attribute", REQUIRED_SEND_ATTRIBUTES)
def test_each_required_attribute(sandbox: RunningSandbox, attribute: str) -> None:
    with api(sandbox) as http:
        missing = http.post("/send", json=send_body(**{attribute: None}))
        blank = http.post("/send", json=send_body(**{attribute: "  "}))
    for answer in (missing, blank):
        assert answer.status_code == 500
        assert assert_matches_openapi(answer, check_request=False) == _permanent(
            f"El {attribute} es requerido"
        )
    assert sandbox.received_messages() == []


@pytest.mark.parametrize(
    ("overrides", "attribute"),
    [
        ({"recipient": "no-es-un-correo"}, "recipient"),
        ({"sender": "a@b"}, "sender"),
        ({"replyTo": ["demo@example.com"]}, "replyTo"),
        ({"sendAt": "2030-01-01"}, "sendAt"),
        ({"sendAt": "20301301000000"}, "sendAt"),
        ({"subjectContentPlainText": "Hola\r\nBcc: todos@example.org"}, "subjectContentPlainText"),
        ({"recipientName": "A\nB"}, "recipientName"),
        ({"campaignId": True}, "campaignId"),
    ],
)
def test_malformed_attributes(
    sandbox: RunningSandbox, overrides: dict[str, object], attribute: str
) -> None:
    with api(sandbox) as http:
        answer = http.post("/send", json=send_body(**overrides))
    assert answer.status_code == 500
    assert answer.json() == _permanent(f"El {attribute} no es válido")


def test_numbers_are_accepted_as_ids(sandbox: RunningSandbox) -> None:
    with api(sandbox) as http:
        answer = http.post("/send", json=send_body(campaignId=7, outboundId=8))
    assert answer.status_code == 202
    assert sandbox.received_messages()[0].campaign_id == "7"


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]", b""])
def test_body_must_be_a_json_object(sandbox: RunningSandbox, body: bytes) -> None:
    with api(sandbox) as http:
        answer = http.post("/send", content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == 500
    assert answer.json()["errorCategory"] == "Permanent"


def _form(**overrides: object) -> dict[str, str]:
    return {k: str(v) for k, v in send_body(**overrides).items()}


def test_send_with_attachment(sandbox: RunningSandbox) -> None:
    files = [
        ("attachment", ("tarifa.pdf", b"%PDF-1.4", "application/pdf")),
        ("attachment", ("datos.csv", b"a;b\n1;2\n", "text/csv")),
    ]
    with api(sandbox) as http:
        answer = http.post("/sendWithAttachment", data=_form(outboundId="f1"), files=files)
    assert answer.status_code == 202
    assert assert_matches_openapi(answer, check_request=False) == {"messageId": "1"}
    (message,) = sandbox.received_messages()
    assert [(a.filename, a.content_type, a.size) for a in message.attachments] == [
        ("tarifa.pdf", "application/pdf", 8),
        ("datos.csv", "text/csv", 8),
    ]
    assert httpx.get(message.attachments[0].url).content == b"%PDF-1.4"
    assert message.subject == "Envio"


def test_send_with_attachment_accepts_a_json_part(sandbox: RunningSandbox) -> None:
    import json

    files = [
        ("request", ("request.json", json.dumps(send_body()).encode(), "application/json")),
        ("attachment", ("a.txt", b"hola", "text/plain")),
    ]
    # A file part named "request" holding JSON is read as the attributes, not attached.
    with api(sandbox) as http:
        answer = http.post("/sendWithAttachment", files=files)
    assert answer.status_code == 202, answer.text
    (message,) = sandbox.received_messages()
    assert [a.filename for a in message.attachments] == ["a.txt"]


def test_send_with_attachment_errors(sandbox: RunningSandbox) -> None:
    with api(sandbox) as http:
        no_file = http.post("/sendWithAttachment", data=_form(), files={"other": ("x", b"x")})
        as_json = http.post("/sendWithAttachment", json=send_body())
        big = http.post(
            "/sendWithAttachment",
            data=_form(),
            files={"attachment": ("big.bin", b"\0" * (2 * 1024 * 1024 + 1))},
        )
        missing = http.post(
            "/sendWithAttachment", data=_form(recipient=None), files={"attachment": ("a", b"a")}
        )
    for answer in (no_file, as_json):
        assert answer.status_code == 400
        assert assert_matches_openapi(answer, check_request=False) == {
            "errorCategory": "Permanent",
            "errorText": "key not found: attachment",
        }
    assert big.status_code == 400
    assert big.json() == _permanent("Request size too big. Maximum request size is 2 MB.")
    assert missing.status_code == 500
    assert missing.json() == _permanent("El recipient es requerido")
    assert sandbox.received_messages() == []


def test_streamed_upload_without_length_is_limited_too(sandbox: RunningSandbox) -> None:
    boundary = "frontera"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="attachment"; filename="b.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()

    def chunks() -> Iterator[bytes]:
        yield head
        for _ in range(3):
            yield b"\0" * (1024 * 1024)
        yield tail

    with api(sandbox) as http:
        answer = http.post(
            "/sendWithAttachment",
            content=chunks(),
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )
        assert "content-length" not in {k.lower() for k in answer.request.headers}
    assert answer.status_code == 400
    assert answer.json()["errorText"] == "Request size too big. Maximum request size is 2 MB."
