"""Where the composer's pickers get their choices: accounts, senders, recipient lists.

Thin adapters over the accounts and recipients repositories that also work when the
embedded sandbox runs without any stored account (the sandbox account is built from the
sandbox's own description). Qt-free.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from teenvio_desktop.core.context import AppContext

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AddressChoice:
    address: str
    name: str = ""


@dataclass(frozen=True)
class AccountChoice:
    name: str
    senders: tuple[AddressChoice, ...] = ()
    reply_tos: tuple[AddressChoice, ...] = ()
    has_smtp: bool = True
    has_rest: bool = True
    source_system: str = ""
    is_sandbox: bool = False
    is_default: bool = False


@dataclass(frozen=True)
class ListChoice:
    id: int
    name: str
    count: int
    columns: tuple[str, ...] = field(default_factory=tuple)


SANDBOX_NAME = "sandbox"


def _sandbox_choice(sandbox: Any) -> AccountChoice:
    info = sandbox.info
    senders = tuple(AddressChoice(str(a)) for a in getattr(info, "senders", ()))
    return AccountChoice(
        name=SANDBOX_NAME,
        senders=senders,
        reply_tos=senders,
        source_system="sandbox",
        is_sandbox=True,
        is_default=True,
    )


def available_accounts(context: AppContext) -> list[AccountChoice]:
    """The sandbox account (when running) and the stored accounts, default first."""
    choices: list[AccountChoice] = []
    try:
        from teenvio_desktop.core.accounts.repository import AccountRepository

        for account in AccountRepository(context.db, context.sandbox).list():
            senders = tuple(AddressChoice(a.address, a.name) for a in account.senders)
            reply_tos = tuple(AddressChoice(a.address, a.name) for a in account.reply_tos)
            choices.append(
                AccountChoice(
                    name=account.name,
                    senders=senders,
                    reply_tos=reply_tos or senders,
                    has_smtp=account.smtp is not None,
                    has_rest=account.rest is not None,
                    source_system=account.rest.source_system if account.rest else "",
                    is_sandbox=account.is_sandbox,
                    is_default=account.is_default,
                )
            )
    except (ImportError, sqlite3.Error) as exc:  # accounts not installed in this build
        log.debug("Accounts unavailable: %s", exc)
    if context.sandbox is not None and not any(c.is_sandbox for c in choices):
        choices.insert(0, _sandbox_choice(context.sandbox))
    choices.sort(key=lambda c: (not c.is_default, not c.is_sandbox))
    return choices


def recipient_lists(context: AppContext) -> list[ListChoice]:
    try:
        from teenvio_desktop.core.recipients.repository import RecipientListRepository

        return [
            ListChoice(r.id, r.name, r.count, tuple(r.columns))
            for r in RecipientListRepository(context.db).lists()
        ]
    except (ImportError, sqlite3.Error) as exc:
        log.debug("Recipient lists unavailable: %s", exc)
        return []


def sample_recipients(context: AppContext, list_id: int, limit: int = 50) -> list[dict[str, str]]:
    """The first members of a list as merge rows (email, name and the list's fields)."""
    from teenvio_desktop.core.recipients.repository import RecipientListRepository

    rows: list[dict[str, str]] = []
    for member in RecipientListRepository(context.db).iter_members(list_id, batch=limit):
        rows.append({"email": member.email, "name": member.name, **member.fields})
        if len(rows) >= limit:
            break
    return rows
