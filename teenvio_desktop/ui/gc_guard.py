"""Python's cyclic garbage collector, run only on the GUI thread.

Qt objects must be destroyed in the thread that owns them. Automatic collection runs in
whichever thread happens to allocate at the wrong moment (an HTTP worker, say); if it
frees a reference cycle that holds GUI objects there, Qt aborts the process ("Timers cannot
be stopped from another thread"). So automatic collection is switched off and the GUI
thread collects on a timer instead, generation by generation, as the thresholds say
(qutebrowser does the same).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 250


class GuiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    def collect_if_due(self) -> None:
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        generation = -1
        for level in range(3):
            if thresholds[level] and counts[level] > thresholds[level]:
                generation = level
        if generation >= 0:
            gc.collect(generation)


def install_gui_thread_gc(app: QObject) -> GuiThreadGarbageCollector:
    """Call once, from the GUI thread, right after the application object exists."""
    existing = app.findChild(GuiThreadGarbageCollector)
    if isinstance(existing, GuiThreadGarbageCollector):
        gc.disable()  # in case a library switched it back on
        return existing
    return GuiThreadGarbageCollector(app)
