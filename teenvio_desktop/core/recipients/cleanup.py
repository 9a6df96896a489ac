"""Removing lists whose import was interrupted (the process was killed, the machine died).

An import writes its members in many small transactions under a provisional list (state
``importing``) and makes it visible only at the end, in one transaction. The provisional
list records who imports it (host and process id) and a heartbeat refreshed every few
seconds. At start-up the app and the command line call :func:`discard_abandoned_imports`:
a list whose importer no longer runs on this machine, or whose heartbeat stopped long
ago, goes, with everything written for it. A list another live process is importing
stays.
"""

from __future__ import annotations

import logging
import os
import socket
from datetime import datetime, timedelta

from teenvio_desktop.core.clock import utc_now
from teenvio_desktop.core.store import Database

log = logging.getLogger(__name__)

# Without a way to ask whether the importer still runs (another host, or not POSIX), a
# heartbeat this old means it is gone: a live import refreshes it every few seconds.
SILENT_FOR = timedelta(minutes=10)
# Even when a process with the importer's id runs, after this long it is another one.
REUSED_AFTER = timedelta(days=1)


def _process_alive(pid: int) -> bool | None:
    """Whether ``pid`` runs on this machine; None when that cannot be asked."""
    if os.name != "posix" or pid <= 0:
        return None  # on Windows os.kill(pid, 0) would terminate the process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    except OSError:
        return None
    return True


def _parse_time(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def is_abandoned(importer: str, heartbeat: str, now: datetime) -> bool:
    """Whether the import recorded as ``importer`` (``host:pid``) is gone."""
    beat = _parse_time(heartbeat)
    silent = now - beat if beat is not None else REUSED_AFTER
    host, _sep, pid_text = importer.rpartition(":")
    if host == socket.gethostname() and pid_text.isdigit():
        alive = _process_alive(int(pid_text))
        if alive is False:
            return True
        if alive is True:
            return silent >= REUSED_AFTER
    return silent >= SILENT_FOR


def discard_abandoned_imports(db: Database) -> int:
    """Remove the lists left half-imported by an interrupted import; returns how many."""
    now = utc_now()
    rows = db.conn.execute(
        "SELECT id, importer, heartbeat FROM recipient_lists WHERE state = 'importing'"
    ).fetchall()
    gone = [int(r[0]) for r in rows if is_abandoned(str(r[1]), str(r[2]), now)]
    if not gone:
        return 0
    with db.transaction() as conn:
        for list_id in gone:
            conn.execute(
                "DELETE FROM recipient_lists WHERE id = ? AND state = 'importing'", (list_id,)
            )
    log.info("Removed %d recipient list(s) left half-imported by an interrupted import", len(gone))
    return len(gone)
