"""Passwords and tokens: only in the OS keyring, or in memory for this session.

Every secret goes through ``keyring`` under the service :data:`SERVICE` with the user
name ``"<account>:<kind>"``. When no keyring backend works, the secret is kept in a
:class:`SessionSecrets` (process memory, gone when the application exits) and the
problem is reported as :class:`KeyringUnavailable`; there is deliberately no file
fallback, plaintext or "encrypted". :meth:`SecretStore.retry` tries the keyring again
and moves session-only secrets into it once it works.
"""

from __future__ import annotations

import logging
import threading
from enum import Enum
from typing import TYPE_CHECKING

from teenvio_desktop.core.accounts.errors import NO_KEYRING_FOUND, KeyringUnavailable
from teenvio_desktop.core.logsetup import register_secret

if TYPE_CHECKING:
    import keyring.backend

# ``keyring`` itself is imported where it is used: it is slow to import, and the GUI's
# start (which lists accounts, never their secrets) should not pay for it.

log = logging.getLogger(__name__)

SERVICE = "teenvio-desktop"


class SecretKind(Enum):
    SMTP_PASSWORD = "smtp-password"
    TEALITE_TOKEN = "tealite-token"


def keyring_username(account: str, kind: SecretKind) -> str:
    """``"<account>:<kind>"``; account names compare case-insensitively, so lower-cased."""
    return f"{account.strip().lower()}:{kind.value}"


def _is_unusable(backend: keyring.backend.KeyringBackend) -> bool:
    """The fail backend raises; the null backend silently forgets: neither stores anything."""
    from keyring.backends import fail as fail_backend
    from keyring.backends import null as null_backend

    return isinstance(backend, fail_backend.Keyring | null_backend.Keyring)


class SessionSecrets:
    """Secrets kept in this process's memory only (never written anywhere)."""

    def __init__(self) -> None:
        self._values: dict[tuple[str, SecretKind], str] = {}
        self._lock = threading.Lock()

    def set(self, account: str, kind: SecretKind, value: str) -> None:
        register_secret(value)
        with self._lock:
            self._values[(account.lower(), kind)] = value

    def get(self, account: str, kind: SecretKind) -> str | None:
        with self._lock:
            return self._values.get((account.lower(), kind))

    def delete(self, account: str, kind: SecretKind) -> None:
        with self._lock:
            self._values.pop((account.lower(), kind), None)

    def items(self) -> list[tuple[str, SecretKind, str]]:
        with self._lock:
            return [(a, k, v) for (a, k), v in self._values.items()]

    def __repr__(self) -> str:
        return f"SessionSecrets({len(self._values)} secrets, values hidden)"


class SecretStore:
    """The application's view of secrets: the keyring first, session memory otherwise.

    ``backend`` pins a keyring backend (tests, or a user's choice); by default keyring's
    own resolution (environment, config file, available backends) is used.
    """

    def __init__(
        self, backend: keyring.backend.KeyringBackend | None = None, service: str = SERVICE
    ) -> None:
        self.service = service
        self._pinned = backend
        self._backend: keyring.backend.KeyringBackend | None = None
        self.session = SessionSecrets()
        # Values that belong in memory only (the sandbox's): never moved to the keyring.
        self._memory_only: set[tuple[str, SecretKind]] = set()
        self.problem: KeyringUnavailable | None = None
        self._lock = threading.RLock()

    # -- backend -------------------------------------------------------------------------

    def _current_backend(self) -> keyring.backend.KeyringBackend:
        with self._lock:
            if self._backend is None:
                import keyring

                from teenvio_desktop.core.accounts.secret_service import closing_on_failure

                self._backend = closing_on_failure(self._pinned or keyring.get_keyring())
            return self._backend

    def check(self) -> KeyringUnavailable | None:
        """Probe the keyring with a read; remember and return the problem, if any."""
        backend = self._current_backend()
        if _is_unusable(backend):
            return self._fail(KeyringUnavailable(NO_KEYRING_FOUND))
        try:
            backend.get_password(self.service, "probe")
        except Exception as exc:  # KeyringError, and D-Bus and backend libraries' own types
            return self._fail(KeyringUnavailable(_describe(exc)))
        self.problem = None
        return None

    @property
    def available(self) -> bool:
        return self.problem is None and not _is_unusable(self._current_backend())

    def backend_name(self) -> str:
        backend = self._current_backend()
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def retry(self) -> KeyringUnavailable | None:
        """Look for a keyring again; when one works, move session-only secrets into it."""
        with self._lock:
            if self._pinned is None:
                import keyring.core

                keyring.core.init_backend()
            self._backend = None
        problem = self.check()
        if problem is not None:
            return problem
        for account, kind, value in self.session.items():
            if (account, kind) in self._memory_only:
                continue
            if self._keyring_set(account, kind, value) is None:
                self.session.delete(account, kind)
        return self.problem

    def _fail(self, problem: KeyringUnavailable) -> KeyringUnavailable:
        if self.problem is None:
            log.warning("Keyring unavailable; secrets kept for this session only: %s", problem)
        self.problem = problem
        return problem

    def _keyring_set(self, account: str, kind: SecretKind, value: str) -> KeyringUnavailable | None:
        backend = self._current_backend()
        if _is_unusable(backend):
            return self._fail(KeyringUnavailable(NO_KEYRING_FOUND))
        try:
            backend.set_password(self.service, keyring_username(account, kind), value)
        except Exception as exc:  # NoKeyringError, KeyringLocked, InitError, D-Bus errors
            return self._fail(KeyringUnavailable(_describe(exc)))
        self.problem = None
        return None

    # -- secrets -------------------------------------------------------------------------

    def set(self, account: str, kind: SecretKind, value: str) -> KeyringUnavailable | None:
        """Store ``value``; on keyring failure keep it for this session and return why."""
        register_secret(value)
        problem = self._keyring_set(account, kind, value)
        if problem is None:
            self.session.delete(account, kind)
        else:
            self.session.set(account, kind, value)
        return problem

    def set_session_only(self, account: str, kind: SecretKind, value: str) -> None:
        """Keep ``value`` in memory only, never in the keyring (the sandbox's secrets)."""
        self.session.set(account, kind, value)
        with self._lock:
            self._memory_only.add((account.lower(), kind))

    def get(self, account: str, kind: SecretKind) -> str | None:
        value = self.session.get(account, kind)
        if value is not None:
            return value
        backend = self._current_backend()
        if _is_unusable(backend):
            self._fail(KeyringUnavailable(NO_KEYRING_FOUND))
            return None
        try:
            value = backend.get_password(self.service, keyring_username(account, kind))
        except Exception as exc:
            self._fail(KeyringUnavailable(_describe(exc)))
            return None
        register_secret(value)
        return value

    def delete(self, account: str, kind: SecretKind) -> KeyringUnavailable | None:
        """Forget the secret everywhere; a missing entry is not an error."""
        self.session.delete(account, kind)
        with self._lock:
            self._memory_only.discard((account.lower(), kind))
        backend = self._current_backend()
        if _is_unusable(backend):
            return None  # nothing can have been stored there
        import keyring.errors

        try:
            backend.delete_password(self.service, keyring_username(account, kind))
        except keyring.errors.PasswordDeleteError:
            return None
        except Exception as exc:
            return self._fail(KeyringUnavailable(_describe(exc)))
        return None

    def delete_account(self, account: str) -> KeyringUnavailable | None:
        problems = [self.delete(account, kind) for kind in SecretKind]
        return next((p for p in problems if p is not None), None)

    def rename_account(self, old: str, new: str) -> KeyringUnavailable | None:
        """Move the secrets of ``old`` to ``new`` (an account was renamed)."""
        problem: KeyringUnavailable | None = None
        if old.strip().lower() == new.strip().lower():
            return None  # same keyring entries
        for kind in SecretKind:
            value = self.get(old, kind)
            if value is None:
                continue
            problem = self.set(new, kind, value) or problem
            self.delete(old, kind)
        return problem


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
