from __future__ import annotations

import pytest

from teenvio_desktop.ui.tasks import shutdown_all


@pytest.fixture(autouse=True)
def _stop_background_tasks():  # type: ignore[no-untyped-def]
    """A poll may still run when a test ends: stop it before its widgets go away."""
    yield
    shutdown_all()
