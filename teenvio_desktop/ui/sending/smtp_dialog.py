"""The progress of one SMTP-API send: the stage and recipients n/N, and Cancel.

The dialog appears only when the send takes more than a moment, blocks its window (the
composer) while it runs, and goes away by itself when the send ends.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from teenvio_desktop.core.sending import SendOutcome, SmtpSendJob
from teenvio_desktop.core.smtp.client import STAGE_PREPARING, STAGE_RECIPIENTS
from teenvio_desktop.core.tasks import Progress
from teenvio_desktop.ui.sending.dialog import SendDialog
from teenvio_desktop.ui.tasks import TaskRunner

SHOW_AFTER_MS = 300


class SmtpSendDialog(SendDialog):
    def __init__(
        self, job: SmtpSendJob, parent: QWidget | None = None, *, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(job, parent, runner=runner)
        self.setObjectName("SmtpSendDialog")
        self.setWindowTitle(self.tr("Sending through the SMTP-API"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.stage = QLabel()
        self.stage.setObjectName("stage")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until there is something to count
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        buttons.rejected.connect(self.cancel_send)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stage)
        layout.addWidget(self.bar)
        layout.addWidget(buttons)
        self.resize(420, 120)
        self._done = False
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._show_if_still_running)
        self.set_stage_text(QCoreApplication.translate("smtp", STAGE_PREPARING))

    def set_stage_text(self, text: str) -> None:
        self.stage.setText(text)

    def present(self) -> None:
        """Show the dialog if the send is still running in a moment (quick sends never flash)."""
        self._show_timer.start(SHOW_AFTER_MS)

    def _show_if_still_running(self) -> None:
        if not self._done:
            self.show()

    def show_progress(self, progress: Progress) -> None:
        if self._done:
            return
        label = QCoreApplication.translate("smtp", progress.stage)
        if progress.stage == STAGE_RECIPIENTS and progress.total:
            label = self.tr("{stage}: {done} of {total}").format(
                stage=label, done=progress.done, total=progress.total
            )
            self.bar.setRange(0, progress.total)
            self.bar.setValue(progress.done)
        else:
            self.bar.setRange(0, 0)
        self.set_stage_text(label)

    def cancel_send(self) -> None:
        if self._done or not self.is_running():
            return
        super().cancel_send()
        self.set_stage_text(self.tr("Cancelling…"))

    def show_outcome(self, outcome: SendOutcome) -> None:
        pass  # the composer says it; the dialog just goes away

    def show_error(self, error: BaseException) -> None:
        pass  # the composer explains it

    def show_cancelled(self) -> None:
        pass

    def set_running(self, running: bool) -> None:
        if running:
            self._done = False
            return
        # The send ended (result, error or cancel): close without asking to cancel.
        self._done = True
        self._show_timer.stop()
        self.hide()
        self.deleteLater()
