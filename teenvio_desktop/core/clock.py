"""Timestamps in one format across the store: ISO 8601, UTC, second precision."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def utc_now_iso() -> str:
    return utc_now().isoformat()


def teenvio_timestamp(moment: datetime) -> str:
    """The APIs' YYYYMMDDHHMMSS form, in UTC."""
    return moment.astimezone(UTC).strftime("%Y%m%d%H%M%S")


def parse_teenvio_timestamp(text: str) -> datetime:
    """Parse YYYYMMDDHHMMSS (UTC) into an aware datetime; ValueError when malformed."""
    if len(text) != 14 or not text.isdigit():
        raise ValueError(f"expected YYYYMMDDHHMMSS, got {text!r}")
    return datetime.strptime(text, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
