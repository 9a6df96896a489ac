"""Reading statistics back: the summary, the timeline, top links, and paged tables.

A :class:`Scope` is one local campaign, or every campaign of a TEA Lite source system
(the command line without ``--campaign-id``). Tables are read in windows (``LIMIT``/
``OFFSET``) with filtering and sorting done by SQLite, so a million rows never have to
be in memory at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.store import Database


@dataclass(frozen=True)
class Scope:
    campaign_id: int | None = None
    source_system: str | None = None

    def where(self, alias: str = "") -> tuple[str, tuple[Any, ...]]:
        prefix = f"{alias}." if alias else ""
        if self.campaign_id is not None:
            return f"{prefix}campaign_id = ?", (self.campaign_id,)
        if self.source_system is not None:
            return f"{prefix}source_system = ?", (self.source_system,)
        return "1 = 1", ()


# The identity of one message in the feeds: its messageId, else its address.
_MESSAGE_KEY = "CASE WHEN message_id != '' THEN message_id ELSE lower(recipient) END"
_PERSON_KEY = "CASE WHEN email != '' THEN lower(email) ELSE id_message END"


@dataclass(frozen=True)
class StatsSummary:
    sent: int
    accepted: int
    delivered: int
    bounces_soft: int
    bounces_hard: int
    opens: int
    unique_opens: int
    clicks: int
    unique_clicks: int
    unsubscribes: int

    @property
    def click_through_rate(self) -> float:
        """Unique clickers over delivered messages (0 when nothing was delivered)."""
        return self.unique_clicks / self.delivered if self.delivered else 0.0

    @property
    def open_rate(self) -> float:
        return self.unique_opens / self.delivered if self.delivered else 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ctr"] = round(self.click_through_rate, 6)
        return data


def summary(db: Database, scope: Scope) -> StatsSummary:
    conn = db.conn
    where, params = scope.where()
    sent, accepted = _sent_and_accepted(db, scope)
    delivered = conn.execute(
        f"SELECT COUNT(DISTINCT {_MESSAGE_KEY}) FROM stats_responses WHERE {where} "
        "AND lower(type) NOT IN ('hard', 'soft')",
        params,
    ).fetchone()[0]
    bounces = dict(
        conn.execute(
            f"SELECT lower(type), COUNT(DISTINCT {_MESSAGE_KEY}) FROM ("
            f"SELECT type, message_id, recipient FROM stats_bounces WHERE {where} "
            "UNION ALL "
            f"SELECT type, message_id, recipient FROM stats_responses WHERE {where}"
            ") WHERE lower(type) IN ('hard', 'soft') GROUP BY lower(type)",
            params + params,
        ).fetchall()
    )
    interactions = {
        row[0]: (row[1], row[2])
        for row in conn.execute(
            f"SELECT type, COUNT(*), COUNT(DISTINCT {_PERSON_KEY}) FROM stats_interactions "
            f"WHERE {where} AND type IN ('OPEN', 'CLICK') GROUP BY type",
            params,
        )
    }
    unsubscribes = conn.execute(
        f"SELECT COUNT(DISTINCT lower(recipient)) FROM stats_unsubscribes WHERE {where}", params
    ).fetchone()[0]
    opens = interactions.get("OPEN", (0, 0))
    clicks = interactions.get("CLICK", (0, 0))
    return StatsSummary(
        sent=sent,
        accepted=accepted,
        delivered=int(delivered),
        bounces_soft=int(bounces.get("soft", 0)),
        bounces_hard=int(bounces.get("hard", 0)),
        opens=int(opens[0]),
        unique_opens=int(opens[1]),
        clicks=int(clicks[0]),
        unique_clicks=int(clicks[1]),
        unsubscribes=int(unsubscribes),
    )


def _sent_and_accepted(db: Database, scope: Scope) -> tuple[int, int]:
    """From the outbox for TEA Lite campaigns; from the campaign row for SMTP sends."""
    params: tuple[Any, ...]
    if scope.campaign_id is not None:
        campaign_filter, params = "c.id = ?", (scope.campaign_id,)
    elif scope.source_system is not None:
        campaign_filter, params = "c.source_system = ?", (scope.source_system,)
    else:
        campaign_filter, params = "1 = 1", ()
    row = db.conn.execute(
        "SELECT COALESCE(SUM(CASE WHEN o.n > 0 THEN o.n ELSE c.recipients_count END), 0), "
        "COALESCE(SUM(CASE WHEN o.n > 0 THEN o.accepted "
        "WHEN c.transport = 'smtp' AND c.teenvio_id IS NOT NULL THEN c.recipients_count "
        "ELSE 0 END), 0) "
        "FROM campaigns AS c LEFT JOIN (SELECT campaign_id, COUNT(*) AS n, "
        "SUM(state = 'accepted') AS accepted FROM outbox_messages GROUP BY campaign_id) AS o "
        f"ON o.campaign_id = c.id WHERE {campaign_filter}",
        params,
    ).fetchone()
    return int(row[0]), int(row[1])


@dataclass(frozen=True)
class TimelinePoint:
    hour: datetime  # start of the hour, UTC
    opens: int
    clicks: int


def timeline(db: Database, scope: Scope) -> list[TimelinePoint]:
    """Opens and clicks per hour (UTC), hours without events left out."""
    where, params = scope.where()
    rows = db.conn.execute(
        "SELECT substr(event_time, 1, 10) AS hour, SUM(type = 'OPEN'), SUM(type = 'CLICK') "
        f"FROM stats_interactions WHERE {where} AND length(event_time) = 14 "
        "GROUP BY hour ORDER BY hour",
        params,
    )
    points = []
    for hour, opens, clicks in rows:
        try:
            moment = datetime.strptime(hour, "%Y%m%d%H").replace(tzinfo=UTC)
        except ValueError:  # a malformed timestamp from the server: not plotted
            continue
        points.append(TimelinePoint(moment, int(opens or 0), int(clicks or 0)))
    return points


@dataclass(frozen=True)
class LinkClicks:
    link: str
    link_name: str
    clicks: int
    unique_clicks: int


def top_links(db: Database, scope: Scope, limit: int = 10) -> list[LinkClicks]:
    where, params = scope.where()
    rows = db.conn.execute(
        f"SELECT link, MAX(link_name), COUNT(*), COUNT(DISTINCT {_PERSON_KEY}) "
        f"FROM stats_interactions WHERE {where} AND type = 'CLICK' "
        "GROUP BY link ORDER BY 3 DESC, link LIMIT ?",
        (*params, limit),
    )
    return [LinkClicks(str(r[0]), str(r[1] or ""), int(r[2]), int(r[3])) for r in rows]


# -- tables ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    key: str
    sql: str
    title: str  # English, marked for translation in context "stats"


@dataclass(frozen=True)
class TableSpec:
    kind: str
    source: str  # table or view
    condition: str  # extra WHERE (e.g. the interaction type)
    columns: tuple[Column, ...]
    default_order: str = "event_time"

    def column_keys(self) -> list[str]:
        return [c.key for c in self.columns]


def _c(key: str, title: str, sql: str | None = None) -> Column:
    return Column(key, sql or key, title)


_TIME = _c("event_time", QT_TRANSLATE_NOOP("stats", "Time (UTC)"))
TABLES: dict[str, TableSpec] = {
    "responses": TableSpec(
        "responses",
        "stats_responses",
        "",
        (
            _TIME,
            _c("recipient", QT_TRANSLATE_NOOP("stats", "Recipient")),
            _c("type", QT_TRANSLATE_NOOP("stats", "Type")),
            _c("message_id", QT_TRANSLATE_NOOP("stats", "Message id")),
            _c("error_code", QT_TRANSLATE_NOOP("stats", "Code")),
            _c("error_text", QT_TRANSLATE_NOOP("stats", "Server text")),
        ),
    ),
    "bounces": TableSpec(
        "bounces",
        "stats_bounce_view",
        "",
        (
            _TIME,
            _c("recipient", QT_TRANSLATE_NOOP("stats", "Recipient")),
            _c("type", QT_TRANSLATE_NOOP("stats", "Type")),
            _c("error_code", QT_TRANSLATE_NOOP("stats", "Code")),
            _c("error_text", QT_TRANSLATE_NOOP("stats", "Server text")),
            _c("message_id", QT_TRANSLATE_NOOP("stats", "Message id")),
        ),
    ),
    "opens": TableSpec(
        "opens",
        "stats_interactions",
        "type = 'OPEN'",
        (
            _TIME,
            _c("email", QT_TRANSLATE_NOOP("stats", "Recipient")),
            _c("ip", QT_TRANSLATE_NOOP("stats", "IP")),
            _c("id_message", QT_TRANSLATE_NOOP("stats", "Message id")),
        ),
    ),
    "clicks": TableSpec(
        "clicks",
        "stats_interactions",
        "type = 'CLICK'",
        (
            _TIME,
            _c("email", QT_TRANSLATE_NOOP("stats", "Recipient")),
            _c("link", QT_TRANSLATE_NOOP("stats", "Link")),
            _c("link_name", QT_TRANSLATE_NOOP("stats", "Link name")),
            _c("ip", QT_TRANSLATE_NOOP("stats", "IP")),
            _c("id_message", QT_TRANSLATE_NOOP("stats", "Message id")),
        ),
    ),
    "unsubscribes": TableSpec(
        "unsubscribes",
        "stats_unsubscribes",
        "",
        (
            _c("date_request", QT_TRANSLATE_NOOP("stats", "Date")),
            _c("recipient", QT_TRANSLATE_NOOP("stats", "Recipient")),
            _c("id_message", QT_TRANSLATE_NOOP("stats", "Message id")),
            _c("id_campaign", QT_TRANSLATE_NOOP("stats", "Campaign id")),
        ),
        default_order="date_request",
    ),
}


@dataclass(frozen=True)
class TableQuery:
    """One table's rows for a scope, optionally filtered (substring, any column) and sorted."""

    spec: TableSpec
    scope: Scope
    filter_text: str = ""
    order_key: str | None = None
    descending: bool = False

    def _where(self) -> tuple[str, tuple[Any, ...]]:
        clause, params = self.scope.where()
        parts = [clause]
        if self.spec.condition:
            parts.append(self.spec.condition)
        needle = self.filter_text.strip()
        if needle:
            # LIKE is case-insensitive (ASCII) and much faster than instr(lower(...)).
            escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            matches = " OR ".join(f"{c.sql} LIKE ? ESCAPE '\\'" for c in self.spec.columns)
            parts.append(f"({matches})")
            params = params + (f"%{escaped}%",) * len(self.spec.columns)
        return " AND ".join(parts), params

    def _order(self) -> str:
        keys = {c.key: c.sql for c in self.spec.columns}
        column = keys.get(self.order_key or "", self.spec.default_order)
        direction = "DESC" if self.descending else "ASC"
        return f"{column} {direction}, id {direction}"

    def count(self, db: Database) -> int:
        where, params = self._where()
        return int(
            db.conn.execute(
                f"SELECT COUNT(*) FROM {self.spec.source} WHERE {where}", params
            ).fetchone()[0]
        )

    def rows(self, db: Database, offset: int, limit: int) -> list[tuple[Any, ...]]:
        where, params = self._where()
        columns = ", ".join(c.sql for c in self.spec.columns)
        return [
            tuple(r)
            for r in db.conn.execute(
                f"SELECT {columns} FROM {self.spec.source} WHERE {where} "
                f"ORDER BY {self._order()} LIMIT ? OFFSET ?",
                (*params, limit, offset),
            )
        ]

    def iter_rows(self, db: Database, batch: int = 5000) -> Iterator[tuple[Any, ...]]:
        """Every row in order, streamed (for exports)."""
        where, params = self._where()
        columns = ", ".join(c.sql for c in self.spec.columns)
        cursor = db.conn.execute(
            f"SELECT {columns} FROM {self.spec.source} WHERE {where} ORDER BY {self._order()}",
            params,
        )
        while True:
            chunk = cursor.fetchmany(batch)
            if not chunk:
                return
            for row in chunk:
                yield tuple(row)


def addresses(db: Database, campaign_id: int, which: str) -> list[str]:
    """Recipients of a campaign by behaviour: ``openers``, ``non_openers`` or ``clickers``.

    The campaign's recipients are its outbox messages (TEA Lite) or, for sends without
    an outbox, every address its feeds mention as delivered.
    """
    conn = db.conn
    if which == "clickers":
        rows = conn.execute(
            "SELECT DISTINCT lower(email) FROM stats_interactions WHERE campaign_id = ? "
            "AND type = 'CLICK' AND email != '' ORDER BY 1",
            (campaign_id,),
        )
        return [str(r[0]) for r in rows]
    openers = {
        str(r[0])
        for r in conn.execute(
            "SELECT DISTINCT lower(email) FROM stats_interactions WHERE campaign_id = ? "
            "AND type = 'OPEN' AND email != ''",
            (campaign_id,),
        )
    }
    if which == "openers":
        return sorted(openers)
    if which != "non_openers":
        raise ValueError(f"unknown audience {which!r}")
    recipients = [
        str(r[0])
        for r in conn.execute(
            "SELECT recipient FROM outbox_messages WHERE campaign_id = ? ORDER BY seq",
            (campaign_id,),
        )
    ]
    if not recipients:
        recipients = [
            str(r[0])
            for r in conn.execute(
                "SELECT DISTINCT lower(recipient) FROM stats_responses WHERE campaign_id = ? "
                "AND lower(type) NOT IN ('hard', 'soft') AND recipient != '' ORDER BY 1",
                (campaign_id,),
            )
        ]
    return [r for r in recipients if r.lower() not in openers]


AUDIENCE_NAMES = {
    "non_openers": QT_TRANSLATE_NOOP("stats", "Non-openers of {subject}"),
    "openers": QT_TRANSLATE_NOOP("stats", "Openers of {subject}"),
    "clickers": QT_TRANSLATE_NOOP("stats", "Clickers of {subject}"),
}


def save_audience_as_list(db: Database, campaign_id: int, which: str, name: str) -> tuple[int, int]:
    """Store the campaign's ``which`` audience as a new recipient list (merge fields kept
    from the outbox). Returns ``(list_id, members)``."""
    from teenvio_desktop.core.recipients.repository import RecipientListRepository

    emails = addresses(db, campaign_id, which)
    fields: dict[str, dict[str, str]] = {}
    for recipient, merge_data in db.conn.execute(
        "SELECT recipient, merge_data FROM outbox_messages WHERE campaign_id = ?", (campaign_id,)
    ):
        try:
            values = json.loads(merge_data or "{}")
        except ValueError:
            continue
        if isinstance(values, dict):
            fields[str(recipient)] = {str(k): str(v) for k, v in values.items()}
    repository = RecipientListRepository(db)
    list_id = repository.create_from_addresses(
        repository.unique_name(name), emails, fields, source=f"campaign:{campaign_id}:{which}"
    )
    return list_id, repository.count(list_id)
