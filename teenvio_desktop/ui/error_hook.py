"""The last resort for a failure nothing else caught (a slot that raised): it is logged
with its traceback and explained, translated, in the status bar; never a traceback on
screen, never a silent failure."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QMainWindow

from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.ui.translation import error_text

log = logging.getLogger(__name__)

SHOWN_MS = 20_000  # long enough to read a sentence of advice

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def install_error_hook(window: QMainWindow) -> Callable[[], None]:
    """Route uncaught exceptions to ``window``'s status bar; returns what undoes it."""
    previous: ExceptHook = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            previous(kind, error, trace)
            return
        if isinstance(error, TeenvioError):  # error_text logs only the unforeseen
            log.warning("Uncaught: %s", error, exc_info=(kind, error, trace))
        text = error_text(error)
        window.statusBar().showMessage(text, SHOWN_MS)

    sys.excepthook = hook

    def restore() -> None:
        if sys.excepthook is hook:
            sys.excepthook = previous

    return restore
