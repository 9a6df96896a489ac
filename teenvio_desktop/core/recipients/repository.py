"""Recipient lists in the store: what the composer, the senders and the list viewer read."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from teenvio_desktop.core.clock import utc_now, utc_now_iso
from teenvio_desktop.core.recipients import errors
from teenvio_desktop.core.recipients.report import safe_cell
from teenvio_desktop.core.recipients.validate import normalize_address
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback, no_progress

BATCH_ROWS = 20_000
SORT_COLUMNS = {"pos": "pos", "email": "email COLLATE NOCASE", "name": "name COLLATE NOCASE"}


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str = ""
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RecipientList:
    id: int
    name: str
    columns: tuple[str, ...]
    count: int
    source: str
    created_at: str
    updated_at: str
    stats: dict[str, int] = field(default_factory=dict)


def _list_from_row(row: sqlite3.Row) -> RecipientList:
    return RecipientList(
        id=int(row["id"]),
        name=str(row["name"]),
        columns=tuple(json.loads(row["columns"])),
        count=int(row["member_count"]),
        source=str(row["source"]),
        created_at=str(row["created_at"]),
        updated_at=str(row["updated_at"]),
        stats=dict(json.loads(row["stats"])),
    )


def fields_json(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


class RecipientListRepository:
    """Lists and their members. Every write is one transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading --------------------------------------------------------------------------
    def lists(self) -> list[RecipientList]:
        rows = self._db.conn.execute(
            "SELECT * FROM recipient_lists WHERE state = 'ready' ORDER BY name COLLATE NOCASE"
        )
        return [_list_from_row(r) for r in rows]

    def get(self, list_id: int) -> RecipientList:
        row = self._db.conn.execute(
            "SELECT * FROM recipient_lists WHERE id = ?", (list_id,)
        ).fetchone()
        if row is None:
            raise errors.no_such_list(str(list_id))
        return _list_from_row(row)

    def by_name(self, name: str) -> RecipientList:
        row = self._db.conn.execute(
            "SELECT * FROM recipient_lists WHERE name = ? AND state = 'ready'", (name.strip(),)
        ).fetchone()
        if row is None:
            raise errors.no_such_list(name)
        return _list_from_row(row)

    def columns(self, list_id: int) -> list[str]:
        """The merge-field names of a list, in import order (besides email and name)."""
        return list(self.get(list_id).columns)

    def count(self, list_id: int) -> int:
        return self.get(list_id).count

    def iter_members(self, list_id: int, *, batch: int = 5_000) -> Iterator[Recipient]:
        """Every member in list order, read in windows (constant memory)."""
        columns = self.columns(list_id)
        start = 0
        while True:
            rows = self._db.conn.execute(
                "SELECT pos, email, name, fields FROM recipient_members "
                "WHERE list_id = ? AND pos >= ? ORDER BY pos LIMIT ?",
                (list_id, start, batch),
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield Recipient(
                    row[1], row[2].strip(), dict(zip(columns, json.loads(row[3]), strict=False))
                )
            start = int(rows[-1][0]) + 1

    def window(self, list_id: int, first: int, count: int) -> list[tuple[int, str, str, str]]:
        """Rows ``pos`` in [first, first+count): (pos, email, name, fields JSON)."""
        return [
            (int(r[0]), r[1], r[2].strip(), r[3])
            for r in self._db.conn.execute(
                "SELECT pos, email, name, fields FROM recipient_members "
                "WHERE list_id = ? AND pos >= ? AND pos < ? ORDER BY pos",
                (list_id, first, first + count),
            )
        ]

    def rows_at(self, list_id: int, positions: Sequence[int]) -> list[tuple[int, str, str, str]]:
        """The members at ``positions`` (any order), returned in that order."""
        if not positions:
            return []
        marks = ",".join("?" * len(positions))
        found = {
            int(r[0]): (int(r[0]), r[1], r[2].strip(), r[3])
            for r in self._db.conn.execute(
                f"SELECT pos, email, name, fields FROM recipient_members "
                f"WHERE list_id = ? AND pos IN ({marks})",
                (list_id, *positions),
            )
        }
        return [found[p] for p in positions if p in found]

    def ordered_positions(
        self, list_id: int, *, search: str = "", sort: str = "pos", descending: bool = False
    ) -> list[int]:
        """Member positions matching ``search`` (email or name), sorted in SQL.

        ``sort`` is "pos", "email", "name" or "field:N" (the N-th merge field).
        """
        order = SORT_COLUMNS.get(sort, "pos")
        if sort.startswith("field:") and sort[6:].isdigit():
            order = f"json_extract(fields, '$[{int(sort[6:])}]') COLLATE NOCASE"
        direction = "DESC" if descending else "ASC"
        sql = "SELECT pos FROM recipient_members WHERE list_id = ?"
        params: list[object] = [list_id]
        if search.strip():
            pattern = (
                "%"
                + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%"
            )
            sql += " AND (email LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')"
            params += [pattern, pattern]
        sql += f" ORDER BY {order} {direction}, pos {direction}"
        return [int(r[0]) for r in self._db.conn.execute(sql, params)]

    # -- changing -------------------------------------------------------------------------
    def _check_name(self, conn: sqlite3.Connection, name: str, *, exclude: int = 0) -> str:
        name = name.strip()
        if not name:
            raise errors.empty_list_name()
        taken = conn.execute(
            "SELECT 1 FROM recipient_lists WHERE name = ? AND state = 'ready' AND id != ?",
            (name, exclude),
        ).fetchone()
        if taken:
            raise errors.list_exists(name)
        return name

    def unique_name(self, wanted: str) -> str:
        """``wanted``, or ``wanted (2)``, ``(3)``... whichever is free."""
        base = wanted.strip() or "list"
        name, n = base, 2
        while self._db.conn.execute(
            "SELECT 1 FROM recipient_lists WHERE name = ? AND state = 'ready'", (name,)
        ).fetchone():
            name, n = f"{base} ({n})", n + 1
        return name

    def begin_list(self, name: str, columns: Sequence[str], source: str) -> int:
        """A provisional list for an import in progress (invisible until finished)."""
        now = utc_now_iso()
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO recipient_lists (name, columns, source, state, created_at, "
                "updated_at) VALUES (?, ?, ?, 'importing', ?, ?)",
                (name.strip(), json.dumps(list(columns), ensure_ascii=False), source, now, now),
            )
            return int(cursor.lastrowid or 0)

    def finish_list(self, list_id: int, name: str, stats: dict[str, int]) -> None:
        with self._db.transaction() as conn:
            name = self._check_name(conn, name, exclude=list_id)
            count = conn.execute(
                "SELECT count(*) FROM recipient_members WHERE list_id = ?", (list_id,)
            ).fetchone()[0]
            updated = conn.execute(
                "UPDATE recipient_lists SET name = ?, state = 'ready', member_count = ?, "
                "stats = ?, updated_at = ? WHERE id = ?",
                (name, count, json.dumps(stats), utc_now_iso(), list_id),
            ).rowcount
            if updated != 1:  # removed meanwhile: never report a list that is not there
                raise errors.no_such_list(name)

    def discard_incomplete(self, older_than_hours: float = 24) -> int:
        """Remove lists left half-imported by a crash; returns how many.

        Only old ones: another process (the command line) may be importing right now.
        """
        cutoff = (utc_now() - timedelta(hours=older_than_hours)).isoformat()
        with self._db.transaction() as conn:
            return conn.execute(
                "DELETE FROM recipient_lists WHERE state = 'importing' AND created_at < ?",
                (cutoff,),
            ).rowcount

    def delete_list(self, list_id: int) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM recipient_lists WHERE id = ?", (list_id,))

    def rename(self, list_id: int, new_name: str) -> None:
        with self._db.transaction() as conn:
            name = self._check_name(conn, new_name, exclude=list_id)
            conn.execute(
                "UPDATE recipient_lists SET name = ?, updated_at = ? WHERE id = ?",
                (name, utc_now_iso(), list_id),
            )

    def create_from_addresses(
        self,
        name: str,
        emails: Iterable[str],
        fields: dict[str, dict[str, str]] | None = None,
        *,
        source: str = "",
    ) -> int:
        """A new list from addresses (e.g. "non-openers" in the Results pane).

        ``fields`` maps an address (any case) to its merge fields. Invalid addresses and
        repeats are skipped. Returns the new list's id.
        """
        by_key = {k.lower(): v for k, v in (fields or {}).items()}
        columns: list[str] = []
        for values in by_key.values():
            columns += [c for c in values if c not in columns]
        seen: set[str] = set()
        rows: list[tuple[str, str]] = []
        for raw in emails:
            email, _reason = normalize_address(raw)
            if email is None or email.lower() in seen:
                continue
            seen.add(email.lower())
            extra = by_key.get(raw.strip().lower(), {})
            rows.append((email, fields_json([extra.get(c, "") for c in columns])))
        list_id = self.begin_list(name, columns, source)
        with self._db.transaction() as conn:
            conn.executemany(
                "INSERT INTO recipient_members (list_id, pos, email, fields) VALUES (?, ?, ?, ?)",
                ((list_id, pos, e, f) for pos, (e, f) in enumerate(rows)),
            )
        try:
            self.finish_list(list_id, name, {"valid": len(rows)})
        except errors.RecipientImportError:
            self.delete_list(list_id)
            raise
        return list_id

    def merge(self, list_ids: Sequence[int], name: str) -> int:
        """A new list with the members of ``list_ids`` in order, repeats removed."""
        sources = [self.get(i) for i in list_ids]
        columns: list[str] = []
        for source in sources:
            columns += [c for c in source.columns if c not in columns]
        list_id = self.begin_list(name, columns, "merge")
        try:
            seen: set[str] = set()
            pos = 0
            with self._db.transaction() as conn:
                for source in sources:
                    batch: list[tuple[int, int, str, str, str]] = []
                    for member in self.iter_members(source.id):
                        key = member.email.lower()
                        if key in seen:
                            continue
                        seen.add(key)
                        values = [member.fields.get(c, "") for c in columns]
                        batch.append((list_id, pos, member.email, member.name, fields_json(values)))
                        pos += 1
                        if len(batch) >= BATCH_ROWS:
                            self._insert(conn, batch)
                            batch = []
                    self._insert(conn, batch)
            self.finish_list(list_id, name, {"valid": pos})
        except BaseException:
            self.delete_list(list_id)
            raise
        return list_id

    @staticmethod
    def _insert(conn: sqlite3.Connection, batch: list[tuple[int, int, str, str, str]]) -> None:
        conn.executemany(
            "INSERT INTO recipient_members (list_id, pos, email, name, fields) "
            "VALUES (?, ?, ?, ?, ?)",
            batch,
        )

    # -- export ---------------------------------------------------------------------------
    def export_csv(
        self,
        list_id: int,
        path: Path,
        *,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
    ) -> int:
        """Write the list as UTF-8 CSV (email, name, merge fields); returns rows written.

        Cells that a spreadsheet would run as a formula are neutralised.
        """
        info = self.get(list_id)
        written = 0
        tmp = path.with_name(path.name + ".part")
        with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["email", "name", *info.columns])
            for member in self.iter_members(list_id):
                writer.writerow(
                    [
                        safe_cell(member.email),
                        safe_cell(member.name),
                        *(safe_cell(member.fields.get(c, "")) for c in info.columns),
                    ]
                )
                written += 1
                if written % 10_000 == 0:
                    if cancel is not None and cancel.cancelled:
                        handle.close()
                        tmp.unlink(missing_ok=True)
                        cancel.raise_if_cancelled()
                    progress(Progress("Exporting", written, info.count))
        tmp.replace(path)
        return written
