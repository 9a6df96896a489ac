"""Turning API entries into store rows, keeping every field the server sent.

Known fields go to their columns as text; anything else (a field a newer server adds)
is kept in the row's ``extra`` JSON. Event types are stored verbatim, known or not.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["responses", "bounces", "opens", "clicks", "unsubscribes"]
KINDS: tuple[Kind, ...] = ("responses", "bounces", "opens", "clicks", "unsubscribes")

HARD = "hard"
SOFT = "soft"

RESPONSE_FIELDS = ("messageId", "recipient", "type", "errorCode", "errorText", "timestamp")
INTERACTION_FIELDS = (
    "idCampaign",
    "idMessage",
    "email",
    "type",
    "timestamp",
    "link",
    "linkName",
    "ip",
    "sourceSystem",
)
UNSUBSCRIBE_FIELDS = ("recipient", "idCampaign", "idMessage", "dateRequest")


@dataclass
class OutboxLinks:
    """The campaign's outbox messages by TEA Lite messageId, outboundId and recipient."""

    by_message: dict[str, int] = field(default_factory=dict)
    by_recipient: dict[str, int] = field(default_factory=dict)

    def find(self, message_id: str, recipient: str) -> int | None:
        if message_id and message_id in self.by_message:
            return self.by_message[message_id]
        if recipient and self.by_recipient:
            return self.by_recipient.get(recipient.lower())
        return None

    def __bool__(self) -> bool:
        return bool(self.by_message or self.by_recipient)


NO_LINKS = OutboxLinks()


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _extra(item: dict[str, Any], known: frozenset[str]) -> str | None:
    if len(item) <= len(known) and known.issuperset(item):
        return None
    rest = {k: v for k, v in item.items() if k not in known}
    return json.dumps(rest, ensure_ascii=False, separators=(",", ":")) if rest else None


_RESPONSE_KNOWN = frozenset(RESPONSE_FIELDS)
_INTERACTION_KNOWN = frozenset(INTERACTION_FIELDS)
_UNSUBSCRIBE_KNOWN = frozenset(UNSUBSCRIBE_FIELDS)


def response_rows(
    items: Iterable[dict[str, Any]],
    campaign_id: int | None,
    source_system: str,
    campaign_ref: str,
    links: OutboxLinks = NO_LINKS,
) -> list[tuple[Any, ...]]:
    """Rows for ``stats_responses`` (campaign_id .. extra, outbox_id)."""
    rows = []
    for i in items:
        message_id, recipient = _text(i.get("messageId")), _text(i.get("recipient"))
        rows.append(
            (
                campaign_id,
                source_system,
                campaign_ref,
                message_id,
                recipient,
                _text(i.get("type")),
                _text(i.get("errorCode")),
                _text(i.get("errorText")),
                _text(i.get("timestamp")),
                _extra(i, _RESPONSE_KNOWN),
                links.find(message_id, recipient),
            )
        )
    return rows


def bounce_rows(
    items: Iterable[dict[str, Any]],
    source_system: str,
    campaign_id: int | None = None,
    links: OutboxLinks = NO_LINKS,
) -> list[tuple[Any, ...]]:
    """Rows for ``stats_bounces`` (campaign_id .. extra, outbox_id).

    /bounces covers the whole source system: only a bounce whose messageId is one of
    ``links`` (the campaign's outbox) is attributed to ``campaign_id`` here; the rest
    are linked later through /responses (``StatsStore.link_bounces``).
    """
    rows = []
    for i in items:
        message_id = _text(i.get("messageId"))
        outbox_id = links.by_message.get(message_id) if message_id else None
        rows.append(
            (
                campaign_id if outbox_id is not None else None,
                source_system,
                message_id,
                _text(i.get("recipient")),
                _text(i.get("type")),
                _text(i.get("errorCode")),
                _text(i.get("errorText")),
                _text(i.get("timestamp")),
                _extra(i, _RESPONSE_KNOWN),
                outbox_id,
            )
        )
    return rows


def interaction_rows(
    items: Iterable[dict[str, Any]],
    campaign_id: int | None,
    source_system: str,
    id_campaign: str,
    links: OutboxLinks = NO_LINKS,
) -> list[tuple[Any, ...]]:
    """Rows for ``stats_interactions`` (campaign_id .. extra, outbox_id). Hot path."""
    rows: list[tuple[Any, ...]] = []
    append = rows.append
    known = _INTERACTION_KNOWN
    find = links.find if links else None
    for i in items:
        get = i.get
        id_message = _text(get("idMessage"))
        email = _text(get("email"))
        append(
            (
                campaign_id,
                _text(get("sourceSystem")) or source_system,
                _text(get("idCampaign")) or id_campaign,
                id_message,
                email,
                _text(get("type")),
                _text(get("timestamp")),
                _text(get("link")),
                _text(get("linkName")),
                _text(get("ip")),
                _extra(i, known),
                find(id_message, email) if find else None,
            )
        )
    return rows


def unsubscribe_rows(
    items: Iterable[dict[str, Any]],
    campaign_id: int | None,
    source_system: str,
    links: OutboxLinks = NO_LINKS,
) -> list[tuple[Any, ...]]:
    """Rows for ``stats_unsubscribes`` (campaign_id .. extra, outbox_id)."""
    rows = []
    for i in items:
        recipient, id_message = _text(i.get("recipient")), _text(i.get("idMessage"))
        rows.append(
            (
                campaign_id,
                source_system,
                recipient,
                _text(i.get("idCampaign")),
                id_message,
                _text(i.get("dateRequest")),
                _extra(i, _UNSUBSCRIBE_KNOWN),
                links.find(id_message, recipient),
            )
        )
    return rows


def is_hard(bounce_type: str) -> bool:
    return bounce_type.strip().lower() == HARD


def is_soft(bounce_type: str) -> bool:
    return bounce_type.strip().lower() == SOFT


# Positions, in the rows built above, of the natural key and of its timestamp.
KEY_POSITIONS: dict[str, tuple[tuple[int, ...], int]] = {
    "responses": ((1, 2, 3, 4, 5, 8), 8),
    "bounces": ((1, 2, 3, 4, 7), 7),
    "interactions": ((2, 3, 4, 5, 6, 7), 6),
    "unsubscribes": ((1, 2, 3, 4, 5), 5),
}
# Above this many remembered keys, only those of the newest timestamp are kept.
_MAX_REMEMBERED = 50_000


class Occurrences:
    """Numbers entries identical in their natural key within one feed's answer.

    TEA Lite gives events no id of their own: two opens of one message in the same
    second are two identical entries. Numbering them (``seq`` 0, 1, ...) keeps both, and a
    later overlapping sync that receives the same pair numbers them the same way, so
    neither is stored twice. Memory stays bounded: once many keys are remembered, only
    those at the newest timestamp are kept (answers come in time order).
    """

    def __init__(self, table: str) -> None:
        self._key, self._time = KEY_POSITIONS[table]
        # Key (the natural key's values, in KEY_POSITIONS order) -> occurrences seen.
        self.counts: dict[tuple[Any, ...], int] = {}
        self._newest = ""

    def number(self, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        counts = self.counts
        positions = self._key
        numbered = []
        for row in rows:
            key = tuple([row[p] for p in positions])
            seq = counts.get(key, 0)
            counts[key] = seq + 1
            numbered.append((*row, seq))
        if rows:
            self.page_done(max(str(row[self._time]) for row in rows))
        return numbered

    def page_done(self, newest: str) -> None:
        """After a page numbered elsewhere (``interaction_page``): keep memory bounded."""
        self._newest = max(self._newest, newest)
        if len(self.counts) > _MAX_REMEMBERED:
            t = self._key.index(self._time)
            self.counts = {k: v for k, v in self.counts.items() if k[t] == self._newest}
