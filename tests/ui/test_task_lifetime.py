"""Who keeps a task alive, and where it dies.

A task must be freed in the GUI thread, by reference counting, as soon as its ``finished``
was delivered; it must not keep its owner alive; and when it held the last reference to
its owner, freeing it must not crash (the owner's ``destroyed`` used to call into the
half-freed task: a segmentation fault in the garbage collector, tests later).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import weakref

import pytest
from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback
from teenvio_desktop.ui import tasks
from teenvio_desktop.ui.tasks import TaskFunction


def _fails(progress: ProgressCallback, cancel: CancelToken) -> None:
    raise TeenvioError("Could not do {what}.", what="it")


def _succeeds(progress: ProgressCallback, cancel: CancelToken) -> str:
    return "done"


@pytest.mark.parametrize("job", [_succeeds, _fails], ids=["result", "error"])
def test_a_finished_task_is_freed_at_once_in_the_gui_thread(qtbot: QtBot, job: object) -> None:
    freed_in: list[int] = []
    ended = threading.Event()
    task = tasks.run_task(job)  # type: ignore[arg-type]
    task.destroyed.connect(
        lambda: freed_in.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )
    task.finished.connect(ended.set)
    task.start()
    qtbot.waitUntil(lambda: ended.is_set() and not tasks.active_tasks(), timeout=10_000)
    alive = weakref.ref(task)
    del task
    # No cycle (an exception's traceback holding the worker's frame) and no reference left
    # in a pool thread: the last reference is ours, dropped here.
    assert alive() is None
    assert freed_in == [threading.get_ident()]


def _job_holding(held: QObject) -> TaskFunction:
    def job(progress: ProgressCallback, cancel: CancelToken) -> str:
        return str(held.objectName())

    return job


def test_what_the_function_held_is_freed_in_the_gui_thread(qtbot: QtBot) -> None:
    held = QObject()  # what a controller's job captures: a widget, a model
    freed_in: list[int] = []
    held.destroyed.connect(
        lambda: freed_in.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )
    task = tasks.run_task(_job_holding(held))
    alive = weakref.ref(held)
    del held  # now only the task (and the pool thread, while it runs) hold it
    results: list[object] = []
    task.result.connect(results.append)
    ended = threading.Event()
    task.finished.connect(ended.set)
    task.start()
    qtbot.waitUntil(lambda: ended.is_set() and not tasks.active_tasks(), timeout=10_000)
    assert results == [""] and alive() is not None
    del task
    assert alive() is None
    assert freed_in == [threading.get_ident()]


def test_a_task_does_not_keep_its_owner_alive(qtbot: QtBot) -> None:
    owner = QObject()
    started = threading.Event()

    def job(progress: ProgressCallback, cancel: CancelToken) -> None:
        started.set()
        while not cancel.wait(0.005):
            pass
        cancel.raise_if_cancelled()

    task = tasks.run_task(job, owner)
    assert task.owner is owner
    task.start()
    assert started.wait(5)
    gone = weakref.ref(owner)
    with qtbot.waitSignal(task.cancelled, timeout=10_000):
        del owner  # its last reference: destroyed now, which cancels the work
    assert gone() is None and task.owner is None


_OWNER_DIES_WITH_ITS_TASK = textwrap.dedent(
    """
    import faulthandler, gc, logging
    faulthandler.enable()
    logging.disable(logging.CRITICAL)  # the failing job is expected: stderr stays empty
    from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer
    app = QCoreApplication([])
    from teenvio_desktop.ui.tasks import run_task

    gc.disable()  # as in the app: cycles are freed when the GUI thread says so

    def fails(progress, cancel):
        raise ValueError("expected by the test")

    for round in range(20):
        owner = QObject()  # no parent: Python owns it
        task = run_task(fails, owner)
        loop = QEventLoop()
        task.finished.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)
        task.start()
        loop.exec()
        assert not task.is_running()
        del owner, loop  # the task may now hold the owner's last reference
        del task
        gc.collect()
    print("survived", flush=True)
    """
)


def test_freeing_a_task_that_held_its_owner_last_does_not_crash() -> None:
    # In a child process: a regression is a segmentation fault, or PySide complaining on
    # stderr that the slot of the half-freed task cannot be found.
    result = subprocess.run(
        [sys.executable, "-c", _OWNER_DIES_WITH_ITS_TASK],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr[-3000:]
    assert result.stdout.strip() == "survived"
