"""Starting, stopping and restarting the sandbox: listeners, TLS files, credentials."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from teenvio_desktop.sandbox.embedded import CREDENTIALS_FILE, start_embedded_sandbox
from teenvio_desktop.sandbox.server import RunningSandbox
from tests.helpers.sandbox import api, send_body, smtp_ssl, smtp_starttls


def _greets(sandbox: RunningSandbox) -> bool:
    """Both SMTP listeners answer with a greeting (a whole session, closed with QUIT)."""
    with smtp_starttls(sandbox, login=False) as plain, smtp_ssl(sandbox, login=False) as tls:
        return plain.noop()[0] == tls.noop()[0] == 250


@pytest.mark.timeout(30)
def test_every_listener_accepts_once_started(sandbox: RunningSandbox) -> None:
    info = sandbox.info
    assert info.host == "127.0.0.1"
    assert len({info.smtp_port, info.smtps_port}) == 2
    assert info.api_url.startswith("http://127.0.0.1:")
    # A whole session, not a bare connect: one dropped before the TLS handshake would leave
    # the server's half open until its handshake timeout.
    assert _greets(sandbox)
    with api(sandbox) as http:
        assert http.get("/openapi.json").status_code == 200
    assert info.ca_file.is_file() and b"BEGIN CERTIFICATE" in info.ca_file.read_bytes()
    assert "password=<hidden>" in repr(info) and info.password not in repr(info)


@pytest.mark.timeout(30)
def test_stop_closes_every_listener(sandbox_factory: Callable[..., RunningSandbox]) -> None:
    running = sandbox_factory()
    ports = (
        running.info.smtp_port,
        running.info.smtps_port,
        int(running.info.api_url.split(":")[-1]),
    )
    running.stop()
    running.stop()  # idempotent
    for port in ports:
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=2).close()


@pytest.mark.timeout(30)
def test_both_transports_work_end_to_end(sandbox: RunningSandbox) -> None:
    with smtp_starttls(sandbox) as client:
        client.sendmail(
            "demo@example.com",
            ["a@example.org"],
            b"Subject: s\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n"
            b"--b\r\nContent-Type: text/plain\r\n\r\nt\r\n--b\r\nContent-Type: text/html\r\n\r\n"
            b"<p>h</p>\r\n--b--\r\n",
        )
    with smtp_ssl(sandbox) as client:
        assert client.noop()[0] == 250
    with api(sandbox) as http:
        answer = http.post("/send", json=send_body())
    assert answer.status_code == 202
    assert [c.subject for c in sandbox.received_campaigns()] == ["s"]
    assert len(sandbox.received_messages()) == 2


@pytest.mark.timeout(60)
def test_embedded_sandbox_keeps_credentials_and_ca_across_restarts(tmp_path: Path) -> None:
    first = start_embedded_sandbox(tmp_path / "sb")
    try:
        info1 = first.info
        ca1 = info1.ca_file.read_bytes()
        with api(first) as http:
            assert http.post("/send", json=send_body()).status_code == 202
    finally:
        first.stop()
    stored = json.loads((tmp_path / "sb" / CREDENTIALS_FILE).read_text())
    assert stored["password"] == info1.password and stored["token"] == info1.token
    assert (tmp_path / "sb" / CREDENTIALS_FILE).stat().st_mode & 0o077 == 0
    second = start_embedded_sandbox(tmp_path / "sb")
    try:
        assert (second.info.user, second.info.password, second.info.token) == (
            info1.user,
            info1.password,
            info1.token,
        )
        assert second.info.ca_file.read_bytes() == ca1
        # What the first run received is still there.
        assert len(second.received_messages()) == 1
        with smtp_ssl(second) as client:
            assert client.noop()[0] == 250
    finally:
        second.stop()


@pytest.mark.timeout(30)
def test_embedded_sandbox_shows_outcomes_within_seconds(tmp_path: Path) -> None:
    import time

    from tests.helpers.sandbox import WIDE

    running = start_embedded_sandbox(tmp_path / "demo")
    try:
        with api(running) as http:
            body = send_body(recipient="clicker@example.org", outboundId="demo")
            assert http.post("/send", json=body).status_code == 202
            params = {"sourceSystem": "IDSystemaEnvio", "campaignId": "1", **WIDE}
            deadline = time.monotonic() + 10
            while not http.get("/responses", params=params).json():
                assert time.monotonic() < deadline, "no delivery within 10 s"
                time.sleep(0.1)
    finally:
        running.stop()


@pytest.mark.timeout(30)
def test_a_busy_port_fails_the_start_cleanly(
    tmp_path: Path, sandbox_factory: Callable[..., RunningSandbox]
) -> None:
    import threading

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        threads = threading.active_count()
        with pytest.raises(OSError):
            sandbox_factory(api_port=busy.getsockname()[1])
    assert threading.active_count() == threads  # the loop thread ended


@pytest.mark.timeout(30)
def test_tls_is_verified_against_the_sandbox_ca_only(sandbox: RunningSandbox) -> None:
    import smtplib
    import ssl

    system_only = ssl.create_default_context()
    with pytest.raises(ssl.SSLCertVerificationError):
        smtplib.SMTP_SSL(
            sandbox.info.host, sandbox.info.smtps_port, context=system_only, timeout=10
        )
    trusting = ssl.create_default_context(cafile=str(sandbox.info.ca_file))
    # The certificate names localhost as well as the loopback address.
    with smtplib.SMTP_SSL("localhost", sandbox.info.smtps_port, context=trusting, timeout=10) as c:
        assert c.noop()[0] == 250


@pytest.mark.timeout(30)
def test_stop_closes_open_sessions(tmp_path: Path) -> None:
    import gc
    import smtplib
    import warnings

    from teenvio_desktop.sandbox.server import SandboxConfig, start_sandbox

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        running = start_sandbox(SandboxConfig(data_dir=tmp_path / "open"))
        implicit, starttls = smtp_ssl(running), smtp_starttls(running)
        starttls.mail("demo@example.com")
        running.stop()
        for client in (implicit, starttls):
            with pytest.raises(smtplib.SMTPServerDisconnected):
                client.noop()
            client.close()
        del running
        gc.collect()
    leaked = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert leaked == []
