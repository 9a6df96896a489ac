"""How each TEA Lite answer or failure to a POST /send is classified.

Real ``httpx`` responses and exceptions; the rule under test: only what provably did not
reach the server, or what the server said to retry, is sent again; an unknown outcome
is uncertain.
"""

from __future__ import annotations

import ssl

import httpx
import pytest

from teenvio_desktop.core.outbox.transport import classify_answer, classify_exception

URL = "https://tealite.example/send"


def answer(status: int, body: bytes | None, **headers: str) -> tuple[httpx.Response, bytes | None]:
    request = httpx.Request("POST", URL)
    return httpx.Response(status, headers=headers, request=request), body


@pytest.mark.parametrize(
    ("status", "body", "kind", "message_id"),
    [
        (202, b'{ "messageId":"1" }', "accepted", "1"),
        (200, b'{"messageId": 124}', "accepted", "124"),
        (202, b"", "accepted", None),  # a 2xx is an acceptance, even without a body
        (202, None, "accepted", None),  # ... or when the body could not be read
        (202, b"<html>OK</html>", "accepted", None),
        (202, b'{"messageId": {"x": 1}}', "accepted", None),
        (202, b'{"messageId": "' + b"9" * 500 + b'"}', "accepted", None),
        (202, b'{"messageId": "a\\nb"}', "accepted", None),
        (
            400,
            b'{ "errorCategory":"Retriable", "errorText":"Servicio temporalmente inaccesible"}',
            "retry",
            None,
        ),
        (
            500,
            b'{ "errorCategory":"Permanent", "errorText":"El recipient es requerido"}',
            "failed",
            None,
        ),
        (
            400,
            b'{"errorText": "key not found: attachment", "errorCategory": "Permanent"}',
            "failed",
            None,
        ),
        (500, b"Internal Server Error", "uncertain", None),  # the seed's bare "Error fatal"
        (500, b"", "uncertain", None),
        (502, b"<html>Bad Gateway</html>", "uncertain", None),
        (503, None, "uncertain", None),
        (429, b"", "retry", None),
        (408, b"", "retry", None),
        (404, b"Not Found", "failed", None),
        (403, b'{"errorText":"CredentialsRejected","errorCategory":"Permanent"}', "stop", None),
        (401, b"", "stop", None),
    ],
)
def test_answers(status: int, body: bytes | None, kind: str, message_id: str | None) -> None:
    response, content = answer(status, body)
    outcome = classify_answer(URL, "/send", response, content)
    assert (outcome.kind, outcome.message_id) == (kind, message_id)
    assert not outcome.maybe_sent


def test_a_redirect_stops_the_campaign_and_the_message_is_uncertain() -> None:
    response, content = answer(303, b"", Location="https://elsewhere.example/send")
    outcome = classify_answer(URL, "/send", response, content)
    assert outcome.kind == "stop" and outcome.maybe_sent
    assert outcome.error is not None and "elsewhere.example" in str(outcome.error)


def _caused_by(exc: Exception, cause: BaseException) -> Exception:
    exc.__cause__ = cause
    return exc


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), "retry"),
        (httpx.ConnectError("[Errno -2] Name or service not known"), "retry"),  # DNS
        (httpx.ConnectTimeout("timed out"), "retry"),
        (httpx.PoolTimeout("no connection free"), "retry"),
        (httpx.ReadTimeout("timed out"), "uncertain"),
        (httpx.ReadError("connection reset"), "uncertain"),
        (httpx.RemoteProtocolError("Server disconnected without sending a response."), "uncertain"),
        (httpx.WriteError("broken pipe"), "uncertain"),
        (httpx.WriteTimeout("timed out"), "uncertain"),
        (OSError("unexpected"), "uncertain"),
        (httpx.UnsupportedProtocol("ftp"), "stop"),
        (
            _caused_by(
                httpx.ConnectError("certificate verify failed"),
                ssl.SSLCertVerificationError("self-signed certificate"),
            ),
            "stop",
        ),
    ],
)
def test_failures(exc: Exception, kind: str) -> None:
    assert classify_exception(URL, exc).kind == kind
