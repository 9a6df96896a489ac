"""Sending a TEA Lite campaign from the GUI: progress, pause/resume/cancel, per-message table.

The composer calls :func:`start_rest_send` once the campaign is in the outbox
(``core.outbox.create_rest_campaign``). The send itself is ``core.outbox.send_campaign``
run through the one worker pattern (``ui/worker.py``); the dialog only reads its progress
reports and, at most twice a second, the changed outbox rows for the table.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.outbox import (
    OutboxRepository,
    SendControl,
    SendOptions,
    SendSummary,
    UnfinishedCampaign,
    connection_for_account,
    create_from_composer,
    retry_failed,
    send_campaign,
    unfinished_campaigns,
)
from teenvio_desktop.core.outbox.repository import TableRow
from teenvio_desktop.core.outbox.resume import connection_for
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback
from teenvio_desktop.core.tealite.connection import TeaLiteConnection
from teenvio_desktop.core.tealite.errors import CredentialsRejected
from teenvio_desktop.ui.translation import error_text
from teenvio_desktop.ui.worker import BackgroundTask, run_in_background

TABLE_REFRESH_S = 0.5
STAGE_PREPARING = QT_TRANSLATE_NOOP("tasks", "Preparing the TEA Lite campaign")
# Dialogs opened without a parent stay alive (with their worker) until closed and idle.
_open_dialogs: set[RestSendDialog] = set()
ModelIndex = QModelIndex | QPersistentModelIndex


def state_label(state: str) -> str:
    labels = {
        "queued": QCoreApplication.translate("RestSend", "Queued"),
        "sending": QCoreApplication.translate("RestSend", "Sending"),
        "accepted": QCoreApplication.translate("RestSend", "Accepted"),
        "retrying": QCoreApplication.translate("RestSend", "Retrying"),
        "failed": QCoreApplication.translate("RestSend", "Failed"),
    }
    return labels.get(state, state)


class OutboxTableModel(QAbstractTableModel):
    """One row per message of a campaign; :meth:`refresh` reads only what changed."""

    COLUMNS = ("seq", "recipient", "name", "state", "attempts", "message_id", "reason")

    def __init__(self, db: Database, campaign_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._outbox = OutboxRepository(db)
        self.campaign_id = campaign_id
        self._rows: list[TableRow] = []
        self._index: dict[int, int] = {}
        self._newest: str | None = None
        self.refresh()

    def _headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("RestSend", "#"),
            QCoreApplication.translate("RestSend", "Recipient"),
            QCoreApplication.translate("RestSend", "Name"),
            QCoreApplication.translate("RestSend", "State"),
            QCoreApplication.translate("RestSend", "Attempts"),
            QCoreApplication.translate("RestSend", "Message ID"),
            QCoreApplication.translate("RestSend", "Reason"),
        )

    def refresh(self) -> None:
        changed = self._outbox.table_rows(self.campaign_id, changed_since=self._newest)
        if not changed:
            return
        self._newest = max(r.updated_at for r in changed)
        if any(r.id not in self._index for r in changed):
            self.beginResetModel()
            self._rows = self._outbox.table_rows(self.campaign_id)
            self._index = {r.id: i for i, r in enumerate(self._rows)}
            self.endResetModel()
            return
        first, last = len(self._rows), -1
        for row in changed:
            position = self._index[row.id]
            if self._rows[position] != row:
                self._rows[position] = row
                first, last = min(first, position), max(last, position)
        if last >= 0:
            right = len(self.COLUMNS) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, right))

    def set_campaign(self, campaign_id: int) -> None:
        self.beginResetModel()
        self.campaign_id, self._rows, self._index, self._newest = campaign_id, [], {}, None
        self.endResetModel()
        self.refresh()

    def row(self, number: int) -> TableRow:
        return self._rows[number]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return self._headers()[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "reason":
            return self._display(row, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("seq", "attempts"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(row: TableRow, column: str) -> object:
        if column == "seq":
            return row.seq
        if column == "recipient":
            return row.recipient
        if column == "name":
            return row.recipient_name
        if column == "state":
            return state_label(row.state)
        if column == "attempts":
            return row.attempts
        if column == "message_id":
            return row.message_id or ""
        if row.state == "accepted":
            return ""
        return ": ".join(p for p in (row.error_category, row.error_text) if p)


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class RestSendDialog(QDialog):
    """Progress of one TEA Lite campaign, with pause/resume, cancel and "retry failed"."""

    credentials_rejected = Signal(int)  # campaign id: ask the user for a new token
    send_finished = Signal(object)  # SendSummary

    def __init__(
        self,
        db: Database,
        campaign_id: int,
        connection: TeaLiteConnection,
        *,
        options: SendOptions | None = None,
        parent: QWidget | None = None,
        prepare: Callable[[], int] | None = None,
    ) -> None:
        """``prepare`` (run in the worker) writes the campaign to the outbox and returns
        its id, for a dialog opened before the campaign exists (``campaign_id`` 0)."""
        super().__init__(parent)
        self.setObjectName("RestSendDialog")
        self.setWindowTitle(self.tr("Sending through TEA Lite"))
        self.db = db
        self.campaign_id = campaign_id
        self.connection = connection
        self.options = options or SendOptions()
        self._prepare = prepare
        self.control = SendControl()
        self.task: BackgroundTask | None = None
        self.summary: SendSummary | None = None
        self._last_table_refresh = 0.0
        # Set from start() to the worker's "finished": the QThread itself winds down later.
        self._running = False
        self._build()

    def _build(self) -> None:
        self.progress_bar = QProgressBar()
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        labels = {
            "accepted": self.tr("Accepted"),
            "failed": self.tr("Failed"),
            "retrying": self.tr("Retrying"),
            "remaining": self.tr("Remaining"),
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
        self.model = OutboxTableModel(self.db, self.campaign_id, self)
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        for button in (self.pause_button, self.cancel_button, self.retry_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button.clicked.connect(self.cancel_send)
        self.retry_button.clicked.connect(self.retry_failed)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress_bar)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 560)
        self._set_running(False)

    # -- running -------------------------------------------------------------------------
    def start(self) -> BackgroundTask:
        """Send what is not yet accepted (also how a stopped campaign is resumed)."""
        return self.prepare_task().start()

    def prepare_task(self) -> BackgroundTask:
        """The task, connected to this dialog but not started (start it, or call start())."""
        if self.task is not None and self._running:
            return self.task
        self.control = SendControl()
        db, campaign_id, connection, options = (
            self.db,
            self.campaign_id,
            self.connection,
            self.options,
        )
        control, prepare = self.control, (self._prepare if not self.campaign_id else None)

        def work(progress: ProgressCallback, cancel: CancelToken) -> SendSummary:
            chosen = campaign_id
            if prepare is not None:
                chosen = prepare()
                # The task's first report: the worker never throttles that one away.
                progress(Progress(STAGE_PREPARING, details={"campaign_id": chosen}))
            return send_campaign(
                db,
                chosen,
                connection,
                options=options,
                progress=progress,
                cancel=cancel,
                control=control,
            )

        task = run_in_background(work, self)
        task.worker.progress.connect(self._on_progress)
        task.worker.result.connect(self._on_result)
        task.worker.error.connect(self._on_error)
        task.worker.cancelled.connect(self._on_cancelled)
        task.worker.finished.connect(self._on_finished)
        self.task = task
        if prepare is not None:
            self.status.setText(self.tr("Checking every recipient and filling the outbox…"))
        else:
            self.status.setText(self.tr("Sending…"))
        self._set_running(True)
        return task

    def _learn_campaign(self, campaign_id: object) -> None:
        if isinstance(campaign_id, int) and campaign_id and campaign_id != self.campaign_id:
            self.campaign_id = campaign_id
            self.model.set_campaign(campaign_id)

    def set_connection(self, connection: TeaLiteConnection) -> None:
        """A new token (after "credentials rejected"); takes effect on the next start."""
        self.connection = connection

    def toggle_pause(self) -> None:
        if self.control.paused:
            self.control.resume()
            self.pause_button.setText(self.tr("Pause"))
            self.status.setText(self.tr("Sending…"))
        else:
            self.control.pause()
            self.pause_button.setText(self.tr("Resume"))
            self.status.setText(self.tr("Paused. Messages already sent are not sent again."))

    def cancel_send(self) -> None:
        self.control.cancel()
        self.status.setText(self.tr("Cancelling: waiting for the requests in flight…"))

    def retry_failed(self) -> None:
        if retry_failed(self.db, self.campaign_id):
            self.start()

    # -- reports from the worker ---------------------------------------------------------
    def _on_progress(self, progress: Progress) -> None:
        d = progress.details
        if progress.stage == STAGE_PREPARING:
            self._learn_campaign(d.get("campaign_id"))
            self.status.setText(self.tr("Sending…"))
            return
        self.progress_bar.setMaximum(max(1, int(progress.total or 0)))
        self.progress_bar.setValue(int(progress.done))
        for key in ("accepted", "failed", "retrying", "remaining"):
            self.values[key].setText(str(d.get(key, 0)))
        self.values["rate"].setText(f"{float(d.get('rate') or 0):.1f}")
        eta = d.get("eta_s")
        self.values["eta"].setText(_duration(float(eta) if eta is not None else None))
        now = time.monotonic()
        if now - self._last_table_refresh >= TABLE_REFRESH_S:
            self._last_table_refresh = now
            self.model.refresh()

    def _on_result(self, summary: SendSummary) -> None:
        self._learn_campaign(summary.campaign_id)
        self.summary = summary
        if summary.complete:
            text = self.tr("Done: all {count} messages were accepted.")
            self.status.setText(text.format(count=summary.accepted))
        else:
            text = self.tr("Finished: {accepted} accepted, {failed} failed.")
            self.status.setText(text.format(accepted=summary.accepted, failed=summary.failed))
        self.send_finished.emit(summary)

    def _on_error(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
        if isinstance(error, CredentialsRejected):
            self.credentials_rejected.emit(self.campaign_id)

    def _on_cancelled(self) -> None:
        if self.control.cancelled:
            self.status.setText(self.tr("Cancelled. The messages not sent stay in the outbox."))
        else:
            self.status.setText(self.tr("Stopped. The campaign can be resumed later."))

    def _on_finished(self) -> None:
        if not self.isVisible():
            _open_dialogs.discard(self)
        self.model.refresh()
        counts = OutboxRepository(self.db).counts(self.campaign_id)
        self.values["accepted"].setText(str(counts.accepted))
        self.values["failed"].setText(str(counts.failed))
        self.values["remaining"].setText(str(counts.remaining))
        self.values["retrying"].setText(str(counts.retrying))
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.pause_button.setEnabled(running)
        self.pause_button.setText(self.tr("Pause"))
        self.cancel_button.setEnabled(running)
        failed = OutboxRepository(self.db).counts(self.campaign_id).failed
        self.retry_button.setEnabled(not running and failed > 0)
        self.close_button.setEnabled(not running)

    def is_running(self) -> bool:
        return self._running

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window stops the run but keeps the campaign resumable.
        if self.task is not None and self._running:
            self.task.cancel()
        else:
            _open_dialogs.discard(self)
        super().closeEvent(event)


def _keep_open(dialog: RestSendDialog) -> None:
    """Keep a sending dialog alive while it works; forget it once Qt deletes it."""
    _open_dialogs.add(dialog)
    dialog.destroyed.connect(lambda _obj=None, d=dialog: _open_dialogs.discard(d))


def start_rest_send(
    parent: QWidget | None,
    target: Database | AppContext,
    campaign: int | Campaign,
    connection: TeaLiteConnection | None = None,
    *,
    options: SendOptions | None = None,
    show: bool = True,
) -> BackgroundTask:
    """Open the progress dialog for a TEA Lite campaign and send it.

    Two forms:

    * ``start_rest_send(parent, db, campaign_id, connection)``: a campaign already in the
      outbox; the returned task is started.
    * ``start_rest_send(parent, context, campaign)`` (the composer): the account's
      connection is resolved now (errors raise here), the campaign is checked and written
      to the outbox in the worker, then sent; the returned task is NOT started, so the
      caller connects to ``task.worker`` first and then calls ``task.start()``.

    The dialog is ``task.owner``; it exposes ``credentials_rejected(campaign_id)`` and
    ``send_finished(summary)``.
    """
    if isinstance(campaign, Campaign):
        if not isinstance(target, AppContext):
            raise TypeError("the composer form takes the AppContext")
        context = target
        connection = connection or connection_for_account(
            context, campaign.account_name, campaign.campaign_ref
        )
        if not campaign.source_system:
            campaign = dataclasses.replace(campaign, source_system=connection.source_system)
        chosen = campaign
        dialog = RestSendDialog(
            context.db,
            0,
            connection,
            options=options,
            parent=parent,
            prepare=lambda: create_from_composer(context.db, chosen),
        )
        _keep_open(dialog)
        if show:
            dialog.show()
        return dialog.prepare_task()
    if connection is None or isinstance(target, AppContext):
        raise TypeError("start_rest_send(parent, db, campaign_id, connection)")
    dialog = RestSendDialog(target, campaign, connection, options=options, parent=parent)
    _keep_open(dialog)
    if show:
        dialog.show()
    return dialog.start()


class ResumeCampaignsDialog(QDialog):
    """At start-up: the TEA Lite campaigns left unfinished, to resume (all checked)."""

    def __init__(self, items: list[UnfinishedCampaign], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ResumeCampaignsDialog")
        self.setWindowTitle(self.tr("Unfinished campaigns"))
        self.items = items
        self.list = QListWidget()
        for item in items:
            record, counts = item.record, item.counts
            text = self.tr("{subject} (campaign {ref}): {accepted} of {total} sent").format(
                subject=record.subject,
                ref=record.campaign_ref or record.id,
                accepted=counts.accepted,
                total=counts.total,
            )
            row = QListWidgetItem(text)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked)
            row.setData(Qt.ItemDataRole.UserRole, record.id)
            self.list.addItem(row)
        buttons = QDialogButtonBox()
        self.resume_button = buttons.addButton(
            self.tr("Resume sending"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        explanation = QLabel(
            self.tr(
                "These campaigns stopped before every message was sent. Resuming sends only "
                "the messages not yet accepted."
            )
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> list[int]:
        rows = (self.list.item(i) for i in range(self.list.count()))
        return [
            int(row.data(Qt.ItemDataRole.UserRole))
            for row in rows
            if row.checkState() == Qt.CheckState.Checked
        ]


def resume_campaigns(
    parent: QWidget | None, context: AppContext, campaign_ids: list[int]
) -> list[BackgroundTask]:
    """Start a sending dialog for each campaign; errors (no account...) are shown."""
    tasks: list[BackgroundTask] = []
    campaigns = CampaignRepository(context.db)
    for campaign_id in campaign_ids:
        record = campaigns.get(campaign_id)
        if record is None:
            continue
        try:
            connection = connection_for(context, record)
        except TeenvioError as exc:
            QMessageBox.warning(
                parent, QCoreApplication.translate("RestSend", "Cannot resume"), error_text(exc)
            )
            continue
        tasks.append(start_rest_send(parent, context.db, campaign_id, connection))
    return tasks


def offer_resume(parent: QWidget | None, context: AppContext) -> ResumeCampaignsDialog | None:
    """Call once the main window is shown: asks (non-modally) to resume unfinished sends."""
    items = unfinished_campaigns(context.db)
    if not items:
        return None
    dialog = ResumeCampaignsDialog(items, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: resume_campaigns(parent, context, dialog.chosen()))
    dialog.open()
    return dialog
