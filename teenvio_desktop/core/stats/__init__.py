"""Campaign statistics from TEA Lite: sync into the store, poll policy, queries."""

from teenvio_desktop.core.stats.events import KINDS, Kind
from teenvio_desktop.core.stats.poller import PollPolicy
from teenvio_desktop.core.stats.queries import (
    TABLES,
    Scope,
    StatsSummary,
    TableQuery,
    summary,
    timeline,
    top_links,
)
from teenvio_desktop.core.stats.store import StatsCampaign, StatsStore
from teenvio_desktop.core.stats.sync import SyncReport, sync_campaign

__all__ = [
    "KINDS",
    "TABLES",
    "Kind",
    "PollPolicy",
    "Scope",
    "StatsCampaign",
    "StatsStore",
    "StatsSummary",
    "SyncReport",
    "TableQuery",
    "summary",
    "sync_campaign",
    "timeline",
    "top_links",
]
