"""The top of the Results area: the campaign's title, its sync status, the last error,
and the banner that asks for a new token when TEA Lite rejected it."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from teenvio_desktop.core.errors import render_stored
from teenvio_desktop.core.stats.store import SyncState
from teenvio_desktop.ui.formatting import format_iso
from teenvio_desktop.ui.style import SPACING, set_heading, set_role
from teenvio_desktop.ui.translation import qt_translate


class ResultsHeader(QWidget):
    token_requested = Signal()  # "Enter token…" in the credentials banner

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(self.tr("Choose a campaign."))
        self.title_label.setObjectName("results_title")
        set_heading(self.title_label, 1.35)
        self.title_label.setWordWrap(True)
        self.sync_label = QLabel()
        self.sync_label.setObjectName("last_sync")
        set_role(self.sync_label, "textRole", "muted")
        self.error_label = QLabel()
        self.error_label.setObjectName("last_error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.error_label, "textRole", "error")
        self.error_label.hide()

        self.credentials_banner = QFrame()
        self.credentials_banner.setObjectName("credentials_banner")
        set_role(self.credentials_banner, "frameRole", "warning")
        banner_layout = QHBoxLayout(self.credentials_banner)
        self.banner_label = QLabel(
            self.tr(
                "TEA Lite rejected the token, so polling stopped. Enter a valid token to go on."
            )
        )
        self.banner_label.setWordWrap(True)
        self.credentials_button = QPushButton(self.tr("Enter token…"))
        self.credentials_button.setObjectName("enter_token")
        self.credentials_button.clicked.connect(self.token_requested)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.credentials_button)
        self.credentials_banner.hide()

        # The title and sync status beside the area's buttons; the error and the banner
        # below, across the whole width (beside the buttons they wrapped to many lines).
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title_label)
        titles.addWidget(self.sync_label)
        self.title_row = QHBoxLayout()
        self.title_row.setSpacing(SPACING)
        self.title_row.addLayout(titles, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.title_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.credentials_banner)
        self._error_shown = False

    def add_action(self, button: QWidget) -> None:
        """A button beside the title (Sync now, Save as list)."""
        self.title_row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

    def set_title(self, text: str) -> None:
        self.title_label.setText(text)

    def show_sync_state(self, status: SyncState) -> None:
        if status.last_sync_at:
            self.sync_label.setText(
                self.tr("Last synced: {time}").format(time=format_iso(status.last_sync_at))
            )
        else:
            self.sync_label.setText(self.tr("Not synced yet."))
        if status.last_error and not self._error_shown:
            self.set_error(render_stored(status.last_error, qt_translate))

    def show_syncing(self) -> None:
        self.sync_label.setText(self.tr("Syncing…"))

    def show_polling_stopped(self) -> None:
        self.sync_label.setText(self.sync_label.text() + "  " + self.tr("(polling stopped)"))

    def set_error(self, text: str) -> None:
        self._error_shown = True
        stamp = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
        self.error_label.setText(
            self.tr("Last error ({time}): {error}").format(time=stamp, error=text)
        )
        self.error_label.show()

    def clear_error(self) -> None:
        self._error_shown = False
        self.error_label.hide()

    def ask_for_credentials(self, show: bool) -> None:
        self.credentials_banner.setVisible(show)
