"""The suppression list: hard bounces and unsubscribes, honoured by importer and senders."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from teenvio_desktop.core.clock import utc_now_iso
from teenvio_desktop.core.store import Database

Reason = Literal["hard_bounce", "unsubscribe", "manual"]


class SuppressionList:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self, email: str, reason: Reason, *, detail: str = "", campaign_id: int | None = None
    ) -> bool:
        """Suppress ``email``; True when it was not suppressed before."""
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO suppression (email, reason, detail, campaign_id, added_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(email) DO NOTHING",
                (email.strip(), reason, detail, campaign_id, utc_now_iso()),
            )
            return cursor.rowcount == 1

    def remove(self, email: str) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM suppression WHERE email = ?", (email.strip(),))

    def contains(self, email: str) -> bool:
        row = self._db.conn.execute(
            "SELECT 1 FROM suppression WHERE email = ?", (email.strip(),)
        ).fetchone()
        return row is not None

    def all_addresses(self) -> set[str]:
        """Every suppressed address, lower-cased, for fast membership tests in bulk work."""
        rows = self._db.conn.execute("SELECT email FROM suppression")
        return {str(r[0]).lower() for r in rows}

    def filter_out(self, emails: Iterable[str]) -> tuple[list[str], list[str]]:
        """Split ``emails`` into (kept, suppressed)."""
        suppressed = self.all_addresses()
        kept: list[str] = []
        dropped: list[str] = []
        for email in emails:
            (dropped if email.strip().lower() in suppressed else kept).append(email)
        return kept, dropped
