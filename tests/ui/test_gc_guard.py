"""Cyclic garbage is collected on the GUI thread, never by chance in a worker."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from teenvio_desktop.ui.gc_guard import install_gui_thread_gc


class _Node:
    def __init__(self) -> None:
        self.partner: _Node | None = None


def _cycle() -> weakref.ref[_Node]:
    first, second = _Node(), _Node()
    first.partner, second.partner = second, first
    return weakref.ref(first)


def test_worker_allocations_never_collect_and_the_gui_thread_does(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    collector = install_gui_thread_gc(app)
    assert install_gui_thread_gc(app) is collector  # installed once
    assert not gc.isenabled()
    gc.collect()

    probe = _cycle()
    threshold = gc.get_threshold()[0]
    worker = threading.Thread(target=lambda: [[] for _ in range(threshold * 5)])
    worker.start()
    worker.join()
    assert probe() is not None  # the worker's allocations collected nothing

    junk = [[] for _ in range(threshold * 2)]  # the youngest generation is due
    collector.collect_if_due()
    assert probe() is None  # the GUI thread freed the cycle
    assert gc.get_count()[0] < threshold
    del junk


def test_the_timer_keeps_collecting(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    install_gui_thread_gc(app)
    gc.collect()
    junk = [[] for _ in range(gc.get_threshold()[0] * 2)]
    assert gc.get_count()[0] > gc.get_threshold()[0]
    # Nothing but the event loop runs here: the collector's timer does the collecting.
    qtbot.waitUntil(lambda: gc.get_count()[0] < gc.get_threshold()[0], timeout=5_000)
    del junk
