"""The one-page-ahead reader keeps order, forwards errors and stops when left early."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from teenvio_desktop.core.stats.prefetch import prefetched


def test_order_and_errors_are_kept() -> None:
    def numbers() -> Iterator[int]:
        yield from range(5)
        raise ValueError("page 5 failed")

    seen: list[int] = []
    with pytest.raises(ValueError, match="page 5"):
        for n in prefetched(numbers()):
            seen.append(n)
    assert seen == [0, 1, 2, 3, 4]


@pytest.mark.timeout(30)
def test_leaving_early_stops_the_producer() -> None:
    produced: list[int] = []
    finished = threading.Event()

    def endless() -> Iterator[int]:
        try:
            n = 0
            while True:
                produced.append(n)
                yield n
                n += 1
        finally:
            finished.set()

    for n in prefetched(endless(), depth=1):
        if n == 3:
            break
    # The producer was told to stop and its generator ended: nothing more can be produced.
    assert finished.wait(10)
    assert len(produced) <= 3 + 3  # at most a page or two ahead, never running on
