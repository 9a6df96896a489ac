"""Reading the next page while the current one is stored.

A sync is a loop of "wait for the server" and "write SQLite"; running the requests one
page ahead in a helper thread overlaps the two (the HTTP wait and SQLite's inserts both
release the GIL). The store stays on the caller's thread (its own SQLite connection).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")
_DONE = object()
_POLL_S = 0.1


def prefetched(items: Iterator[T], depth: int = 1) -> Iterator[T]:
    """Yield what ``items`` yields, produced up to ``depth`` items ahead in a thread.

    Exceptions of the producer are raised here, in order. Leaving early (an exception
    while storing, cancellation) tells the producer to stop after its current item.
    """
    slots: queue.Queue[object] = queue.Queue(maxsize=max(depth, 1))
    stop = threading.Event()

    def offer(item: object) -> bool:
        while not stop.is_set():
            try:
                slots.put(item, timeout=_POLL_S)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not offer(item):
                    return
        except BaseException as exc:  # handed to the consumer, which raises it
            offer(exc)
            return
        offer(_DONE)

    worker = threading.Thread(target=produce, name="stats-prefetch", daemon=True)
    worker.start()
    try:
        while True:
            item = slots.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        worker.join(timeout=_POLL_S * 2)
