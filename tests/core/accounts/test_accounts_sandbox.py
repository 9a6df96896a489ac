"""The built-in sandbox account and “Test connection” against the real sandbox."""

from __future__ import annotations

import pytest
from keyring.backends import fail

from teenvio_desktop.core.accounts import (
    Account,
    RestConnection,
    SecretKind,
    SecretStore,
    SmtpConnection,
    account_repository,
    secret_store,
    smtp_for_account,
    tealite_for_account,
)
from teenvio_desktop.core.accounts import probe as probe_module
from teenvio_desktop.core.tasks import CancelToken, Progress

pytestmark = pytest.mark.timeout(60)


def test_the_sandbox_account_connects_over_both_apis(app_context, sandbox) -> None:
    app_context.sandbox = sandbox
    repo = account_repository(app_context)
    account = repo.default()
    assert account is not None and account.is_sandbox
    stages: list[Progress] = []
    report = probe_module.test_connection(
        account, secret_store(app_context), stages.append, CancelToken()
    )
    assert report.ok, [str(c.error) for c in report.checks]
    assert [c.transport for c in report.checks] == ["smtp", "rest"]
    assert stages[-1].done == stages[-1].total == 2
    _, smtp = smtp_for_account(app_context, "sandbox", env={})
    assert smtp.password == sandbox.info.password
    _, tealite = tealite_for_account(app_context, "Sandbox", env={"TEENVIO_TOKEN": "tok-env-1"})
    assert tealite.token == "tok-env-1"  # the environment wins on the command line


def test_starttls_port_and_wrong_secrets_against_the_sandbox(sandbox) -> None:
    info = sandbox.info
    account = Account(
        "Mine",
        smtp=SmtpConnection(info.host, info.smtp_port, "starttls", info.user),
        rest=RestConnection(info.api_url, "mine"),
        ca_file=str(info.ca_file),
    )
    secrets = SecretStore(fail.Keyring())
    secrets.set_session_only("Mine", SecretKind.SMTP_PASSWORD, info.password)
    secrets.set_session_only("Mine", SecretKind.TEALITE_TOKEN, info.token)
    assert probe_module.test_connection(account, secrets, lambda p: None, CancelToken()).ok

    secrets.set_session_only("Mine", SecretKind.SMTP_PASSWORD, "wrong-password-1")
    secrets.set_session_only("Mine", SecretKind.TEALITE_TOKEN, "wrong-token-1")
    report = probe_module.test_connection(account, secrets, lambda p: None, CancelToken())
    smtp_check, rest_check = report.checks
    assert "rejected the user name or password" in str(smtp_check.error)
    assert "rejected the token" in str(rest_check.error)
    assert rest_check.error is not None and rest_check.error.server_code == 403


def test_a_stopped_sandbox_is_refused(sandbox_factory) -> None:
    running = sandbox_factory()
    info = running.info
    running.stop()
    account = Account("Gone", rest=RestConnection(info.api_url, "x"))
    secrets = SecretStore(fail.Keyring())
    secrets.set_session_only("Gone", SecretKind.TEALITE_TOKEN, "tok-gone-1")
    report = probe_module.test_connection(account, secrets, lambda p: None, CancelToken())
    assert "refused the connection" in str(report.checks[0].error)
