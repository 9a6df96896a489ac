"""Fault injection, set at start or while running, as the clients' reliability tests see it."""

from __future__ import annotations

import smtplib
import time
from collections.abc import Callable

import httpx
import pytest

from teenvio_desktop.sandbox.server import RunningSandbox
from tests.helpers.sandbox import SEED_MESSAGE, WIDE, api, send_body, smtp_ssl, smtp_starttls

pytestmark = pytest.mark.timeout(30)

RETRIABLE = {"errorCategory": "Retriable", "errorText": "Servicio temporalmente inaccesible"}


def test_fail_rate_answers_400_retriable(sandbox_factory: Callable[..., RunningSandbox]) -> None:
    sandbox = sandbox_factory(fail_rate=1.0)
    with api(sandbox) as http:
        sent = http.post("/send", json=send_body())
        asked = http.get("/bounces", params={"sourceSystem": "S", **WIDE})
    for answer in (sent, asked):
        assert answer.status_code == 400
        assert answer.json() == RETRIABLE
    assert sandbox.received_messages() == []
    assert sandbox.fault_counts()["fail_rate"] == 2


def test_faults_change_while_running_and_are_seeded(sandbox: RunningSandbox) -> None:
    assert sandbox.set_faults(fail_rate=0.5).fail_rate == 0.5
    with api(sandbox) as http:
        codes = [
            http.post("/send", json=send_body(outboundId=str(n))).status_code for n in range(40)
        ]
        assert {400, 202} == set(codes)
        assert sandbox.fault_counts()["fail_rate"] == codes.count(400)
        sandbox.set_faults(fail_rate=0.0)
        assert http.post("/send", json=send_body(outboundId="x")).status_code == 202
    assert len(sandbox.received_messages()) == codes.count(202) + 1
    assert sandbox.faults.fail_rate == 0.0


def test_drop_rate_stores_the_message_but_never_answers(sandbox: RunningSandbox) -> None:
    sandbox.set_faults(drop_rate=1.0)
    with api(sandbox) as http:
        with pytest.raises(httpx.RemoteProtocolError):
            http.post("/send", json=send_body(outboundId="dup"))
        with pytest.raises(httpx.RemoteProtocolError):
            http.get("/unsubscribe", params={"sourceSystem": "S"})
        assert len(sandbox.received_messages()) == 1
        # The client's retry with the same outboundId gets the first messageId: no duplicate.
        sandbox.set_faults(drop_rate=0.0)
        retry = http.post("/send", json=send_body(outboundId="dup"))
    assert retry.status_code == 202
    assert retry.json() == {"messageId": sandbox.received_messages()[0].message_id}
    assert len(sandbox.received_messages()) == 1
    assert sandbox.fault_counts()["drop_rate"] == 2


def test_latency_delays_rest_and_smtp_answers(sandbox: RunningSandbox) -> None:
    sandbox.set_faults(latency_ms=300)
    with api(sandbox) as http:
        started = time.monotonic()
        assert http.get("/unsubscribe", params={"sourceSystem": "S"}).status_code == 200
        assert time.monotonic() - started >= 0.3
    with smtp_ssl(sandbox) as client:
        started = time.monotonic()
        client.sendmail("demo@example.com", ["a@example.org"], SEED_MESSAGE)
        assert time.monotonic() - started >= 0.3


def test_smtp_fail_rate_answers_451_and_stores_nothing(
    sandbox_factory: Callable[..., RunningSandbox],
) -> None:
    sandbox = sandbox_factory(smtp_fail_rate=1.0)
    with smtp_starttls(sandbox) as client, pytest.raises(smtplib.SMTPDataError) as caught:
        client.sendmail("demo@example.com", ["a@example.org"], SEED_MESSAGE)
    assert caught.value.smtp_code == 451
    assert sandbox.received_campaigns() == []
    assert sandbox.fault_counts()["smtp_fail_rate"] == 1


def test_smtp_drop_rate_drops_the_connection_after_storing(sandbox: RunningSandbox) -> None:
    sandbox.set_faults(smtp_drop_rate=1.0)
    client = smtp_ssl(sandbox)
    with pytest.raises(smtplib.SMTPServerDisconnected):
        client.sendmail("demo@example.com", ["a@example.org"], SEED_MESSAGE)
    client.close()
    assert len(sandbox.received_campaigns()) == 1
    sandbox.set_faults(smtp_drop_rate=0.0)
    with smtp_ssl(sandbox) as again:
        assert again.sendmail("demo@example.com", ["a@example.org"], SEED_MESSAGE) == {}
    assert len(sandbox.received_campaigns()) == 2


def test_fault_settings_are_checked(sandbox: RunningSandbox) -> None:
    with pytest.raises(ValueError, match="fail_rate"):
        sandbox.set_faults(fail_rate=1.5)
    with pytest.raises(ValueError, match="latency_ms"):
        sandbox.set_faults(latency_ms=-1)
    assert sandbox.faults.fail_rate == 0.0
