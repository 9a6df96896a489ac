"""What the ``--self-test`` steps share: the run, its failure, waiting on the event loop."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui.main_window import MainWindow
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter


class SelfTestFailure(Exception):
    """A step's check did not hold."""


@dataclass
class SelfTestRun:
    context: AppContext
    # Every question the GUI asks is answered by script: nothing modal blocks the run.
    prompter: ScriptedPrompter = field(default_factory=ScriptedPrompter)
    window: MainWindow | None = None
    shared: dict[str, Any] = field(default_factory=dict)

    def main_window(self) -> MainWindow:
        if self.window is None:
            raise SelfTestFailure("the main window is not built yet")
        return self.window

    def sandbox(self) -> Any:
        if self.context.sandbox is None:
            raise SelfTestFailure("the sandbox is not running")
        return self.context.sandbox


Step = Callable[[SelfTestRun], dict[str, Any]]


def wait_until(predicate: Callable[[], bool], timeout_s: float, what: str) -> float:
    """Serve the event loop until ``predicate()`` holds; return the seconds it took."""
    started = time.perf_counter()
    deadline = started + timeout_s
    while not predicate():
        if time.perf_counter() > deadline:
            raise SelfTestFailure(f"timed out after {timeout_s:.0f} s waiting for {what}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        QCoreApplication.sendPostedEvents()
        QEventLoop().processEvents(
            QEventLoop.ProcessEventsFlag.WaitForMoreEvents, QDeadlineTimer(20)
        )
    return time.perf_counter() - started
