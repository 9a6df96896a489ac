"""The one worker pattern: signals, cancel, and widgets deleted while work runs."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback
from teenvio_desktop.ui import worker


def test_result_progress_and_thread(qtbot: QtBot) -> None:
    seen_threads: list[int] = []
    progress: list[Progress] = []

    def job(report: ProgressCallback, cancel: CancelToken) -> str:
        seen_threads.append(threading.get_ident())
        for i in range(3):
            report(Progress("counting", i + 1, 3))
        return "done"

    task = worker.run_in_background(job)
    task.worker.progress.connect(progress.append)
    with qtbot.waitSignal(task.worker.result, timeout=10_000) as result:
        task.start()
    assert result.args == ["done"]
    assert seen_threads and seen_threads[0] != threading.get_ident()
    qtbot.waitUntil(lambda: progress and progress[-1].done == 3)
    qtbot.waitUntil(lambda: task not in worker.active_tasks())


def test_errors_reach_the_gui_thread(qtbot: QtBot) -> None:
    def job(report: ProgressCallback, cancel: CancelToken) -> None:
        raise TeenvioError("Could not do {what}.", what="it")

    task = worker.run_in_background(job)
    with qtbot.waitSignal(task.worker.error, timeout=10_000) as error:
        task.start()
    assert str(error.args[0]) == "Could not do it."


def test_cancel_stops_the_loop(qtbot: QtBot) -> None:
    def job(report: ProgressCallback, cancel: CancelToken) -> None:
        while True:
            cancel.raise_if_cancelled()
            cancel.wait(0.01)

    task = worker.run_in_background(job)
    with qtbot.waitSignal(task.worker.cancelled, timeout=10_000):
        task.start()
        task.cancel()
    qtbot.waitUntil(lambda: not task.is_running())


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

    task = worker.run_in_background(job, owner)
    task.worker.cancelled.connect(lambda: outcome.append("cancelled"))
    task.start()
    assert started.wait(5)
    owner.deleteLater()
    qtbot.waitUntil(lambda: outcome == ["cancelled"], timeout=10_000)
    qtbot.waitUntil(lambda: task not in worker.active_tasks(), timeout=10_000)
