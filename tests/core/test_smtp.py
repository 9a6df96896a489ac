"""Sending through the SMTP-API over real sockets: the sandbox and small recording servers."""

from __future__ import annotations

import email.policy
from collections.abc import Callable
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest

from teenvio_desktop.core.errors import Cancelled
from teenvio_desktop.core.smtp import (
    STAGE_AUTHENTICATING,
    STAGE_CONNECTING,
    STAGE_DATA,
    STAGE_RECIPIENTS,
    SmtpSettings,
    errors,
    parse_final_reply,
    send_campaign_smtp,
)
from teenvio_desktop.core.tasks import CancelToken, Progress
from teenvio_desktop.sandbox.server import RunningSandbox
from tests.helpers.smtp import (
    PNG,
    ScriptedServer,
    recording_aiosmtpd,
    sample_campaign,
    sandbox_settings,
)

pytestmark = pytest.mark.timeout(60)


def parse(raw: bytes) -> EmailMessage:
    msg = BytesParser(policy=email.policy.default).parsebytes(raw)
    assert isinstance(msg, EmailMessage)
    return msg


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_sends_to_the_sandbox_and_reads_back_the_same_message(
    sandbox: RunningSandbox, security: str
) -> None:
    stages: list[Progress] = []
    result = send_campaign_smtp(
        sample_campaign(), sandbox_settings(sandbox, security), stages.append
    )

    (received,) = sandbox.received_campaigns()
    assert result.teenvio_id == str(received.teenvio_id)
    assert result.smtp_id == received.smtp_ident
    assert result.reply == f"250 OK id={received.teenvio_id} {received.smtp_ident}"
    # Duplicates are sent once; the envelope keeps the address as written.
    assert result.accepted == ["ana@example.com", "Luis@example.org"]
    assert list(received.recipients) == result.accepted
    assert result.refused == {}
    assert received.size == result.size

    back = parse(received.raw)
    assert back["Subject"] == "Novedades de otoño — ¡descuentos! ☂"
    (sender,) = back["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Víctor J. Chamorro", "demo@example.com")
    (reply_to,) = back["Reply-To"].addresses
    assert reply_to.display_name == "Equipo Teenvio, Soporte"
    assert received.teenvio_headers == {
        "X-Teenvio-ShowCab": "no",
        "X-Teenvio-SocialLinks": "yes",
        "X-Teenvio-Language": "4",
    }
    plain = back.get_body(("plain",))
    html = back.get_body(("html",))
    assert plain is not None and html is not None
    assert "https://teenvio.example/o" in plain.get_content()
    assert 'src="cid:logo@teenvio"' in html.get_content()
    (image,) = [p for p in back.walk() if p.get_content_maintype() == "image"]
    assert image["Content-ID"] == "<logo@teenvio>"
    assert image.get_content() == PNG
    assert [(i.filename, i.content_id) for i in received.inline_images] == [
        ("logo.png", "logo@teenvio")
    ]

    names = [p.stage for p in stages]
    for stage in (STAGE_CONNECTING, STAGE_AUTHENTICATING, STAGE_RECIPIENTS, STAGE_DATA):
        assert stage in names
    recipients = [p for p in stages if p.stage == STAGE_RECIPIENTS]
    assert [(p.done, p.total) for p in recipients] == [(0, 2), (1, 2), (2, 2)]


def test_contacts_only_sends_just_the_ending_dot(sandbox: RunningSandbox) -> None:
    result = send_campaign_smtp(sample_campaign(), sandbox_settings(sandbox), contacts_only=True)
    assert result.contacts_only and result.teenvio_id is None
    assert result.reply == "250 OK"
    assert sandbox.received_campaigns() == []
    (group,) = sandbox.contact_groups()
    assert list(group.emails) == ["ana@example.com", "Luis@example.org"]


def test_contacts_only_on_the_wire_is_the_lone_dot() -> None:
    server = ScriptedServer()
    try:
        send_campaign_smtp(sample_campaign(), server.settings(), contacts_only=True)
    finally:
        server.close()
    assert server.data_lines == []  # nothing between DATA's 354 and the "." line
    assert server.lines[4:] == [
        "MAIL FROM:<demo@example.com>",
        "RCPT TO:<ana@example.com>",
        "RCPT TO:<Luis@example.org>",
        "DATA",
        "QUIT",
    ]


def test_the_conversation_matches_the_seed() -> None:
    server = ScriptedServer()
    try:
        result = send_campaign_smtp(sample_campaign(), server.settings())
    finally:
        server.close()
    lines = server.lines
    assert lines[0] == "EHLO [127.0.0.1]"
    assert lines[1] == "AUTH LOGIN"
    assert lines[2] == "dXN1YXJpby5wbGFu"  # base64("usuario.plan")
    assert lines[3] == "c2VjcmV0bw=="  # base64("secreto")
    assert lines[4] == f"MAIL FROM:<demo@example.com> SIZE={result.size}"
    assert lines[5:7] == ["RCPT TO:<ana@example.com>", "RCPT TO:<Luis@example.org>"]
    assert lines[7:] == ["DATA", "QUIT"]
    assert (result.teenvio_id, result.smtp_id) == ("1166", "fa8896c2351f8b7e73ac3a3d209c6ac5")
    assert sum(len(line) for line in server.data_lines) == result.size


def test_untrusted_sandbox_ca_stops_before_anything_is_sent(sandbox: RunningSandbox) -> None:
    for security in ("tls", "starttls"):
        with pytest.raises(errors.CertificateUntrusted) as info:
            send_campaign_smtp(sample_campaign(), sandbox_settings(sandbox, security, ca_file=None))
        text = str(info.value)
        assert "nothing was sent and no credentials were sent" in text
        assert (
            str(sandbox.info.smtp_port if security == "starttls" else sandbox.info.smtps_port)
            in text
        )
    assert sandbox.received_campaigns() == []
    assert sandbox.contact_groups() == []


@pytest.mark.parametrize("implicit", [False, True])
def test_untrusted_certificate_means_no_auth_reaches_the_server(
    tmp_path: Path, implicit: bool
) -> None:
    with recording_aiosmtpd(tmp_path, starttls=not implicit, implicit_tls=implicit) as (
        port,
        record,
        _ca,
    ):
        settings = SmtpSettings(
            "127.0.0.1", port, "tls" if implicit else "starttls", "u.p", "pw", timeout=5
        )
        with pytest.raises(errors.CertificateUntrusted):
            send_campaign_smtp(sample_campaign(), settings)
    assert not [c for c in record if c.startswith(("AUTH", "MAIL"))]
    assert record == ([] if implicit else ["EHLO", "STARTTLS"])


def test_expired_certificate_stops_before_auth(tmp_path: Path) -> None:
    with recording_aiosmtpd(tmp_path, starttls=True, expired=True) as (port, record, ca_file):
        settings = SmtpSettings(
            "127.0.0.1", port, "starttls", "u.p", "pw", ca_file=str(ca_file), timeout=5
        )
        with pytest.raises(errors.CertificateExpired) as info:
            send_campaign_smtp(sample_campaign(), settings)
    assert record == ["EHLO", "STARTTLS"]
    assert "has expired" in str(info.value)
    assert "nothing was sent and no credentials were sent" in str(info.value)


def test_server_without_starttls_means_no_auth(tmp_path: Path) -> None:
    with recording_aiosmtpd(tmp_path, starttls=False) as (port, record, _ca):
        settings = SmtpSettings("127.0.0.1", port, "starttls", "u.p", "pw", timeout=5)
        with pytest.raises(errors.StartTlsNotOffered) as info:
            send_campaign_smtp(sample_campaign(), settings)
    # STARTTLS is asked for even though the EHLO did not list it; refused, so no AUTH.
    assert record == ["EHLO", "STARTTLS"]
    assert "no credentials were sent" in str(info.value)


def test_certificate_for_another_host_stops_before_auth(tmp_path: Path) -> None:
    with recording_aiosmtpd(tmp_path, starttls=False, implicit_tls=True, bind_host="127.0.0.2") as (
        port,
        record,
        ca_file,
    ):
        settings = SmtpSettings(
            "127.0.0.2", port, "tls", "u.p", "pw", ca_file=str(ca_file), timeout=5
        )
        with pytest.raises(errors.CertificateWrongHost) as info:
            send_campaign_smtp(sample_campaign(), settings)
    assert record == []
    assert "belongs to another server" in str(info.value)
    assert "no credentials were sent" in str(info.value)


def test_security_none_is_refused_for_remote_hosts() -> None:
    settings = SmtpSettings("smtp.teenvio.com", 2500, "none", "u.p", "pw")
    with pytest.raises(errors.InsecureConnectionRefused) as info:
        send_campaign_smtp(sample_campaign(), settings)
    assert "smtp.teenvio.com" in str(info.value)


def test_security_none_to_the_sandbox_plain_port_gets_530(sandbox: RunningSandbox) -> None:
    settings = sandbox_settings(sandbox, "none")
    with pytest.raises(errors.AuthenticationRequired) as info:
        send_campaign_smtp(sample_campaign(), settings)
    assert info.value.server_code == 530


def test_security_none_works_to_loopback_when_the_server_allows_it(
    sandbox_factory: Callable[..., RunningSandbox],
) -> None:
    sandbox = sandbox_factory(allow_plain_auth=True)
    result = send_campaign_smtp(sample_campaign(), sandbox_settings(sandbox, "none"))
    assert result.teenvio_id == str(sandbox.received_campaigns()[0].teenvio_id)


def test_refused_connection_names_host_and_port() -> None:
    import socket

    # Bound but not listening: the port stays ours, and connecting to it is refused.
    with socket.socket() as reserved:
        reserved.bind(("127.0.0.1", 0))
        port = reserved.getsockname()[1]
        settings = SmtpSettings("127.0.0.1", port, "none", "u.p", "pw", timeout=5)
        with pytest.raises(errors.ConnectionRefused) as info:
            send_campaign_smtp(sample_campaign(), settings)
    assert f"127.0.0.1 refused the connection on port {port}" in str(info.value)


def test_no_greeting_suggests_tls(sandbox: RunningSandbox) -> None:
    # STARTTLS aimed at the implicit-TLS port: the server waits for a handshake, no greeting.
    settings = sandbox_settings(sandbox, "starttls", port=sandbox.info.smtps_port, timeout=1.0)
    with pytest.raises(errors.NoGreeting) as info:
        send_campaign_smtp(sample_campaign(), settings)
    assert f"port {sandbox.info.smtps_port} but did not greet" in str(info.value)


def test_tls_aimed_at_the_starttls_port_fails_the_handshake(sandbox: RunningSandbox) -> None:
    settings = sandbox_settings(sandbox, "tls", port=sandbox.info.smtp_port)
    with pytest.raises(errors.TlsHandshakeFailed) as info:
        send_campaign_smtp(sample_campaign(), settings)
    assert "46500 uses TLS from the start, 58700 uses STARTTLS" in str(info.value)


def test_a_server_that_stops_answering_names_host_and_port() -> None:
    server = ScriptedServer(replies={"RCPT": ""})  # never answers RCPT
    try:
        with pytest.raises(errors.ConnectionLost) as info:
            send_campaign_smtp(sample_campaign(), server.settings(timeout=0.5))
    finally:
        server.close()
    assert not info.value.after_data
    assert f"127.0.0.1 (port {server.port}) was lost or timed out" in str(info.value)
    assert "not launched" in str(info.value)


def test_cancel_between_recipients_stops_before_data(sandbox: RunningSandbox) -> None:
    cancel = CancelToken()
    recipients = [f"r{i}@example.com" for i in range(50)]

    def progress(p: Progress) -> None:
        if p.stage == STAGE_RECIPIENTS and p.done == 10:
            cancel.cancel()

    with pytest.raises(Cancelled):
        send_campaign_smtp(
            sample_campaign(recipients=recipients), sandbox_settings(sandbox), progress, cancel
        )
    assert sandbox.received_campaigns() == []


def test_cancel_before_connecting_sends_nothing() -> None:
    server = ScriptedServer()
    cancel = CancelToken()
    cancel.cancel()
    try:
        with pytest.raises(Cancelled):
            send_campaign_smtp(sample_campaign(), server.settings(), cancel=cancel)
    finally:
        server.close()
    assert server.lines == []


def test_refused_recipients_are_kept_per_address() -> None:
    server = ScriptedServer()
    calls = {"n": 0}
    original = server._reply

    def reply(out: object, text: str) -> None:
        if text == "250 Accepted":
            calls["n"] += 1
            if calls["n"] == 2:
                text = "550 5.1.1 No such user"
        original(out, text)

    server._reply = reply  # type: ignore[method-assign]
    try:
        result = send_campaign_smtp(sample_campaign(), server.settings())
    finally:
        server.close()
    assert result.accepted == ["ana@example.com"]
    assert result.refused == {"Luis@example.org": (550, "5.1.1 No such user")}


def test_parse_final_reply() -> None:
    assert parse_final_reply("OK id=1166 fa8896c2351f8b7e73ac3a3d209c6ac5") == (
        "1166",
        "fa8896c2351f8b7e73ac3a3d209c6ac5",
    )
    assert parse_final_reply("OK") == (None, None)


def test_settings_repr_hides_the_password() -> None:
    settings = SmtpSettings("h", 1, "tls", "u", "s3cr3t-value")
    assert "s3cr3t-value" not in repr(settings)
    assert "<hidden>" in repr(settings)
