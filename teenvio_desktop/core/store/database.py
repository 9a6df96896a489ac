"""Opening the database: pragmas, migrations with a backup first, transactions.

Each thread gets its own connection (SQLite connections must not be shared across
threads); :meth:`Database.transaction` wraps one logical change in ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.store.migrations import apply_migrations, current_version, latest_version

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


class SchemaTooNewError(TeenvioError):
    """The database was written by a newer version of the application."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database {path} was created by a newer version of teenvio-desktop "
                "(schema {found}, this version knows up to {supported}). "
                "Update the application, or start it with another --data-dir.",
            ),
            path=str(path),
            found=found,
            supported=supported,
        )


def _configure(conn: sqlite3.Connection) -> sqlite3.Connection:
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def connect(path: Path | str) -> sqlite3.Connection:
    """A new connection in autocommit mode (transactions are explicit)."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    return _configure(conn)


def backup_before_migration(path: Path, backup_dir: Path, from_version: int) -> Path:
    """Copy the database (consistently, through SQLite's backup API) before migrating it."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"{path.stem}-v{from_version}-{stamp}.sqlite3"
    source = sqlite3.connect(str(path))
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    log.info("Backed up database schema v%s to %s before migrating", from_version, target)
    return target


class Database:
    """The application's SQLite database at ``path``, migrated to the latest schema."""

    _instances: weakref.WeakSet[Database] = weakref.WeakSet()

    def __init__(self, path: Path, *, backup_dir: Path | None = None) -> None:
        self.path = Path(path)
        self.backup_dir = backup_dir or self.path.parent / "backups"
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._migrate()
        Database._instances.add(self)

    def _migrate(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(self.path)
        try:
            found, latest = current_version(conn), latest_version()
            if found > latest:
                raise SchemaTooNewError(self.path, found, latest)
            if found < latest:
                if found > 0:
                    backup_before_migration(self.path, self.backup_dir, found)
                applied = apply_migrations(conn)
                log.info("Database migrated from v%s through %s", found, applied)
        finally:
            conn.close()

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        existing: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if existing is None:
            existing = connect(self.path)
            self._local.conn = existing
            with self._lock:
                self._all.append(existing)
        return existing

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One logical change: committed as a whole, or rolled back on any error."""
        conn = self.conn
        if conn.in_transaction:  # nested use joins the outer transaction
            yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    def close_thread_connection(self) -> None:
        """Close the calling thread's connection (worker threads call this when done)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            return
        self._local.conn = None
        with self._lock:
            if conn in self._all:
                self._all.remove(conn)
        conn.close()

    @classmethod
    def close_connections_of_this_thread(cls) -> None:
        """Close every database connection the calling thread opened (end of a worker)."""
        for database in list(cls._instances):
            database.close_thread_connection()

    def close(self) -> None:
        """Close every connection this object opened (call from the owning thread last)."""
        with self._lock:
            conns, self._all = self._all, []
        for conn in conns:
            with contextlib.suppress(sqlite3.ProgrammingError):  # a thread still uses it
                conn.close()
        self._local = threading.local()
