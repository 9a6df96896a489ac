"""One running window per data directory.

The first start takes a lock file in the data directory (``QLockFile``: a crashed
owner's lock is stale as soon as its process is gone) and listens on a local socket
named after the directory. A second start on the same directory does not open the
database at all (so it never mistakes the first window's autosave for a crash): it asks
the first window to come to the front and exits, or, when nobody answers, says the
directory is in use and by whom.
"""

from __future__ import annotations

import enum
import hashlib
import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from teenvio_desktop.core.paths import DataDir

log = logging.getLogger(__name__)

LOCK_FILE = "instance.lock"
ACTIVATE = b"activate\n"
# A second start waits this long for the first window to answer (it is only a message).
ANSWER_TIMEOUT_MS = 3000


def server_name(data_dir: DataDir) -> str:
    """A local socket name unique to the directory (short: Unix socket paths are limited)."""
    digest = hashlib.sha256(str(data_dir.root.resolve()).encode("utf-8")).hexdigest()[:20]
    return f"teenvio-desktop-{digest}"


class Claim(enum.Enum):
    FIRST = "first"  # this process owns the directory
    ACTIVATED = "activated"  # another window owns it and was asked to come forward
    IN_USE = "in_use"  # another process holds it and did not answer


@dataclass(frozen=True)
class Holder:
    """Who holds the lock, as the lock file says."""

    pid: int
    host: str
    app: str


class InstanceGuard(QObject):
    """Held by the first window for as long as it runs; ``activation_requested`` fires
    when a second start on the same directory asks for the window."""

    activation_requested = Signal()

    def __init__(self, data_dir: DataDir, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._lock = QLockFile(str(data_dir.root / LOCK_FILE))
        self._lock.setStaleLockTime(0)  # stale only when the owner's process is gone
        self._server: QLocalServer | None = None
        self.holder: Holder | None = None

    def claim(self) -> Claim:
        """Take the directory, or ask its owner to show its window."""
        if self._lock.tryLock(0):
            self._listen()
            return Claim.FIRST
        # PySide6 returns (pid, host, app), and an empty tuple-ish when the file is unreadable.
        info = self._lock.getLockInfo()
        if isinstance(info, tuple) and len(info) == 3 and int(info[0]) > 0:
            self.holder = Holder(int(info[0]), str(info[1]), str(info[2]))
        return Claim.ACTIVATED if self._ask_owner() else Claim.IN_USE

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    # --- the first window's side ----------------------------------------------------------

    def _listen(self) -> None:
        name = server_name(self.data_dir)
        # We hold the lock, so a socket left under this name is a crashed owner's.
        QLocalServer.removeServer(name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            log.warning("Cannot listen for second starts on %s: %s", name, server.errorString())
            return
        server.newConnection.connect(self._on_connection)
        self._server = server

    def _on_connection(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if ACTIVATE.strip() in data:
            log.info("Another start on this data directory: showing the window")
            socket.write(b"ok\n")
            socket.flush()
            self.activation_requested.emit()

    # --- the second start's side ----------------------------------------------------------

    def _ask_owner(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(server_name(self.data_dir))
        try:
            if not socket.waitForConnected(ANSWER_TIMEOUT_MS):
                return False
            socket.write(ACTIVATE)
            if not socket.waitForBytesWritten(ANSWER_TIMEOUT_MS):
                return False
            return socket.waitForReadyRead(ANSWER_TIMEOUT_MS) and b"ok" in bytes(
                socket.readAll().data()
            )
        finally:
            socket.abort()


def bring_to_front(window: QWidget) -> None:
    """Show a window that may be minimised or behind others."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def in_use_message(data_dir: DataDir, holder: Holder | None) -> str:
    """What to tell the user when the directory's owner does not answer."""
    if holder is not None and holder.pid > 0:
        who = QCoreApplication.translate("SingleInstance", "process {pid} on {host}").format(
            pid=holder.pid, host=holder.host or "?"
        )
    else:
        who = QCoreApplication.translate("SingleInstance", "another process")
    return QCoreApplication.translate(
        "SingleInstance",
        "The data directory {path} is in use by {who}, which did not answer. Close the other "
        "Teenvio Desktop window (or wait for it to finish), or start with --data-dir to use "
        "another directory.",
    ).format(path=str(data_dir.root), who=who)
