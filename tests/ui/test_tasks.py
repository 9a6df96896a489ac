"""The one task runner: signals in the GUI thread, cancel, widgets deleted while work runs,
and "only the newest request counts"."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback
from teenvio_desktop.ui import tasks
from teenvio_desktop.ui.latest import LatestRequest


def test_result_progress_and_thread(qtbot: QtBot) -> None:
    seen_threads: list[int] = []
    progress: list[Progress] = []
    delivered_in: list[int] = []

    def job(report: ProgressCallback, cancel: CancelToken) -> str:
        seen_threads.append(threading.get_ident())
        for i in range(3):
            report(Progress("counting", i + 1, 3))
        return "done"

    task = tasks.run_task(job)
    task.progress.connect(progress.append)
    # A lambda (no receiver object) still runs in the GUI thread.
    task.result.connect(lambda _value: delivered_in.append(threading.get_ident()))
    with qtbot.waitSignal(task.result, timeout=10_000) as result:
        task.start()
    assert result.args == ["done"]
    assert seen_threads and seen_threads[0] != threading.get_ident()
    assert delivered_in == [threading.get_ident()]
    qtbot.waitUntil(lambda: bool(progress) and progress[-1].done == 3)
    qtbot.waitUntil(lambda: task not in tasks.active_tasks())


def test_errors_reach_the_gui_thread(qtbot: QtBot) -> None:
    def job(report: ProgressCallback, cancel: CancelToken) -> None:
        raise TeenvioError("Could not do {what}.", what="it")

    task = tasks.run_task(job)
    with qtbot.waitSignal(task.error, timeout=10_000) as error:
        task.start()
    assert str(error.args[0]) == "Could not do it."


def test_cancel_stops_the_loop(qtbot: QtBot) -> None:
    def job(report: ProgressCallback, cancel: CancelToken) -> None:
        while True:
            cancel.raise_if_cancelled()
            cancel.wait(0.01)

    task = tasks.run_task(job)
    with qtbot.waitSignals([task.cancelled, task.finished], timeout=10_000, order="strict"):
        task.start()
        task.cancel()
    assert not task.is_running()


@pytest.mark.parametrize("repeat", range(5))
def test_deleting_the_owner_cancels_without_crashing(qtbot: QtBot, repeat: int) -> None:
    owner = QWidget()
    started = threading.Event()
    outcome: list[Any] = []

    def job(report: ProgressCallback, cancel: CancelToken) -> None:
        started.set()
        while not cancel.wait(0.005):
            pass
        cancel.raise_if_cancelled()

    task = tasks.run_task(job, owner)
    task.cancelled.connect(lambda: outcome.append("cancelled"))
    task.start()
    assert started.wait(5)
    owner.deleteLater()
    qtbot.waitUntil(lambda: outcome == ["cancelled"], timeout=10_000)
    qtbot.waitUntil(lambda: task not in tasks.active_tasks(), timeout=10_000)


def test_pool_threads_are_reused_and_shutdown_waits(qtbot: QtBot) -> None:
    runner = tasks.TaskRunner()
    names: list[str] = []

    def job(report: ProgressCallback, cancel: CancelToken) -> None:
        names.append(threading.current_thread().name)

    for _ in range(4):
        with qtbot.waitSignal(runner.run(job, start=True).finished, timeout=10_000):
            pass
    assert len(names) == 4 and len(set(names)) < 4  # no new thread per task

    release = threading.Event()

    def blocking(report: ProgressCallback, cancel: CancelToken) -> None:
        while not cancel.wait(0.01):
            release.wait(0.01)
        cancel.raise_if_cancelled()

    runner.run(blocking, start=True)
    assert runner.shutdown(10_000)  # cancels, then waits for the thread
    qtbot.waitUntil(lambda: not runner.active(), timeout=10_000)


def _echo_after(gate: threading.Event, value: str) -> tasks.TaskFunction:
    def job(report: ProgressCallback, cancel: CancelToken) -> str:
        while not gate.wait(0.01):
            cancel.raise_if_cancelled()
        return value

    return job


def test_latest_request_supersedes_older_ones(qtbot: QtBot) -> None:
    owner = QObject()
    latest = LatestRequest(owner)
    shown: list[object] = []
    latest.result.connect(shown.append)
    first_gate, second_gate = threading.Event(), threading.Event()
    latest.submit(_echo_after(first_gate, "old"))
    latest.submit(_echo_after(second_gate, "new"))  # cancels "old"
    first_gate.set()
    with qtbot.waitSignal(latest.idle, timeout=10_000):
        second_gate.set()
    assert shown == ["new"]
    assert not latest.is_busy()


def test_latest_request_coalesces_while_one_runs(qtbot: QtBot) -> None:
    owner = QObject()
    latest = LatestRequest(owner, coalesce=True)
    shown: list[object] = []
    latest.result.connect(shown.append)
    gate = threading.Event()
    latest.submit(_echo_after(gate, "first"))
    latest.submit(_echo_after(threading.Event(), "never"))  # replaced while waiting
    done = threading.Event()
    done.set()
    latest.submit(_echo_after(done, "newest"))
    assert latest.is_busy()
    with qtbot.waitSignal(latest.idle, timeout=10_000):
        gate.set()
    assert shown == ["first", "newest"]


def test_latest_request_cancel_drops_everything(qtbot: QtBot) -> None:
    owner = QObject()
    runner = tasks.TaskRunner()
    latest = LatestRequest(owner, coalesce=True, runner=runner)
    shown: list[object] = []
    latest.result.connect(shown.append)
    gate = threading.Event()
    latest.submit(_echo_after(gate, "running"))
    latest.submit(_echo_after(gate, "waiting"))
    with qtbot.waitSignal(latest.idle, timeout=5_000):
        latest.cancel()
    gate.set()
    assert not latest.is_busy()
    qtbot.waitUntil(lambda: not runner.active(), timeout=10_000)  # it ended (cancelled)
    assert shown == []


def test_a_finished_task_stops_listening_for_its_owner(qtbot: QtBot) -> None:
    """Left connected, an owner freed with the task in one garbage collection crashed."""
    from PySide6.QtCore import SIGNAL

    owner = QObject()
    destroyed = SIGNAL("destroyed(QObject*)")
    before = owner.receivers(destroyed)
    task = tasks.run_task(lambda progress, cancel: 1, owner)
    assert owner.receivers(destroyed) == before + 1
    with qtbot.waitSignal(task.finished, timeout=10_000):
        task.start()
    assert owner.receivers(destroyed) == before
