"""Accounts in the database (no secrets), plus the built-in sandbox account.

The sandbox account is not stored: it exists while the embedded sandbox runs and is
built from its ``info``. While it exists it is the default, so trying the app with
``--sandbox`` never sends real mail by accident.
"""

from __future__ import annotations

import builtins
import sqlite3
from typing import Any

from teenvio_desktop.core.accounts.errors import AccountExists, AccountNotFound
from teenvio_desktop.core.accounts.models import (
    SANDBOX_ACCOUNT_NAME,
    Account,
    NamedAddress,
    RestConnection,
    SmtpConnection,
)
from teenvio_desktop.core.clock import utc_now_iso
from teenvio_desktop.core.store import Database


def sandbox_account(info: Any) -> Account:
    """The account pointing at a running sandbox (``RunningSandbox.info``)."""
    ca_file = getattr(info, "ca_file", None)
    return Account(
        name=SANDBOX_ACCOUNT_NAME,
        smtp=SmtpConnection(
            host=str(info.host), port=int(info.smtps_port), security="tls", user=str(info.user)
        ),
        # The sandbox files SMTP-API sends under the SMTP user as source system.
        rest=RestConnection(base_url=str(info.api_url), source_system=str(info.user)),
        ca_file=str(ca_file) if ca_file else None,
        senders=tuple(NamedAddress(str(a)) for a in getattr(info, "senders", ())),
        is_default=True,
        is_sandbox=True,
    )


class AccountRepository:
    """Stored accounts by name (names compare case-insensitively)."""

    def __init__(self, db: Database, sandbox: Any | None = None) -> None:
        self._db = db
        self._sandbox = sandbox_account(sandbox.info) if sandbox is not None else None

    # -- reading -------------------------------------------------------------------------

    def list(self) -> list[Account]:
        """The sandbox account first (when running), then stored accounts by name."""
        rows = self._db.conn.execute("SELECT * FROM accounts ORDER BY name COLLATE NOCASE")
        addresses = self._addresses()
        stored = [self._from_row(row, addresses.get(row["id"], {})) for row in rows]
        if self._sandbox is not None:
            stored = [a.with_changes(is_default=False) for a in stored]
            return [self._sandbox, *stored]
        return stored

    def get(self, name: str) -> Account:
        for account in self.list():
            if account.name.lower() == name.strip().lower():
                return account
        raise AccountNotFound(name)

    def find(self, name: str) -> Account | None:
        try:
            return self.get(name)
        except AccountNotFound:
            return None

    def default(self) -> Account | None:
        """The sandbox while it runs, else the chosen default, else the only account."""
        accounts = self.list()
        chosen = next((a for a in accounts if a.is_default), None)
        if chosen is None and len(accounts) == 1:
            return accounts[0]
        return chosen

    def senders(self, name: str) -> tuple[NamedAddress, ...]:
        return self.get(name).senders

    def reply_tos(self, name: str) -> tuple[NamedAddress, ...]:
        return self.get(name).reply_tos

    # -- writing -------------------------------------------------------------------------

    def add(self, account: Account) -> Account:
        account = account.validate()
        now = utc_now_iso()
        with self._db.transaction() as conn:
            if self._id(conn, account.name) is not None:
                raise AccountExists(account.name)
            cursor = conn.execute(
                "INSERT INTO accounts (name, created_at, updated_at) VALUES (?, ?, ?)",
                (account.name, now, now),
            )
            account_id = int(cursor.lastrowid or 0)
            self._write(conn, account_id, account, now)
            if account.is_default:
                self._set_default(conn, account_id)
        return self.get(account.name)

    def update(self, original_name: str, account: Account) -> Account:
        """Replace the account called ``original_name`` (it may be renamed)."""
        account = account.validate()
        now = utc_now_iso()
        with self._db.transaction() as conn:
            account_id = self._id(conn, original_name)
            if account_id is None:
                raise AccountNotFound(original_name)
            other = self._id(conn, account.name)
            if other is not None and other != account_id:
                raise AccountExists(account.name)
            conn.execute("UPDATE accounts SET name = ? WHERE id = ?", (account.name, account_id))
            self._write(conn, account_id, account, now)
            if account.is_default:
                self._set_default(conn, account_id)
        return self.get(account.name)

    def remove(self, name: str) -> None:
        """Delete the stored account (its keyring entries are the caller's job)."""
        with self._db.transaction() as conn:
            cursor = conn.execute("DELETE FROM accounts WHERE name = ?", (name.strip(),))
            if cursor.rowcount == 0:
                raise AccountNotFound(name)

    def set_default(self, name: str) -> None:
        with self._db.transaction() as conn:
            account_id = self._id(conn, name)
            if account_id is None:
                raise AccountNotFound(name)
            self._set_default(conn, account_id)

    # -- rows ----------------------------------------------------------------------------

    @staticmethod
    def _id(conn: sqlite3.Connection, name: str) -> int | None:
        row = conn.execute("SELECT id FROM accounts WHERE name = ?", (name.strip(),)).fetchone()
        return None if row is None else int(row["id"])

    @staticmethod
    def _set_default(conn: sqlite3.Connection, account_id: int) -> None:
        conn.execute("UPDATE accounts SET is_default = 0 WHERE is_default = 1")
        conn.execute("UPDATE accounts SET is_default = 1 WHERE id = ?", (account_id,))

    @staticmethod
    def _write(conn: sqlite3.Connection, account_id: int, account: Account, now: str) -> None:
        smtp, rest = account.smtp, account.rest
        conn.execute(
            "UPDATE accounts SET smtp_host = ?, smtp_port = ?, smtp_security = ?, smtp_user = ?,"
            " api_url = ?, source_system = ?, ca_file = ?, updated_at = ? WHERE id = ?",
            (
                smtp.host if smtp else None,
                smtp.port if smtp else None,
                smtp.security if smtp else None,
                smtp.user if smtp else None,
                rest.base_url if rest else None,
                rest.source_system if rest else None,
                account.ca_file,
                now,
                account_id,
            ),
        )
        conn.execute("DELETE FROM account_addresses WHERE account_id = ?", (account_id,))
        for kind, entries in (("sender", account.senders), ("reply_to", account.reply_tos)):
            conn.executemany(
                "INSERT INTO account_addresses (account_id, kind, address, name, position)"
                " VALUES (?, ?, ?, ?, ?)",
                [(account_id, kind, e.address, e.name, i) for i, e in enumerate(entries)],
            )

    def _addresses(self) -> dict[int, dict[str, builtins.list[NamedAddress]]]:
        found: dict[int, dict[str, builtins.list[NamedAddress]]] = {}
        rows = self._db.conn.execute(
            "SELECT account_id, kind, address, name FROM account_addresses"
            " ORDER BY account_id, kind, position"
        )
        for row in rows:
            by_kind = found.setdefault(int(row["account_id"]), {})
            by_kind.setdefault(row["kind"], []).append(NamedAddress(row["address"], row["name"]))
        return found

    @staticmethod
    def _from_row(row: sqlite3.Row, addresses: dict[str, builtins.list[NamedAddress]]) -> Account:
        smtp = (
            SmtpConnection(
                host=row["smtp_host"],
                port=int(row["smtp_port"]),
                security=row["smtp_security"],
                user=row["smtp_user"] or "",
            )
            if row["smtp_host"]
            else None
        )
        rest = (
            RestConnection(base_url=row["api_url"], source_system=row["source_system"])
            if row["api_url"]
            else None
        )
        return Account(
            name=row["name"],
            smtp=smtp,
            rest=rest,
            ca_file=row["ca_file"],
            senders=tuple(addresses.get("sender", [])),
            reply_tos=tuple(addresses.get("reply_to", [])),
            is_default=bool(row["is_default"]),
        )
