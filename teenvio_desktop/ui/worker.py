"""The one worker pattern: a core function run in a QThread, reporting through signals.

A core function with the signature ``fn(progress, cancel) -> result`` (see
``core/tasks.py``) is wrapped by :class:`Worker`, moved to its own QThread, and reports
``progress``, ``result``, ``error`` and ``finished``. Progress is throttled so that fast
loops do not flood the GUI thread. Workers never touch widgets. :func:`shutdown_all`
cancels every running task, then ``quit()`` and ``wait()`` on its thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from teenvio_desktop.core.errors import Cancelled
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback

log = logging.getLogger(__name__)

TaskFunction = Callable[[ProgressCallback, CancelToken], Any]
PROGRESS_INTERVAL_S = 0.05


class Worker(QObject):
    """Runs one task function; lives in the worker thread."""

    progress = Signal(object)  # Progress
    result = Signal(object)  # whatever the function returned
    error = Signal(object)  # the exception (TeenvioError or other)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, function: TaskFunction, cancel_token: CancelToken) -> None:
        super().__init__()
        self._function = function
        self._cancel = cancel_token
        self._last_emit = 0.0
        self._last_stage: str | None = None

    def _report(self, progress: Progress) -> None:
        now = time.monotonic()
        final = progress.total is not None and progress.done >= progress.total
        # A new stage is always shown: throttling only thins out counts within a stage.
        new_stage = progress.stage != self._last_stage
        if final or new_stage or now - self._last_emit >= PROGRESS_INTERVAL_S:
            self._last_emit = now
            self._last_stage = progress.stage
            self.progress.emit(progress)

    @Slot()
    def run(self) -> None:
        try:
            value = self._function(self._report, self._cancel)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # reported to the GUI, which explains it to the user
            log.exception("Background task failed")
            self.error.emit(exc)
        else:
            self.result.emit(value)
        finally:
            # SQLite connections belong to their thread: close this worker's before it ends.
            Database.close_connections_of_this_thread()
            self.finished.emit()


class BackgroundTask(QObject):
    """A handle on one running worker and its thread, owned by the GUI thread."""

    def __init__(self, function: TaskFunction, parent: QObject | None = None) -> None:
        # Deliberately not a Qt child of ``parent``: deleting a widget must never delete a
        # running QThread (Qt aborts the process). The task lives until its thread ends;
        # the widget's destruction only cancels it.
        super().__init__()
        self.owner = parent
        if parent is not None:
            parent.destroyed.connect(self.cancel)
        self.cancel_token = CancelToken()
        self.thread = QThread()
        self.worker = Worker(function, self.cancel_token)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.finished.connect(self.thread.quit)
        self.thread.finished.connect(self._forget)
        _active.add(self)

    def start(self) -> BackgroundTask:
        self.thread.start()
        return self

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def is_running(self) -> bool:
        return self.thread.isRunning()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel, then quit and wait for the thread; True when it stopped in time."""
        self.cancel()
        self.thread.quit()
        return self.thread.wait(timeout_ms)

    @Slot()
    def _forget(self) -> None:
        # ``finished`` is emitted from the thread just before it ends: wait for the end so
        # the QThread is never destroyed while still running.
        self.thread.wait()
        _active.discard(self)


_active: set[BackgroundTask] = set()


def run_in_background(function: TaskFunction, parent: QObject | None = None) -> BackgroundTask:
    """Create a task for ``function``; connect to ``task.worker`` signals, then ``start()``."""
    return BackgroundTask(function, parent)


def active_tasks() -> list[BackgroundTask]:
    return list(_active)


def shutdown_all(timeout_ms: int = 10_000) -> None:
    """Stop every running task: used when the main window closes."""
    for task in list(_active):
        task.cancel()
    for task in list(_active):
        if not task.shutdown(timeout_ms):
            log.warning("A background task did not stop within %s ms", timeout_ms)
