"""The TEA Lite peer (``tealite_peer.py``): a fresh server per test, stopped afterwards."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.peers.tealite_peer import TeaLitePeer


@pytest.fixture
def peer_factory() -> Iterator[Callable[..., TeaLitePeer]]:
    started: list[TeaLitePeer] = []

    def factory(**settings: Any) -> TeaLitePeer:
        peer = TeaLitePeer(**settings).start()
        started.append(peer)
        return peer

    yield factory
    for peer in started:
        peer.stop()
