"""Secrets through a real Secret Service, and the session-only fallback without one."""

from __future__ import annotations

import os

import pytest
import secretstorage
from keyring.backends import fail

from teenvio_desktop.core.accounts import (
    KeyringUnavailable,
    SecretKind,
    SecretStore,
    keyring_username,
)
from teenvio_desktop.core.logsetup import redact

SERVICE = "teenvio-desktop-tests"


@pytest.mark.timeout(60)
def test_full_cycle_in_a_real_secret_service(secret_service) -> None:
    store = SecretStore(secret_service.backend(), service=SERVICE)
    assert store.check() is None and store.available
    assert store.set("Acme", SecretKind.SMTP_PASSWORD, "pw-Acme-1") is None
    assert store.set("Acme", SecretKind.TEALITE_TOKEN, "tok-Acme-1") is None
    # Not kept in memory: a fresh store (a new process) reads it back from the keyring.
    assert store.session.items() == []
    fresh = SecretStore(secret_service.backend(), service=SERVICE)
    assert fresh.get("Acme", SecretKind.SMTP_PASSWORD) == "pw-Acme-1"
    assert fresh.get("Acme", SecretKind.TEALITE_TOKEN) == "tok-Acme-1"
    # The entry lives in the unlocked login collection under our service and user name.
    with secretstorage.dbus_init() as conn:
        collection = secretstorage.get_default_collection(conn)
        assert not collection.is_locked()
        items = list(
            collection.search_items(
                {"service": SERVICE, "username": keyring_username("Acme", SecretKind.SMTP_PASSWORD)}
            )
        )
        assert [i.get_secret() for i in items] == [b"pw-Acme-1"]
    # Whatever logs the secret gets it redacted.
    assert "pw-Acme-1" not in redact("password is pw-Acme-1")
    assert fresh.delete_account("Acme") is None
    assert fresh.get("Acme", SecretKind.SMTP_PASSWORD) is None
    assert (
        SecretStore(secret_service.backend(), service=SERVICE).get("Acme", SecretKind.TEALITE_TOKEN)
        is None
    )
    # Deleting what is not there is fine.
    assert fresh.delete_account("Acme") is None


@pytest.mark.timeout(60)
def test_rename_moves_the_secrets(secret_service) -> None:
    store = SecretStore(secret_service.backend(), service=SERVICE)
    store.set("Old", SecretKind.SMTP_PASSWORD, "pw-rename-1")
    assert store.rename_account("Old", "New") is None
    assert store.get("New", SecretKind.SMTP_PASSWORD) == "pw-rename-1"
    assert store.get("Old", SecretKind.SMTP_PASSWORD) is None
    store.delete_account("New")


def test_without_any_backend_secrets_live_in_session_memory_only() -> None:
    store = SecretStore(fail.Keyring(), service=SERVICE)
    problem = store.check()
    assert isinstance(problem, KeyringUnavailable)
    assert "not available" in problem.render() and "try again" in problem.render()
    assert not store.available
    returned = store.set("Acme", SecretKind.SMTP_PASSWORD, "pw-session-1")
    assert isinstance(returned, KeyringUnavailable)
    assert store.get("Acme", SecretKind.SMTP_PASSWORD) == "pw-session-1"
    # A new session (process) has nothing: it was never written anywhere.
    assert (
        SecretStore(fail.Keyring(), service=SERVICE).get("Acme", SecretKind.SMTP_PASSWORD) is None
    )
    assert "pw-session-1" not in repr(store.session)
    assert store.delete("Acme", SecretKind.SMTP_PASSWORD) is None
    assert store.get("Acme", SecretKind.SMTP_PASSWORD) is None


@pytest.mark.timeout(60)
def test_retry_moves_session_secrets_into_a_keyring_that_became_available(
    secret_service,
) -> None:
    store = SecretStore(fail.Keyring(), service=SERVICE)
    store.set("Later", SecretKind.TEALITE_TOKEN, "tok-later-1")
    store.set_session_only("sandbox", SecretKind.TEALITE_TOKEN, "tok-sandbox-1")
    assert store.retry() is not None  # still the fail backend: still unavailable
    store._pinned = secret_service.backend()  # the user unlocked/installed a keyring
    assert store.retry() is None
    assert store.session.get("Later", SecretKind.TEALITE_TOKEN) is None
    fresh = SecretStore(secret_service.backend(), service=SERVICE)
    assert fresh.get("Later", SecretKind.TEALITE_TOKEN) == "tok-later-1"
    # The sandbox's credentials stay in memory only.
    assert fresh.get("sandbox", SecretKind.TEALITE_TOKEN) is None
    assert store.get("sandbox", SecretKind.TEALITE_TOKEN) == "tok-sandbox-1"
    fresh.delete_account("Later")


def test_a_keyring_call_that_fails_closes_its_connection(secret_service) -> None:
    # keyring leaves the D-Bus connection open when it cannot get the collection; every
    # retry of a long-running application would leak a socket.
    backend = secret_service.backend()
    backend.preferred_collection = "/org/freedesktop/secrets/collection/not_there"
    store = SecretStore(backend=backend)
    open_before = len(os.listdir("/proc/self/fd"))
    problems = [store.check() for _ in range(5)]  # kept: nothing is freed meanwhile
    assert all(problem is not None for problem in problems)
    assert len(os.listdir("/proc/self/fd")) == open_before
