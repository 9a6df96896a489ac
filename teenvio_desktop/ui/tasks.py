"""The one task runner: every piece of background work, its thread and its cleanup.

A core function with the signature ``fn(progress, cancel) -> result`` (``core/tasks.py``)
is started with :func:`run_task` and reported through its :class:`Task`: ``progress``,
``result``, ``error``, ``cancelled`` and, last, ``finished``, always emitted in the GUI
thread (whatever is connected to them, lambdas included, runs there). Progress is
thinned out so that fast loops do not flood the GUI thread.

Threads come from one pool owned by the :class:`TaskRunner`, so no QObject ever lives in
a worker thread (nothing to delete there, no timer to stop from another thread) and no
QThread is created per task. :meth:`TaskRunner.shutdown` cancels every task and waits for
the pool. Workers never touch widgets.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

from teenvio_desktop.core.errors import Cancelled
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback

log = logging.getLogger(__name__)

TaskFunction = Callable[[ProgressCallback, CancelToken], Any]
PROGRESS_INTERVAL_S = 0.05
# Sends, imports and syncs may run side by side for minutes; the pool never makes a
# short job (a preview, a sort) wait behind them.
MAX_THREADS = 32


class _ProgressThinner:
    """Passes a report on when it is new (a stage), final, or the last is old enough."""

    def __init__(self, emit: Callable[[Progress], None]) -> None:
        self._emit = emit
        self._last_emit = 0.0
        self._last_stage: str | None = None

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        final = progress.total is not None and progress.done >= progress.total
        new_stage = progress.stage != self._last_stage
        if final or new_stage or now - self._last_emit >= PROGRESS_INTERVAL_S:
            self._last_emit = now
            self._last_stage = progress.stage
            self._emit(progress)


class Task(QObject):
    """One piece of background work, seen from the GUI thread."""

    progress = Signal(object)  # Progress
    result = Signal(object)  # whatever the function returned
    error = Signal(object)  # the exception (TeenvioError or other)
    cancelled = Signal()
    finished = Signal()  # after result, error or cancelled
    # Emitted in the pool thread; queued to this (GUI-thread) object.
    _report = Signal(str, object)

    def __init__(self, runner: TaskRunner, function: TaskFunction, owner: QObject | None) -> None:
        # Deliberately not a Qt child of ``owner``: deleting a widget never deletes work in
        # progress; the owner's destruction only cancels it.
        super().__init__()
        self.runner = runner
        self.owner = owner
        self.cancel_token = CancelToken()
        self._function = function
        self._state = "new"  # -> "running" -> "done"
        self._ended = threading.Event()
        self._report.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        if owner is not None:
            owner.destroyed.connect(self.cancel)

    def start(self) -> Task:
        if self._state == "new":
            self._state = "running"
            self.runner._start(self)
        return self

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def is_running(self) -> bool:
        """Started and its ``finished`` not delivered yet."""
        return self._state == "running"

    def wait(self, timeout_s: float) -> bool:
        """Block until the function has returned (not until signals are delivered)."""
        return self._ended.wait(timeout_s)

    # --- the worker side (pool thread) ---------------------------------------------------

    def _run(self) -> None:
        kind, payload = "result", None
        try:
            payload = self._function(_ProgressThinner(self._emit_progress), self.cancel_token)
        except Cancelled:
            kind = "cancelled"
        except Exception as exc:  # reported to the GUI, which explains it to the user
            log.exception("Background task failed")
            kind, payload = "error", exc
        finally:
            # SQLite connections belong to their thread, and pool threads are reused.
            Database.close_connections_of_this_thread()
            self._ended.set()
        self._report.emit(kind, payload)

    def _emit_progress(self, progress: Progress) -> None:
        self._report.emit("progress", progress)

    # --- the GUI side ---------------------------------------------------------------------

    @Slot(str, object)
    def _deliver(self, kind: str, payload: object) -> None:
        if kind == "progress":
            if self._state == "running":
                self.progress.emit(payload)
            return
        self._state = "done"
        if kind == "result":
            self.result.emit(payload)
        elif kind == "error":
            self.error.emit(payload)
        else:
            self.cancelled.emit()
        self.finished.emit()
        self._release_owner()
        self.runner._forget(self)

    def _release_owner(self) -> None:
        # A finished task no longer listens for its owner's end: left connected, the
        # owner's ``destroyed`` may reach this object after Python freed it (when both
        # die in one garbage collection), which crashes the process.
        owner, self.owner = self.owner, None
        if owner is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # the owner is already gone
                owner.destroyed.disconnect(self.cancel)


class TaskRunner(QObject):
    """Owns the worker threads and every task until its ``finished`` was delivered."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(MAX_THREADS)
        self._active: set[Task] = set()

    def run(
        self, function: TaskFunction, owner: QObject | None = None, *, start: bool = False
    ) -> Task:
        """A task for ``function``: connect to its signals, then ``start()`` it."""
        task = Task(self, function, owner)
        return task.start() if start else task

    def active(self) -> list[Task]:
        return list(self._active)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel every task and wait for the threads; True when all stopped in time."""
        for task in list(self._active):
            task.cancel()
        stopped = self._pool.waitForDone(timeout_ms)
        if not stopped:
            log.warning("Background work did not stop within %s ms", timeout_ms)
        return stopped

    def _start(self, task: Task) -> None:
        self._active.add(task)
        self._pool.start(task._run)

    def _forget(self, task: Task) -> None:
        self._active.discard(task)


class _BoundCallback(QObject):
    """Calls a function for as long as its owner lives (a child of it)."""

    def __init__(self, owner: QObject, function: Callable[..., Any]) -> None:
        super().__init__(owner)
        self._function = function

    @Slot()
    @Slot(object)
    def call(self, *args: Any) -> None:
        self._function(*args)


def bound_to(owner: QObject, function: Callable[..., Any]) -> Callable[..., None]:
    """A slot that calls ``function`` only while ``owner`` exists.

    Connect a task's signals to it when the function is a closure over widgets: a result
    delivered after the widget was destroyed is then dropped instead of touching it.
    """
    return _BoundCallback(owner, function).call


_runner: TaskRunner | None = None


def task_runner() -> TaskRunner:
    """The application's runner (created on first use, in the GUI thread)."""
    global _runner
    if _runner is None:
        _runner = TaskRunner()
    return _runner


def run_task(function: TaskFunction, owner: QObject | None = None) -> Task:
    """A task on the application's runner; connect to it, then call ``start()``."""
    return task_runner().run(function, owner)


def active_tasks() -> list[Task]:
    return task_runner().active() if _runner is not None else []


def shutdown_all(timeout_ms: int = 10_000) -> bool:
    """Stop every task: when the main window closes, and at the end of a test session."""
    return task_runner().shutdown(timeout_ms) if _runner is not None else True
