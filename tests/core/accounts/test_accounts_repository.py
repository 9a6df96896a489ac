"""Accounts in the database: validation, several side by side, default, no secrets stored."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from keyring.backends import fail

from teenvio_desktop.core.accounts import (
    Account,
    AccountExists,
    AccountNotFound,
    AccountRepository,
    InvalidAccount,
    MissingSecret,
    NamedAddress,
    RestConnection,
    SecretKind,
    SecretStore,
    SmtpConnection,
    account_repository,
    resolve_smtp,
    resolve_tealite,
    secret_store,
)
from teenvio_desktop.core.accounts.models import TEENVIO_PORTS, default_security


def _acme(**changes: object) -> Account:
    account = Account(
        "Acme",
        smtp=SmtpConnection("api3.teenvio.com", 46500, "tls", "ana.acme"),
        rest=RestConnection("https://tealite.example/api/", "ACME"),
        senders=(NamedAddress("News@Acme.example", "Acme News"),),
        reply_tos=(NamedAddress("help@acme.example"),),
    )
    return account.with_changes(**changes) if changes else account


def test_several_accounts_side_by_side(app_context) -> None:
    repo = AccountRepository(app_context.db)
    repo.add(_acme())
    repo.add(_acme(name="Beta", rest=None, senders=(), reply_tos=()))
    names = [a.name for a in repo.list()]
    assert names == ["Acme", "Beta"]
    acme = repo.get("acme")  # names compare case-insensitively
    assert acme.rest == RestConnection("https://tealite.example/api", "ACME")
    assert acme.senders == (NamedAddress("news@acme.example", "Acme News"),)
    assert repo.senders("Acme") == acme.senders
    assert repo.reply_tos("Acme") == (NamedAddress("help@acme.example"),)
    assert repo.get("Beta").rest is None
    with pytest.raises(AccountExists):
        repo.add(_acme(name="ACME"))
    with pytest.raises(AccountNotFound):
        repo.get("nobody")


def test_default_update_rename_and_remove(app_context) -> None:
    repo = AccountRepository(app_context.db)
    assert repo.default() is None
    repo.add(_acme())
    assert repo.default() is not None and repo.default().name == "Acme"  # the only one
    repo.add(_acme(name="Beta"))
    assert repo.default() is None
    repo.set_default("Beta")
    repo.set_default("Acme")
    assert [a.name for a in repo.list() if a.is_default] == ["Acme"]
    repo.update("Acme", _acme(name="Acme2", senders=(NamedAddress("a@acme.example"),)))
    assert repo.default().name == "Acme2"  # an edit keeps the default
    assert repo.senders("Acme2") == (NamedAddress("a@acme.example"),)
    repo.remove("Acme2")
    with pytest.raises(AccountNotFound):
        repo.remove("Acme2")
    rows = app_context.db.conn.execute("SELECT COUNT(*) FROM account_addresses").fetchone()[0]
    assert rows == 2  # only Beta's sender and reply-to are left (cascade)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "  "}, "name"),
        ({"name": "Sandbox"}, "name"),
        ({"smtp": SmtpConnection("", 46500, "tls", "u")}, "smtp_host"),
        ({"smtp": SmtpConnection("h.example", 0, "tls", "u")}, "smtp_port"),
        ({"smtp": SmtpConnection("h.example", 25, "none", "u")}, "smtp_security"),
        ({"smtp": SmtpConnection("h.example", 46500, "tls", "")}, "smtp_user"),
        ({"rest": RestConnection("ftp://x", "S")}, "api_url"),
        ({"rest": RestConnection("http://tealite.example", "S")}, "api_url"),
        ({"rest": RestConnection("https://tealite.example", " ")}, "source_system"),
        ({"senders": (NamedAddress("not-an-address"),)}, "senders"),
        ({"reply_tos": (NamedAddress("x@y.example", "bad\nname"),)}, "reply_tos"),
        ({"smtp": None, "rest": None}, "smtp"),
    ],
)
def test_invalid_settings_name_the_field(changes: dict, field: str) -> None:
    with pytest.raises(InvalidAccount) as caught:
        _acme(**changes).validate()
    assert caught.value.field == field


def test_plain_connections_are_allowed_to_loopback_only() -> None:
    account = _acme(
        smtp=SmtpConnection("127.0.0.1", 2525, "none", "u"),
        rest=RestConnection("http://127.0.0.1:8080", "S"),
    ).validate()
    assert account.smtp is not None and account.smtp.security == "none"


def test_ports_offered_and_the_deprecated_one() -> None:
    assert [(p.port, p.security, p.deprecated) for p in TEENVIO_PORTS] == [
        (46500, "tls", False),
        (58700, "starttls", False),
        (2500, "starttls", True),
    ]
    assert SmtpConnection("h", 2500, "starttls", "u").deprecated
    assert default_security(46500) == "tls" and default_security(58700) == "starttls"


def test_the_database_never_holds_a_secret(app_context) -> None:
    repo = AccountRepository(app_context.db)
    secrets = SecretStore(fail.Keyring())
    repo.add(_acme())
    secrets.set("Acme", SecretKind.SMTP_PASSWORD, "pw-db-check-77")
    secrets.set("Acme", SecretKind.TEALITE_TOKEN, "tok-db-check-77")
    resolved = resolve_smtp(repo.get("Acme"), secrets)
    assert resolved.password == "pw-db-check-77" and "pw-db-check-77" not in repr(resolved)
    assert (resolved.host, resolved.port, resolved.security, resolved.user, resolved.ca_file) == (
        "api3.teenvio.com",
        46500,
        "tls",
        "ana.acme",
        None,
    )
    connection = resolve_tealite(repo.get("Acme"), secrets)
    assert connection.token == "tok-db-check-77" and connection.source_system == "ACME"
    app_context.db.close()
    for path in app_context.data_dir.root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"pw-db-check-77" not in data and b"tok-db-check-77" not in data


def test_missing_secret_is_explained(app_context) -> None:
    repo = AccountRepository(app_context.db)
    repo.add(_acme())
    with pytest.raises(MissingSecret, match="No SMTP password is known"):
        resolve_smtp(repo.get("Acme"), SecretStore(fail.Keyring()))
    with pytest.raises(MissingSecret, match="No TEA Lite token is known"):
        resolve_tealite(repo.get("Acme"), SecretStore(fail.Keyring()))


def test_the_sandbox_account_exists_while_the_sandbox_runs(app_context, tmp_path) -> None:
    AccountRepository(app_context.db).add(_acme(is_default=True))
    info = SimpleNamespace(
        host="127.0.0.1", smtp_port=2525, smtps_port=4650, api_url="http://127.0.0.1:9001",
        ca_file=tmp_path / "ca.pem", user="demo.sandbox", password="pw-sandbox-9",
        token="tok-sandbox-9", senders=("demo@example.com",),
    )  # fmt: skip
    app_context.sandbox = SimpleNamespace(info=info)
    app_context.extras.clear()
    repo = account_repository(app_context)
    names = [a.name for a in repo.list()]
    assert names == ["sandbox", "Acme"]
    default = repo.default()
    assert default is not None and default.is_sandbox  # never real mail by accident
    store = secret_store(app_context)
    smtp = resolve_smtp(default, store)
    assert (smtp.port, smtp.security, smtp.password) == (4650, "tls", "pw-sandbox-9")
    assert resolve_tealite(default, store).token == "tok-sandbox-9"
    assert repo.senders("sandbox") == (NamedAddress("demo@example.com"),)
