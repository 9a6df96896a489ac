"""Background work for the Recipients area that reads or writes the store.

``Database.conn`` opens one connection per thread and keeps it; every task runs in a
new QThread, so the task closes its thread's connection when it ends instead of leaving
one open file handle behind per preview, sort or import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject

from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback
from teenvio_desktop.ui.worker import BackgroundTask, run_in_background

T = TypeVar("T")


def run_with_store(
    db: Database,
    function: Callable[[ProgressCallback, CancelToken], T],
    parent: QObject | None = None,
) -> BackgroundTask:
    """``run_in_background`` for a function that uses ``db`` from the worker thread."""

    def task(progress: ProgressCallback, cancel: CancelToken) -> T:
        try:
            return function(progress, cancel)
        finally:
            db.conn.close()

    return run_in_background(task, parent)
