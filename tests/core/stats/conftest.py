from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers.fake_tealite import FakeTeaLite


@pytest.fixture
def fake_tealite() -> Iterator[FakeTeaLite]:
    server = FakeTeaLite().start()
    yield server
    server.stop()
