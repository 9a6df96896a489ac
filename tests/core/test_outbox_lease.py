"""One sender per campaign: the lease in the store, its expiry, its heartbeat."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import timedelta

import pytest

from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.clock import utc_now
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.outbox import (
    CampaignBusy,
    LeaseLost,
    LeaseOptions,
    OutboxRepository,
    SendOptions,
    create_rest_campaign,
    current_holder,
    send_campaign,
)
from teenvio_desktop.core.outbox.lease import SendLease
from teenvio_desktop.core.store import Database
from teenvio_desktop.sandbox.server import RunningSandbox
from tests.helpers.outbox import connect, people, rest_campaign

pytestmark = pytest.mark.timeout(60)


def _campaign(db: Database) -> int:
    return create_rest_campaign(db, rest_campaign(), people(3)).campaign_id


def _set_lease(db: Database, campaign_id: int, **values: object) -> None:
    assignments = ", ".join(f"{k} = ?" for k in values)
    with db.transaction() as conn:
        conn.execute(
            f"UPDATE send_leases SET {assignments} WHERE campaign_id = ?",
            (*values.values(), campaign_id),
        )


def _wait(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "not in time"
        time.sleep(0.01)


def test_a_live_lease_refuses_a_second_holder_until_released(app_context: AppContext) -> None:
    db = app_context.db
    campaign_id = _campaign(db)
    with SendLease(db, campaign_id):
        with pytest.raises(CampaignBusy) as busy:
            SendLease(db, campaign_id).acquire()
        holder = busy.value.holder
        assert (holder.pid, holder.host) == (os.getpid(), socket.gethostname())
        assert current_holder(db, campaign_id) == holder
        assert f"process {os.getpid()} on {socket.gethostname()}" in str(busy.value)
    assert current_holder(db, campaign_id) is None
    with SendLease(db, campaign_id):  # free again
        pass


def test_an_expired_lease_is_taken_over(app_context: AppContext) -> None:
    db = app_context.db
    campaign_id = _campaign(db)
    stale = SendLease(db, campaign_id, LeaseOptions(heartbeat_s=3600))
    stale.acquire()
    try:
        # Held by a live process elsewhere, but it stopped renewing a minute ago.
        past = (utc_now() - timedelta(minutes=1)).isoformat()
        _set_lease(db, campaign_id, host="another-host", expires_at=past)
        assert current_holder(db, campaign_id) is None
        with SendLease(db, campaign_id):
            assert stale.renew() is False and stale.lost
    finally:
        stale.release()


def test_a_lease_of_a_dead_process_of_this_host_lapses_at_once(app_context: AppContext) -> None:
    db = app_context.db
    campaign_id = _campaign(db)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], text=True,
                          capture_output=True, check=True)  # fmt: skip
    lease = SendLease(db, campaign_id, LeaseOptions(heartbeat_s=3600))
    lease.acquire()
    try:
        _set_lease(db, campaign_id, pid=int(dead.stdout))
        assert current_holder(db, campaign_id) is None
        _set_lease(db, campaign_id, host="another-host")  # elsewhere: we cannot tell
        assert current_holder(db, campaign_id) is not None
        with pytest.raises(CampaignBusy):
            SendLease(db, campaign_id).acquire()
    finally:
        lease.release()


def test_the_heartbeat_keeps_the_lease_and_notices_a_takeover(app_context: AppContext) -> None:
    db = app_context.db
    campaign_id = _campaign(db)
    options = LeaseOptions(ttl_s=1.0, heartbeat_s=0.05)
    with SendLease(db, campaign_id, options) as lease:
        first = current_holder(db, campaign_id)
        assert first is not None
        _wait(lambda: current_holder(db, campaign_id).expires_at > first.expires_at)  # type: ignore[union-attr]
        _set_lease(db, campaign_id, holder="someone-else")
        _wait(lambda: lease.lost)


def test_a_sender_whose_lease_was_taken_over_stops(
    app_context: AppContext, sandbox_factory: Callable[..., RunningSandbox]
) -> None:
    db = app_context.db
    sandbox = sandbox_factory(latency_ms=30)
    campaign_id = create_rest_campaign(db, rest_campaign(), people(200)).campaign_id
    options = SendOptions(concurrency=1, lease=LeaseOptions(heartbeat_s=0.05))
    errors: list[BaseException] = []

    def send() -> None:
        try:
            send_campaign(db, campaign_id, connect(sandbox), options=options)
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=send)
    worker.start()
    _wait(lambda: len(sandbox.received_messages(source_system="tests")) >= 3)
    _set_lease(db, campaign_id, holder="someone-else")
    worker.join(30)
    assert len(errors) == 1 and isinstance(errors[0], LeaseLost)
    record = CampaignRepository(db).get(campaign_id)
    assert record is not None and record.state == "stopped"
    assert OutboxRepository(db).counts(campaign_id).remaining > 0
    assert len(sandbox.received_messages(source_system="tests")) < 200
