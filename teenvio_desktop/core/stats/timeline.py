"""Opens and clicks over time, in intervals that suit the campaign's age.

A campaign an hour old is best read minute by minute, one a day old hour by hour, one a
month old day by day: :func:`choose_bin_width` picks the smallest "round" interval (1 min,
5 min, 1 h, 1 day...) that covers the campaign's life in at most ``max_bins`` intervals.
:func:`bin_counts` lays counts into contiguous intervals (empty ones included, so a chart
of them and their running total are honest), aligned to the user's local clock (a day
interval starts at local midnight). :func:`campaign_timeline` reads the store.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import accumulate

from teenvio_desktop.core.stats.queries import Scope
from teenvio_desktop.core.store import Database

MINUTE = 60
HOUR = 3600
DAY = 86_400
# Round intervals, smallest first.
BIN_WIDTHS: tuple[int, ...] = (
    MINUTE,
    2 * MINUTE,
    5 * MINUTE,
    10 * MINUTE,
    15 * MINUTE,
    30 * MINUTE,
    HOUR,
    2 * HOUR,
    3 * HOUR,
    6 * HOUR,
    12 * HOUR,
    DAY,
    2 * DAY,
    7 * DAY,
    14 * DAY,
    30 * DAY,
)
MAX_BINS = 72


@dataclass(frozen=True)
class TimelineBin:
    start: int  # epoch seconds (UTC) at which the interval begins
    opens: int
    clicks: int


@dataclass(frozen=True)
class Timeline:
    width: int  # seconds per interval
    bins: tuple[TimelineBin, ...]

    @property
    def opens(self) -> list[int]:
        return [b.opens for b in self.bins]

    @property
    def clicks(self) -> list[int]:
        return [b.clicks for b in self.bins]

    def cumulative_opens(self) -> list[int]:
        return list(accumulate(self.opens))

    def cumulative_clicks(self) -> list[int]:
        return list(accumulate(self.clicks))

    @property
    def starts(self) -> list[int]:
        return [b.start for b in self.bins]


EMPTY = Timeline(HOUR, ())


def choose_bin_width(span_s: float, max_bins: int = MAX_BINS) -> int:
    """The smallest interval of :data:`BIN_WIDTHS` that covers ``span_s`` in ``max_bins``
    intervals (so a chart never has more than ``max_bins + 1`` of them)."""
    span = max(0.0, span_s)
    for width in BIN_WIDTHS:
        if span <= width * max_bins:
            return width
    # Years (or a server's absurd timestamps): whole multiples of the widest interval.
    widest = BIN_WIDTHS[-1]
    return widest * math.ceil(span / (widest * max_bins))


def _align(moment: int, width: int, utc_offset_s: int) -> int:
    """The start of the interval holding ``moment``, on the local clock's grid."""
    return (moment + utc_offset_s) // width * width - utc_offset_s


def bin_counts(
    counts: Iterable[tuple[int, int, int]],
    *,
    start: int,
    end: int,
    width: int,
    utc_offset_s: int = 0,
) -> Timeline:
    """Lay ``(moment, opens, clicks)`` counts into contiguous intervals of ``width``
    seconds from the one holding ``start`` to the one holding ``end``. A moment outside
    that range counts in the first or last interval: nothing counted is dropped, and the
    number of intervals depends on the range alone."""
    if width <= 0:
        raise ValueError("width must be positive")
    first = _align(start, width, utc_offset_s)
    last = _align(max(start, end), width, utc_offset_s)
    size = (last - first) // width + 1
    opens = [0] * size
    clicks = [0] * size
    for moment, o, c in counts:
        index = min(max((_align(moment, width, utc_offset_s) - first) // width, 0), size - 1)
        opens[index] += o
        clicks[index] += c
    bins = tuple(TimelineBin(first + i * width, opens[i], clicks[i]) for i in range(size))
    return Timeline(width, bins)


# event_time is the server's 'YYYYMMDDHHMMSS' (UTC): epoch seconds in SQL.
_EPOCH = (
    "CAST(strftime('%s', substr(event_time, 1, 4) || '-' || substr(event_time, 5, 2) || '-' || "
    "substr(event_time, 7, 2) || ' ' || substr(event_time, 9, 2) || ':' || "
    "substr(event_time, 11, 2) || ':' || substr(event_time, 13, 2)) AS INTEGER)"
)
_VALID = "length(event_time) = 14 AND event_time GLOB '[0-9]*' AND type IN ('OPEN', 'CLICK')"


def _epoch(timestamp: str | None) -> int | None:
    if not timestamp:
        return None
    try:
        return int(datetime.strptime(timestamp, "%Y%m%d%H%M%S").replace(tzinfo=UTC).timestamp())
    except ValueError:
        return None


def campaign_timeline(
    db: Database,
    scope: Scope,
    *,
    now: datetime,
    sent_at: datetime | None = None,
    utc_offset_s: int = 0,
    max_bins: int = MAX_BINS,
) -> Timeline:
    """Opens and clicks of ``scope`` from its sending (or first event) until ``now``."""
    where, params = scope.where()
    first, last = db.conn.execute(
        f"SELECT MIN(event_time), MAX(event_time) FROM stats_interactions "
        f"WHERE {where} AND {_VALID}",
        params,
    ).fetchone()
    first_s, last_s = _epoch(first), _epoch(last)
    if first_s is None or last_s is None:
        return EMPTY
    start = min(first_s, int(sent_at.timestamp())) if sent_at is not None else first_s
    end = max(last_s, int(now.timestamp()))
    width = choose_bin_width(end - start, max_bins)
    rows = db.conn.execute(
        f"SELECT ({_EPOCH} + ?) / ? AS bucket, SUM(type = 'OPEN'), SUM(type = 'CLICK') "
        f"FROM stats_interactions WHERE {where} AND {_VALID} GROUP BY bucket",
        (utc_offset_s, width, *params),
    )
    counts = [
        (int(bucket) * width - utc_offset_s, int(opens or 0), int(clicks or 0))
        for bucket, opens, clicks in rows
        if bucket is not None
    ]
    return bin_counts(counts, start=start, end=end, width=width, utc_offset_s=utc_offset_s)
