"""The banner that says passwords and tokens are kept for this session only.

The window checks the keyring once at start, in a task (reading it may wait for the
user to unlock it, or for a D-Bus timeout), and shows this banner above every area when
no keyring works: secrets typed now are kept in memory until the app closes, and the
user learns what to install or unlock. "Try again" looks for a keyring once more and
moves the session's secrets into it when one works.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from teenvio_desktop.core.accounts import KeyringUnavailable, SecretStore, secret_store
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback
from teenvio_desktop.ui.style import set_role
from teenvio_desktop.ui.tasks import Task, bound_to, run_task
from teenvio_desktop.ui.translation import error_text

log = logging.getLogger(__name__)

FIRST_CHECK_DELAY_MS = 1000


class KeyringBanner(QFrame):
    """Says in plain words that secrets are kept for this session only; offers a retry."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyring_banner")
        set_role(self, "frameRole", "warning")  # the scheme's warning colours, light or dark
        self.label = QLabel()
        self.label.setObjectName("keyring_banner_text")
        self.label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.setObjectName("keyring_retry")
        self.retry_button.clicked.connect(self.retry_requested)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button)
        self.hide()

    def show_problem(self, problem: KeyringUnavailable | None) -> None:
        if problem is None:
            self.hide()
            return
        self.label.setText(error_text(problem))
        self.show()


def probe_keyring(store: SecretStore, banner: KeyringBanner, *, retry: bool = False) -> Task:
    """Check (or look again for) the keyring in a task; the banner shows the answer."""

    def work(progress: ProgressCallback, cancel: CancelToken) -> KeyringUnavailable | None:
        del progress, cancel
        return store.retry() if retry else store.check()

    task = run_task(work, banner)
    task.result.connect(banner.show_problem)
    task.error.connect(bound_to(banner, lambda exc: log.warning("Keyring check failed: %s", exc)))
    banner.retry_button.setEnabled(False)
    task.finished.connect(bound_to(banner, lambda: banner.retry_button.setEnabled(True)))
    return task.start()


def install_keyring_banner(banner: KeyringBanner, context: AppContext) -> None:
    """Wire "Try again" and run the first check once the window is up (the keyring module
    is slow to import and the first screen does not need it)."""
    store = secret_store(context)
    banner.retry_requested.connect(
        bound_to(banner, lambda: probe_keyring(store, banner, retry=True))
    )
    banner.retry_button.setEnabled(False)  # until the first check has answered
    QTimer.singleShot(FIRST_CHECK_DELAY_MS, banner, lambda: probe_keyring(store, banner))
