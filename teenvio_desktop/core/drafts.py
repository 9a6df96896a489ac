"""Named drafts and the composer's autosave slot, in the ``drafts`` table.

A named draft is a row with ``is_autosave = 0``. The autosave slot is the single row with
``is_autosave = 1``: the composer overwrites it every few seconds while there are unsaved
changes and deletes it on a clean save or close. So an autosave row found at start-up is
work that a crash interrupted: :meth:`DraftRepository.recovery` offers it back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.clock import utc_now_iso
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.store import Database

_META_KEY = "_composer"  # composer state kept next to the campaign in the payload


class DraftNotFoundError(TeenvioError):
    def __init__(self, draft_id: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "The draft {draft_id} no longer exists."),
            draft_id=draft_id,
        )


@dataclass(frozen=True)
class DraftInfo:
    id: int
    title: str
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class Draft:
    id: int
    title: str
    campaign: Campaign
    updated_at: str
    # For the autosave slot: the named draft it was editing (None = never saved).
    source_draft_id: int | None = None


def _payload(campaign: Campaign, source_draft_id: int | None) -> str:
    data: dict[str, Any] = campaign.to_dict()
    data[_META_KEY] = {"source_draft_id": source_draft_id}
    return json.dumps(data, ensure_ascii=False)


def _draft(row: Any) -> Draft:
    data = json.loads(row["payload"])
    meta = data.pop(_META_KEY, None) or {}
    return Draft(
        id=int(row["id"]),
        title=str(row["title"]),
        campaign=Campaign.from_dict(data),
        updated_at=str(row["updated_at"]),
        source_draft_id=meta.get("source_draft_id"),
    )


class DraftRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- named drafts ----------------------------------------------------------------------
    def save(self, campaign: Campaign, title: str, draft_id: int | None = None) -> int:
        """Create a draft, or overwrite ``draft_id``; returns the draft's id."""
        now = utc_now_iso()
        payload = _payload(campaign, None)
        with self._db.transaction() as conn:
            if draft_id is not None:
                cursor = conn.execute(
                    "UPDATE drafts SET title = ?, payload = ?, updated_at = ? "
                    "WHERE id = ? AND is_autosave = 0",
                    (title, payload, now, draft_id),
                )
                if cursor.rowcount:
                    return draft_id
            cursor = conn.execute(
                "INSERT INTO drafts (title, payload, is_autosave, created_at, updated_at) "
                "VALUES (?, ?, 0, ?, ?)",
                (title, payload, now, now),
            )
            return int(cursor.lastrowid or 0)

    def open(self, draft_id: int) -> Draft:
        row = self._db.conn.execute(
            "SELECT * FROM drafts WHERE id = ? AND is_autosave = 0", (draft_id,)
        ).fetchone()
        if row is None:
            raise DraftNotFoundError(draft_id)
        return _draft(row)

    def list(self) -> list[DraftInfo]:
        rows = self._db.conn.execute(
            "SELECT id, title, created_at, updated_at FROM drafts WHERE is_autosave = 0 "
            "ORDER BY updated_at DESC, id DESC"
        ).fetchall()
        return [DraftInfo(r["id"], r["title"], r["created_at"], r["updated_at"]) for r in rows]

    def delete(self, draft_id: int) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM drafts WHERE id = ? AND is_autosave = 0", (draft_id,))

    # -- autosave and crash recovery -------------------------------------------------------
    def autosave(self, campaign: Campaign, title: str, source_draft_id: int | None) -> None:
        """Overwrite the autosave slot (one row) with the composer's current state."""
        now = utc_now_iso()
        payload = _payload(campaign, source_draft_id)
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE drafts SET title = ?, payload = ?, updated_at = ? WHERE is_autosave = 1",
                (title, payload, now),
            )
            if not cursor.rowcount:
                conn.execute(
                    "INSERT INTO drafts (title, payload, is_autosave, created_at, updated_at) "
                    "VALUES (?, ?, 1, ?, ?)",
                    (title, payload, now, now),
                )

    def clear_autosave(self) -> None:
        """The work is safe (saved, sent or deliberately discarded): nothing to recover."""
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM drafts WHERE is_autosave = 1")

    def recovery(self) -> Draft | None:
        """Unsaved work left by a session that did not close cleanly, if any."""
        row = self._db.conn.execute(
            "SELECT * FROM drafts WHERE is_autosave = 1 ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return None if row is None else _draft(row)
