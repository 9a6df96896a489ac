"""The sandbox's own SQLite file: what it received and the events it planned.

Separate from the application's store on purpose (it plays the remote service). One
connection shared by the event-loop thread and test threads, serialised by a lock;
every logical change is one transaction.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from teenvio_desktop.sandbox.records import (
    ContactGroup,
    OutcomeSummary,
    ReceivedCampaign,
    ReceivedMessage,
    StoredFile,
)
from teenvio_desktop.sandbox.simulation import PlannedEvent

# SMTP campaign ids start here so they rarely collide with small REST campaignIds.
FIRST_SMTP_CAMPAIGN_ID = 1001

SCHEMA = """
CREATE TABLE IF NOT EXISTS contact_groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    smtp_campaign_id INTEGER
);
CREATE TABLE IF NOT EXISTS contacts (
    group_id INTEGER NOT NULL REFERENCES contact_groups(id),
    email TEXT NOT NULL,
    PRIMARY KEY (group_id, email)
);
CREATE TABLE IF NOT EXISTS smtp_campaigns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    smtp_ident TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    user TEXT NOT NULL,
    mail_from TEXT NOT NULL,
    recipients_json TEXT NOT NULL,
    subject TEXT NOT NULL,
    headers_json TEXT NOT NULL,
    teenvio_headers_json TEXT NOT NULL,
    html_original TEXT NOT NULL,
    html TEXT NOT NULL,
    text TEXT NOT NULL,
    attachments_json TEXT NOT NULL,
    inline_images_json TEXT NOT NULL,
    group_id INTEGER NOT NULL,
    size INTEGER NOT NULL,
    raw BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    transport TEXT NOT NULL,
    source_system TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    outbound_id TEXT,
    smtp_campaign_id INTEGER,
    recipient TEXT NOT NULL,
    recipient_name TEXT,
    sender TEXT,
    sender_name TEXT,
    reply_to TEXT,
    reply_to_name TEXT,
    subject TEXT,
    html TEXT,
    text TEXT,
    list_unsubscribe TEXT,
    type TEXT,
    send_at TEXT,
    accepted_at INTEGER NOT NULL,
    payload_json TEXT NOT NULL DEFAULT '{}',
    attachments_json TEXT NOT NULL DEFAULT '[]',
    UNIQUE (source_system, outbound_id)
);
CREATE INDEX IF NOT EXISTS messages_campaign ON messages(campaign_id);
CREATE INDEX IF NOT EXISTS messages_source ON messages(source_system);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id INTEGER NOT NULL REFERENCES messages(id),
    kind TEXT NOT NULL,
    at INTEGER NOT NULL,
    bounce_type TEXT,
    error_code TEXT,
    error_text TEXT,
    ip TEXT,
    link TEXT,
    link_name TEXT
);
CREATE INDEX IF NOT EXISTS events_kind_at ON events(kind, at);
CREATE INDEX IF NOT EXISTS events_message ON events(message_id);
"""


def stamp(epoch: float) -> str:
    """YYYYMMDDHHMMSS in UTC, the APIs' timestamp format."""
    return datetime.fromtimestamp(int(epoch), UTC).strftime("%Y%m%d%H%M%S")


def now_s() -> int:
    return int(time.time())


def _files(raw: str) -> tuple[StoredFile, ...]:
    return tuple(StoredFile(**item) for item in json.loads(raw))


def files_json(files: Sequence[StoredFile]) -> str:
    return json.dumps([file.__dict__ for file in files])


class SandboxStore:
    """All reads and writes of the sandbox database."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(SCHEMA)
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO sqlite_sequence(name, seq) SELECT 'smtp_campaigns', ? "
                "WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name='smtp_campaigns')",
                (FIRST_SMTP_CAMPAIGN_ID - 1,),
            )

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return list(self._conn.execute(sql, params))

    # --- writes -----------------------------------------------------------------

    @staticmethod
    def insert_events(
        conn: sqlite3.Connection, message_id: int, events: list[PlannedEvent]
    ) -> None:
        conn.executemany(
            "INSERT INTO events(message_id, kind, at, bounce_type, error_code, error_text, ip,"
            " link, link_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    message_id,
                    e.kind,
                    e.at,
                    e.bounce_type,
                    e.error_code,
                    e.error_text,
                    e.ip,
                    e.link,
                    e.link_name,
                )
                for e in events
            ],
        )

    def add_file(self, filename: str, content_type: str, data: bytes) -> int:
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO files(filename, content_type, data) VALUES (?, ?, ?)",
                (filename, content_type, data),
            )
            return int(cursor.lastrowid or 0)

    def get_file(self, file_id: int) -> tuple[str, str, bytes] | None:
        rows = self._query("SELECT filename, content_type, data FROM files WHERE id=?", (file_id,))
        if not rows:
            return None
        return str(rows[0]["filename"]), str(rows[0]["content_type"]), bytes(rows[0]["data"])

    def add_rest_message(
        self,
        fields: dict[str, Any],
        *,
        accepted_at: float,
        payload: dict[str, Any],
        attachments: Sequence[StoredFile],
        plan: Callable[[int], list[PlannedEvent]],
    ) -> tuple[int, bool]:
        """Store one REST message; the same (sourceSystem, outboundId) answers the first id.

        Returns (message id, created)."""
        with self.transaction() as conn:
            existing = conn.execute(
                "SELECT id FROM messages WHERE source_system=? AND outbound_id=?",
                (fields["source_system"], fields["outbound_id"]),
            ).fetchone()
            if existing is not None:
                return int(existing["id"]), False
            columns = ", ".join(fields)
            marks = ", ".join("?" for _ in fields)
            cursor = conn.execute(
                f"INSERT INTO messages(transport, accepted_at, payload_json, attachments_json,"
                f" {columns}) VALUES ('rest', ?, ?, ?, {marks})",
                (int(accepted_at), json.dumps(payload), files_json(attachments), *fields.values()),
            )
            message_id = int(cursor.lastrowid or 0)
            self.insert_events(conn, message_id, plan(message_id))
            return message_id, True

    def add_contact_group(
        self, conn: sqlite3.Connection, name: str, emails: Sequence[str], created_at: float
    ) -> int:
        cursor = conn.execute(
            "INSERT INTO contact_groups(name, created_at) VALUES (?, ?)", (name, int(created_at))
        )
        group_id = int(cursor.lastrowid or 0)
        conn.executemany(
            "INSERT OR IGNORE INTO contacts(group_id, email) VALUES (?, ?)",
            [(group_id, email) for email in emails],
        )
        return group_id

    def import_contacts(self, name: str, emails: Sequence[str], created_at: float) -> int:
        with self.transaction() as conn:
            return self.add_contact_group(conn, name, emails, created_at)

    def add_smtp_campaign(
        self,
        campaign: dict[str, Any],
        *,
        user: str,
        recipients: Sequence[str],
        created_at: float,
        plan: Callable[[int, str], list[PlannedEvent]],
    ) -> int:
        """The campaign, its content piece, its contact group, one message per recipient."""
        with self.transaction() as conn:
            group_id = self.add_contact_group(conn, "SMTP", recipients, created_at)
            values = {
                **campaign,
                "user": user,
                "recipients_json": json.dumps(list(recipients)),
                "created_at": int(created_at),
                "group_id": group_id,
            }
            cursor = conn.execute(
                f"INSERT INTO smtp_campaigns({', '.join(values)})"
                f" VALUES ({', '.join('?' for _ in values)})",
                tuple(values.values()),
            )
            campaign_id = int(cursor.lastrowid or 0)
            conn.execute(
                "UPDATE contact_groups SET name=?, smtp_campaign_id=? WHERE id=?",
                (f"SMTP {campaign_id}", campaign_id, group_id),
            )
            for recipient in recipients:
                cursor = conn.execute(
                    "INSERT INTO messages(transport, source_system, campaign_id,"
                    " smtp_campaign_id, recipient, sender, subject, accepted_at)"
                    " VALUES ('smtp', ?, ?, ?, ?, ?, ?, ?)",
                    (
                        user,
                        str(campaign_id),
                        campaign_id,
                        recipient,
                        campaign["mail_from"],
                        campaign["subject"],
                        int(created_at),
                    ),
                )
                message_id = int(cursor.lastrowid or 0)
                self.insert_events(conn, message_id, plan(message_id, recipient))
            return campaign_id

    def shift_pending(self, seconds: float, now: int) -> int:
        """Bring pending events ``seconds`` closer, never into the future of ``now``."""
        shift = int(min(seconds, 10**11))  # "forever" still fits SQLite's integers
        with self.transaction() as conn:
            cursor = conn.execute(
                "UPDATE events SET at = MAX(at - ?, ?) WHERE at > ?", (shift, now, now)
            )
            return cursor.rowcount

    # --- REST reads -------------------------------------------------------------

    _EVENT_SELECT = (
        "SELECT e.*, m.recipient, m.campaign_id, m.source_system FROM events e"
        " JOIN messages m ON m.id = e.message_id"
    )

    def events_page(
        self,
        *,
        kinds: Sequence[str],
        start: int | None,
        end: int | None,
        now: int,
        offset: int,
        limit: int,
        source_system: str | None = None,
        campaign_id: str | None = None,
        message_id: int | None = None,
    ) -> list[sqlite3.Row]:
        where = [f"e.kind IN ({', '.join('?' for _ in kinds)})", "e.at <= ?"]
        params: list[Any] = [*kinds, now]
        if start is not None:
            where.append("e.at >= ?")
            params.append(start)
        if end is not None:
            where.append("e.at <= ?")
            params.append(end)
        for column, value in (
            ("m.source_system", source_system),
            ("m.campaign_id", campaign_id),
            ("m.id", message_id),
        ):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        sql = (
            f"{self._EVENT_SELECT} WHERE {' AND '.join(where)} ORDER BY e.at, e.id LIMIT ? OFFSET ?"
        )
        return self._query(sql, [*params, limit, offset])

    # --- inspection (tests, GUI) --------------------------------------------------

    def received_campaigns(self) -> list[ReceivedCampaign]:
        return [
            ReceivedCampaign(
                teenvio_id=int(row["id"]),
                smtp_ident=row["smtp_ident"],
                created_at=stamp(row["created_at"]),
                user=row["user"],
                mail_from=row["mail_from"],
                recipients=tuple(json.loads(row["recipients_json"])),
                subject=row["subject"],
                headers=tuple((k, v) for k, v in json.loads(row["headers_json"])),
                teenvio_headers=json.loads(row["teenvio_headers_json"]),
                html=row["html"],
                html_original=row["html_original"],
                text=row["text"],
                attachments=_files(row["attachments_json"]),
                inline_images=_files(row["inline_images_json"]),
                contact_group_id=int(row["group_id"]),
                size=int(row["size"]),
                raw=bytes(row["raw"]),
            )
            for row in self._query("SELECT * FROM smtp_campaigns ORDER BY id")
        ]

    def received_messages(
        self, campaign_id: str | None = None, source_system: str | None = None
    ) -> list[ReceivedMessage]:
        where: list[str] = ["1=1"]
        params: list[Any] = []
        if campaign_id is not None:
            where.append("campaign_id = ?")
            params.append(campaign_id)
        if source_system is not None:
            where.append("source_system = ?")
            params.append(source_system)
        rows = self._query(
            f"SELECT * FROM messages WHERE {' AND '.join(where)} ORDER BY id", params
        )
        return [
            ReceivedMessage(
                message_id=str(row["id"]),
                transport=row["transport"],
                source_system=row["source_system"],
                campaign_id=row["campaign_id"],
                outbound_id=row["outbound_id"],
                recipient=row["recipient"],
                recipient_name=row["recipient_name"],
                sender=row["sender"],
                sender_name=row["sender_name"],
                reply_to=row["reply_to"],
                reply_to_name=row["reply_to_name"],
                subject=row["subject"],
                html=row["html"],
                text=row["text"],
                list_unsubscribe=row["list_unsubscribe"],
                type=row["type"],
                send_at=row["send_at"],
                accepted_at=stamp(row["accepted_at"]),
                attachments=_files(row["attachments_json"]),
                payload=json.loads(row["payload_json"]),
                smtp_campaign_id=row["smtp_campaign_id"],
            )
            for row in rows
        ]

    def contact_groups(self) -> list[ContactGroup]:
        groups = self._query("SELECT * FROM contact_groups ORDER BY id")
        return [
            ContactGroup(
                group_id=int(g["id"]),
                name=g["name"],
                created_at=stamp(g["created_at"]),
                emails=tuple(
                    r["email"]
                    for r in self._query(
                        "SELECT email FROM contacts WHERE group_id=? ORDER BY rowid", (g["id"],)
                    )
                ),
                smtp_campaign_id=g["smtp_campaign_id"],
            )
            for g in groups
        ]

    def summary(
        self, campaign_id: str, source_system: str | None, until: int | None
    ) -> OutcomeSummary:
        where: list[str] = ["m.campaign_id = ?"]
        params: list[Any] = [campaign_id]
        if source_system is not None:
            where.append("m.source_system = ?")
            params.append(source_system)
        message_count = self._query(
            f"SELECT COUNT(*) AS n FROM messages m WHERE {' AND '.join(where)}", params
        )[0]["n"]
        if until is not None:
            where.append("e.at <= ?")
            params.append(until)
        rows = self._query(
            "SELECT e.kind, e.bounce_type, COUNT(*) AS n, COUNT(DISTINCT e.message_id) AS u"
            " FROM events e JOIN messages m ON m.id = e.message_id"
            f" WHERE {' AND '.join(where)} GROUP BY e.kind, e.bounce_type",
            params,
        )
        counts: dict[str, int] = {"messages": int(message_count)}
        for row in rows:
            kind, n, unique = row["kind"], int(row["n"]), int(row["u"])
            if kind == "bounce":
                counts["bounces_hard" if row["bounce_type"] == "Hard" else "bounces_soft"] = n
            elif kind == "open":
                counts.update(opens=n, unique_opens=unique)
            elif kind == "click":
                counts.update(clicks=n, unique_clicks=unique)
            elif kind == "delivered":
                counts["delivered"] = n
            elif kind == "unsubscribe":
                counts["unsubscribes"] = n
        return OutcomeSummary(**counts)
