"""The one task runner: every piece of background work, its thread and its cleanup.

A core function with the signature ``fn(progress, cancel) -> result`` (``core/tasks.py``)
is started with :func:`run_task` and reported through its :class:`Task`: ``progress``,
``result``, ``error``, ``cancelled`` and, last, ``finished``, always emitted in the GUI
thread (whatever is connected to them, lambdas included, runs there). Progress is
thinned out so that fast loops do not flood the GUI thread.

Threads come from one pool owned by the :class:`TaskRunner`, so no QObject ever lives in
a worker thread (nothing to delete there, no timer to stop from another thread) and no
QThread is created per task. A pool thread never holds the last reference to anything:
it reports through a mailbox that lives as long as the process, and lets go of the
function and its outcome before the final report, so every task, and whatever its
function or outcome held (a widget, say), is freed in the GUI thread.
:meth:`TaskRunner.shutdown` cancels every task and waits for the pool. Workers never
touch widgets.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, QThreadPool, Signal, Slot

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
    """One piece of background work, seen from the GUI thread.

    Only the GUI thread holds references to a task (the pool thread gets a key, a parcel
    and the cancel token), so a task is always freed in the GUI thread, by reference
    counting, once its ``finished`` was delivered and its last user lets go. It refers to
    its owner weakly: it never keeps a widget alive, nor frees one.
    """

    progress = Signal(object)  # Progress
    result = Signal(object)  # whatever the function returned
    error = Signal(object)  # the exception (TeenvioError or other)
    cancelled = Signal()
    finished = Signal()  # after result, error or cancelled

    def __init__(self, runner: TaskRunner, function: TaskFunction, owner: QObject | None) -> None:
        # Deliberately not a Qt child of ``owner``: deleting a widget never deletes work in
        # progress; the owner's destruction only cancels it.
        super().__init__()
        self.runner = runner
        self.cancel_token = CancelToken()
        self._function = function
        self._state = "new"  # -> "running" -> "done"
        self._ended = threading.Event()
        self._owner: weakref.ref[QObject] | None = None
        self._owner_link: QMetaObject.Connection | None = None
        if owner is not None:
            self._owner = weakref.ref(owner)
            # Connected to the token, not to a slot of this task: the owner may be destroyed
            # while this task is being freed, and PySide crashes calling a slot of a
            # half-freed object.
            self._owner_link = owner.destroyed.connect(_canceller(self.cancel_token))

    @property
    def owner(self) -> QObject | None:
        """The object whose destruction cancels this task, while it exists."""
        return self._owner() if self._owner is not None else None

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

    def _work(self) -> Callable[[], None]:
        """What the pool thread runs: it never holds the last reference to anything.

        It refers to no QObject, and before its final report it lets go of the function
        (which may capture widgets) and of the outcome (an exception's traceback holds the
        function's frames): the GUI thread frees them, with the task.
        """
        mailbox = _mailbox()
        key, parcel = mailbox.post(self)
        parcel.append(self._function)
        report = mailbox.report.emit
        cancel, ended = self.cancel_token, self._ended

        def emit_progress(progress: Progress) -> None:
            report(key, progress)

        def work() -> None:
            function = parcel.pop()
            parcel.append(_outcome(function, _ProgressThinner(emit_progress), cancel, ended))
            del function
            report(key, None)

        return work

    # --- the GUI side ---------------------------------------------------------------------

    def _deliver_progress(self, progress: Progress) -> None:
        if self._state == "running":
            self.progress.emit(progress)

    def _deliver_outcome(self, kind: str, payload: object) -> None:
        self._state = "done"
        self._release_owner()
        if kind == "result":
            self.result.emit(payload)
        elif kind == "error":
            self.error.emit(payload)
        else:
            self.cancelled.emit()
        self.finished.emit()
        self.runner._forget(self)

    def _release_owner(self) -> None:
        # A finished task no longer listens for its owner's end.
        self._owner = None
        if self._owner_link is not None:
            QObject.disconnect(self._owner_link)  # False when the owner is already gone
            self._owner_link = None


def _canceller(token: CancelToken) -> Callable[..., None]:
    def cancel(*_destroyed: object) -> None:
        token.cancel()

    return cancel


def _outcome(
    function: TaskFunction, progress: ProgressCallback, cancel: CancelToken, ended: threading.Event
) -> tuple[str, object]:
    """Run ``function`` in the pool thread: ("result" | "error" | "cancelled", payload).

    The exception is returned, never kept in a local of a frame its traceback holds: such a
    cycle keeps everything in that frame alive until the garbage collector runs.
    """
    try:
        return "result", function(progress, cancel)
    except Cancelled:
        return "cancelled", None
    except Exception as exc:  # reported to the GUI, which explains it to the user
        log.exception("Background task failed")
        return "error", exc
    finally:
        # SQLite connections belong to their thread, and pool threads are reused.
        Database.close_connections_of_this_thread()
        ended.set()


class _Mailbox(QObject):
    """Carries reports from the pool threads to their tasks, in the GUI thread.

    It lives as long as the process. A pool thread that held a task (or a runner) could
    drop the last reference to it there: a QObject destroyed in the wrong thread, with
    whatever it held last (a widget, say).
    """

    # Task key, then a Progress, or None once the outcome is in the task's parcel.
    report = Signal(object, object)

    def __init__(self) -> None:
        super().__init__()
        self._posted: dict[int, tuple[Task, list[Any]]] = {}
        self._keys = itertools.count()
        self.report.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def post(self, task: Task) -> tuple[int, list[Any]]:
        """A key and a parcel for ``task``, both kept until its outcome is delivered.

        The pool thread puts the outcome, ``(kind, payload)``, in the parcel.
        """
        key = next(self._keys)
        parcel: list[Any] = []
        self._posted[key] = (task, parcel)
        return key, parcel

    @Slot(object, object)
    def _deliver(self, key: int, progress: Progress | None) -> None:
        if progress is not None:
            posted = self._posted.get(key)
            if posted is not None:
                posted[0]._deliver_progress(progress)
            return
        task, parcel = self._posted.pop(key)
        kind, payload = parcel.pop()
        task._deliver_outcome(kind, payload)


_the_mailbox: _Mailbox | None = None


def _mailbox() -> _Mailbox:
    global _the_mailbox
    if _the_mailbox is None:
        _the_mailbox = _Mailbox()
        app = QCoreApplication.instance()
        if app is not None:
            _the_mailbox.moveToThread(app.thread())
    return _the_mailbox


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
        self._pool.start(task._work())

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
