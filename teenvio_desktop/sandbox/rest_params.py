"""Validating what a TEA Lite call sends, with the service's own error texts.

Every problem becomes an :class:`ApiError`; the texts follow the seed's example
("El recipient es requerido") and are in Spanish like the real service.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# In the order of the seed's table, which is the order they are checked in.
REQUIRED_SEND_ATTRIBUTES = (
    "bodyContentHTML",
    "bodyContentPlainText",
    "campaignId",
    "outboundId",
    "recipient",
    "replyTo",
    "replyToName",
    "sender",
    "senderName",
    "sourceSystem",
    "subjectContentPlainText",
)
OPTIONAL_SEND_ATTRIBUTES = ("listUnsubscribe", "recipientName", "sendAt", "type")
# Attribute -> column of the sandbox's ``messages`` table.
COLUMNS = {
    "bodyContentHTML": "html",
    "bodyContentPlainText": "text",
    "campaignId": "campaign_id",
    "outboundId": "outbound_id",
    "recipient": "recipient",
    "replyTo": "reply_to",
    "replyToName": "reply_to_name",
    "sender": "sender",
    "senderName": "sender_name",
    "sourceSystem": "source_system",
    "subjectContentPlainText": "subject",
    "listUnsubscribe": "list_unsubscribe",
    "recipientName": "recipient_name",
    "sendAt": "send_at",
    "type": "type",
}
EMAIL_ATTRIBUTES = frozenset({"recipient", "replyTo", "sender"})
# Values that end up in message headers: a line break would be header injection.
SINGLE_LINE = frozenset(
    {
        "campaignId",
        "outboundId",
        "recipient",
        "replyTo",
        "replyToName",
        "sender",
        "senderName",
        "sourceSystem",
        "subjectContentPlainText",
        "listUnsubscribe",
        "recipientName",
        "sendAt",
        "type",
    }
)
_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\]]+$")
_OFFSET = re.compile(r"^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


class ApiError(Exception):
    def __init__(self, status: int, text: str, category: str = "Permanent") -> None:
        super().__init__(text)
        self.status = status
        self.text = text
        self.category = category


def required(name: str) -> ApiError:
    return ApiError(500, f"El {name} es requerido")


def invalid(name: str) -> ApiError:
    return ApiError(500, f"El {name} no es válido")


def parse_timestamp(name: str, text: str, zone: tzinfo = UTC) -> int:
    """YYYYMMDDHHMMSS in ``zone`` -> epoch seconds."""
    text = text.strip()
    if len(text) != 14 or not text.isdigit():
        raise invalid(name)
    try:
        moment = datetime.strptime(text, "%Y%m%d%H%M%S").replace(tzinfo=zone)
    except ValueError as exc:
        raise invalid(name) from exc
    return int(moment.timestamp())


def parse_tz(text: str) -> tzinfo:
    """An IANA name (Europe/Madrid), UTC/GMT, or an offset (-06:00, +0100, GMT-6)."""
    value = text.strip()
    if value.upper() in ("UTC", "GMT", "Z"):
        return UTC
    match = _OFFSET.match(value)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        hours, minutes = int(match.group(2)), int(match.group(3) or 0)
        if hours > 14 or minutes > 59:
            raise invalid("tz")
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise invalid("tz") from exc


def _text(params: Mapping[str, str], name: str) -> str | None:
    value = params.get(name)
    return value.strip() if value is not None and value.strip() else None


def require_param(params: Mapping[str, str], name: str) -> str:
    value = _text(params, name)
    if value is None:
        raise required(name)
    return value


def time_window(
    params: Mapping[str, str], *, required_window: bool
) -> tuple[int | None, int | None]:
    """startTimeUTC/endTimeUTC, or startTime/endTime/tz (local times) -> epoch bounds."""
    start_utc, end_utc = _text(params, "startTimeUTC"), _text(params, "endTimeUTC")
    start_local, end_local = _text(params, "startTime"), _text(params, "endTime")
    if (start_local or end_local) and not (start_utc or end_utc):
        if start_local is None:
            raise required("startTime")
        if end_local is None:
            raise required("endTime")
        zone = parse_tz(require_param(params, "tz"))
        return (
            parse_timestamp("startTime", start_local, zone),
            parse_timestamp("endTime", end_local, zone),
        )
    if required_window:
        if start_utc is None:
            raise required("startTimeUTC")
        if end_utc is None:
            raise required("endTimeUTC")
    start = parse_timestamp("startTimeUTC", start_utc) if start_utc else None
    end = parse_timestamp("endTimeUTC", end_utc) if end_utc else None
    return start, end


def page_number(params: Mapping[str, str], first: int) -> int:
    value = _text(params, "page")
    if value is None:
        return first
    if not value.isdigit() or int(value) < first:
        raise invalid("page")
    return int(value)


def validate_send(data: Mapping[str, Any]) -> tuple[dict[str, Any], float | None]:
    """The attributes of /send and /sendWithAttachment -> (column values, sendAt epoch)."""
    values: dict[str, str] = {}
    for name in REQUIRED_SEND_ATTRIBUTES + OPTIONAL_SEND_ATTRIBUTES:
        raw = data.get(name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if name in REQUIRED_SEND_ATTRIBUTES:
                raise required(name)
            continue
        if isinstance(raw, bool) or not isinstance(raw, str | int | float):
            raise invalid(name)
        text = str(raw) if not isinstance(raw, str) else raw
        if name in SINGLE_LINE:
            text = text.strip()
            if "\r" in text or "\n" in text:
                raise invalid(name)
        if name in EMAIL_ATTRIBUTES and not _EMAIL.match(text):
            raise invalid(name)
        values[name] = text
    send_at = parse_timestamp("sendAt", values["sendAt"]) if "sendAt" in values else None
    return {COLUMNS[name]: value for name, value in values.items()}, send_at
