"""The progress of one TEA Lite campaign: counts, a per-message table, pause, cancel, retry.

The dialog reads the job's progress reports and, at most twice a second, the outbox rows
that changed. It stays open when the send ends so the table can be read; "Retry failed"
and a new token (after "credentials rejected") run the same job again, which sends only
what was not accepted.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.outbox import (
    OutboxRepository,
    ResendRequest,
    SendControl,
    retry_failed,
)
from teenvio_desktop.core.sending import STAGE_OUTBOX_READY, SendOutcome, TeaLiteSendJob
from teenvio_desktop.core.sending.notes import send_notes
from teenvio_desktop.core.tasks import Progress
from teenvio_desktop.core.tealite.connection import TeaLiteConnection
from teenvio_desktop.core.tealite.errors import CredentialsRejected
from teenvio_desktop.ui.formatting import format_count
from teenvio_desktop.ui.prompter import DialogPrompter, Prompter
from teenvio_desktop.ui.sending.dialog import SendDialog
from teenvio_desktop.ui.sending.outbox_model import OutboxTableModel
from teenvio_desktop.ui.sending.resend import confirm_resend, queue_uncertain_again
from teenvio_desktop.ui.sending.send_notes import describe_notes
from teenvio_desktop.ui.tasks import TaskRunner, bound_to
from teenvio_desktop.ui.translation import error_text

TABLE_REFRESH_S = 0.5


def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class TeaLiteSendDialog(SendDialog):
    credentials_rejected = Signal(int)  # campaign id: ask the user for a new token

    def __init__(
        self,
        job: TeaLiteSendJob,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
        prompter: Prompter | None = None,
    ) -> None:
        super().__init__(job, parent, runner=runner)
        self.prompter = prompter or DialogPrompter()
        self.tealite_job = job
        self.setObjectName("TeaLiteSendDialog")
        self.setWindowTitle(
            self.tr("Test send through TEA Lite")
            if job.test
            else self.tr("Sending through TEA Lite")
        )
        self._last_table_refresh = 0.0
        self._build()

    @property
    def campaign_id(self) -> int:
        """The outbox campaign (0 until the job has put the composer's campaign there)."""
        return self.tealite_job.campaign_id or 0

    @property
    def control(self) -> SendControl:
        return self.tealite_job.control

    @property
    def summary(self) -> object:
        return self.outcome.rest if self.outcome is not None else None

    def _build(self) -> None:
        self.progress_bar = QProgressBar()
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        labels = {
            "accepted": self.tr("Accepted"),
            "failed": self.tr("Failed"),
            "retrying": self.tr("Retrying"),
            "remaining": self.tr("Remaining"),
            "uncertain": self.tr("May have been sent"),
            "rate": self.tr("Messages per second"),
            "eta": self.tr("Time left"),
        }
        for key, label in labels.items():
            value = QLabel("0")
            value.setObjectName(f"value_{key}")
            self.values[key] = value
            form.addRow(label, value)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.model = OutboxTableModel(self.job.db, self.campaign_id, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setObjectName("pause")
        self.cancel_button = QPushButton(self.tr("Cancel sending"))
        self.cancel_button.setObjectName("cancel")
        self.retry_button = QPushButton(self.tr("Retry failed"))
        self.retry_button.setObjectName("retry_failed")
        self.resend_button = QPushButton(self.tr("Send again anyway…"))
        self.resend_button.setObjectName("resend_uncertain")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        for button in (
            self.pause_button,
            self.cancel_button,
            self.retry_button,
            self.resend_button,
        ):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button.clicked.connect(self.stop_campaign)
        self.retry_button.clicked.connect(self.retry_failed)
        self.resend_button.clicked.connect(self.resend_uncertain)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress_bar)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 560)
        self.set_running(False)

    # --- actions -------------------------------------------------------------------------

    def before_run(self) -> None:
        self.tealite_job.new_run()
        if self.tealite_job.campaign_id is None:
            self.status.setText(self.tr("Checking every recipient and filling the outbox…"))
        else:
            self.status.setText(self.tr("Sending…"))

    def set_connection(self, connection: TeaLiteConnection) -> None:
        """A new token (after "credentials rejected"); takes effect on the next start."""
        self.tealite_job.use_connection(connection)

    def toggle_pause(self) -> None:
        if self.control.paused:
            self.control.resume()
            self.pause_button.setText(self.tr("Pause"))
            self.status.setText(self.tr("Sending…"))
        else:
            self.control.pause()
            self.pause_button.setText(self.tr("Resume"))
            self.status.setText(self.tr("Paused. Messages already sent are not sent again."))

    def stop_campaign(self) -> None:
        """Cancel the campaign (what is not sent stays in the outbox, marked cancelled)."""
        self.control.cancel()
        self.status.setText(self.tr("Cancelling: waiting for the requests in flight…"))

    def retry_failed(self) -> None:
        if self.campaign_id and retry_failed(self.job.db, self.campaign_id):
            self.start()

    def resend_uncertain(self) -> None:
        """The explicit re-send of messages that may have been sent (after a confirmation)."""
        if not self.campaign_id or self.is_running():
            return
        notes = send_notes(self.job.db, self.campaign_id)
        if not notes.uncertain_total or not confirm_resend(self, self.prompter, notes):
            return
        self.resend_button.setEnabled(False)
        queue_uncertain_again(
            self, self.job.db, self.campaign_id, self.prompter, self._resend_queued
        ).finished.connect(bound_to(self, lambda: self.set_running(self.is_running())))

    def _resend_queued(self, request: ResendRequest) -> None:
        if request.requeued:
            self.start()

    # --- reports --------------------------------------------------------------------------

    def show_progress(self, progress: Progress) -> None:
        d = progress.details
        if progress.stage == STAGE_OUTBOX_READY:
            self.model.set_campaign(self.campaign_id)
            self.status.setText(self.tr("Sending…"))
            return
        self.progress_bar.setMaximum(max(1, int(progress.total or 0)))
        self.progress_bar.setValue(int(progress.done))
        for key in ("accepted", "failed", "retrying", "remaining", "uncertain"):
            self.values[key].setText(format_count(int(d.get(key, 0) or 0)))
        self.values["rate"].setText(QLocale().toString(float(d.get("rate") or 0), "f", 1))
        eta = d.get("eta_s")
        self.values["eta"].setText(duration_text(float(eta) if eta is not None else None))
        now = time.monotonic()
        if now - self._last_table_refresh >= TABLE_REFRESH_S:
            self._last_table_refresh = now
            self.model.refresh()

    def show_outcome(self, outcome: SendOutcome) -> None:
        if self.model.campaign_id != outcome.campaign_id:
            self.model.set_campaign(outcome.campaign_id)
        if outcome.complete:
            self.status.setText(
                self.tr("Done: all %Ln message(s) were accepted.", "", outcome.accepted)
            )
            return
        text = self.tr("Finished: {accepted} accepted, {failed} failed.").format(
            accepted=format_count(outcome.accepted), failed=format_count(outcome.failed)
        )
        notes = send_notes(self.job.db, outcome.campaign_id)
        if notes.uncertain_total:
            text += "\n" + describe_notes(notes)
        self.status.setText(text)

    def show_error(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
        if isinstance(error, CredentialsRejected):
            self.credentials_rejected.emit(self.campaign_id)

    def show_cancelled(self) -> None:
        if self.control.cancelled:
            self.status.setText(self.tr("Cancelled. The messages not sent stay in the outbox."))
        else:
            self.status.setText(self.tr("Stopped. The campaign can be resumed later."))

    def set_running(self, running: bool) -> None:
        if not running and self.campaign_id:
            self.model.refresh()
            counts = OutboxRepository(self.job.db).counts(self.campaign_id)
            for key, value in (
                ("accepted", counts.accepted),
                ("failed", counts.failed),
                ("remaining", counts.remaining),
                ("retrying", counts.retrying),
                ("uncertain", counts.uncertain),
            ):
                self.values[key].setText(str(value))
        self.pause_button.setEnabled(running)
        self.pause_button.setText(self.tr("Pause"))
        self.cancel_button.setEnabled(running)
        counts = OutboxRepository(self.job.db).counts(self.campaign_id)
        self.retry_button.setEnabled(not running and counts.failed > 0)
        self.resend_button.setEnabled(not running and counts.uncertain > 0)
        self.resend_button.setVisible(counts.uncertain > 0)
        self.close_button.setEnabled(not running)
