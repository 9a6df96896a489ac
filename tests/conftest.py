"""Fixtures shared by every test directory.

Qt runs offscreen and QtWebEngine may run as root; both must be set before Qt starts.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
# Tests never read the developer's real data directory.
os.environ.pop("TEENVIO_DESKTOP_HOME", None)

from teenvio_desktop.ui.app import prepare_qt_environment

prepare_qt_environment()

from teenvio_desktop.core.context import AppContext  # noqa: E402
from teenvio_desktop.core.paths import DataDir  # noqa: E402


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    """A fresh, empty data directory."""
    return DataDir(tmp_path / "data").ensure()


@pytest.fixture
def app_context(data_dir: DataDir) -> Iterator[AppContext]:
    """The application's context on a fresh data directory (migrated database)."""
    context = AppContext.open(data_dir, language="en")
    yield context
    context.close()
