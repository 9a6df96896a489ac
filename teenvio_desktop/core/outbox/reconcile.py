"""Settling uncertain messages through ``GET /responses`` instead of sending them again.

An uncertain message (its POST may have reached the server; see ``transport.py``) is
looked up in the campaign's /responses, matched by recipient (each recipient appears once
in a campaign's outbox). Any entry (delivered, hard or soft bounce) proves the server
received it: the message becomes ``accepted``, with the entry's messageId.

The absence of an entry proves nothing: the seed gives no delay within which a received
message appears in /responses (a ``sendAt`` in the future, a slow delivery), so what the
lookup cannot settle stays ``uncertain``. Only the user re-sends it
(:func:`resend_uncertain`), knowing it may arrive twice.

The window asked for runs from ``margin`` before the oldest uncertain attempt to ``margin``
after now (or after ``sendAt``), which tolerates clock skew between this machine and the
ESP. :func:`reconcile_with_patience` looks after ``first_check_s``, then every
``interval_s``, and gives up after ``max_wait_s``: bounded in time. The statistics sync
also settles uncertain messages from every /responses page it stores (``core/stats``).
"""

from __future__ import annotations

import contextlib
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.clock import parse_teenvio_timestamp, utc_now
from teenvio_desktop.core.errors import Cancelled
from teenvio_desktop.core.outbox.repository import OutboxMessage, OutboxRepository
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken
from teenvio_desktop.core.tealite.connection import TeaLiteConnection
from teenvio_desktop.core.tealite.errors import CredentialsRejected, TeaLiteError
from teenvio_desktop.core.tealite.stats_api import RETRY_DELAYS_S, StatsApi, TimeWindow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReconcileOptions:
    first_check_s: float = 10.0  # wait before the first look (deliveries take a moment)
    interval_s: float = 20.0  # between looks
    max_wait_s: float = 120.0  # give up after this long; the rest stays uncertain
    margin: timedelta = timedelta(minutes=15)  # clock skew, both ends of the window
    max_pages: int = 2_000  # of /responses per look
    retry_delays: tuple[float, ...] = RETRY_DELAYS_S


@dataclass
class ReconcileResult:
    settled: list[str] = field(default_factory=list)  # recipients now accepted
    uncertain: list[str] = field(default_factory=list)  # recipients still uncertain
    checks: int = 0
    error: TeaLiteError | None = None  # the last lookup failed with this (still uncertain)


def _attempt_time(message: OutboxMessage) -> datetime:
    text = message.last_attempt_at or message.updated_at
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return utc_now()
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _window(send_at: str | None, pending: list[OutboxMessage], margin: timedelta) -> TimeWindow:
    start = min(_attempt_time(m) for m in pending) - margin
    end = utc_now()
    if send_at:
        with contextlib.suppress(ValueError):
            end = max(end, parse_teenvio_timestamp(send_at))
    return TimeWindow(start, end + margin)


def reconcile_once(
    db: Database,
    campaign_id: int,
    connection: TeaLiteConnection,
    *,
    options: ReconcileOptions | None = None,
    cancel: CancelToken | None = None,
) -> ReconcileResult:
    """Look the campaign's uncertain messages up in /responses once; settle what is found."""
    options = options or ReconcileOptions()
    outbox = OutboxRepository(db)
    pending = outbox.uncertain(campaign_id)
    result = ReconcileResult(uncertain=[m.recipient for m in pending])
    record = CampaignRepository(db).get(campaign_id)
    if not pending or record is None:
        return result
    source_system = record.source_system or connection.source_system
    campaign_ref = record.campaign_ref or ""
    wanted = {m.recipient.lower() for m in pending}
    found: dict[str, str] = {}
    window = _window(record.campaign().send_at, pending, options.margin)
    result.checks = 1
    try:
        with connection.build_client(max_connections=1) as client:
            api = StatsApi(
                client,
                cancel=cancel,
                retry_delays=options.retry_delays,
                max_pages=options.max_pages,
            )
            for page in api.responses(source_system, campaign_ref, window):
                for item in page.items:
                    recipient = item.get("recipient")
                    if not isinstance(recipient, str) or recipient.lower() not in wanted:
                        continue
                    message_id = item.get("messageId")
                    valid_id = isinstance(message_id, str | int) and not isinstance(
                        message_id, bool
                    )
                    found.setdefault(recipient.lower(), str(message_id) if valid_id else "")
                if len(found) == len(wanted):
                    break
    except TeaLiteError as exc:
        log.warning("Campaign %s: could not check /responses: %s", campaign_id, exc)
        result.error = exc
    result.settled = outbox.settle_accepted(campaign_id, found) if found else []
    settled = {r.lower() for r in result.settled}
    result.uncertain = [r for r in result.uncertain if r.lower() not in settled]
    if result.settled:
        log.info(
            "Campaign %s: /responses shows %s uncertain messages arrived",
            campaign_id,
            len(result.settled),
        )
    return result


def reconcile_with_patience(
    db: Database,
    campaign_id: int,
    connection: TeaLiteConnection,
    *,
    options: ReconcileOptions | None = None,
    cancel: CancelToken | None = None,
) -> ReconcileResult:
    """Look after ``first_check_s``, then every ``interval_s``, up to ``max_wait_s``.

    Stops early when nothing is left uncertain, when the token is refused, or on
    ``cancel`` (what was settled so far is kept).
    """
    options = options or ReconcileOptions()
    cancel = cancel or CancelToken()
    outbox = OutboxRepository(db)
    total = ReconcileResult(uncertain=[m.recipient for m in outbox.uncertain(campaign_id)])
    if not total.uncertain:
        return total
    deadline = time.monotonic() + max(0.0, options.max_wait_s)
    delay = min(max(0.0, options.first_check_s), max(0.0, options.max_wait_s))
    while True:
        if cancel.wait(delay):
            break
        try:
            once = reconcile_once(db, campaign_id, connection, options=options, cancel=cancel)
        except Cancelled:
            break
        total.checks += once.checks
        total.settled += once.settled
        total.uncertain = once.uncertain
        total.error = once.error
        if not once.uncertain or isinstance(once.error, CredentialsRejected):
            break
        remaining = deadline - time.monotonic()
        if remaining < options.interval_s:
            break
        delay = max(0.0, options.interval_s)
    return total
