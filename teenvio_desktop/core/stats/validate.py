"""Which entries of a statistics page can be stored: types and timestamps checked.

An entry is stored only when the fields the store keys and shows it by have the types the
seed shows: the address (``recipient``, or ``email`` for interactions) a non-empty string,
``timestamp`` a real YYYYMMDDHHMMSS moment (``dateRequest`` of an unsubscribe a date),
identifiers strings or integers, texts strings or null. Fields the seed does not name may
hold anything JSON allows, nested a few levels at most. Anything else is skipped and
counted with a reason (:class:`Rejects`), never stored with a made-up value and never a
traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from teenvio_desktop.core.tealite.answers import nesting_exceeds

MAX_SAMPLES = 5
# Containers inside an unknown field: a newer server may add a small object, not a tree.
MAX_EXTRA_NESTING = 4
_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)

_IDS = ("messageId", "errorCode", "idCampaign", "idMessage", "sourceSystem")
_TEXTS = ("type", "errorText", "link", "linkName", "ip")
_ADDRESS = {
    "responses": "recipient",
    "bounces": "recipient",
    "opens": "email",
    "clicks": "email",
    "unsubscribes": "recipient",
}
_KNOWN = frozenset({*_IDS, *_TEXTS, "recipient", "email", "timestamp", "dateRequest"})


@dataclass
class Rejects:
    """Entries skipped from one feed: how many, and a few reasons to show."""

    count: int = 0
    samples: list[str] = field(default_factory=list)

    def add(self, reason: str) -> None:
        self.count += 1
        if len(self.samples) < MAX_SAMPLES:
            self.samples.append(reason)


def valid_timestamp(value: Any) -> bool:
    """A real moment written as YYYYMMDDHHMMSS (the seed's format)."""
    if not isinstance(value, str) or len(value) != 14 or not value.isascii():
        return False
    if not value.isdigit():
        return False
    try:
        datetime(
            int(value[:4]),
            int(value[4:6]),
            int(value[6:8]),
            int(value[8:10]),
            int(value[10:12]),
            int(value[12:14]),
        )
    except ValueError:
        return False
    return True


def valid_date(value: Any) -> bool:
    """An unsubscribe's ``dateRequest``: YYYY-MM-DD (time optional), or YYYYMMDDHHMMSS."""
    if not isinstance(value, str):
        return False
    if valid_timestamp(value):
        return True
    match = _DATE.fullmatch(value)
    if match is None:
        return False
    year, month, day, hour, minute, second = (int(p) for p in match.groups(default="0"))
    try:
        datetime(year, month, day, hour, minute, second)
    except ValueError:
        return False
    return True


def _is_id(value: Any) -> bool:
    return value is None or (isinstance(value, str | int) and not isinstance(value, bool))


def problem(kind: str, item: dict[str, Any]) -> str | None:
    """Why ``item`` cannot be stored as a ``kind`` entry, or None when it can."""
    address_key = _ADDRESS[kind]
    address = item.get(address_key)
    if not isinstance(address, str) or not address.strip():
        return f"{address_key} is not a non-empty string"
    if kind == "unsubscribes":
        date = item.get("dateRequest")
        if date not in (None, "") and not valid_date(date):
            return f"dateRequest {str(date)[:40]!r} is not a date"
    elif not valid_timestamp(item.get("timestamp")):
        return f"timestamp {str(item.get('timestamp'))[:40]!r} is not YYYYMMDDHHMMSS"
    for key in _IDS:
        if not _is_id(item.get(key)):
            return f"{key} is not a string or an integer"
    for key in _TEXTS:
        value = item.get(key)
        if value is not None and not isinstance(value, str):
            return f"{key} is not a string"
    if len(item) > len(_KNOWN) or not _KNOWN.issuperset(item):
        for key, value in item.items():
            if key not in _KNOWN and nesting_exceeds(value, MAX_EXTRA_NESTING):
                return f"{str(key)[:40]} is nested too deeply"
    return None


def valid_items(
    kind: str, items: Iterable[dict[str, Any]], rejects: Rejects
) -> list[dict[str, Any]]:
    """The entries that can be stored; the others are counted in ``rejects``."""
    kept: list[dict[str, Any]] = []
    for item in items:
        reason = problem(kind, item)
        if reason is None:
            kept.append(item)
        else:
            rejects.add(reason)
    return kept
