"""Bulk work without the cyclic garbage collector rescanning the heap again and again."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = True


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """No cyclic GC passes during a bulk import.

    The rows are lists of strings (no cycles), but allocating millions of them makes the
    collector run over and over; reference counting still frees everything.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            # The GUI keeps automatic collection off for good (ui/gc_guard.py): restore
            # whatever state was there before, never simply switch it back on.
            _gc_was_enabled = gc.isenabled()
        _gc_pauses += 1
        gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()
