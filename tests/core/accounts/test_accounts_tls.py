"""SMTP connection tests against real TLS servers on loopback: refused before AUTH when the
certificate is wrong, a private CA accepted through the account's CA file."""

from __future__ import annotations

import socket

import pytest
from conftest import PASSWORD, USER
from keyring.backends import fail

from teenvio_desktop.core.accounts import (
    Account,
    ConnectionFailed,
    SecretKind,
    SecretStore,
    SmtpConnection,
)
from teenvio_desktop.core.accounts import probe as probe_module
from teenvio_desktop.core.accounts.probe import probe_smtp
from teenvio_desktop.core.smtp.errors import AuthenticationFailed
from teenvio_desktop.core.smtp.settings import SmtpSettings
from teenvio_desktop.core.tasks import CancelToken, no_progress

pytestmark = pytest.mark.timeout(60)


def _settings(host: str, port: int, security: str, **changes) -> SmtpSettings:
    values = {"password": PASSWORD, "timeout": 5, **changes}
    return SmtpSettings(host, port, security, USER, **values)  # type: ignore[arg-type]


def _probe(server, security: str, *, ca_file=None, password: str = PASSWORD) -> str:
    settings = _settings(
        server.host, server.port, security, password=password,
        ca_file=str(ca_file) if ca_file else None, greeting_timeout=1.5,
    )  # fmt: skip
    return probe_smtp(settings)


@pytest.mark.parametrize("mode", ["tls", "starttls"])
def test_a_private_ca_named_in_the_account_is_trusted(smtp_server, pki, mode: str) -> None:
    server = smtp_server(mode, "good")
    _probe(server, mode, ca_file=pki.ca_file)
    assert server.handler.auth_attempts == ["LOGIN"]


@pytest.mark.parametrize("mode", ["tls", "starttls"])
def test_an_untrusted_certificate_is_refused_before_auth(smtp_server, mode: str) -> None:
    server = smtp_server(mode, "good")  # the system CAs do not know the private CA
    with pytest.raises(ConnectionFailed) as caught:
        _probe(server, mode)
    assert "is not trusted" in str(caught.value) and "CA file" in str(caught.value)
    assert "before sending any credentials" in str(caught.value)
    assert server.handler.auth_attempts == []


@pytest.mark.parametrize("mode", ["tls", "starttls"])
def test_an_expired_certificate_is_refused_before_auth(smtp_server, pki, mode: str) -> None:
    server = smtp_server(mode, "expired")
    with pytest.raises(ConnectionFailed) as caught:
        _probe(server, mode, ca_file=pki.ca_file)
    assert "has expired" in str(caught.value)
    assert server.handler.auth_attempts == []


@pytest.mark.parametrize("mode", ["tls", "starttls"])
def test_a_certificate_for_another_host_is_refused_before_auth(smtp_server, pki, mode: str) -> None:
    server = smtp_server(mode, "other-host")
    with pytest.raises(ConnectionFailed) as caught:
        _probe(server, mode, ca_file=pki.ca_file)
    assert "belongs to another server" in str(caught.value)
    assert server.handler.auth_attempts == []


def test_a_self_signed_certificate_is_refused_even_with_a_ca_file(smtp_server, pki) -> None:
    server = smtp_server("tls", "self-signed")
    with pytest.raises(ConnectionFailed, match="is not trusted"):
        _probe(server, "tls", ca_file=pki.ca_file)
    assert server.handler.auth_attempts == []


def test_wrong_credentials_are_explained_with_the_server_reply(smtp_server, pki) -> None:
    server = smtp_server("tls", "good")
    with pytest.raises(AuthenticationFailed) as caught:  # the server's answer, not the network
        _probe(server, "tls", ca_file=pki.ca_file, password="wrong-password")
    assert "rejected the user name or password" in str(caught.value)
    assert caught.value.server_code == 535


def test_tls_against_a_starttls_port_says_which_port_to_use(smtp_server, pki) -> None:
    server = smtp_server("starttls", "good")
    with pytest.raises(ConnectionFailed) as caught:
        _probe(server, "tls", ca_file=pki.ca_file)
    assert "probably expects STARTTLS" in str(caught.value)
    assert server.handler.auth_attempts == []


def test_starttls_against_an_implicit_tls_port_says_which_port_to_use(smtp_server, pki) -> None:
    server = smtp_server("tls", "good")
    with pytest.raises(ConnectionFailed) as caught:
        _probe(server, "starttls", ca_file=pki.ca_file)
    assert "expects TLS from the start" in str(caught.value)


def test_a_closed_port_is_reported_as_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, not listening: connections are refused
        with pytest.raises(ConnectionFailed, match="refused the connection on port"):
            probe_smtp(_settings("127.0.0.1", port, "tls"))


def test_an_unknown_host_is_reported_as_a_name_problem() -> None:
    with pytest.raises(ConnectionFailed, match="could not be found"):
        probe_smtp(_settings("no-such-host.invalid", 46500, "tls"))


def test_starttls_missing_from_a_plain_server_never_sends_the_password(smtp_server) -> None:
    server = smtp_server("plain")
    with pytest.raises(ConnectionFailed, match="does not offer STARTTLS"):
        _probe(server, "starttls")
    assert server.handler.auth_attempts == []


def test_test_connection_reports_each_transport(smtp_server, pki) -> None:
    server = smtp_server("starttls", "good")
    secrets = SecretStore(fail.Keyring())
    secrets.set_session_only("Acme", SecretKind.SMTP_PASSWORD, PASSWORD)
    account = Account(
        "Acme",
        smtp=SmtpConnection(server.host, server.port, "starttls", USER),
        ca_file=str(pki.ca_file),
    )
    report = probe_module.test_connection(account, secrets, no_progress, CancelToken())
    assert report.ok and [c.transport for c in report.checks] == ["smtp"]
    missing = probe_module.test_connection(
        account.with_changes(name="Other"), secrets, no_progress, CancelToken()
    )
    assert not missing.ok and "No SMTP password is known" in str(missing.checks[0].error)
