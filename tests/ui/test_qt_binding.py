"""The installed Qt binding keeps Python's reference counts intact.

PySide6 6.12.0 on Python 3.11 dropped one reference to ``None`` on every call of a Qt
method returning nothing, so a long session aborted with "deallocating None". pyproject
excludes that release; this test fails loudly if a release with the same defect is ever
installed.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def test_void_calls_do_not_leak_references_to_none(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.setObjectName("probe")
    after = sys.getrefcount(None)
    assert abs(after - before) < 100, f"None lost {before - after} references"
