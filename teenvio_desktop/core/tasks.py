"""The one contract for long work: a progress callback and a cancel flag.

Core functions that take time accept ``progress`` and ``cancel`` and stay unaware of
threads and Qt. ``ui/tasks.py`` runs such a function off the GUI thread; the command line
calls it directly.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from teenvio_desktop.core.errors import Cancelled


@dataclass(frozen=True)
class Progress:
    """One progress report: a translatable stage label, counts, and free-form details."""

    stage: str
    done: int = 0
    total: int | None = None
    details: dict[str, Any] = field(default_factory=dict)


ProgressCallback = Callable[[Progress], None]


def no_progress(progress: Progress) -> None:
    """Progress callback for callers that do not display progress."""
    del progress


class CancelToken:
    """A thread-safe cancel flag checked by long work at safe points."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; return True early if cancelled meanwhile."""
        return self._event.wait(seconds)
