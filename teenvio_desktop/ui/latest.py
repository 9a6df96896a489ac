"""Background work where only the newest request counts.

Typing a filter, sorting, changing an import setting or editing a campaign each ask for a
fresh computation while an older one may still run. :class:`LatestRequest` does the
bookkeeping once, in one of two ways:

* supersede (the default): a new request cancels the one in flight, whose outcome is
  dropped. For results only the newest is worth showing (a search, a sort, a preview).
* coalesce: a request made while one runs waits; when the running one ends, only the
  newest waiting request starts. Every run that ends is reported, since each is newer
  than what is on screen. For work that must keep showing progress while the user keeps
  asking (the composer's analysis while typing).

``result``, ``error`` and ``progress`` are emitted in the GUI thread; ``idle`` when
nothing runs or waits any more.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from teenvio_desktop.ui.tasks import Task, TaskFunction, TaskRunner, task_runner


class LatestRequest(QObject):
    result = Signal(object)
    error = Signal(object)
    progress = Signal(object)
    idle = Signal()

    def __init__(
        self, owner: QObject, *, coalesce: bool = False, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(owner)
        self._owner = owner
        self._coalesce = coalesce
        self._runner = runner
        self._current: Task | None = None
        self._waiting: TaskFunction | None = None

    def submit(self, function: TaskFunction) -> None:
        """Ask for ``function``'s result; older requests stop counting."""
        if self._current is not None:
            if self._coalesce:
                self._waiting = function  # replaces any older waiting request
                return
            self._current.cancel()
        self._start(function)

    def cancel(self) -> None:
        """Forget what waits and stop what runs (its outcome is not reported)."""
        self._waiting = None
        current, self._current = self._current, None
        if current is not None:
            current.cancel()
            self.idle.emit()

    def is_busy(self) -> bool:
        return self._current is not None or self._waiting is not None

    def _start(self, function: TaskFunction) -> None:
        task = (self._runner or task_runner()).run(function, self._owner)
        self._current = task
        # Bound slots, not lambdas: if this object goes away first, Qt disconnects them.
        task.progress.connect(self._on_progress)
        task.result.connect(self._on_result)
        task.error.connect(self._on_error)
        task.finished.connect(self._on_finished)
        task.start()

    def _from_current(self) -> bool:
        return self._current is not None and self.sender() is self._current

    @Slot(object)
    def _on_progress(self, value: object) -> None:
        if self._from_current():
            self.progress.emit(value)

    @Slot(object)
    def _on_result(self, value: object) -> None:
        if self._from_current():
            self.result.emit(value)

    @Slot(object)
    def _on_error(self, value: object) -> None:
        if self._from_current():
            self.error.emit(value)

    @Slot()
    def _on_finished(self) -> None:
        if not self._from_current():
            return  # superseded or cancelled: its end changes nothing
        self._current = None
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._start(waiting)
        else:
            self.idle.emit()
