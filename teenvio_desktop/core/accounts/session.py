"""One secret store and repository per running application (GUI or command line).

The :class:`SecretStore` lives in ``context.extras`` so session-only secrets survive
for as long as the application runs, and the sandbox's credentials are put there (in
memory only) as soon as it is known.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from teenvio_desktop.core.accounts.models import SANDBOX_ACCOUNT_NAME, Account
from teenvio_desktop.core.accounts.repository import AccountRepository
from teenvio_desktop.core.accounts.resolve import (
    ResolvedSmtp,
    env_overrides,
    resolve_smtp,
    resolve_tealite,
)
from teenvio_desktop.core.accounts.secrets import SecretKind, SecretStore
from teenvio_desktop.core.tealite.connection import TeaLiteConnection

_STORE_KEY = "accounts.secret_store"


def secret_store(context: Any) -> SecretStore:
    """The context's secret store, created on first use (``context``: an AppContext)."""
    store = context.extras.get(_STORE_KEY)
    if not isinstance(store, SecretStore):
        store = SecretStore()
        context.extras[_STORE_KEY] = store
    sandbox = getattr(context, "sandbox", None)
    if sandbox is not None:
        # In memory only; refreshed if the sandbox was restarted with new credentials.
        info = sandbox.info
        for kind, value in (
            (SecretKind.SMTP_PASSWORD, str(info.password)),
            (SecretKind.TEALITE_TOKEN, str(info.token)),
        ):
            if store.session.get(SANDBOX_ACCOUNT_NAME, kind) != value:
                store.set_session_only(SANDBOX_ACCOUNT_NAME, kind, value)
    return store


def account_repository(context: Any) -> AccountRepository:
    """The accounts of ``context`` (including the sandbox account while it runs)."""
    return AccountRepository(context.db, sandbox=getattr(context, "sandbox", None))


def smtp_for_account(
    context: Any, name: str, env: Mapping[str, str] | None = None
) -> tuple[Account, ResolvedSmtp]:
    """What ``send --via smtp --account NAME`` uses; TEENVIO_PASSWORD wins over the keyring."""
    account = account_repository(context).get(name)
    password, _ = env_overrides(env)
    return account, resolve_smtp(account, secret_store(context), password=password)


def tealite_for_account(
    context: Any, name: str, env: Mapping[str, str] | None = None
) -> tuple[Account, TeaLiteConnection]:
    """What ``send --via rest`` and ``stats`` use with ``--account``; TEENVIO_TOKEN wins."""
    account = account_repository(context).get(name)
    _, token = env_overrides(env)
    return account, resolve_tealite(account, secret_store(context), token=token)
