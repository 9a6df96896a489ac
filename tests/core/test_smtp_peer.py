"""Sending and "Test connection" against a strict, hostile SMTP-API peer written from the seed.

The peer (``tests/peers/smtp_peer.py``) is not the sandbox: it speaks the seed's exact
greeting and EHLO (which lists no STARTTLS), insists on the protocol's order and limits,
and misbehaves on request. Real sockets and TLS from a test CA.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from teenvio_desktop.core.accounts.probe import probe_smtp
from teenvio_desktop.core.errors import Cancelled
from teenvio_desktop.core.smtp import errors
from teenvio_desktop.core.smtp.client import send_campaign_smtp
from teenvio_desktop.core.smtp.settings import SmtpSettings
from teenvio_desktop.core.tasks import CancelToken
from tests.helpers.smtp import sample_campaign
from tests.peers.smtp_peer import (
    AUTH_INVALID,
    PASSWORD,
    SENDER_REFUSED,
    TOO_LARGE,
    USER,
    Behaviour,
    PeerCa,
    SmtpPeer,
)

pytestmark = pytest.mark.timeout(60)

PeerFactory = Callable[..., SmtpPeer]


@pytest.fixture(scope="session")
def peer_ca(tmp_path_factory: pytest.TempPathFactory) -> PeerCa:
    return PeerCa.create(tmp_path_factory.mktemp("smtp-peer-ca"))


@pytest.fixture
def peer(peer_ca: PeerCa) -> Iterator[PeerFactory]:
    started: list[SmtpPeer] = []

    def start(**behaviour: object) -> SmtpPeer:
        running = SmtpPeer(peer_ca, Behaviour(**behaviour))  # type: ignore[arg-type]
        started.append(running)
        return running

    yield start
    for running in started:
        running.close()


def settings_for(peer: SmtpPeer, **changes: object) -> SmtpSettings:
    security = "tls" if peer.behaviour.implicit_tls else "starttls"
    settings = SmtpSettings(
        peer.host, peer.port, security, USER, PASSWORD, ca_file=peer.ca_file, timeout=10
    )
    return replace(settings, **changes)  # type: ignore[arg-type]


def test_the_seed_conversation_over_implicit_tls(peer: PeerFactory) -> None:
    server = peer()
    campaign = sample_campaign()
    result = send_campaign_smtp(campaign, settings_for(server))
    assert server.wait_idle()
    assert server.violations == []
    verbs = server.verbs()
    assert verbs[:2] == ["EHLO", "AUTH"] and server.lines[1] == "AUTH LOGIN"
    assert verbs[4:] == ["MAIL", "RCPT", "RCPT", "DATA", ".", "QUIT"]
    assert server.lines[0] == "EHLO [127.0.0.1]"
    assert server.lines[4] == f"MAIL FROM:<demo@example.com> SIZE={result.size}"
    (message,) = server.messages
    assert message.over_tls and message.recipients == ["ana@example.com", "Luis@example.org"]
    assert len(message.data) == result.size
    assert (result.teenvio_id, result.smtp_id) == (
        result.teenvio_id,
        "fa8896c2351f8b7e73ac3a3d209c6ac5",
    )
    assert result.teenvio_id is not None and result.teenvio_id.isdigit()
    assert message.parsed()["Subject"]  # a real message, both parts checked by the peer


def test_starttls_is_sent_although_the_seeds_ehlo_does_not_list_it(peer: PeerFactory) -> None:
    server = peer(implicit_tls=False)  # a 58700 port whose EHLO is the seed's, no STARTTLS
    result = send_campaign_smtp(sample_campaign(), settings_for(server))
    assert server.wait_idle()
    assert server.violations == []
    verbs = server.verbs()
    assert verbs[:3] == ["EHLO", "STARTTLS", "EHLO"]  # greeted again over TLS (RFC 3207)
    (conversation,) = server.conversations
    assert conversation.auth_over_tls is True
    assert server.messages[0].over_tls and result.teenvio_id


def test_an_advertised_starttls_works_the_same(peer: PeerFactory) -> None:
    server = peer(implicit_tls=False, advertise_starttls=True)
    send_campaign_smtp(sample_campaign(), settings_for(server))
    assert server.wait_idle()
    assert server.verbs()[:3] == ["EHLO", "STARTTLS", "EHLO"] and server.violations == []


@pytest.mark.parametrize("refusal", ["454 TLS not available", "502 5.5.1 Invalid command"])
def test_a_refused_starttls_stops_before_auth(peer: PeerFactory, refusal: str) -> None:
    server = peer(implicit_tls=False, starttls_reply=refusal)
    with pytest.raises(errors.StartTlsNotOffered) as info:
        send_campaign_smtp(sample_campaign(), settings_for(server))
    assert server.wait_idle()
    assert "no credentials were sent" in str(info.value)
    assert refusal in info.value.render()  # the server's own answer is shown
    assert not server.received_auth()
    assert not any(line.upper().startswith("AUTH") for line in server.lines)
    assert server.verbs() == ["EHLO", "STARTTLS", "QUIT"]
    assert server.messages == []


def test_the_probe_uses_the_same_session(peer: PeerFactory) -> None:
    server = peer(implicit_tls=False)
    banner = probe_smtp(settings_for(server))
    assert banner.startswith("apiX.teenvio.com ESMTP API teenvio.com. Hola [127.0.0.1]!")
    assert server.wait_idle()
    assert server.verbs()[:4] == ["EHLO", "STARTTLS", "EHLO", "AUTH"]
    assert server.verbs()[-1] == "QUIT" and len(server.verbs()) == 7  # user, password
    assert server.conversations[0].auth_over_tls is True and server.violations == []


def test_the_probe_stops_before_auth_when_starttls_is_refused(peer: PeerFactory) -> None:
    server = peer(implicit_tls=False, starttls_reply="454 TLS not available")
    with pytest.raises(errors.StartTlsNotOffered):
        probe_smtp(settings_for(server))
    assert server.wait_idle()
    assert not server.received_auth()


def test_the_probe_explains_rejected_credentials(peer: PeerFactory) -> None:
    server = peer()
    with pytest.raises(errors.AuthenticationFailed) as info:
        probe_smtp(settings_for(server, password="wrong"))
    assert info.value.server_code == 535
    assert "rejected the user name or password" in str(info.value)


def test_535_stops_the_send_before_mail(peer: PeerFactory) -> None:
    server = peer(auth_reply=AUTH_INVALID)
    with pytest.raises(errors.AuthenticationFailed) as info:
        send_campaign_smtp(sample_campaign(), settings_for(server))
    assert server.wait_idle()
    assert info.value.render().endswith(AUTH_INVALID)
    assert "MAIL" not in server.verbs() and server.verbs()[-1] == "QUIT"


def test_553_names_the_sender_and_sends_nothing(peer: PeerFactory) -> None:
    server = peer(mail_reply=SENDER_REFUSED)
    with pytest.raises(errors.SenderNotValidated) as info:
        send_campaign_smtp(sample_campaign(sender="nadie@example.com"), settings_for(server))
    assert server.wait_idle()
    assert "nadie@example.com" in str(info.value) and info.value.server_code == 553
    assert "RCPT" not in server.verbs() and "DATA" not in server.verbs()


def test_552_at_the_end_of_data(peer: PeerFactory) -> None:
    server = peer(end_of_data_reply=TOO_LARGE)
    with pytest.raises(errors.MessageTooLarge) as info:
        send_campaign_smtp(sample_campaign(), settings_for(server))
    assert server.wait_idle()
    assert info.value.limit == 512000 and info.value.server_code == 552
    assert server.messages == []


def test_a_smaller_advertised_size_is_refused_before_mail(peer: PeerFactory) -> None:
    server = peer(size_limit=1000)
    with pytest.raises(errors.MessageTooLarge) as info:
        send_campaign_smtp(sample_campaign(), settings_for(server))
    assert server.wait_idle()
    assert info.value.limit == 1000
    assert "MAIL" not in server.verbs() and not server.received_auth()


def test_a_hang_up_in_the_middle_of_data(peer: PeerFactory) -> None:
    server = peer(drop_after_data_lines=3)
    with pytest.raises(errors.ConnectionLost) as info:
        send_campaign_smtp(sample_campaign(), settings_for(server))
    assert f"(port {server.port})" in str(info.value)
    assert server.messages == []


def test_a_hang_up_after_the_message_may_have_launched_it(peer: PeerFactory) -> None:
    server = peer(drop_after_dot=True)
    with pytest.raises(errors.ConnectionLost) as info:
        send_campaign_smtp(sample_campaign(), settings_for(server))
    assert info.value.after_data
    assert "may have been launched" in str(info.value)


def test_a_slow_server_is_waited_for(peer: PeerFactory) -> None:
    server = peer(implicit_tls=False, reply_delay_s=0.2)
    result = send_campaign_smtp(sample_campaign(), settings_for(server, timeout=10))
    assert result.teenvio_id and server.violations == []


def test_a_server_slower_than_the_timeout_is_reported(peer: PeerFactory) -> None:
    server = peer(reply_delay_s=3.0)
    with pytest.raises(errors.ConnectionLost) as info:
        send_campaign_smtp(sample_campaign(), settings_for(server, timeout=0.5))
    assert not info.value.after_data and "not launched" in str(info.value)


@pytest.mark.parametrize("implicit_tls", [True, False])
def test_a_server_that_does_not_greet_in_time(peer: PeerFactory, implicit_tls: bool) -> None:
    server = peer(implicit_tls=implicit_tls, greeting_delay_s=3.0)
    expected = errors.ConnectTimeout if implicit_tls else errors.NoGreeting
    with pytest.raises(expected):
        send_campaign_smtp(sample_campaign(), settings_for(server, greeting_timeout=0.5))
    assert server.lines == []


def test_an_endless_ehlo_answer_is_cut_off(peer: PeerFactory) -> None:
    server = peer(endless_ehlo=True)
    with pytest.raises(errors.ConnectionLost) as info:
        send_campaign_smtp(sample_campaign(), settings_for(server))
    assert "its reply went on past 100 lines" in str(info.value)
    assert not server.received_auth()


def test_contacts_only_sends_the_lone_dot(peer: PeerFactory) -> None:
    server = peer()
    result = send_campaign_smtp(sample_campaign(), settings_for(server), contacts_only=True)
    assert server.wait_idle()
    assert result.contacts_only and server.violations == []
    (message,) = server.messages
    assert message.data == b"" and message.recipients == ["ana@example.com", "Luis@example.org"]


def test_cancelling_before_auth_leaves_politely(peer: PeerFactory) -> None:
    server = peer(implicit_tls=False)
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Cancelled):
        send_campaign_smtp(sample_campaign(), settings_for(server), cancel=cancel)
    assert server.lines == []  # cancelled before connecting: nothing at all


def test_the_peer_is_independent_of_the_application() -> None:
    source = (Path(__file__).parents[1] / "peers" / "smtp_peer.py").read_text()
    assert "teenvio_desktop" not in source
