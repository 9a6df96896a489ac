"""One dialog pattern for every send: a :class:`SendJob` run through the task runner.

The dialog starts the job, shows its progress, cancels it on request (or when closed),
and reports the end through ``send_finished(SendOutcome)``, ``send_failed(exception)``
or ``send_cancelled()``. Each transport's dialog only decides how progress looks
(``smtp_dialog.py``, ``tealite_dialog.py``). A dialog opened without a parent is kept
alive while it works and forgotten once Qt deletes it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QWidget

from teenvio_desktop.core.sending import SendJob, SendOutcome
from teenvio_desktop.core.tasks import Progress
from teenvio_desktop.ui.tasks import Task, TaskRunner, task_runner

_open_dialogs: set[SendDialog] = set()


def open_dialogs() -> set[SendDialog]:
    """The sending dialogs alive now (parentless ones are kept here while they work)."""
    return set(_open_dialogs)


class SendDialog(QDialog):
    send_finished = Signal(object)  # SendOutcome
    send_failed = Signal(object)  # the exception
    send_cancelled = Signal()

    def __init__(
        self, job: SendJob, parent: QWidget | None = None, *, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.job = job
        self.task: Task | None = None
        self.outcome: SendOutcome | None = None
        self._runner = runner
        _open_dialogs.add(self)
        self.destroyed.connect(lambda _obj=None, d=self: _open_dialogs.discard(d))

    # --- running ------------------------------------------------------------------------

    def start(self) -> Task:
        """Run the job (again: a TEA Lite job resumes where it stopped)."""
        if self.task is not None and self.task.is_running():
            return self.task
        self.before_run()
        task = (self._runner or task_runner()).run(self.job.run, self)
        task.progress.connect(self.show_progress)
        task.result.connect(self._on_result)
        task.error.connect(self._on_error)
        task.cancelled.connect(self._on_cancelled)
        task.finished.connect(self._on_finished)
        self.task = task
        self.set_running(True)
        return task.start()

    def is_running(self) -> bool:
        return self.task is not None and self.task.is_running()

    def cancel_send(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _on_result(self, outcome: SendOutcome) -> None:
        self.outcome = outcome
        self.show_outcome(outcome)
        self.send_finished.emit(outcome)

    def _on_error(self, error: BaseException) -> None:
        self.show_error(error)
        self.send_failed.emit(error)

    def _on_cancelled(self) -> None:
        self.show_cancelled()
        self.send_cancelled.emit()

    def _on_finished(self) -> None:
        self.set_running(False)
        if not self.isVisible():
            _open_dialogs.discard(self)

    def reject(self) -> None:
        """Escape (or the window's Cancel) while sending stops the send; the dialog stays
        until the send has ended."""
        if self.is_running():
            self.cancel_send()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_running():
            self.cancel_send()  # closing the window means "stop"
        else:
            _open_dialogs.discard(self)
        super().closeEvent(event)

    # --- what each transport shows --------------------------------------------------------

    def before_run(self) -> None:
        """Called on the GUI thread just before each run."""

    def show_progress(self, progress: Progress) -> None:
        raise NotImplementedError

    def show_outcome(self, outcome: SendOutcome) -> None:
        raise NotImplementedError

    def show_error(self, error: BaseException) -> None:
        raise NotImplementedError

    def show_cancelled(self) -> None:
        raise NotImplementedError

    def set_running(self, running: bool) -> None:
        """Enable what makes sense while running (or not)."""
