"""Column mappings saved by name and offered again for files with the same header."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from teenvio_desktop.core.clock import utc_now_iso
from teenvio_desktop.core.recipients.mapping import ColumnMapping, squash
from teenvio_desktop.core.store import Database


def header_signature(columns: Sequence[str]) -> str:
    return "\x1f".join(squash(c) for c in columns)


@dataclass(frozen=True)
class SavedMapping:
    name: str
    columns: tuple[str, ...]
    mapping: ColumnMapping


class MappingRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, name: str, columns: Sequence[str], mapping: ColumnMapping) -> None:
        """Store (or replace) the mapping called ``name`` for files with ``columns``."""
        payload = json.dumps({"columns": list(columns), **mapping.to_json()}, ensure_ascii=False)
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO recipient_mappings (name, signature, mapping, created_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
                "signature = excluded.signature, mapping = excluded.mapping",
                (name.strip(), header_signature(columns), payload, utc_now_iso()),
            )

    def all(self) -> list[SavedMapping]:
        rows = self._db.conn.execute(
            "SELECT name, mapping FROM recipient_mappings ORDER BY name COLLATE NOCASE"
        )
        return [self._saved(r[0], r[1]) for r in rows]

    def find_for(self, columns: Sequence[str]) -> SavedMapping | None:
        """The most recent mapping saved for a header like ``columns``."""
        row = self._db.conn.execute(
            "SELECT name, mapping FROM recipient_mappings WHERE signature = ? "
            "ORDER BY id DESC LIMIT 1",
            (header_signature(columns),),
        ).fetchone()
        return self._saved(row[0], row[1]) if row else None

    def delete(self, name: str) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM recipient_mappings WHERE name = ?", (name,))

    @staticmethod
    def _saved(name: str, payload: str) -> SavedMapping:
        data = json.loads(payload)
        return SavedMapping(name, tuple(data.get("columns", [])), ColumnMapping.from_json(data))
