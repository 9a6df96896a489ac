"""One incremental sync of a campaign's statistics from TEA Lite into the store.

Each feed remembers how far it was read (``stats_sync_state.synced_until``); the next
sync asks from there minus an overlap (events can reach the ESP's store late), up to
now. Overlapping windows are harmless: rows are deduplicated by their natural key.
Feeds are read in an order that lets bounces (which /bounces only filters by source
system) be linked to the campaign through the message ids /responses returned.

Answers are untrusted (``tealite/stats_api.py`` bounds them and stops endless or repeated
paging with an error naming the endpoint; that feed is then recorded as failed and the
others are still read). Entries with wrong types or unparseable timestamps are skipped,
counted per feed in :attr:`SyncReport.skipped` with sample reasons, and logged
(``validate.py``). /responses also settles the campaign's *uncertain* outbox messages:
an entry for the recipient proves the server received the message.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from teenvio_desktop.core.clock import parse_teenvio_timestamp, teenvio_timestamp, utc_now
from teenvio_desktop.core.errors import Cancelled, TeenvioError, stored_form
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.stats import events
from teenvio_desktop.core.stats.events import KINDS, Kind
from teenvio_desktop.core.stats.interaction_page import (
    interaction_page_rows,
    plain_interaction_rows,
)
from teenvio_desktop.core.stats.prefetch import prefetched
from teenvio_desktop.core.stats.store import CAMPAIGN_FEED, StatsCampaign, StatsStore
from teenvio_desktop.core.stats.validate import Rejects, valid_items
from teenvio_desktop.core.stats.writer import PageWriter
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.suppression import SuppressionList
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback
from teenvio_desktop.core.tealite.connection import TeaLiteConnection
from teenvio_desktop.core.tealite.errors import CredentialsRejected, TeaLiteError
from teenvio_desktop.core.tealite.stats_api import (
    MAX_PAGES,
    RETRY_DELAYS_S,
    Page,
    StatsApi,
    TimeWindow,
)

log = logging.getLogger(__name__)

DEFAULT_OVERLAP = timedelta(minutes=15)
# Before the first sync, read from a little before the campaign was created (clock skew).
FIRST_SYNC_MARGIN = timedelta(days=1)
STAGE = QT_TRANSLATE_NOOP("stats", "Fetching {kind} (page {page})")


class CampaignNotSyncable(TeenvioError):
    def __init__(self, campaign_id: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "Campaign {campaign_id} has no TEA Lite identity (source system and campaign "
                "id, or the Teenvio id of an SMTP send), so its statistics cannot be fetched.",
            ),
            campaign_id=campaign_id,
        )


class CampaignNotFound(TeenvioError):
    def __init__(self, campaign_id: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "There is no campaign {campaign_id} in this store."),
            campaign_id=campaign_id,
        )


@dataclass
class SyncReport:
    campaign_id: int
    added: dict[str, int] = field(default_factory=dict)
    fetched: dict[str, int] = field(default_factory=dict)
    linked_bounces: int = 0
    suppressed: int = 0
    requests: int = 0
    window_end: str = ""
    seconds: float = 0.0
    errors: list[TeaLiteError] = field(default_factory=list)
    # Entries not stored (wrong types, bad timestamps, not objects), per feed.
    skipped: dict[str, int] = field(default_factory=dict)
    skip_reasons: dict[str, list[str]] = field(default_factory=dict)
    settled_uncertain: int = 0  # uncertain outbox messages /responses proved received

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_skipped(self) -> int:
        return sum(self.skipped.values())

    def raise_first_error(self) -> None:
        if self.errors:
            raise self.errors[0]


@dataclass
class _Feed:
    kind: Kind
    scope: str
    campaign_id: int | None


def sync_campaign(
    db: Database,
    connection: TeaLiteConnection,
    campaign: StatsCampaign | int,
    progress: ProgressCallback,
    cancel: CancelToken,
    *,
    overlap: timedelta = DEFAULT_OVERLAP,
    kinds: Iterable[Kind] = KINDS,
    since: datetime | None = None,
    until: datetime | None = None,
    tz: str | None = None,
    now: datetime | None = None,
    retry_delays: tuple[float, ...] = RETRY_DELAYS_S,
    max_pages: int = MAX_PAGES,
) -> SyncReport:
    """Fetch what is new for ``campaign``; store each event once; feed the suppression list.

    ``since``/``until`` give an explicit window (then the feeds' sync state is not moved);
    ``tz`` sends windows as local ``startTime``/``endTime``/``tz`` instead of UTC.
    Retriable answers and lost connections are retried after each of ``retry_delays``.
    A 403 raises :class:`CredentialsRejected` at once; other API failures (including
    :class:`UntrustedAnswer`: too big, malformed, repeated or more than ``max_pages``
    pages in the window) are recorded per feed in ``SyncReport.errors`` and the remaining
    feeds are still read.
    """
    store = StatsStore(db)
    target = store.campaign(campaign) if isinstance(campaign, int) else campaign
    if target is None:
        raise CampaignNotFound(int(campaign))  # type: ignore[arg-type]
    source_system = target.source_system or connection.source_system
    if not target.campaign_ref or not source_system:
        raise CampaignNotSyncable(target.id)
    started = time.perf_counter()
    end = (until or now or utc_now()).astimezone(UTC)
    report = SyncReport(campaign_id=target.id, window_end=teenvio_timestamp(end))
    wanted = set(kinds)
    suppression = SuppressionList(db)
    to_suppress: dict[str, tuple[str, str, int | None]] = {}
    links = store.outbox_links(target.id)

    with connection.build_client() as client, PageWriter(store) as writer:
        api = StatsApi(client, cancel=cancel, retry_delays=retry_delays, max_pages=max_pages)
        order: tuple[Kind, ...] = ("responses", "opens", "clicks", "unsubscribes", "bounces")
        for kind in order:
            if kind not in wanted:
                continue
            # Every feed is tracked per campaign, /bounces too: it covers the whole source
            # system, but a campaign synced for the first time needs it from its own start.
            scope = f"campaign:{target.id}"
            feed = _Feed(kind, scope, target.id)
            start = since or _incremental_start(store, feed, target, overlap)
            table = "interactions" if kind in ("opens", "clicks") else kind
            occurrences = events.Occurrences(table)
            window = TimeWindow(start.astimezone(UTC), end, tz)
            rejects = Rejects()
            try:
                pages = prefetched(_pages(api, kind, source_system, target.campaign_ref, window))
                for page in pages:
                    cancel.raise_if_cancelled()
                    for _ in range(page.dropped):
                        rejects.add("an entry is not a JSON object")
                    if page.plain is not None:  # the bulk: typed entries, built in one pass
                        rows = plain_interaction_rows(
                            kind, page.plain, rejects, occurrences, target.id, source_system,
                            target.campaign_ref, links,
                        )  # fmt: skip
                    elif kind in ("opens", "clicks"):  # checked and built in one pass
                        rows = interaction_page_rows(
                            kind, page.items, rejects, occurrences, target.id, source_system,
                            target.campaign_ref, links,
                        )  # fmt: skip
                    else:
                        page = Page(page.number, valid_items(kind, page.items, rejects))
                        rows = _page_rows(
                            kind, page, target, source_system, links, occurrences, to_suppress
                        )
                    writer.insert(kind, table, rows)  # stored in the writer's thread
                    report.fetched[kind] = report.fetched.get(kind, 0) + len(rows)
                    progress(
                        Progress(
                            STAGE,
                            done=report.fetched[kind],
                            details={"kind": kind, "page": page.number},
                        )
                    )
            except CredentialsRejected as exc:
                _note_rejects(report, kind, rejects)
                store.mark_failed(scope, kind, feed.campaign_id, stored_form(exc))
                store.mark_failed(
                    f"campaign:{target.id}", CAMPAIGN_FEED, target.id, stored_form(exc)
                )
                raise
            except TeaLiteError as exc:
                _note_rejects(report, kind, rejects)
                log.warning("Statistics of campaign %s, %s: %s", target.id, kind, exc)
                store.mark_failed(scope, kind, feed.campaign_id, stored_form(exc))
                store.mark_failed(
                    f"campaign:{target.id}", CAMPAIGN_FEED, target.id, stored_form(exc)
                )
                report.errors.append(exc)
                continue
            except Cancelled:
                raise
            finally:
                writer.drain()
                report.added[kind] = writer.added.get(kind, 0)
            _note_rejects(report, kind, rejects)
            report.added.setdefault(kind, 0)
            report.fetched.setdefault(kind, 0)
            if since is None:
                store.mark_synced(scope, kind, feed.campaign_id, report.window_end)
        report.requests = api.requests

    report.linked_bounces = store.link_bounces(target, source_system)
    if "responses" in wanted:
        report.settled_uncertain = store.settle_uncertain(target.id)
    if not report.errors:
        store.mark_synced(f"campaign:{target.id}", CAMPAIGN_FEED, target.id, report.window_end)
    known = suppression.all_addresses()
    for email, (reason, detail, campaign_id) in to_suppress.items():
        if email.lower() not in known and suppression.add(
            email,
            reason,  # type: ignore[arg-type]
            detail=detail,
            campaign_id=campaign_id,
        ):
            report.suppressed += 1
    report.seconds = time.perf_counter() - started
    return report


def _note_rejects(report: SyncReport, kind: str, rejects: Rejects) -> None:
    if not rejects.count:
        return
    report.skipped[kind] = report.skipped.get(kind, 0) + rejects.count
    report.skip_reasons.setdefault(kind, []).extend(rejects.samples)
    log.warning(
        "Statistics of campaign %s: skipped %s %s entries the server sent malformed: %s",
        report.campaign_id,
        rejects.count,
        kind,
        "; ".join(rejects.samples),
    )


def _incremental_start(
    store: StatsStore, feed: _Feed, campaign: StatsCampaign, overlap: timedelta
) -> datetime:
    state = store.sync_state(feed.scope, feed.kind)
    if state.synced_until:
        return parse_teenvio_timestamp(state.synced_until) - overlap
    created = datetime.fromisoformat(campaign.created_at)
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return created - FIRST_SYNC_MARGIN


def _pages(
    api: StatsApi, kind: str, source_system: str, campaign_ref: str, window: TimeWindow
) -> Iterator[Page]:
    if kind == "responses":
        return api.responses(source_system, campaign_ref, window)
    if kind == "bounces":
        return api.bounces(source_system, window)
    if kind == "opens":
        return api.interactions(campaign_ref, "OPEN", window, plain=True)
    if kind == "clicks":
        return api.interactions(campaign_ref, "CLICK", window, plain=True)
    return api.unsubscribes(source_system, window, id_campaign=campaign_ref)


def _page_rows(
    kind: str,
    page: Page,
    campaign: StatsCampaign,
    source_system: str,
    links: events.OutboxLinks,
    occurrences: events.Occurrences,
    to_suppress: dict[str, tuple[str, str, int | None]],
) -> list[tuple[Any, ...]]:
    """The numbered rows of a page of responses, bounces or unsubscribes."""
    items: list[dict[str, Any]] = page.items
    if kind == "responses":
        rows = events.response_rows(items, campaign.id, source_system, campaign.campaign_ref, links)
        for item in items:  # /responses carries bounces too
            _note_hard_bounce(item, to_suppress, campaign.id)
        return occurrences.number(rows)
    if kind == "bounces":
        for item in items:  # the whole source system's bounces: not all are this campaign's
            _note_hard_bounce(item, to_suppress, None)
        return occurrences.number(events.bounce_rows(items, source_system, campaign.id, links))
    for item in items:
        email = str(item.get("recipient") or "").strip()
        if email:
            date = str(item.get("dateRequest") or "")
            to_suppress.setdefault(email, ("unsubscribe", date, campaign.id))
    rows = events.unsubscribe_rows(items, campaign.id, source_system, links)
    return occurrences.number(rows)


def _note_hard_bounce(
    item: dict[str, Any],
    to_suppress: dict[str, tuple[str, str, int | None]],
    campaign_id: int | None,
) -> None:
    email = str(item.get("recipient") or "").strip()
    if email and events.is_hard(str(item.get("type") or "")):
        detail = " ".join(str(item.get(k) or "") for k in ("errorCode", "errorText")).strip()
        to_suppress.setdefault(email, ("hard_bounce", detail[:500], campaign_id))
