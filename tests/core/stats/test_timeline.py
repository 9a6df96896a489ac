"""The Results timeline: intervals that follow the campaign's age, nothing counted twice or
lost, aligned to the local clock, read from the store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.stats.events import interaction_rows
from teenvio_desktop.core.stats.queries import Scope
from teenvio_desktop.core.stats.store import StatsStore
from teenvio_desktop.core.stats.timeline import (
    BIN_WIDTHS,
    DAY,
    HOUR,
    MAX_BINS,
    MINUTE,
    bin_counts,
    campaign_timeline,
    choose_bin_width,
)

SPANS = st.floats(min_value=0, max_value=40 * 365 * DAY, allow_nan=False)
MOMENTS = st.integers(min_value=1_500_000_000, max_value=1_900_000_000)
OFFSETS = st.integers(min_value=-12 * HOUR, max_value=14 * HOUR)
COUNTS = st.lists(
    st.tuples(st.integers(0, 10**9), st.integers(0, 50), st.integers(0, 50)), max_size=60
)


@pytest.mark.parametrize(
    ("age", "width"),
    [
        (30 * MINUTE, MINUTE),
        (3 * HOUR, 5 * MINUTE),
        (24 * HOUR, 30 * MINUTE),
        (3 * DAY, HOUR),
        (2 * 7 * DAY, 6 * HOUR),
        (60 * DAY, DAY),
    ],
)
def test_minutes_when_fresh_then_hours_then_days(age: int, width: int) -> None:
    assert choose_bin_width(age) == width


@given(SPANS, SPANS)
def test_an_older_campaign_never_gets_finer_intervals(a: float, b: float) -> None:
    short, long = sorted((a, b))
    assert choose_bin_width(short) <= choose_bin_width(long)


@given(SPANS, st.integers(min_value=1, max_value=200))
def test_the_chosen_width_covers_the_span_in_the_allowed_intervals(
    span: float, max_bins: int
) -> None:
    width = choose_bin_width(span, max_bins)
    assert width * max_bins >= span
    smaller = [w for w in BIN_WIDTHS if w < width]
    assert all(w * max_bins < span for w in smaller)


@given(COUNTS, MOMENTS, st.integers(0, 90 * DAY), OFFSETS)
def test_binning_keeps_every_count_in_the_interval_holding_it(
    offsets: list[tuple[int, int, int]], start: int, age: int, offset: int
) -> None:
    end = start + age
    # Most moments within the campaign's life, some before or after it.
    counts = [(start - DAY + at % (age + 2 * DAY), o, c) for at, o, c in offsets]
    width = choose_bin_width(age)
    timeline = bin_counts(counts, start=start, end=end, width=width, utc_offset_s=offset)
    # Nothing lost, nothing counted twice.
    assert sum(timeline.opens) == sum(o for _m, o, _c in counts)
    assert sum(timeline.clicks) == sum(c for _m, _o, c in counts)
    # Contiguous intervals of one width, on the local clock's grid, covering every moment.
    starts = timeline.starts
    assert all(b - a == width for a, b in pairwise(starts))
    assert all((s + offset) % width == 0 for s in starts)
    assert starts[0] <= start and end < starts[-1] + width
    for moment, o, c in counts:
        if start <= moment <= end and (o or c):
            index = (moment - starts[0]) // width
            assert timeline.opens[index] >= o and timeline.clicks[index] >= c
    # The running totals never fall and end at the totals.
    cumulative = timeline.cumulative_opens()
    assert cumulative == sorted(cumulative)
    assert (cumulative or [0])[-1] == sum(timeline.opens)


@given(MOMENTS, st.integers(0, 40 * 365 * DAY))
def test_a_campaign_of_any_age_fits_the_chart(start: int, age: int) -> None:
    width = choose_bin_width(age)
    timeline = bin_counts([], start=start, end=start + age, width=width)
    assert 1 <= len(timeline.bins) <= MAX_BINS + 1


def test_a_day_interval_starts_at_local_midnight() -> None:
    madrid = 2 * HOUR  # summer time
    moment = int(datetime(2026, 6, 1, 21, 30, tzinfo=UTC).timestamp())  # 23:30 in Madrid
    after_midnight = moment + HOUR  # 00:30 in Madrid, still 22:30 UTC
    timeline = bin_counts(
        [(moment, 1, 0), (after_midnight, 1, 0)],
        start=moment,
        end=after_midnight,
        width=DAY,
        utc_offset_s=madrid,
    )
    assert timeline.opens == [1, 1]
    assert datetime.fromtimestamp(timeline.bins[1].start, UTC) == datetime(
        2026, 6, 1, 22, 0, tzinfo=UTC
    )


def test_moments_outside_the_campaign_count_at_its_edges() -> None:
    timeline = bin_counts(
        [(0, 1, 0), (10**10, 0, 1)], start=1_000_000, end=1_000_000 + HOUR, width=MINUTE
    )
    assert len(timeline.bins) == 61
    assert (timeline.opens[0], timeline.clicks[-1]) == (1, 1)


def test_bad_width_is_refused() -> None:
    with pytest.raises(ValueError):
        bin_counts([], start=0, end=10, width=0)


def _store_events(context: AppContext, campaign_id: int, events: list[dict[str, str]]) -> None:
    StatsStore(context.db).insert(
        "interactions",
        [(*row, seq) for seq, row in enumerate(interaction_rows(events, campaign_id, "s", "c"))],
    )


def test_the_store_timeline_follows_the_campaign_and_ignores_malformed_times(
    app_context: AppContext,
) -> None:
    campaign_id = CampaignRepository(app_context.db).create(
        Campaign(subject="Timeline", sender="a@example.com", html="<p>x</p>", text="x"),
        state="sent",
        recipients_count=3,
    )
    sent = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)

    def stamp(delta: timedelta) -> str:
        return (sent + delta).strftime("%Y%m%d%H%M%S")

    def event(message: str, kind: str, timestamp: str) -> dict[str, str]:
        link = "https://e.test" if kind == "CLICK" else ""
        return {"idMessage": message, "email": f"{message}@x.test", "type": kind,
                "timestamp": timestamp, "link": link}  # fmt: skip

    events = [
        event("1", "OPEN", stamp(timedelta(minutes=3))),
        event("2", "OPEN", stamp(timedelta(minutes=4))),
        event("2", "CLICK", stamp(timedelta(minutes=9))),
        event("3", "OPEN", "2026113"),  # malformed: not plotted
        event("3", "OPEN", "2026-11-30T10:0"),
    ]
    _store_events(app_context, campaign_id, events)
    scope = Scope(campaign_id=campaign_id)
    # Half an hour after sending: one-minute intervals.
    fresh = campaign_timeline(app_context.db, scope, now=sent + timedelta(minutes=30), sent_at=sent)
    assert fresh.width == MINUTE
    assert (sum(fresh.opens), sum(fresh.clicks)) == (2, 1)
    assert datetime.fromtimestamp(fresh.bins[0].start, UTC) == sent
    assert fresh.opens[3:5] == [1, 1] and fresh.clicks[9] == 1
    # Two days later: hours, and the same totals.
    later = campaign_timeline(
        app_context.db, scope, now=sent + timedelta(days=2), sent_at=sent, utc_offset_s=3600
    )
    assert later.width == HOUR
    assert later.opens[0] == 2 and later.clicks[0] == 1
    assert later.cumulative_opens()[-1] == 2
    # Another campaign's scope sees nothing.
    assert campaign_timeline(app_context.db, Scope(campaign_id=-5), now=sent).bins == ()
