"""One secret store and repository per running application (GUI or command line).

The :class:`SecretStore` lives in ``context.extras`` so session-only secrets survive
for as long as the application runs, and the sandbox's credentials are put there (in
memory only) as soon as it is known.
"""

from __future__ import annotations

from teenvio_desktop.core.accounts.models import SANDBOX_ACCOUNT_NAME
from teenvio_desktop.core.accounts.repository import AccountRepository
from teenvio_desktop.core.accounts.secrets import SecretKind, SecretStore
from teenvio_desktop.core.context import AppContext

_STORE_KEY = "accounts.secret_store"


def secret_store(context: AppContext) -> SecretStore:
    """The context's secret store, created on first use."""
    store = context.extras.get(_STORE_KEY)
    if not isinstance(store, SecretStore):
        store = SecretStore()
        context.extras[_STORE_KEY] = store
    sandbox = context.sandbox
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


def use_secret_store(context: AppContext, store: SecretStore) -> None:
    """Make ``store`` the context's secret store (a test's or a caller's own)."""
    context.extras[_STORE_KEY] = store


def account_repository(context: AppContext) -> AccountRepository:
    """The accounts of ``context`` (including the sandbox account while it runs)."""
    return AccountRepository(context.db, sandbox=context.sandbox)
