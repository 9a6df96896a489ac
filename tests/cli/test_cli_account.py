"""``teenvio-desktop account``: add/list/test/remove through real processes and a real keyring."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from teenvio_desktop.core.accounts import SecretKind, SecretStore

pytestmark = pytest.mark.timeout(120)


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEENVIO_")}
    env.update({"QT_QPA_PLATFORM": "offscreen", **extra})
    return env


def cli(
    data: Path, *args: str, env: dict[str, str], stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "teenvio_desktop", *args, "--data-dir", str(data)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_account_cycle_with_the_real_keyring(tmp_path: Path, sandbox, secret_service) -> None:
    info, data = sandbox.info, tmp_path / "data"
    env = _env(secret_service.env)
    added = cli(
        data, "account", "add", "Desk",
        "--smtp-host", info.host, "--smtp-port", str(info.smtp_port), "--security", "starttls",
        "--user", info.user, "--api", info.api_url, "--source-system", "desk",
        "--cafile", str(info.ca_file), "--sender", "Demo <demo@example.com>", "--default",
        env=env, stdin=f"{info.password}\n{info.token}\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    only_rest = cli(
        data, "account", "add", "Api", "--api", info.api_url, "--source-system", "api",
        env={**env, "TEENVIO_TOKEN": info.token},
    )  # fmt: skip
    assert only_rest.returncode == 0, only_rest.stderr
    store = SecretStore(secret_service.backend())
    assert store.get("Desk", SecretKind.SMTP_PASSWORD) == info.password
    assert store.get("Desk", SecretKind.TEALITE_TOKEN) == info.token
    assert store.get("Api", SecretKind.TEALITE_TOKEN) == info.token

    listed = json.loads(cli(data, "account", "list", "--json", env=env).stdout)
    assert [(a["name"], a["default"]) for a in listed] == [("Api", False), ("Desk", True)]
    assert listed[1]["senders"] == ["Demo <demo@example.com>"]
    assert info.password not in json.dumps(listed)

    tested = cli(data, "account", "test", "desk", env=env)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "SMTP-API: OK" in tested.stdout and "TEA Lite: OK" in tested.stdout

    removed = cli(data, "account", "remove", "Desk", env=env)
    assert removed.returncode == 0, removed.stderr
    assert store.get("Desk", SecretKind.SMTP_PASSWORD) is None
    assert store.get("Desk", SecretKind.TEALITE_TOKEN) is None
    assert cli(data, "account", "remove", "Api", env=env).returncode == 0
    assert store.get("Api", SecretKind.TEALITE_TOKEN) is None


def test_a_failing_test_and_unknown_accounts(tmp_path: Path, sandbox, secret_service) -> None:
    info, data = sandbox.info, tmp_path / "data"
    env = _env(secret_service.env)
    cli(
        data, "account", "add", "Bad", "--smtp-host", info.host,
        "--smtp-port", str(info.smtps_port), "--security", "tls", "--user", info.user,
        "--cafile", str(info.ca_file), env=env, stdin="wrong-password-7\n",
    )  # fmt: skip
    tested = cli(data, "account", "test", "Bad", env=env)
    assert tested.returncode == 1
    assert "SMTP-API: FAILED" in tested.stdout
    assert "rejected the user name or password" in tested.stderr
    missing = cli(data, "account", "test", "Nobody", env=env)
    assert missing.returncode == 1 and "There is no account named" in missing.stderr
    no_secret = cli(
        data, "account", "add", "NoPw", "--smtp-host", "h.example", "--user", "u.p", env=env
    )
    assert no_secret.returncode == 2 and "missing" in no_secret.stderr
    cli(data, "account", "remove", "Bad", env=env)


def test_without_a_keyring_the_account_is_saved_but_not_its_secrets(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = _env({"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    added = cli(
        data, "account", "add", "Plain", "--smtp-host", "api3.teenvio.com", "--smtp-port", "2500",
        "--user", "ana.acme", env=env, stdin="pw-nokeyring-5\n",
    )  # fmt: skip
    assert added.returncode == 1
    assert "keyring is not available" in added.stderr
    assert "saved without its secrets" in added.stderr
    assert "deprecated" in added.stderr
    listed = cli(data, "account", "list", env=env)
    assert "Plain" in listed.stdout and "deprecated port" in listed.stdout
    for path in data.rglob("*"):
        if path.is_file():
            assert b"pw-nokeyring-5" not in path.read_bytes(), path


def test_stats_with_account_uses_its_connection_and_keyring_token(
    tmp_path: Path, sandbox, secret_service
) -> None:
    info, data = sandbox.info, tmp_path / "data"
    env = _env(secret_service.env)
    assert (
        cli(
            data, "account", "add", "Api", "--api", info.api_url, "--source-system", "acct-src",
            env=env, stdin=f"{info.token}\n",
        ).returncode
        == 0
    )  # fmt: skip
    synced = cli(
        data, "stats", "--account", "Api", "--campaign-id", "9", "--format", "json", env=env
    )
    assert synced.returncode == 0, synced.stderr
    assert json.loads(synced.stdout)["sent"] == 0
    # A wrong token in the environment overrides the keyring and is refused by the server.
    refused = cli(
        data, "stats", "--account", "Api", "--campaign-id", "9",
        env={**env, "TEENVIO_TOKEN": "wrong-token-3"},
    )  # fmt: skip
    assert refused.returncode == 1 and "rejected the token" in refused.stderr
    unknown = cli(data, "stats", "--account", "Nobody", "--campaign-id", "9", env=env)
    assert unknown.returncode == 1 and "There is no account named" in unknown.stderr
    neither = cli(data, "stats", "--campaign-id", "9", env=env)
    assert neither.returncode == 2
    cli(data, "account", "remove", "Api", env=env)
