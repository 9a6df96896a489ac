"""The hot path of a statistics sync: a page of /interactions checked, turned into rows and
numbered in one pass.

A million interactions used to go through three passes (``validate.valid_items``,
``events.interaction_rows``, ``events.Occurrences.number``) that together cost about
10 µs a row, more than fetching, decoding and storing it. Here an entry of the usual shape
(string fields, a plain timestamp, no field the seed does not name) is accepted by a few
type checks and string comparisons; any other entry goes through
:func:`validate.problem`, the reference, and :func:`events.interaction_rows`, so what is
skipped, stored and numbered is exactly what the three passes did
(``tests/core/stats/test_interaction_page.py`` compares them). Pages msgspec decoded into
typed entries (``tealite/plain_interactions.py``) go through
:func:`plain_interaction_rows`, the same pass without the type checks.
"""

from __future__ import annotations

import calendar
from typing import Any

from teenvio_desktop.core.stats.events import (
    INTERACTION_FIELDS,
    NO_LINKS,
    Occurrences,
    OutboxLinks,
    interaction_rows,
)
from teenvio_desktop.core.stats.validate import Rejects, problem
from teenvio_desktop.core.tealite.plain_interactions import PlainInteraction, as_item

_PLAIN_KEYS = frozenset(INTERACTION_FIELDS)
_STR = str


def _plain_timestamp(value: str) -> bool:
    """YYYYMMDDHHMMSS naming a real second, by string comparisons (no datetime built)."""
    if len(value) != 14 or not value.isdigit() or not value.isascii():
        return False
    month, day = value[4:6], value[6:8]
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return False
    if not (value[8:10] <= "23" and value[10:12] <= "59" and value[12:14] <= "59"):
        return False
    if day > "28":
        year = int(value[:4])
        if year < 1 or int(day) > calendar.monthrange(year, int(month))[1]:
            return False
    return value[:4] != "0000"


def interaction_page_rows(
    kind: str,
    items: list[dict[str, Any]],
    rejects: Rejects,
    occurrences: Occurrences,
    campaign_id: int | None,
    source_system: str,
    id_campaign: str,
    links: OutboxLinks = NO_LINKS,
) -> list[tuple[Any, ...]]:
    """Rows for ``stats_interactions`` (numbered, ``seq`` last) of the storable entries;
    the others are counted in ``rejects``."""
    counts = occurrences.counts
    find = links.find if links else None
    rows: list[tuple[Any, ...]] = []
    append = rows.append
    newest = ""
    # The last timestamp found valid (pages are in time order, seconds repeat); None, not
    # "", at first: an empty timestamp must be checked like any other.
    checked: str | None = None
    plain_keys = _PLAIN_KEYS
    for item in items:
        get = item.get
        email = get("email")
        stamp = get("timestamp")
        source = get("sourceSystem")
        campaign = get("idCampaign")
        message = get("idMessage")
        event_type = get("type")
        link = get("link")
        link_name = get("linkName")
        ip = get("ip")
        if not (
            type(email) is _STR
            and type(stamp) is _STR
            and (source is None or type(source) is _STR)
            and (campaign is None or type(campaign) is _STR)
            and (message is None or type(message) is _STR)
            and (event_type is None or type(event_type) is _STR)
            and (link is None or type(link) is _STR)
            and (link_name is None or type(link_name) is _STR)
            and (ip is None or type(ip) is _STR)
            and email.strip()
            and (stamp == checked or _plain_timestamp(stamp))
            and plain_keys.issuperset(item)
        ):
            reason = problem(kind, item)
            if reason is not None:
                rejects.add(reason)
                continue
            # Storable but unusual (integer ids, extra fields): the reference builds it.
            row = interaction_rows([item], campaign_id, source_system, id_campaign, links)[0]
            key = (row[2], row[3], row[4], row[5], row[6], row[7])
            stamp = row[6]
        else:
            checked = stamp
            message = message or ""
            link = link or ""
            row = (
                campaign_id,
                source or source_system,
                campaign or id_campaign,
                message,
                email,
                event_type or "",
                stamp,
                link,
                link_name or "",
                ip or "",
                None,
                find(message, email) if find else None,
            )
            key = (row[2], message, email, row[5], stamp, link)
        seq = counts.get(key, 0)
        counts[key] = seq + 1
        append((*row, seq))
        if stamp > newest:
            newest = stamp
    occurrences.page_done(newest)
    return rows


def plain_interaction_rows(
    kind: str,
    entries: list[PlainInteraction],
    rejects: Rejects,
    occurrences: Occurrences,
    campaign_id: int | None,
    source_system: str,
    id_campaign: str,
    links: OutboxLinks = NO_LINKS,
) -> list[tuple[Any, ...]]:
    """:func:`interaction_page_rows` for a page decoded into typed entries (every field a
    string or null already): the same rows, skips and numbers, without the type checks."""
    counts = occurrences.counts
    find = links.find if links else None
    rows: list[tuple[Any, ...]] = []
    append = rows.append
    newest = ""
    checked: str | None = None
    for entry in entries:
        email = entry.email
        stamp = entry.timestamp
        if (
            email is None
            or stamp is None
            or not email.strip()
            or not (stamp == checked or _plain_timestamp(stamp))
        ):
            item = as_item(entry)
            reason = problem(kind, item)
            if reason is not None:
                rejects.add(reason)
                continue
            row = interaction_rows([item], campaign_id, source_system, id_campaign, links)[0]
            key = (row[2], row[3], row[4], row[5], row[6], row[7])
            stamp = row[6]
            seq = counts.get(key, 0)
            counts[key] = seq + 1
            append((*row, seq))
        else:  # the usual entry: its row built once, its number last
            checked = stamp
            message = entry.idMessage or ""
            link = entry.link or ""
            event_type = entry.type or ""
            campaign = entry.idCampaign or id_campaign
            key = (campaign, message, email, event_type, stamp, link)
            seq = counts.get(key, 0)
            counts[key] = seq + 1
            append(
                (
                    campaign_id,
                    entry.sourceSystem or source_system,
                    campaign,
                    message,
                    email,
                    event_type,
                    stamp,
                    link,
                    entry.linkName or "",
                    entry.ip or "",
                    None,
                    find(message, email) if find else None,
                    seq,
                )
            )
        if stamp > newest:
            newest = stamp
    occurrences.page_done(newest)
    return rows
