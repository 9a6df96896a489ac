"""The import wizard's last page: the import running, with progress and cancel, then its
result and the rejected rows to export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from teenvio_desktop.core.recipients import ImportResult, export_rejects, import_file
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback
from teenvio_desktop.ui import file_folders
from teenvio_desktop.ui.formatting import format_count
from teenvio_desktop.ui.recipients.wizard_base import ImportWizardBase
from teenvio_desktop.ui.tasks import Task, run_task
from teenvio_desktop.ui.translation import error_text, qt_translate


class ResultPage(QWizardPage):
    """Runs the import with progress and cancel, then shows what happened."""

    def __init__(self, wizard: ImportWizardBase) -> None:
        super().__init__()
        self._wizard = wizard
        self._task: Task | None = None
        self._done = False
        self.setTitle(self.tr("Import"))
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.cancel_button = QPushButton(self.tr("&Cancel import"))
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(self.cancel_running)
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.counts: dict[str, QLabel] = {}
        grid = QFormLayout()
        for key, label in (
            ("valid", self.tr("Valid:")),
            ("invalid", self.tr("Invalid:")),
            ("duplicates", self.tr("Duplicates:")),
            ("suppressed", self.tr("Suppressed:")),
        ):
            value = QLabel("-")
            value.setObjectName(f"importCount_{key}")
            self.counts[key] = value
            grid.addRow(label, value)
        self.export_button = QPushButton(self.tr("&Export rejected rows…"))
        self.export_button.setObjectName("importExportRejects")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._export_rejects)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addLayout(grid)
        layout.addWidget(self.export_button)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self._done = False
        self._wizard.import_result = None
        self.export_button.setEnabled(False)
        for label in self.counts.values():
            label.setText("-")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Importing…"))
        value, is_text = self._wizard.source()
        options = self._wizard.import_options()
        db = self._wizard.context.db

        def work(progress: ProgressCallback, cancel: CancelToken) -> ImportResult:
            return import_file(db, value, options, progress, cancel, text=is_text)

        task = run_task(work, self)
        task.progress.connect(self._on_progress)
        task.result.connect(self._on_result)
        task.error.connect(self._on_error)
        task.cancelled.connect(self._on_cancelled)
        task.finished.connect(self._on_finished)
        self._task = task
        task.start()

    def cleanupPage(self) -> None:
        self.cancel_running()

    def cancel_running(self) -> None:
        if self._task is not None and self._task.is_running():
            self._task.cancel()

    def running(self) -> bool:
        return self._task is not None and self._task.is_running()

    def isComplete(self) -> bool:
        return self._done

    def _on_progress(self, report: Progress) -> None:
        if report.total:
            self.progress.setValue(int(1000 * report.done / report.total))
        rows = report.details.get("rows", 0)
        self.status.setText(self.tr("Importing… %Ln row(s) read", "", int(rows)))

    def _on_result(self, result: ImportResult) -> None:
        self._wizard.import_result = result
        self.progress.setValue(1000)
        for key in self.counts:
            self.counts[key].setText(format_count(getattr(result, key)))
        self.status.setText(
            self.tr(
                "The list \u201c{name}\u201d is ready with %Ln recipient(s).", "", result.valid
            ).format(name=result.list_name)
        )
        self.export_button.setEnabled(result.rejected > 0)
        self._wizard.imported.emit(result.list_id)

    def _on_error(self, error: BaseException) -> None:
        self.status.setText(error_text(error))

    def _on_cancelled(self) -> None:
        self.status.setText(self.tr("Import cancelled. Nothing was saved."))

    def _on_finished(self) -> None:
        self.cancel_button.setEnabled(False)
        self._done = True
        self.completeChanged.emit()

    def _export_rejects(self) -> None:
        result = self._wizard.import_result
        if result is None:
            return
        path = self._wizard.prompter.save_file(
            self,
            self.tr("Export rejected rows"),
            "rejects.csv",
            self.tr("CSV (*.csv)"),
            kind=file_folders.EXPORTS,
        )
        if path is not None:
            self.export_rejects_to(path)

    def export_rejects_to(self, path: Path) -> int:
        assert self._wizard.import_result is not None
        written = export_rejects(
            self._wizard.context.db, self._wizard.import_result.list_id, path, qt_translate
        )
        self.status.setText(
            self.tr("{count} rejected rows written to {file}.").format(count=written, file=path)
        )
        return written
