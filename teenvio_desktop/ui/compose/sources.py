"""Where the composer's pickers get their choices: accounts, senders, recipient lists.

Thin adapters over the accounts and recipients repositories (the accounts repository
includes the sandbox account while the embedded sandbox runs). Qt-free.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from teenvio_desktop.core.accounts.repository import AccountRepository
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.recipients.repository import RecipientListRepository


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
    # Members the SMTP-API cannot take (the flag stored at import): how many, and a few.
    smtputf8_count: int = 0
    smtputf8_sample: tuple[str, ...] = ()


def available_accounts(context: AppContext) -> list[AccountChoice]:
    """The accounts to send from (the sandbox account when running), default first."""
    choices: list[AccountChoice] = []
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
    choices.sort(key=lambda c: (not c.is_default, not c.is_sandbox))
    return choices


SMTPUTF8_SAMPLE = 5


def recipient_lists(context: AppContext) -> list[ListChoice]:
    """The saved lists, with what the import recorded about them (never re-validated)."""
    repository = RecipientListRepository(context.db)
    choices: list[ListChoice] = []
    for r in repository.lists():
        unsupported = repository.smtputf8_count(r.id)
        sample = repository.smtputf8_members(r.id, limit=SMTPUTF8_SAMPLE) if unsupported else []
        choices.append(
            ListChoice(
                r.id,
                r.name,
                r.count,
                # merge_fields starts with "email" and "name", which the composer adds itself
                tuple(r.merge_fields[2:]),
                unsupported,
                tuple(address for _position, address in sample),
            )
        )
    return choices


def sample_recipients(context: AppContext, list_id: int, limit: int = 50) -> list[dict[str, str]]:
    """The first members of a list as merge rows (email, name and the list's fields)."""
    rows: list[dict[str, str]] = []
    for member in RecipientListRepository(context.db).iter_members(list_id, batch=limit):
        rows.append({"email": member.email, "name": member.name, **member.fields})
        if len(rows) >= limit:
            break
    return rows


def find_recipients(
    context: AppContext, list_id: int, search: str = "", limit: int = 50
) -> list[dict[str, str]]:
    """Members whose address or name contains ``search`` (the first ones when empty)."""
    if not search.strip():
        return sample_recipients(context, list_id, limit)
    repository = RecipientListRepository(context.db)
    columns = repository.columns(list_id)
    positions = repository.ordered_positions(list_id, search=search)[:limit]
    rows: list[dict[str, str]] = []
    for _position, email, name, cells in repository.rows_at(list_id, positions):
        values = json.loads(cells) if isinstance(cells, str) else list(cells)
        rows.append({"email": email, "name": name, **dict(zip(columns, values, strict=False))})
    return rows
