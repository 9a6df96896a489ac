"""Answering the real (modal) dialogs in tests: they block in exec() until answered."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def when_modal(action: Callable[[QWidget], None]) -> list[str]:
    """Run ``action`` on the next modal dialog (they block in exec()); what it showed."""
    seen: list[str] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(10, poll)
            return
        seen.append(modal.windowTitle())
        action(modal)

    QTimer.singleShot(0, poll)
    return seen
