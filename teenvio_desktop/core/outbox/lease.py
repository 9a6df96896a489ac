"""One sender per campaign at a time: a lease in the store, renewed by a heartbeat.

Two processes (or two windows of one process) sending the same campaign would both send
everything. A sender therefore takes the campaign's row in ``send_leases`` (in a
``BEGIN IMMEDIATE`` transaction, so two takers are serialised by SQLite) and renews its
expiry from a heartbeat thread. Anyone else finds a live lease and gets
:class:`CampaignBusy`, which says who holds it (pid, host, since when). A lease whose holder
stopped renewing (a killed process) lapses after ``ttl_s``; on POSIX, a lease held by a
process of this host that no longer exists lapses at once.

If the heartbeat finds the lease taken over (this process was frozen past the expiry and
someone else took it), :attr:`SendLease.lost` turns true and the sender stops.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.store import Database

log = logging.getLogger(__name__)

DEFAULT_TTL_S = 30.0
DEFAULT_HEARTBEAT_S = 5.0


def utc_now() -> datetime:
    """Microsecond precision: a lease may live a second or two in tests."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class LeaseOptions:
    ttl_s: float = DEFAULT_TTL_S
    heartbeat_s: float = DEFAULT_HEARTBEAT_S


@dataclass(frozen=True)
class LeaseHolder:
    """Who is sending a campaign (what the user is told)."""

    pid: int
    host: str
    started_at: str  # ISO 8601 UTC
    expires_at: str  # ISO 8601 UTC


class CampaignBusy(TeenvioError):
    """Another sender (process or window) holds the campaign's lease."""

    def __init__(self, campaign_id: int, holder: LeaseHolder) -> None:
        self.campaign_id = campaign_id
        self.holder = holder
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "Campaign {campaign_id} is already being sent by process {pid} on {host} "
                "(since {started_at} UTC). Wait until it finishes, or stop it there; if that "
                "process was killed, its claim lapses by {expires_at} UTC.",
            ),
            campaign_id=campaign_id,
            pid=holder.pid,
            host=holder.host,
            started_at=_display(holder.started_at),
            expires_at=_display(holder.expires_at),
        )


class LeaseLost(TeenvioError):
    def __init__(self, campaign_id: int) -> None:
        self.campaign_id = campaign_id
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "Sending campaign {campaign_id} stopped: this sender was paused so long that "
                "another sender took the campaign over. Nothing was sent twice; check the "
                "other sender.",
            ),
            campaign_id=campaign_id,
        )


def _display(iso: str) -> str:
    """``2026-05-04T10:11:12.345+00:00`` -> ``2026-05-04 10:11:12`` (always UTC here)."""
    return iso[:19].replace("T", " ")


def _process_gone(pid: int, host: str) -> bool:
    """True only when ``pid`` provably no longer runs on this host (POSIX)."""
    if os.name != "posix" or host != socket.gethostname() or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # exists but belongs to someone else
        return False
    return False


def _parse(iso: str) -> datetime | None:
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None


class SendLease:
    """The lease on one campaign. Use as a context manager, or ``acquire``/``release``."""

    def __init__(self, db: Database, campaign_id: int, options: LeaseOptions | None = None) -> None:
        self._db = db
        self.campaign_id = campaign_id
        self.options = options or LeaseOptions()
        self.token = uuid.uuid4().hex
        self._stop = threading.Event()
        self._lost = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def lost(self) -> bool:
        return self._lost.is_set()

    def _expiry(self) -> str:
        return (utc_now() + timedelta(seconds=self.options.ttl_s)).isoformat()

    def acquire(self) -> None:
        """Take the lease or raise :class:`CampaignBusy`; start the heartbeat."""
        now = utc_now()
        with self._db.transaction() as conn:
            row = conn.execute(
                "SELECT holder, pid, host, started_at, expires_at FROM send_leases"
                " WHERE campaign_id = ?",
                (self.campaign_id,),
            ).fetchone()
            if row is not None and row["holder"] != self.token:
                expires = _parse(str(row["expires_at"]))
                alive = expires is not None and expires > now
                if alive and not _process_gone(int(row["pid"]), str(row["host"])):
                    holder = LeaseHolder(
                        int(row["pid"]), str(row["host"]), row["started_at"], row["expires_at"]
                    )
                    raise CampaignBusy(self.campaign_id, holder)
                log.warning(
                    "Campaign %s: taking over a lapsed send lease of pid %s on %s",
                    self.campaign_id,
                    row["pid"],
                    row["host"],
                )
            conn.execute(
                "INSERT OR REPLACE INTO send_leases (campaign_id, holder, pid, host, started_at,"
                " heartbeat_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    self.campaign_id,
                    self.token,
                    os.getpid(),
                    socket.gethostname(),
                    now.isoformat(),
                    now.isoformat(),
                    self._expiry(),
                ),
            )
        self._thread = threading.Thread(
            target=self._beat, name=f"send-lease-{self.campaign_id}", daemon=True
        )
        self._thread.start()

    def renew(self) -> bool:
        """Push the expiry forward; False (and :attr:`lost`) when someone else holds it."""
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE send_leases SET heartbeat_at = ?, expires_at = ?"
                " WHERE campaign_id = ? AND holder = ?",
                (utc_now().isoformat(), self._expiry(), self.campaign_id, self.token),
            )
            held = cursor.rowcount == 1
        if not held:
            self._lost.set()
        return held

    def _beat(self) -> None:
        try:
            while not self._stop.wait(self.options.heartbeat_s):
                try:
                    if not self.renew():
                        log.error("Campaign %s: send lease lost", self.campaign_id)
                        return
                except Exception:  # a locked database for 10 s: try again next beat
                    log.exception("Campaign %s: could not renew the send lease", self.campaign_id)
        finally:
            self._db.close_thread_connection()

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        with self._db.transaction() as conn:
            conn.execute(
                "DELETE FROM send_leases WHERE campaign_id = ? AND holder = ?",
                (self.campaign_id, self.token),
            )

    def __enter__(self) -> SendLease:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def current_holder(db: Database, campaign_id: int) -> LeaseHolder | None:
    """Who holds a live lease on the campaign, if anyone (for the UI to show)."""
    row = db.conn.execute(
        "SELECT pid, host, started_at, expires_at FROM send_leases WHERE campaign_id = ?",
        (campaign_id,),
    ).fetchone()
    if row is None:
        return None
    expires = _parse(str(row["expires_at"]))
    if expires is None or expires <= utc_now() or _process_gone(int(row["pid"]), str(row["host"])):
        return None
    return LeaseHolder(int(row["pid"]), str(row["host"]), row["started_at"], row["expires_at"])


def ensure_not_busy(db: Database, campaign_id: int) -> None:
    """Raise :class:`CampaignBusy` when another sender holds the campaign right now."""
    holder = current_holder(db, campaign_id)
    if holder is not None:
        raise CampaignBusy(campaign_id, holder)
